"""Reader of Vietnamese administrative documents (Decree 30/2020, Circular 01/2011 layout).

Pure Python: nothing here imports Django, so the reader can be used and tested alone.

    parse(text) -> dict      the SCHEMA.md fields, sections, tasks, warnings
    read_file(path) -> ReadText   text of a .txt/.md/.docx/.pdf file, or UnreadableDocument
"""
from .parse import parse

__all__ = ["parse"]
