"""Plain-text and Markdown writers: a Speech as numbered text, for reading back or previewing.

Plain text is the form the parser reads: title block lines, then paragraphs, each separated by a
blank line; headings carry their derived numbers; a run-in head shares its paragraph's line
("第一，要…。要把…"). Writing hints are left out of plain text.

Markdown puts the title under "# ", standalone headings under "##", "###" … by depth (numbers
included), run-in heads in bold at the start of their paragraph, and each writing hint as a
blockquote line "> 提示：…" after the block it belongs to. Placeholders read 【label】 in both.
"""

from __future__ import annotations

import re

from drafter.model import Gap, Inlines, Paragraph, Placeholder, Speech, plain
from drafter.render.layout import Heading, MetaLine, blocks, gap_text

MD_SPECIAL = re.compile(r"^(#|>|[-+*]\s|\d+[.)]\s)")


def to_text(speech: Speech, *, dot: str = ".") -> str:
    """The speech as numbered plain text, paragraphs separated by blank lines."""
    out = []
    for block in blocks(speech, dot):
        if isinstance(block, MetaLine):
            out.append(plain(block.content))
        elif isinstance(block, Heading):
            line = block.mark + plain(block.content)
            out.append(line + (block.body.text if block.body else ""))
        elif isinstance(block, Paragraph):
            out.append(block.text)
        elif isinstance(block, Gap):
            out.append(gap_text(block))
    return "\n\n".join(out) + "\n"


def _md(text: str) -> str:
    """Escape what Markdown would read as markup at the start of a line."""
    return "\\" + text if MD_SPECIAL.match(text) else text


def _hints(own: str | None, *contents: Inlines | None) -> list[str]:
    """Blockquote lines for a block's hint and its placeholders' hints."""
    lines = [f"> 提示：{line}" for line in (own or "").splitlines() if line.strip()]
    for content in contents:
        for part in content or []:
            if isinstance(part, Placeholder) and part.hint:
                lines.append(f"> 提示（{part}）：{part.hint}")
    return lines


def to_markdown(speech: Speech, *, dot: str = ".") -> str:
    """The speech as Markdown; hints as "> 提示：" lines."""
    out: list[str] = []
    for block in blocks(speech, dot):
        if isinstance(block, MetaLine):
            text = plain(block.content)
            out.append(f"# {text}" if block.kind == "title" else _md(text))
            out.extend(_hints(None, block.content))
        elif isinstance(block, Heading):
            head = block.mark + plain(block.content)
            if block.body:
                out.append(f"**{head}**{block.body.text}")
                hints = _hints(block.section.hint, block.section.heading)
                hints += _hints(block.body.hint, block.body.content)
            else:
                out.append(f"{'#' * (block.depth + 1)} {head}")
                hints = _hints(block.section.hint, block.section.heading)
            out.extend(hints)
        elif isinstance(block, Paragraph):
            out.append(_md(block.text))
            out.extend(_hints(block.hint, block.content))
        elif isinstance(block, Gap):
            out.append(gap_text(block))
    return _join(out)


def _join(lines: list[str]) -> str:
    """Blocks separated by blank lines, a block's hint lines kept right under it."""
    text = ""
    for line in lines:
        if text:
            text += "\n" if line.startswith("> 提示") else "\n\n"
        text += line
    return text + "\n"
