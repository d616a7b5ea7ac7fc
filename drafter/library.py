"""The library search path: where outlines, templates, phrase banks and styles are found.

A library root is a directory holding ``outlines/``, ``templates/`` (with ``templates/styles/``) and
``phrasebank/``. Roots are searched in this order, later ones winning when two hold the same file:

1. the built-in library shipped with drafter (``drafter/_library`` in a wheel, the repository root
   in a source checkout);
2. the directories in the ``DRAFTER_LIBRARY`` environment variable (``os.pathsep``-separated);
3. the ``--library DIR`` options, in the order given.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable

import drafter
from drafter.errors import DrafterError

ENV = "DRAFTER_LIBRARY"
BUILTIN = "内置 built-in"
FROM_ENV = ENV
FROM_OPTION = "--library"


@dataclass(frozen=True)
class Root:
    """One library directory and where it was named."""

    path: Path
    origin: str          # BUILTIN, FROM_ENV or FROM_OPTION


def builtin_root() -> Path:
    """The built-in library: inside an installed wheel, else the source checkout's root."""
    package = Path(drafter.__file__).resolve().parent
    shipped = package / "_library"
    return shipped if shipped.is_dir() else package.parent


def library_roots(extra: Iterable[str | os.PathLike] = ()) -> list[Root]:
    """Every library root, lowest precedence first: built-in, then DRAFTER_LIBRARY, then ``extra``.

    A directory named twice keeps only its last (highest) place. A named directory that does not
    exist is an error, so a typo in ``--library`` is not silently ignored.
    """
    named = [Root(builtin_root(), BUILTIN)]
    for entry in os.environ.get(ENV, "").split(os.pathsep):
        if entry.strip():
            named.append(Root(_existing(entry.strip(), FROM_ENV), FROM_ENV))
    for entry in extra:
        named.append(Root(_existing(entry, FROM_OPTION), FROM_OPTION))
    roots: list[Root] = []
    for root in named:
        roots = [r for r in roots if r.path != root.path] + [root]
    return roots


def _existing(entry: str | os.PathLike, origin: str) -> Path:
    path = Path(entry).expanduser()
    if not path.is_dir():
        raise DrafterError(f"资料库目录不存在 library directory not found (from {origin})", where=str(path))
    return path.resolve()


def search_dirs(kind: str, extra: Iterable[str | os.PathLike] = ()) -> list[tuple[Path, Root]]:
    """The existing ``kind`` subdirectories (``outlines``, ``templates``, ``templates/styles`` …),
    highest precedence first, each with its root."""
    found = []
    for root in reversed(library_roots(extra)):
        folder = root.path / kind
        if folder.is_dir():
            found.append((folder, root))
    return found
