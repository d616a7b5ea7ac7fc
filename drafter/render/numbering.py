"""Heading numbers, derived from a section's position and numbering style (never stored)."""

from __future__ import annotations

from drafter.errors import DrafterError
from drafter.model import DEFAULT_LADDER, STYLES, Section

DIGITS = "零一二三四五六七八九"
#: styles that print no number.
UNNUMBERED = ("lead", "none")


def chinese_numeral(n: int) -> str:
    """1 → 一, 10 → 十, 11 → 十一, 20 → 二十, 99 → 九十九."""
    if not 1 <= n <= 99:
        raise DrafterError(f"中文序号只支持 1–99，这里是 {n}: Chinese numerals run from 1 to 99, got {n}")
    tens, ones = divmod(n, 10)
    head = "" if tens == 0 else ("十" if tens == 1 else DIGITS[tens] + "十")
    return head + (DIGITS[ones] if ones else "")


def mark(style: str, n: int, dot: str = ".") -> str:
    """The printed mark of the n-th (1-based) heading in a numbering style: 一、 （一） 1. （1） 第一， or ""."""
    if style == "一、":
        return f"{chinese_numeral(n)}、"
    if style == "（一）":
        return f"（{chinese_numeral(n)}）"
    if style == "1．":
        return f"{n}{dot}"
    if style == "（1）":
        return f"（{n}）"
    if style == "第一，":
        return f"第{chinese_numeral(n)}，"
    if style in UNNUMBERED:
        return ""
    raise DrafterError(f"未知的编号样式 unknown numbering style '{style}'; use one of: {' '.join(STYLES)}")


def effective_style(section: Section, numbering: tuple[str, ...] | None) -> str:
    """The numbering style a section is printed in.

    ``Speech.numbering`` (one style per depth) overrides a numbered section's own style; "lead" and
    "none" sections keep theirs, being unnumbered by nature. A section whose style is empty falls
    back to the default ladder 一、 （一） 1． （1） by depth.
    """
    own = section.style
    if own in UNNUMBERED:
        return own
    if numbering and section.depth <= len(numbering):
        return numbering[section.depth - 1]
    if own:
        return own
    return DEFAULT_LADDER[min(section.depth, len(DEFAULT_LADDER)) - 1]


def numbered(sections: list[Section], numbering: tuple[str, ...] | None, dot: str = ".") -> list[tuple[Section, str, str]]:
    """Every section in document order as (section, style in effect, printed mark).

    The number is the section's 1-based position among its siblings; a section without a heading
    still counts.
    """
    out: list[tuple[Section, str, str]] = []
    for position, section in enumerate(sections, start=1):
        style = effective_style(section, numbering)
        out.append((section, style, mark(style, position, dot)))
        out.extend(numbered(section.children, numbering, dot))
    return out
