"""Mining a folder of speeches: outline archetypes, parallel heading patterns, recurring formulas,
and a phrase bank, each with provenance (document, line, count).

    from drafter.mine import mine_corpus, write_library
    result = mine_corpus("~/讲话稿")
    write_library(result, "mylib", force=True)
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from collections.abc import Iterable

from drafter.mine.bank import Phrase, build_bank
from drafter.mine.corpus import Corpus, Skipped, read_corpus
from drafter.mine.gapped import Gapped, gapped
from drafter.mine.ngrams import Formula, Sentences, recurring, surface
from drafter.mine.outlines import mine_outlines
from drafter.mine.parallel import Group, heading_groups
from drafter.mine.text import GAP
from drafter.mine.write import write_library

__all__ = ["MineResult", "Recurring", "mine_corpus", "write_library"]


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
    recurring: list[Recurring]
    phrases: list[Phrase]

    @property
    def documents(self) -> list[str]:
        return [d.name for d in self.corpus.docs]

    @property
    def skipped(self) -> list[Skipped]:
        return self.corpus.skipped


def mine_corpus(source: str | os.PathLike | Iterable[str | os.PathLike]) -> MineResult:
    """Read every speech of a folder (or the files given) and mine it."""
    corpus = read_corpus(source)
    groups = [g for doc in corpus.docs for g in heading_groups(doc.name, doc.speech)]
    sents = Sentences.of(corpus)
    formulas = recurring(sents)
    gaps = gapped(sents, formulas)
    return MineResult(corpus, mine_outlines(corpus.docs, groups), groups, _recurring(corpus, sents, formulas, gaps),
                      build_bank(corpus, sents, formulas, gaps, groups))


def _recurring(corpus: Corpus, sents: Sentences, formulas: list[Formula], gaps: list[Gapped]) -> list[Recurring]:
    out = []
    for f in formulas:
        out.append(Recurring(surface(sents, f), _names(corpus, f.docs),
                             _sources(corpus, sents, [s for s, _ in f.places])))
    for g in gaps:
        s, a, b, end = g.places[0]
        text = sents.surface[s][0]
        out.append(Recurring(text[a:a + len(g.first)] + GAP + text[b:end], _names(corpus, g.docs),
                             _sources(corpus, sents, list(g.sentences))))
    return sorted(out, key=lambda r: (-len(r.docs), r.text))


def _names(corpus: Corpus, docs) -> tuple[str, ...]:
    return tuple(corpus.docs[d].name for d in sorted(docs))


def _sources(corpus: Corpus, sents: Sentences, indexes: list[int]) -> tuple[str, ...]:
    units = sorted({(u.doc, u.line) for s in indexes for u in sents.units[s]})
    return tuple(f"{corpus.docs[d].name}:{line}" for d, line in units)
