"""Formulas from the index: recurring n-grams that a writer would reuse as they stand.

An n-gram of the index (see ``drafter.mine.index``) is a formula when

- it is in at least ``min_docs`` documents, and a short one (``SHORT`` characters or fewer) is not in every
  document of a corpus of ``VOCABULARY`` or more: that is the genre's vocabulary (各位代表, 全国各族人民); a
  longer one may be (完整准确全面贯彻新发展理念 is in every report of its year);
- it starts and ends where words do: at most occurrences meet a break on each side (accessor
  variety: the neighbour is a clause boundary, or a character not bound to the edge, and if it is
  the same everywhere, a function character), its first character is no particle or conjunction,
  its last is no dangling function character (…的, …作为; 重要 and 方向 end words), and neither end is a
  one-character clause;
- a short one (``SHORT`` characters or fewer, one clause) is measured for how it holds together: for
  every way of cutting it in two, the share it is of the rarer part's occurrences (合作共赢 is most of
  共赢; 经济发展 is a small part of 经济 and of 发展: two words side by side);
- a formula of several clauses has no clause shorter than ``CLAUSE`` (攻坚克难，真抓实干; not 作用，促进),
  unless its clauses are of one length, three characters or more each, or two in three clauses or more
  (保增长、保民生、保稳定; 调整、改革、整顿、提高);
- it stands alone: no one character extends it at every place (nested and overlapping n-grams
  collapse to the longest only where the shorter never stands alone: 科教兴国 stays beside
  科教兴国战略 for its one place without 战略). Its counts are all its occurrences.

These are the formulas of the corpus (``MineResult.formulas``). The phrase bank takes those fit to
reuse as they stand (``Found.reusable``): not extended by one same character at most places, and for
a short one holding together.

All of this is computed from the corpus, with no word list: only the closed class of Chinese function
characters is named.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterator
from dataclasses import dataclass

import numpy as np

from drafter.mine.index import CHUNK, FUNCTION, MAX_N, PARTICLE, Extra, Index, Level
from drafter.mine.text import balanced

SHORT = 6
COHESION = 0.1
MIN_CHARS = 3
#: in a corpus of this many documents or more, a term of a word or two (``SHORT`` characters or fewer) that
#: every document has is the genre's vocabulary
VOCABULARY = 10
#: a formula extended by one same character at this share of its places is left to the longer one in the bank
DOMINANT = 0.75
#: the shortest clause of a formula of several clauses (攻坚克难，真抓实干; not 作用，促进)
CLAUSE = 4
#: characters no formula starts with
NEVER_START = frozenset("的之和与及或了等")
#: function characters that end a word after a character they often follow (重要, 方向, 平等, 但是)
WORDLIKE_END = frozenset("要是向等")
WORDLIKE_SHARE = 0.15
#: the least share a four-character term is of its commoner half (千方百计; not 义务教育)
BOND = 0.3
#: the places an edge character needs with the rest to be attached to it (for a four-character term,
#: whose rhythm holds the character in, fewer where a corpus asks fewer documents of a formula: 以|上率下)
ATTACHED = 3
#: the least share of its places where a term of one clause closes the clause
TERM_CLOSES = 0.2
#: the least share for a three-character one, which is more often a word qualifying the next (全方位|推进,
#: 前瞻性|…: 0.25 of their places in the speeches of 2020; 城镇化 0.4, 新征程 0.5, 新常态 0.86)
WORD_CLOSES = 0.4
#: how far after a formula a number makes it a statistic
NUMBER_REACH = 8


@dataclass(slots=True)
class Found:
    """A formula of the index: canonical text, counts, where its occurrences are and how it holds together."""

    text: str
    tf: int
    df: int
    gram: int                  # its number in the index's level of its length (``Index.positions``)
    strength: float            # share of occurrences with a break on both sides (0.5–1)
    cohesion: float            # for one clause: the least share it is of a part's occurrences, over its cuts
    top: int                   # occurrences of its commonest extension by one (content) character
    closes: int = 0            # occurrences followed by a clause boundary or a function character other than 的
    bond: float = 1.0          # for four characters: the share it is of the commoner half's occurrences
    numbers: int = 0           # occurrences with a number a few characters after (a statistic)
    stops: int = 0             # occurrences followed by a clause boundary (punctuation, a line's end)

    def reusable(self, min_docs: int, ndocs: int = 0) -> bool:
        """Whether it is fit for the phrase bank: in ``min_docs`` documents, not extended by one same
        character at ``DOMINANT`` of its places (推进社会主义民主法|制), a short one holds together
        (``COHESION``; a four-character one 2.5 times, a three-character one five times as well), and a
        three-character one is in at most a third of the ``ndocs`` documents and closes a clause at
        ``WORD_CLOSES`` of its places (全方位|推进 qualifies what follows). Besides, both edges are
        breaks at most of its places (strictly: 学习贯彻党的十|九 fails at one place of two); a
        four-character term is most of both halves' occurrences (千方百计, 稳中求进: a 四字格; not
        义务|教育, 持续|加大: two words side by side); a term of one clause that is no four-character
        one closes a clause at ``TERM_CLOSES`` of its places and ends one at some place
        (现代化建设取得|…, 发展同世界各国|的…, 更加紧密地团结|在… wait for what follows); it does not
        start with 的, 了 or 及 (的前提下, 及其常委会…), nor end with the localiser 中 (经济社会发展中),
        and is not followed by a number at half of its places (城镇登记失业率控制在4.5%: a
        statistic). Clauses under ``CLAUSE`` characters have three characters or more, in three
        clauses or more (not 自治区、直辖市)."""
        n = len(self.text)
        one = "，" not in self.text
        need = {3: 5 * COHESION, 4: 2.5 * COHESION}.get(n, COHESION) if n <= SHORT and one else 0
        if n == MIN_CHARS and (self.df * 3 > ndocs or self.closes < WORD_CLOSES * self.tf):
            return False         # 过程中, 残疾人: a three-character word in a third of the corpus is a word,
                                 # not a 提法 like 新常态; one that a clause's end or a function character
                                 # follows at few of its places (``WORD_CLOSES``) qualifies the next word
                                 # (全方位|推进): a modifier, where a 提法 stands whole (适应新常态。)
        if self.strength <= 0.5 or self.text[0] in "的了及" or self.text[-1] == "中" or self.numbers * 2 >= self.tf:
            return False
        if one and (self.bond < BOND if n == 4 else self.closes < TERM_CLOSES * self.tf or self.stops == 0):
            return False         # …紧密地团结|在…: never at a clause's end, a verb waits for its complement
        clauses = self.text.split("，")
        if not one and min(map(len, clauses)) < CLAUSE and (len(clauses) < 3 or min(map(len, clauses)) < 3):
            return False         # 自治区、直辖市, 科技、教育、文化: a list of words; 保增长、保民生、保稳定 stays
        return self.df >= min_docs and self.top < DOMINANT * self.tf and self.cohesion >= need


def formulas(index: Index, min_docs: int, ndocs: int) -> Iterator[Found]:
    """The formulas of the index, longest first, each length in the order of its level, one at a time."""
    code = index.code
    numbered = _slice_by_slice(_number_ahead, code, NUMBER_REACH)
    stop = _slice_by_slice(_stop, code)
    vocabulary = ndocs >= VOCABULARY
    for n in sorted(index.levels, reverse=True):
        if n < MIN_CHARS or n >= MAX_N:
            continue
        level = index.levels[n]
        edges = level.edges
        assert edges is not None and edges.grams is not None, "the formulas read a closed level's edge figures"
        grams = edges.grams                    # the open ones: the figures are of them
        tfs, dfs, reps = level.tf[grams], level.df[grams], level.rep[grams]
        top = np.maximum(edges.left_top, edges.right_top)
        cand = (dfs >= min_docs) & _is_cjk(code[reps]) & _is_cjk(code[reps + n - 1]) & (top < tfs) \
            & (edges.left_open * 2 >= tfs) & (edges.right_open * 2 >= tfs)
        if vocabulary and n <= SHORT:
            cand &= dfs < ndocs
        rows = np.nonzero(cand)[0]
        held = _cohesion(index, n, reps[rows], tfs[rows]) if n <= SHORT else None
        extra = index.extra(level.occ)
        numbers, stops = (_per_gram(level, flags[level.occ + n], extra) for flags in (numbered, stop))
        for j, k in enumerate(rows):
            i = int(grams[k])
            text = index.gram(level, i)
            tf = int(tfs[k])
            least = min(ATTACHED, min_docs) if n == 4 else ATTACHED
            if not _edges(index, text, tf, int(edges.right_end[k]), least):
                continue
            strength = min(edges.left_open[k], edges.right_open[k]) / tf
            cohesion = float(held[j]) if held is not None and "，" not in text else 1.0
            yield Found(text, tf, int(dfs[k]), i, float(strength), cohesion, int(top[k]),
                        int(edges.right_punct[k]), _bond(index, text, tf), int(numbers[i]), int(stops[i]))


def _per_gram(level: Level, flags: np.ndarray, extra: Extra | None) -> np.ndarray:
    """For each gram of a level: how many of its occurrences (``level.occ``; ``extra``: those that stand
    for more than one) have the flag."""
    total = np.concatenate(([0], np.cumsum(flags, dtype=np.int32)))
    out = total[level.start[1:]] - total[level.start[:-1]]
    if extra is not None:
        extra.add(out, np.searchsorted(level.start, extra.at, "right") - 1, flags)
    return out


def _bond(index: Index, text: str, tf: int) -> float:
    """For a four-character term of one clause: the share it is of its commoner half's occurrences."""
    if len(text) != 4 or "，" in text:
        return 1.0
    return tf / max(index.lookup(text[:2])[0], index.lookup(text[2:])[0], tf)


def _slice_by_slice(mark: Callable[[np.ndarray], np.ndarray], code: np.ndarray, reach: int = 0) -> np.ndarray:
    """``mark(code)``, a boolean per position, made ``CHUNK`` positions at a time (its temporary arrays
    stay small); ``reach``: how many characters ahead of a position ``mark`` looks at."""
    out = np.empty(len(code), bool)
    for a in range(0, len(code), CHUNK):
        b = min(a + CHUNK, len(code))
        out[a:b] = mark(code[a:b + reach])[:b - a]
    return out


def _stop(code: np.ndarray) -> np.ndarray:
    """Whether each character is a clause boundary: no Chinese character, digit or letter, nor an opening
    quote or title mark (what opens there is the object of the words before: 提出|“行为禁令”)."""
    word = _is_cjk(code) | ((code >= 48) & (code <= 57)) | (((code | 32) >= 97) & ((code | 32) <= 122))
    return ~word & ~np.isin(code, OPENING)


#: marks that open a quotation or a title
OPENING = np.array([ord(c) for c in "“‘《〈「『（("], dtype=np.uint32)


def _number_ahead(code: np.ndarray) -> np.ndarray:
    """For each position: whether a number (digit or %) comes within ``NUMBER_REACH`` characters from
    it, in the same sentence (before the next newline). One byte a position at a time, no index arrays."""
    number = ((code >= 48) & (code <= 57)) | ((code >= 0xFF10) & (code <= 0xFF19)) | (code == 0x25) | (code == 0xFF05)
    line = code == 10
    ahead = number.copy()                 # a number at k characters from here, none of them a newline
    open_ = ~line                         # no newline from here to k characters on
    for k in range(1, NUMBER_REACH):
        open_[:-k] &= ~line[k:]
        open_[-k:] = False
        ahead[:-k] |= number[k:] & open_[:-k]
    return ahead


def maximal(found: list[Found], share: float = 0.6) -> list[Found]:
    """The formulas without those that one longer formula holds at ``share`` of their places or more
    (向关心和支持中国现代化建设 is nearly always in the whole thanks sentence; 中国特色社会主义 is in
    many longer formulas, none of them most of the time, and stays)."""
    by_start: dict[str, list[str]] = {}          # the formulas by their first MIN_CHARS characters
    for f in found:
        if len(f.text) >= MIN_CHARS:
            by_start.setdefault(f.text[:MIN_CHARS], []).append(f.text)
    held: dict[str, int] = {}
    for outer in found:
        t = outer.text
        for a in range(len(t) - MIN_CHARS + 1):
            for inner in by_start.get(t[a:a + MIN_CHARS], ()):
                if t.startswith(inner, a) and (a or len(inner) < len(t)):       # held, and not the whole
                    held[inner] = max(held.get(inner, 0), outer.tf * t.count(inner))
    return [f for f in found if held.get(f.text, 0) < share * f.tf]


def _is_cjk(code: np.ndarray) -> np.ndarray:
    return ((code >= 0x3400) & (code <= 0x9FFF)) | ((code >= 0xF900) & (code <= 0xFAFF))


def _edges(index: Index, text: str, tf: int, ends: int = 0, least: int = 3) -> bool:
    """No function character at the start (要 may open a requirement), no dangling one at the end, no short
    clause — unless the character is attached: the rest never occurs without it, in ``least`` places or
    more (与|时俱进, 和|平共处五项原则, 以|上率下; at the end only a word-like one, 实事求|是); a function
    character other than a particle also ends a formula that closes a clause at most of its places
    (``ends`` of ``tf``: 担当作为。, not …思想作为指导)."""
    if not balanced(text):
        return False
    clauses = text.split("，")
    lengths = set(map(len, clauses))
    if len(clauses) > 1 and min(lengths) < CLAUSE \
            and not (len(lengths) == 1 and min(lengths) >= (3 if len(clauses) == 2 else 2)):
        return False
    if (text[0] in NEVER_START or (text[0] in FUNCTION and text[0] != "要")) \
            and not _attached(index, text[1:], tf, least):
        return False
    if not dangles(index, text):
        return True
    if text[-1] in WORDLIKE_END and _attached(index, text[:-1], tf, least):
        return True
    return text[-1] not in PARTICLE and ends * 2 > tf


def _attached(index: Index, rest: str, tf: int, least: int = 3) -> bool:
    """Whether an edge character comes with the rest wherever the rest occurs (in ``least`` places or more)."""
    return tf >= least and index.lookup(rest)[0] <= tf + tf // 10


def dangles(index: Index, text: str) -> bool:
    """Whether ``text`` ends with a function character that waits for what follows (…的, …作为)."""
    last = text[-1]
    if last not in FUNCTION:
        return False
    if last not in WORDLIKE_END or len(text) < 2:
        return True
    pair = index.lookup(text[-2:])[0]
    return not (pair >= 3 and pair >= WORDLIKE_SHARE * index.lookup(last)[0])


def _cohesion(index: Index, n: int, starts: np.ndarray, tf: np.ndarray) -> np.ndarray:
    """For the n-grams at ``starts`` (counts ``tf``): the least share each is of the rarer part's
    occurrences, over the ways to cut it in two."""
    least = np.ones(len(starts))
    for k in range(1, n):
        rarer = np.minimum(index.counts_at(starts, k), index.counts_at(starts + k, n - k))
        np.minimum(least, np.divide(tf, rarer, out=np.ones(len(starts)), where=rarer > 0), out=least)
    return least


def spread(years: list[int | None]) -> float:
    """How widely a formula's documents spread over the years (0–1), from the distinct years."""
    dated = {y for y in years if y is not None}
    return math.log1p(len(dated)) / math.log1p(max(len(years), 1))
