"""The .docx writer: a Speech laid out to a style profile (GB/T 9704 by default), or to a user's reference doc.

Every paragraph gets a real style (Title, Subtitle, Speaker, Date, Salutation, Heading 1–4, Normal
for the body …); placeholders get the Placeholder character style; writing hints become Word comments.
"""

from __future__ import annotations

import io
import os
import zipfile
from pathlib import Path
from typing import TYPE_CHECKING, Any
from collections.abc import Iterable

from drafter.errors import DrafterError
from drafter.model import Gap, Inlines, Paragraph, Placeholder, Speech, plain
from drafter.render.docstyles import (
    NAMES, add_font_fallbacks, heading_name, install_styles, set_doc_defaults,
)
from drafter.render.layout import Block, Heading, MetaLine, blocks, gap_text, merge_text
from drafter.render.ooxml import needs_east_asian_hint, w
from drafter.render.page import add_page_numbers, set_page
from drafter.render.titlebreak import break_title

if TYPE_CHECKING:
    from docx.document import Document as DocxDocument
    from docx.enum.style import WD_STYLE_TYPE
    from docx.styles.style import BaseStyle
    from docx.text.paragraph import Paragraph as DocxParagraph
    from docx.text.run import Run

#: paragraph style by paragraph role; roles not listed are body text (Normal).
ROLE_STYLES = {"salutation": "salutation", "pull_quote": "pull_quote", "author_note": "author_note", "note": "note"}
COMMENT_AUTHOR, COMMENT_INITIALS = "drafter", "DR"
#: a fixed time for every zip entry, so the same speech gives the same bytes.
ZIP_TIME = (1980, 1, 1, 0, 0, 0)
REL_STYLES_WITH_EFFECTS = "http://schemas.microsoft.com/office/2007/relationships/stylesWithEffects"
REL_FONT_TABLE = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/fontTable"
REL_THUMBNAIL = "http://schemas.openxmlformats.org/package/2006/relationships/metadata/thumbnail"
REL_COMMENTS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/comments"


def style_separator(paragraph: DocxParagraph) -> None:
    """Make a paragraph's mark Word's style separator: a hidden mark that is never shown
    (``w:vanish`` + ``w:specVanish`` in the mark's run properties), so the next paragraph continues
    on the same line while each keeps its own style and outline level."""
    from lxml import etree

    ppr = paragraph._p.get_or_add_pPr()
    rpr = ppr.find(w("rPr"))
    if rpr is None:
        rpr = etree.SubElement(ppr, w("rPr"))     # last child of w:pPr (no w:sectPr or w:pPrChange here)
    for tag in ("vanish", "specVanish"):
        if rpr.find(w(tag)) is None:
            etree.SubElement(rpr, w(tag))


def is_style_separator(p: Any) -> bool:
    """Whether a w:p element's mark is a style separator (its text runs on into the next paragraph)."""
    ppr = p.find(w("pPr"))
    rpr = ppr.find(w("rPr")) if ppr is not None else None
    return rpr is not None and rpr.find(w("specVanish")) is not None


class _Writer:
    """Appends the blocks of a speech to a document, styled by name."""

    def __init__(self, document: DocxDocument, title_capacity: int) -> None:
        self.document = document
        self.styles = document.styles
        self.title_capacity = title_capacity
        self.body = document.element.body
        self.sect_pr = self.body.find(w("sectPr"))
        self.style_ids: dict[tuple[str, int], str | None] = {}

    def add_paragraph(self, style: BaseStyle | None = None) -> DocxParagraph:
        """A new last paragraph of the body, in constant time (python-docx's ``add_paragraph`` scans the
        body for its section properties each time, and looks the default style up on every call)."""
        from docx.enum.style import WD_STYLE_TYPE
        from docx.oxml import OxmlElement
        from docx.text.paragraph import Paragraph as DocxParagraph

        p = OxmlElement("w:p")
        if self.sect_pr is not None and self.sect_pr.getparent() is self.body:
            self.sect_pr.addprevious(p)
        else:
            self.body.append(p)
        if style is not None:
            style_id = self.style_id(style, WD_STYLE_TYPE.PARAGRAPH)
            if style_id is not None:
                p.style = style_id
        return DocxParagraph(p, self.document._body)

    def style_id(self, style: BaseStyle, kind: WD_STYLE_TYPE) -> str | None:
        """The id a paragraph or run names its style by (None for the default style), looked up once."""
        key = (style.style_id, int(kind))
        if key not in self.style_ids:
            self.style_ids[key] = self.document.part.get_style_id(style, kind)  # type: ignore[no-untyped-call]  # unannotated in python-docx
        return self.style_ids[key]

    def add_run(self, paragraph: DocxParagraph, text: str | None = None, style: BaseStyle | None = None) -> Run:
        """``paragraph.add_run`` with the style id looked up once per style."""
        from docx.enum.style import WD_STYLE_TYPE

        run = paragraph.add_run(text)
        if style is not None:
            style_id = self.style_id(style, WD_STYLE_TYPE.CHARACTER)
            if style_id is not None:
                run._r.style = style_id
        return run

    #: how a paragraph's mark becomes a style separator (the fast writer's stand-in marks its own way)
    style_separator = staticmethod(style_separator)

    def style(self, key_or_name: str) -> Any:   # a paragraph or a character style
        return self.styles[NAMES.get(key_or_name, key_or_name)]

    def runs(self, paragraph: DocxParagraph, content: Inlines, char_style: str | None = None) -> list[Run]:
        """Runs for inline content: text in ``char_style``, placeholders in the Placeholder style."""
        out = []
        for part in merge_text(content):
            if isinstance(part, Placeholder):
                run = self.add_run(paragraph, str(part), self.style("placeholder"))
                if part.hint:
                    self.comment([run], part.hint)
            elif part:
                run = self.add_run(paragraph, part, self.style(char_style) if char_style else None)
                if needs_east_asian_hint(part):
                    run._r.get_or_add_rPr().get_or_add_rFonts().set(w("hint"), "eastAsia")
            else:
                continue
            out.append(run)
        return out

    def comment(self, runs: list[Run], text: str | None, paragraph: DocxParagraph | None = None) -> None:
        """A Word comment holding a writing hint, anchored on ``runs`` (an empty run if there are none)."""
        if not text:
            return
        if not runs:
            assert paragraph is not None, "a comment without runs needs its paragraph"
            runs = [paragraph.add_run()]
        added = self.document.add_comment(runs, text=text, author=COMMENT_AUTHOR, initials=COMMENT_INITIALS)
        added._comment_elm.attrib.pop(w("date"), None)   # python-docx stamps the clock time

    def meta(self, line: MetaLine) -> None:
        paragraph = self.add_paragraph(self.style(line.kind))   # title, subtitle, speaker, author, date
        if line.kind != "title":
            self.runs(paragraph, line.content)
            return
        for n, part in enumerate(break_title(line.content, self.title_capacity)):
            if n:
                paragraph.add_run().add_break()
            self.runs(paragraph, part)

    def heading(self, head: Heading) -> None:
        paragraph = self.add_paragraph(self.styles[heading_name(head.depth)])
        lead = "lead" if head.style == "lead" and head.run_in else None
        runs = self.runs(paragraph, [head.mark, *head.content], lead)
        self.comment(runs, head.section.hint, paragraph)
        if head.body is not None:
            # The text runs on after the heading sentence on the page, but the heading paragraph
            # holds the sentence alone, so the navigation pane and a table of contents list just it.
            paragraph.paragraph_format.keep_with_next = False
            self.style_separator(paragraph)
            text = self.document.add_paragraph()
            text.paragraph_format.first_line_indent = 0
            body_runs = self.runs(text, head.body.content, "run_in_body")
            self.comment(body_runs, head.body.hint, text)

    def paragraph(self, block: Paragraph) -> None:
        key = ROLE_STYLES.get(block.role)
        paragraph = self.add_paragraph(self.style(key) if key else None)
        self.comment(self.runs(paragraph, block.content), block.hint, paragraph)

    def gap(self, block: Gap) -> None:
        paragraph = self.add_paragraph()
        self.add_run(paragraph, gap_text(block), self.style("placeholder"))

    def write(self, items: Iterable[Block]) -> None:
        for block in items:
            if isinstance(block, MetaLine):
                self.meta(block)
            elif isinstance(block, Heading):
                self.heading(block)
            elif isinstance(block, Paragraph):
                self.paragraph(block)
            elif isinstance(block, Gap):
                self.gap(block)


def _part_by_rel(owner: Any, reltype: str) -> Any:
    return next((rel.target_part for rel in owner.rels.values() if rel.reltype == reltype and not rel.is_external),
                None)


def _drop_rel(owner: Any, reltype: str) -> None:
    for rel_id, rel in list(owner.rels.items()):
        if rel.reltype == reltype:
            del owner.rels[rel_id]


def _prepare_blank(document: DocxDocument, profile: dict[str, Any], depth: int) -> None:
    """Turn python-docx's blank template into a profile's page: styles, fonts, language, page, numbers."""
    from lxml import etree

    styles_root = document.styles.element
    install_styles(styles_root, profile, depth)
    set_doc_defaults(styles_root, profile)
    settings = document.settings.element
    lang = settings.find(w("themeFontLang"))
    lang.attrib.clear()
    lang.set(w("val"), "en-US")
    lang.set(w("eastAsia"), "zh-CN")
    font_table = _part_by_rel(document.part, REL_FONT_TABLE)
    root = etree.fromstring(font_table.blob)
    add_font_fallbacks(root, profile)
    font_table._blob = etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)
    _drop_rel(document.part, REL_STYLES_WITH_EFFECTS)
    _drop_rel(document.part.package, REL_THUMBNAIL)
    set_page(document.sections[0], profile)
    add_page_numbers(document, profile)


def _open_reference(path: str | os.PathLike[str]) -> DocxDocument:
    """A user's house-style document with its body cleared, keeping its styles and final page setup."""
    from docx import Document

    path = Path(path)
    if not path.is_file():
        raise DrafterError("参考文档不存在", where=str(path))
    from drafter.io import check_zip

    check_zip(path)
    try:
        document = Document(str(path))
    except Exception as exc:  # python-docx raises several kinds for a file that is not a .docx
        raise DrafterError(f"参考文档无法打开，需为 .docx（{exc}）",
                           where=str(path)) from None
    body = document.element.body
    for child in list(body):
        if child.tag != w("sectPr"):
            body.remove(child)
    comments = _part_by_rel(document.part, REL_COMMENTS)
    if comments is not None:
        for old in list(comments.element):
            comments.element.remove(old)
    return document


def _title_capacity(document: DocxDocument, profile: dict[str, Any]) -> int:
    """How many title characters fit on a line: text width over the Title style's size."""
    section: Any = document.sections[0]   # python-docx types the page size and margins as optional
    width_pt = (section.page_width - section.left_margin - section.right_margin) / 12700
    size = document.styles[NAMES["title"]].font.size
    size_pt = size.pt if size is not None else profile["styles"]["title"]["size"]
    return max(1, int(width_pt // size_pt))


def _set_core_properties(document: DocxDocument, speech: Speech) -> None:
    """Title and creator set; created/modified dates removed so output does not depend on the clock."""
    props = document.core_properties
    props.title = plain(speech.meta.title)[:255]   # the core-properties limit; the body keeps it whole
    props.author = "drafter"
    props.comments = ""
    props.last_modified_by = ""
    for tag in ("created", "modified", "lastPrinted"):
        for old in props._element.xpath(f"./dcterms:{tag} | ./cp:{tag}"):
            props._element.remove(old)


def build_document(
    speech: Speech, profile: dict[str, Any], reference_doc: str | os.PathLike[str] | None = None
) -> DocxDocument:
    """A python-docx Document of the speech laid out to a style profile (or to ``reference_doc``)."""
    from docx import Document

    depth = max((s.depth for s in speech.walk()), default=1)
    if reference_doc is not None:
        document = _open_reference(reference_doc)
        install_styles(document.styles.element, profile, depth, only_missing=True)
    else:
        document = Document()
        _prepare_blank(document, profile, depth)
    writer = _Writer(document, _title_capacity(document, profile))
    writer.write(blocks(speech, profile["numbering"]["dot"]))
    _set_core_properties(document, speech)
    return document


def docx_bytes(document: DocxDocument) -> bytes:
    """The saved document, every zip entry stamped with one fixed time."""
    raw = io.BytesIO()
    document.save(raw)
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(raw.getvalue())) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for item in src.infolist():
            dst.writestr(zipfile.ZipInfo(item.filename, ZIP_TIME), src.read(item.filename), zipfile.ZIP_DEFLATED)
    return out.getvalue()
