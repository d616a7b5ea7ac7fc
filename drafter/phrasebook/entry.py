"""One phrase-bank entry, read from either bank format.

Old banks write slots as ``{{ A }}``, new ones as ``{A}``; both become ``{A}`` here. The optional
``years: {first, last, by_year}`` and ``dated`` fields of the new format are kept when present.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

OLD_SLOT = re.compile(r"\{\{\s*([^{}\s]+)\s*\}\}")
SLOT = re.compile(r"\{([^{}\s]+)\}")
GAP = "…"

#: what each function does, for headings and the page's filter
LABELS = {
    "opening.context": "开头·背景", "opening.significance": "开头·意义", "opening": "开头",
    "transition": "过渡", "significance": "意义", "interpretation": "内涵", "requirement": "要求",
    "measure": "举措", "measures": "举措", "idiom": "四字格", "frame": "标题句式", "formula": "常用语",
    "formulation": "提法",
    "quotation": "引用", "triad": "排比", "closing.call": "结尾·号召", "closing.modesty": "结尾·谦辞",
    "closing": "结尾",
}


def label(function: str) -> str:
    """What a function does, in words (the function's name where it has none)."""
    return LABELS.get(function, function)


def normalise(text: str) -> str:
    """The text with old-style ``{{ A }}`` slots written ``{A}``."""
    return OLD_SLOT.sub(r"{\1}", text)


def plain_text(text: str) -> str:
    """The text with each slot shown as …, the form searched and highlighted."""
    return SLOT.sub(GAP, normalise(text))


@dataclass(frozen=True)
class Entry:
    id: str
    function: str
    text: str                                   # slots written {A}
    docs: int = 0
    count: int = 0
    sources: tuple[str, ...] = ()
    example: str = ""
    slots: tuple[str, ...] = ()
    by: str | None = None
    by_year: dict[int, int] = field(default_factory=dict, hash=False, compare=False)
    first: int | None = None
    last: int | None = None
    dated: bool = False
    origin: str = ""
    path: str = ""
    kinds: tuple[str, ...] = ()                 # the kinds of its documents (讲话稿, 政府工作报告), where known

    @property
    def plain(self) -> str:
        return plain_text(self.text)

    @property
    def years(self) -> dict | None:
        if self.first is None and not self.by_year:
            return None
        return {"first": self.first, "last": self.last, "by_year": dict(sorted(self.by_year.items()))}

    def to_dict(self) -> dict:
        """The entry as the JSON output and the exports give it."""
        return {"id": self.id, "function": self.function, "text": self.text, "plain": self.plain,
                "slots": list(self.slots), "docs": self.docs, "count": self.count, "years": self.years,
                "dated": self.dated, "by": self.by, "sources": list(self.sources), "example": self.example,
                "origin": self.origin, "path": self.path, "kinds": list(self.kinds)}

    @classmethod
    def from_dict(cls, d: dict) -> Entry:
        years = d.get("years") or {}
        return cls(d["id"], d["function"], d["text"], d.get("docs", 0), d.get("count", 0),
                   tuple(d.get("sources") or ()), d.get("example") or "", tuple(d.get("slots") or ()),
                   d.get("by"), {int(k): int(v) for k, v in (years.get("by_year") or {}).items()},
                   years.get("first"), years.get("last"), bool(d.get("dated")), d.get("origin", ""),
                   d.get("path", ""), tuple(d.get("kinds") or ()))


def entry_from_yaml(raw: object, origin: str = "", path: str = "") -> Entry | None:
    """An Entry from one item of a bank file, or None when it lacks id, function or text."""
    if not isinstance(raw, dict) or not all(isinstance(raw.get(k), str) for k in ("id", "function", "text")):
        return None
    seen = raw["seen"] if isinstance(raw.get("seen"), dict) else {}
    years = raw["years"] if isinstance(raw.get("years"), dict) else {}
    by_year = {}
    for k, v in (years.get("by_year") or {}).items():
        try:
            by_year[int(k)] = int(v)
        except (TypeError, ValueError):
            continue
    first, last = _year(years.get("first", seen.get("first"))), _year(years.get("last", seen.get("last")))
    if by_year:
        first = first if first is not None else min(by_year)
        last = last if last is not None else max(by_year)
    text = normalise(raw["text"])
    slots = raw.get("slots") or SLOT.findall(text)
    return Entry(raw["id"], raw["function"], text, _int(seen.get("docs")), _int(seen.get("count")),
                 tuple(map(str, raw.get("sources") or ())), str(raw.get("example") or ""),
                 tuple(map(str, slots)), raw.get("by") if isinstance(raw.get("by"), str) else None,
                 by_year, first, last, bool(raw.get("dated")), origin, path, _strings(raw.get("kinds")))


def _strings(v) -> tuple[str, ...]:
    return tuple(k for k in v if isinstance(k, str)) if isinstance(v, list) else ()


def _int(v) -> int:
    try:
        return int(v)
    except (TypeError, ValueError):
        return 0


def _year(v) -> int | None:
    try:
        return int(v) if v is not None else None
    except (TypeError, ValueError):
        return None
