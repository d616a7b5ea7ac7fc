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
from collections.abc import Iterable
from typing import Any, TypeVar, cast

from drafter.errors import DrafterError, OutlineError
from drafter.model import Gap, Inlines, Meta, Paragraph, Placeholder, Section, Speech, plain
from drafter.outlines.expand import Item, expand
from drafter.outlines.hints import Quoter, chars_for, length_note, shares
from drafter.outlines.load import Outline, Problem
from drafter.outlines.sandbox import split
from drafter.zh import DEFAULT_LADDER

ROLE_LABELS = {"body": "正文", "salutation": "称呼", "opening": "开头", "transition": "过渡句",
               "pull_quote": "导语", "closing": "结束语", "author_note": "作者简介"}
#: keys of free-text paragraphs (front.2, sections.1.body.1); variables may not be named front/back/body.
TEXT_KEY = re.compile(r"^(?:front|back)\.\d+$|\.body\.\d+$")


#: an ISO date (2025-02-18) as a value of a date variable, written 2025年2月18日.
ISO_DATE = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})$")
#: default length shares: a free-text opening paragraph and closing paragraph, against 1 a section.
OPENING_WEIGHT, CLOSING_WEIGHT = 0.6, 0.4
#: the part of a section's length its points take (the rest is its lead-in).
POINTS_SHARE = 0.85


def is_text_key(name: str) -> bool:
    """Whether a placeholder name is a free-text paragraph rather than a variable or slot."""
    return bool(TEXT_KEY.search(name))


def zh_date(value: str) -> str:
    """An ISO date as 2025年2月18日; any other text as it is."""
    m = ISO_DATE.match(value.strip())
    return f"{int(m[1])}年{int(m[2])}月{int(m[3])}日" if m else value


@dataclass
class Key:
    """A value the outline asks for: its placeholder and, for a slot, which item it belongs to."""

    placeholder: Placeholder
    spec: dict | None = None         # the variable or slot spec; None for a free-text paragraph
    index: int = 0                   # the item's position, for per-item examples


class Assembler:
    """Renders an outline's items into a Speech, noting every key it met."""

    def __init__(self, outline: Outline, values: dict[str, str], problems: list[Problem] | None = None, *,
                 quoter: Quoter | None = None, variant: int | None = None, target: int | None = None):
        self.outline = outline
        self.values = values
        self.templates = outline.templates
        self.keys: dict[str, Key] = {}
        self.variant_keys: set[str] = set()
        self.problems = problems         # collect template problems here instead of raising (lint)
        self.quoter = quoter or Quoter()
        self.variant = variant           # the heading frame every part with variants takes (1-based)
        self.target = target             # length target in characters
        self.lengths: dict[int, int] = {}   # id(spec or item) → its share of the target

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
                    raise OutlineError(f"未声明的名称 '{name}'：请在 variables 或 slots 中声明它",
                                       where=where)
                key = scope[name]
                self.keys[key.placeholder.name] = key
                if key.placeholder.name in self.values:
                    value = self.values[key.placeholder.name]
                    context[name] = zh_date(value) if (key.spec or {}).get("type") == "date" else value
            rendered = self.templates.render(source, context, where)
        except DrafterError as exc:
            if self.problems is None:
                raise
            self.problems.append(Problem.of(exc, where))
            return []
        return split(rendered, lambda name: scope[name].placeholder if name in scope else Placeholder(name, name))

    def function_hint(self, hint: str | None, function: str | None, length: int | None = None,
                      per_point: int | None = None, more: str | None = None) -> str | None:
        """A part's hint: what to write, its length target, bank entries that fit its function, other frames."""
        lines = [hint] if hint else []
        if length:
            lines.append(length_note(length, per_point))
        if function:
            quoted = self.quoter.line(function)
            if quoted:
                lines.append(quoted)
        if more:
            lines.append(more)
        return "\n".join(lines) or None

    def paragraph(self, spec: dict, path: tuple, key: str, role: str, scope: dict[str, Key]) -> Paragraph:
        role = spec.get("role", role)
        function = spec.get("function") or (spec.get("phrases") or [None])[0]
        hint = self.function_hint(spec.get("hint"), function, self.lengths.get(id(spec)))
        if "text" in spec:
            return Paragraph(self.text(spec["text"], path + ("text",), scope), role, hint=hint)
        self.keys[key] = Key(Placeholder(key, spec.get("label", ROLE_LABELS[role])))
        content: Inlines = [self.values[key]] if key in self.values else [self.keys[key].placeholder]
        return Paragraph(content, role, hint=hint)

    def frames(self, item: Item) -> tuple[str, tuple, int, list[tuple[str, tuple]]]:
        """The item's heading frames (its ``heading`` then its ``variants``), the chosen one's
        template and path, its number (1-based), and every frame with its path."""
        heading, path = cast("tuple[Any, tuple]", item.layers.get("heading"))   # every item has a heading
        found = item.layers.get("variants")
        frames = [(heading, path)] + ([(v, found[1] + (i,)) for i, v in enumerate(found[0])] if found else [])
        if len(frames) == 1:
            return heading, path, 1, frames
        key = f"{item.key}.variant"
        self.variant_keys.add(key)
        wanted = self.values.get(key)
        if wanted is None:
            number = min(self.variant or 1, len(frames))
        else:
            try:
                number = int(str(wanted).strip())
            except ValueError:
                number = 0
            if not 1 <= number <= len(frames):
                raise OutlineError(f"{key} = {wanted}: 这一条有 {len(frames)} 种标题说法，应为 1–{len(frames)}")
        return frames[number - 1][0], frames[number - 1][1], number, frames

    def section(self, item: Item) -> Section:
        scope = self.scope(item)
        source, path, number, frames = self.frames(item)
        heading = self.text(source, path, scope)
        more = None
        if len(frames) > 1:
            others = [f"{n}. {plain(self.text(src, p, scope))}" for n, (src, p) in enumerate(frames, 1) if n != number]
            more = f"其他标题说法（--variant {item.key}=N）：" + "；".join(others)
        length = self.lengths.get(id(item))
        per_point = round(length * POINTS_SHARE / len(item.children)) if length and item.children else None
        hint = self.function_hint(item.layers.value("hint"), item.layers.value("function"), length, per_point, more)
        found = item.layers.get("body")
        specs, body_path = found if found else ([{}], None)
        body: list[Paragraph | Gap] = [
            self.paragraph(spec, body_path + (i,) if body_path else (), f"{item.key}.body.{i + 1}", "body", scope)
            for i, spec in enumerate(specs)]
        numbering = self.outline.numbering
        default = numbering[item.depth - 1] if item.depth <= len(numbering) else DEFAULT_LADDER[min(item.depth, 4) - 1]
        return Section(heading=heading, depth=item.depth,
                       style=item.layers.value("style", default), run_in=bool(item.layers.value("run_in", False)),
                       body=body, children=[self.section(c) for c in item.children], hint=hint)

    def share_lengths(self, items: list[Item]) -> None:
        """Each part's share of the length target: free-text opening and closing paragraphs and the
        sections by weight (a section's ``weight``, default 1)."""
        if not self.target:
            return
        data = self.outline.data
        parts: list[tuple[int, float]] = []
        for spec in data.get("front", []):
            if "text" not in spec and spec.get("role", "opening") == "opening":
                parts.append((id(spec), spec.get("weight", OPENING_WEIGHT)))
        for item in items:
            parts.append((id(item), item.layers.value("weight", 1)))
        for spec in data.get("back", []):
            if spec.get("role", "closing") == "closing" and ("text" not in spec or "weight" in spec):
                parts.append((id(spec), spec.get("weight", CLOSING_WEIGHT)))
        self.lengths = dict(zip([k for k, _ in parts], shares([w for _, w in parts], self.target), strict=True))

    def speech(self, items: list[Item]) -> Speech:
        data, scope = self.outline.data, self.scope(None)
        self.share_lengths(items)
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
        speech = Speech(meta=meta, front=front, sections=sections, back=back, numbering=self.outline.numbering,
                        target=self.target)
        _hint_once(speech)
        return speech


_Inlines = TypeVar("_Inlines", Inlines, "Inlines | None")


def _hint_once(speech: Speech) -> None:
    """A placeholder's hint on its first appearance only, so one comment does not repeat down the page."""
    seen: set[str] = set()

    def once(inlines: _Inlines) -> _Inlines:
        if not inlines:
            return inlines
        out = []
        for part in inlines:
            if isinstance(part, Placeholder) and part.hint:
                if part.name in seen:
                    part = Placeholder(part.name, part.label)
                seen.add(part.name)
            out.append(part)
        return out

    for name in Meta.FIELDS:
        setattr(speech.meta, name, once(getattr(speech.meta, name)))
    for p in speech.front:
        p.content = once(p.content)
    for section in speech.walk():
        section.heading = once(section.heading)
        for block in section.body:
            if isinstance(block, Paragraph):
                block.content = once(block.content)
    for p in speech.back:
        p.content = once(p.content)


def target_of(outline: Outline, minutes: float | None = None, chars: int | None = None) -> int | None:
    """The length target in characters: ``chars`` or ``minutes`` given, else the outline's ``length``."""
    given = chars_for(minutes, chars)
    if given:
        return given
    length = outline.data.get("length") or {}
    return chars_for(length.get("minutes"), length.get("chars"))


def assemble(outline: Outline, values: dict[str, str] | None = None, *, sections: int | None = None,
             points: int | None = None, strict: bool = False, phrases: Iterable[Any] = (),
             topic: str | None = None, variant: int | None = None, minutes: float | None = None,
             chars: int | None = None) -> Speech:
    """The skeleton of a speech from an outline and values.

    Missing values become placeholders; with ``strict`` a missing variable or slot value is an
    error that lists every one (free-text paragraphs stay placeholders). A value for a key the
    outline does not have is an error naming the closest keys; values of optional parts left out
    (``--sections``) are passed over. ``phrases`` (the library's bank) are quoted in the hints of
    parts that say their ``function``, ranked towards ``topic`` (else the ``topic`` value);
    ``variant`` picks the heading frame of every part that offers several (``sections.2.variant``
    in the values picks one part's); ``minutes``/``chars`` set the length target. A value may be
    keyed by its Chinese label (会议名称 for occasion) where the label names one key.
    """
    values = _by_label(outline, dict(values or {}))
    variables = {v["name"] for v in outline.variables}
    if topic and "topic" in variables and "topic" not in values:
        values["topic"] = topic
    quoter = Quoter(phrases, topic or values.get("topic"), outline.kind)
    builder = Assembler(outline, values, quoter=quoter, variant=variant, target=target_of(outline, minutes, chars))
    speech = builder.speech(expand(outline, sections, points))
    unknown = [k for k in values if k not in builder.keys and k not in builder.variant_keys]
    if unknown:
        wide = _widest(outline)
        unknown = [k for k in unknown if k not in wide.keys and k not in wide.variant_keys]
    if unknown:
        named = list(builder.keys) + list(dict.fromkeys(k.placeholder.label for k in builder.keys.values()))
        close = difflib.get_close_matches(unknown[0], named, n=3)
        hint = f"；是否想写：{', '.join(close)}" if close else ""
        listed = ", ".join(f"'{k}'" for k in unknown)
        raise OutlineError(f"提纲 {outline.id} 没有这个值：{listed}{hint}"
                           f"（drafter outlines show {outline.id} 列出全部）")
    if strict:
        missing = [p for p in speech.placeholders() if not is_text_key(p.name)]
        if missing:
            names = "、".join(f"{p.name}（{p.label}）" for p in missing)
            raise OutlineError(f"缺少 {len(missing)} 个值（--strict）：{names}")
    return speech


def _by_label(outline: Outline, values: dict[str, str]) -> dict[str, str]:
    """``values`` with keys given as labels (会议名称) turned into the keys they name (occasion)."""
    if all(k.isascii() for k in values):
        return values
    wide = _widest(outline)
    labels = labelled(wide.keys)
    out: dict[str, str] = {}
    for key, value in values.items():
        names = [key] if key in wide.keys or key.isascii() else labels.get(key, [key])
        if len(names) > 1:
            raise OutlineError(f"标签“{key}”对应多个键（{', '.join(names[:3])} …）：请用键，"
                               f"drafter outlines show {outline.id} 列出全部")
        if names[0] in out:
            raise OutlineError(f"“{key}”与 {names[0]} 是同一个值：只给一次")
        out[names[0]] = value
    return out


def _widest(outline: Outline) -> Assembler:
    """An assembler that has made the outline with every optional part in, for its keys."""
    wide = Assembler(outline, {})
    wide.speech(expand(outline, widest=True))
    return wide


def labelled(keys: dict[str, Key]) -> dict[str, list[str]]:
    """Each label (会议名称) with the keys it names."""
    labels: dict[str, list[str]] = {}
    for name, key in keys.items():
        labels.setdefault(key.placeholder.label, []).append(name)
    return labels


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
