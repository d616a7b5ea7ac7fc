"""Frames of parallel texts (排比): what a group of texts shares, with slots where they differ.

A frame is found by alignment, never by wording: each text is aligned with the first one (as
``difflib.SequenceMatcher`` aligns them: the longest common block, then the same on either side of
it; ``_blocks`` is its algorithm for texts without junk, without its objects); the characters of the
first text matched in every other text are the literal parts (split wherever one of the alignments
splits them), the rest are slots. A frame holds only if every text fills every slot with something,
and with as many clauses as the others (parallel texts break into clauses alike); else its shortest
literal part is dropped and it is tried again. A short inner part (a mark, or one character) is
literal only when the slots on both sides are of like length in every text (坚持以上率下，扛牢主体责任;
这是…的…), not when it is a comma or a common character met inside long free clauses.
"""

from __future__ import annotations

import re
import string
from collections import Counter
from dataclasses import dataclass
from functools import cached_property, lru_cache
from typing import cast

from drafter.mine.text import FUNCTION, cjk_count

NAMES = string.ascii_uppercase
CLAUSE = re.compile("[，；：]")


@dataclass(frozen=True)
class Frame:
    """Literal parts around slots: ``parts[0]{A}parts[1]{B}…parts[-1]``."""

    parts: tuple[str, ...]

    @property
    def slots(self) -> int:
        return len(self.parts) - 1

    @property
    def literal(self) -> int:
        """How many Chinese characters the frame fixes."""
        return cjk_count("".join(self.parts))

    def pattern(self, fmt: str = "{{{}}}") -> str:
        """The frame with its slots shown, by default as {A}, {B} …"""
        out = [self.parts[0]]
        for i, part in enumerate(self.parts[1:]):
            out += [fmt.format(NAMES[i] if i < len(NAMES) else f"S{i}"), part]
        return "".join(out)

    @cached_property
    def regex(self) -> re.Pattern:
        return re.compile("^" + "(.+?)".join(re.escape(p) for p in self.parts) + "$", re.S)

    def fill(self, text: str) -> tuple[str, ...] | None:
        """The slot values of a text that has this frame, else None (as ``regex`` matches: each slot
        takes at least one character, the shortest that lets the rest match)."""
        parts = self.parts
        if not text.startswith(parts[0]) or not text.endswith(parts[-1]) or len(text) < self._least:
            return None
        return _fill(parts, text, 1, len(parts[0]), len(text) - len(parts[-1]))

    @cached_property
    def _least(self) -> int:
        return sum(map(len, self.parts)) + self.slots


def _fill(parts: tuple[str, ...], text: str, k: int, pos: int, end: int) -> tuple[str, ...] | None:
    """Slot values from ``pos`` on, for parts ``k`` … (the last part starts at ``end``)."""
    if k == len(parts) - 1:
        return (text[pos:end],) if end > pos else None
    part = parts[k]
    j = text.find(part, pos + 1, end)
    while 0 <= j:
        rest = _fill(parts, text, k + 1, j + len(part), end)
        if rest is not None:
            return (text[pos:j],) + rest
        j = text.find(part, j + 1, end)
    return None


def induce(texts: list[str]) -> Frame | None:
    """The frame a group of distinct texts shares, or None when they share nothing with a slot."""
    if len(texts) < 2 or len(set(texts)) < len(texts):
        return None
    first = texts[0]
    keep = [True] * len(first)
    cuts = set()
    for other in texts[1:]:
        seen = [False] * len(first)
        for a, size in _blocks(first, other):
            seen[a:a + size] = [True] * size
            cuts |= {a, a + size}
        keep = [k and s for k, s in zip(keep, seen, strict=True)]
    anchors = _runs(keep, cuts)
    while anchors:
        frame = _frame(first, anchors)
        if frame is not None:
            values = [frame.fill(t) for t in texts]
            if all(values) and all(
                len({CLAUSE.subn("", v[i])[1] for v in values if v}) == 1 for i in range(frame.slots)
            ):
                return _regular(frame, texts)
        anchors.remove(min(anchors, key=lambda r: (r[1] - r[0], r[0])))
    return None


@lru_cache(maxsize=1 << 10)
def _blocks(first: str, other: str) -> tuple[tuple[int, int], ...]:
    """Where the blocks of ``first`` that ``other`` matches start, and their sizes, ending with
    (len(first), 0) — ``SequenceMatcher(None, first, other, autojunk=False).get_matching_blocks()``'s.
    A search of parallel texts aligns the same two texts for several of its candidate groups: the
    last thousand pairs are kept (as many repeats are met as with all of them kept, for less memory)."""
    where: dict[str, list[int]] = {}
    for j, ch in enumerate(other):
        where.setdefault(ch, []).append(j)
    found = []
    queue = [(0, len(first), 0, len(other))]
    while queue:
        alo, ahi, blo, bhi = queue.pop()
        besti, bestj, best = alo, blo, 0
        runs: dict[int, int] = {}           # j → length of the common run ending at first[i - 1], other[j]
        for i in range(alo, ahi):
            longer = {}
            for j in where.get(first[i], ()):
                if j < blo:
                    continue
                if j >= bhi:
                    break
                k = longer[j] = runs.get(j - 1, 0) + 1
                if k > best:                 # the earliest of the longest, in first, then in other
                    besti, bestj, best = i - k + 1, j - k + 1, k
            runs = longer
        if best:
            found.append((besti, bestj, best))
            if alo < besti and blo < bestj:
                queue.append((alo, besti, blo, bestj))
            if besti + best < ahi and bestj + best < bhi:
                queue.append((besti + best, ahi, bestj + best, bhi))
    found.sort()
    out = []
    a = b = size = 0
    for a2, b2, size2 in found:               # blocks that touch are one
        if a + size == a2 and b + size == b2:
            size += size2
        else:
            if size:
                out.append((a, size))
            a, b, size = a2, b2, size2
    if size:
        out.append((a, size))
    out.append((len(first), 0))
    return tuple(out)


def _runs(keep: list[bool], cuts: set[int]) -> list[tuple[int, int]]:
    """Spans of kept characters, split where an alignment with some text began or ended a block."""
    runs, start = [], None
    for i, k in enumerate(keep + [False]):
        if start is not None and (not k or i in cuts):
            runs.append((start, i))
            start = None
        if k and start is None:
            start = i
    return runs


def _frame(text: str, anchors: list[tuple[int, int]]) -> Frame | None:
    parts = [""]
    pos = 0
    for a, b in anchors:
        if a > pos:
            parts.append("")
        parts[-1] += text[a:b]
        pos = b
    if pos < len(text):
        parts.append("")
    frame = Frame(tuple(parts))
    return frame if frame.slots else None


def _regular(frame: Frame, texts: list[str]) -> Frame:
    """The frame without short inner parts (a mark, or one character and marks) between slots whose
    values differ in length threefold: such a part belongs to the free text, not to the frame."""
    parts = list(frame.parts)
    values = cast(list[tuple[str, ...]], [frame.fill(t) for t in texts])   # induce saw every text fill
    i = 1
    while i < len(parts) - 1:
        if cjk_count(parts[i]) < 2 and (not (_even(values, i - 1) and _even(values, i))
                                        or _splits_word(values, i, parts[i])):
            values = [v[:i - 1] + (v[i - 1] + parts[i] + v[i],) + v[i + 1:] for v in values]
            del parts[i]
        else:
            i += 1
    return Frame(tuple(parts))


def _splits_word(values: list[tuple[str, ...]], i: int, part: str) -> bool:
    """Whether a one-character part is the first of a word that most texts go on alike and one does
    not (国 of 国家, 国家, 国际: 更加积极主动{A}国{B} splits words): the character after it is the same
    in half of the texts or more; a mark or a function character is no word's."""
    if not part.strip() or part in FUNCTION or not any("\u4e00" <= c <= "\u9fff" for c in part):
        return False
    after = Counter(v[i][:1] for v in values)
    return after.most_common(1)[0][1] * 2 >= len(values)


def _even(values: list[tuple[str, ...]], slot: int) -> bool:
    lengths = [len(v[slot]) for v in values]
    return max(lengths) <= 3 * min(lengths)
