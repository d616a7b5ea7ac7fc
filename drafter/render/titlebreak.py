"""Break a long title into balanced lines at natural points, top line longest (a trapezoid).

GB/T 9704 asks for a title in one or more lines, "no break inside a word". Without a word
segmenter we rank the places a line may end: after punctuation or a space, before 在 (the occasion),
before 的讲话, after 全市/全省…, before 关于/暨/和 …; any other place between two CJK characters is a last
resort, and Latin words, numbers and placeholders are never split.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import cache
from itertools import pairwise

from drafter.model import Inlines, Placeholder
from drafter.render.layout import merge_text

#: a line may end right after these (the mark stays on the upper line).
AFTER_PUNCT = "、，：；！？。）》”’"
#: a line may not start with these, nor end with the opening ones.
NO_LINE_START = "、，：；！？。）》”’…—"
NO_LINE_END = "（《“‘"
#: spoken-title suffixes a line may start with.
SPEECH_TAILS = ("的讲话", "的发言", "的报告", "的致辞", "的主持词", "的总结讲话", "的动员讲话", "的辅导报告")
WORD_ENDS = ("全市", "全省", "全国", "全县", "全区", "全党", "全系统", "暨", "上的", "中的", "时的")
#: common words a line may end with, at a higher cost.
COMMON_ENDS = ("建设", "工作", "发展", "思想", "精神", "教育", "会议", "改革", "治理", "推进", "加强", "坚持", "的")
WORD_STARTS = ("关于", "暨", "和", "与", "及", "专题", "会议", "大会", "座谈会", "动员", "推进会", "培训班")
NUMERALS = "〇零一二三四五六七八九十百千万两"
#: measure words that stay with the number before them (二十届, 三次)
COUNTERS = "次届个年月日号项条点批轮期"
WINDOW = 40
#: a title needing more lines than this is set by the simpler line-by-line search (no balancing).
MAX_BALANCED_LINES = 5
ATOM = re.compile(r"[A-Za-z0-9][A-Za-z0-9.\-_/%]*|\s+|.", re.S)

PUNCT_COST, OCCASION_COST, TAIL_COST, WORD_COST, COMMON_COST, ANY_COST = 0, 1, 2, 4, 6, 24
#: a lower line longer than the one above costs this much per character (a trapezoid is preferred).
BALANCE_WEIGHT, INVERSION_COST, EXTRA_LINE_COST = 20, 4, 8


def _atoms(content: Inlines) -> list[str | Placeholder]:
    """Unbreakable units: one CJK character, a Latin word or number, a space, a placeholder."""
    out: list[str | Placeholder] = []
    for part in content:
        if isinstance(part, Placeholder):
            out.append(part)
        else:
            out.extend(ATOM.findall(part))
    return out


def _width(atom: str | Placeholder) -> float:
    text = str(atom)
    return sum(0.5 if ord(c) < 0x2000 and c not in "—…“”‘’" else 1.0 for c in text)


def _text(atoms: list[str | Placeholder]) -> str:
    return "".join(str(a) for a in atoms)


def _break_cost(atoms: list[str | Placeholder], i: int) -> int | None:
    """The cost of ending a line after atom i-1 (starting the next at atom i); None if forbidden."""
    before, after = str(atoms[i - 1]), str(atoms[i])
    if before.isspace() or after.isspace():
        return PUNCT_COST
    if after[0] in NO_LINE_START or before[-1] in NO_LINE_END:
        return None
    if before[-1] == "第" or (before[-1] in NUMERALS and (after[0] in NUMERALS or after[0] in COUNTERS)):
        return None  # 第二十一次 is one word
    if before[-1] in AFTER_PUNCT:
        return PUNCT_COST
    # a window each side is enough for every rule (the longest is an occasion: 在…会议上), and keeps
    # the cost of all breaks linear in the title's length
    rest, done = _text(atoms[i:i + WINDOW]), _text(atoms[max(0, i - 8):i])
    if rest.startswith("——"):
        return PUNCT_COST
    if rest.startswith("在") and re.search(r"[上中时]", rest):
        return OCCASION_COST
    if rest.startswith(SPEECH_TAILS):
        return TAIL_COST
    if done.endswith(WORD_ENDS) or rest.startswith(WORD_STARTS):
        return WORD_COST
    if done.endswith(COMMON_ENDS):
        return COMMON_COST
    return ANY_COST


def _strip(atoms: list[str | Placeholder]) -> list[str | Placeholder]:
    """A line without spaces at its ends."""
    lo, hi = 0, len(atoms)
    while lo < hi and str(atoms[lo]).isspace():
        lo += 1
    while hi > lo and str(atoms[hi - 1]).isspace():
        hi -= 1
    return atoms[lo:hi]


def break_title(content: Inlines, capacity: int) -> list[Inlines]:
    """Split a title into lines of at most ``capacity`` characters, top line longest, breaks natural."""
    atoms = _atoms(content)
    widths = [_width(a) for a in atoms]
    total = sum(widths)
    if total <= capacity or len(atoms) < 2:
        return [merge_text(_strip(atoms))] if atoms else []
    least = int(-(-total // capacity))
    n = len(atoms)
    costs = [None] + [_break_cost(atoms, i) for i in range(1, n)]
    ink = [0.0]                                  # prefix sums of the widths of non-space atoms
    for a, w in zip(atoms, widths, strict=True):
        ink.append(ink[-1] + (0.0 if str(a).isspace() else w))

    def line_width(i: int, j: int) -> float:
        return ink[j] - ink[i]

    if least > MAX_BALANCED_LINES:
        breaks = _greedy_breaks(n, capacity, costs, line_width)
    else:
        breaks = _balanced_breaks(n, capacity, costs, line_width, least)
    bounds = [0, *breaks, n]
    return [merge_text(_strip(atoms[a:b])) for a, b in pairwise(bounds)]


def _ends(i: int, n: int, capacity: int, costs: list[int | None], line_width: Callable[[int, int], float]) -> list[int]:
    """Where a line starting at atom i may end: allowed breaks while the line fits (or one atom)."""
    out = []
    for j in range(i + 1, n):
        if line_width(i, j) > capacity and j - i > 1:
            break
        if costs[j] is not None:
            out.append(j)
    return out


def _balanced_breaks(n: int, capacity: int, costs: list[int | None], line_width: Callable[[int, int], float],
                     least: int) -> tuple[int, ...]:
    """The cheapest breaks in ``least`` or ``least + 1`` lines, lines balanced into a trapezoid."""

    @cache
    def best(i: int, prev: float, left: int) -> tuple[float, tuple[int, ...]]:
        """Cheapest way to set atoms[i:] in ``left`` lines after a line of width ``prev``."""
        ends = [n] if left == 1 else _ends(i, n, capacity, costs, line_width)
        found: tuple[float, tuple[int, ...]] = (float("inf"), ())
        for j in ends:
            width = line_width(i, j)
            if width > capacity and j - i > 1:
                continue
            cost = 0.0
            if prev != float("inf"):
                cost = BALANCE_WEIGHT * ((prev - width) / capacity) ** 2 + INVERSION_COST * max(0.0, width - prev)
            if j < n:
                rest, breaks = best(j, width, left - 1)
                break_cost = costs[j]
                assert break_cost is not None   # only breakable places are in ends before n
                cost += break_cost + rest
            else:
                breaks = ()
            if cost < found[0]:
                found = (cost, (j, *breaks) if j < n else ())
        return found

    options = []
    for lines in (least, least + 1):
        cost, breaks = best(0, float("inf"), lines)
        options.append((cost + EXTRA_LINE_COST * (lines - least), breaks))
    return min(options, key=lambda o: o[0])[1]


def _greedy_breaks(n: int, capacity: int, costs: list[int | None],
                   line_width: Callable[[int, int], float]) -> tuple[int, ...]:
    """Breaks for a very long title, in time linear in its length: each line as full as it can be at
    a natural break (the cheapest break among those that fill at least half the line)."""
    breaks, i = [], 0
    while line_width(i, n) > capacity:
        ends = _ends(i, n, capacity, costs, line_width) or [i + 1]
        full = [j for j in ends if line_width(i, j) >= capacity / 2] or ends
        j = min(full, key=lambda j: (costs[j] if costs[j] is not None else ANY_COST, -j))
        breaks.append(j)
        i = j
    return tuple(breaks)
