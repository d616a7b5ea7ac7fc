"""Recurring formulas: character n-grams found in two or more documents, maximal.

The sentences of the corpus are compared in canonical form (see ``drafter.mine.text``), each
distinct sentence once, with the documents and places it occurs in. n-grams grow one character at
a time from four (Apriori: an n-gram in two documents extends one that is), so only recurring text
is ever counted. An n-gram is kept when no one-character longer n-gram has the same documents
(maximal), after trimming separators from its ends, with balanced quotes and at least four
Chinese characters. Text that recurs beyond ``MAX_LEN`` characters is a copied passage, not a
formula, and is left out.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass, field
from functools import cached_property

from drafter.mine.corpus import Corpus, Unit
from drafter.mine.text import CANON, balanced, cjk_count, trim

MIN_LEN = 4
MAX_LEN = 48


@dataclass
class Sentences:
    """The distinct canonical sentences of a corpus and where each occurs."""

    texts: list[str]
    surface: list[list[str]]             # surface texts of each, one per occurrence
    units: list[list[Unit]]              # occurrences
    masks: list[int]                     # bit d set: occurs in document d

    @cached_property
    def docsets(self) -> list[frozenset[int]]:
        """The documents of each sentence (one set shared by the sentences of the same documents)."""
        shared: dict[int, frozenset[int]] = {}
        return [shared.get(m) or shared.setdefault(m, frozenset(_bits(m))) for m in self.masks]

    @classmethod
    def of(cls, corpus: Corpus) -> Sentences:
        index: dict[str, int] = {}
        out = cls([], [], [], [])
        for doc in corpus.docs:
            for unit in doc.units:
                key = unit.canon
                if key not in index:
                    index[key] = len(out.texts)
                    out.texts.append(key)
                    out.surface.append([])
                    out.units.append([])
                    out.masks.append(0)
                k = index[key]
                out.surface[k].append(unit.text)
                out.units[k].append(unit)
                out.masks[k] |= 1 << unit.doc
        return out


@dataclass
class Formula:
    """A recurring text, in canonical form, with its occurrences (sentence index, offset)."""

    canon: str
    places: list[tuple[int, int]]
    docs: frozenset[int] = field(default_factory=frozenset)


def recurring(sents: Sentences, min_docs: int = 2) -> list[Formula]:
    """Maximal n-grams in at least ``min_docs`` documents, trimmed, by canonical text."""
    level = _grams(sents, {None: [(s, i) for s, t in enumerate(sents.texts) for i in range(len(t) - MIN_LEN + 1)]},
                   MIN_LEN, min_docs)
    found: dict[str, set[tuple[int, int]]] = defaultdict(set)
    n = MIN_LEN
    while level and n <= MAX_LEN:
        longer = _grams(sents, level, n + 1, min_docs)
        covered = set()
        for gram, (mask, _) in longer.items():
            if level.get(gram[:-1], (None,))[0] == mask:
                covered.add(gram[:-1])
            if level.get(gram[1:], (None,))[0] == mask:
                covered.add(gram[1:])
        if n < MAX_LEN:
            for gram, (_, places) in level.items():
                if gram not in covered:
                    _keep(found, gram, places)
        level, n = longer, n + 1
    formulas = []
    for text, spots in found.items():
        docs = frozenset(d for s, _ in spots for d in _bits(sents.masks[s]))
        if len(docs) >= min_docs:
            formulas.append(Formula(text, sorted(spots), docs))
    return sorted(formulas, key=lambda f: f.canon)


def _grams(sents: Sentences, level: dict, n: int, min_docs: int) -> dict[str, tuple[int, list]]:
    """The n-grams that extend those of ``level`` and occur in ``min_docs`` documents."""
    places: dict[str, list[tuple[int, int]]] = defaultdict(list)
    texts = sents.texts
    for entry in level.values():
        for s, i in (entry if isinstance(entry, list) else entry[1]):
            if i + n <= len(texts[s]):
                places[texts[s][i:i + n]].append((s, i))
    out = {}
    masks = sents.masks
    for gram, where in places.items():
        mask = 0
        for s, _ in where:
            mask |= masks[s]
        if mask.bit_count() >= min_docs:
            out[gram] = (mask, where)
    return out


def _keep(found: dict, gram: str, places: list[tuple[int, int]]) -> None:
    start, end = trim(gram)
    text = gram[start:end]
    if cjk_count(text) >= MIN_LEN and balanced(text):
        found[text].update((s, i + start) for s, i in places)


def _bits(mask: int):
    """The set bits of a mask, lowest first (one step a set bit: a document number can be large)."""
    while mask:
        low = mask & -mask
        yield low.bit_length() - 1
        mask ^= low


#: the characters the canonical form writes for several (、 and ， are ，)
UNIFIED = frozenset(CANON.values())


def surface(sents: Sentences, formula: Formula) -> str:
    """The most frequent surface writing of a formula (the first in corpus order on ties)."""
    if not any(mark in formula.canon for mark in UNIFIED):
        return formula.canon          # nothing the canonical form unifies: every place is written so
    n = len(formula.canon)
    counts = Counter(sents.surface[s][k][i:i + n] for s, i in formula.places for k in range(len(sents.surface[s])))
    return max(counts, key=lambda t: (counts[t], -list(counts).index(t)))
