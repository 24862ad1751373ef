"""The upload must be this form, not another form's template."""
from ..errors import CellError, file_error, quoted
from ..fields import Fields
from ..spec import FormSpec


def check_form(fields: Fields, spec: FormSpec) -> list[CellError]:
    """One error when meta_form names another form."""
    found = fields.meta["form"]
    if found == spec.form_code:
        return []
    return [file_error(
        "wrong_form",
        f"Tệp là mẫu {quoted(found or '')}, không phải mẫu {spec.form_code} ({spec.form_name}); "
        "hãy tải đúng mẫu",
        f"The file is template {quoted(found or '')}, not {spec.form_code} ({spec.form_name}); "
        "download the right template")]
