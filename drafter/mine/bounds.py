"""Word boundaries without a dictionary: whether a mined phrase starts and ends where words do.

An edge of a phrase is plausible when, at most of its occurrences in the corpus, the text beside
it is a clause boundary or a character not bound to the edge that varies (accessor variety); a
fragment has a fixed neighbour (落实新时代党 is always followed by 的). A fixed neighbour still
marks a boundary when it is a function character not bound to the phrase (…组工干部|要). Two
characters are *bound* when the corpus has the pair at least ``BOUND_TIMES`` times and in at
least ``BOUND_SHARE`` of either character's pairs on that side (关于, 重要, 党的). A phrase may not
end with a dangling function character (…党的, …作为; but 重要 and 方向 end words), start with a
particle or a conjunction (的…, 和…), or have a one-character clause at either end (位，教育引导).
A phrase whose edges fail grows over neighbours fixed at every occurrence (近平总书记 → 习近平总书记)
or else loses up to ``REACH`` characters at each end; without a plausible variant of ``MIN_CJK``
Chinese characters it is not a phrase.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable

import numpy as np

from drafter.mine.index import code_points
from drafter.mine.text import EDGE, FUNCTION, balanced, cjk_count

#: function characters that end a word after a character they often follow (重要, 方向, 平等, 但是)
WORDLIKE_END = frozenset("要是向等")
#: characters no phrase starts with
NEVER_START = frozenset("的之和与及或了等")
#: neighbours that are clause boundaries
BOUNDARY = frozenset("\n“”" + EDGE)
BOUND_TIMES = 3
BOUND_SHARE = 0.1
#: share of a word-like function character's left pairs that makes the pair a word (重要, not 部门要)
WORDLIKE_SHARE = 0.15
REACH = 4
MIN_CJK = 6


def neighbours(text: str, gram: str) -> tuple[str, str]:
    """The characters before and after every occurrence of ``gram`` in ``text`` (which starts and ends
    with a newline, so that every occurrence has both)."""
    left, right, i = [], [], text.find(gram)
    while i >= 0:
        left.append(text[i - 1])
        right.append(text[i + len(gram)])
        i = text.find(gram, i + 1)
    return "".join(left), "".join(right)


#: clause marks a list has inside it: where ``neighbours_of`` looks for one
MARKS = "，、：；"
_MUL = 0x9E3779B97F4A7C15
_MASK = (1 << 64) - 1


def neighbours_of(text: str, grams: list[str]) -> dict[str, tuple[str, str]]:
    """``neighbours`` of many grams at once. A gram with a clause mark at least two characters from
    either end (a list: 科技、教育、文化) is looked for only where the text has that mark with the same two
    characters on each side — those places are found for all the grams in one pass — and the others
    one by one."""
    out: dict[str, tuple[str, str]] = {}
    anchored: dict[int, list[tuple[str, int]]] = {}
    for gram in dict.fromkeys(grams):
        d = next((i for i in range(2, len(gram) - 2) if gram[i] in MARKS), None)
        if d is None:
            out[gram] = neighbours(text, gram)
        else:
            anchored.setdefault(_hash(map(ord, gram[d - 2:d + 3])), []).append((gram, d))
    if not anchored:
        return out
    code = code_points(text)
    marked = np.zeros(len(code), bool)
    for mark in MARKS:
        marked[2:-2] |= code[2:-2] == ord(mark)
    at = np.flatnonzero(marked)
    del marked
    keys = code[at - 2].astype(np.uint64)
    for k in (-1, 0, 1, 2):
        keys *= np.uint64(_MUL)
        keys += code[at + k]
    sides: dict[str, tuple[list[str], list[str]]] = {g: ([], []) for gs in anchored.values() for g, _ in gs}
    hit = np.isin(keys, np.fromiter(anchored, np.uint64, len(anchored)))
    for s, key in zip(at[hit].tolist(), keys[hit].tolist(), strict=True):
        for gram, d in anchored[key]:
            p = s - d
            if p > 0 and text.startswith(gram, p) and p + len(gram) < len(text):
                left, right = sides[gram]
                left.append(text[p - 1])
                right.append(text[p + len(gram)])
    out.update((g, ("".join(left), "".join(right))) for g, (left, right) in sides.items())
    return out


def neighbours_across(texts: Iterable[str], grams: list[str]) -> dict[str, tuple[str, str]]:
    """``neighbours_of`` in a text given a slice at a time (each slice starting and ending with a newline,
    cut between lines), as in the whole: its arrays are a slice's size, not the corpus's."""
    out = {gram: ("", "") for gram in grams}
    for text in texts:
        for gram, (left, right) in neighbours_of(text, grams).items():
            before, after = out[gram]
            out[gram] = (before + left, after + right)
    return out


def _hash(codes) -> int:
    """The hash ``neighbours_of`` gives five code points (as numpy's uint64 arithmetic makes it)."""
    h = 0
    for k, c in enumerate(codes):
        h = c if k == 0 else (h * _MUL + c) & _MASK
    return h


class Bounds:
    """Pair counts and occurrence contexts of the distinct sentences of a corpus."""

    def __init__(self, texts: list[str]):
        self.corpus = "\n" + "\n".join(texts) + "\n"
        self.pairs = Counter(t[i:i + 2] for t in texts for i in range(len(t) - 1))
        self.before: Counter = Counter()
        self.after: Counter = Counter()
        for pair, n in self.pairs.items():
            self.before[pair[1]] += n
            self.after[pair[0]] += n
        self._seen: dict[str, tuple[str, str]] = {}

    def bound(self, left: str, right: str) -> bool:
        """Whether two adjacent characters belong to one word, by how often the corpus pairs them."""
        n = self.pairs[left + right]
        return n >= BOUND_TIMES and (n >= BOUND_SHARE * self.after[left] or n >= BOUND_SHARE * self.before[right])

    def tight(self, left: str, right: str) -> bool:
        """Whether two adjacent characters are most often seen together: each is, at half of its places
        or more, the other's neighbour (必须; not 要|坚持, though 要坚 recurs)."""
        n = self.pairs[left + right]
        return n >= BOUND_TIMES and n * 2 >= self.after[left] and n * 2 >= self.before[right]

    def contexts(self, gram: str) -> tuple[str, str]:
        """The characters before and after every occurrence of ``gram`` in the corpus."""
        if gram not in self._seen:
            self._seen[gram] = neighbours(self.corpus, gram)
        return self._seen[gram]

    def starts(self, gram: str, left: str, clause: int = 2) -> bool:
        """Whether ``gram`` can start a phrase, given the characters before its occurrences, with at
        least ``clause`` Chinese characters before its first clause boundary."""
        if not gram or gram[0] in NEVER_START or gram[0] in EDGE or cjk_count(_clauses(gram)[0]) < clause:
            return False
        return self._open(left, lambda c: self.bound(c, gram[0]))

    def ends(self, gram: str, right: str, clause: int = 2) -> bool:
        """Whether ``gram`` can end a phrase, given the characters after its occurrences, with at
        least ``clause`` Chinese characters after its last clause boundary."""
        if not gram or gram[-1] in EDGE or self.dangles(gram) or cjk_count(_clauses(gram)[-1]) < clause:
            return False
        return self._open(right, lambda c: self.bound(gram[-1], c))

    def dangles(self, gram: str) -> bool:
        """Whether ``gram`` ends with a function character that waits for what follows (…的, …作为)."""
        last = gram[-1]
        if last not in FUNCTION:
            return False
        n = self.pairs[gram[-2:]] if len(gram) > 1 else 0
        return not (last in WORDLIKE_END and n >= BOUND_TIMES and n >= WORDLIKE_SHARE * self.before[last])

    def _open(self, neighbours: str, bound) -> bool:
        """Most occurrences meet a break: a clause boundary, or a neighbour not bound to the edge that
        varies or is a function character."""
        fixed = len(set(neighbours)) == 1
        breaks = sum(c in BOUNDARY or (not bound(c) and (not fixed or c in FUNCTION)) for c in neighbours)
        return breaks * 2 > len(neighbours)

    def plausible(self, gram: str) -> bool:
        """Whether both edges of ``gram`` are plausible word boundaries across the corpus."""
        left, right = self.contexts(gram)
        return self.starts(gram, left) and self.ends(gram, right)

    def span(self, gram: str) -> tuple[int, int] | None:
        """The best plausible variant of ``gram`` as offsets into it (``a`` < 0 or ``b`` > len when it
        grew over fixed neighbours), or None."""
        grown, a, b = self.grow(gram)
        if cjk_count(grown) >= MIN_CJK and self.plausible(grown):
            return a, b
        n = len(gram)
        for size in range(n, 0, -1):
            for a in range(max(0, n - size - REACH), min(REACH, n - size) + 1):
                piece = gram[a:a + size]
                if cjk_count(piece) < MIN_CJK:
                    return None
                if balanced(piece) and self.plausible(piece):
                    return a, a + size
        return None

    def grow(self, gram: str) -> tuple[str, int, int]:
        """``gram`` grown over neighbours that are the same at every occurrence, with its offsets."""
        a, b = 0, len(gram)
        for _ in range(REACH):
            left, right = self.contexts(gram)
            grown = gram
            if not self.starts(gram, left) and fixed(left):
                grown, a = left[0] + grown, a - 1
            if not self.ends(gram, right) and fixed(right):
                grown, b = grown + right[0], b + 1
            if grown == gram:
                break
            gram = grown
        return gram, a, b


def fixed(neighbours: str) -> bool:
    """Whether every occurrence has the same neighbour, and it is a Chinese character."""
    return len(set(neighbours)) == 1 and cjk_count(neighbours[0]) == 1


def _clauses(gram: str) -> list[str]:
    """The pieces of ``gram`` between clause boundaries."""
    return re.split(f"[{re.escape(EDGE)}]", gram)
