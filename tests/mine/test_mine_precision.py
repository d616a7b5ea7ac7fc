"""Precision of the phrase bank on a hand-labelled random sample (tests/data/mine/precision.yaml).

The sample is drawn again from a fresh mining run (the same seed, the same way): every entry labelled
reusable must still be in the bank with its text (one labelled not reusable may go), the current
sample must be labelled (else the labels no longer describe the bank: label the new entries), and
the share of reusable entries must stay at least ``PRECISION``. The issue asks for 0.9; the labels
measured 0.82 (gov-reports 0.82, seeds 0.82; 0.63 before the bank's rules of issue 9; draws from
banks a few entries apart gave 0.78 to 0.87: fifty entries a corpus leave about ±0.05), and 0.81 on
the draw after quoted formulations took in their unquoted duplicates (“一国两制” and 一国两制 are one
entry now; the draw shifted by those entries, and 24 new ones were labelled); 0.85 (gov-reports 0.80,
seeds 0.90) once a closing quote stopped counting as a word's edge (“十五五”|时期主要目标任务 is no
entry; 18 new entries labelled); 0.87 (gov-reports 0.84) once foreign names (南斯拉夫) were left out;
0.86 once variants of one sentence were folded into one entry (eleven transitions of the reports
became four; 7 new entries labelled); 0.87 (gov-reports 0.88, seeds 0.86; on all 219 labelled entries
still in the two banks 0.88 and 0.88, against 0.83 and 0.875 before) once adverbs (有计划地), the inside of
以…为 (毛泽东|思想为指导), verbs before a quoted object (坚决反对和遏制|“…”), the tail of 在…上
(上下功夫), triads starting inside a word (必|须对人民负责…) and lists cut short where they recur went
(23 new entries labelled); 0.90 (gov-reports 0.88, seeds 0.92; on all 239 labelled entries still in
the banks 0.89 and 0.90) once a lead-in of any length before a list joined by 、 was left out
(要增强工作的|原则性、系统性、预见性、创造性 — 获得感、幸福感、安全感 and 世界观、人生观、价值观 are
triads now; 17 new entries labelled); 0.88 (gov-reports 0.84, seeds 0.92; on all 153 and 125
labelled entries still in the banks 0.87 and 0.90) once the bank kept the current formulas of the
reports' last five years too (高质量发展, 新发展理念, 减税降费 — all labelled reusable) and a place or time
qualifying a noun went (新形势下|的): the draw shifted by forty entries and took in older bare nouns
(劳动生产率, 中央与地方) the draws before had missed — 0.90 had been that draw's luck. Then a clause
opening with 向 went (…向各民主党派、各人民团体和各界人士|，表示诚挚的感谢; the like 向关心和支持…各国朋友
was relabelled not reusable, its first label having broken the rubric): on all labelled entries in the
banks 0.873 against 0.863, but the draw of fifty shifted to 0.82 for the reports — fifty entries a
corpus were too few to tell a change from luck, so the sample is now a hundred a corpus (51 new
entries labelled): 0.865 (reports 0.83, seeds 0.90). What is left is bare nouns (化学需氧量, 集成电路,
水土流失, 南水北调), fragments the edge statistics pass (毛泽东|思想为指导, 按|规矩办事). Then a phrase
ending in a verb of saying went (习近平总书记强调: who says it, leading a quotation — forty-eight news
reports of one site said 习近平强调): the seeds' draw took in three entries, all labelled reusable; and in a news
report the lead of what its subject said went (周总理说，… in the 1964 report, which is a news summary):
the reports' draw took in three entries, one labelled not reusable (国务院总理): 0.87 (reports 0.83,
seeds 0.91). Reading the 1954 report (in traditional characters) through its simplified form shifted the
reports' draw by nine entries, all labelled reusable (重要战略机遇期, 审时度势): 0.88 (reports 0.85, seeds 0.91).
Mining a third real corpus (58 texts of 2020 from 人民网's archive of speeches, not kept here) showed
lists cut inside their last item (能者上、优者奖、庸者|下、劣者汰的正确导向), the inside of frames (以此|为契机,
团结在|党中央周围), names of offices, meetings and days (市教育局, 组织生活会, “五四”) and news lines
(作重要讲话): lists whose last item the frame goes on from are triads now (20 new entries labelled, 19
reusable), and those others no entries: 0.89 (reports 0.86, seeds 0.92; on all labelled entries in the
banks 0.88 and 0.93). That corpus repeats a passage longer than the index's grams in several speeches, and
its formulas overlapping in it (windows cut from it) went, as did a phrase cut before a list its object
goes on into (全力支持香港|、澳门): 0.89 again (11 new entries labelled; on all labelled entries 0.89 and 0.93).
Then two short words joined (中央与地方, 积极性和创造性, 意见和建议) and an adverb with a verb never at a
clause's end (牢牢把握|…, 紧紧围绕|…) went: 0.905 (reports 0.86, seeds 0.95; 10 new entries labelled; on all
labelled entries in the banks 0.894 and 0.934, together 0.91). The bar is the issue's 0.9 now. Then the
names of bodies and laws (中国人民解放军, 二十国集团, 民族区域自治法) went: 0.92 (reports 0.89, seeds 0.95;
4 new entries labelled; on all labelled entries 0.908 and 0.934). What is left is bare nouns (载人航天,
通货膨胀, 互联网, 个体工商户).
"""

from __future__ import annotations

import random
from pathlib import Path

import pytest
import yaml

from rapidfuzz import fuzz

from drafter.mine import mine_corpus
from drafter.mine.bank import SENTENCE_FUNCTIONS, SLOTS, VARIANT

ROOT = Path(__file__).resolve().parents[2]
LABELS = yaml.safe_load((Path(__file__).resolve().parents[1] / "data" / "mine" / "precision.yaml")
                        .read_text(encoding="utf-8"))
REPORTS = next((p for p in (ROOT.parent / "shared" / "corpus" / "gov-reports",
                            ROOT.parent.parent / "shared" / "corpus" / "gov-reports") if p.is_dir()), None)
CORPORA = {"gov": REPORTS, "seeds": ROOT / "examples" / "corpus"}
PRECISION = 0.9


def draw(result, k: int, seed: int):
    pool = sorted(result.phrases, key=lambda p: p.id)
    return random.Random(seed).sample(pool, min(k, len(pool)))


@pytest.fixture(scope="module")
def banks():
    if REPORTS is None:
        pytest.skip("the government work reports are not at ../shared/corpus/gov-reports (CI has them)")
    return {name: mine_corpus(folder) for name, folder in CORPORA.items()}


#: labelled reusable entries a bank may rank below its bound (a formula still mined, which entries the
#: corpus holds more of pushed out of its function's best: 京津冀协同发展 in 8 reports, once the 1954
#: report counted in simplified characters)
RANKED_OUT = 3


def test_the_labelled_entries_are_still_mined(banks):
    """Each entry labelled reusable is still in the bank, or inside the entry that took it in: the quoted
    formulation of the same words, or (a sentence) the variant it was folded into; a few at most are
    formulas still mined that the bank's bound left out."""
    out: dict[str, list[str]] = {name: [] for name in banks}
    for e in (e for e in LABELS["entries"] if e["reusable"]):
        result = banks[e["corpus"]]
        texts = {p.id: p.text for p in result.phrases}
        function = e["id"].rsplit(".", 1)[0]
        folded = function in SENTENCE_FUNCTIONS and any(
            fuzz.ratio(SLOTS.sub("", e["text"]), SLOTS.sub("", p.text)) >= VARIANT
            for p in result.phrases if p.function == function)
        if texts.get(e["id"]) == e["text"] or f"“{e['text']}”" in texts.values() or folded:
            continue
        assert e["text"] in {f.canon for f in result.formulas}, e
        out[e["corpus"]].append(e["text"])
    assert all(len(texts) <= RANKED_OUT for texts in out.values()), out


def test_the_current_sample_is_labelled_and_precise(banks):
    labels = {(e["corpus"], e["id"]): e["reusable"] for e in LABELS["entries"]}
    sample = [(name, p.id) for name, result in banks.items()
              for p in draw(result, LABELS["per_corpus"], LABELS["seed"])]
    known = [labels[s] for s in sample if s in labels]
    assert len(known) >= 0.9 * len(sample), "the bank changed: label the new entries of the sample"
    assert sum(known) / len(known) >= PRECISION


def test_foreign_names_are_no_entries_but_formulas_with_such_characters_stay(banks):
    """巴基斯坦, 南斯拉夫, 拉丁美洲, 哈尔滨 recur in the reports and are names; 马克思列宁主义 and 共克时艰
    hold one such character each and stay."""
    texts = {p.text for p in banks["gov"].phrases}
    assert not texts & {"巴基斯坦", "南斯拉夫", "拉丁美洲", "哈尔滨", "俄罗斯", "阿富汗"}
    assert not texts & {"中国人民解放军", "民族区域自治法"}                  # a body's name, a law's
    from drafter.mine.bank import _transliterated
    assert _transliterated("古特雷斯") and _transliterated("巴黎协定")      # names in speeches of 2020
    assert not _transliterated("特色社会主义") and not _transliterated("雷厉风行")
    assert {"马克思列宁主义", "共克时艰", "坚决维护国家主权"} <= texts


def test_the_current_formulas_of_the_last_years_are_kept(banks):
    """高质量发展 (every report since 2018) and 新发展理念 rank below formulas fifty years of reports share,
    yet are kept as current; with only the last year for recent, two recent documents cannot be had."""
    texts = {p.text for p in banks["gov"].phrases}
    assert {"高质量发展", "新发展理念", "减税降费", "构建新发展格局"} <= texts
    assert "社会主义" not in texts                    # in every recent report, but in most of the others too
    latest = {p.text for p in mine_corpus(REPORTS, recent_years=1).phrases}
    assert not {"高质量发展", "新发展理念"} & latest


def test_a_clause_opening_with_xiang_waits_for_its_verb(banks):
    """The thanks of a report: 向全国各族人民，向各民主党派、各人民团体和各界人士 is followed by its verb
    (，表示诚挚的感谢) and is no entry; the whole thanks is."""
    texts = {p.text for p in banks["gov"].phrases}
    assert not [t for t in texts if t.rsplit("，", 1)[-1].startswith("向")]
    assert "我代表国务院，向全国各族人民，向各民主党派、各人民团体和各界人士，表示诚挚感谢" in texts


def test_the_inside_of_tuanjie_zai_zhouwei_is_no_entry(banks):
    """团结在以习近平同志为核心的党中央周围: 党中央周围 is the inside of 在…周围, as 共同努力下 is of 在…下."""
    texts = {p.text for p in banks["gov"].phrases}
    assert "党中央周围" not in texts and not [t for t in texts if t.endswith("周围") and "在" not in t]


def test_windows_of_a_passage_longer_than_the_grams_are_no_entries(banks):
    """The reports of 2018–2025 thank 以习近平同志为核心的党中央坚强领导 in three parts (…的结果，…的结果，…的
    结果: 73 characters, more than the index's grams reach); the formulas overlapping in it are windows cut from
    it, no entries. Formulas overlapping within the grams' reach stay (和平共处五项原则 beside its list)."""
    from drafter.mine.index import MAX_N
    from drafter.mine.ngrams import Formula, windows

    texts = {p.text for p in banks["gov"].phrases}
    assert "是习近平新时代中国特色社会主义思想科学指引的结果，是全党全军全国各族人民团结奋斗的结果" not in texts
    assert "和平共处五项原则" in texts
    passage = "甲" * 30 + "，" + "乙" * 30 + "，" + "丙" * 10
    left, right, short = Formula(passage[:50], [(0, 0), (1, 0)]), Formula(passage[25:], [(0, 25), (1, 25)]), \
        Formula(passage[:40], [(2, 0)])
    assert len(passage) > MAX_N and windows([left, right, short]) == [short]
    near = Formula(passage[40:], [(0, 40), (1, 40)])             # with ``left``, 72 - 0 characters: a window
    inside = Formula(passage[10:45], [(0, 10), (1, 10)])         # with ``left``, nested: no window
    assert windows([left, near]) == [] and windows([left, inside]) == [left, inside]


def test_an_item_of_a_list_is_no_entry_where_the_list_goes_on_inside_it(banks):
    """全力支持香港|、澳门… (14 of its 18 places): the list is the object of 支持, the phrase is cut from it;
    坚持和加强党的全面领导、坚持和发展中国特色社会主义 in the seeds is a list of measures, each its own."""
    assert "全力支持香港" not in {p.text for p in banks["gov"].phrases}
    assert "坚持和加强党的全面领导" in {p.text for p in banks["seeds"].phrases}


def test_a_pair_of_words_is_no_entry_and_an_adverb_with_its_verb_waits_for_the_object(banks):
    """中央与地方, 积极性和创造性: two short words joined, no formula; 国防和军队建设 and 保障和改善民生 stay.
    牢牢把握 (never at a clause's end in the seeds) waits for its object; 扎扎实实, an adverb whole, stays."""
    from drafter.mine.bank import PAIR

    gov = {p.text for p in banks["gov"].phrases}
    assert not gov & {"中央与地方", "积极性和创造性"} and {"国防和军队建设", "保障和改善民生", "扎扎实实"} <= gov
    assert "牢牢把握" not in {p.text for p in banks["seeds"].phrases}
    assert PAIR.match("意见和建议") and not PAIR.match("统筹发展和安全") and not PAIR.match("解放和发展社会生产力")


def test_a_place_or_time_qualifying_a_noun_is_no_entry(banks):
    """新形势下 is followed by 的 at most of its places (新形势下的人民内部矛盾); 迎难而上 and the 在…下 of
    在中国共产党领导下 stay."""
    texts = {p.text for p in banks["gov"].phrases}
    assert "新形势下" not in texts
    assert {"迎难而上", "在中国共产党领导下"} <= texts
