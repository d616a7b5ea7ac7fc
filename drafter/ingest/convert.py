"""Files of other word processors (.doc, .wps, .rtf, .odt): converted to .docx by LibreOffice when it is
installed, then read as .docx; without LibreOffice, one clear line says how to save the file as .docx."""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
from pathlib import Path

from drafter.errors import DrafterError
from drafter.ingest import SourceLine

#: how long one conversion may take before it is given up
TIMEOUT = 120


def soffice() -> str | None:
    """The LibreOffice program, if installed (DRAFTER_SOFFICE names another)."""
    named = os.environ.get("DRAFTER_SOFFICE")
    if named:
        return shutil.which(named) or (named if Path(named).is_file() else None)
    return shutil.which("soffice") or shutil.which("libreoffice")


def convert_to_docx(path: Path, folder: Path) -> Path:
    """Convert ``path`` with LibreOffice into ``folder``; the .docx written, or a DrafterError."""
    program = soffice()
    if program is None:
        raise DrafterError(f"无法读取 {path.suffix} 文件：请用 Word 或 WPS 打开，另存为 .docx 后再试"
                           "（或安装 LibreOffice，drafter 会自动转换）", where=str(path))
    profile = folder / "profile"
    command = [program, f"-env:UserInstallation={profile.as_uri()}", "--headless", "--convert-to", "docx",
               "--outdir", str(folder), str(path.resolve())]
    try:
        subprocess.run(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, timeout=TIMEOUT, check=False)
    except (OSError, subprocess.TimeoutExpired):
        raise DrafterError("LibreOffice 未能转换此文件：请用 Word 或 WPS 另存为 .docx 后再试",
                           where=str(path)) from None
    out = folder / (path.stem + ".docx")
    if not out.is_file():
        raise DrafterError("LibreOffice 未能转换此文件：请用 Word 或 WPS 另存为 .docx 后再试", where=str(path))
    return out


def read_legacy_lines(path: Path) -> list[SourceLine]:
    from drafter.ingest.docx import read_docx_lines

    with tempfile.TemporaryDirectory(prefix="drafter-") as tmp:
        return read_docx_lines(convert_to_docx(path, Path(tmp)))
