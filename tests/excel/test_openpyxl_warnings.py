"""Parts of real Excel files that openpyxl warns about do not break reading (warnings are errors in tests)."""
import zipfile
from io import BytesIO

from chidao.reporting.excel import build_template, read_upload

from .sample import sample_spec

SPEC = sample_spec()
# What Excel writes for a list validation pointing at another sheet: openpyxl warns that it drops it.
EXTENSION = (
    '<extLst><ext uri="{CCE6A557-97BC-4b89-ADB6-D9C93CAAB3DF}" '
    'xmlns:x14="http://schemas.microsoft.com/office/spreadsheetml/2009/9/main">'
    '<x14:dataValidations count="0" xmlns:xm="http://schemas.microsoft.com/office/excel/2006/main"/>'
    "</ext></extLst>")


def _with_extension(data: bytes) -> bytes:
    source = zipfile.ZipFile(BytesIO(data))
    out = BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for member in source.infolist():
            content = source.read(member)
            if member.filename.startswith("xl/worksheets/sheet"):
                content = content.replace(b"</worksheet>", EXTENSION.encode() + b"</worksheet>")
            target.writestr(member, content)
    return out.getvalue()


def test_an_unsupported_extension_warning_from_openpyxl_is_absorbed_and_the_file_read():
    data = _with_extension(build_template(SPEC, {("CS_KD", "total"): 5}))
    assert b"CCE6A557" in zipfile.ZipFile(BytesIO(data)).read("xl/worksheets/sheet3.xml")
    result = read_upload(data, SPEC)
    assert result.errors == []
    assert result.values["CS_KD", "total"] == 5
