"""A template downloaded for another period must not be filed for this one."""
from ..errors import CellError, file_error, quoted
from ..fields import Fields
from ..spec import FormSpec


def check_period(fields: Fields, spec: FormSpec) -> list[CellError]:
    """One error when meta_period names another period."""
    found = fields.meta["period"] or ""
    if found == spec.period_code:
        return []
    return [file_error(
        "wrong_period",
        f"Tệp là mẫu của kỳ báo cáo khác (mã {quoted(found)}), không phải kỳ {spec.period_label} "
        f"(mã {quoted(spec.period_code)}); hãy tải mẫu của kỳ này",
        f"The file is the template of another period (code {quoted(found)}), not {spec.period_label} "
        f"(code {quoted(spec.period_code)}); download this period's template")]
