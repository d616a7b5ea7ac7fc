"""The library ``drafter mine`` writes: deterministic, valid outlines that drafter new can use, a phrase
bank in the documented shape (the built-in bank is checked in test_mine_builtin.py)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from types import SimpleNamespace
import yaml
from docx import Document

from drafter.errors import DrafterError
from drafter.mine import mine_corpus, write_library
from drafter.mine.outlines import _Anonymous, _places
from drafter.mine.write import MARK
from drafter.library import Library
from drafter.outlines.check import check_outline

ROOT = Path(__file__).resolve().parents[2]
SEEDS = ROOT / "examples" / "corpus"
HELDOUT = Path(__file__).resolve().parents[1] / "data" / "heldout"


@pytest.fixture(scope="module")
def library(tmp_path_factory):
    folder = tmp_path_factory.mktemp("lib") / "mylib"
    write_library(mine_corpus(SEEDS), folder)
    return folder


def tree(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def test_mining_twice_gives_identical_bytes(library, tmp_path):
    write_library(mine_corpus(SEEDS), tmp_path / "again")
    assert tree(tmp_path / "again") == tree(library)


@pytest.mark.parametrize("corpus", [SEEDS, HELDOUT], ids=["seeds", "heldout"])
def test_mined_outlines_pass_the_outline_check(corpus, tmp_path):
    write_library(mine_corpus(corpus), tmp_path)
    outlines = sorted((tmp_path / "outlines").glob("*.yaml"))
    assert outlines
    for path in outlines:
        assert check_outline(path, Library.resolve([tmp_path]).templates) == [], path.name


def test_outlines_name_their_sources_and_frames(library):
    data = yaml.safe_load((library / "outlines" / "work-meeting.yaml").read_text(encoding="utf-8"))
    assert data["mined_from"] == ["001_ba08b270c44729d2.txt"] and data["name"] == "工作会议讲话"
    assert "仅据 1 篇" in data["description"]                 # an outline from one document says so
    assert data["title"] == "{{ speaker }}在{{ occasion }}上讲话"
    assert data["numbering"] == ["一、", "第一，"]
    second = data["sections"]["items"][1]["children"]
    assert second["heading"] == "要{{ a }}，做到{{ b }}过硬"
    assert second["slots"][1]["example"] == ["信念", "政治", "责任", "能力", "作风"]
    remarks = yaml.safe_load((library / "outlines" / "seminar-remarks.yaml").read_text(encoding="utf-8"))
    assert remarks["mined_from"] == ["000_251da491407e7ad2.txt", "004_5b4d48522c5419d6.txt"]
    assert remarks["sections"]["items"][0]["heading"] == "{{ a }}新时代推进全面从严治党的{{ b }}"
    assert remarks["sections"]["min"] == 2 and remarks["sections"]["max"] == 3
    assert "从 2 篇研讨交流发言归纳" in remarks["description"] and "以更{A}与{B}" in remarks["description"]


def test_a_large_group_lists_recurring_frames_of_words_only():
    reports = ROOT.parent / "shared" / "corpus" / "gov-reports"
    if not reports.is_dir():
        pytest.skip("the government work reports are not at ../shared/corpus/gov-reports (CI has them)")
    outline = next(o for o in mine_corpus(reports).outlines if o["id"] == "gov-report")
    listed = outline["description"].split("标题句式 ", 1)[1].rstrip("。").split("；")
    assert listed and all("1 篇" not in frame for frame in listed)
    assert not any(c.isascii() for frame in listed for c in re.sub(r"\{[A-Z]\}", "", frame.split("（")[0])), listed


def test_min_docs_set_by_the_user_holds_for_every_entry_but_quotations():
    default = mine_corpus(SEEDS)
    assert any(p.docs < 3 and p.function != "quotation" for p in default.phrases)   # the seeds' own sentences
    strict = mine_corpus(SEEDS, min_docs=3)
    assert strict.phrases and all(p.docs >= 3 for p in strict.phrases if p.function != "quotation")


def test_quoted_formulations_vocatives_and_frames_of_zai_on_real_pages():
    """“四个意识” and 四个意识 are one entry, counted at every place; 同学们 and 朋友们 (in several of the
    real pages) are vocatives, not formulas, and 习近平总书记 a person by post; 共同努力下 is the inside of a
    在…下 frame; 时期主要目标任务 starts after a closing quote that belongs to it; the news reports among
    them give no outline. (The
    pages are mined with formulas in three documents: the threshold that grows with a corpus passed
    three at forty pages.)"""
    texts = {p.text: p for p in mine_corpus(SEEDS).phrases}
    assert "四个意识" not in texts and "两个维护" not in texts
    quoted = texts["“四个意识”"]
    plain_places = sum(u.text.count("四个意识") for u in quoted.places)
    assert quoted.docs >= 3 and plain_places > len(quoted.places) // 2
    folder = Path(__file__).resolve().parents[1] / "data" / "pages"
    mined = mine_corpus(folder, min_docs=3)
    pages = {p.text for p in mined.phrases}
    news = {name for name, t in yaml.safe_load((folder / "truth.yaml").read_text(encoding="utf-8")).items()
            if t["kind"] == "新闻报道"}
    assert news and not news & {d for o in mined.outlines for d in o["mined_from"]}     # no outline of news
    # nor of a fragment: 050 keeps a 党课's title and first two sentences (100 characters, no parts)
    assert "050_fanwen-77-mobile-link-headline-shown-twice.txt" not in {d for o in mined.outlines
                                                                        for d in o["mined_from"]}
    assert not {t for t in pages if t.endswith("们")}
    assert not {t for t in pages if t.startswith("“") and t.strip("“”") in pages}
    # the inside of 在…下 is no entry (共同努力下, 坚强领导下), the frame with its 在 is; 迎难而上 stays
    assert not {t for t in pages if t.endswith("领导下") and not t.startswith("在")}
    assert "在以习近平同志为核心的党中央坚强领导下" in pages and "迎难而上" in pages
    # who said a quotation: the name before 曾说, not the words before 有 (但我们必须有“亦余心之所善兮…”的豪情)
    said = {p.text: p.by for p in mined.phrases if p.function == "quotation"}
    assert said["弄潮儿向涛头立，手把红旗旗不湿"] == "习近平总书记" and said["亦余心之所善兮，虽九死其犹未悔"] is None
    # who, not what: a person by post (习近平总书记, in twenty of the pages) is no entry
    assert not {t for t in pages if len(t) <= 8 and t.endswith(("总书记", "总理", "主席", "同志"))}
    # a quoted term belongs to what follows it: “十五五”|时期主要目标任务 is no edge (among the formulas:
    # the bank's 120 a function may leave 主要目标任务 out as the pages grow)
    formulas = {f.canon for f in mined.formulas}
    assert "时期主要目标任务" not in formulas and "主要目标任务" in formulas and "时期主要目标任务" not in pages


def test_names_of_offices_meetings_and_days_are_no_entries_of_the_real_pages():
    """Mined with the default settings, the 98 real pages give no entry that names an office or a meeting
    (办公室, 座谈会, 市教育局), a day (“五四”, “五一”: two numerals in quotes) or tells that someone spoke
    (作重要讲话, a news report's); 新发展格局 (格局, no bureau), “十四五”-like plans and 重要讲话精神 stay
    possible entries."""
    from drafter.mine.bank import OFFICE, SAYS
    from drafter.mine.quotes import formulations

    pages = {p.text for p in mine_corpus(Path(__file__).resolve().parents[1] / "data" / "pages").phrases}
    assert not pages & {"办公室", "座谈会", "市教育局", "“五四”", "“五一”", "作重要讲话"}
    assert not [t for t in pages if t.endswith("讲话")]
    assert not pages & {"牢固树立", "紧紧围绕", "困难和挑战"}       # a verb waiting for its object, a pair of words
    assert "高质量发展" in pages and "“四个意识”" in pages
    assert not OFFICE.search("新发展格局") and not OFFICE.search("统筹全局") and OFFICE.search("县公安局")
    assert OFFICE.search("绍兴市教育局") and OFFICE.search("浙江省教育厅") and OFFICE.search("绍兴市第一中学")
    assert not OFFICE.search("建设世界一流大学") and not OFFICE.search("深化公立医院")
    assert OFFICE.search("民族区域自治法") and OFFICE.search("二十国集团") and OFFICE.search("中国人民解放军")
    assert not OFFICE.search("严格执法") and not OFFICE.search("改进工作方法") and not OFFICE.search("软弱涣散村党组织")
    assert not SAYS.search("重要讲话精神")
    assert formulations("纪念“五四”运动，庆祝“七一”，编制“十一五”规划，增强“四个意识”") == ["“十一五”", "“四个意识”"]


def test_the_inside_of_a_frame_is_no_entry():
    """为契机 after 以 (sentences of speeches of 2020) is the inside of 以…为契机, 党中央周围 after 团结在 the
    inside of 在…周围, 疫情防控的同时 of 在…的同时; 为人民服务 after no 以, and 团结在党中央周围 whole, are not."""
    from types import SimpleNamespace

    from drafter.mine.bank import _inside_frame

    texts = ["要以此为契机，改造提升传统产业", "我们要以疫后恢复为契机，为妇女参政创造条件",
             "让我们更加紧密地团结在党中央周围，弘扬伟大抗疫精神", "要在做好疫情防控的同时，保持生产生活平稳有序",
             "全心全意为人民服务"]
    sents = SimpleNamespace(texts=texts, writing=lambda s: texts[s])

    def places(term: str) -> list[tuple[int, int]]:
        return [(s, t.index(term)) for s, t in enumerate(texts) if term in t]

    for inside in ("为契机", "党中央周围", "疫情防控的同时"):
        assert _inside_frame(sents, places(inside), inside), inside
    for whole in ("为人民服务", "团结在党中央周围", "以此为契机"):
        assert not _inside_frame(sents, places(whole), whole), whole


def test_host_scripts_letters_and_addresses_to_guests_have_occasions_of_their_own(tmp_path):
    """Two host's scripts among the real pages (…会议主持词) are 会议主持词, no more 研讨交流发言 for 发言 in
    their openings; a speech whose salutation greets 女士们，先生们 (at a press meeting, 029) is a 致辞; a
    letter by its title (…的回信) is 书信; 交流 in an opening tells no 研讨 (a 任职讲话, 059)."""
    from drafter.mine.corpus import load_doc
    from drafter.mine.outlines import occasion

    pages = Path(__file__).resolve().parents[1] / "data" / "pages"

    def occasion_of(path: Path) -> str:
        [doc] = load_doc((path.name, path))
        return occasion(doc)[1]

    for prefix, name in (("075_", "会议主持词"), ("076_", "会议主持词"), ("029_", "致辞"), ("059_", "讲话")):
        [path] = pages.glob(prefix + "*")
        assert occasion_of(path) == name, path.name
    letter = tmp_path / "letter.txt"
    letter.write_text("给某某大学毕业生的回信\n\n同学们：\n\n来信收到了，得知你们毕业后将奔赴基层工作，我很欣慰。"
                      "希望你们扎根基层、砥砺品格，在为人民服务中茁壮成长。\n", encoding="utf-8")
    assert occasion_of(letter) == "书信"
    # a work meeting's opening session is the work meeting's (a minister's speech of 1996); a forum's is a 致辞
    for title, name in (("在全国艺术教育工作会议开幕式上的讲话", "工作会议讲话"),
                        ("在国际合作论坛开幕式上的讲话", "致辞")):
        speech = tmp_path / "opening.txt"
        speech.write_text(f"{title}\n\n同志们：\n\n会议今天开幕了。我代表主办方，向与会同志表示欢迎。\n",
                          encoding="utf-8")
        assert occasion_of(speech) == name, title


def test_terms_of_address_are_no_entries(tmp_path):
    """A summit's salutation and the vocative inside a speech (女士们、先生们、朋友们！, as in the addresses
    of 2020 in 人民网's archive) recur in every text written here: no triad, no formula; what else the
    texts share stays."""
    from drafter.mine.bank import addressed

    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for k, fair in enumerate(("博览会", "交易会", "论坛", "峰会")):
        (corpus / f"{k}.txt").write_text(
            f"主席先生，各位同事：\n\n很高兴出席本届{fair}。我们要坚持开放包容、合作共赢、共同发展，推动世界经济复苏。\n\n"
            f"女士们、先生们、朋友们！\n\n让我们携起手来，共创美好未来。\n", encoding="utf-8")
    texts = {p.text for p in mine_corpus(corpus).phrases}
    assert not [t for t in texts if addressed(t)]
    assert "让我们携起手来，共创美好未来" in texts and "要坚持开放包容、合作共赢、共同发展" in texts
    assert not addressed("中国共产党领导") and not addressed("加强党的领导")
    assert addressed("主席先生，各位同事") and not addressed("们和" * 40 + "X")     # at once, not after minutes


def test_a_persons_name_is_no_entry():
    """A term the texts follow with a title people are called by at half of its places (冯王亮老师, from
    three reports of a school site) is a person's name; a formula that a title follows once is not."""
    from types import SimpleNamespace

    from drafter.mine.bank import _named

    sents = SimpleNamespace(texts=["在优质课评比活动中，冯王亮老师荣获全国中学物理教学名师赛优质课一等奖",
                                   "冯王亮同志主持了课题研究", "这次受表彰的是冯王亮",
                                   "坚持立德树人根本任务，办好人民满意的教育", "立德树人老师要带头"])
    assert _named(sents, [(0, 10), (1, 0), (2, 7)], 3)
    assert not _named(sents, [(3, 2), (3, 2), (4, 0)], 4)


def test_variants_of_one_sentence_are_one_entry():
    """The reports' transitions (现在，我代表国务院向大会作政府工作报告，请予审议… and its variants) fold
    into a few entries, each holding the places of its variants; a sentence unlike the others stays."""
    reports = ROOT.parent / "shared" / "corpus" / "gov-reports"
    if not reports.is_dir():
        pytest.skip("the government work reports are not at ../shared/corpus/gov-reports (CI has them)")
    transitions = [p for p in mine_corpus(reports).phrases if p.function == "transition"]
    assert 2 <= len(transitions) <= 5
    folded = max(transitions, key=lambda p: p.docs)
    assert folded.docs >= 20 and "请予审议" in folded.text


def test_outline_examples_leave_out_local_names_but_keep_leaders(library):
    data = yaml.safe_load((library / "outlines" / "work-meeting.yaml").read_text(encoding="utf-8"))
    hints = [part.get("hint", "") for part in data["front"] + data.get("back", [])]
    transition = next(h for h in hints if h.startswith("过渡句"))
    assert "在××同志安排部署的基础上" in transition and "玉雄" not in transition
    plain = _Anonymous(mine_corpus(SEEDS).corpus.docs)      # a name several documents use stays
    assert plain("更加紧密地团结在以习近平同志为核心的党中央周围") == "更加紧密地团结在以习近平同志为核心的党中央周围"
    assert plain("全体同志要在玉雄同志带领下") == "全体同志要在××同志带领下"


def test_names_are_counted_where_they_overlap():
    alone, named = _places("请甲乙丙同志和乙丙同志，乙丙", {"甲乙", "乙丙"})
    assert (alone["甲乙"], named["甲乙"]) == (1, 0)
    assert (alone["乙丙"], named["乙丙"]) == (3, 2)       # one of them inside the place 甲乙 was found at


def test_documents_of_one_occasion_share_an_outline(tmp_path):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for name in ("001_county-economic-work.txt", "007_web-copy-safety.txt", "009_broken-lines-business.txt"):
        (corpus / name).write_bytes((HELDOUT / name).read_bytes())
    result = mine_corpus(corpus)
    assert [(o["id"], o["mined_from"]) for o in result.outlines] == \
        [("mobilization", ["009_broken-lines-business.txt"]),
         ("work-meeting", ["001_county-economic-work.txt", "007_web-copy-safety.txt"])]
    assert result.outlines[1]["sections"]["min"] == 3 and result.outlines[1]["name"] == "工作会议讲话"


def test_outlines_are_named_for_their_occasion():
    ids = {o["id"]: o["mined_from"] for o in mine_corpus(HELDOUT).outlines}
    assert ids["work-meeting"] == ["001_county-economic-work.txt", "007_web-copy-safety.txt",
                                   "008_no-title-forest-fire.txt"]
    assert (ids["debrief"] == ["004_party-building-debrief.txt"]
            and ids["training-opening"] == ["005_training-class-opening.txt"])
    assert (ids["party-lecture"] == ["002_theme-education-party-lecture.txt"]
            and ids["article"] == ["006_newspaper-article.txt"])


def test_who_says_it_is_no_formula_and_a_news_report_keeps_what_was_said():
    """习近平总书记强调 (in two seeds, leading quotations) is who says it, no entry; a news report's
    sentences lose the reporter's lead (温家宝指出，当前… → 当前…), and keep the rest."""
    from drafter.mine.corpus import load_doc

    assert not [p.text for p in mine_corpus(SEEDS).phrases if p.text.endswith(("强调", "指出", "表示"))]
    page = Path(__file__).resolve().parents[1] / "data" / "pages" / "039_zhclsy-news-report-wen-speech.html"
    [doc] = load_doc((page.name, page))
    texts = [u.text for u in doc.units]
    assert not [t for t in texts if t.startswith(("温家宝指出", "温家宝强调", "温家宝最后说"))]
    assert "当前，国际热点问题成因更加复杂，变化更加快速，影响面更广" in texts
    assert any(t.startswith("温家宝在礼堂向师生们发表讲话") for t in texts)      # told of him, not said


def test_a_commemoration_and_a_keynote_have_outlines_of_their_own(tmp_path):
    """庆祝…周年大会 and a forum's 主旨演讲 are occasions of their own (not 动员部署会 or 研讨发言, as words of
    their openings made them); a 座谈会 stays one, though its opening mentions 交流 (real pages)."""
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    pages = Path(__file__).resolve().parents[1] / "data" / "pages"
    for name in ("040_12371-headline-news-lead-then-title-block.txt",
                 "041_12371-keynote-caption-video-lead-salutation-lines.txt",
                 "042_12371-title-twice-bare-speaker-part-questions.txt"):
        (corpus / name).write_bytes((pages / name).read_bytes())
    ids = {o["id"]: (o["name"], o["mined_from"]) for o in mine_corpus(corpus).outlines}
    assert ids == {"commemoration": ("纪念庆祝大会讲话", ["040_12371-headline-news-lead-then-title-block.txt"]),
                   "address": ("致辞", ["041_12371-keynote-caption-video-lead-salutation-lines.txt"]),
                   "symposium": ("座谈会讲话", ["042_12371-title-twice-bare-speaker-part-questions.txt"])}


def test_drafter_new_writes_a_docx_from_every_mined_outline(library, tmp_path):
    from typer.testing import CliRunner

    from drafter.cli import app

    for path in sorted((library / "outlines").glob("*.yaml")):
        out = tmp_path / f"{path.stem}.docx"
        run = CliRunner().invoke(app, ["new", path.stem, "--library", str(library), "--no-input", "-o", str(out)])
        assert run.exit_code == 0, run.output
        text = "\n".join(p.text for p in Document(str(out)).paragraphs)
        assert "【" in text
    speech = "\n".join(p.text for p in Document(str(tmp_path / "work-meeting.docx")).paragraphs)
    assert "要筑牢思想根基，做到信念过硬" not in speech and "要【要点标题A】，做到【要点标题B】过硬" in speech


def test_phrase_entries_have_the_documented_shape(library):
    files = sorted((library / "phrasebank").glob("*.yaml"))
    stems = {p.stem for p in files}
    assert stems >= {"frame", "quotation", "triad", "transition", "closing.call"}
    assert stems & {"formula", "formulation", "idiom", "measure", "requirement", "significance"}   # recurring formulas
    for path in files:
        assert path.read_text(encoding="utf-8").startswith(MARK)
        entries = yaml.safe_load(path.read_text(encoding="utf-8"))
        for e in entries:
            assert e["function"] == path.stem and e["id"].startswith(path.stem + ".")
            assert set(e) <= {"id", "function", "text", "slots", "seen", "kinds", "years", "dated", "score",
                              "sources", "example", "by"}
            assert e["kinds"] and set(e["kinds"]) <= {"讲话稿", "党课讲稿", "研讨交流发言", "署名文章"}   # the seeds'

            assert e["seen"]["docs"] >= 1 and e["seen"]["count"] >= len(e["sources"]) >= 1
            assert all(":" in s for s in e["sources"])
            assert ("{" in e["text"]) == bool(e.get("slots")) and "{{" not in e["text"]
    frame = next(e for e in yaml.safe_load((library / "phrasebank" / "frame.yaml").read_text(encoding="utf-8"))
                 if e["text"] == "要{A}，做到{B}过硬")
    assert frame["slots"] == ["A", "B"] and frame["seen"] == {"docs": 1, "count": 5}


def test_an_existing_folder_needs_force_and_only_drafters_files_are_rewritten(library, tmp_path):
    folder = tmp_path / "lib"
    result = mine_corpus(SEEDS)
    write_library(result, folder)
    with pytest.raises(DrafterError, match="--force"):
        write_library(result, folder)
    mine = folder / "outlines" / "my-own.yaml"
    mine.write_text("id: my-own\n", encoding="utf-8")
    stale = folder / "phrasebank" / "old.yaml"
    stale.write_text(MARK + "\n[]\n", encoding="utf-8")
    write_library(result, folder, force=True)
    assert mine.read_text(encoding="utf-8") == "id: my-own\n" and not stale.exists()
    assert tree(folder) == {**tree(library), "outlines/my-own.yaml": b"id: my-own\n"}
    (folder / "outlines" / "work-meeting.yaml").write_text("id: work-meeting\n", encoding="utf-8")
    with pytest.raises(DrafterError, match="不是 drafter 生成的文件"):
        write_library(result, folder, force=True)


def test_fragments_of_frames_adverbs_and_cut_lists_are_no_entries():
    """On the reports: adverbs waiting for their verb (有计划地|发展), the inside of 以…为 (毛泽东|思想为指导),
    a verb before its quoted object (坚决反对和遏制|“…”), a triad whose dropped lead-in ended inside a
    word (必|须对人民负责…) and a list cut short where it recurs (新闻出版、广播影视、文学艺术|、哲学社会科学)
    are no entries; the whole frame, the whole triad and nouns ending in 地 stay. On the seeds: the tail
    of 在…上 (在深化、内化、转化|上下功夫) and the inside of 以…为统领 go; a triad's four-character
    lead-in (注重通过|日常考核、…) is left out; 以上率下 is found."""
    reports = ROOT.parent / "shared" / "corpus" / "gov-reports"
    if not reports.is_dir():
        pytest.skip("the government work reports are not at ../shared/corpus/gov-reports (CI has them)")
    gov = {p.text for p in mine_corpus(reports).phrases}
    assert not gov & {"有计划地", "有步骤地", "有选择地", "思想为指导", "坚决反对和遏制",
                      "须对人民负责，为人民谋利益，接受人民监督", "新闻出版、广播影视、文学艺术",
                      "治理创新，保持社会"}     # two clauses, the last cut inside one (…保持社会|和谐稳定)
    assert {"必须对人民负责，为人民谋利益，接受人民监督", "以经济建设为中心", "老工业基地",
            "文学艺术、新闻出版、广播影视"} <= gov
    seeds = {p.text for p in mine_corpus(SEEDS).phrases}
    assert not seeds & {"上下功夫", "政治建设为统领", "有针对性地提出", "通过日常考核、分类考核、近距离考核"}
    assert "日常考核、分类考核、近距离考核" in seeds
    # a four-character term whose function character comes with the rest wherever it occurs, here twice
    # in a corpus that asks two documents of a formula (以|上率下, 对|标对表)
    assert {"以上率下", "对标对表"} <= seeds


def test_rules_for_frames_lists_and_word_starts():
    """The predicates behind those rules, on sentences written for them."""
    from types import SimpleNamespace

    from drafter.mine.bank import _goes_on, _inside_yi, _word_start
    from drafter.mine.bounds import Bounds, neighbours_of

    written = ["高举旗帜，以马克思列宁主义、毛泽东思想为指导", "要以毛泽东思想为指导", "坚持毛泽东思想为指导的方针"]
    sents = SimpleNamespace(texts=[], writing=written.__getitem__)
    assert _inside_yi(sents, [(0, 16), (1, 5)])
    assert not _inside_yi(sents, [(2, 5), (2, 5), (0, 16)])
    surface = "繁荣新闻出版、广播影视、文学艺术、哲学社会科学\n发展新闻出版、广播影视、文学艺术，推进改革"
    listed = "新闻出版、广播影视、文学艺术"
    assert _goes_on(*neighbours_of(surface, [listed])[listed])
    assert not _goes_on(*neighbours_of(surface + "\n加强新闻出版、广播影视、文学艺术。", [listed])[listed])
    bounds = Bounds(["必须坚持", "必须对人民负责", "必须做到", "要坚持原则", "要求", "坚持不懈"])
    assert _word_start("必须对人民负责", 1, bounds) == 0
    assert _word_start("要坚持原则", 1, bounds) == 1


def test_the_frame_around_a_triad_is_no_part_of_its_last_clause():
    """面向未来的 and 求实效上 close a run whose other clauses end otherwise (real speeches of 共产党员网):
    the 的 and the 上 belong to what stands around it (…的社会主义文化, 把功夫下到…上); the frame may go on
    from the last item (…、劣者汰|的正确导向), and a clause no longer than the others keeps its last
    character (庸者下)."""
    from drafter.mine.triads import triads

    for sentence, triad in (("发展面向现代化、面向世界、面向未来的，民族的科学的大众的社会主义文化",
                             "面向现代化、面向世界、面向未来"),
                            ("真正把功夫下到察实情、出实招、办实事、求实效上", "察实情、出实招、办实事、求实效"),
                            # the frame goes on from the last item (a speech of 2020); 庸者下 keeps its 下
                            ("推动形成能者上、优者奖、庸者下、劣者汰的正确导向", "能者上、优者奖、庸者下、劣者汰")):
        assert [sentence[a:b] for a, b in triads(sentence)] == [triad]


def test_a_list_joined_by_dunhao_is_a_triad_after_a_lead_in_of_any_length():
    """The lead-in before a list joined by 、 is left out however long it is, where the first item is then
    as long as the second (要增强工作的|原则性、系统性、预见性、创造性; 选拔培养一批|懂农业、爱农村、爱农民),
    unless that cuts the word after a function character, or leaves a 和 in the first item alone; before clauses
    joined by ， it stays at most four characters."""
    from drafter.mine.triads import triads

    for sentence, triad in (("要增强工作的原则性、系统性、预见性、创造性", "原则性、系统性、预见性、创造性"),
                            ("选拔培养一批懂农业、爱农村、爱农民", "懂农业、爱农村、爱农民"),
                            ("引导青少年树立正确的世界观、人生观、价值观", "世界观、人生观、价值观")):
        assert [sentence[a:b] for a, b in triads(sentence)] == [triad]
    assert triads("我们一定要始终坚持好公平正义，坚持好民主法治，坚持好团结稳定") == []
    # the lead-in is never cut inside the word after a function character (the 2005 report's 于东|中西互动,
    # Henan's report of 2026: 发展的港|澳台同胞): no triad rather than a cut one
    for sentence in ("既有利于充分调动各地区的积极性，又有利于东中西互动、优势互补、相互促进、共同发展",
                     "向关心支持河南发展的港澳台同胞、海外侨胞、国际友人，表示衷心的感谢"):
        assert triads(sentence) == []
    # a first item holding a 和 the others lack starts after it, not inside the word before it (人民日报 2001:
    # …多党合|作和政治协商制度); a 和 inside a word (世界和平) leaves the cut where the lengths put it
    for sentence, triad in (("坚持和完善共产党领导的多党合作和政治协商制度、民族区域自治制度、基层群众自治制度",
                             "政治协商制度、民族区域自治制度、基层群众自治制度"),
                            ("中国始终是世界和平的建设者、全球发展的贡献者、国际秩序的维护者",
                             "世界和平的建设者、全球发展的贡献者、国际秩序的维护者")):
        assert [sentence[a:b] for a, b in triads(sentence)] == [triad]


def test_names_after_posts_complements_bodies_and_clauses_cut_short():
    """Shapes the 2020 speeches of 人民网's archive and the provincial reports of 2026 showed (written here
    in sentences of their kind): a name after a post or in a list of names after one (常委|王建国,
    领导人李明、|王建国) or before a title; a complement cut from its verb (建设|得更加坚强); a noun phrase
    on a bare head (促进|国民经济的发展, from the reports); a body as the
    object of a verb (坚决贯彻党中央|决策部署); a formula of clauses ending inside one (…，表示衷心|的感谢);
    a frame cut after its 以 (推进以|人为本的新型城镇化)."""
    from drafter.mine.bank import _cut_short, _inside_frame, _named

    sents = SimpleNamespace(texts=["中共中央政治局常委王建国出席会议", "党和国家领导人李明、王建国、赵小平出席",
                                   "王建国同志主持会议", "王建国批示", "坚持人民至上的理念"])
    assert _named(sents, [(0, 7), (1, 10), (2, 0), (3, 0)], 3)
    assert not _named(sents, [(1, 10), (3, 0), (3, 0)], 3) and not _named(sents, [(4, 2)], 4)
    assert _cut_short("得更加坚强有力", 1.0) and not _cut_short("得到有效遏制", 1.0)
    assert _cut_short("国民经济的发展", 0.5) and _cut_short("过去一年取得的成绩", 0.5)
    assert not any(_cut_short(t, 0.5) for t in ("随着经济的发展", "有了很大的发展", "以人民为中心的发展思想"))
    assert _cut_short("坚决贯彻党中央", 0.0) and _cut_short("落实省委", 0.0)
    assert not any(_cut_short(t, 0.0) for t in ("以习近平同志为核心的党中央", "我代表党中央", "建设服务型政府"))
    assert _cut_short("各界人士，表示衷心", 0.0) and not _cut_short("攻坚克难，真抓实干", 0.8)
    writing = ["推进以人为本的新型城镇化", "坚持以人为本的新型城镇化", "要以人为本", "可以为人民服务"]
    sents = SimpleNamespace(writing=writing.__getitem__)
    assert _inside_frame(sents, [(0, 3), (1, 3)], "人为本的新型城镇化")
    assert not _inside_frame(sents, [(3, 2)], "为人民服务")


def test_a_closing_example_is_no_bare_term_of_address(tmp_path):
    """Addresses at summits end with a vocative of its own (各位同事！) and then the call; the outline's
    closing example is the call, not the vocative."""
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for k, forum in enumerate(("论坛", "峰会", "博览会")):
        (corpus / f"{k}.txt").write_text(
            f"在第{k + 1}届国际合作{forum}开幕式上的致辞\n\n主席先生，各位同事：\n\n很高兴出席本届{forum}。"
            "当前，世界经济复苏乏力，各国发展面临共同挑战。\n\n我们要坚持开放合作，推动贸易和投资自由化便利化。\n\n"
            "我们要坚持创新驱动，培育经济增长新动能。数字经济、绿色经济方兴未艾，为各国发展提供了新的机遇。"
            "我们要深化科技交流合作，共享创新成果，让更多国家和人民从中受益。\n\n"
            "我们要坚持包容普惠，缩小南北差距。发展中国家是世界经济增长的重要力量，理应得到更多支持。"
            "我们要落实可持续发展议程，加强减贫、粮食安全、卫生健康等领域合作，帮助发展中国家增强自主发展能力。\n\n"
            "我们要坚持多边主义，维护以世界贸易组织为核心的多边贸易体制，反对保护主义和单边主义，"
            "推动建设开放型世界经济，让经济全球化更加开放、包容、普惠、平衡、共赢。\n\n各位同事！\n\n"
            f"让我们携起手来，为世界经济复苏和繁荣作出新的贡献！预祝本届{forum}取得圆满成功！\n", encoding="utf-8")
    [outline] = [o for o in mine_corpus(corpus).outlines if o["id"] == "address"]
    hints = [p["hint"] for p in outline["back"] if p["role"] == "closing"]
    assert hints and all("各位同事" not in h for h in hints)
    assert any(h.startswith("结束语：号召，例：让我们携起手来") for h in hints)


def test_a_frame_of_one_documents_headings_frames_no_larger_groups_outline():
    """Of the real pages' four commemorations, one titles its parts 新时代中国青年要…: the outline learnt
    from the four numbers its parts with plain headings (the frame is listed in its description, with
    its one document); a frame of two symposium speeches' one stays the frame of their outline."""
    pages = Path(__file__).resolve().parents[1] / "data" / "pages"
    outlines = {o["id"]: o for o in mine_corpus(pages).outlines}
    commemoration = outlines["commemoration"]
    assert len(commemoration["mined_from"]) >= 3 and commemoration["sections"]["heading"] == "{{ heading }}"
    assert "新时代中国青年要{A}（1 篇" in commemoration["description"]
    assert len(outlines["symposium"]["mined_from"]) == 2 and "{{ a }}" in outlines["symposium"]["sections"]["heading"]


NOTICE = """关于开展安全生产大检查的通知

各乡镇人民政府，县直各单位：

为深刻吸取近期事故教训，切实做好岁末年初安全生产工作，经县政府同意，决定在全县范围内开展安全生产大检查。现将有关事项通知如下：

一、检查时间

2025年12月1日至2026年1月31日。

二、检查范围

全县所有生产经营单位，重点是矿山、危险化学品、建筑施工、道路交通、消防等行业领域。

三、工作要求

（一）加强组织领导。各单位要高度重视，主要负责同志亲自部署、亲自督导。

（二）严格责任落实。要压实属地管理责任、部门监管责任和企业主体责任。

某某县人民政府办公室
2025年11月25日
"""


def test_a_notice_in_the_archive_gives_no_outline(tmp_path):
    """A staff writer's folder holds notices and plans beside the speeches: a text whose title ends in
    通知, 方案, 纪要 … is a 公文, read and mined for its phrases, but no outline is learnt from it."""
    from drafter.structure import read_speech

    folder = tmp_path / "archive"
    folder.mkdir()
    for seed in sorted(SEEDS.glob("*.txt")):
        (folder / seed.name).write_bytes(seed.read_bytes())
    (folder / "通知.txt").write_text(NOTICE, encoding="utf-8")
    assert read_speech(folder / "通知.txt").meta.kind == "公文"
    points = folder / "几点意见.txt"
    points.write_text("关于做好今年工作的几点意见\n\n同志们：\n\n下面，我就做好今年工作讲几点意见。\n",
                      encoding="utf-8")
    assert read_speech(points).meta.kind == "讲话"        # a speech's points
    points.unlink()
    result = mine_corpus(folder)
    assert "通知.txt" in result.documents
    assert not [o for o in result.outlines if "通知.txt" in o["mined_from"]]
    assert [o["mined_from"] for o in result.outlines] == [o["mined_from"] for o in mine_corpus(SEEDS).outlines]


def test_a_phrase_only_notices_use_is_no_entry(tmp_path):
    """A folder of speeches beside notices (通知: 公文, read for their formulas, no outline): what only the
    notices say (请各班主任相互告知, in a school's notices of each week) is no entry of the bank, as the
    speeches' own sentences are."""
    speech = ("在全校{n}工作会议上的讲话\n\n同志们：\n\n今天召开会议，部署{n}工作。我们要坚持立德树人，"
              "守正创新，扎实推进各项工作。\n\n一、提高认识\n\n{n}工作关系学校发展全局，必须高度重视，"
              "坚持立德树人根本任务。\n\n二、狠抓落实\n\n要守正创新，真抓实干，确保{n}工作取得实效。\n")
    notice = ("关于{n}的通知\n\n各班主任：\n\n因{n}安排调整，本周一升旗仪式暂停。请各班主任相互告知，"
              "按时组织学生参加。学校将坚持立德树人，做好各项服务。\n\n德育处\n")
    for k, n in enumerate(["德育", "教学", "后勤"]):
        (tmp_path / f"speech{k}.txt").write_text(speech.format(n=n), encoding="utf-8")
    for k, n in enumerate(["运动会", "期中考试", "天气原因"]):
        (tmp_path / f"notice{k}.txt").write_text(notice.format(n=n), encoding="utf-8")
    mined = mine_corpus(tmp_path)
    assert [d.speech.meta.kind for d in mined.corpus.docs].count("公文") == 3
    speeches = {d for d, doc in enumerate(mined.corpus.docs) if doc.speech.meta.kind != "公文"}
    assert len(mined.phrases) >= 3 and all({u.doc for u in p.places} & speeches for p in mined.phrases)
    assert not [p.text for p in mined.phrases if "相互告知" in p.text or "做好各项服务" in p.text]


def test_a_vocative_of_several_terms_is_no_closing_call_and_the_sentence_after_it_is(tmp_path):
    """同志们、朋友们！ on its own line before a closing (a real school's anniversary speeches) addresses; the
    closing's last sentence calls."""
    from drafter.mine.bank import own_sentences
    from drafter.mine.corpus import read_corpus

    body = "学校走过了不平凡的历程，取得了显著成绩，我们要坚定信心，开拓进取，奋力谱写新的篇章。" * 6
    text = ("在{n}周年纪念大会上的讲话\n\n同志们、朋友们：\n\n今天我们隆重集会，纪念建校{n}周年。\n\n一、回顾历程\n\n"
            + body + "\n\n二、展望未来\n\n" + body
            + "\n\n同志们、朋友们！\n\n让我们携手并进，共创学校更加美好的明天！\n")
    for n in ("一百", "一百一十"):
        (tmp_path / f"{n}.txt").write_text(text.format(n=n), encoding="utf-8")
    calls = [p.text for p, _ in own_sentences(read_corpus(tmp_path)) if p.function == "closing.call"]
    assert "让我们携手并进，共创学校更加美好的明天" in calls and not [c for c in calls if c.startswith("同志们、")]


def test_a_salutation_no_two_texts_share_is_a_slot_with_an_example():
    """The real pages' four commemorations hail four different halls: their outline's salutation is a
    slot 称呼 (filled by that label, its example the latest one), not one speech's hall; the twenty
    addresses share 各位代表、同志们： and keep it as it is."""
    pages = Path(__file__).resolve().parents[1] / "data" / "pages"
    outlines = {o["id"]: o for o in mine_corpus(pages).outlines}
    hall = outlines["commemoration"]
    assert hall["front"][0] == {"role": "salutation", "text": "{{ salutation }}"}
    [slot] = [v for v in hall["variables"] if v["name"] == "salutation"]
    assert slot["label"] == "称呼" and slot["example"].endswith("：")
    assert outlines["address"]["front"][0] == {"role": "salutation", "text": "各位代表、同志们："}
    assert not [v for v in outlines["address"]["variables"] if v["name"] == "salutation"]


def test_a_report_on_the_plan_or_the_budget_is_a_work_report_not_a_government_work_report(tmp_path):
    """Four of the 51 reports are not 政府工作报告 proper (the plan of 1955, the budget of 1956, the plan of
    1960, the plans of 1980–1981: see their labelled facts): their outline is 工作报告, as is a congress's
    report by its title; the others stay 政府工作报告."""
    from drafter.mine.corpus import load_doc
    from drafter.mine.outlines import occasion

    reports = ROOT.parent / "shared" / "corpus" / "gov-reports"
    if not reports.is_dir():
        pytest.skip("the government work reports are not at ../shared/corpus/gov-reports (CI has them)")

    def occasion_of(path: Path) -> str:
        [doc] = load_doc((path.name, path))
        return occasion(doc)[1]

    names = {p.name for p in reports.glob("*.txt") if occasion_of(p) == "工作报告"}
    assert names == {"1955.txt", "1956.txt", "1960.txt", "1980.txt"}
    assert occasion_of(reports / "2024.txt") == "政府工作报告"
    report = tmp_path / "report.txt"
    report.write_text("在全市精神文明建设大会上的工作报告\n\n同志们：\n\n现在，我代表市精神文明建设委员会作工作报告。"
                      "一年来，全市精神文明建设取得了新的进展。\n", encoding="utf-8")
    assert occasion_of(report) == "工作报告"


def test_a_note_on_how_a_speech_was_taken_down_makes_no_article_and_a_signed_text_is_one(tmp_path):
    """（根据记录整理，未经本人审阅） under a speech is a note on the text, not an article's author note: the
    speech keeps its occasion; a text the parser reads as a 署名文章 (a byline, no salutation) is one."""
    from drafter.mine.corpus import load_doc
    from drafter.mine.outlines import occasion

    def occasion_of(path: Path) -> str:
        [doc] = load_doc((path.name, path))
        return occasion(doc)[1]

    speech = tmp_path / "speech.txt"
    speech.write_text("在全省重点企业工作会议上的讲话\n（根据记录整理，未经本人审阅）\n同志们：\n"
                      "这次会议开得很好。下面，我讲几点意见。\n一、要抓好生产\n要切实抓好生产，确保完成全年任务。\n",
                      encoding="utf-8")
    assert occasion_of(speech) == "工作会议讲话"
    article = tmp_path / "article.txt"
    article.write_text("以改革举措加强国家战略腹地建设\n田向利\n"
                       "建设国家战略腹地，是党中央着眼全局作出的重大部署。我们要深刻领会其重大意义。\n"
                       "要坚持以改革举措推动战略腹地建设，切实把各项部署落到实处。\n", encoding="utf-8")
    assert occasion_of(article) == "署名文章"
