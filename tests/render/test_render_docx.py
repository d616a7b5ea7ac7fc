"""The .docx writer: content round trip, real styles, GB/T 9704 page and type in the XML, determinism."""

import re
import zipfile

import docx
import pytest

from drafter import DrafterError, Gap, Meta, Paragraph, Placeholder, Section, Speech
from drafter.api import write_speech
from drafter.library import Library
from drafter.render.docx import build_document, is_style_separator
from drafter.render.text import to_text

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
BODY = "要把对党忠诚、为党分忧、为党尽职、为民造福作为根本政治担当，一以贯之推进党的建设新的伟大工程。"


def para(text=BODY, **kw):
    return Paragraph([text], **kw)


def skeleton():
    """A speech using every kind of block the writer knows."""
    return Speech(
        meta=Meta(title=["在", Placeholder("occasion", "会议名称", hint="写会议全称"), "上的讲话"],
                  speaker=["市委书记 ", Placeholder("name", "姓名")], date=["2026年11月23日"]),
        front=[para("同志们：", role="salutation"),
               Paragraph(["今天召开", Placeholder("occasion", "会议名称"), "，主要任务是……"], role="opening",
                         hint="交代会议背景、讲话依据"),
               para("下面，我讲三点意见。", role="transition")],
        sections=[
            Section(["提高政治站位，深刻认识做好组织工作的重要意义"], 1, "一、", hint="政治建设", body=[para()],
                    children=[
                Section(["坚持党的全面领导"], 2, "（一）", body=[para()]),
                Section(["坚持新时代党的组织路线"], 2, "（一）", body=[para()], children=[
                    Section(["全方位加强党的领导"], 3, "1．", run_in=True, body=[para(), para()]),
                    Section(["持续激励干部担当作为"], 3, "1．", body=[para()], children=[
                        Section(["细化考核"], 4, "（1）", run_in=True, body=[para()]),
                        Section(["强化激励"], 4, "（1）", body=[para()]),
                    ]),
                ]),
            ]),
            Section(["突出工作重点，推动组织工作高质量发展"], 1, "一、", body=[para()], children=[
                Section(["要筑牢思想根基，做到信念过硬"], 2, "第一，", run_in=True, body=[para()]),
                Section(["抓牢责任制"], 2, "lead", body=[para()]),
                Section(None, 2, "第一，", body=[Gap(None, 5967), para()]),
                Section(["要践行三严三实，做到作风过硬"], 2, "第一，", run_in=True, body=[para()]),
            ]),
        ],
        back=[Paragraph(["同志们，", Placeholder("call", "号召语")], role="closing")],
    )


@pytest.fixture(scope="module")
def written(tmp_path_factory):
    path = tmp_path_factory.mktemp("docx") / "skeleton.docx"
    write_speech(skeleton(), path)
    return path


def part(path, name):
    with zipfile.ZipFile(path) as z:
        return z.read(name).decode("utf-8")


def heading_rows(document):
    return [(int(p.style.name.split()[-1]), p.text) for p in document.paragraphs if p.style.name.startswith("Heading")]


def printed(document):
    """The paragraphs as the page shows them: a paragraph whose mark is a style separator runs on
    into the next one."""
    out, runs_on = [], False
    for p in document.paragraphs:
        if runs_on:
            out[-1] += p.text
        else:
            out.append(p.text)
        runs_on = is_style_separator(p._p)
    return out


def test_paragraph_texts_are_the_numbered_text_of_the_speech(written):
    document = docx.Document(str(written))
    assert printed(document) == to_text(skeleton()).strip().split("\n\n")


def test_headings_depths_and_numbering_read_back_from_heading_styles(written):
    rows = heading_rows(docx.Document(str(written)))
    heads = [(depth, text.split("。")[0] if "。" in text else text) for depth, text in rows]
    assert heads == [
        (1, "一、提高政治站位，深刻认识做好组织工作的重要意义"),
        (2, "（一）坚持党的全面领导"),
        (2, "（二）坚持新时代党的组织路线"),
        (3, "1.全方位加强党的领导"),
        (3, "2.持续激励干部担当作为"),
        (4, "（1）细化考核"),
        (4, "（2）强化激励"),
        (1, "二、突出工作重点，推动组织工作高质量发展"),
        (2, "第一，要筑牢思想根基，做到信念过硬"),
        (2, "抓牢责任制"),
        (2, "第四，要践行三严三实，做到作风过硬"),
    ]


def test_run_in_heads_share_the_line_in_their_own_formatting(written):
    """A run-in head is its own heading paragraph ending in Word's style separator (a hidden mark),
    so the navigation pane lists the sentence; its text follows on the same line."""
    document = docx.Document(str(written))
    paragraphs = document.paragraphs
    at = next(i for i, p in enumerate(paragraphs) if p.text.startswith("1.全方位"))
    run_in, text = paragraphs[at], paragraphs[at + 1]
    assert run_in.style.name == "Heading 3" and run_in.text == "1.全方位加强党的领导。"
    assert [(r.text, r.style.name) for r in run_in.runs] == [("1.全方位加强党的领导。", "Default Paragraph Font")]
    mark = run_in._p.pPr.find(W + "rPr")
    assert mark.find(W + "vanish") is not None and mark.find(W + "specVanish") is not None
    assert text.style.name == "Normal" and text.paragraph_format.first_line_indent == 0
    assert [(r.text, r.style.name) for r in text.runs] == [(BODY, "Run-in Body")]
    assert not is_style_separator(text._p)
    at = next(i for i, p in enumerate(paragraphs) if p.text.startswith("抓牢责任制"))
    lead = paragraphs[at]
    assert lead.runs[0].style.name == "Lead Heading" and lead.text == "抓牢责任制。"
    assert is_style_separator(lead._p) and paragraphs[at + 1].text == BODY
    assert document.styles["Lead Heading"].font.bold is True
    assert document.styles["Run-in Body"].font.bold is False


def test_every_paragraph_has_a_real_style(written):
    styles = [p.style.name for p in docx.Document(str(written)).paragraphs]
    assert styles[:5] == ["Title", "Speaker", "Date", "Salutation", "Normal"]
    assert styles[-1] == "Normal"
    document = part(written, "word/document.xml")
    # no direct run formatting besides the East Asian hint, character styles and the hidden mark of
    # a style separator
    for rpr in re.findall(r"<w:rPr>(.*?)</w:rPr>", document):
        assert re.fullmatch(r'(<w:rStyle w:val="[^"]+"/>)?(<w:rFonts w:hint="eastAsia"/>)?|<w:vanish/><w:specVanish/>',
                            rpr), rpr


def test_placeholders_are_highlighted_runs_everywhere(written):
    document = docx.Document(str(written))
    marked = [r.text for p in document.paragraphs for r in p.runs if r.style.name == "Placeholder"]
    assert marked == ["【会议名称】", "【姓名】", "【会议名称】", "【此处隐藏5967字】", "【号召语】"]
    styles = part(written, "word/styles.xml")
    placeholder = re.search(r'<w:style w:type="character" w:styleId="Placeholder">.*?</w:style>', styles).group(0)
    assert '<w:highlight w:val="yellow"/>' in placeholder


def test_hints_become_comments_not_body_text(written):
    document = docx.Document(str(written))
    hints = sorted(c.text for c in document.comments)
    assert hints == sorted(["写会议全称", "交代会议背景、讲话依据", "政治建设"])
    body = "\n".join(p.text for p in document.paragraphs)
    assert not any(h in body for h in hints)
    assert "w:date" not in part(written, "word/comments.xml")


def test_page_is_a4_with_gbt9704_margins_and_a_22_line_grid(written):
    xml = part(written, "word/document.xml")
    assert '<w:pgSz w:w="11906" w:h="16838"/>' in xml
    margins = re.search(r"<w:pgMar [^>]*/>", xml).group(0)
    for side, twips in (("top", 2098), ("bottom", 1984), ("left", 1587), ("right", 1474)):
        assert f'w:{side}="{twips}"' in margins
    assert '<w:docGrid w:type="lines" w:linePitch="579"/>' in xml


def style_xml(path, style_id):
    return re.search(rf'<w:style [^>]*w:styleId="{style_id}"[^>]*>.*?</w:style>',
                     part(path, "word/styles.xml")).group(0)


def test_body_style_has_exact_lines_28_characters_and_two_character_indent(written):
    normal = style_xml(written, "Normal")
    assert 'w:line="579" w:lineRule="exact"' in normal
    assert '<w:spacing w:val="-5"/>' in normal
    assert '<w:sz w:val="32"/>' in normal
    assert '<w:ind w:firstLine="630"/>' in normal and '<w:jc w:val="both"/>' in normal


def test_fonts_are_east_asian_with_no_theme_fonts(written):
    styles = part(written, "word/styles.xml")
    defaults = re.search(r"<w:docDefaults>.*?</w:docDefaults>", styles).group(0)
    assert 'w:eastAsia="仿宋_GB2312"' in defaults and 'w:ascii="Times New Roman"' in defaults
    assert '<w:lang w:val="en-US" w:eastAsia="zh-CN"' in defaults
    for style_id, font in (("Normal", "仿宋_GB2312"), ("Title", "方正小标宋简体"), ("Heading1", "黑体"),
                           ("Heading2", "楷体_GB2312"), ("Heading3", "仿宋_GB2312"), ("Speaker", "楷体_GB2312")):
        assert f'w:eastAsia="{font}"' in style_xml(written, style_id)
    for name in ("styles.xml", "document.xml"):
        assert not re.search(r"w:(ascii|hAnsi|eastAsia|cs)[Tt]heme=", part(written, f"word/{name}"))
    assert '<w:themeFontLang w:val="en-US" w:eastAsia="zh-CN"/>' in part(written, "word/settings.xml")
    assert '<w:rFonts w:hint="eastAsia"/>' in part(written, "word/document.xml")


def test_font_table_names_fallbacks(written):
    fonts = part(written, "word/fontTable.xml")
    assert re.search(r'<w:font w:name="仿宋_GB2312"><w:altName w:val="仿宋[^"]*"/>', fonts)
    assert re.search(r'<w:font w:name="方正小标宋简体"><w:altName w:val="华文中宋,宋体"/>', fonts)


def test_title_and_headings_are_styled_to_the_standard(written):
    title = style_xml(written, "Title")
    assert '<w:sz w:val="44"/>' in title and '<w:jc w:val="center"/>' in title
    assert '<w:snapToGrid w:val="0"/>' in title
    for depth in (1, 2, 3, 4):
        assert f'<w:outlineLvl w:val="{depth - 1}"/>' in style_xml(written, f"Heading{depth}")
    assert "<w:b/>" in style_xml(written, "Heading3")
    assert "<w:b/>" not in style_xml(written, "Heading1")


def test_footers_carry_a_page_field_odd_right_even_left(written):
    assert "<w:evenAndOddHeaders/>" in part(written, "word/settings.xml")
    with zipfile.ZipFile(written) as z:
        footers = [z.read(n).decode() for n in sorted(z.namelist()) if n.startswith("word/footer")]
    assert len(footers) == 2
    styles = set()
    for footer in footers:
        assert re.search(r'<w:fldChar w:fldCharType="begin"/>.*<w:instrText xml:space="preserve"> PAGE </w:instrText>'
                         r'.*<w:fldChar w:fldCharType="end"/>', footer)
        texts = re.findall(r"<w:t(?: [^>]*)?>([^<]*)</w:t>", footer)
        assert texts[0] == "— " and texts[-1] == " —"
        styles.add(re.search(r'<w:pStyle w:val="([^"]+)"/>', footer).group(1))
    assert styles == {"PageNumberOdd", "PageNumberEven"}
    assert '<w:jc w:val="right"/>' in style_xml(written, "PageNumberOdd")
    assert '<w:jc w:val="left"/>' in style_xml(written, "PageNumberEven")
    assert '<w:sz w:val="28"/>' in style_xml(written, "Footer")


def test_same_speech_gives_byte_identical_files(tmp_path):
    a, b = tmp_path / "a.docx", tmp_path / "b.docx"
    write_speech(skeleton(), a)
    write_speech(skeleton(), b)
    assert part(a, "word/document.xml") == part(b, "word/document.xml")
    assert a.read_bytes() == b.read_bytes()
    core = part(a, "docProps/core.xml")
    assert "dcterms:created" not in core and "dcterms:modified" not in core


def test_long_titles_break_into_lines_inside_one_title_paragraph():
    s = Speech(meta=Meta(title=["市委常委、组织部长在全市组织工作会议上的讲话"],
                         subtitle=["在全市组织工作会议上的讲话"]))
    document = build_document(s, Library.resolve().profile("gbt9704"))
    title, subtitle = document.paragraphs[:2]
    assert title.style.name == "Title" and title.text == "市委常委、组织部长在全市\n组织工作会议上的讲话"
    assert subtitle.style.name == "Subtitle" and subtitle.text == "——在全市组织工作会议上的讲话"


def test_roles_and_deep_headings_get_their_styles():
    s = Speech(front=[para("● 导语", role="pull_quote")], back=[para("（作者系市委书记）", role="author_note")],
               sections=[Section(["一"], 1, body=[], children=[Section(["二"], 2, "（一）", children=[
                   Section(["三"], 3, "1．", children=[Section(["四"], 4, "（1）", children=[
                       Section(["五"], 5, "none")])])])])])
    document = build_document(s, Library.resolve().profile("gbt9704"))
    assert [p.style.name for p in document.paragraphs] == [
        "Pull Quote", "Heading 1", "Heading 2", "Heading 3", "Heading 4", "Heading 5", "Author Note"]
    fifth = document.styles["Heading 5"].element.xml
    assert '<w:outlineLvl w:val="4"/>' in fifth


def test_speech_profile_sets_large_type_30pt_lines_and_centred_numbers(tmp_path):
    path = write_speech(skeleton(), tmp_path / "s.docx", style="speech")
    assert '<w:docGrid w:type="lines" w:linePitch="600"/>' in part(path, "word/document.xml")
    normal, title = style_xml(path, "Normal"), style_xml(path, "Title")
    assert '<w:sz w:val="36"/>' in normal and 'w:line="600" w:lineRule="exact"' in normal
    assert '<w:sz w:val="48"/>' in title
    assert "evenAndOddHeaders" not in part(path, "word/settings.xml")
    footer = part(path, "word/footer1.xml")
    assert '<w:pStyle w:val="Footer"/>' in footer and " PAGE " in footer
    assert '<w:jc w:val="center"/>' in style_xml(path, "Footer")


def test_windows_fonts_profile_names_windows_fonts_with_fallbacks(tmp_path):
    path = write_speech(skeleton(), tmp_path / "w.docx", style="windows-fonts")
    assert 'w:eastAsia="仿宋"' in style_xml(path, "Normal")
    assert 'w:eastAsia="楷体"' in style_xml(path, "Heading2")
    title = style_xml(path, "Title")
    assert 'w:eastAsia="宋体"' in title and "<w:b/>" in title
    assert "_GB2312" not in part(path, "word/styles.xml")
    assert re.search(r'<w:font w:name="仿宋"><w:altName w:val="仿宋_GB2312,FangSong"/>',
                     part(path, "word/fontTable.xml"))


def test_a_profile_file_can_extend_a_built_in_one(tmp_path):
    custom = tmp_path / "house.yaml"
    custom.write_text("extends: gbt9704\nnumbering: {dot: ．}\nstyles:\n  salutation: {indent_chars: 2}\n",
                      encoding="utf-8")
    path = write_speech(skeleton(), tmp_path / "h.docx", style=str(custom))
    document = docx.Document(str(path))
    assert any(p.text.startswith("1．全方位") for p in document.paragraphs)
    assert '<w:ind w:firstLine="630"/>' in style_xml(path, "Salutation")
    assert '<w:docGrid w:type="lines" w:linePitch="579"/>' in part(path, "word/document.xml")


def test_unknown_profile_lists_the_known_ones(tmp_path):
    with pytest.raises(DrafterError) as err:
        write_speech(skeleton(), tmp_path / "x.docx", style="nonesuch")
    message = str(err.value)
    assert "nonesuch" in message and all(name in message for name in ("gbt9704", "speech", "windows-fonts"))
    assert "\n" not in message
    assert not (tmp_path / "x.docx").exists()


def make_reference(path):
    from docx.shared import Inches, Pt, RGBColor

    document = docx.Document()
    section = document.sections[0]
    section.page_width, section.page_height = Inches(8.5), Inches(11)
    section.left_margin = Inches(1.25)
    document.styles["Normal"].font.size = Pt(12)
    document.styles["Heading 1"].font.color.rgb = RGBColor(0x12, 0x34, 0x56)
    document.add_paragraph("旧正文 old body text")
    document.add_heading("旧标题", level=1)
    document.save(str(path))


def test_reference_doc_supplies_styles_and_page_setup(tmp_path):
    reference = tmp_path / "house.docx"
    make_reference(reference)
    path = write_speech(skeleton(), tmp_path / "r.docx", reference_doc=reference)
    document = docx.Document(str(path))
    texts = [p.text for p in document.paragraphs]
    assert "旧正文 old body text" not in texts and "旧标题" not in texts
    assert printed(document) == to_text(skeleton()).strip().split("\n\n")
    section = document.sections[0]
    assert section.page_width.inches == pytest.approx(8.5) and section.left_margin.inches == pytest.approx(1.25)
    assert document.styles["Normal"].font.size.pt == 12
    assert str(document.styles["Heading 1"].font.color.rgb) == "123456"
    # styles the reference lacks come from the profile
    assert "Placeholder" in [s.name for s in document.styles]
    assert heading_rows(document)[0] == (1, "一、提高政治站位，深刻认识做好组织工作的重要意义")


def test_a_bad_reference_doc_is_one_clear_error(tmp_path):
    with pytest.raises(DrafterError, match="参考文档不存在"):
        write_speech(skeleton(), tmp_path / "a.docx", reference_doc=tmp_path / "missing.docx")
    bogus = tmp_path / "bogus.docx"
    bogus.write_text("not a zip", encoding="utf-8")
    with pytest.raises(DrafterError, match="参考文档无法打开"):
        write_speech(skeleton(), tmp_path / "b.docx", reference_doc=bogus)


@pytest.mark.parametrize("yaml_text, message", [
    ("extends: gbt9704\nstyles:\n  body: {font: comic}\n", "comic"),
    ("extends: gbt9704\npage_number: {position: top}\n", "outside center"),
    ("extends: loop\n", "循环"),
    ("page: [unclosed\n", "loop.yaml:2:1"),
    ("name: bare\n", "page"),
])
def test_bad_profiles_are_one_clear_error(tmp_path, yaml_text, message):
    folder = tmp_path / "templates" / "styles"
    folder.mkdir(parents=True)
    (folder / "loop.yaml").write_text(yaml_text, encoding="utf-8")
    with pytest.raises(DrafterError) as err:
        build_document(skeleton(), Library.resolve([tmp_path]).profile("loop"))
    assert message in str(err.value) and "\n" not in str(err.value)


def test_a_library_profile_is_found_by_name_and_listed(tmp_path):
    folder = tmp_path / "templates" / "styles"
    folder.mkdir(parents=True)
    (folder / "house.yaml").write_text("extends: speech\ntext_size: 17\n", encoding="utf-8")
    document = build_document(skeleton(), Library.resolve([tmp_path]).profile("house"))
    assert document.styles["Normal"].font.size.pt == 17
    with pytest.raises(DrafterError, match="house"):
        build_document(skeleton(), Library.resolve([tmp_path]).profile("nonesuch"))
