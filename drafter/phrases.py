"""The phrase bank: ``phrasebank/*.yaml`` files of the library (gathered by ``Library.phrases``).

Each file is a list of entries (id, function, text with {{ slots }}, slots, seen {docs, count},
sources, example, and for a quotation its author ``by``), as ``drafter mine`` writes them. An entry
with the same id in a higher-precedence library wins. Search ranks entries whose text holds the
query first, then near matches (difflib), each group by how many documents a phrase was seen in.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from difflib import SequenceMatcher
from pathlib import Path
from collections.abc import Iterable

from drafter.errors import DrafterError
from drafter.yamlfile import read_yaml

SLOT = re.compile(r"\{\{\s*([^{}\s]+)\s*\}\}")
FUZZY = 0.6


@dataclass(frozen=True)
class Phrase:
    id: str
    function: str
    text: str
    docs: int
    count: int
    sources: tuple[str, ...]
    example: str
    slots: tuple[str, ...] = ()
    by: str | None = None
    origin: str = ""
    path: str = ""

    @property
    def plain(self) -> str:
        """The text with each slot shown as …"""
        return SLOT.sub("…", self.text)


def read_phrases(path: Path, origin: str) -> list[Phrase]:
    """The entries of one phrase bank file."""
    doc = read_yaml(path)
    if doc.data is None:
        return []
    if not isinstance(doc.data, list):
        raise DrafterError("短语库文件应是条目列表 a phrase bank file is a list of entries", where=doc.where())
    out = []
    for i, entry in enumerate(doc.data):
        if not isinstance(entry, dict) or not all(isinstance(entry.get(k), str) for k in ("id", "function", "text")):
            raise DrafterError("条目缺少 id、function 或 text entry needs id, function and text", where=doc.where((i,)))
        seen = entry.get("seen") or {}
        out.append(Phrase(entry["id"], entry["function"], entry["text"], int(seen.get("docs", 0)),
                          int(seen.get("count", 0)), tuple(map(str, entry.get("sources") or ())),
                          str(entry.get("example", "")), tuple(map(str, entry.get("slots") or ())),
                          entry.get("by"), origin, str(path)))
    return out


def search(
    phrases: Iterable[Phrase], query: str, function: str | None = None, limit: int = 20
) -> list[tuple[float, Phrase]]:
    """Phrases matching a query, best first, with a score (1 for a substring match)."""
    query = query.strip()
    scored = []
    for p in phrases:
        if function and p.function != function:
            continue
        score = _score(query, p.plain)
        if score >= FUZZY:
            scored.append((score, p))
    scored.sort(key=lambda sp: (-round(sp[0], 3), -sp[1].docs, -sp[1].count, len(sp[1].text), sp[1].id))
    return scored[:limit]


def _score(query: str, text: str) -> float:
    """1 when the text holds the query, else the best likeness of the query to a stretch of the text."""
    if not query:
        return 0.0
    if query in text:
        return 1.0
    n = len(query)
    best = 0.0
    for i in range(max(1, len(text) - n + 1)):
        best = max(best, SequenceMatcher(None, query, text[i:i + n + 1], autojunk=False).ratio())
    return best * 0.99


def find_phrase(phrases: Iterable[Phrase], pid: str) -> Phrase:
    """The phrase with this id, or an error naming close ids."""
    import difflib

    phrases = list(phrases)
    for p in phrases:
        if p.id == pid:
            return p
    close = difflib.get_close_matches(pid, [p.id for p in phrases], n=5, cutoff=0.5)
    hint = f"；相近的 close: {', '.join(close)}" if close else "（drafter phrases list 列出全部 lists them all）"
    raise DrafterError(f"没有这个短语 unknown phrase '{pid}'{hint}")
