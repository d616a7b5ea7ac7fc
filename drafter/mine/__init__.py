"""Mining a folder of speeches: outline archetypes, parallel heading patterns, recurring formulas,
and a phrase bank, each with provenance (document, line, count) and years.

    from drafter.mine import mine_corpus, write_library
    result = mine_corpus("~/讲话稿", jobs=2, progress=lambda stage, done, total: ...)
    write_library(result, "mylib", force=True)

Mining is a map and a reduce: each file is read, parsed and split into sentences on its own (in
``jobs`` worker processes, see ``drafter.mine.corpus.load_doc``); the reduce indexes each distinct
sentence once, with how often it occurs (``drafter.mine.index``: n-gram tables, no scan of the corpus
per candidate), picks the formulas (``drafter.mine.formulas``), and builds the bank and the outlines;
with more than one job, what needs the documents only (the speeches' own transitions and closings,
the outlines) is made in a forked process meanwhile. The output does not depend on ``jobs``.
``progress(stage, done, total)`` is called as the work goes on (stages: convert, read, index, formulas, bank,
outlines); mining prints nothing.
"""

from __future__ import annotations

import os
from array import array
from collections import Counter
from dataclasses import dataclass, field
from functools import cached_property, reduce
from operator import or_
from collections.abc import Callable, Iterable

import numpy as np

from drafter.mine.bank import RECENT_YEARS, Phrase, build_bank, limits, merged, own_sentences
from drafter.mine.bounds import Bounds
from drafter.mine.corpus import Corpus, Skipped, read_corpus
from drafter.mine.formulas import formulas as pick_formulas, maximal
from drafter.mine.functions import FUNCTIONS
from drafter.mine.gapped import Gapped, gapped
from drafter.mine.index import Index
from drafter.mine.memory import cycles_paused, give_back_free_pages, give_back_large_blocks
from drafter.mine.ngrams import Formula, Sentences, surface, windows
from drafter.mine.outlines import mine_outlines, occasion
from drafter.mine.parallel import Group
from drafter.mine.parallel_map import beside
from drafter.mine.text import GAP, balanced, trim
from drafter.mine.write import write_library
from drafter.structure.traditional import release

__all__ = ["FUNCTIONS", "MineResult", "Recurring", "mine_corpus", "write_library"]

#: corpora up to this many documents index every n-gram in two documents (for the recurring list)
SMALL = 20


@dataclass(frozen=True)
class Recurring:
    """A formula found in several documents: its text (… for a gap), documents and places."""

    text: str
    docs: tuple[str, ...]
    sources: tuple[str, ...]          # file:line of every place


@dataclass
class MineResult:
    corpus: Corpus
    outlines: list[dict]
    parallel: list[Group]
    phrases: list[Phrase]
    min_docs: int = 2
    recent_years: int = RECENT_YEARS
    index: Index | None = field(default=None, repr=False)
    _recurring: Callable[[], list[Recurring]] | None = field(default=None, repr=False)
    _formulas: Callable[[], list[Formula]] | None = field(default=None, repr=False)

    @cached_property
    def formulas(self) -> list[Formula]:
        """Every formula picked, before the bank's limits; made when first asked for."""
        return self._formulas() if self._formulas else []

    @property
    def documents(self) -> list[str]:
        return [d.name for d in self.corpus.docs]

    @property
    def files(self) -> list[str]:
        """The file of each document (one file holds several documents where a page held several texts)."""
        return [d.file for d in self.corpus.docs]

    @property
    def skipped(self) -> list[Skipped]:
        return self.corpus.skipped

    @cached_property
    def recurring(self) -> list[Recurring]:
        """Every closed recurring n-gram (no longer one has the same documents) and gapped formula,
        by documents then text; made when first asked for."""
        return self._recurring() if self._recurring else []

    @property
    def years(self) -> list[int | None]:
        return [d.year for d in self.corpus.docs]

    @cached_property
    def kinds(self) -> list[str]:
        """The kind of each document (讲话稿, 政府工作报告, 研讨交流发言 …), as its outline is grouped."""
        return [occasion(d)[2] for d in self.corpus.docs]

    def take_phrases(self, other: MineResult) -> None:
        """Add the bank entries of a run over some of the same documents (matched by name) that this
        bank lacks: the formulas of one genre mined within it, where another genre's use of the same
        characters drowns them in the whole (以上率下 in speeches, beside the reports' 50%以上)."""
        index = {d.name: i for i, d in enumerate(self.corpus.docs)}
        docs = {i: index[d.name] for i, d in enumerate(other.corpus.docs)}
        self.phrases = merged(self.phrases, other.phrases, docs)


class IndexBounds(Bounds):
    """Word-boundary judgements (``drafter.mine.bounds``) with pair counts read from the index."""

    def __init__(self, index: Index):
        self.index = index
        count = lambda text: index.lookup(text)[0]  # noqa: E731
        self.pairs = _Counts(count)
        self.before = self.after = _Counts(count)
        self._seen = {}


class _Counts(Counter[str]):
    def __init__(self, count):
        super().__init__()
        self.count = count

    def __missing__(self, key):
        value = self[key] = self.count(key)
        return value


@cycles_paused()
def mine_corpus(source: str | os.PathLike | Iterable[str | os.PathLike], jobs: int | None = 1,
                progress: Callable[[str, int, int], None] | None = None, min_docs: int | None = None,
                max_per_function: int | None = None, recent_years: int = RECENT_YEARS,
                scheduler: str | None = None) -> MineResult:
    """Read every speech of a folder (or the files given) and mine it. ``jobs``: worker processes
    for reading (None: all cores); ``scheduler``: a Dask scheduler's address, whose workers do the
    per-document work instead; ``min_docs`` and ``max_per_function`` default to values that
    scale with the corpus (see ``drafter.mine.bank.limits``). Large blocks of memory are given back to
    the system as soon as they are freed, in this process from then on, and the cycle collector is
    paused while mining (see ``drafter.mine.memory``)."""
    step = progress or (lambda stage, done, total: None)
    corpus = read_corpus(source, jobs, progress, scheduler)
    release()                            # OpenCC's dictionaries, if a text in traditional characters loaded them
    give_back_free_pages()
    give_back_large_blocks()             # for the index's large arrays (the map's workers are done)
    ndocs = len(corpus.docs)
    given = min_docs is not None
    min_docs, top = limits(ndocs, min_docs, max_per_function)
    groups = [g for doc in corpus.docs for g in doc.groups]
    # what needs the documents only (the speeches' own sentences, the outlines) is made beside the index
    side = beside(lambda: (own_sentences(corpus), mine_outlines(corpus.docs, groups)), jobs)
    step("index", 0, 1)
    sents = Sentences.of(corpus)
    index = Index.build(sents.texts, [len(us) for us in sents.units], sents.masks, ndocs,
                        2 if ndocs <= SMALL else min_docs)
    give_back_free_pages()               # the free pages of each stage given back before the next one's peak
    step("index", 1, 1)
    step("formulas", 0, 1)
    where = _Places(index, sents)
    shown = (array("i"), array("i"))     # every formula's length and gram, for ``MineResult.formulas``
    picked = []                          # those fit for the bank (the others, many small objects, let go)
    for x in pick_formulas(index, min_docs, ndocs):
        shown[0].append(len(x.text))
        shown[1].append(x.gram)
        if x.reusable(min_docs, ndocs):
            picked.append(x)
    index.forget_edges()
    give_back_free_pages()
    reusable = where.grams([(len(x.text), x.gram) for x in picked])
    gaps = gapped(sents, reusable, lambda t: index.lookup(t)[0], index.size)
    fit = {x.text for x in maximal(picked)}        # the bank takes these, with their figures
    kept = windows([f for f, x in zip(reusable, picked, strict=True) if x.text in fit])
    picked = [x for x in picked if x.text in fit]
    strength = {f.text: f.strength for f in picked}
    closes = {f.text: (f.closes / f.tf, f.stops / f.tf) for f in picked}
    cohesion = {f.text: f.cohesion for f in picked}
    del reusable, picked, fit            # many small objects
    give_back_free_pages()
    step("formulas", 1, 1)
    step("bank", 0, 1)
    own, outlines = side()
    phrases = build_bank(corpus, sents, kept, gaps, groups, IndexBounds(index), min_docs, top, strength, closes,
                         cohesion, every=given, own=own, recent_years=recent_years)
    step("bank", 1, 1)
    step("outlines", 0, 1)
    step("outlines", 1, 1)
    return MineResult(corpus, outlines, groups, phrases, min_docs, recent_years, index,
                      lambda: _recurring(corpus, sents, where, gaps),
                      lambda: where.grams(zip(*shown, strict=True)))


class _Places:
    """From index positions to places: (distinct sentence, offset)."""

    def __init__(self, index: Index, sents: Sentences):
        self.index = index
        self.masks = sents.masks

    def grams(self, grams: Iterable[tuple[int, int]]) -> list[Formula]:
        """The formula of each gram of the index (its length, its number in that level)."""
        levels = self.index.levels
        return self.formulas([(self.index.gram(levels[n], g), self.index.positions(levels[n], g)) for n, g in grams])

    def formula(self, text: str, positions: np.ndarray) -> Formula:
        """The formula at some (one or more) positions of the index."""
        return self.formulas([(text, positions)])[0]

    def formulas(self, items: list[tuple[str, np.ndarray]]) -> list[Formula]:
        """The formula of each (text, positions), the positions of all looked up at once."""
        if not items:
            return []
        positions = np.concatenate([p for _, p in items])
        sentence = self.index.units_at(positions)
        offset = (positions - self.index.unit_start[sentence]).tolist()
        sentence = sentence.tolist()
        masks = self.masks
        out, a = [], 0
        for text, p in items:
            b = a + len(p)
            places = sorted(set(zip(sentence[a:b], offset[a:b], strict=True)))
            out.append(Formula(text, places, reduce(or_, (masks[s] for s in set(sentence[a:b])), 0)))
            a = b
        return out


def _recurring(corpus: Corpus, sents: Sentences, where: _Places, gaps: list[Gapped]) -> list[Recurring]:
    index = where.index
    out = []
    for n, level in sorted(index.levels.items()):
        if n < 4 or n >= max(index.levels):
            continue
        for i in np.nonzero(level.closed & (level.start[1:] > level.start[:-1]))[0]:
            start, end = trim(index.gram(level, int(i)))
            if end - start != n or not balanced(index.gram(level, int(i))):
                continue
            f = where.formula(index.gram(level, int(i)), index.positions(level, int(i)))
            out.append(Recurring(surface(sents, f), _names(corpus, f.docs),
                                 _sources(corpus, sents, [s for s, _ in f.places])))
    for g in gaps:
        s, a, b, end = g.places[0]
        text = sents.writing(s)
        out.append(Recurring(text[a:a + len(g.first)] + GAP + text[b:end], _names(corpus, g.docs),
                             _sources(corpus, sents, list(g.sentences))))
    return sorted(out, key=lambda r: (-len(r.docs), r.text))


def _names(corpus: Corpus, docs) -> tuple[str, ...]:
    return tuple(corpus.docs[d].name for d in sorted(docs))


def _sources(corpus: Corpus, sents: Sentences, indexes: list[int]) -> tuple[str, ...]:
    units = sorted({(u.doc, u.line) for s in indexes for u in sents.units[s]})
    return tuple(f"{corpus.docs[d].file}:{line}" for d, line in units)
