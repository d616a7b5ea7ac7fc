"""Texts in traditional characters are parsed through their simplified form and shown as written:
three real 范文 pages in traditional characters (tests/data/pages), the 1954 government work report
(the shared corpus) and the 1955 one (one heading in traditional characters), whose every text the
parser gives must read, in simplified characters, exactly as the parse of the simplified copy does,
and hold only Chinese characters of the source."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from drafter.ingest.text import split_lines
from drafter.model import Gap, Speech
from drafter.structure import parse_lines
from drafter.structure.traditional import changed_characters, fold, simplified
from drafter.structure.traditional_chars import CHARACTERS

ROOT = Path(__file__).resolve().parents[2]
PAGES = ROOT / "tests" / "data" / "pages"
TRADITIONAL = sorted(PAGES.glob("*traditional*"))
REPORTS = next((p for p in (ROOT.parent / "shared" / "corpus" / "gov-reports",
                            Path("/work/shared/corpus/gov-reports")) if p.is_dir()), None)
SOURCES = TRADITIONAL + ([REPORTS / "1954.txt", REPORTS / "1955.txt"] if REPORTS else [])
CJK = re.compile(r"[\u3400-\u9fff]")


def texts(speech: Speech) -> list[tuple[str, str]]:
    """Every text a Speech holds from its source, with where it is."""
    out = [(name, speech.meta.text(name) or "") for name in speech.meta.FIELDS]
    out += [("paragraph", p.text) for p in [*speech.front, *speech.back]]
    for section in speech.walk():
        out.append(("heading", section.title))
        out += [("gap" if isinstance(b, Gap) else "paragraph", b.marker if isinstance(b, Gap) else b.text)
                for b in section.body]
    out += [("removed", r.text) for r in speech.removed]
    out += [("transition", speech.transition or "")]
    for part in speech.parts:
        out += [("part title", part.title or ""), ("part speaker", part.speaker or "")] + texts(part.speech)
    return out


def test_there_are_traditional_texts_to_test():
    assert len(TRADITIONAL) >= 3


@pytest.mark.parametrize("path", SOURCES, ids=[p.name for p in SOURCES])
def test_a_traditional_text_reads_as_its_simplified_copy_and_keeps_its_characters(path):
    source = path.read_text(encoding="utf-8")
    written = parse_lines(split_lines(source))
    copy = parse_lines(split_lines(source), as_written=False)
    got, want = texts(written), texts(copy)
    assert [(where, simplified(text)) for where, text in got] == want
    assert got != want                                   # the source's own characters are back
    chars = set(CJK.findall(source))                     # (punctuation is normalised: ! → ！)
    assert [(where, text) for where, text in got if not set(CJK.findall(text)) <= chars] == []


@pytest.mark.skipif(REPORTS is None, reason="the shared corpus (../shared/corpus/gov-reports) is absent")
def test_a_report_keeps_its_heading_as_written_and_mining_reads_it_simplified():
    source = (REPORTS / "1955.txt").read_text(encoding="utf-8")
    written = parse_lines(split_lines(source))
    copy = parse_lines(split_lines(source), as_written=False)
    assert "第一個五年計劃的若幹問題" in [s.title for s in written.sections]    # as written (若幹 for 若干)
    assert "第一个五年计划的若干问题" in [s.title for s in copy.sections]
    source = (REPORTS / "1954.txt").read_text(encoding="utf-8")
    written = parse_lines(split_lines(source))
    copy = parse_lines(split_lines(source), as_written=False)
    assert written.salutation == copy.salutation == "各位代表："
    assert any("我們" in p.text for p in written.paragraphs())
    assert not any("我們" in p.text for p in copy.paragraphs())


def test_a_text_in_simplified_characters_is_read_as_it_is():
    lines = split_lines("同志们：\n今天我们召开会议，显著提高工作质量。乾隆年间的故事不必再讲。\n")
    assert fold(lines) is None                            # 显著 and 乾隆 are words t2s keeps


def test_a_word_is_converted_as_a_word_and_every_line_keeps_its_length():
    source = "顯著成績\n乾坤\n頭髮乾淨\n"
    copy = simplified(source)
    assert copy == "显著成绩\n乾坤\n头发干净\n"
    assert [len(a) for a in source.split("\n")] == [len(b) for b in copy.split("\n")]


def test_a_text_joined_from_lines_takes_each_piece_from_its_place():
    lines = split_lines("關於發展問題\n我們要發展，\n也要後來居上。\n皇后區\n")
    folded = fold(lines)
    assert folded is not None
    assert folded.text("我们要发展，也要后来居上。") == "我們要發展，也要後來居上。"
    assert folded.text("——皇后区") == "——皇后區"            # 后 as the source writes it there


def test_the_shipped_list_of_traditional_characters_is_the_installed_opencc_s():
    assert CHARACTERS == changed_characters()         # else: python scripts/traditional_chars.py


@pytest.mark.skipif(REPORTS is None, reason="the shared corpus (../shared/corpus/gov-reports) is absent")
def test_a_text_mixing_the_writings_keeps_each_place_as_written(monkeypatch):
    """The 1957 report writes 建設 in places and 建设 in others: read through the copy, every text it gives
    is the one the parse of the source as it is gives (the copy changes no structure there)."""
    import drafter.structure

    path = REPORTS / "1957.txt"
    folded = texts(parse_lines(split_lines(path.read_text(encoding="utf-8"))))
    monkeypatch.setattr(drafter.structure, "fold", lambda lines: None)
    assert folded == texts(parse_lines(split_lines(path.read_text(encoding="utf-8"))))


def test_a_text_is_taken_from_its_own_line_where_the_source_writes_it_two_ways():
    lines = split_lines("關於社會主義建設\n我們要搞好社會主義建設。\n我们要搞好社会主义建设。\n")
    folded = fold(lines)
    assert folded is not None
    assert folded.text("我们要搞好社会主义建设。", (3,)) == "我们要搞好社会主义建设。"
    assert folded.text("我们要搞好社会主义建设。", (2,)) == "我們要搞好社會主義建設。"
    assert folded.text("我们要搞好社会主义建设。") == "我們要搞好社會主義建設。"     # no line known: the first
