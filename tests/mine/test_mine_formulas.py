"""Formulas a writer looks for (tests/data/formulas.truth.yaml, counted by hand in the corpus) are found
by the miner with the right documents and years: the government work reports (1954–2025) and the seeds.

Counts are of the parsed text in canonical form (、 and ， alike), so a formula the reports write both
ways counts in both; where that or the parser makes a count differ from the raw-text truth, or the
miner misses a formula, the case is listed in ``KNOWN`` with the reason (strict xfail: a fix shows)."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from drafter.mine import mine_corpus
from drafter.mine.text import canon

ROOT = Path(__file__).resolve().parents[2]
DATA = Path(__file__).resolve().parents[1] / "data"
TRUTH = yaml.safe_load((DATA / "formulas.truth.yaml").read_text(encoding="utf-8"))
REPORTS = next((p for p in (ROOT.parent / "shared" / "corpus" / "gov-reports",
                            ROOT.parent.parent / "shared" / "corpus" / "gov-reports") if p.is_dir()), None)
SEEDS = ROOT / "examples" / "corpus"

KNOWN = {
    "无产阶级专政": "the parser joins a line broken inside it in 1957",
    "建设社会主义的总路线": "always followed by the same character in four of five reports: left to the longer unit",
    "多快好省": "followed by 地 at most places (多快好省地): 地 is taken as bound",
    "鼓足干劲、力争上游、多快好省": "as 多快好省",
    "两手抓、两手都要硬": "clauses of three and five characters: chains of short clauses need one length",
    "翻两番": "its left neighbours are bound to 翻 at most places (再翻两番, 翻一番)",
    "精神文明": "followed by 建设 at more than half of its places: 精神文明建设 is the unit there",
    "三农": "two characters: formulas start at three",
    "六稳": "two characters: formulas start at three",
    "六保": "two characters: formulas start at three",
    "互联网+": "+ is not a character of a formula",
    "又好又快": "followed by 发展 at most places",
    "中国梦": "followed by a bound character at most places",
    "新发展格局": "followed by a bound character at most places (构建新发展格局)",
    "以阶级斗争为纲": "starts with the function character 以 and has two places: too few to say 以 belongs to it",
}
SEED_KNOWN: dict[str, str] = {}


@pytest.fixture(scope="module")
def reports():
    if REPORTS is None:
        pytest.skip("the government work reports are not at ../shared/corpus/gov-reports (CI has them)")
    return mine_corpus(REPORTS, min_docs=2)


def found(result, text: str):
    key = canon(text)
    return next((f for f in result.formulas if f.canon == key), None)


def _cases(entries: list[dict], known: dict[str, str]) -> list:
    """The entries as test cases, those in ``known`` as strict expected failures (a fix shows)."""
    return [pytest.param(e, id=e["text"], marks=pytest.mark.xfail(reason=known[e["text"]], strict=True))
            if e["text"] in known else pytest.param(e, id=e["text"]) for e in entries]


@pytest.mark.parametrize("entry", _cases(TRUTH["formulas"], KNOWN))
def test_report_formulas_have_their_documents_and_years(reports, entry):
    f = found(reports, entry["text"])
    assert f is not None, f"{entry['text']} not mined"
    years = sorted({reports.years[d] for d in f.docs})
    assert (len(f.docs), years) == (entry["documents"], entry["years"])
    assert (years[0], years[-1]) == (entry["first"], entry["last"])


def test_most_report_formulas_are_found(reports):
    hits = [e for e in TRUTH["formulas"] if found(reports, e["text"])]
    assert len(hits) >= 0.75 * len(TRUTH["formulas"])


@pytest.fixture(scope="module")
def seeds():
    return mine_corpus(SEEDS)


@pytest.mark.parametrize("entry", _cases(TRUTH.get("seeds") or [], SEED_KNOWN))
def test_seed_formulas_have_their_documents(seeds, entry):
    """Found as a formula of its own, or inside a longer one with the same documents where it never
    stands alone (百年未有之大变局 is always 世界百年未有之大变局 in the seeds)."""
    want = sorted(entry["documents"])
    f = found(seeds, entry["text"])
    if f is None:
        key = canon(entry["text"])
        f = next((g for g in seeds.formulas
                  if key in g.canon and sorted(seeds.documents[d] for d in g.docs) == want), None)
    assert f is not None, f"{entry['text']} not mined"
    assert sorted(seeds.documents[d] for d in f.docs) == want


def test_a_formula_every_document_has_is_still_one():
    """In the ten reports from 2015 on, a formula of more than a word or two that every one of them has is
    the period's formula (坚持稳中求进工作总基调, 宗教工作基本方针), a bank entry with its ten documents; a
    short term every one of them has is the genre's vocabulary (全国各族人民), not an entry."""
    if REPORTS is None:
        pytest.skip("the government work reports are not at ../shared/corpus/gov-reports (CI has them)")
    result = mine_corpus(sorted(p for p in REPORTS.glob("*.txt") if p.stem >= "2015"))
    assert len(result.documents) == 10
    bank = {p.text: p for p in result.phrases}
    for text in ("坚持稳中求进工作总基调", "宗教工作基本方针", "两岸关系和平发展"):
        assert text in bank, text
        assert bank[text].docs == 10
        assert sorted({result.years[u.doc] for u in bank[text].places}) == [
            2015, 2016, 2017, 2018, 2019, 2021, 2022, 2023, 2024, 2025]
    assert result.index.lookup("全国各族人民")[1] == 10 and "全国各族人民" not in bank


def test_a_three_character_term_stands_whole_where_it_is_a_formula():
    """A three-character term closes a clause at ``WORD_CLOSES`` of its places or more (新常态。新征程。);
    one that mostly qualifies what follows (全方位|推进, 前瞻性|…, in the speeches of 2020) is no entry."""
    from drafter.mine.formulas import WORD_CLOSES, Found

    def term(text: str, closes: int) -> Found:
        return Found(text, tf=12, df=5, gram=0, strength=0.9, cohesion=1.0, top=0, closes=closes, stops=closes)

    assert term("新常态", 10).reusable(2, 50) and term("新征程", round(WORD_CLOSES * 12)).reusable(2, 50)
    assert not term("全方位", 3).reusable(2, 50)
    longer = Found("全方位推进", tf=12, df=5, gram=0, strength=0.9, cohesion=1.0, top=0, closes=3, stops=3)
    assert longer.reusable(2, 50)          # the bar is a three-character term's
