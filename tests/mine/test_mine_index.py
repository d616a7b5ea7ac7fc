"""The index keeps each distinct sentence once: its counts are those of every occurrence.

Built on the distinct sentences of a corpus (each with how often it occurs and its documents) the
index must say exactly what it says built on every occurrence laid out one by one, and what counting
the text by hand says. The corpora are drawn from a few sentences, so sentences repeat within and
across documents; the seeds and a copy of one of their sentences in other documents are checked too.
"""

from __future__ import annotations

import shutil
from pathlib import Path
from unittest import mock

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st

from drafter.mine import index as index_module
from drafter.mine import mine_corpus
from drafter.mine.index import CHUNK, MAX_N, STATS_FROM, Index

ROOT = Path(__file__).resolve().parents[2]
SEEDS = ROOT / "examples" / "corpus"
#: a few characters (one a function character, one a particle) and the marks a gram may hold
CHARS = "改革发展稳定的和，“”"
EDGES = ("left_open", "right_open", "right_end", "right_punct", "left_fixed", "right_fixed", "left_top", "right_top")

sentence = st.text(alphabet=CHARS, min_size=1, max_size=12)
corpora = st.lists(sentence, min_size=1, max_size=6).flatmap(
    lambda pool: st.lists(st.lists(st.sampled_from(pool), min_size=1, max_size=8), min_size=2, max_size=6))


def distinct(docs: list[list[str]]) -> tuple[list[str], list[int], list[int]]:
    """Each distinct sentence, how often it occurs, and its documents (bit d set: in document d)."""
    texts: dict[str, tuple[int, int]] = {}
    for d, doc in enumerate(docs):
        for s in doc:
            count, where = texts.get(s, (0, 0))
            texts[s] = (count + 1, where | 1 << d)
    return list(texts), [c for c, _ in texts.values()], [w for _, w in texts.values()]


def one_by_one(docs: list[list[str]]) -> tuple[list[str], list[int], list[int]]:
    pairs = [(s, d) for d, doc in enumerate(docs) for s in doc]
    return [s for s, _ in pairs], [1] * len(pairs), [1 << d for _, d in pairs]


def grams(index: Index, n: int) -> list[str]:
    return [index.gram(index.levels[n], i) for i in range(len(index.levels[n].tf))]


@settings(max_examples=150, deadline=None)
@given(corpora, st.integers(2, 3), st.sampled_from([3, CHUNK]))
def test_distinct_sentences_count_as_every_occurrence(docs, min_docs, chunk):
    """``chunk``: the places a slice of work takes (three makes many slices of these small corpora)."""
    with mock.patch.object(index_module, "CHUNK", chunk):
        packed = Index.build(*distinct(docs), len(docs), min_docs)
    spread = Index.build(*one_by_one(docs), len(docs), min_docs)
    assert packed.size == spread.size and sorted(packed.levels) == sorted(spread.levels)
    for n, level in packed.levels.items():
        other = spread.levels[n]
        assert grams(packed, n) == grams(spread, n)
        assert np.array_equal(level.tf, other.tf), n
        for name in EDGES:
            assert np.array_equal(getattr(level.edges, name), getattr(other.edges, name)), (n, name)
        if n >= STATS_FROM:              # shorter grams are never shown: their documents need only reach min_docs
            assert np.array_equal(level.df, other.df) and np.array_equal(level.closed, other.closed), n
            assert np.array_equal(np.diff(level.start) > 0, np.diff(other.start) > 0), n    # shown or not


@settings(max_examples=50, deadline=None)
@given(corpora)
def test_an_archive_of_many_documents_counts_alike(docs):
    """Past 8,192 documents each position's first document takes four bytes instead of two."""
    texts, weights, masks = distinct(docs)
    small = Index.build(texts, weights, masks, len(docs), 2)
    large = Index.build(texts, weights, [m << 20000 for m in masks], 20000 + len(docs), 2)
    assert small.doc.itemsize == 2 and large.doc.itemsize == 4
    for n, level in small.levels.items():
        assert np.array_equal(level.tf, large.levels[n].tf) and np.array_equal(level.df, large.levels[n].df)


@settings(max_examples=150, deadline=None)
@given(corpora)
def test_counts_are_the_texts_counted_by_hand(docs):
    index = Index.build(*distinct(docs), len(docs), 2)
    lines = [s for doc in docs for s in doc]
    for n, level in index.levels.items():
        for i, gram in enumerate(grams(index, n)):
            tf = sum(_count(line, gram) for line in lines)
            df = sum(any(gram in s for s in doc) for doc in docs)
            assert level.tf[i] == tf and (level.df[i] == df if n >= STATS_FROM else df >= level.df[i] >= 2)
    everywhere = {s[a:a + 3] for s in lines for a in range(len(s) - 2)}
    for gram in everywhere:
        df = sum(any(gram in s for s in doc) for doc in docs)
        assert (index.lookup(gram)[1] == df) == (df >= 2), gram


@settings(max_examples=100, deadline=None)
@given(corpora, st.text(alphabet=CHARS, min_size=1, max_size=12))
def test_a_text_is_found_alike_by_hash_and_by_search(docs, other):
    """Short texts are looked up by hash, long ones by binary search in their level's order: either way
    every gram of every level is found with its counts, and nothing for a text that is no gram."""
    index = Index.build(*distinct(docs), len(docs), 2)
    known = {g: (int(level.tf[i]), int(level.df[i])) for n, level in index.levels.items()
             for i, g in enumerate(grams(index, n))}
    texts = [*known, other, other * 2, other + "改", "稳定发展改革"]
    for hashed in (0, MAX_N):
        with mock.patch.object(index_module, "HASHED", hashed):
            fresh = Index.build(*distinct(docs), len(docs), 2)
            assert [fresh.lookup(t) for t in texts] == [known.get(t, (0, 0)) for t in texts], hashed


def _count(text: str, gram: str) -> int:
    """Occurrences, overlapping ones too."""
    return sum(text.startswith(gram, a) for a in range(len(text)))


def test_a_sentence_copied_into_other_documents_is_indexed_once(tmp_path):
    """A sentence pasted into three speeches: its text is laid out once and counted three times."""
    folder = tmp_path / "c"
    shutil.copytree(SEEDS, folder)
    pasted = "要把牢政治方向、锤炼过硬本领，在新征程上展现新担当新作为。"
    for name in sorted(p.name for p in folder.glob("*.txt"))[:3]:
        path = folder / name
        lines = path.read_text(encoding="utf-8").splitlines()
        middle = len(lines) // 2
        path.write_text("\n".join(lines[:middle] + [pasted] + lines[middle:]), encoding="utf-8")
    before, result = mine_corpus(SEEDS).index, mine_corpus(folder)
    after = result.index
    assert after.text.count("锤炼过硬本领") == 1
    assert after.size - len(after.text) == 2 * len(pasted)      # twice more: the sentence less its 。, a newline
    assert after.lookup("锤炼过硬本领") == (3, 3) and before.lookup("锤炼过硬本领") == (0, 0)
    by_hand = sum(u.canon.count("政治方向") for d in result.corpus.docs for u in d.units)
    assert after.lookup("政治方向") == (by_hand, 3) and by_hand > 3
