"""Page setup from a profile: paper, margins, the line grid, and "— 1 —" page numbers in the footer."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from drafter.render.docstyles import FOOTER, FOOTER_EVEN, FOOTER_ODD
from drafter.render.ooxml import field_runs, needs_east_asian_hint, w

if TYPE_CHECKING:
    from docx.document import Document
    from docx.section import Section
    from docx.styles.style import ParagraphStyle
    from docx.text.paragraph import Paragraph


def mm_to_twips(mm: float) -> int:
    return round(mm * 1440 / 25.4)


def set_page(section: Section, profile: dict[str, Any]) -> None:
    """A4 (or the profile's paper), margins, header/footer distances and a lines-only docGrid."""
    from docx.shared import Twips

    page = profile["page"]
    width, height = page["size_mm"]
    margins = page["margins_mm"]
    section.page_width, section.page_height = Twips(mm_to_twips(width)), Twips(mm_to_twips(height))
    section.top_margin = Twips(mm_to_twips(margins["top"]))
    section.bottom_margin = Twips(mm_to_twips(margins["bottom"]))
    section.left_margin = Twips(mm_to_twips(margins["left"]))
    section.right_margin = Twips(mm_to_twips(margins["right"]))
    section.header_distance = Twips(mm_to_twips(page["header_mm"]))
    section.footer_distance = Twips(mm_to_twips(page["footer_mm"]))
    section.gutter = Twips(0)
    sect_pr = section._sectPr
    grid = sect_pr.find(w("docGrid"))
    if grid is None:
        from docx.oxml import OxmlElement

        grid = OxmlElement("w:docGrid")
        sect_pr.append(grid)
    grid.attrib.clear()
    grid.set(w("type"), "lines")
    grid.set(w("linePitch"), str(page["line_pitch"]))


def _number_paragraph(paragraph: Paragraph, style: ParagraphStyle, shown: int) -> None:
    """Fill a footer paragraph with "— PAGE —", the PAGE field showing ``shown`` until updated."""
    paragraph.style = style
    for text, field in (("— ", None), (None, str(shown)), (" —", None)):
        if field is None:
            assert text is not None
            run = paragraph.add_run(text)
            if needs_east_asian_hint(text):
                run._r.get_or_add_rPr().get_or_add_rFonts().set(w("hint"), "eastAsia")
        else:
            for r in field_runs("PAGE", field):
                paragraph._p.append(r)


def add_page_numbers(document: Document, profile: dict[str, Any]) -> None:
    """Page numbers as a PAGE field: odd right / even left (evenAndOddHeaders) or centred, by profile."""
    section = document.sections[0]
    styles = document.styles
    if profile["page_number"]["position"] == "outside":
        document.settings.odd_and_even_pages_header_footer = True
        _number_paragraph(section.footer.paragraphs[0], styles[FOOTER_ODD], 1)
        _number_paragraph(section.even_page_footer.paragraphs[0], styles[FOOTER_EVEN], 2)
    else:
        _number_paragraph(section.footer.paragraphs[0], styles[FOOTER], 1)
