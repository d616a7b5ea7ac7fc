"""The Speech model: the one document model every reader produces and every writer consumes.

Text content is a list of inline parts (``Inlines``): plain strings and ``Placeholder`` objects.
Numbering is never stored: a ``Section`` carries its depth and numbering style, and writers derive
the numbers (一、二、 （一） 1. …) from position, so reordering renumbers.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any
from collections.abc import Iterator

from drafter.zh import DEFAULT_LADDER, STYLES

__all__ = [
    "DEFAULT_LADDER",
    "STYLES",
    "Block",
    "Gap",
    "Inline",
    "Inlines",
    "Meta",
    "Paragraph",
    "Part",
    "Placeholder",
    "Removed",
    "Section",
    "Speech",
    "placeholders",
    "plain",
]


@dataclass(frozen=True)
class Placeholder:
    """Text the writer must fill in, shown as 【label】 until filled."""

    name: str
    label: str
    hint: str | None = None

    def __str__(self) -> str:
        return f"【{self.label}】"


Inline = str | Placeholder
Inlines = list[Inline]


def plain(inlines: Inlines | None) -> str:
    """The text of inline content, placeholders shown as 【label】."""
    if not inlines:
        return ""
    return "".join(str(part) for part in inlines)


def placeholders(inlines: Inlines | None) -> list[Placeholder]:
    return [p for p in inlines or [] if isinstance(p, Placeholder)]


#: paragraph roles: where a paragraph sits in the speech and what it does.
ROLES = (
    "body",         # ordinary body text
    "salutation",   # 同志们：
    "opening",      # opening paragraphs before the first section
    "transition",   # the opening's last sentence as its own paragraph (下面，我讲几点意见)
    "pull_quote",   # ● lines of a newspaper article (导语)
    "closing",      # closing paragraphs (同志们，…; 以上发言，…)
    "author_note",  # （作者系…）
    "appendix",     # 附件, 名词解释 after the speech: the document's, not the speech's text
    "note",         # a compilation's note under an entry (its sources): lists, not prose
)


@dataclass
class Paragraph:
    content: Inlines
    role: str = "body"
    line: int | None = None          # 1-based source line (paragraph index for .docx)
    lines: tuple[int, ...] = ()      # every source line joined into this paragraph
    hint: str | None = None          # writing guidance; written as a Word comment, never as body text
    enumeration: list[str] = field(default_factory=list)   # inline markers the parser found: 一是, 二是 …

    @property
    def text(self) -> str:
        return plain(self.content)


@dataclass
class Gap:
    """A place where the source hid text (---此处隐藏5967字,下载后查看---)."""

    line: int | None
    hidden_chars: int | None
    marker: str = ""                 # the source's marker line, kept so nothing is lost


Block = Paragraph | Gap


@dataclass
class Section:
    """A numbered (or lead) section: a heading, its body blocks and its child sections.

    ``heading`` is None for a section whose heading the source hid (after a gap): it is counted
    when numbering but not printed.
    """

    heading: Inlines | None
    depth: int = 1
    style: str = "一、"
    run_in: bool = False             # heading and first body paragraph share one line
    line: int | None = None
    body: list[Block] = field(default_factory=list)
    children: list[Section] = field(default_factory=list)
    after_gap: bool = False
    hint: str | None = None

    @property
    def title(self) -> str:
        return plain(self.heading)

    def walk(self) -> Iterator[Section]:
        yield self
        for child in self.children:
            yield from child.walk()


@dataclass
class Meta:
    title: Inlines | None = None
    subtitle: Inlines | None = None
    speaker: Inlines | None = None
    occasion: Inlines | None = None
    author: Inlines | None = None
    date: Inlines | None = None      # when the speech was given (its date line, title or dated occasion)
    source: Inlines | None = None
    published: Inlines | None = None  # when the page holding it was posted (发布时间 …), never the speech's date
    kind: str | None = None          # the genre: 讲话, 政府工作报告, 述职报告, 转发通知, 汇编 …
                                     # (outline name for skeletons)

    FIELDS = ("title", "subtitle", "speaker", "occasion", "author", "date", "source", "published")

    def text(self, name: str) -> str | None:
        value = getattr(self, name)
        return plain(value) if value else None


@dataclass
class Removed:
    """A source line dropped as web-page debris, and why."""

    line: int
    text: str
    why: str = "debris"


@dataclass
class Part:
    """One of several texts a page holds (three leaders' 述职 reports, two leaders' speech summaries).

    ``speech`` is the part parsed on its own, so it can be mined or written as a document; the page's
    Speech keeps the whole page (its sections are the parts' sections in order)."""

    title: str | None
    speaker: str | None
    first_line: int
    last_line: int
    speech: Speech


@dataclass
class Speech:
    meta: Meta = field(default_factory=Meta)
    front: list[Paragraph] = field(default_factory=list)
    sections: list[Section] = field(default_factory=list)
    back: list[Paragraph] = field(default_factory=list)
    removed: list[Removed] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    source: str | None = None        # path of the file read, if any
    numbering: tuple[str, ...] | None = None   # per-depth styles a writer should use (None: from sections)
    transition: str | None = None    # the sentence the parser found leading from the opening into the body
    parts: list[Part] = field(default_factory=list)   # the texts of a page holding several, else empty

    def documents(self) -> list[Speech]:
        """The texts to treat as documents: each part of a page holding several, else the speech itself."""
        return [p.speech for p in self.parts] if self.parts else [self]
    target: int | None = None        # a skeleton's length target in characters (spoken at ~220 a minute)

    def walk(self) -> Iterator[Section]:
        for section in self.sections:
            yield from section.walk()

    def headings(self) -> list[Section]:
        """Every section with a visible heading, in document order."""
        return [s for s in self.walk() if s.heading is not None]

    def gaps(self) -> list[Gap]:
        found = [b for s in self.walk() for b in s.body if isinstance(b, Gap)]
        return sorted(found, key=lambda g: g.line or 0)

    def paragraphs(self) -> Iterator[Paragraph]:
        """Every paragraph in document order (front, sections depth-first, back)."""
        yield from self.front
        for section in self.walk():
            for block in section.body:
                if isinstance(block, Paragraph):
                    yield block
        yield from self.back

    @property
    def salutation(self) -> str | None:
        return next((p.text for p in self.front if p.role == "salutation"), None)

    @property
    def opening(self) -> list[Paragraph]:
        return [p for p in self.front if p.role in ("opening", "transition")]

    @property
    def closing(self) -> list[Paragraph]:
        return [p for p in self.back if p.role == "closing"]

    def is_empty(self) -> bool:
        """Nothing to lay out: no title, no paragraph, no heading."""
        return not self.meta.title and not any(True for _ in self.paragraphs()) and not self.headings()

    def placeholders(self) -> list[Placeholder]:
        """Every placeholder still to fill, in document order, each name once."""
        seen: dict[str, Placeholder] = {}
        pools: list[Inlines | None] = [getattr(self.meta, f) for f in Meta.FIELDS]
        pools += [p.content for p in self.front]
        for section in self.walk():
            pools.append(section.heading)
            pools += [b.content for b in section.body if isinstance(b, Paragraph)]
        pools += [p.content for p in self.back]
        for pool in pools:
            for ph in placeholders(pool):
                seen.setdefault(ph.name, ph)
        return list(seen.values())

    def to_dict(self) -> dict[str, Any]:
        """The speech's structure as plain data, in the shape of ``drafter parse --json``."""

        def texts(paras: list[Paragraph]) -> list[str]:
            return [p.text for p in paras]

        return {
            "meta": {**{name: self.meta.text(name) for name in Meta.FIELDS}, "kind": self.meta.kind},
            "parts": [{"title": p.title, "speaker": p.speaker, "first_line": p.first_line, "last_line": p.last_line}
                      for p in self.parts],
            "headings": [{"line": s.line, "depth": s.depth, "style": s.style, "text": s.title, "run_in": s.run_in,
                          "after_gap": s.after_gap} for s in self.headings()],
            "removed": [{"line": r.line, "text": r.text, "why": r.why} for r in self.removed],
            "gaps": [{"line": g.line, "hidden_chars": g.hidden_chars} for g in self.gaps()],
            "warnings": list(self.warnings),
            "salutation": self.salutation,
            "opening": texts(self.opening),
            "transition": self.transition,
            "closing": texts(self.closing),
            "pull_quotes": texts([p for p in self.front if p.role == "pull_quote"]),
            "author_note": next((p.text for p in self.back if p.role == "author_note"), None),
            "joined": [{"lines": list(p.lines)} for p in self.paragraphs() if len(p.lines) > 1],
            "enumerations": [{"line": p.line, "markers": p.enumeration} for p in self.paragraphs() if p.enumeration],
        }
