"""Safe output: refuse to overwrite without --force, and write through a temp file so no file is half-written."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from drafter.errors import DrafterError


def check_target(path: str | Path, force: bool) -> Path:
    """The output path, if it may be written: its folder exists and is writable, and it is new (or ``force``)."""
    path = Path(path)
    folder = path.parent
    if path.is_dir():
        raise DrafterError("输出路径是一个目录 output path is a directory", where=str(path))
    if path.exists() and not force:
        raise DrafterError("输出文件已存在，加 --force 覆盖 output exists; use --force to overwrite", where=str(path))
    if not folder.is_dir():
        raise DrafterError("输出目录不存在 output folder does not exist", where=str(folder))
    if not os.access(folder, os.W_OK):
        raise DrafterError("输出目录不可写 output folder is not writable", where=str(folder))
    return path


def _mode_for(path: Path) -> int:
    """Permissions for the new file: the old file's, else what the umask allows."""
    if path.exists():
        return path.stat().st_mode & 0o777
    umask = os.umask(0)
    os.umask(umask)
    return 0o666 & ~umask


def write_atomically(path: Path, data: bytes) -> None:
    """Write ``data`` to a temp file beside ``path``, then move it into place in one step."""
    mode = _mode_for(path)
    try:
        fd, temp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".part")
    except OSError as exc:
        raise DrafterError(f"无法写入 cannot write: {exc.strerror}", where=str(path)) from None
    try:
        with os.fdopen(fd, "wb") as out:
            out.write(data)
        os.chmod(temp, mode)
        os.replace(temp, path)
    except BaseException as exc:
        os.unlink(temp)
        if isinstance(exc, OSError):
            raise DrafterError(f"无法写入 cannot write: {exc.strerror}", where=str(path)) from None
        raise
