"""An outline learnt from several documents gives the usual number of parts (a range over the middle
half of them, not one odd document's count) and names its numbering in Chinese."""

from __future__ import annotations

from drafter.mine import mine_corpus
from drafter.zh import chinese_numeral

TOPICS = "党建 经济 民生 安全 生态 文化 教育 科技 交通 农业 水利 卫生".split()
PLACES = "东城 西城 南岗 北湖 中山 江滨".split()


def write_meetings(folder, parts: list[int]) -> None:
    """One work-meeting speech per count, each with that many numbered parts."""
    for i, n in enumerate(parts):
        p = PLACES[i]
        lines = [f"在{p}区工作会议上的讲话", "", "同志们：", f"今天{p}区召开会议，主要任务是部署{p}全年工作。"]
        for k in range(n):
            t = TOPICS[(k + i) % len(TOPICS)]
            lines += [f"{chinese_numeral(k + 1)}、切实抓好{t}工作",
                      f"{p}要把{t}摆在突出位置，{p}的{t}任务务必落实到位。"]
        lines.append(f"同志们，让我们团结一心，努力完成{p}全年目标任务！")
        (folder / f"{i}.txt").write_text("\n".join(lines) + "\n", encoding="utf-8")


def test_the_parts_range_is_the_usual_one_and_the_whole_range_is_said(tmp_path):
    write_meetings(tmp_path, [1, 3, 3, 3, 4, 12])
    [outline] = mine_corpus(tmp_path).outlines
    assert (outline["sections"]["min"], outline["sections"]["max"]) == (3, 4)
    assert outline["description"].startswith("从 6 篇讲话稿归纳：一级 3–4 部分（各篇 1–12），编号 “一、”，")


def test_the_points_under_a_point_take_the_usual_range_too(tmp_path):
    """Under each part's points, (一)…, one document numbers twelve sub-points, the others two or three:
    the outline offers the usual two to three, not the twelve its representative document may have."""
    for i, subs in enumerate([2, 3, 3, 2, 12]):
        p = PLACES[i]
        lines = [f"在{p}区工作会议上的讲话", "", "同志们：", f"今天{p}区召开会议，部署{p}全年工作。"]
        for k in range(3):
            lines.append(f"{chinese_numeral(k + 1)}、切实抓好{TOPICS[k]}工作")
            for j in range(2):
                lines.append(f"（{chinese_numeral(j + 1)}）做好{TOPICS[(j + k + 3) % len(TOPICS)]}服务")
                for m in range(subs):
                    lines.append(f"{m + 1}．{p}要把{TOPICS[(m + j) % len(TOPICS)]}任务落实到位。")
        lines.append(f"同志们，让我们团结一心，努力完成{p}全年目标任务！")
        (tmp_path / f"{i}.txt").write_text("\n".join(lines) + "\n", encoding="utf-8")
    [outline] = mine_corpus(tmp_path).outlines
    points = [item["children"] for item in outline["sections"]["items"]]
    assert all((p["min"], p["max"]) == (2, 2) for p in points)
    subs = [sub["children"] for p in points for sub in p["items"] if "children" in sub]
    assert subs and all((s["min"], s["max"]) == (2, 3) and s["count"] <= 3 and len(s.get("items", [])) <= 3
                        for s in subs)


def test_each_text_of_a_page_holding_several_is_a_document():
    """Three real pages of a school's 述职 reports hold ten leaders' reports: each is a document of the
    述职报告 outline (named file#k: a page whose texts have no title of their own takes the page's genre),
    its sections are the report's own — not the leaders' names as the page's parts — and every source
    of the bank is a line of the file."""
    import shutil
    import tempfile
    from pathlib import Path

    pages = Path(__file__).resolve().parents[1] / "data" / "pages"
    with tempfile.TemporaryDirectory() as tmp:
        for name in ("015_shaoxing-shuzhi-three-leaders.txt", "024_shaoxing-shuzhi-2020-three-leaders.html",
                     "036_shaoxing-shuzhi-2021-four-leaders.txt"):
            shutil.copy(pages / name, Path(tmp) / name)
        result = mine_corpus(tmp)
        from drafter.phrasebook.bank import write_sentences

        write_sentences(tmp, Path(tmp) / "sentences.jsonl")
        sentences = (Path(tmp) / "sentences.jsonl").read_text(encoding="utf-8")
    # each report's title is at its own line of the file
    assert all(f'"036_shaoxing-shuzhi-2021-four-leaders.txt:{n}"' in sentences for n in (5, 16, 38, 64))
    assert len(result.documents) == 10 and all("#" in name for name in result.documents)
    debrief = next(o for o in result.outlines if o["id"] == "debrief")
    assert len(debrief["mined_from"]) == 10
    assert debrief["sections"]["max"] <= 4 and "述职述廉" not in str(debrief["sections"])
    lines = {name: len((pages / name).read_text(encoding="utf-8").splitlines()) for name in
             ("015_shaoxing-shuzhi-three-leaders.txt", "036_shaoxing-shuzhi-2021-four-leaders.txt")}
    from drafter.mine.write import library_files

    bank = "".join(text for name, text in library_files(result).items() if name.startswith("phrasebank/"))
    assert "sources:" in bank and ".txt#" not in bank and ".html#" not in bank
    for u in (u for p in result.phrases for u in p.places):
        doc = result.corpus.docs[u.doc]
        assert "#" not in doc.file and (doc.file not in lines or 0 < u.line <= lines[doc.file])


def test_outline_examples_come_from_the_latest_documents():
    """An outline's transition and closing examples are the most recent document's (a writer follows
    today's practice): the reports' transition is 2025's, not 1955's."""
    from pathlib import Path

    reports = Path(__file__).resolve().parents[3] / "shared" / "corpus" / "gov-reports"
    if not reports.is_dir():
        import pytest

        pytest.skip("the government work reports are not at ../shared/corpus/gov-reports (CI has them)")
    result = mine_corpus(reports)
    report = next(o for o in result.outlines if o["id"] == "gov-report")
    latest = max((d for d in result.corpus.docs if d.speech.transition and d.year), key=lambda d: d.year)
    hint = next(p["hint"] for p in report["front"] if p["role"] == "transition")
    assert latest.speech.transition.rstrip("。") in hint
    assert "1954.txt" in report["mined_from"]       # the parser read its genre: 政府工作报告


def test_an_outlines_date_example_is_the_time_not_the_room(tmp_path):
    """A page gives its meeting's time and place under the title (（1月13日下午4点，行政楼会议室四）): the
    speech keeps the whole line as its date, an outline shows the time only."""
    from pathlib import Path

    page = Path(__file__).resolve().parents[1] / "data" / "pages" / "017_shaoxing-theme-education-summary.txt"
    (tmp_path / page.name).write_text(page.read_text(encoding="utf-8"), encoding="utf-8")
    result = mine_corpus(tmp_path)
    dates = [v.get("example") for o in result.outlines for v in o["variables"] if v["name"] == "date"]
    assert dates == ["1月13日下午4点"]


def test_one_documents_byline_puts_no_author_in_an_outline(tmp_path):
    """Of three speeches only one carries a byline: the outline asks for speaker and date, not an author."""
    topics = ("组织建设", "干部队伍", "人才工作")
    for k, byline in enumerate(("作者：王小明", "", "")):
        body = f"要扎实推进{topics[k]}，确保取得实效。各级党组织要切实担负起{topics[k]}的主体责任，抓好落实。"
        lines = [f"在全市{topics[k]}会议上的讲话", byline, "市委书记 张明", "（2024年1月18日）", "同志们：",
                 "一、统一思想", body * 3, "二、狠抓落实", body * 3]
        (tmp_path / f"{k}.txt").write_text("\n".join(line for line in lines if line), encoding="utf-8")
    result = mine_corpus(tmp_path)
    assert len(result.documents) == 3
    outline = result.outlines[0]
    names = {v["name"] for v in outline["variables"]}
    assert {"speaker", "date"} <= names and "author" not in names


def test_a_genre_whose_texts_have_no_parts_gets_a_body_and_a_closing(tmp_path):
    """Four real 致辞 pages (tests/data/pages), none with numbered parts: the outline learnt from them is
    no empty skeleton — its body is a paragraph placeholder giving the usual count, and it closes."""
    import shutil
    from pathlib import Path

    pages = Path(__file__).resolve().parents[1] / "data" / "pages"
    for name in ("020_shaoxing-art-festival-title-repeat.txt", "030_shaoxing-graduation-spaced-title.txt",
                 "035_shaoxing-principal-term-opening-dotted-date.txt",
                 "057_fanwen-6dgww-salutation-broken-after-comma.txt"):
        shutil.copy(pages / name, tmp_path / name)
    outlines = mine_corpus(tmp_path).outlines
    assert len(outlines) == 1 and outlines[0]["sections"] == []
    body = [p for p in outlines[0]["front"] if p["role"] == "body"]
    assert len(body) == 1 and "正文：约" in body[0]["hint"]
    assert [p["role"] for p in outlines[0]["back"]] == ["closing"]
