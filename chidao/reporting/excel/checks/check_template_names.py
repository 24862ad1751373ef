"""The hidden identity cells (form, version, agency, period) must exist, or the file is not our template."""
from ..errors import CellError, file_error
from ..fields import Fields
from ..names import META_NAMES
from ..spec import FormSpec


def check_template_names(fields: Fields, spec: FormSpec) -> list[CellError]:
    """One error naming the identity names that are missing."""
    missing = [META_NAMES[key] for key, value in fields.meta.items() if value is None]
    if not missing:
        return []
    listed = ", ".join(missing)
    return [file_error(
        "not_template",
        f"Tệp không phải là mẫu báo cáo {spec.form_code} của hệ thống hoặc mẫu đã bị sửa (thiếu: {listed}); "
        f"hãy tải mẫu mới (phiên bản {spec.version}) và nhập lại",
        f"The file is not the system's {spec.form_code} template or the template was altered "
        f"(missing: {listed}); download the new template (version {spec.version}) and enter the data again")]
