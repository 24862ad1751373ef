"""Every input cell of the form must still carry its defined name; a deleted row or cell shows up here."""
from ..errors import CellError, at, file_error, quoted
from ..fields import Fields
from ..spec import FormSpec

MAX_LISTED = 20


def check_names(fields: Fields, spec: FormSpec) -> list[CellError]:
    """An error per missing name, anchored where a fresh template has the cell; a summary past MAX_LISTED."""
    errors = [_missing(m.sheet, m.cell, m.name, m.what, m.reference) for m in fields.missing[:MAX_LISTED]]
    rest = len(fields.missing) - MAX_LISTED
    if rest > 0:
        errors.append(file_error("missing_name", f"… và {rest} ô khác cũng không tìm thấy; hãy tải mẫu mới "
                                 f"(phiên bản {spec.version}) và nhập lại",
                                 f"… and {rest} more cells are missing too; download the new template "
                                 f"(version {spec.version}) and enter the data again"))
    return errors


def _missing(sheet: str, cell: str, name: str, what: str, reference: str | None) -> CellError:
    how_vi = f"đã bị xoá hoặc hỏng ({reference})" if reference else "không còn trong tệp"
    how_en = f"was deleted or broken ({reference})" if reference else "is no longer in the file"
    return at(sheet, cell, "missing_name",
              f"ô {quoted(what, 80)} (tên {name}) {how_vi}; mẫu đã bị sửa, hãy tải mẫu mới và nhập lại",
              f"cell {quoted(what, 80)} (name {name}) {how_en}; the template was altered, download a new one "
              "and enter the data again")
