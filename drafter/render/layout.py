"""A Speech as the sequence of printed blocks every writer lays out the same way.

This is where numbering is applied, run-in heads are joined to their first paragraph, standalone
heads lose their final punctuation, and the subtitle and date lines get their dash and brackets.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from drafter.model import Gap, Inlines, Paragraph, Section, Speech, plain
from drafter.render.numbering import numbered
from drafter.zh import ANY_SENTENCE_END

#: marks a standalone heading does not end with (？ and ！ stay).
HEAD_FINAL = "。；，、：.;,:"
TALK_FORM = re.compile(r"^在.+[上中时]的(讲话|发言|报告|致辞|主持词|总结讲话|动员讲话)$")


@dataclass
class MetaLine:
    """A line of the title block: kind is title, subtitle, speaker, author or date."""

    kind: str
    content: Inlines


@dataclass
class Heading:
    """A section's heading as printed: its number, text and, when it runs in, its first paragraph."""

    section: Section
    depth: int
    style: str            # the numbering style in effect
    mark: str             # 一、 （一） 1. … or "" for lead and none
    content: Inlines      # heading text (with 。 when it runs in; no final mark when it stands alone)
    body: Paragraph | None = None   # the paragraph it runs into

    @property
    def run_in(self) -> bool:
        return self.body is not None


Block = MetaLine | Heading | Paragraph | Gap


def merge_text(content: Inlines) -> Inlines:
    """Inline content with neighbouring strings joined."""
    out: Inlines = []
    for part in content:
        if isinstance(part, str) and out and isinstance(out[-1], str):
            out[-1] += part
        else:
            out.append(part)
    return out


def _strip_final(content: Inlines) -> Inlines:
    if content and isinstance(content[-1], str):
        return [*content[:-1], content[-1].rstrip(HEAD_FINAL)]
    return list(content)


def _closed(content: Inlines) -> Inlines:
    """Heading text ending in a full stop, for a head that runs into its paragraph."""
    content = _strip_final(content)
    if content and isinstance(content[-1], str) and ANY_SENTENCE_END.match(content[-1][-1:]):
        return content
    return [*content, "。"]


def subtitle_content(content: Inlines) -> Inlines:
    """A subtitle of the form 在…上的讲话 begins with ——."""
    text = "".join(str(p) for p in content)
    if TALK_FORM.match(text):
        return ["——", *content]
    return list(content)


def date_content(content: Inlines) -> Inlines:
    """The date line in full-width brackets: （2026年11月23日）."""
    text = "".join(str(p) for p in content)
    if text.startswith("（") and text.endswith("）"):
        return list(content)
    return ["（", *content, "）"]


#: how a date is printed unless a style profile says otherwise (its ``date_format``)
DATE_FORMAT = "{year}年{month}月{day}日"
_DATE = re.compile(r"^[（(]?\s*(\d{4})\s*(?:年|[-/.])\s*(\d{1,2})\s*(?:月|[-/.])\s*(\d{1,2})\s*日?\s*[）)]?$")
_MONTH = re.compile(r"^[（(]?\s*(\d{4})\s*(?:年|[-/.])\s*(\d{1,2})\s*月?\s*[）)]?$")


def format_date(text: str, fmt: str | None = None) -> str:
    """A date as printed: 2023-11-26, 2023.11.26 and 2023年11月26日 all become 2023年11月26日 (or the
    profile's ``date_format``, with {year} {month} {day}, {month:02d} …); other text is kept as written."""
    fmt = fmt or DATE_FORMAT
    m = _DATE.match(text.strip())
    if m:
        year, month, day = (int(g) for g in m.groups())
        if 1 <= month <= 12 and 1 <= day <= 31:
            return fmt.format(year=year, month=month, day=day)
    m = _MONTH.match(text.strip())
    if m and 1 <= int(m.group(2)) <= 12:
        head = fmt.split("{day")[0].rstrip("-/.")
        return head.format(year=int(m.group(1)), month=int(m.group(2)))
    return text


def with_dates(speech: Speech, fmt: str | None = None) -> Speech:
    """The speech with its date printed in the profile's form (a copy; the speech is not changed)."""
    from dataclasses import replace as copy

    date = speech.meta.date
    if not date or not all(isinstance(part, str) for part in date):
        return speech
    parts = [part for part in date if isinstance(part, str)]
    shown = format_date("".join(parts), fmt)
    if shown == "".join(parts):
        return speech
    return copy(speech, meta=copy(speech.meta, date=[shown]))


def meta_lines(speech: Speech) -> list[MetaLine]:
    meta = speech.meta
    lines = []
    if meta.title:
        lines.append(MetaLine("title", list(meta.title)))
    if meta.subtitle:
        lines.append(MetaLine("subtitle", subtitle_content(meta.subtitle)))
    if meta.speaker and plain(meta.speaker) not in plain(meta.title):   # not what the title already says
        lines.append(MetaLine("speaker", list(meta.speaker)))
    if meta.author:
        lines.append(MetaLine("author", list(meta.author)))
    if meta.date:
        lines.append(MetaLine("date", date_content(meta.date)))
    return lines


def _with_hint(paragraph: Paragraph, hint: str | None) -> Paragraph:
    if not hint:
        return paragraph
    joined = "\n".join(h for h in (hint, paragraph.hint) if h)
    return replace(paragraph, hint=joined)


def section_blocks(section: Section, style: str, mark: str) -> list[Block]:
    """The heading and body blocks of one section (not its children)."""
    body: list[Block] = list(section.body)
    if section.heading is None:
        if section.hint and body and isinstance(body[0], Paragraph):
            body[0] = _with_hint(body[0], section.hint)
        return body
    first = body[0] if body and isinstance(body[0], Paragraph) else None
    runs_in = (section.run_in or style == "lead") and first is not None
    if runs_in:
        head = Heading(section, section.depth, style, mark, _closed(section.heading), first)
        return [head, *body[1:]]
    return [Heading(section, section.depth, style, mark, _strip_final(section.heading)), *body]


def blocks(speech: Speech, dot: str = ".") -> list[Block]:
    """Every printed block of a speech in order: title block, front, sections, back."""
    out: list[Block] = [*meta_lines(speech), *speech.front]
    for section, style, mark in numbered(speech.sections, speech.numbering, dot):
        out.extend(section_blocks(section, style, mark))
    out.extend(speech.back)
    return out


def gap_text(gap: Gap) -> str:
    """The visible line that stands for hidden source text, in a form the reader knows as a gap."""
    if gap.hidden_chars:
        return f"【此处隐藏{gap.hidden_chars}字】"
    return "【此处隐藏字数不明的内容】"
