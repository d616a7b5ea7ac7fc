"""Gapped formulas: two parts that recur together with a short, changing text between them
(指明了…方向、提供了根本遵循; 同…党中央保持高度一致).

For each recurring n-gram, every text within ``WINDOW`` characters of it in the same clause, on
either side, is a candidate anchor. An anchor is kept when it is near the n-gram in two or more
documents and at three in four of its places, and that is unlikely by chance: the probability of
meeting it in a window of that size, from its frequency in the corpus, is at most ``RARE``, and
raised to the number of times it was met, at most ``CHANCE`` (so 同 qualifies before 党中央保持高度一致,
but 的 or 党 do not). The best anchor is the one met in the most documents, then most often, then
the longest. Of two gapped formulas over the same sentences, the one with longer anchors stays. The gap
must change from place to place (else the
whole is an ordinary n-gram); what every gap shares at its ends joins the anchors. The parts are
shown in the order most documents use; the documents are all those where the two meet. A
one-character anchor (同) counts only where it also meets the n-gram directly somewhere (同党中央…).
"""

from __future__ import annotations

import os
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from functools import reduce
from itertools import chain
from operator import or_

from drafter.mine.bounds import NEVER_START, REACH, Bounds, fixed
from drafter.mine.index import bits
from drafter.mine.ngrams import Formula, Sentences
from drafter.mine.text import GAP, balanced, cjk_count, trim

WINDOW = 12
MAX_ANCHOR = 4
CHANCE = 1e-4
RARE = 0.05
COVER = 0.75
#: the places of an n-gram looked around (the first ones, in corpus order), and of all n-grams (those
#: in the most documents first): the work stays bounded however large the corpus
MAX_PLACES = 12
MAX_TOTAL = 8000
#: marks an anchor may not hold: it stays inside one clause
BREAKS = set("，：。！？；“”《》（）")


@dataclass(frozen=True)
class Gapped:
    """Two anchors with a gap: ``first…second`` in canonical form, and where they meet."""

    first: str
    second: str
    places: tuple[tuple[int, int, int, int], ...]    # in the shown order: (sentence, start of first, start of second,
                                                     # end)
    docs: frozenset[int]
    sentences: tuple[int, ...]                       # every sentence where the two meet, in either order

    @property
    def canon(self) -> str:
        return self.first + GAP + self.second


def gapped(sents: Sentences, formulas: list[Formula], count=None, size: int | None = None) -> list[Gapped]:
    """The gapped formulas around the recurring n-grams, one per distinct text. ``count(text)`` gives
    how often a text occurs in the corpus (of ``size`` characters), from an index; without it the
    corpus is searched."""
    if count is None:
        corpus = "\n".join(sents.texts)
        count, size = corpus.count, len(corpus)
    counts: dict[str, int] = {}
    found: dict[tuple, Gapped] = {}
    budget = MAX_TOTAL
    for formula in sorted(formulas, key=lambda f: (-f.ndocs, min(len(f.places), MAX_PLACES), f.canon)):
        budget -= min(len(formula.places), MAX_PLACES)
        if budget < 0:
            break
        g = _around(sents, formula, (count, size or 1), counts)
        if g is None:
            continue
        key = (g.docs, frozenset(p[0] for p in g.places))
        old = found.get(key)
        if old is None or (len(g.first) + len(g.second), g.canon) > (len(old.first) + len(old.second), old.canon):
            found[key] = g
    by_text: dict[str, Gapped] = {}
    for g in found.values():
        if g.canon not in by_text or len(g.docs) > len(by_text[g.canon].docs):
            by_text[g.canon] = g
    return [by_text[k] for k in sorted(by_text)]


def _pieces(text: str, lo: int, hi: int, common: set[str]) -> Iterator[tuple[str, int]]:
    """Every run of ``common`` characters of up to ``MAX_ANCHOR`` within text[lo:hi], with its start."""
    run = [0] * (hi - lo + 1)              # how many common characters in a row start at each place
    for a in range(hi - 1, lo - 1, -1):
        if text[a] in common:
            run[a - lo] = run[a - lo + 1] + 1
    for a in range(lo, hi):
        for b in range(a + 1, a + min(run[a - lo], MAX_ANCHOR) + 1):
            yield text[a:b], a


def _around(sents: Sentences, formula: Formula, corpus: tuple, counts: dict[str, int]) -> Gapped | None:
    n = len(formula.canon)
    places = formula.places[:MAX_PLACES]
    need = max(2, COVER * min(len(formula.places), MAX_PLACES))
    # an anchor is made of characters seen near ``need`` places or more, none of them a break
    seen = Counter(chain.from_iterable(set(sents.texts[s][max(0, i - WINDOW):i] + sents.texts[s][i + n:i + n + WINDOW])
                                       for s, i in places))
    common = {c for c, k in seen.items() if k >= need} - BREAKS
    near: dict[str, dict[tuple[int, int], int]] = {}   # anchor → {place: the nearest anchor start}
    for s, i in places:
        text = sents.texts[s]
        key = (s, i)
        for piece, a in _pieces(text, max(0, i - WINDOW), i, common):   # before it: a later start is nearer
            near.setdefault(piece, {})[key] = a
        for piece, a in _pieces(text, i + n, min(len(text), i + n + WINDOW), common):
            slot = near.setdefault(piece, {})      # after it: an earlier start is nearer, one before it may be
            old = slot.get(key)
            if old is None or (old < i and a - i - n < i - old):
                slot[key] = a
    best = None
    for piece, where in near.items():
        if len(where) < need:
            continue
        docs = reduce(or_, (sents.masks[s] for s, _ in where), 0).bit_count()
        if docs < 2:
            continue
        rank = (docs, len(where), len(piece), piece)
        if best is not None and rank <= best[0]:
            continue
        if _chance(piece, len(where), corpus, counts) > CHANCE:
            continue
        best = (rank, piece, where)
    if best is None:
        return None
    _, piece, where = best
    return _shape(sents, formula.canon, piece, where)


def _chance(piece: str, times: int, corpus: tuple, counts: dict[str, int]) -> float:
    count, size = corpus
    if piece not in counts:
        counts[piece] = max(count(piece), times)
    p = min(1.0, counts[piece] * 2 * WINDOW / size)
    return p ** times if p <= RARE else 1.0


def _shape(sents: Sentences, gram: str, piece: str, where: dict[tuple[int, int], int]) -> Gapped | None:
    """Order the anchors as most documents do, and move what every gap shares into them."""
    spans = []
    for (s, i), a in sorted(where.items()):
        before = a < i
        spans.append((s, before, (a, a + len(piece)) if before else (i, i + len(gram)),
                      (i, i + len(gram)) if before else (a, a + len(piece))))
    votes: Counter[bool] = Counter()
    for s, before, _, _ in spans:
        votes[before] += sents.masks[s].bit_count()
    order = votes[True] >= votes[False]
    same = [(s, x, y) for s, before, x, y in spans if before == order]
    gaps = [sents.texts[s][x[1]:y[0]] for s, x, y in same]
    if len(set(gaps)) < 2:
        return None
    head = os.path.commonprefix(gaps)
    tail = os.path.commonprefix([g[len(head):][::-1] for g in gaps])[::-1]
    text = sents.texts[same[0][0]]
    x, y = same[0][1], same[0][2]
    raw_first, raw_second = text[x[0]:x[1] + len(head)], text[y[0] - len(tail):y[1]]
    a, b = trim(raw_first)
    c, d = trim(raw_second)
    first, second = raw_first[a:b], raw_second[c:d]
    if not (first and second and balanced(first) and balanced(second)):
        return None
    if min(cjk_count(first), cjk_count(second)) < 2 and "" not in gaps:
        return None   # a one-character anchor counts only where it also meets the n-gram directly
    cut = len(raw_second) - d
    places = tuple(sorted((s, x[0] + a, y[0] - len(tail) + c, y[1] - cut) for s, x, y in same))
    docs = frozenset(bits(reduce(or_, (sents.masks[s] for s, _, _, _ in spans), 0)))
    return Gapped(first, second, places, docs, tuple(sorted({s for s, _, _, _ in spans})))


def anchored(g: Gapped, sents: Sentences, bounds: Bounds) -> tuple[int, int] | None:
    """How far a gapped formula's outer ends grow over fixed neighbours to be plausible word
    boundaries, or None when it is no phrase: a gap that crosses a clause, an inner end bound to
    the gap at most places (组织部|门…), a second anchor starting with a particle, or outer ends that fail."""
    places = [(sents.texts[s], a, b, end) for s, a, b, end in g.places]
    if g.second[0] in NEVER_START or any(BREAKS & set(t[a + len(g.first):b]) for t, a, b, _ in places):
        return None
    inner = sum(bounds.bound(g.first[-1], t[a + len(g.first)]) + bounds.bound(t[b - 1], g.second[0])
                for t, a, b, _ in places)
    if inner * 2 > len(places):
        return None
    left = right = 0
    first, second = g.first, g.second
    for _ in range(REACH + 1):
        before = "".join(t[a - left - 1] if a - left > 0 else "\n" for t, a, _, _ in places)
        after = "".join(t[end + right] if end + right < len(t) else "\n" for t, _, _, end in places)
        starts, ends = bounds.starts(first, before, 1), bounds.ends(second, after, 1)
        if starts and ends:
            return left, right
        if not starts and fixed(before):
            first, left = before[0] + first, left + 1
        elif not ends and fixed(after):
            second, right = second + after[0], right + 1
        else:
            return None
    return None
