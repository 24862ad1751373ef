"""DOCX → PDF with headless LibreOffice, so the PDF matches the Word file line for line."""
from __future__ import annotations

import os
import shutil
import signal
import subprocess
import tempfile
from pathlib import Path


class PdfUnavailable(Exception):
    """LibreOffice is missing, failed or took too long; callers offer the .docx instead."""

    def __init__(self, reason: str):
        super().__init__(f"Không tạo được PDF (cần LibreOffice: gói libreoffice-writer-nogui): {reason} / "
                         f"Cannot make the PDF (needs LibreOffice, Debian package libreoffice-writer-nogui): "
                         f"{reason}")
        self.reason = reason


def soffice_path() -> str | None:
    """The LibreOffice command, if installed."""
    return shutil.which("soffice") or shutil.which("libreoffice")


def pdf_available() -> bool:
    """Whether PDF export can be offered on this machine."""
    return soffice_path() is not None


def docx_to_pdf(docx: bytes, timeout: int = 120) -> bytes:
    """Convert .docx bytes to PDF bytes.

    LibreOffice converts files, not streams, so this is the one place that uses a temporary directory; it
    also holds a private user profile (-env:UserInstallation), so parallel conversions share no profile lock.
    """
    soffice = soffice_path()
    if soffice is None:
        raise PdfUnavailable("không tìm thấy lệnh soffice / soffice not found")
    with tempfile.TemporaryDirectory(prefix="chidao-pdf-") as tmp:
        work = Path(tmp)
        source = work / "bao-cao.docx"
        source.write_bytes(docx)
        profile = f"-env:UserInstallation={(work / 'profile').as_uri()}"
        command = [soffice, profile, "--headless", "--norestore", "--nolockcheck", "--convert-to", "pdf",
                   "--outdir", str(work), str(source)]
        _run(command, timeout)
        target = work / "bao-cao.pdf"
        if not target.exists() or target.stat().st_size == 0:
            raise PdfUnavailable("LibreOffice không tạo ra tệp PDF / LibreOffice wrote no PDF")
        return target.read_bytes()


def _run(command: list[str], timeout: int) -> None:
    """Run LibreOffice in its own process group so a timeout kills its helper processes too."""
    env = {**os.environ, "HOME": str(Path(command[-1]).parent)}  # some builds write ~/.config regardless
    with subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, env=env,
                          start_new_session=True) as process:
        try:
            output, _ = process.communicate(timeout=timeout)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
            process.communicate()
            raise PdfUnavailable(f"quá {timeout} giây / timed out after {timeout} s") from None
    if process.returncode != 0:
        detail = output.decode("utf-8", "replace").strip()[-300:]
        code = process.returncode
        raise PdfUnavailable(f"soffice trả về mã {code} / exited with {code}: {detail}")
