"""Joining broken lines back into paragraphs.

A web page or a copied file often breaks one paragraph over several lines. A line continues on
the next when it does not end a sentence (it ends in ；，、 or with no mark at all) and the next
line is not a heading: right below it, when the line has a sentence's end, or the next line starts
with a clause's mark, or the text sets blank lines between its paragraphs and the line has a clause
in it (then lines with none between are one paragraph that a page's links broke: …在聽了劉少奇同志 /
關於憲法草案的報告 / 並進行了…; a bare head right above its text is not joined to it). Across a
blank line only a long line with no closing mark is continued, since a short unpunctuated line
between blanks is more likely a heading of its own.
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass, field

from drafter.ingest import Hints
from drafter.structure.clean import Line, gap_size
from drafter.structure.header import SALUTATION
from drafter.structure.marks import read_mark
from drafter.zh import SENTENCE_END, is_cjk

FINAL = re.compile(r"[。！？!?…][”’」』）)》]*$")
SOFT_END = tuple("；，、")
#: marks no line starts with unless it goes on from the line before (a link's text broke it off)
CLAUSE_START = frozenset("，、；：。！？）》”")
CLAUSE_MARK = re.compile("[，、；：]")
#: a text sets blank lines between its paragraphs when this share of its lines have one after them …
SPACED = 0.75
#: … and it has this many lines at least
SPACED_LINES = 10


@dataclass
class Para:
    text: str
    line: int
    lines: list[int] = field(default_factory=list)
    hints: Hints = field(default_factory=Hints)
    raw: str = ""
    gap: int | None = None          # hidden characters, for a gap marker
    is_gap: bool = False
    role: str | None = None         # a role the parser gave it from its place (a salutation split off its line)


def standalone_heading(text: str) -> bool:
    """A numbered line that is only a heading (no sentence in it), which never continues."""
    mark = read_mark(text)
    return mark is not None and not SENTENCE_END.search(mark.rest[:-1])


def continues(prev: Para, line: Line, blanks: int, spaced: bool = False) -> bool:
    """Whether ``line`` continues the paragraph ``prev`` (with ``blanks`` blank lines between) in a text
    whose paragraphs are ``spaced`` (blank lines between them) or not."""
    text, last = prev.text, prev.text[-1]
    if prev.is_gap or prev.hints.level is not None or line.hints.level is not None:
        return False
    if FINAL.search(text) or last in "：:" or SALUTATION.match(text) or standalone_heading(text):
        return False
    nxt = line.text
    if read_mark(nxt) or gap_size(nxt)[0] or SALUTATION.match(nxt) or nxt[0] in "●■◆▲★•":
        return False
    open_quote = text.count("《") > text.count("》") or text.count("“") > text.count("”")
    if blanks == 0:
        return (last in SOFT_END or open_quote or bool(SENTENCE_END.search(text)) or nxt[0] in CLAUSE_START
                or (spaced and bool(CLAUSE_MARK.search(text))))
    return last not in SOFT_END and (len(text) >= 40 or open_quote) and bool(SENTENCE_END.search(text))


def glue(left: str, right: str, blanks: int) -> str:
    """Join two pieces of one paragraph: a space between Latin words, and where a book title
    (《…》) was broken by a blank line (the two halves of a two-line title); else nothing."""
    if left[-1:].isascii() and right[:1].isascii() and left[-1:].isalnum() and right[:1].isalnum():
        return left + " " + right
    if blanks and left.count("《") > left.count("》") and is_cjk(left[-1]) and is_cjk(right[0]):
        return left + " " + right
    return left + right


def _spaced(lines: list[Line]) -> bool:
    """Whether the text sets blank lines between its paragraphs: between SPACED of its lines or more."""
    steps = [b.no - a.no for a, b in itertools.pairwise(lines) if not gap_size(a.text)[0] and not gap_size(b.text)[0]]
    return len(steps) >= SPACED_LINES and sum(step > 1 for step in steps) >= SPACED * len(steps)


def join_lines(lines: list[Line], removed: set[int]) -> list[Para]:
    """Paragraphs from cleaned lines: broken lines joined, gap markers kept as gap paragraphs."""
    out: list[Para] = []
    spaced = _spaced(lines)
    for line in lines:
        is_gap, hidden = gap_size(line.text)
        if is_gap:
            out.append(Para(line.text, line.no, [line.no], raw=line.raw.strip(), gap=hidden, is_gap=True))
            continue
        if out:
            prev = out[-1]
            between = range(prev.lines[-1] + 1, line.no)
            if not any(n in removed for n in between) and continues(prev, line, len(between), spaced):
                prev.text = glue(prev.text, line.text, len(between))
                prev.lines.append(line.no)
                continue
        out.append(Para(line.text, line.no, [line.no], line.hints, line.raw.strip()))
    return out
