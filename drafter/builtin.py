"""Where drafter's own data is: the built-in library shipped with the package."""

from __future__ import annotations

from pathlib import Path

import drafter


def builtin_root() -> Path:
    """The built-in library: ``drafter/_library`` inside an installed wheel, else the source checkout's root."""
    package = Path(drafter.__file__).resolve().parent
    shipped = package / "_library"
    return shipped if shipped.is_dir() else package.parent


def outline_schema() -> Path:
    """The JSON Schema of outline files."""
    return builtin_root() / "outlines" / "schema.json"
