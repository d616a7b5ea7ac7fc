"""Files of other word processors (.doc, .wps, .rtf, .odt): converted to .docx by LibreOffice when it is
installed, then read as .docx; without LibreOffice, one clear line says how to save the file as .docx.

Starting LibreOffice is most of the time a conversion takes (1.5 s for one file; 2.3 s for twenty in
one run), so where many are read — a folder mined or parsed — they are converted first, up to ``BATCH``
in one run (``converted_first``), and read from there; a file such a run did not convert is converted
alone when it is read, and its error is reported then.

A file converted is kept in the user's cache folder (``drafter.cache``), under its path, time and size
and the LibreOffice program: reading it again (mining the archive after adding a few files) converts
nothing."""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path

from drafter.errors import DrafterError
from drafter.ingest import READERS, SourceLine

#: how long one conversion may take before it is given up
TIMEOUT = 120
#: files converted in one LibreOffice run, and the time a run may take beyond ``TIMEOUT`` for each
BATCH = 40
PER_FILE = 10
#: a legacy file (resolved) → its .docx, converted ahead by ``converted_first`` while it lasts
_ahead: dict[Path, Path] = {}


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
    if not _run(program, [path], folder, TIMEOUT):
        raise DrafterError("LibreOffice 未能转换此文件：请用 Word 或 WPS 另存为 .docx 后再试", where=str(path))
    out = folder / (path.stem + ".docx")
    if not out.is_file():
        raise DrafterError("LibreOffice 未能转换此文件：请用 Word 或 WPS 另存为 .docx 后再试", where=str(path))
    return out


def _run(program: str, paths: list[Path], folder: Path, timeout: float) -> bool:
    """One LibreOffice run converting ``paths`` into ``folder``; False if it could not start or timed out
    (what it converted before is there all the same)."""
    profile = folder / "profile"
    command = [program, f"-env:UserInstallation={profile.as_uri()}", "--headless", "--convert-to", "docx",
               "--outdir", str(folder), *(str(p.resolve()) for p in paths)]
    try:
        subprocess.run(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, timeout=timeout, check=False)
    except (OSError, subprocess.TimeoutExpired):
        return False
    return True


def read_legacy_lines(path: Path) -> list[SourceLine]:
    from drafter.ingest.docx import read_docx_lines

    ahead = _ahead.get(path.resolve()) or _cached(path)
    if ahead is not None and ahead.is_file():
        return read_docx_lines(ahead)
    with tempfile.TemporaryDirectory(prefix="drafter-") as tmp:
        out = convert_to_docx(path, Path(tmp))
        _keep(path, out)
        return read_docx_lines(out)


def _cache_path(path: Path) -> Path | None:
    """Where the .docx of a file is kept: by its path, time and size, and the LibreOffice program
    (None without a cache folder, or for a file gone)."""
    from drafter.cache import cache_dir, checksum, stamp

    folder = cache_dir()
    if folder is None:
        return None
    try:
        key = stamp([path.resolve()])
    except OSError:
        return None
    return folder / "converted" / (checksum(key + "\n" + str(soffice())) + ".docx")


def _cached(path: Path) -> Path | None:
    """The kept .docx of a file, if there is one."""
    kept = _cache_path(path)
    return kept if kept is not None and kept.is_file() else None


def _keep(path: Path, docx: Path) -> Path:
    """Keep the .docx converted from ``path`` (written whole, then put in place); where it is kept, or
    ``docx`` itself when it cannot be (a cache that cannot be written is only slower)."""
    kept = _cache_path(path)
    if kept is None:
        return docx
    temp = kept.with_name(f".{kept.name}.{os.getpid()}")
    try:
        kept.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(docx, temp)
        os.replace(temp, kept)
    except OSError:
        temp.unlink(missing_ok=True)
        return docx
    return kept


@contextmanager
def converted_first(paths: Iterable[Path], progress: Callable[[int, int], None] | None = None) -> Iterator[None]:
    """The legacy files among ``paths`` converted to .docx ahead, ``BATCH`` in one LibreOffice run, for
    ``read_legacy_lines`` to read while the context lasts (in worker processes forked meanwhile too);
    ``progress(done, total)`` before the first run and after each. With fewer than two such files, or no
    LibreOffice, nothing is done ahead."""
    legacy = list(dict.fromkeys(p.resolve() for p in paths if READERS.get(p.suffix.lower()) == "legacy"))
    legacy = [p for p in legacy if _cached(p) is None]
    program = soffice()
    if len(legacy) < 2 or program is None:
        yield
        return
    with tempfile.TemporaryDirectory(prefix="drafter-") as tmp:
        batches = _batches(legacy)
        if progress:
            progress(0, len(batches))
        for k, batch in enumerate(batches):
            folder = Path(tmp) / str(k)
            _run(program, batch, folder, TIMEOUT + PER_FILE * len(batch))
            for path in batch:
                if (folder / (path.stem + ".docx")).is_file():
                    _ahead[path] = _keep(path, folder / (path.stem + ".docx"))
            if progress:
                progress(k + 1, len(batches))
        try:
            yield
        finally:
            for path in legacy:
                _ahead.pop(path, None)


def _batches(paths: list[Path]) -> list[list[Path]]:
    """``paths`` in runs of up to ``BATCH``, no two of a run with one name before the suffix (their
    .docx would be one file)."""
    batches: list[list[Path]] = []
    stems: list[set[str]] = []
    for path in paths:
        k = next((k for k, names in enumerate(stems) if path.stem not in names and len(batches[k]) < BATCH), None)
        if k is None:
            batches.append([])
            stems.append(set())
            k = len(batches) - 1
        batches[k].append(path)
        stems[k].add(path.stem)
    return batches
