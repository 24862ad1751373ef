"""A template downloaded for another agency must not be filed as this agency's report."""
from ..errors import CellError, file_error, quoted
from ..fields import Fields
from ..spec import FormSpec


def check_agency(fields: Fields, spec: FormSpec) -> list[CellError]:
    """One error when meta_agency names another agency."""
    found = fields.meta["agency"] or ""
    if found == spec.agency_code:
        return []
    return [file_error(
        "wrong_agency",
        f"Tệp là mẫu của đơn vị khác (mã {quoted(found)}), không phải của {spec.agency_name} "
        f"(mã {quoted(spec.agency_code)}); hãy tải mẫu của đơn vị mình",
        f"The file is another agency's template (code {quoted(found)}), not {spec.agency_name}'s "
        f"(code {quoted(spec.agency_code)}); download your own agency's template")]
