"""The .docx reader: paragraphs, texts, title marks and heading levels from styles and heading faces."""

from __future__ import annotations

import re
from pathlib import Path

import docx
import pytest
import yaml
from docx.enum.style import WD_STYLE_TYPE
from docx.oxml import OxmlElement, parse_xml
from docx.oxml.ns import qn

from drafter.ingest import read_lines
from drafter.model import plain
from drafter.ingest.docx import read_docx_lines

ROOT = Path(__file__).resolve().parents[2]
DATA = ROOT / "tests" / "data"
SEED_002 = ROOT / "examples" / "corpus" / "002_196b020fa5f85377.txt"
OTHER_TOOL_002 = DATA / "002_by_another_tool.docx"

#: a small speech as (kind, text): title, salutation, body, h1, h2, and a 楷体 run-in head with 仿宋 body.
SPEECH = [
    ("title", "在全市基层党建工作会议上的讲话"),
    ("body", "同志们："),
    ("empty", ""),
    ("body", "今天召开这次会议，主要任务是总结去年工作，部署今年任务。下面，我讲几点意见。"),
    ("h1", "一、深刻领会加强基层党建工作的重大意义"),
    ("body", "基层党组织是党的全部工作和战斗力的基础。我们要把思想和行动统一到中央部署上来。"),
    ("h2", "（一）坚持政治引领，把牢基层党建正确方向。"),
    ("body", "政治引领是基层党建的灵魂。各级党组织要旗帜鲜明讲政治，确保基层党建始终沿着正确方向前进。"),
    ("h2", "（二）坚持问题导向，补齐基层党建短板弱项。"),
    ("body", "问题是时代的声音。要坚持从群众最不满意的地方改起，切实解决基层党建中的突出问题。"),
    ("h1", "二、准确把握加强基层党建工作的目标任务"),
    ("body", "今年基层党建工作的总体要求是，坚持以党的政治建设为统领，全面提升基层党组织的组织力。"),
    ("runin", ("（一）健全组织体系。", "要优化基层党组织设置，做到哪里有党员哪里就有党的工作。")),
    ("runin", ("（二）建强骨干队伍。", "要选优配强村党组织书记，加强教育培训和日常管理。")),
    ("h1", "三、切实加强对基层党建工作的组织领导"),
    ("body", "各级党委要认真履行主体责任，书记要当好第一责任人，形成一级抓一级、层层抓落实的工作格局。"),
    ("body", "同志们，加强基层党建工作使命光荣、责任重大。让我们以更加饱满的热情，推动基层党建工作再上新台阶！"),
]
STYLE = {"title": "Title", "h1": "Heading 1", "h2": "Heading 2"}
FACE = {"title": "方正小标宋简体", "h1": "黑体", "h2": "楷体_GB2312", "body": "仿宋_GB2312"}
EXPECTED_LEVEL = {"h1": 1, "h2": 2}


def speech_text() -> str:
    """The text twin of SPEECH: one line per paragraph."""
    return "\n".join(text if kind != "runin" else "".join(text) for kind, text in SPEECH) + "\n"


def east_asia(run, font: str) -> None:
    """Set a run's East Asian font, the way Word stores it (python-docx's font.name sets only ascii/hAnsi)."""
    run._r.get_or_add_rPr().get_or_add_rFonts().set(qn("w:eastAsia"), font)


def write_styled(path: Path) -> Path:
    """SPEECH with Title / Heading 1 / Heading 2 styles and Normal body."""
    doc = docx.Document()
    for kind, text in SPEECH:
        doc.add_paragraph("".join(text), style=STYLE.get(kind))
    doc.save(path)
    return path


def write_formatted(path: Path) -> Path:
    """SPEECH with every paragraph Normal, headings told only by their direct fonts (GB/T 9704 faces)."""
    doc = docx.Document()
    for kind, text in SPEECH:
        p = doc.add_paragraph()
        if kind == "runin":
            east_asia(p.add_run(text[0]), FACE["h2"])
            east_asia(p.add_run(text[1]), FACE["body"])
        elif text:
            east_asia(p.add_run(text), FACE.get(kind, FACE["body"]))
    doc.save(path)
    return path


def expected_lines(kind_to_level: dict) -> list[tuple]:
    return [(no, "".join(text), kind_to_level.get(kind), kind == "title")
            for no, (kind, text) in enumerate(SPEECH, start=1)]


@pytest.mark.parametrize("write", [write_styled, write_formatted], ids=["styles", "direct-formatting"])
def test_speech_docx_levels_titles_and_numbers(tmp_path, write):
    lines = read_docx_lines(write(tmp_path / "speech.docx"))
    assert [(l.no, l.text, l.hints.level, l.hints.title) for l in lines] == expected_lines(EXPECTED_LEVEL)


def test_read_lines_dispatches_docx(tmp_path):
    path = write_styled(tmp_path / "speech.DOCX")
    assert [l.text for l in read_lines(path)] == [l.text for l in read_docx_lines(path)]


def test_table_cells_are_read_in_place(tmp_path):
    doc = docx.Document()
    doc.add_paragraph("表前")
    table = doc.add_table(rows=2, cols=2)
    for i, cell in enumerate(table._cells):
        cell.text = f"格{i + 1}"
    table.cell(0, 0).add_paragraph("格1第二段")
    doc.add_paragraph("表后")
    doc.save(tmp_path / "t.docx")
    lines = read_docx_lines(tmp_path / "t.docx")
    assert [(l.no, l.text) for l in lines] == list(enumerate(
        ["表前", "格1", "格1第二段", "格2", "格3", "格4", "表后"], start=1))


def test_soft_breaks_tabs_and_empty_paragraphs(tmp_path):
    doc = docx.Document()
    p = doc.add_paragraph()
    p.add_run("今天我们在这里")
    p.add_run().add_break()
    p.add_run("召开会议。")
    p = doc.add_paragraph()
    p.add_run("Word ")
    p.add_run().add_break()
    p.add_run("文档")
    p = doc.add_paragraph()
    p.add_run().add_break()
    p.add_run("一、\t总体要求 ")
    p.add_run().add_break()
    doc.add_paragraph("")
    doc.save(tmp_path / "b.docx")
    lines = read_docx_lines(tmp_path / "b.docx")
    assert [(l.no, l.text, l.hints.level) for l in lines] == [
        (1, "今天我们在这里召开会议。", None), (2, "Word 文档", None), (3, "一、\t总体要求", None), (4, "", None)]


W_NS = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
MC_NS = 'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006"'


def test_text_boxes_follow_their_anchor_and_tracked_deletions_are_not_read(tmp_path):
    doc = docx.Document()
    doc.add_paragraph("前一段")
    box = (f'<w:p {W_NS} {MC_NS}><w:r><w:t>锚点段</w:t></w:r><w:r><mc:AlternateContent>'
           "<mc:Choice Requires=\"wps\"><w:drawing><w:txbxContent><w:p><w:r><w:t>框内文字</w:t></w:r></w:p>"
           "</w:txbxContent></w:drawing></mc:Choice>"
           "<mc:Fallback><w:pict><w:txbxContent><w:p><w:r><w:t>框内文字</w:t></w:r></w:p></w:txbxContent>"
           "</w:pict></mc:Fallback></mc:AlternateContent></w:r></w:p>")
    tracked = (f'<w:p {W_NS}><w:r><w:t>保留</w:t></w:r><w:del w:id="1" w:author="a"><w:r><w:delText>删去</w:delText>'
               '</w:r></w:del><w:ins w:id="2" w:author="a"><w:r><w:t>插入</w:t></w:r></w:ins></w:p>')
    for xml in (box, tracked):
        doc.element.body.insert(len(doc.element.body) - 1, parse_xml(xml))
    doc.save(tmp_path / "x.docx")
    lines = read_docx_lines(tmp_path / "x.docx")
    assert [(l.no, l.text) for l in lines] == [(1, "前一段"), (2, "锚点段"), (3, "框内文字"), (4, "保留插入")]


def add_outline(element, level: int) -> None:
    """Give a paragraph's (or a style's) element a w:outlineLvl."""
    ppr = element.get_or_add_pPr()
    lvl = OxmlElement("w:outlineLvl")
    lvl.set(qn("w:val"), str(level))
    ppr.append(lvl)


def test_levels_from_outline_level_and_localised_style_names(tmp_path):
    doc = docx.Document()
    add_outline(doc.add_paragraph("一、直接大纲级别")._p, 0)
    outlined = doc.styles.add_style("讲话一级", WD_STYLE_TYPE.PARAGRAPH)
    add_outline(outlined.element, 0)
    derived = doc.styles.add_style("讲话一级派生", WD_STYLE_TYPE.PARAGRAPH)
    derived.base_style = outlined
    doc.add_paragraph("二、继承的大纲级别", style=derived)
    for name in ("标题 1", "标题 2", "标题"):
        doc.styles.add_style(name, WD_STYLE_TYPE.PARAGRAPH)
    doc.add_paragraph("关于某某工作的讲话", style="标题")
    doc.add_paragraph("三、本地化样式名", style="标题 1")
    doc.add_paragraph("（一）本地化二级", style="标题 2")
    add_outline(doc.add_paragraph("正文级别覆盖了标题样式", style="Heading 1")._p, 9)
    doc.add_paragraph("（二）大纲三级", style="Heading 3")
    doc.save(tmp_path / "o.docx")
    lines = read_docx_lines(tmp_path / "o.docx")
    assert [(l.hints.level, l.hints.title) for l in lines] == [
        (1, False), (1, False), (None, True), (1, False), (2, False), (None, False), (3, False)]


def face_paragraph(doc, *runs, style=None):
    """A paragraph of runs given as (text, East Asian font, bold)."""
    p = doc.add_paragraph(style=style)
    for text, font, bold in runs:
        run = p.add_run(text)
        run.bold = bold
        if font:
            east_asia(run, font)
    return p


def test_heading_faces_are_read_conservatively(tmp_path):
    doc = docx.Document()
    hei = doc.styles.add_style("黑体字", WD_STYLE_TYPE.CHARACTER)
    hei.element.get_or_add_rPr().get_or_add_rFonts().set(qn("w:eastAsia"), "黑体")
    face_paragraph(doc, ("一、", "SimHei", None), ("2024年工作回顾", "黑体", None))
    doc.add_paragraph().add_run("二、字符样式里的黑体", style="黑体字")
    ascii_only = doc.add_paragraph().add_run("三、只设了西文字体名")
    ascii_only.font.name = "方正黑体_GBK"
    face_paragraph(doc, ("一、" + "很长的黑体段落" * 10, "黑体", None))
    face_paragraph(doc, ("（一）两句话的楷体。第二句还在说。", "KaiTi", None))
    face_paragraph(doc, ("（一）加粗的楷体。第二句还在说。", "楷体_GB2312", True))
    face_paragraph(doc, ("（二）楷体小标题", "华文楷体", None))
    face_paragraph(doc, ("（三）楷体引领句。", "楷体_GB2312", None), ("后面是仿宋正文。", "仿宋_GB2312", None))
    face_paragraph(doc, ("1．加粗的仿宋", "仿宋_GB2312", True))
    face_paragraph(doc, ("1．没加粗的仿宋", "仿宋_GB2312", None))
    face_paragraph(doc, ("1．半加粗", "仿宋_GB2312", True), ("的仿宋", "仿宋_GB2312", False))
    face_paragraph(doc, ("关于某某工作的讲话", "方正小标宋简体", None))
    doc.save(tmp_path / "f.docx")
    lines = read_docx_lines(tmp_path / "f.docx")
    assert [(l.hints.level, l.hints.title) for l in lines] == [
        (1, False), (1, False), (1, False), (None, False), (None, False), (2, False), (2, False),
        (None, False), (3, False), (None, False), (None, False), (None, True)]


def test_a_sentence_set_apart_at_a_paragraphs_start_is_a_run_in_head(tmp_path):
    """Bold, or 黑体/楷体 before another face: one sentence with text after it is a lead; a bold word
    inside a sentence, two sentences in bold, a bold paragraph and plain text are not."""
    doc = docx.Document()
    face_paragraph(doc, ("落实主体责任。", "仿宋_GB2312", True), ("各级党委要扛起责任。", "仿宋_GB2312", None))
    face_paragraph(doc, ("强化监督执纪。", "楷体_GB2312", None), ("要把纪律挺在前面。", "仿宋_GB2312", None))
    face_paragraph(doc, ("要", "仿宋_GB2312", None), ("加强", "仿宋_GB2312", True), ("学习。", "仿宋_GB2312", None))
    face_paragraph(doc, ("重点", "仿宋_GB2312", True), ("工作要抓紧。", "仿宋_GB2312", None))
    face_paragraph(doc, ("一句。两句。", "仿宋_GB2312", True), ("正文在后。", "仿宋_GB2312", None))
    face_paragraph(doc, ("全段加粗的一句话，后面没有正文。", "仿宋_GB2312", True))
    face_paragraph(doc, ("没有格式的一句话。后面还有。", "仿宋_GB2312", None))
    doc.save(tmp_path / "lead.docx")
    assert [line.hints.lead for line in read_docx_lines(tmp_path / "lead.docx")] == [
        True, True, False, False, False, False, False]


def test_a_web_page_saved_as_word_keeps_its_headline_out_of_the_speech(tmp_path):
    """Page 021's main column written as Word writes a saved page: the column name and the page's headline
    in heading styles above the metadata row. The headline is page matter, the speech's three-line title
    is its title, and the speech parses as the saved page does."""
    from drafter.ingest.html import html_lines
    from drafter.structure import read_speech

    page = DATA / "pages" / "021_shaoxing-weekly-study-party-congress.html"
    lines = [line.text for line in html_lines(page.read_text(encoding="utf-8"))]
    doc = docx.Document()
    for text in lines:
        level = {"学习专栏": 3, "每周一学（2022年6月27日——7月3日）": 2}.get(text)
        doc.add_heading(text, level) if level else doc.add_paragraph(text)
    doc.save(tmp_path / "021.docx")
    saved, word = read_speech(page), read_speech(tmp_path / "021.docx")
    assert word.meta.text("title") == saved.meta.text("title") and word.meta.text("title").startswith("忠实践行")
    assert "网页标题" in {r.why for r in word.removed}
    assert [h.title for h in word.headings() if h.style != "lead"] == \
        [h.title for h in saved.headings() if h.style != "lead"]


def truth_002() -> dict:
    return yaml.safe_load((DATA / "seeds.truth.yaml").read_text(encoding="utf-8"))[SEED_002.name]


def seed_002_paragraphs(truth: dict) -> list[str]:
    """The seed's speech lines: non-blank, not page debris, not the page's long title."""
    dropped = {b["line"] for b in truth["boilerplate"]} | set(truth["title_lines"])
    lines = SEED_002.read_text(encoding="utf-8").splitlines()
    return [t for no, t in enumerate(lines, start=1) if t.strip() and no not in dropped]


def test_docx_by_another_tool_texts_and_numbers():
    truth = truth_002()
    lines = read_docx_lines(OTHER_TOOL_002)
    assert [l.no for l in lines] == list(range(1, len(lines) + 1))
    assert lines[0].hints.title and truth["title"].endswith(lines[0].text)
    assert [l.text for l in lines[1:]] == seed_002_paragraphs(truth)
    assert not any(l.hints.title for l in lines[1:])


def test_docx_by_another_tool_heading_levels():
    levels = {l.text: l.hints.level for l in read_docx_lines(OTHER_TOOL_002) if l.hints.level is not None}
    assert levels == {
        "一、深刻认识新时代党的组织路线的形成及重大意义": 1,
        "二、准确把握新时代党的组织路线的科学内涵": 1,
        "三、全面贯彻落实新时代党的组织路线": 1,
        "(一)坚持思想铸魂,在深入学习习近平新时代中国特色社会主义思想上精准聚力。": 2,
        "(二)着眼固本强基,在抓紧抓实基层党组织建设上精准聚力。": 2,
        "(三)突出担当作为,在锻造高素质干部队伍上精准聚力。": 2,
        "(四)坚持创新改革,在持续激发人才工作活力动力上精准聚力。": 2,
    }


# --- through the parser -------------------------------------------------------------------------------

@pytest.fixture
def structure():
    """drafter.structure, the parser these tests read .docx files through."""
    import drafter.structure

    return drafter.structure


def heading_rows(speech) -> list[tuple]:
    return [(s.title, s.depth, s.style, s.run_in) for s in speech.headings()]


def letters(text: str) -> str:
    """Text without punctuation and spaces, so half- and full-width forms compare equal."""
    return re.sub(r"[\W_]+", "", text)


@pytest.mark.parametrize("write", [write_styled, write_formatted], ids=["styles", "direct-formatting"])
def test_speech_docx_parses_like_its_text(tmp_path, structure, write):
    import drafter

    from_docx = structure.read_speech(write(tmp_path / "speech.docx"))
    from_text = drafter.parse_text(speech_text())
    assert heading_rows(from_docx) == heading_rows(from_text)
    assert plain(from_docx.meta.title) == plain(from_text.meta.title) == SPEECH[0][1]
    assert from_docx.salutation == from_text.salutation == "同志们："
    assert [row[1:] for row in heading_rows(from_docx)] == [
        (1, "一、", False), (2, "（一）", False), (2, "（一）", False), (1, "一、", False),
        (2, "（一）", True), (2, "（一）", True), (1, "一、", False)]


def test_docx_by_another_tool_parses_to_the_truth(structure):
    truth = truth_002()
    speech = structure.read_speech(OTHER_TOOL_002)
    expected = [(h["text"], h["depth"], h["style"], h.get("run_in", False)) for h in truth["headings"]]
    assert heading_rows(speech) == expected
    paragraphs = read_docx_lines(OTHER_TOOL_002)
    assert plain(speech.meta.title) == paragraphs[0].text
    for section in speech.headings():
        assert letters(section.title) in letters(paragraphs[section.line - 1].text)
