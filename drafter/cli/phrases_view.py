"""What ``drafter phrases`` prints: tables that fit the terminal without cutting a character (long
cells wrap, CJK characters count two columns), matches highlighted, a per-year sparkline, and
paging at a terminal.

Colour only at a terminal, never under ``NO_COLOR`` or ``TERM=dumb``; plain text otherwise. The
layout is done here, with the standard library only: a search prints its results without loading
rich (a third of a second's start-up budget on a busy machine).
"""

from __future__ import annotations

import os
import re
import shutil
import sys
from collections.abc import Iterable
from typing import cast

from drafter.cli.cells import CLOSING, JOINING, TOKEN, char_width, text_width
from drafter.phrasebook import Entry, Hit, Result
from drafter.phrasebook.entry import label
from drafter.phrasebook.search import occurrences

MATCH, DIM, BOLD = "1;7", "2", "1"
MATCH_NAMES = {"substring": "原文", "words": "分词", "ordered": "顺序", "pinyin": "拼音", "near": "相近"}
BARS = "▁▂▃▄▅▆▇█"
SOURCE_NUMBER = re.compile(r"^(\d+)[_\-.]")
#: a number that is a year (2017-决胜全面建成小康社会….txt): files share it, it names none of them
YEAR = re.compile(r"^(?:19|20)\d\d$")
#: the most cells a file's shortened name takes in a source
SOURCE_CELLS = 12
GUTTER = "  "

Segments = list[tuple[str, "str | None"]]        # text and its SGR style (None: plain)


# ---- measuring, folding, painting

def fold(cell: Segments, width: int) -> list[Segments]:
    """The cell's lines, each at most ``width`` columns: broken at newlines and where a line is full,
    where a line may break (``drafter.cli.cells``: a number or a file name stays whole, a closing mark
    stays with what it closes), a line that starts indented going on as indented; a run wider than a
    line is broken between characters. Never loses a character; a space where a line is broken is left out."""
    lines: list[list[Segments]] = [[]]            # each line's pieces (a piece: a token, styled)
    used = 0
    indent: list[Segments] = []
    for piece in _pieces(cell):
        text = "".join(t for t, _ in piece)
        if text == "\n":
            lines.append([])
            used = 0
            indent = []
            continue
        size = text_width(text)
        if not lines[-1] and text.isspace() and size * 2 < width:
            indent = [piece]
        if used + size > width and used > 0:
            line = lines[-1]
            while len(line) > len(indent) + 1 and _blank(line[-1]):
                line.pop()                         # a space where the line is broken
            carry: list[Segments] = []          # a closing mark takes down the word it closes (and marks between)
            if text[0] in CLOSING or (text[0] in JOINING and len(line) > len(indent) + 1 and not _blank(line[-1])):
                while len(line) > len(indent) + 1 and line[-1][0][0][:1] in CLOSING:
                    carry.insert(0, line.pop())
                if len(line) > len(indent) + 1:
                    carry.insert(0, line.pop())
                if sum(map(segments_width, indent + carry)) + size > width:
                    line.extend(carry)
                    carry = []
            lines.append(indent + carry)
            used = sum(map(segments_width, lines[-1]))
            if _blank(piece):
                continue
        if used + size > width:                    # wider than a line: a character at a time
            chars = [(c, style) for t, style in piece for c in t]
            for k, (c, style) in enumerate(chars):
                ahead = char_width(chars[k + 1][0]) if c.isspace() and k + 1 < len(chars) else 0
                if used + char_width(c) + ahead > width and used > 0:
                    lines.append([])
                    used = 0
                    if c.isspace():                # a space where the line is broken
                        continue
                lines[-1].append([(c, style)])
                used += char_width(c)
            continue
        lines[-1].append(piece)
        used += size
    return [_joined(line) for line in lines]


def _blank(piece: Segments) -> bool:
    return all(t.isspace() for t, _ in piece)


def _pieces(cell: Segments) -> list[Segments]:
    """The cell's tokens (a newline on its own), each with the styles of its characters."""
    styles = [style for text, style in cell for _ in text]
    text = "".join(t for t, _ in cell)
    out: list[Segments] = []
    for part in re.finditer(r"\n|[^\n]+", text):
        if part.group() == "\n":
            out.append([("\n", None)])
            continue
        for token in TOKEN.finditer(part.group()):
            a, b = part.start() + token.start(), part.start() + token.end()
            out.append(_joined([[(text[k], styles[k])] for k in range(a, b)]))
    return out


def _joined(pieces: list[Segments]) -> Segments:
    """The pieces as one run of segments, neighbours of one style joined."""
    out: Segments = []
    for text, style in (seg for piece in pieces for seg in piece):
        if out and out[-1][1] == style:
            out[-1] = (out[-1][0] + text, style)
        else:
            out.append((text, style))
    return out


def paint(segments: Segments, color: bool) -> str:
    if not color:
        return "".join(t for t, _ in segments)
    return "".join(f"\x1b[{s}m{t}\x1b[0m" if s else t for t, s in segments)


def segments_width(segments: Segments) -> int:
    return sum(text_width(t) for t, _ in segments)


def highlighted(text: str, spans: Iterable[tuple[int, int]] = ()) -> Segments:
    """The text with the spans styled as a match."""
    out: Segments = []
    pos = 0
    for start, end in sorted(spans):
        if start < pos or not 0 <= start < end <= len(text):
            continue
        if start > pos:
            out.append((text[pos:start], None))
        out.append((text[start:end], MATCH))
        pos = end
    if pos < len(text):
        out.append((text[pos:], None))
    return out


def table(headers: list[str], rows: list[list[Segments]], width: int, color: bool,
          flex: int = 0, right: Iterable[int] = ()) -> list[str]:
    """Rows under a header and a rule, columns two spaces apart. Every column but ``flex`` takes
    its natural width; ``flex`` takes the rest (at least 12). Where that does not fit, the widest
    other columns give way too; a cell wider than its column wraps."""
    right = set(right)
    n = len(headers)
    natural = [max([text_width(headers[i])] + [max((segments_width(line) for line in fold(r[i], 10_000)), default=0)
                                              for r in rows]) for i in range(n)]
    room = width - len(GUTTER) * (n - 1)
    widths = list(natural)
    widths[flex] = min(natural[flex], max(12, room - sum(w for i, w in enumerate(natural) if i != flex)))
    while sum(widths) > room:
        others = [i for i in range(n) if i != flex and widths[i] > max(4, text_width(headers[i]))]
        if not others:
            break
        widest = max(others, key=lambda i: widths[i])
        widths[widest] -= 1
    out = [GUTTER.join(_pad([(h, BOLD)], widths[i], i in right, color) for i, h in enumerate(headers)).rstrip()]
    out.append("─" * min(width, sum(widths) + len(GUTTER) * (n - 1)))
    for row in rows:
        cells = [fold(row[i], widths[i]) for i in range(n)]
        for k in range(max(len(c) for c in cells)):
            parts = [_pad(c[k] if k < len(c) else [], widths[i], i in right, color) for i, c in enumerate(cells)]
            out.append(GUTTER.join(parts).rstrip())
    return out


def _pad(segments: Segments, width: int, right: bool, color: bool) -> str:
    space = " " * max(0, width - segments_width(segments))
    return space + paint(segments, color) if right else paint(segments, color) + space


# ---- what is shown

def short_source(source: str) -> str:
    """``000_251da491407e7ad2.txt:12`` → ``000:12``: a numbered file by its number, another (or one whose
    number is a year, which files share) by its name without extension, cut to ``SOURCE_CELLS``
    (``2017-决胜全面…:30``); the full form is in ``--wide`` and ``show``."""
    name, sep, line = source.rpartition(":")
    if not sep or not line.isdigit():
        name, line = source, ""
    base = name.rsplit("/", 1)[-1]
    m = SOURCE_NUMBER.match(base)
    short = m.group(1) if m and not YEAR.match(m.group(1)) else _cut(base.rsplit(".", 1)[0], SOURCE_CELLS)
    return f"{short}:{line}" if line else short


def _cut(text: str, cells: int) -> str:
    if text_width(text) <= cells:
        return text
    out, used = "", 0
    for ch in text:
        if used + char_width(ch) > cells - 1:
            break
        out += ch
        used += char_width(ch)
    return out + "…"


def sources_line(sources: tuple[str, ...] | list[str], wide: bool, shown: int = 2, total: int = 0) -> str:
    """The first sources, and how many places there are in all (``total``: the entry's count, where the
    bank lists only some of its places)."""
    total = max(total, len(sources))
    if wide:
        return "、".join(sources) + (f"（共 {total} 处）" if total > len(sources) else "")
    head = "、".join(short_source(s) for s in sources[:shown])
    return head + (f" 等 {total} 处" if total > shown else "")


#: the mark of an entry the corpus's last years no longer use (``dated``), and what it means
DATED, DATED_NOTE = "旧", "“旧”：语料最近几年没有再用"


def years_text(e: Entry) -> str:
    if e.first is None:
        return "—"
    span = str(e.first) if e.first == e.last or e.last is None else f"{e.first}–{e.last}"
    return f"{span} {DATED}" if e.dated else span


def sparkline(by_year: dict[int, int], first: int | None = None, last: int | None = None) -> str:
    """One bar per year from first to last, as high as that year's count (· for none)."""
    if not by_year:
        return ""
    lo, hi = first if first is not None else min(by_year), last if last is not None else max(by_year)
    top = max(by_year.values()) or 1
    bars = []
    for year in range(lo, hi + 1):
        n = by_year.get(year, 0)
        bars.append("·" if n == 0 else BARS[min(len(BARS) - 1, (n * len(BARS) - 1) // top)])
    return "".join(bars)


def entries_lines(rows: list[tuple[Entry, Hit | None]], width: int, color: bool, wide: bool = False) -> list[str]:
    """One entry a row: its text (matches highlighted) with its sources below, id, documents, years."""
    cells: list[list[Segments]] = []
    for e, hit in rows:
        text = highlighted(e.plain, hit.spans if hit else ())
        if hit and hit.match != "substring":
            text.append((f"（{MATCH_NAMES[hit.match]}）", DIM))
        if e.by:
            text.append((f" ——{e.by}", None))
        if e.sources:
            text.append(("\n  " + sources_line(e.sources, wide, total=e.count), DIM))
        cells.append([text, [(e.id, None)], [(str(e.docs), None)], [(years_text(e), None)]])
    return table(["短语", "编号", "篇数", "年份"], cells, width, color, flex=0, right=(2,))


def sentences_lines(hits: list[Hit], width: int, color: bool, wide: bool = False) -> list[str]:
    cells: list[list[Segments]] = []
    for h in hits:
        s = h.sentence
        assert s is not None   # hits of the fallback are sentences
        text = highlighted(s.text, h.spans)
        if h.match != "substring":
            text.append((f"（{MATCH_NAMES[h.match]}）", DIM))
        cells.append([text, [(s.source if wide else short_source(s.source), None)],
                      [(str(s.year) if s.year else "—", None)]])
    return table(["句子", "来源", "年份"], cells, width, color, flex=0)


def search_text(result: Result, width: int, color: bool, wide: bool = False) -> str:
    hits = result.hits
    if result.fallback:
        where = "语料" if result.sentences_from == "corpus" else "各条目的例句"
        head = f"短语库中没有“{result.query}”，下面是{where}中的 {len(hits)} 句："
        return "\n".join([head] + sentences_lines(hits, width, color, wide)) + "\n"
    kinds: dict[str, int] = {}
    for h in hits:
        kinds[MATCH_NAMES[h.match]] = kinds.get(MATCH_NAMES[h.match], 0) + 1
    head = f"搜索“{result.query}”：{len(hits)} 条（{'、'.join(f'{k} {n}' for k, n in kinds.items())}）"
    lines = [head] + entries_lines([(cast(Entry, h.entry), h) for h in hits], width, color, wide)
    if any(cast(Entry, h.entry).dated for h in hits):
        lines.append(DATED_NOTE)
    return "\n".join(lines) + "\n"


def list_text(entries: list[Entry], title: str, width: int, color: bool, wide: bool = False) -> str:
    lines = [title] + entries_lines([(e, None) for e in entries], width, color, wide)
    if any(e.dated for e in entries):
        lines.append(DATED_NOTE)
    return "\n".join(lines) + "\n"


def entry_text(e: Entry, sentences: list[tuple[str, str | None]], syllables: list[str] | None,
               width: int, color: bool) -> str:
    """Everything about one entry: text, slots, seen, years with a sparkline, every source with its sentence."""
    out: list[str] = []

    def field(label: str, value: str) -> None:
        lines = fold([(f"{label}：", BOLD), (value, None)], width)
        out.extend(paint(line, color) for line in lines)

    field("编号", e.id)
    field("功能", e.function if label(e.function) == e.function else f"{e.function}（{label(e.function)}）")
    field("短语", e.text)
    if syllables and any(syllables):
        field("拼音", " ".join(s for s in syllables if s))
    if e.slots:
        field("槽位", "、".join(e.slots))
    if e.by:
        field("出处", e.by)
    field("出现", f"{e.docs} 篇，{e.count} 次")
    if e.first is not None:
        spark = sparkline(e.by_year, e.first, e.last)
        field("年份", f"{years_text(e)}  {spark}" if spark else years_text(e))
        if e.by_year:
            field("逐年", "，".join(f"{y}年 {n}" for y, n in sorted(e.by_year.items())))
    if e.dated:
        field("近年", f"语料最近几年没有再用（最后见于 {e.last} 年），引用前请斟酌")
    if e.example:
        field("例句", e.example)
    field("文件", f"{e.path}（{e.origin}）")
    listed = f"列出 {len(sentences)} 处，共 {e.count} 处" if e.count > len(sentences) else f"{len(sentences)} 处"
    out.append(paint([(f"来源（{listed}）：", BOLD)], color))
    pieces = [p for p in e.plain.split("…") if p]
    for source, sentence in sentences:
        out.append(paint([(f"  {source}", DIM)], color))
        if sentence:
            spans = [sp for p in pieces for sp in occurrences(p, sentence)]
            for line in fold(highlighted(sentence, spans), max(10, width - 4)):
                out.append("    " + paint(line, color))
    return "\n".join(out) + "\n"



def functions_text(counts: list[tuple[str, int]], width: int, color: bool) -> str:
    """Each function of the bank: its name, what it is, a short description and its entries — in the
    order of a speech (opening first, closing last), functions of one's own bank last."""
    from drafter.mine.functions import FUNCTIONS

    order = list(FUNCTIONS)
    counts = sorted(counts, key=lambda c: (order.index(c[0]) if c[0] in order else len(order), c[0]))
    rows: list[list[Segments]] = [[[(name, None)], [(label(name) if label(name) != name else "", None)],
                                   [(FUNCTIONS.get(name, "").partition("：")[2], None)], [(str(n), None)]]
                                  for name, n in counts]
    return "\n".join(table(["功能", "用途", "说明", "条数"], rows, width, color, flex=2, right=(3,))) + "\n"


# ---- the terminal

def terminal() -> tuple[int, int, bool]:
    """Width, height, and whether to colour: stdout a terminal, NO_COLOR unset, TERM not dumb."""
    size = shutil.get_terminal_size((80, 24))
    tty = sys.stdout.isatty()
    color = tty and not os.environ.get("NO_COLOR") and os.environ.get("TERM") != "dumb"
    return max(20, size.columns), size.lines, color


def emit(text: str, pager: bool = True) -> None:
    """Write; at a terminal, through a pager (less -R) when longer than the screen."""
    _, height, _ = terminal()
    if pager and sys.stdout.isatty() and text.count("\n") > height - 1:
        import pydoc

        os.environ.setdefault("LESS", "-R -F -X")
        pydoc.pager(text)
        return
    sys.stdout.write(text)
    sys.stdout.flush()
