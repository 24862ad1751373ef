"""A template re-saved by LibreOffice Calc (what many offices use) keeps its names and reads back the same."""
import shutil
import subprocess
from decimal import Decimal
from pathlib import Path

import pytest

from chidao.reporting.excel import build_template, read_upload

from .sample import FILLED_NARRATIVES, fill, filled_values, sample_spec

CALC = Path("/usr/lib/libreoffice/program/libsclo.so")  # Debian's libreoffice-calc(-nogui)

pytestmark = pytest.mark.skipif(
    shutil.which("soffice") is None or not CALC.exists(),
    reason="LibreOffice Calc is not installed (apt-get install libreoffice-calc-nogui)")


def _resave(data: bytes, tmp_path: Path) -> bytes:
    source = tmp_path / "in" / "bao-cao.xlsx"
    source.parent.mkdir()
    source.write_bytes(data)
    profile = (tmp_path / "profile").as_uri()  # a private profile: other soffice runs do not interfere
    subprocess.run(["soffice", f"-env:UserInstallation={profile}", "--headless",
                    "--convert-to", "xlsx:Calc MS Excel 2007 XML", "--outdir", str(tmp_path / "out"),
                    str(source)], check=True, capture_output=True, timeout=180)
    return (tmp_path / "out" / "bao-cao.xlsx").read_bytes()


def test_a_template_filled_then_saved_by_libreoffice_reads_back_the_same(tmp_path):
    spec = sample_spec()
    values = filled_values(spec)
    data = build_template(spec, values, FILLED_NARRATIVES)
    data = fill(data, {"v_cs_kd__karaoke": "1.234", "v_ht_kinh_phi__total": 12.75})
    result = read_upload(_resave(data, tmp_path), spec)
    assert result.errors == []
    expected = {key: None if value is None else Decimal(value) for key, value in values.items()}
    expected["CS_KD", "karaoke"] = Decimal(1234)
    expected["HT_KINH_PHI", "total"] = Decimal("12.75")
    assert result.values == expected
    assert result.narratives == FILLED_NARRATIVES
