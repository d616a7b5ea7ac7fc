"""The distinct sentences of a corpus, and the formulas found in them.

The sentences of the corpus are compared in canonical form (see ``drafter.mine.text``), each distinct
sentence once, with the documents and places it occurs in (``Sentences``); the index
(``drafter.mine.index``) is built on them. A ``Formula`` is a recurring text with its places (distinct
sentence, offset) and documents; ``surface`` gives the writing most of its places use.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass

from drafter.mine.corpus import Corpus, Unit
from drafter.mine.index import MAX_N, bits
from drafter.mine.text import CANON


@dataclass
class Sentences:
    """The distinct canonical sentences of a corpus and where each occurs."""

    texts: list[str]
    units: list[list[Unit]]              # occurrences
    masks: list[int]                     # bit d set: occurs in document d

    def writing(self, s: int) -> str:
        """The text of a sentence as its first occurrence writes it."""
        return self.units[s][0].text

    @classmethod
    def of(cls, corpus: Corpus) -> Sentences:
        index: dict[str, int] = {}
        out = cls([], [], [])
        for doc in corpus.docs:
            for unit in doc.units:
                key = unit.canon
                if key not in index:
                    index[key] = len(out.texts)
                    out.texts.append(key)
                    out.units.append([])
                    out.masks.append(0)
                k = index[key]
                out.units[k].append(unit)
                out.masks[k] |= 1 << unit.doc
        return out


@dataclass(slots=True)
class Formula:
    """A recurring text, in canonical form, with its occurrences (sentence index, offset) and documents."""

    canon: str
    places: list[tuple[int, int]]
    mask: int = 0                        # bit d set: occurs in document d

    @property
    def docs(self) -> frozenset[int]:
        return frozenset(bits(self.mask))

    @property
    def ndocs(self) -> int:
        return self.mask.bit_count()


#: the share of its places where a formula overlaps another for it to be a window of a longer passage
WINDOW = 0.6


def windows(formulas: list[Formula]) -> list[Formula]:
    """The formulas without the windows of a passage longer than the index's grams (``MAX_N``): a passage
    that recurs shows as formulas of several clauses, each as long as the grams reach, overlapping one
    another (…，提出全面建成小康社会奋斗目标将如期实现，明年中国将开启… and …明年中国将开启…，我们将科学
    把握新发展阶段…); each is cut from the passage, none a unit that stands alone. A formula that overlaps
    another, the two spanning more than ``MAX_N`` characters, at ``WINDOW`` of its places goes."""
    spans: defaultdict[int, list[tuple[int, int, int]]] = defaultdict(list)     # sentence: (start, end, formula)
    for k, f in enumerate(formulas):
        if "，" in f.canon:
            for s, i in f.places:
                spans[s].append((i, i + len(f.canon), k))
    overlapped: defaultdict[int, set[tuple[int, int]]] = defaultdict(set)     # formula: its places overlapped
    for s, here in spans.items():
        here.sort()
        for x, (a, b, k) in enumerate(here):
            for c, d, m in here[x + 1:]:
                if c >= b:
                    break
                if a < c and b < d and d - a > MAX_N:
                    overlapped[k].add((s, a))
                    overlapped[m].add((s, c))
    return [f for k, f in enumerate(formulas) if len(overlapped[k]) < WINDOW * len(f.places)]


#: the characters the canonical form writes for several (、 and ， are ，)
UNIFIED = frozenset(CANON.values())


def surface(sents: Sentences, formula: Formula) -> str:
    """The most frequent surface writing of a formula (the first in corpus order on ties)."""
    if not any(mark in formula.canon for mark in UNIFIED):
        return formula.canon          # nothing the canonical form unifies: every place is written so
    n = len(formula.canon)
    counts = Counter(u.text[i:i + n] for s, i in formula.places for u in sents.units[s])
    return max(counts, key=lambda t: (counts[t], -list(counts).index(t)))
