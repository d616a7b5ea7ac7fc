"""Pinyin of bank text, computed once when the index or an export is built (pypinyin is slow to
import, so a search never imports it: the index stores each entry's syllables).

``syllables(text)`` gives one toneless syllable per character ('' for a character that is not a Han
character), so a match in the pinyin maps back to the characters to highlight.
"""

from __future__ import annotations

import re

HAN = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]+")
ASCII_QUERY = re.compile(r"^[a-zA-Z' ]+$")


def available() -> bool:
    try:
        import pypinyin  # noqa: F401  (is it there?)
    except ImportError:
        return False
    return True


def syllables(text: str) -> list[str]:
    """One pinyin syllable per character of ``text`` ('' for non-Han characters)."""
    from pypinyin import lazy_pinyin

    out = [""] * len(text)
    for m in HAN.finditer(text):
        for i, syl in enumerate(lazy_pinyin(m.group())):
            if m.start() + i < len(out):
                out[m.start() + i] = syl.replace("ü", "v")
    return out


_FAST: dict[str, str] = {}


def fast_syllables(text: str) -> list[str]:
    """Like ``syllables`` but each character alone, by its first reading: far quicker, for the many
    corpus sentences (a polyphone may get its less common reading)."""
    if not _FAST:
        import unicodedata

        from pypinyin.pinyin_dict import pinyin_dict

        for code, readings in pinyin_dict.items():
            first = readings.split(",")[0]
            plain = "".join(c for c in unicodedata.normalize("NFD", first) if not unicodedata.combining(c))
            _FAST[chr(code)] = plain.replace("ü", "v").replace("u\u0308", "v")
    return [_FAST.get(c, "") if HAN.match(c) else "" for c in text]


def initials(syls: list[str]) -> str:
    """The initials of the Han characters, punctuation left out (the form searched)."""
    return "".join(s[0] for s in syls if s)


def han_positions(syls: list[str]) -> list[int]:
    """Character index of each letter of ``initials(syls)``."""
    return [i for i, s in enumerate(syls) if s]


def is_pinyin_query(query: str) -> bool:
    return bool(ASCII_QUERY.match(query)) and any(c.isalpha() for c in query)


def pack(syls: list[str]) -> str:
    """Stored form: syllables joined by spaces, '-' for a non-Han character."""
    return " ".join(s or "-" for s in syls)


def unpack(packed: str) -> list[str]:
    return [("" if s == "-" else s) for s in packed.split(" ")] if packed else []


def match(query: str, syls: list[str]) -> tuple[int, int] | None:
    """The character span whose pinyin the query spells, each syllable by a prefix of itself:
    initials (ddzw), whole syllables (dandangzuowei) or a mix (dandzw); None if it spells none.
    (The index finds candidates for the first two forms.)"""
    q = query.replace(" ", "").replace("'", "").lower()
    if not q:
        return None
    n = len(syls)
    for start in range(n):
        if not syls[start]:
            continue
        end = _spell(q, syls, start)
        if end is not None:
            return start, end
    return None


def _spell(q: str, syls: list[str], i: int) -> int | None:
    """Consume q from syllable i on: each syllable by a non-empty prefix of itself. Returns the end
    character index, or None."""
    # iterative backtracking over prefix lengths, longest first
    stack = [(0, i)]
    while stack:
        pos, k = stack.pop()
        if pos == len(q):
            return k
        while 0 < pos and k < len(syls) and not syls[k]:
            k += 1                               # punctuation between syllables: skipped
        if k >= len(syls) or not syls[k]:
            continue
        s = syls[k]
        limit = 0
        while limit < len(s) and pos + limit < len(q) and q[pos + limit] == s[limit]:
            limit += 1
        for take in range(1, limit + 1):        # pushed shortest first, so longest is tried first
            stack.append((pos + take, k + 1))
    return None
