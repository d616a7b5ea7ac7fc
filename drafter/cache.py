"""Values read from library files, kept between runs so a later run need not parse the files again.

A value is stored under a kind (``phrases``, ``outline`` …) and the stamps of the files it was read
from (path, mtime and size of each); it is found again only while every stamp is unchanged. Values
are plain data (str, int, float, bool, None, tuple, list, dict) stored with ``marshal``, which builds
them and runs nothing. The folder is ``DRAFTER_CACHE`` ("" for nowhere), else the user's cache folder
(``XDG_CACHE_HOME`` or ``~/.cache``)/drafter. A cache that cannot be read or written is only slower.
"""

from __future__ import annotations

import marshal
import os
import sys
import zlib
from pathlib import Path
from typing import Any
from collections.abc import Iterable

FORMAT = 1               # bump when a stored value changes shape


def cache_dir() -> Path | None:
    """The cache folder, or None when ``DRAFTER_CACHE`` is set empty."""
    if "DRAFTER_CACHE" in os.environ:
        return Path(os.environ["DRAFTER_CACHE"]) if os.environ["DRAFTER_CACHE"] else None
    return user_cache_dir()


def user_cache_dir() -> Path:
    """The user's cache folder for drafter: ``XDG_CACHE_HOME`` or ``~/.cache``, then drafter."""
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "drafter"


def checksum(text: str) -> str:
    """A short name for a long key (zlib's checksums: hashlib would load OpenSSL at every start)."""
    data = text.encode("utf-8", "surrogatepass")
    return f"{zlib.crc32(data):08x}{zlib.adler32(data):08x}{len(data):x}"


def stamp(paths: Iterable[str | os.PathLike]) -> str:
    """What a value read from these files depends on: each file's path, mtime and size."""
    parts = [f"v{FORMAT} {sys.version_info[:2]}"]
    for path in paths:
        st = os.stat(path)
        parts.append(f"{os.fspath(path)}\0{st.st_mtime_ns}\0{st.st_size}")
    return "\n".join(parts)


def _path(kind: str, key: str) -> Path | None:
    folder = cache_dir()
    if folder is None:
        return None
    return folder / "read" / f"{kind}-{checksum(key)}.marshal"


def load(kind: str, key: str) -> Any:
    """The value kept for ``kind`` and ``key`` (see ``stamp``), or None."""
    path = _path(kind, key)
    if path is None:
        return None
    try:
        kept, value = marshal.loads(path.read_bytes())
    except (OSError, EOFError, ValueError, TypeError):
        return None
    return value if kept == key else None


def store(kind: str, key: str, value: Any) -> None:
    """Keep ``value`` for ``kind`` and ``key``; written to a temporary file and put in place in one step."""
    path = _path(kind, key)
    if path is None:
        return
    temp = path.with_name(f".{path.name}.{os.getpid()}")
    try:
        data = marshal.dumps((key, value))
        path.parent.mkdir(parents=True, exist_ok=True)
        temp.write_bytes(data)
        os.replace(temp, path)
    except (OSError, ValueError):
        try:
            temp.unlink()
        except OSError:
            pass
