"""Outline + values → Speech: the skeleton of a new speech.

Values are a flat mapping of keys to text (see ``drafter.outlines.values``): a global variable by its
name (``occasion``), a per-item slot by the item's key and the slot name
(``sections.2.points.1.action``; items count from 1), a free-text paragraph by its place
(``front.2``, ``sections.1.body.1``). Whatever has no value becomes a Placeholder named by that key,
so the names ``drafter new`` lists at the end are exactly what ``--set`` accepts.
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass
from typing import Any, cast

from drafter.errors import DrafterError, OutlineError
from drafter.model import Gap, Inlines, Meta, Paragraph, Placeholder, Section, Speech
from drafter.outlines.expand import Item, expand
from drafter.outlines.load import Outline, Problem
from drafter.outlines.sandbox import split
from drafter.zh import DEFAULT_LADDER

ROLE_LABELS = {"body": "正文", "salutation": "称呼", "opening": "开头", "transition": "过渡句",
               "pull_quote": "导语", "closing": "结束语", "author_note": "作者简介"}
#: keys of free-text paragraphs (front.2, sections.1.body.1); variables may not be named front/back/body.
TEXT_KEY = re.compile(r"^(?:front|back)\.\d+$|\.body\.\d+$")


def is_text_key(name: str) -> bool:
    """Whether a placeholder name is a free-text paragraph rather than a variable or slot."""
    return bool(TEXT_KEY.search(name))


@dataclass


@dataclass
class Key:
    """A value the outline asks for: its placeholder and, for a slot, which item it belongs to."""

    placeholder: Placeholder
    spec: dict | None = None         # the variable or slot spec; None for a free-text paragraph
    index: int = 0                   # the item's position, for per-item examples


class Assembler:
    """Renders an outline's items into a Speech, noting every key it met."""

    def __init__(self, outline: Outline, values: dict[str, str], problems: list[Problem] | None = None):
        self.outline = outline
        self.values = values
        self.templates = outline.templates
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
                    raise OutlineError(f"未声明的名称 undeclared name '{name}': 在 variables 或 slots 中声明它",
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
        content: Inlines = [self.values[key]] if key in self.values else [self.keys[key].placeholder]
        return Paragraph(content, role, hint=hint)

    def section(self, item: Item) -> Section:
        scope = self.scope(item)
        heading, path = cast(tuple[Any, tuple], item.layers.get("heading"))   # expand saw every item has one
        heading = self.text(heading, path, scope)
        found = item.layers.get("body")
        specs, body_path = found if found else ([{}], None)
        body: list[Paragraph | Gap] = [
            self.paragraph(spec, body_path + (i,) if body_path else (), f"{item.key}.body.{i + 1}", "body", scope)
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
    builder = Assembler(outline, values)
    speech = builder.speech(expand(outline, sections, points))
    unknown = [k for k in values if k not in builder.keys]
    if unknown:
        close = difflib.get_close_matches(unknown[0], list(builder.keys), n=3)
        hint = f"；是否想写 did you mean: {', '.join(close)}" if close else ""
        listed = ", ".join(f"'{k}'" for k in unknown)
        raise OutlineError(f"提纲 {outline.id} 没有这个值 unknown value {listed}{hint}"
                           f"（drafter outlines show {outline.id} 列出全部 lists them all）")
    if strict:
        missing = [p for p in speech.placeholders() if not is_text_key(p.name)]
        if missing:
            names = "、".join(f"{p.name}（{p.label}）" for p in missing)
            raise OutlineError(f"缺少 {len(missing)} 个值 missing values (--strict): {names}")
    return speech


def value_keys(outline: Outline, *, sections: int | None = None, points: int | None = None) -> dict[str, Key]:
    """Every key the skeleton has, in document order: variables, slots and free-text paragraphs."""
    builder = Assembler(outline, {})
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
