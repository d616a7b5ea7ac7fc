"""What a user should know about a parse, one line each, in Chinese: headings a writer renumbers
(第五 → 第四), blocks of page matter removed, lines joined into one paragraph. ``drafter parse`` and
``drafter format`` print the same lines on standard error."""

from __future__ import annotations

import re

from drafter.model import Removed, Speech

#: joined paragraphs told one by one; the rest in one line (a page copied from a wiki breaks hundreds)
JOINED_SHOWN = 5
_WARNING = re.compile(r"^第(\d+)行：编号“([^”]+)”(?:接在“([^”]+)”之后|开头不是第一个)$")


def _span(first: int, last: int) -> str:
    return f"第{first}行" if first == last else f"第{first}–{last}行"


def _short(text: str, width: int = 30) -> str:
    text = re.sub(r"\s+", " ", text)
    return text if len(text) <= width else text[: width - 1] + "…"


def removed_blocks(removed: list[Removed]) -> list[tuple[int, int, str, list[Removed]]]:
    """Removed lines grouped into blocks: neighbouring lines (only blank or removed lines between)
    removed for the same reason."""
    blocks: list[tuple[int, int, str, list[Removed]]] = []
    for r in sorted(removed, key=lambda r: r.line):
        if blocks and blocks[-1][2] == r.why and r.line - blocks[-1][1] <= 2:
            first, _, why, rows = blocks[-1]
            blocks[-1] = (first, r.line, why, rows + [r])
        else:
            blocks.append((r.line, r.line, r.why, [r]))
    return blocks


def notices(speech: Speech) -> list[str]:
    """The lines to tell the user, in source order."""
    from drafter.render.numbering import numbered

    marks = {s.line: mark for s, _, mark in numbered(speech.sections, speech.numbering)}
    found: list[tuple[int, str]] = []
    for w in speech.warnings:
        m = _WARNING.match(w)
        if not m:
            at = re.match(r"第(\d+)行", w)
            found.append((int(at.group(1)) if at else 0, w))
            continue
        line, got = int(m.group(1)), m.group(2)
        printed = marks.get(line, "")
        after = f"接在“{m.group(3)}”之后" if m.group(3) else "开头不是第一个"
        change = f"，排版时改为“{printed}”" if printed and printed.rstrip("、，,.．") != got.rstrip("、，,.．") else ""
        found.append((line, f"{_span(line, line)}：编号“{got}”{after}{change}"))
    for first, last, why, rows in removed_blocks(speech.removed):
        what = _short(rows[0].text) + (f" 等{len(rows)}行" if len(rows) > 1 else "")
        found.append((first, f"{_span(first, last)}：删除{why}：{what}"))
    joined = [p for p in speech.paragraphs() if len(p.lines) > 1]
    for p in joined[:JOINED_SHOWN]:
        found.append((p.lines[0], f"{_span(p.lines[0], p.lines[-1])}：断开的行已合并为一段"))
    if len(joined) > JOINED_SHOWN:
        rest = joined[JOINED_SHOWN:]
        found.append((rest[0].lines[0],
                      f"第{rest[0].lines[0]}行起另有 {len(rest)} 处断开的行已合并（drafter parse --json 列出全部）"))
    found.sort(key=lambda item: item[0])
    return [text for _, text in found]
