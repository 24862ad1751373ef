"""Reader of Vietnamese administrative documents (Decree 30/2020, Circular 01/2011 layout).

Pure Python: nothing here imports Django, so the reader can be used and tested alone.

    parse(text) -> dict      the SCHEMA.md fields, sections, tasks, warnings
    read_file(path) -> ReadText   text of a .txt/.md/.docx/.pdf file, or UnreadableDocument

`parse` is the build compiled by mypyc where one matches these sources (see compiled.py), else the plain-Python
`parse_python`; both give the same results.
"""
from . import compiled
from .parse import parse as parse_python

parse = compiled.load() or parse_python
COMPILED = parse is not parse_python

__all__ = ["parse", "parse_python", "COMPILED"]
