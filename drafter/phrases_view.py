"""What ``drafter phrases`` prints: result tables that fit the terminal without cutting a
character, matches highlighted, a per-year sparkline, and paging at a terminal.

Colour only at a terminal and never under NO_COLOR (rich decides both); plain text otherwise.
"""

from __future__ import annotations

import os
import re
from typing import Iterable

from rich import box
from rich.console import Console, Group
from rich.padding import Padding
from rich.table import Table
from rich.text import Text

from drafter.phrasebook import Entry, Hit, Result

MATCH = "bold reverse"
MATCH_NAMES = {"substring": "原文", "words": "分词", "ordered": "顺序", "pinyin": "拼音", "near": "相近"}
BARS = "▁▂▃▄▅▆▇█"
SOURCE_NUMBER = re.compile(r"^(\d+)[_\-.]")


def highlighted(text: str, spans: Iterable[tuple[int, int]] = ()) -> Text:
    out = Text(text)
    for start, end in spans:
        if 0 <= start < end <= len(text):
            out.stylize(MATCH, start, end)
    return out


def short_source(source: str) -> str:
    """``000_251da491407e7ad2.txt:12`` → ``000:12``: a numbered file by its number, another by its
    name without extension (the full form is in ``--wide`` and ``show``)."""
    name, sep, line = source.rpartition(":")
    if not sep or not line.isdigit():
        name, line = source, ""
    base = name.rsplit("/", 1)[-1]
    m = SOURCE_NUMBER.match(base)
    short = m.group(1) if m else base.rsplit(".", 1)[0]
    return f"{short}:{line}" if line else short


def sources_line(sources: tuple[str, ...] | list[str], wide: bool, shown: int = 2) -> str:
    if wide:
        return "、".join(sources)
    head = "、".join(short_source(s) for s in sources[:shown])
    return head + (f" 等 {len(sources)} 处" if len(sources) > shown else "")


def years_text(e: Entry) -> str:
    if e.first is None:
        return "—"
    return str(e.first) if e.first == e.last or e.last is None else f"{e.first}–{e.last}"


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


def entries_table(rows: list[tuple[Entry, Hit | None]], wide: bool = False, title: str | None = None) -> Table:
    """One entry a row: its text (matches highlighted) with its sources below, id, documents, years."""
    table = Table(title=title, box=box.SIMPLE_HEAD, show_edge=False, pad_edge=False, padding=(0, 1), expand=False,
                  title_justify="left")
    ids = max((len(e.id) for e, _ in rows), default=4)
    table.add_column("短语", overflow="fold", ratio=1, min_width=12)
    table.add_column("编号", overflow="fold", min_width=min(ids, 24), no_wrap=False)
    table.add_column("篇数", justify="right", overflow="fold", min_width=4)
    table.add_column("年份", overflow="fold", min_width=4)
    for e, hit in rows:
        text = highlighted(e.plain, hit.spans if hit else ())
        if hit and hit.match != "substring":
            text.append(f"（{MATCH_NAMES[hit.match]}）", style="dim")
        if e.by:
            text.append(f" ——{e.by}", style="italic")
        if e.sources:
            text.append("\n")
            text.append(sources_line(e.sources, wide), style="dim")
        table.add_row(text, e.id, str(e.docs), years_text(e))
    return table


def sentences_table(hits: list[Hit], wide: bool = False, title: str | None = None) -> Table:
    table = Table(title=title, box=box.SIMPLE_HEAD, show_edge=False, pad_edge=False, padding=(0, 1), title_justify="left")
    table.add_column("句子", overflow="fold", ratio=1, min_width=12)
    table.add_column("来源", overflow="fold", min_width=6)
    table.add_column("年份", overflow="fold", min_width=4)
    for h in hits:
        s = h.sentence
        text = highlighted(s.text, h.spans)
        if h.match != "substring":
            text.append(f"（{MATCH_NAMES[h.match]}）", style="dim")
        table.add_row(text, s.source if wide else short_source(s.source), str(s.year) if s.year else "—")
    return table


def search_view(result: Result, wide: bool = False) -> Group:
    hits = result.hits
    if result.fallback:
        where = "语料" if result.sentences_from == "corpus" else "各条目的例句"
        head = f"短语库中没有“{result.query}”，下面是{where}中的 {len(hits)} 句："
        return Group(Text(head), sentences_table(hits, wide))
    kinds = {}
    for h in hits:
        kinds[MATCH_NAMES[h.match]] = kinds.get(MATCH_NAMES[h.match], 0) + 1
    detail = "、".join(f"{k} {n}" for k, n in kinds.items())
    head = Text(f"搜索“{result.query}”：{len(hits)} 条（{detail}）")
    return Group(head, entries_table([(h.entry, h) for h in hits], wide))


def entry_view(e: Entry, sentences: list[tuple[str, str | None]], syllables: list[str] | None = None) -> Group:
    """Everything about one entry: text, slots, seen, years with a sparkline, every source with its sentence."""
    lines: list = []

    def field(label: str, value: str | Text) -> None:
        t = Text(f"{label}：", style="bold")
        t.append(value if isinstance(value, Text) else Text(value))
        lines.append(t)

    field("编号", e.id)
    field("功能", e.function)
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
        years = years_text(e)
        field("年份", f"{years}  {spark}" if spark else years)
        if e.by_year:
            field("逐年", "，".join(f"{y}年 {n}" for y, n in sorted(e.by_year.items())))
    if e.dated:
        field("时效", "含有时效性的内容（年份、届次等），引用前请核对")
    if e.example:
        field("例句", e.example)
    field("文件", f"{e.path}（{e.origin}）")
    lines.append(Text(f"来源（{len(sentences)} 处）：", style="bold"))
    pieces = [p for p in e.plain.split("…") if p]
    for source, sentence in sentences:
        lines.append(Text(f"  {source}", style="dim"))
        if sentence:
            spans = [sp for p in pieces for sp in _find_all(p, sentence)]
            lines.append(Padding(highlighted(sentence, spans), (0, 0, 0, 4)))
    return Group(*lines)


def _find_all(needle: str, text: str) -> list[tuple[int, int]]:
    out, i = [], text.find(needle)
    while needle and i >= 0:
        out.append((i, i + len(needle)))
        i = text.find(needle, i + len(needle))
    return out


def functions_table(counts: list[tuple[str, int]]) -> Table:
    from drafter.phrasebook.entry import label

    table = Table(box=box.SIMPLE_HEAD, show_edge=False, pad_edge=False)
    table.add_column("功能")
    table.add_column("用途")
    table.add_column("条数", justify="right")
    for name, n in counts:
        table.add_row(name, label(name) if label(name) != name else "", str(n))
    return table


def show(renderable, console: Console | None = None, pager: bool = True) -> None:
    """Print; at a terminal, through a pager when longer than the screen."""
    console = console or Console()
    if pager and console.is_terminal:
        lines = console.render_lines(renderable, pad=False)
        if len(lines) > console.height - 1:
            os.environ.setdefault("LESS", "-R -F -X")
            with console.pager(styles=True):
                console.print(renderable)
            return
    console.print(renderable)
