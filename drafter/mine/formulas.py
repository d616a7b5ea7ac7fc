"""Formulas from the index: recurring n-grams that a writer would reuse as they stand.

An n-gram of the index (see ``drafter.mine.index``) is a formula when

- it is in at least ``min_docs`` documents (not in every document of a corpus of four or more: that
  is the genre's common vocabulary, 各位代表, 党的建设);
- it starts and ends where words do: at most occurrences meet a break on each side (accessor
  variety: the neighbour is a clause boundary, or a character not bound to the edge, and if it is
  the same everywhere, a function character), its first character is no particle or conjunction,
  its last is no dangling function character (…的, …作为; 重要 and 方向 end words), and neither end is a
  one-character clause;
- a short one (``SHORT`` characters or fewer, one clause) holds together: for every way of cutting it
  in two, it is at least ``COHESION`` of the rarer part's occurrences (合作共赢 is most of 共赢, 新常态
  most of 常态; 经济发展 is a small part of 经济 and of 发展: two words side by side, not a formula);
- neither end is a free single character (the first two and the last two characters are bound pairs,
  for formulas of four characters or more; one of three characters must hold together twice as
  well), no neighbour extends it at three in four of its places (推进社会主义民主法|制), and a
  formula of several clauses has no clause shorter than ``CLAUSE``;
- it stands alone: outside longer formulas it still occurs in two documents (nested and overlapping
  n-grams collapse to the longest only where the shorter never stands alone). Its counts are all
  its occurrences, inside longer formulas or not.

All of this is computed from the corpus, with no word list: only the closed class of Chinese function
characters is named.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np

from drafter.mine.index import FUNCTION, MAX_N, Index
from drafter.mine.text import balanced

SHORT = 6
COHESION = 0.1
MIN_CHARS = 3
#: the shortest clause of a formula of several clauses (攻坚克难，真抓实干; not 作用，促进)
CLAUSE = 4
#: characters no formula starts with
NEVER_START = frozenset("的之和与及或了等")
#: function characters that end a word after a character they often follow (重要, 方向, 平等, 但是)
WORDLIKE_END = frozenset("要是向等")
WORDLIKE_SHARE = 0.15


@dataclass
class Found:
    """A formula of the index: canonical text, counts, its occurrences and edge strength."""

    text: str
    tf: int
    df: int
    positions: np.ndarray      # every occurrence
    strength: float            # share of occurrences with a break on both sides (0.5–1)


def formulas(index: Index, min_docs: int, ndocs: int) -> list[Found]:
    """The formulas of the index, longest first, then by text."""
    code = index.code
    size = len(code)
    reach = np.zeros(size + 1, np.int32)        # for each start: the furthest end of a longer formula
    out: list[Found] = []
    vocabulary = ndocs >= 4
    for n in sorted(index.levels, reverse=True):
        if n < MIN_CHARS or n >= MAX_N:
            continue
        level = index.levels[n]
        first, last = code[level.rep], code[level.rep + n - 1]
        cand = (level.df >= min_docs) & _is_cjk(first) & _is_cjk(last) \
            & (level.left_open * 2 >= level.tf) & (level.right_open * 2 >= level.tf) \
            & (level.left_top * 4 < level.tf * 3) & (level.right_top * 4 < level.tf * 3)
        if n > 4:   # no single free character at either end (以|爱国主义, 取得|新); a 四字格 must hold together
            for at in (level.rep, level.rep + n - 2):
                cand &= index.bound_at[at] | ~index.known_at[at]
        if vocabulary:
            cand &= level.df < ndocs
        cover = np.maximum.accumulate(reach)
        picked = []
        for i in np.nonzero(cand)[0]:
            text = index.gram(level, int(i))
            if not _edges(index, text) or n <= SHORT and "，" not in text and \
                    not _cohesive(index, text, int(level.tf[i]), {3: 5 * COHESION, 4: 2 * COHESION}.get(n, COHESION)):
                continue
            pos = index.positions(level, int(i))
            alone = pos[cover[pos] < pos + n]
            if len(np.unique(index.doc[alone])) < min(2, min_docs):
                continue
            strength = min(level.left_open[i], level.right_open[i]) / level.tf[i]
            picked.append(Found(text, int(level.tf[i]), int(level.df[i]), pos, float(strength)))
        for f in picked:
            np.maximum.at(reach, f.positions, f.positions + n)
        out += picked
    return out


def _is_cjk(code: np.ndarray) -> np.ndarray:
    return ((code >= 0x3400) & (code <= 0x9FFF)) | ((code >= 0xF900) & (code <= 0xFAFF))


def _edges(index: Index, text: str) -> bool:
    """No particle at the start, no dangling function character at the end, no one-character clause."""
    if text[0] in NEVER_START or not balanced(text):
        return False
    clauses = text.split("，")
    if len(clauses) > 1 and min(map(len, clauses)) < CLAUSE:
        return False
    return not dangles(index, text)


def dangles(index: Index, text: str) -> bool:
    """Whether ``text`` ends with a function character that waits for what follows (…的, …作为)."""
    last = text[-1]
    if last not in FUNCTION:
        return False
    if last not in WORDLIKE_END or len(text) < 2:
        return True
    pair = index.lookup(text[-2:])[0]
    return not (pair >= 3 and pair >= WORDLIKE_SHARE * index.lookup(last)[0])


def _cohesive(index: Index, text: str, tf: int, share: float = COHESION) -> bool:
    for k in range(1, len(text)):
        rarer = min(index.lookup(text[:k])[0], index.lookup(text[k:])[0])
        if rarer and tf < share * rarer:
            return False
    return True


def spread(years: list[int | None]) -> float:
    """How widely a formula's documents spread over the years (0–1), from the distinct years."""
    dated = {y for y in years if y is not None}
    return math.log1p(len(dated)) / math.log1p(max(len(years), 1))
