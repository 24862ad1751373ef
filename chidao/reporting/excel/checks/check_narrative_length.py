"""Narratives over their limit are refused, never cut short silently."""
from ..errors import CellError, at, number_en, number_vi
from ..fields import Fields
from ..spec import FormSpec


def check_narrative_length(fields: Fields, spec: FormSpec) -> list[CellError]:
    """An error per narrative longer than its max_chars (counted after NFC)."""
    errors = []
    for t in fields.texts:
        size, limit = len(t.text), t.narrative.max_chars
        if size > limit:
            errors.append(at(t.sheet, t.cell, "too_long",
                             f"nội dung dài {number_vi(size)} ký tự, vượt giới hạn {number_vi(limit)} ký tự; "
                             "hãy rút gọn",
                             f"the text is {number_en(size)} characters long, over the limit of "
                             f"{number_en(limit)}; shorten it"))
    return errors
