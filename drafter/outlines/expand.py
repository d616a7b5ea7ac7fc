"""An outline's parts as a tree of items: how many sections and points, and each item's stacked specs.

A part of an outline is a fixed list of items, or a mapping with ``count``/``min``/``max``,
``items`` (the first items' own specs) and defaults every item inherits (``heading``, ``slots``,
``body``, ``children`` …). An item's ``children`` mapping is laid over its part's default
``children``; slots are merged by name, the nearer one winning.

An outline may come from anyone, so the tree is bounded: at most ``MAX_ITEMS`` sections and points in
all, and ``MAX_PARTS`` slots and body paragraphs summed over them (``count: 1000`` three levels deep is
one LimitError, not a billion items).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any
from collections.abc import Iterator

from drafter.errors import LimitError, OutlineError
from drafter.outlines.load import Outline


MAX_ITEMS = 500
MAX_PARTS = 10_000


@dataclass
class Layer:
    """One mapping (or list) of an outline, and its path in the YAML document."""

    spec: Any
    path: tuple


class Layers(list):
    """Specs stacked from general to particular; a lookup takes the most particular."""

    def get(self, key: str) -> tuple[Any, tuple] | None:
        for layer in reversed(self):
            if isinstance(layer.spec, dict) and key in layer.spec:
                return layer.spec[key], layer.path + (key,)
        return None

    def value(self, key: str, default: Any = None) -> Any:
        found = self.get(key)
        return default if found is None else found[0]

    def slots(self) -> dict[str, dict]:
        merged: dict[str, dict] = {}
        for layer in self:
            if isinstance(layer.spec, dict):
                for slot in layer.spec.get("slots", []):
                    merged[slot["name"]] = slot
        return merged


@dataclass
class Part:
    """The items of one level under one parent: how many, and each item's specs."""

    defaults: Layers
    items: list[Layer]
    count: int
    min: int
    max: int
    path: tuple

    def item_layers(self, i: int) -> Layers:
        """The stacked specs of the i-th item (0-based)."""
        return Layers(list(self.defaults) + ([self.items[i]] if i < len(self.items) else []))


def part_of(raws: list[Layer]) -> Part | None:
    """The part described by stacked ``sections``/``children`` specs; None for none or ``[]``."""
    if not raws:
        return None
    top = raws[-1]
    if isinstance(top.spec, list):
        if not top.spec:
            return None
        n = len(top.spec)
        required = sum(1 for s in top.spec if not (isinstance(s, dict) and s.get("optional")))
        return Part(Layers(), [Layer(s, top.path + (i,)) for i, s in enumerate(top.spec)], n, required, n, top.path)
    maps = Layers()
    for layer in reversed(raws):
        if isinstance(layer.spec, list):
            break
        maps.insert(0, layer)
    found = maps.get("items")
    items = [Layer(s, found[1] + (i,)) for i, s in enumerate(found[0])] if found else []
    count = maps.value("count", len(items))
    return Part(maps, items, count, maps.value("min", count), maps.value("max", count), top.path)


@dataclass
class Item:
    """One section of the skeleton, before rendering: its key, depth and stacked specs."""

    key: str
    depth: int
    index: int                       # 1-based position among its siblings
    layers: Layers
    part: Part
    parent: Item | None = None
    children: list[Item] = field(default_factory=list)

    def chain(self) -> list[Item]:
        """This item and its ancestors, outermost first."""
        return (self.parent.chain() if self.parent else []) + [self]

    def walk(self) -> Iterator[Item]:
        yield self
        for child in self.children:
            yield from child.walk()


def expand(outline: Outline, sections: int | None = None, points: int | None = None,
           widest: bool = False) -> list[Item]:
    """The tree of items an outline gives: ``sections`` top-level items and ``points`` items under
    each of them where the outline allows; ``widest`` takes every part at its maximum."""
    top = part_of([Layer(outline.data["sections"], ("sections",))])
    if top is None:
        if not widest and (sections is not None or points is not None):
            option = "--sections" if sections is not None else "--points"
            raise OutlineError(f"提纲 {outline.id} 不分部分，不能用 {option}")
        return []
    n = _count(top, sections, "--sections", "一级部分", outline, widest)
    items = _items(outline, top, n, 1, None, points, widest, [0, 0])
    if points is not None and not widest:
        parts = [p for p in (part_of(_child_raws(i)) for i in items) if p is not None]
        if not parts:
            raise OutlineError(f"提纲 {outline.id} 没有二级要点，不能用 --points")
        if not any(p.min <= points <= p.max for p in parts):
            low, high = min(p.min for p in parts), max(p.max for p in parts)
            raise OutlineError(f"--points {points} 超出范围：提纲 {outline.id} 各部分的要点可为 "
                               f"{low}–{high} 条")
    return items


def _child_raws(item: Item) -> list[Layer]:
    return [Layer(l.spec["children"], l.path + ("children",)) for l in item.layers
            if isinstance(l.spec, dict) and "children" in l.spec]


def chosen(part: Part, n: int) -> list[int]:
    """Which items (0-based positions in the outline) ``n`` items of a part are: all of them in order
    when ``n`` reaches the items the outline lists, else the listed items without the optional ones
    (``optional: true``), the last optional first, so the parts that matter stay; an outline that
    marks too few optional items loses its last ones."""
    k = len(part.items)
    if n >= k:
        return list(range(n))
    optional = [i for i in range(k) if isinstance(part.items[i].spec, dict) and part.items[i].spec.get("optional")]
    order = optional[::-1] + [i for i in range(k - 1, -1, -1) if i not in optional]
    dropped = set(order[:k - n])
    return [i for i in range(k) if i not in dropped]


def _items(outline: Outline, part: Part, n: int, depth: int, parent: Item | None, points: int | None,
           widest: bool, used: list[int]) -> list[Item]:
    out = []
    for i in chosen(part, n):
        key = f"{parent.key}.points.{i + 1}" if parent else f"sections.{i + 1}"
        item = Item(key, depth, i + 1, part.item_layers(i), part, parent)
        used[0] += 1
        body = item.layers.value("body", [])
        used[1] += len(item.layers.slots()) + (len(body) if isinstance(body, list) else 1)
        if used[0] > MAX_ITEMS or used[1] > MAX_PARTS:
            what = f"{MAX_ITEMS} 条" if used[0] > MAX_ITEMS else f"{MAX_PARTS} 个槽位和段落"
            raise LimitError(f"提纲 {outline.id} 展开后超过 {what}（在 {key}）",
                             where=outline.where(part.path))
        if item.layers.get("heading") is None:
            raise OutlineError(f"{key} 没有标题模板：请给这一部分一个默认标题，或列出更多条",
                               where=outline.where(part.path))
        child = part_of(_child_raws(item))
        if child is not None:
            wanted = points if depth == 1 else None
            what = f"第{i + 1}部分的要点" if depth == 1 else f"{key} 的下一层"
            if wanted is not None and not widest:
                # --points asks every section: each takes the nearest count its own range allows
                # (expand says so when no section can take it)
                wanted = min(max(wanted, child.min), child.max)
            m = _count(child, wanted, "--points", what, outline, widest)
            item.children = _items(outline, child, m, depth + 1, item, points, widest, used)
        out.append(item)
    return out


def _count(part: Part, wanted: int | None, option: str, what: str, outline: Outline, widest: bool) -> int:
    if widest:
        return part.max
    if wanted is None:
        return part.count
    if part.min <= wanted <= part.max:
        return wanted
    if part.min == part.max:
        raise OutlineError(f"{option} {wanted}: 提纲 {outline.id} 的{what}固定为 {part.max} 条")
    raise OutlineError(f"{option} {wanted} 超出范围：提纲 {outline.id} 的{what}可为 "
                       f"{part.min}–{part.max} 条")
