"""Style profiles: the page and type settings of a layout, kept as YAML data in templates/styles/.

Profiles are found by the library (``Library.profile``) in its ``templates/styles`` folders; this
module reads and merges them. A profile may say ``extends: other``; its settings are merged over the
other's, key by key.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any
from collections.abc import Callable

from drafter.errors import ProfileError

POSITIONS = ("outside", "center")
REQUIRED = ("page", "text_size", "char_spacing", "fonts", "numbering", "page_number", "styles")


def _read(path: Path) -> dict[str, Any]:
    """One profile file's settings; kept in the cache (``drafter.cache``) until the file changes."""
    from drafter import cache

    try:
        key = cache.stamp([path])
    except OSError:
        key = None
    kept = cache.load("profile", key) if key else None
    if isinstance(kept, dict):
        return kept
    from drafter.errors import DrafterError, LimitError
    from drafter.yamlfile import read_yaml

    try:
        data = read_yaml(path).data
    except LimitError:
        raise
    except DrafterError as exc:
        raise ProfileError(f"版式文件：{exc.message}", where=exc.where) from None
    if not isinstance(data, dict):
        raise ProfileError("版式文件应是一个映射", where=str(path))
    if key:
        cache.store("profile", key, data)
    return data


def merge(base: dict[str, Any], over: dict[str, Any]) -> dict[str, Any]:
    """``over`` merged into ``base``: mappings key by key, anything else replaced."""
    out = dict(base)
    for key, value in over.items():
        if isinstance(value, dict) and isinstance(out.get(key), dict):
            out[key] = merge(out[key], value)
        else:
            out[key] = value
    return out


#: the built-in profile whose shape every other profile must keep (a mapping where it has a mapping,
#: a number where it has a number …), so a careless value is one error naming its key, not a traceback.
REFERENCE = "gbt9704"


def _kind(value: Any) -> str:
    if isinstance(value, bool):
        return "true/false"
    if isinstance(value, (int, float)):
        return "数字"
    if isinstance(value, str):
        return "文字"
    if isinstance(value, dict):
        return "映射"
    if isinstance(value, list):
        return "列表"
    return type(value).__name__


def _check_shape(data: Any, reference: Any, path: tuple[Any, ...], name: str) -> None:
    """Every setting ``reference`` has is of the same kind in ``data``; ProfileError otherwise."""
    if isinstance(reference, dict) and isinstance(data, dict):
        for key, value in data.items():
            if key in reference and reference[key] is not None and value is not None:
                _check_shape(value, reference[key], path + (key,), name)
            elif key not in reference and isinstance(value, dict) and path == ("styles",):
                _check_shape(value, next(iter(reference.values())), path + (key,), name)
        return
    if isinstance(reference, list) and isinstance(data, list) and reference:
        if len(data) > 100:
            raise ProfileError(f"版式设置 {'.'.join(map(str, path))} 太长（{len(data)} 项）", where=name)
        for i, item in enumerate(data):
            _check_shape(item, reference[min(i, len(reference) - 1)], path + (i,), name)
        return
    if _kind(data) != _kind(reference):
        where = ".".join(str(p) for p in path)
        raise ProfileError(f"版式设置 {where} 应是{_kind(reference)}，不是{_kind(data)}", where=name)
    if isinstance(data, (int, float)) and not isinstance(data, bool) and not -1e6 < data < 1e6:
        raise ProfileError(f"版式设置 {'.'.join(map(str, path))} 超出范围：{data}", where=name)


def load_profile(name: str, find: Callable[[str], Path]) -> dict[str, Any]:
    """The named profile with everything it extends merged in; ``find`` gives a name's file."""
    chain: list[str] = []
    data: dict[str, Any] = {}
    current: str | None = name
    while current is not None:
        if current in chain:
            raise ProfileError(f"版式循环继承：{' → '.join(chain + [current])}")
        chain.append(current)
        path = find(current)
        layer = _read(path)
        data = merge(layer, data)
        current = layer.get("extends")
    data.pop("extends", None)
    if name != REFERENCE:
        _check_shape(data, load_profile(REFERENCE, find), (), name)
    data["name"] = Path(name).stem if name.endswith((".yaml", ".yml")) else name
    missing = [key for key in REQUIRED if key not in data]
    if missing:
        raise ProfileError(f"版式缺少设置：{', '.join(missing)}", where=name)
    if data["page_number"].get("position") not in POSITIONS:
        raise ProfileError(f"页码位置 page_number.position 应为其中之一：{' '.join(POSITIONS)}", where=name)
    families = [spec.get("font") for spec in data["styles"].values()] + [data["page_number"].get("font")]
    unknown = sorted({f for f in families if f is not None and f not in data["fonts"]})
    if unknown:
        known = " ".join(data["fonts"])
        raise ProfileError(f"版式用了未定义的字体 {', '.join(unknown)}；已定义：{known}",
                           where=name)
    return data
