"""The .docx writer: a Speech laid out to a style profile (GB/T 9704 by default), or to a user's reference doc.

Every paragraph gets a real style (Title, Subtitle, Speaker, Date, Salutation, Heading 1–4, Normal
for the body …); placeholders get the Placeholder character style; writing hints become Word comments.
"""

from __future__ import annotations

import io
import zipfile
from pathlib import Path
from typing import Any, Iterable

from drafter.errors import DrafterError
from drafter.model import Gap, Inlines, Paragraph, Placeholder, Speech, plain
from drafter.render.docstyles import (
    NAMES, add_font_fallbacks, heading_name, install_styles, set_doc_defaults,
)
from drafter.render.layout import Heading, MetaLine, blocks, gap_text, merge_text
from drafter.render.ooxml import needs_east_asian_hint, w
from drafter.render.page import add_page_numbers, set_page
from drafter.render.titlebreak import break_title

#: paragraph style by paragraph role; roles not listed are body text (Normal).
ROLE_STYLES = {"salutation": "salutation", "pull_quote": "pull_quote", "author_note": "author_note"}
COMMENT_AUTHOR, COMMENT_INITIALS = "drafter", "DR"
#: a fixed time for every zip entry, so the same speech gives the same bytes.
ZIP_TIME = (1980, 1, 1, 0, 0, 0)
REL_STYLES_WITH_EFFECTS = "http://schemas.microsoft.com/office/2007/relationships/stylesWithEffects"
REL_FONT_TABLE = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/fontTable"
REL_THUMBNAIL = "http://schemas.openxmlformats.org/package/2006/relationships/metadata/thumbnail"
REL_COMMENTS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/comments"


class _Writer:
    """Appends the blocks of a speech to a document, styled by name."""

    def __init__(self, document, title_capacity: int):
        self.document = document
        self.styles = document.styles
        self.title_capacity = title_capacity
        self.body = document.element.body
        self.sect_pr = self.body.find(w("sectPr"))
        self.style_ids: dict[tuple[str, int], str | None] = {}

    def add_paragraph(self, style=None):
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

    def style_id(self, style, kind) -> str | None:
        """The id a paragraph or run names its style by (None for the default style), looked up once."""
        key = (style.style_id, int(kind))
        if key not in self.style_ids:
            self.style_ids[key] = self.document.part.get_style_id(style, kind)
        return self.style_ids[key]

    def add_run(self, paragraph, text: str | None = None, style=None):
        """``paragraph.add_run`` with the style id looked up once per style."""
        from docx.enum.style import WD_STYLE_TYPE

        run = paragraph.add_run(text)
        if style is not None:
            style_id = self.style_id(style, WD_STYLE_TYPE.CHARACTER)
            if style_id is not None:
                run._r.style = style_id
        return run

    def style(self, key_or_name: str):
        return self.styles[NAMES.get(key_or_name, key_or_name)]

    def runs(self, paragraph, content: Inlines, char_style: str | None = None) -> list:
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

    def comment(self, runs: list, text: str | None, paragraph=None) -> None:
        """A Word comment holding a writing hint, anchored on ``runs`` (an empty run if there are none)."""
        if not text:
            return
        if not runs:
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
            # a long paragraph: the heading style's keep-with-next would push it to the next page
            paragraph.paragraph_format.keep_with_next = False
            body_runs = self.runs(paragraph, head.body.content, "run_in_body")
            self.comment(body_runs, head.body.hint, paragraph)

    def paragraph(self, block: Paragraph) -> None:
        key = ROLE_STYLES.get(block.role)
        paragraph = self.add_paragraph(self.style(key) if key else None)
        self.comment(self.runs(paragraph, block.content), block.hint, paragraph)

    def gap(self, block: Gap) -> None:
        paragraph = self.add_paragraph()
        self.add_run(paragraph, gap_text(block), self.style("placeholder"))

    def write(self, items: Iterable) -> None:
        for block in items:
            if isinstance(block, MetaLine):
                self.meta(block)
            elif isinstance(block, Heading):
                self.heading(block)
            elif isinstance(block, Paragraph):
                self.paragraph(block)
            elif isinstance(block, Gap):
                self.gap(block)


def _part_by_rel(owner, reltype: str):
    return next((rel.target_part for rel in owner.rels.values() if rel.reltype == reltype and not rel.is_external), None)


def _drop_rel(owner, reltype: str) -> None:
    for rel_id, rel in list(owner.rels.items()):
        if rel.reltype == reltype:
            del owner.rels[rel_id]


def _prepare_blank(document, profile: dict[str, Any], depth: int) -> None:
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


def _open_reference(path: str | Path):
    """A user's house-style document with its body cleared, keeping its styles and final page setup."""
    from docx import Document

    path = Path(path)
    if not path.is_file():
        raise DrafterError("参考文档不存在 reference document not found", where=str(path))
    from drafter.io import check_zip

    check_zip(path)
    try:
        document = Document(str(path))
    except Exception as exc:  # python-docx raises several kinds for a file that is not a .docx
        raise DrafterError(f"参考文档无法打开，需为 .docx: cannot open reference document ({exc})", where=str(path)) from None
    body = document.element.body
    for child in list(body):
        if child.tag != w("sectPr"):
            body.remove(child)
    comments = _part_by_rel(document.part, REL_COMMENTS)
    if comments is not None:
        for old in list(comments.element):
            comments.element.remove(old)
    return document


def _title_capacity(document, profile: dict[str, Any]) -> int:
    """How many title characters fit on a line: text width over the Title style's size."""
    section = document.sections[0]
    width_pt = (section.page_width - section.left_margin - section.right_margin) / 12700
    size = document.styles[NAMES["title"]].font.size
    size_pt = size.pt if size is not None else profile["styles"]["title"]["size"]
    return max(1, int(width_pt // size_pt))


def _set_core_properties(document, speech: Speech) -> None:
    """Title and creator set; created/modified dates removed so output does not depend on the clock."""
    props = document.core_properties
    props.title = plain(speech.meta.title)[:255]   # the core-properties limit; the body keeps it whole
    props.author = "drafter"
    props.comments = ""
    props.last_modified_by = ""
    for tag in ("created", "modified", "lastPrinted"):
        for old in props._element.xpath(f"./dcterms:{tag} | ./cp:{tag}"):
            props._element.remove(old)


def build_document(speech: Speech, profile: dict[str, Any], reference_doc: str | Path | None = None):
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


def docx_bytes(document) -> bytes:
    """The saved document, every zip entry stamped with one fixed time."""
    raw = io.BytesIO()
    document.save(raw)
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(raw.getvalue())) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for item in src.infolist():
            dst.writestr(zipfile.ZipInfo(item.filename, ZIP_TIME), src.read(item.filename), zipfile.ZIP_DEFLATED)
    return out.getvalue()
