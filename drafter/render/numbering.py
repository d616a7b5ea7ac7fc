"""Heading numbers, derived from a section's position and numbering style (never stored)."""

from __future__ import annotations

from drafter.model import Section
from drafter.zh import DEFAULT_LADDER, UNNUMBERED, mark


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


def numbered(
    sections: list[Section], numbering: tuple[str, ...] | None, dot: str = "."
) -> list[tuple[Section, str, str]]:
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
