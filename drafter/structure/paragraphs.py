"""Joining broken lines back into paragraphs.

A web page or a copied file often breaks one paragraph over several lines. A line continues on
the next when it does not end a sentence (it ends in ；，、 or with no mark at all) and the next
line is not a heading: right below it, when the line has a sentence's end, or the next line starts
with a clause's mark, or the text sets blank lines between its paragraphs and the line has a clause
in it (then lines with none between are one paragraph that a page's links broke: …在聽了劉少奇同志 /
關於憲法草案的報告 / 並進行了…; a bare head right above its text is not joined to it). Across a
blank line only a long line with no closing mark is continued, since a short unpunctuated line
between blanks is more likely a heading of its own. In a text hard-wrapped at a fixed width (a copy of
a PDF: a third of its lines or more of one length), a line that runs to the width goes on to the next,
even after a sentence's end (sentences end at a line's end far more often than paragraphs do), unless
the next line is a heading or the text indents its paragraphs' first lines and the next line is
indented; a page number (— 3 —) between two lines does not part them.
"""

from __future__ import annotations

import itertools
import re
from collections import Counter
from dataclasses import dataclass, field

from drafter.ingest import Hints
from drafter.structure.clean import Line, gap_size, indent_of
from drafter.structure.header import SALUTATION
from drafter.structure.marks import read_mark
from drafter.structure.roles import CALLED, PULL_QUOTE
from drafter.zh import SENTENCE_END, is_cjk

FINAL = re.compile(r"[。！？!?…][”’」』）)》]*$")
SOFT_END = tuple("；，、")
#: marks no line starts with unless it goes on from the line before (a link's text broke it off)
CLAUSE_START = frozenset("，、；：。！？）》”")
CLAUSE_MARK = re.compile("[，、；：]")
#: a wrapped text marks its paragraphs by indenting their first lines when this many lines are indented
INDENTED = 3
#: lines of a hard-wrapped text are at least this long, and end this close to the width when full
WRAP_MIN, WRAP_SLACK = 16, 2
#: a centred heading's second line is this long at most
HEADING_TAIL = 30
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


def continues(prev: Para, line: Line, blanks: int, spaced: bool = False, full: bool = False,
              centred: bool = False) -> bool:
    """Whether ``line`` continues the paragraph ``prev`` (with ``blanks`` blank lines between) in a text
    whose paragraphs are ``spaced`` (blank lines between them) or not; ``full``: the line before ran to
    the width the text is wrapped at; ``centred``: the line is indented deeper than the text's paragraphs."""
    text, last = prev.text, prev.text[-1]
    if prev.is_gap or prev.hints.level is not None or line.hints.level is not None:
        return False
    nxt = line.text
    if full and blanks == 0 and not SALUTATION.match(text):
        if standalone_heading(text):   # a heading wider than the page: its tail on the next line
            return not SENTENCE_END.search(nxt[:-1]) and not read_mark(nxt)
        if FINAL.search(text) or last in "：:":
            # a sentence ending where the line does goes on far more often than a paragraph ends there
            return not _opens_block(nxt)
        return True                 # cut inside a sentence: what follows goes on, even 一、 cut from 统|一、
    if (centred and blanks == 0 and standalone_heading(text) and len(nxt) <= HEADING_TAIL
            and not SENTENCE_END.search(nxt) and not _opens_block(nxt)):
        return True                 # a centred heading's second line (…既要肯定成绩，又不 / 可盲目乐观)
    if FINAL.search(text) or last in "：:" or SALUTATION.match(text) or standalone_heading(text):
        return False
    if _opens_block(nxt):
        return False
    open_quote = text.count("《") > text.count("》") or text.count("“") > text.count("”")
    if blanks == 0:
        return (last in SOFT_END or open_quote or bool(SENTENCE_END.search(text)) or nxt[0] in CLAUSE_START
                or (spaced and bool(CLAUSE_MARK.search(text))) or full)
    return last not in SOFT_END and (len(text) >= 40 or open_quote) and bool(SENTENCE_END.search(text))


def _opens_block(text: str) -> bool:
    """Whether a line opens a block of its own: a numbered head, a gap, a salutation, a call to the hall
    (同志们！), a bulleted item."""
    return bool(read_mark(text) or gap_size(text)[0] or SALUTATION.match(text) or CALLED.match(text)) \
        or text.startswith(PULL_QUOTE)


def glue(left: str, right: str, blanks: int) -> str:
    """Join two pieces of one paragraph: a space between Latin words, and where a book title
    (《…》) was broken by a blank line (the two halves of a two-line title); else nothing (a number broken
    at a line's end, 13 / 22万人, is one number)."""
    if left[-1:].isascii() and right[:1].isascii() and left[-1:].isalpha() and right[:1].isalpha():
        return left + " " + right
    if blanks and left.count("《") > left.count("》") and is_cjk(left[-1]) and is_cjk(right[0]):
        return left + " " + right
    return left + right


def _spaced(lines: list[Line]) -> bool:
    """Whether the text sets blank lines between its paragraphs: between SPACED of its lines or more."""
    steps = [b.no - a.no for a, b in itertools.pairwise(lines) if not gap_size(a.text)[0] and not gap_size(b.text)[0]]
    return len(steps) >= SPACED_LINES and sum(step > 1 for step in steps) >= SPACED * len(steps)


def join_lines(lines: list[Line], removed: set[int], skipped: frozenset[int] = frozenset()) -> list[Para]:
    """Paragraphs from cleaned lines: broken lines joined, gap markers kept as gap paragraphs. A
    ``removed`` line between two lines parts them; a ``skipped`` one (a page number) is as if absent."""
    out: list[Para] = []
    spaced = _spaced(lines)
    width = _wrap_width(lines)
    indents = width is not None and sum(map(_indented, lines)) >= INDENTED
    indent = _paragraph_indent(lines) if indents else None
    last = 0                       # the length of the line before
    for line in lines:
        is_gap, hidden = gap_size(line.text)
        if is_gap:
            out.append(Para(line.text, line.no, [line.no], raw=line.raw.strip(), gap=hidden, is_gap=True))
            continue
        if out:
            prev = out[-1]
            between = [n for n in range(prev.lines[-1] + 1, line.no) if n not in skipped]
            # a full line goes on, unless the text indents its paragraphs' first lines and this one is
            full = width is not None and last >= width - WRAP_SLACK and not (indents and _indented(line))
            centred = indent is not None and indent_of(line.raw) > indent
            if not any(n in removed for n in between) and continues(prev, line, len(between), spaced, full,
                                                                    centred):
                prev.text = glue(prev.text, line.text, len(between))
                prev.lines.append(line.no)
                last = len(line.text)
                continue
        out.append(Para(line.text, line.no, [line.no], line.hints, line.raw.strip()))
        last = len(line.text)
    return out


def _indented(line: Line) -> bool:
    """Whether a line starts with an indent (two spaces, or an ideographic one)."""
    return line.raw.startswith(("\u3000", "  ", "\t"))


def _paragraph_indent(lines: list[Line]) -> int | None:
    """The indent of a wrapped text's paragraphs: the commonest indent of its long indented lines."""
    indents = Counter(indent_of(line.raw) for line in lines if _indented(line) and len(line.text) >= WRAP_MIN)
    return max(indents.items(), key=lambda kv: (kv[1], -kv[0]))[0] if indents else None


def _wrap_width(lines: list[Line]) -> int | None:
    """The width a text is hard-wrapped at (a copy of a PDF, a fixed-width file): the commonest length of
    its lines when that length and the one below it are a third of the lines or more, most of them cut
    inside a sentence; else None (paragraphs of one length each on a line are no wrapped text)."""
    texts = [line.text for line in lines if not gap_size(line.text)[0] and not read_mark(line.text)]
    lengths = [len(text) for text in texts]     # (headings of one length, 对仗, are no wrapping)
    long = [n for n in lengths if n >= WRAP_MIN]
    if len(long) < SPACED_LINES:
        return None
    width = max(Counter(long).items(), key=lambda kv: (kv[1], kv[0]))[0]
    full = [text for text in texts if width - 1 <= len(text) <= width]
    cut = sum(not FINAL.search(text) for text in full)       # lines cut inside a sentence
    return width if len(full) * 3 >= len(lengths) and cut * 2 >= len(full) else None
