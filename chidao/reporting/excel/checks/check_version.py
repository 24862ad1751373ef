"""Old templates are rejected: their rows may no longer match the form's indicators."""
from ..errors import CellError, file_error, quoted
from ..fields import Fields
from ..spec import FormSpec


def check_version(fields: Fields, spec: FormSpec) -> list[CellError]:
    """One error when meta_version is not the form's current version."""
    found = fields.meta["version"] or ""
    if found == str(spec.version):
        return []
    if not found.isdigit():
        return [file_error("wrong_version",
                           f"Không đọc được phiên bản mẫu ({quoted(found)}); "
                           f"hãy tải mẫu mới (phiên bản {spec.version})",
                           f"The template version ({quoted(found)}) is unreadable; download the new template "
                           f"(version {spec.version})")]
    if int(found) < spec.version:
        return [file_error("wrong_version",
                           f"Mẫu đã cũ (phiên bản {int(found)}); hãy tải mẫu mới (phiên bản {spec.version})",
                           f"The template is out of date (version {int(found)}); download the new template "
                           f"(version {spec.version})")]
    return [file_error("wrong_version",
                       f"Mẫu có phiên bản {int(found)}, khác phiên bản đang dùng; hãy tải mẫu mới "
                       f"(phiên bản {spec.version})",
                       f"The template is version {int(found)}, not the one in use; download the new template "
                       f"(version {spec.version})")]
