"""Excel layer of periodic reporting: build the downloadable template, read an uploaded one (no Django)."""
from .errors import CellError
from .spec import Column, FormSpec, IndicatorRow, NarrativeField
from .template import build_template
from .upload import UploadResult, read_upload

__all__ = ["CellError", "Column", "FormSpec", "IndicatorRow", "NarrativeField", "UploadResult",
           "build_template", "read_upload"]
