"""Where a table cell breaks (``drafter phrases``): between Chinese characters, never inside a number
or a file name that fits, never before a closing mark; an indented line goes on indented; nothing lost."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from drafter.cli.cells import CLOSING, text_width
from drafter.cli.phrases_view import DIM, fold


def lines(text: str, width: int, style: str | None = None) -> list[str]:
    return ["".join(t for t, _ in line) for line in fold([(text, style)], width)]


def test_a_sources_line_keeps_its_numbers_whole_and_its_indent():
    got = lines("产业高质量发展\n  内蒙古自治区_2026:44、四川省_2026:51 等 12 处", 41)
    assert got == ["产业高质量发展", "  内蒙古自治区_2026:44、四川省_2026:51 等", "  12 处"]
    assert lines("  内蒙古自治区_2026:44、四川省_2026:51 等 12 处", 40)[1] == "  等 12 处"
    assert lines("  安徽省_2026:114、新疆维吾尔自治区_2026:84 等 4 处", 36) == [
        "  安徽省_2026:114、新疆维吾尔自治", "  区_2026:84 等 4 处"]         # a file's name is not cut at its _


def test_a_number_keeps_the_measure_word_it_counts():
    assert lines("  内蒙古自治区_2026:60、四川省_2026:100 等 9 处", 42) == [
        "  内蒙古自治区_2026:60、四川省_2026:100 等", "  9 处"]
    assert lines("共 1234 处", 7) == ["共", "1234 处"] and lines("共 1234 处", 6) == ["共", "1234", "处"]


def test_a_closing_mark_takes_down_what_it_closes():
    assert lines("坚持稳中求进工作总基调。", 22) == ["坚持稳中求进工作总基", "调。"]
    assert lines("一二三四五，六", 10) == ["一二三四", "五，六"]


def test_a_run_wider_than_a_line_is_broken_where_it_must():
    assert lines("见 000_251da491407e7ad2.txt:12", 12) == ["见", "000_251da491", "407e7ad2.txt", ":12"]


def test_styles_stay_with_their_characters():
    out = fold([("第一", None), ("要点", DIM), (" 12 处", None)], 6)
    assert out == [[("第一", None), ("要", DIM)], [("点", DIM)], [("12 处", None)]]


texts = st.text(alphabet=st.sampled_from(list("讲话稿要点，。、）”ab12_: \n")), max_size=60)


@given(texts, st.integers(4, 30))
def test_nothing_is_lost_and_no_line_is_too_wide(text, width):
    got = lines(text, width)
    assert all(text_width(line) <= width for line in got)
    assert "".join(got).replace(" ", "") == text.replace("\n", "").replace(" ", "")


words = st.text(alphabet="讲话稿要点", min_size=1, max_size=5)
chinese = st.lists(st.tuples(words, st.sampled_from(["", *"，。、）"])), max_size=12).map(
    lambda parts: "".join(a + b for a, b in parts))


@given(chinese, st.integers(6, 30))
def test_no_line_opens_with_a_closing_mark(text, width):
    got = lines(text, width)
    assert "".join(got) == text and not any(line[:1] in CLOSING for line in got)
