"""Numbering is derived from position and style; titles break at natural points."""

import pytest

from drafter import DrafterError, Placeholder, Section
from drafter.render.numbering import effective_style, numbered
from drafter.zh import chinese_numeral, mark
from drafter.render.titlebreak import break_title


@pytest.mark.parametrize("n, cn", [(1, "一"), (9, "九"), (10, "十"), (11, "十一"), (19, "十九"),
                                   (20, "二十"), (21, "二十一"), (99, "九十九")])
def test_chinese_numerals(n, cn):
    assert chinese_numeral(n) == cn


def test_chinese_numerals_beyond_99_are_an_error():
    with pytest.raises(DrafterError):
        chinese_numeral(100)


@pytest.mark.parametrize("style, n, expected", [
    ("一、", 3, "三、"), ("（一）", 12, "（十二）"), ("1．", 4, "4."), ("（1）", 2, "（2）"),
    ("第一，", 2, "第二，"), ("lead", 5, ""), ("none", 1, ""),
])
def test_marks(style, n, expected):
    assert mark(style, n) == expected


def test_the_dot_after_arabic_numbers_is_a_setting():
    assert mark("1．", 7, dot="．") == "7．"


def test_unknown_style_is_an_error():
    with pytest.raises(DrafterError):
        mark("A.", 1)


def test_speech_numbering_overrides_numbered_styles_but_not_lead_or_none():
    ladder = ("一、", "第一，")
    assert effective_style(Section(["x"], depth=2, style="（一）"), ladder) == "第一，"
    assert effective_style(Section(["x"], depth=2, style="lead"), ladder) == "lead"
    assert effective_style(Section(["x"], depth=3, style="（1）"), ladder) == "（1）"


def test_a_section_without_a_style_takes_the_default_ladder_by_depth():
    assert [effective_style(Section(["x"], depth=d, style=""), None) for d in (1, 2, 3, 4, 5)] == \
        ["一、", "（一）", "1．", "（1）", "（1）"]


def test_numbers_come_from_position_among_siblings_and_hidden_heads_count():
    tree = [
        Section(["甲"], 1, "一、", children=[Section(["子一"], 2, "（一）"), Section(["子二"], 2, "（一）")]),
        Section(None, 1, "一、"),
        Section(["丙"], 1, "一、", children=[Section(["孙"], 2, "第一，")]),
    ]
    marks = [(s.title, m) for s, _, m in numbered(tree, None)]
    assert marks == [("甲", "一、"), ("子一", "（一）"), ("子二", "（二）"), ("", "二、"), ("丙", "三、"),
                     ("孙", "第一，")]


def test_reordering_renumbers():
    a, b = Section(["甲"], 1, "一、"), Section(["乙"], 1, "一、")
    assert [m for _, _, m in numbered([b, a], None)] == ["一、", "二、"]
    assert [s.title for s, _, _ in numbered([b, a], None)] == ["乙", "甲"]


def lines(title, capacity=20):
    return ["".join(str(p) for p in line)
            for line in break_title([title] if isinstance(title, str) else title, capacity)]


def test_short_title_stays_on_one_line():
    assert lines("在全市组织工作会议上的讲话") == ["在全市组织工作会议上的讲话"]


@pytest.mark.parametrize("title, expected", [
    ("市委常委、组织部长在全市组织工作会议上的讲话", ["市委常委、组织部长在全市", "组织工作会议上的讲话"]),
    ("坚定理想信念 筑牢信仰之基 以高质量党建引领高质量发展",
     ["坚定理想信念 筑牢信仰之基", "以高质量党建引领高质量发展"]),
    ("贯彻新时代党的组织路线 努力推动组织工作高质量发展", ["贯彻新时代党的组织路线", "努力推动组织工作高质量发展"]),
    ("在庆祝中国共产党成立一百周年暨“两优一先”表彰大会上的讲话",
     ["在庆祝中国共产党成立一百周年暨", "“两优一先”表彰大会上的讲话"]),
    ("在专题学习总书记在二十届中央政治局第二十一次集体学习时重要讲话精神研讨交流会上的发言",
     ["在专题学习总书记在二十届中央政治局", "第二十一次集体学习时重要讲话精神", "研讨交流会上的发言"]),
])
def test_long_titles_break_at_natural_points(title, expected):
    assert lines(title) == expected


@pytest.mark.parametrize("title", [
    "市委常委、组织部长在全市组织工作会议上的讲话",
    "关于进一步加强新时代基层党组织建设工作的实施意见和有关问题的说明",
    "县委书记在全县领导干部大会上关于深入推进全面从严治党向纵深发展的讲话",
])
def test_broken_titles_fit_lose_nothing_and_keep_the_top_line_longest(title):
    got = lines(title)
    assert len(got) > 1
    assert "".join(got) == title
    assert all(len(line) <= 20 for line in got)
    assert len(got[0]) >= len(got[-1])


def test_latin_words_numbers_and_placeholders_are_never_split():
    got = lines("在2024年全市ABCDEF数字化转型工作推进会暨专题培训班开班式上的讲话")
    assert any("ABCDEF" in line for line in got) and any("2024" in line for line in got)
    ph = Placeholder("occasion", "会议名称很长很长很长")
    parts = break_title(["市委书记在", ph, "上关于全面从严治党的讲话"], 12)
    assert sum(part.count(ph) for part in parts) == 1
