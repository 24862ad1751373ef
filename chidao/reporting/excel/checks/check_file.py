"""Is the upload an .xlsx at all? Size and zip-bomb limits are checked before openpyxl sees a byte."""
import zipfile
from io import BytesIO

from ..errors import CellError, file_error, number_en, number_vi

OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"   # Excel 97-2003 .xls, and any password-protected workbook
MAX_MEMBERS = 2000
UNPACKED_PER_PACKED = 10                           # declared uncompressed total may be 10x the size limit


def check_file(data: bytes, max_bytes: int) -> list[CellError]:
    """One error if the bytes are not a plausible .xlsx; [] otherwise."""
    if len(data) > max_bytes:
        return [_too_big(len(data), max_bytes)]
    if not data:
        return [file_error("empty_file", "Tệp rỗng; hãy tải lên tệp mẫu đã điền",
                           "The file is empty; upload the filled template")]
    if data.startswith(OLE_MAGIC):
        return [file_error("old_excel",
                           "Tệp là bảng tính Excel 97–2003 (.xls) hoặc đã đặt mật khẩu; hãy lưu lại "
                           "dưới dạng .xlsx (Excel Workbook), không đặt mật khẩu",
                           "The file is an Excel 97-2003 (.xls) or password-protected workbook; save it as "
                           ".xlsx (Excel Workbook) without a password")]
    try:
        with zipfile.ZipFile(BytesIO(data)) as archive:
            members = archive.infolist()
    # (NotImplementedError: a member asks for a newer ZIP version or a compression zipfile cannot read)
    except (zipfile.BadZipFile, zipfile.LargeZipFile, NotImplementedError, OSError, ValueError, EOFError, KeyError):
        return [not_xlsx()]
    unpacked = sum(member.file_size for member in members)
    if len(members) > MAX_MEMBERS or unpacked > UNPACKED_PER_PACKED * max_bytes:
        return [file_error("zip_bomb",
                           f"Tệp giải nén ra quá lớn ({_mb_vi(unpacked)}); đây không phải là mẫu báo cáo "
                           "đã điền",
                           f"The file unpacks to too much data ({_mb_en(unpacked)}); it is not a filled "
                           "report template")]
    names = {member.filename for member in members}
    if "[Content_Types].xml" not in names or not any(name.startswith("xl/") for name in names):
        return [not_xlsx()]
    return []


def not_xlsx() -> CellError:
    """The one error for bytes that are not a readable .xlsx workbook."""
    return file_error("not_xlsx",
                      "Tệp không phải là bảng tính Excel .xlsx hoặc đã bị hỏng; hãy tải lên tệp mẫu đã điền, "
                      "lưu dưới dạng .xlsx",
                      "The file is not an .xlsx workbook or it is damaged; upload the filled template saved "
                      "as .xlsx")


def _too_big(size: int, limit: int) -> CellError:
    return file_error("too_big", f"Tệp quá lớn ({_mb_vi(size)}); tối đa {_mb_vi(limit)}",
                      f"The file is too large ({_mb_en(size)}); the limit is {_mb_en(limit)}")


def _mb(size: int) -> float:
    return round(size / 1024 / 1024, 1)


def _mb_vi(size: int) -> str:
    mb = _mb(size)
    return f"{number_vi(int(mb)) if mb.is_integer() else str(mb).replace('.', ',')} MB"


def _mb_en(size: int) -> str:
    mb = _mb(size)
    return f"{number_en(int(mb)) if mb.is_integer() else mb} MB"
