"""Plain conversion of drafter's plain options, so a command does not import pydantic.

Typer 0.2x converts every parameter through a pydantic TypeAdapter, which imports pydantic (and
builds a schema per parameter) at each run: about a third of the start-up of ``drafter new``. The
options drafter declares are plain — ``str``, ``int``, ``bool``, ``Path``, optional or lists of them, with
no constraints — and converting those needs no schema. ``install`` puts a direct conversion in
front of Typer's for exactly those parameters and leaves every other to Typer; if Typer's internals
are not the ones this was written for, it does nothing.
"""

from __future__ import annotations

import types
import typing
from pathlib import Path
from typing import Any

def _bool(value: Any) -> bool:
    if isinstance(value, bool):
        return value
    text = str(value).strip().lower()
    if text in ("1", "true", "t", "yes", "y", "on"):
        return True
    if text in ("0", "false", "f", "no", "n", "off"):
        return False
    raise ValueError(value)


PLAIN: dict[Any, Any] = {str: str, int: int, float: float, Path: Path, bool: _bool}


def _plain(annotation: Any) -> tuple[Any, bool] | None:
    """(converter, is_list) for a plain annotation, else None."""
    origin = typing.get_origin(annotation)
    if origin in (typing.Union, getattr(types, "UnionType", None)):
        members = [a for a in typing.get_args(annotation) if a is not type(None)]
        return _plain(members[0]) if len(members) == 1 else None
    if origin is list:
        args = typing.get_args(annotation)
        inner = _plain(args[0]) if len(args) == 1 else None
        return (inner[0], True) if inner is not None and not inner[1] else None
    convert = PLAIN.get(annotation)
    return (convert, False) if convert is not None else None


def install() -> None:
    """Let plain parameters skip Typer's pydantic conversion (nothing happens if Typer differs)."""
    try:
        from typer import core
        from typer._click.exceptions import BadParameter
        from typer._coercion import RuntimeParam
    except ImportError:
        return
    original = getattr(core, "build_runtime_param", None)
    if original is None or getattr(original, "drafter_plain", False):
        return

    class Plain(RuntimeParam):
        def _coerce_value(self, value: Any, param: Any, ctx: Any) -> Any:
            convert, many = _plain(self.annotation) or (str, False)
            try:
                return [convert(v) for v in value] if many else convert(value)
            except (TypeError, ValueError):
                kind = {int: "integer", float: "float", Path: "path", _bool: "boolean"}.get(convert, "text")
                raise BadParameter(f"{value!r} is not a valid {kind}.", ctx=ctx, param=param) from None

    def build(descriptor: Any) -> Any:
        info = descriptor.parameter_info
        constrained = any(getattr(info, name, None) not in (None, False) for name in
                          ("min", "max", "clamp", "exists", "resolve_path", "writable", "allow_dash", "path_type",
                           "formats", "parser", "click_type"))
        constrained = constrained or not getattr(info, "file_okay", True) or not getattr(info, "dir_okay", True)
        if descriptor.file_annotation is None and not constrained and _plain(descriptor.annotation) is not None:
            return Plain(annotation=descriptor.annotation, parameter_info=info)
        return original(descriptor)

    build.drafter_plain = True  # type: ignore[attr-defined]
    core.build_runtime_param = build
