"""Phrase-bank entries start and end where words do: boundary plausibility from the corpus itself."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from drafter.mine import mine_corpus
from drafter.mine.bounds import FUNCTION, WORDLIKE_END, Bounds, neighbours, neighbours_across, neighbours_of
from drafter.mine.corpus import read_corpus
from drafter.mine.ngrams import Sentences
from drafter.mine.text import canon

ROOT = Path(__file__).resolve().parents[2]
SEEDS = ROOT / "examples" / "corpus"
HELDOUT = Path(__file__).resolve().parents[1] / "data" / "heldout"
#: functions of recurring formulas (the n-gram miner sorts them into these)
MINED = ("formula", "opening.context", "closing.call", "requirement", "measure", "formulation", "idiom", "significance",
         "frame")


@pytest.fixture(scope="module")
def seeds():
    return mine_corpus(SEEDS)


@pytest.fixture(scope="module")
def bounds():
    return Bounds(Sentences.of(read_corpus(SEEDS)).texts)


def texts(result, functions=MINED):
    return {p.text for p in result.phrases if p.function in functions}


@pytest.mark.parametrize("corpus", [SEEDS, HELDOUT], ids=["seeds", "heldout"])
def test_no_mined_phrase_ends_with_a_dangling_function_character(corpus):
    """A phrase ends with a function character only where it closes a clause at most of its places
    (担当作为。, 违法行为，) — never …党的, never a …作为 that leads into what follows."""
    result = mine_corpus(corpus)
    for text in texts(result, ("formula", "opening.context", "requirement", "measure", "formulation",
                               "idiom", "significance")):
        last = re.sub(r"\{\w\}$", "", text)[-1]
        if last in FUNCTION - WORDLIKE_END:
            assert last not in "的之和与及或了等", text
            key = canon(text)
            closes = 0
            places = [(s, i) for f in result.formulas if f.canon == key for s, i in f.places]
            for s, i in places:
                after = result_sentences(result)[s][i + len(key):i + len(key) + 1]
                closes += after == "" or after in "，：；“”、的和与及或了等"
            assert places and closes * 2 > len(places), text


def result_sentences(result):
    from drafter.mine.ngrams import Sentences

    if not hasattr(result, "_sentences"):
        result._sentences = Sentences.of(result.corpus).texts
    return result._sentences


def test_fragments_with_a_fixed_neighbour_give_way_to_their_plausible_extension(seeds):
    bank = texts(seeds)
    for fragment in ("落实新时代党的", "于党的建设的重", "全体组工干部要", "组织部门作为"):
        assert fragment not in bank
    assert "贯彻新时代党的组织路线" in bank
    # in the formulas, not the bank: one of its two places counts as cut (书记|关于, a pair the seeds bind);
    # a subject (全体组工干部|要…) is no measure
    assert {"关于党的建设的重要思想", "全体组工干部"} <= {f.canon for f in seeds.formulas}


def test_edges_follow_the_variety_of_neighbours(bounds):
    assert not bounds.plausible(canon("落实新时代党"))          # always followed by 的, bound to 党
    assert bounds.plausible(canon("新时代党的组织路线"))
    assert bounds.span("近平总书记") == (-1, 5)                 # grows over its fixed 习
    assert bounds.span("于党的建设的重") is None


def test_gapped_formulas_keep_their_gap_inside_a_clause(seeds):
    gapped = [p.text for p in seeds.phrases if p.slots == ["A"] and p.function in MINED]
    assert "指明了{A}方向、提供了根本遵循" in gapped
    assert not any(t.startswith("生活{") or "央政治局" in t.split("}")[-1][:4] for t in gapped)


def test_closing_calls_open_a_sentence_or_are_a_whole_clause(seeds):
    calls = [p for p in seeds.phrases if p.function == "closing.call"]
    assert calls and all(p.text.startswith("同志们") or "{" in p.text for p in calls)
    assert "总书记重要讲话精神" not in texts(seeds, ("closing.call",))


def test_mining_stays_deterministic(seeds):
    again = mine_corpus(SEEDS)
    assert [(p.id, p.text) for p in again.phrases] == [(p.id, p.text) for p in seeds.phrases]


def test_neighbours_of_many_grams_at_once_are_those_of_each(seeds):
    """Lists are looked for at their clause marks only; every place is still found, overlapping ones too."""
    import random

    text = "\n" + "\n".join(u.text for d in seeds.corpus.docs for u in d.units) + "\n第一、第一、第一、第一\n"
    rng = random.Random(7)
    grams = [g for g in (text[i:i + rng.randrange(2, 20)] for i in rng.sample(range(1, len(text) - 20), 1500))
             if "\n" not in g] + ["第一、第一", "一、第一、", "、第一、第一", "、、", "没有的、一个短语"]
    assert sum(any(m in g[2:-2] for m in "，、：；") for g in grams) > 300
    assert neighbours_of(text, grams) == {g: neighbours(text, g) for g in grams}
    wide = text.replace("第一、第一、第一", "第𠀀、第一、第一", 1)      # four bytes a character beyond U+FFFF
    assert neighbours_of(wide, grams + ["第𠀀、第一"]) == {g: neighbours(wide, g) for g in grams + ["第𠀀、第一"]}


def test_neighbours_a_slice_at_a_time_are_those_of_the_whole(seeds):
    """The bank looks for its lists' neighbours a slice of lines at a time (``bank._slices``): the same
    characters, in the same order, as in the whole text, whatever the slices' size."""
    from drafter.mine.bank import _slices

    lines = [u.text for d in seeds.corpus.docs for u in d.units]
    whole = "\n" + "\n".join(lines) + "\n"
    grams = sorted({t[i:i + 7] for t in lines for i in (0, 3) if len(t) > 10}) + ["推进", "、", "没有的短语"]
    expected = neighbours_of(whole, grams)
    assert any(len(left) > 5 for left, _ in expected.values())
    assert sum(any(m in g[2:-2] for m in "，、：；") for g in grams) > 50      # lists, found at their marks
    for size in (50, 1000, 1 << 20):
        slices = list(_slices(seeds.corpus, size))
        assert len(slices) > 1 or size == 1 << 20
        assert neighbours_across(slices, grams) == expected
