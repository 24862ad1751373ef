"""A cell showing #REF!, #VALUE!, #DIV/0! … holds no usable value."""
from ..errors import CellError, at
from ..fields import Fields
from ..spec import FormSpec
from ._common import expected


def check_formula_errors(fields: Fields, spec: FormSpec) -> list[CellError]:
    """An error per value or narrative cell whose (cached) result is a formula error."""
    errors = []
    for f in fields.numbers:
        if f.kind == "error":
            vi, en = expected(f.indicator)
            errors.append(at(f.sheet, f.cell, "formula_error",
                             f"ô báo lỗi công thức {f.found}; {vi}, gõ trực tiếp vào ô",
                             f"the cell shows the formula error {f.found}; {en}, typed in directly"))
    for t in fields.texts:
        if t.error:
            errors.append(at(t.sheet, t.cell, "formula_error",
                             f"ô báo lỗi công thức {t.text}; cần nhập nội dung thuyết minh",
                             f"the cell shows the formula error {t.text}; expected the narrative text"))
    return errors
