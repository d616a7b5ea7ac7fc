"""Outline + values → Speech: the skeleton of a new speech.

Values are a flat mapping of keys to text (see ``drafter.values``): a global variable by its name
(``occasion``), a per-item slot by the item's key and the slot name (``sections.2.points.1.action``;
items count from 1), a free-text paragraph by its place (``front.2``, ``sections.1.body.1``).
Whatever has no value becomes a Placeholder named by that key, so the names ``drafter new`` lists
at the end are exactly what ``--set`` accepts.

A part of an outline is a fixed list of items, or a mapping with ``count``/``min``/``max``,
``items`` (the first items' own specs) and defaults every item inherits (``heading``, ``slots``,
``body``, ``children`` …). An item's ``children`` mapping is laid over its part's default
``children``; slots are merged by name, the nearer one winning.
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass, field
from typing import Any

from drafter.errors import DrafterError
from drafter.model import DEFAULT_LADDER, Inlines, Meta, Paragraph, Placeholder, Section, Speech
from drafter.outline import Outline, Problem
from drafter.sandbox import Templates, split

#: what an empty paragraph of each role is called in its placeholder.
ROLE_LABELS = {"body": "正文", "salutation": "称呼", "opening": "开头", "transition": "过渡句",
               "pull_quote": "导语", "closing": "结束语", "author_note": "作者简介"}
#: keys of free-text paragraphs (front.2, sections.1.body.1); variables may not be named front/back/body.
TEXT_KEY = re.compile(r"^(?:front|back)\.\d+$|\.body\.\d+$")


def is_text_key(name: str) -> bool:
    """Whether a placeholder name is a free-text paragraph rather than a variable or slot."""
    return bool(TEXT_KEY.search(name))


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
        return Part(Layers(), [Layer(s, top.path + (i,)) for i, s in enumerate(top.spec)], n, n, n, top.path)
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
    parent: "Item | None" = None
    children: list["Item"] = field(default_factory=list)

    def chain(self) -> list["Item"]:
        """This item and its ancestors, outermost first."""
        return (self.parent.chain() if self.parent else []) + [self]

    def walk(self):
        yield self
        for child in self.children:
            yield from child.walk()


def expand(outline: Outline, sections: int | None = None, points: int | None = None,
           widest: bool = False) -> list[Item]:
    """The tree of items an outline gives: ``sections`` top-level items and ``points`` items under
    each of them where the outline allows; ``widest`` takes every part at its maximum."""
    top = part_of([Layer(outline.data["sections"], ("sections",))])
    if top is None:
        return []
    n = _count(top, sections, "--sections", "一级部分 sections", outline, widest)
    items = _items(outline, top, n, 1, None, points, widest)
    if points is not None and not widest and not any(part_of(_child_raws(i)) for i in items):
        raise DrafterError(f"提纲 {outline.id} 没有二级要点，不能用 --points: it has no sub-points")
    return items


def _child_raws(item: Item) -> list[Layer]:
    return [Layer(l.spec["children"], l.path + ("children",)) for l in item.layers
            if isinstance(l.spec, dict) and "children" in l.spec]


def _items(outline: Outline, part: Part, n: int, depth: int, parent: Item | None, points: int | None,
           widest: bool) -> list[Item]:
    out = []
    for i in range(n):
        key = f"{parent.key}.points.{i + 1}" if parent else f"sections.{i + 1}"
        item = Item(key, depth, i + 1, part.item_layers(i), part, parent)
        if item.layers.get("heading") is None:
            raise DrafterError(f"{key} 没有标题模板 has no heading: give the part a default heading or more items",
                               where=outline.where(part.path))
        child = part_of(_child_raws(item))
        if child is not None:
            wanted = points if depth == 1 else None
            what = f"第{i + 1}部分的要点 points of section {i + 1}" if depth == 1 else f"{key} 的下一层"
            m = _count(child, wanted, "--points", what, outline, widest)
            item.children = _items(outline, child, m, depth + 1, item, points, widest)
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
        raise DrafterError(f"{option} {wanted}: 提纲 {outline.id} 的{what}固定为 {part.max} 条 is fixed at {part.max}")
    raise DrafterError(f"{option} {wanted} 超出范围 out of range: 提纲 {outline.id} 的{what}可为 "
                       f"{part.min}–{part.max} 条 allows {part.min}–{part.max}")


@dataclass
class Key:
    """A value the outline asks for: its placeholder and, for a slot, which item it belongs to."""

    placeholder: Placeholder
    spec: dict | None = None         # the variable or slot spec; None for a free-text paragraph
    index: int = 0                   # the item's position, for per-item examples


class _Assembler:
    """Renders an outline's items into a Speech, noting every key it met."""

    def __init__(self, outline: Outline, values: dict[str, str], problems: list[Problem] | None = None):
        self.outline = outline
        self.values = values
        self.templates = Templates(outline.library)
        self.keys: dict[str, Key] = {}
        self.problems = problems         # collect template problems here instead of raising (lint)

    def scope(self, item: Item | None) -> dict[str, Key]:
        """The names a template of ``item`` may use: global variables, then the slots of the item
        and its ancestors, nearest last."""
        scope = {v["name"]: Key(Placeholder(v["name"], v["label"], v.get("hint")), v) for v in self.outline.variables}
        for it in item.chain() if item else []:
            for name, slot in it.layers.slots().items():
                scope[name] = Key(Placeholder(f"{it.key}.{name}", slot["label"], slot.get("hint")), slot, it.index)
        return scope

    def text(self, source: str, path: tuple, scope: dict[str, Key]) -> Inlines:
        where = self.outline.where(path)
        try:
            context = {}
            for name in self.templates.names(source, where):
                if name not in scope:
                    raise DrafterError(f"未声明的名称 undeclared name '{name}': 在 variables 或 slots 中声明它",
                                       where=where)
                key = scope[name]
                self.keys[key.placeholder.name] = key
                if key.placeholder.name in self.values:
                    context[name] = self.values[key.placeholder.name]
            rendered = self.templates.render(source, context, where)
        except DrafterError as exc:
            if self.problems is None:
                raise
            self.problems.append(Problem.of(exc, where))
            return []
        return split(rendered, lambda name: scope[name].placeholder if name in scope else Placeholder(name, name))

    def paragraph(self, spec: dict, path: tuple, key: str, role: str, scope: dict[str, Key]) -> Paragraph:
        role = spec.get("role", role)
        hint = spec.get("hint")
        if spec.get("phrases"):
            hint = f"{hint or ''}（可参考短语 phrases: {', '.join(spec['phrases'])}）"
        if "text" in spec:
            return Paragraph(self.text(spec["text"], path + ("text",), scope), role, hint=hint)
        self.keys[key] = Key(Placeholder(key, spec.get("label", ROLE_LABELS[role])))
        content = [self.values[key]] if key in self.values else [self.keys[key].placeholder]
        return Paragraph(content, role, hint=hint)

    def section(self, item: Item) -> Section:
        scope = self.scope(item)
        heading, path = item.layers.get("heading")
        heading = self.text(heading, path, scope)
        found = item.layers.get("body")
        specs, body_path = found if found else ([{}], None)
        body = [self.paragraph(spec, body_path + (i,) if body_path else (), f"{item.key}.body.{i + 1}", "body", scope)
                for i, spec in enumerate(specs)]
        numbering = self.outline.numbering
        default = numbering[item.depth - 1] if item.depth <= len(numbering) else DEFAULT_LADDER[min(item.depth, 4) - 1]
        return Section(heading=heading, depth=item.depth,
                       style=item.layers.value("style", default), run_in=bool(item.layers.value("run_in", False)),
                       body=body, children=[self.section(c) for c in item.children], hint=item.layers.value("hint"))

    def speech(self, items: list[Item]) -> Speech:
        data, scope = self.outline.data, self.scope(None)
        meta = Meta(title=self.text(data["title"], ("title",), scope), kind=self.outline.name)
        if "subtitle" in data:
            meta.subtitle = self.text(data["subtitle"], ("subtitle",), scope)
        for name in Meta.FIELDS:
            if name in data.get("meta", {}):
                setattr(meta, name, self.text(data["meta"][name], ("meta", name), scope))
        front = [self.paragraph(spec, ("front", i), f"front.{i + 1}", "opening", scope)
                 for i, spec in enumerate(data.get("front", []))]
        sections = [self.section(item) for item in items]
        back = [self.paragraph(spec, ("back", i), f"back.{i + 1}", "closing", scope)
                for i, spec in enumerate(data.get("back", []))]
        return Speech(meta=meta, front=front, sections=sections, back=back, numbering=self.outline.numbering)


def assemble(outline: Outline, values: dict[str, str] | None = None, *, sections: int | None = None,
             points: int | None = None, strict: bool = False) -> Speech:
    """The skeleton of a speech from an outline and values.

    Missing values become placeholders; with ``strict`` a missing variable or slot value is an
    error that lists every one (free-text paragraphs stay placeholders). A value for a key the
    outline does not have is an error naming the closest keys.
    """
    values = dict(values or {})
    builder = _Assembler(outline, values)
    speech = builder.speech(expand(outline, sections, points))
    unknown = [k for k in values if k not in builder.keys]
    if unknown:
        close = difflib.get_close_matches(unknown[0], list(builder.keys), n=3)
        hint = f"；是否想写 did you mean: {', '.join(close)}" if close else ""
        listed = ", ".join(f"'{k}'" for k in unknown)
        raise DrafterError(f"提纲 {outline.id} 没有这个值 unknown value {listed}{hint}"
                           f"（drafter outlines show {outline.id} 列出全部 lists them all）")
    if strict:
        missing = [p for p in speech.placeholders() if not is_text_key(p.name)]
        if missing:
            names = "、".join(f"{p.name}（{p.label}）" for p in missing)
            raise DrafterError(f"缺少 {len(missing)} 个值 missing values (--strict): {names}")
    return speech


def value_keys(outline: Outline, *, sections: int | None = None, points: int | None = None) -> dict[str, Key]:
    """Every key the skeleton has, in document order: variables, slots and free-text paragraphs."""
    builder = _Assembler(outline, {})
    builder.speech(expand(outline, sections, points))
    return builder.keys


def example_values(outline: Outline, *, sections: int | None = None, points: int | None = None) -> dict[str, str]:
    """The outline's example values for every variable and slot that has one."""
    values = {}
    for name, key in value_keys(outline, sections=sections, points=points).items():
        example = (key.spec or {}).get("example")
        if isinstance(example, list):
            example = example[key.index - 1] if 0 < key.index <= len(example) else None
        if example:
            values[name] = example
    return values


def lint(outline: Outline) -> list[Problem]:
    """Problems of a schema-valid outline: variables, items without headings, template errors and
    undeclared names (each item at its widest), unused variables, a trial run with the examples."""
    problems: list[Problem] = []
    names = [v["name"] for v in outline.variables]
    try:
        modules = Templates(outline.library).modules
    except DrafterError as exc:
        return [Problem.of(exc, outline.where())]
    for i, name in enumerate(names):
        if name in names[:i]:
            problems.append(Problem(outline.where(("variables", i, "name")), f"变量重名 duplicate variable '{name}'"))
        if name in modules:
            problems.append(Problem(outline.where(("variables", i, "name")),
                                    f"变量名与模板文件 {name}.j2 重名 variable hides the template module '{name}'"))
    try:
        items = expand(outline, widest=True)
    except DrafterError as exc:
        return problems + [Problem.of(exc, outline.where())]
    parts = {id(i.part): i.part for top in items for i in top.walk()}
    for part in parts.values():
        if not part.min <= part.count <= part.max:
            problems.append(Problem(outline.where(part.path), f"条数 count {part.count} 不在 min–max "
                                    f"{part.min}–{part.max} 之间 is outside min–max"))
    builder = _Assembler(outline, {}, problems)
    builder.speech(items)
    for i, name in enumerate(names):
        if name not in builder.keys:
            problems.append(Problem(outline.where(("variables", i, "name")), f"变量没有用到 unused variable '{name}'"))
    if not problems:
        try:
            assemble(outline, example_values(outline))
        except DrafterError as exc:
            problems.append(Problem.of(exc, outline.where()))
    return list(dict.fromkeys(problems))
