"""Plain-text and Markdown writers: numbers in order, run-in heads on one line, round trip through the parser."""

import re

import drafter
from drafter import Gap, Meta, Paragraph, Placeholder, Section, Speech
from drafter.render.text import to_markdown, to_text

BODY = "要把对党忠诚、为党分忧、为党尽职、为民造福作为根本政治担当，一以贯之推进党的建设新的伟大工程。"


def para(text=BODY, **kw):
    return Paragraph([text], **kw)


def speech(numbering=None):
    return Speech(
        meta=Meta(title=["在全市组织工作会议上的讲话"], speaker=["市委书记 张明"], date=["2026年11月23日"]),
        front=[para("同志们：", role="salutation"),
               para("今天召开全市组织工作会议，主要任务是总结工作、部署任务。", role="opening"),
               para("下面，我讲三点意见。", role="transition")],
        sections=[
            Section(["提高政治站位，深刻认识做好组织工作的重要意义"], 1, "一、", body=[para()], children=[
                Section(["坚持党的全面领导"], 2, "（一）", body=[para()]),
                Section(["坚持新时代党的组织路线"], 2, "（一）", body=[para()], children=[
                    Section(["全方位加强党的领导"], 3, "1．", run_in=True, body=[para()]),
                    Section(["持续激励干部担当作为"], 3, "1．", run_in=True, body=[para()]),
                ]),
            ]),
            Section(["突出工作重点，推动组织工作高质量发展"], 1, "一、", body=[para()], children=[
                Section(["要筑牢思想根基，做到信念过硬"], 2, "第一，", run_in=True, body=[para(), para()]),
                Section(["要增强四个意识，做到政治过硬"], 2, "第一，", run_in=True, body=[para()]),
            ]),
            Section(["加强自身建设，打造模范部门和过硬队伍"], 1, "一、", body=[para()]),
        ],
        back=[para("同志们，新时代要有新气象新作为。让我们奋发有为，再创佳绩！", role="closing")],
        numbering=numbering,
    )


def test_text_has_the_derived_numbers_in_order():
    text = to_text(speech())
    marks = re.findall(r"^(一、|二、|三、|（一）|（二）|1\.|2\.|第一，|第二，)", text, re.M)
    assert marks == ["一、", "（一）", "（二）", "1.", "2.", "二、", "第一，", "第二，", "三、"]


def test_text_puts_run_in_heads_and_their_first_paragraph_on_one_line():
    lines = to_text(speech()).split("\n\n")
    assert "1.全方位加强党的领导。" + BODY in lines
    assert "第一，要筑牢思想根基，做到信念过硬。" + BODY in lines
    # the second paragraph of that section stands on its own
    i = lines.index("第一，要筑牢思想根基，做到信念过硬。" + BODY)
    assert lines[i + 1] == BODY


def test_text_starts_with_the_title_block_and_separates_paragraphs_by_blank_lines():
    lines = to_text(speech()).split("\n\n")
    assert lines[:4] == ["在全市组织工作会议上的讲话", "市委书记 张明", "（2026年11月23日）", "同志们："]
    assert all(line and "\n" not in line for line in lines[:-1])


def test_standalone_heads_lose_their_final_full_stop():
    s = Speech(sections=[Section(["坚持党的全面领导。"], 1, "一、", body=[para()])])
    assert to_text(s).startswith("一、坚持党的全面领导\n\n")


def test_speech_numbering_renumbers_in_another_ladder():
    text = to_text(speech(numbering=("一、", "第一，", "1．")))
    assert "第一，坚持党的全面领导" in text and "第二，坚持新时代党的组织路线" in text


def test_placeholders_are_visible_and_hints_stay_out_of_plain_text():
    s = Speech(meta=Meta(title=["在", Placeholder("occasion", "会议名称", hint="写全称"), "上的讲话"]),
               front=[Paragraph(["今天召开", Placeholder("occasion", "会议名称")], role="opening", hint="交代背景")],
               sections=[Section(["抓好", Placeholder("x", "重点工作")], 1, "一、", hint="政治建设",
                                 body=[Gap(3, 120)])])
    text = to_text(s)
    assert text.startswith("在【会议名称】上的讲话")
    assert "一、抓好【重点工作】" in text and "【此处隐藏120字】" in text
    assert "写全称" not in text and "交代背景" not in text and "政治建设" not in text


def test_markdown_headings_by_depth_with_numbers_and_hints_as_blockquotes():
    s = speech()
    s.sections[0].hint = "讲政治"
    s.front[1].hint = "交代会议背景"
    md = to_markdown(s)
    assert md.startswith("# 在全市组织工作会议上的讲话\n")
    assert "\n## 一、提高政治站位，深刻认识做好组织工作的重要意义\n> 提示：讲政治\n" in md
    assert "\n### （二）坚持新时代党的组织路线\n" in md
    assert "\n**1.全方位加强党的领导。**" + BODY + "\n" in md
    assert "主要任务是总结工作、部署任务。\n> 提示：交代会议背景\n" in md


def test_markdown_shows_placeholder_hints_and_escapes_line_starts():
    s = Speech(front=[Paragraph(["#号开头 ", Placeholder("n", "数字", hint="填阿拉伯数字")])])
    md = to_markdown(s)
    assert md.startswith("\\#号开头 【数字】\n> 提示（【数字】）：填阿拉伯数字\n")


def test_text_round_trips_through_the_parser():
    original = speech()
    back = drafter.parse_text(to_text(original))
    got = [(h.depth, h.style, h.run_in, h.title) for h in back.headings()]
    want = [(h.depth, h.style, h.run_in, h.title) for h in original.headings()]
    assert got == want
    assert back.meta.text("title") == "在全市组织工作会议上的讲话"
    assert back.meta.text("date") == "2026年11月23日"
    assert back.salutation == "同志们："
    assert [p.text for p in back.paragraphs()] == [p.text for p in original.paragraphs()]
    assert [p.role for p in back.front] == [p.role for p in original.front]
    assert [p.role for p in back.back] == ["closing"]


def test_gaps_round_trip_through_the_parser():
    s = Speech(sections=[Section(["甲"], 1, "一、", body=[para()]),
                         Section(["乙"], 1, "一、", body=[para(), Gap(None, 5967)]),
                         Section(None, 1, "一、", body=[para()]),
                         Section(["丁"], 1, "一、", body=[para()])])
    text = to_text(s)
    assert "四、丁" in text and "三、" not in text
    back = drafter.parse_text(text)
    assert [g.hidden_chars for g in back.gaps()] == [5967]
