"""Small WordprocessingML helpers python-docx lacks: East Asian fonts, fields, the font table."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

if TYPE_CHECKING:      # lxml is loaded by python-docx when a document is built, not to import this module
    from lxml import etree

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
NSDECL = f'xmlns:w="{W_NS}"'
THEME_ATTRS = ("asciiTheme", "hAnsiTheme", "eastAsiaTheme", "cstheme")
#: characters Word may set in either the Latin or the East Asian font; a run holding one gets
#: w:hint="eastAsia" so they come out full-width in the Chinese font.
AMBIGUOUS = set("“”‘’—–…·•●○■□◆◇★☆※°℃×÷№§")
_AMBIGUOUS = re.compile(f"[{re.escape(''.join(sorted(AMBIGUOUS)))}]")


def w(tag: str) -> str:
    """Clark name of a w: tag or attribute."""
    return f"{{{W_NS}}}{tag}"


def parse(xml: str) -> etree._Element:
    """An element from a fragment of w: markup."""
    from docx.oxml.parser import parse_xml

    return parse_xml(xml)


def attr(value: object) -> str:
    """An attribute value, quoted and escaped (as xml.sax.saxutils.quoteattr does, without importing
    it: that module pulls in urllib, http and email)."""
    text = str(value).replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    text = text.replace("\n", "&#10;").replace("\r", "&#13;").replace("\t", "&#9;")
    if '"' in text:
        return "'" + text + "'" if "'" not in text else '"' + text.replace('"', "&quot;") + '"'
    return '"' + text + '"'



def rfonts(latin: str, east_asian: str) -> str:
    """rFonts naming one font for Latin/complex text and one for East Asian text, no theme fonts."""
    return (f"<w:rFonts w:ascii={attr(latin)} w:hAnsi={attr(latin)} "
            f"w:eastAsia={attr(east_asian)} w:cs={attr(latin)}/>")


def strip_theme_fonts(root: etree._Element) -> None:
    """Remove every theme-font attribute under ``root``, so named fonts are not overridden."""
    for fonts in root.iter(w("rFonts")):
        for name in THEME_ATTRS:
            fonts.attrib.pop(w(name), None)


def needs_east_asian_hint(text: str) -> bool:
    return _AMBIGUOUS.search(text) is not None


def field_runs(instruction: str, result: str) -> list[etree._Element]:
    """The runs of a complex field (begin, instruction, separate, cached result, end)."""
    pieces = (
        '<w:fldChar w:fldCharType="begin"/>',
        f'<w:instrText xml:space="preserve"> {instruction} </w:instrText>',
        '<w:fldChar w:fldCharType="separate"/>',
        f"<w:t>{result}</w:t>",
        '<w:fldChar w:fldCharType="end"/>',
    )
    return [parse(f"<w:r {NSDECL}>{piece}</w:r>") for piece in pieces]


def font_entry(name: str, alternatives: list[str]) -> etree._Element:
    """A w:font entry for the font table: GB2312 charset, with fallbacks as a comma-separated altName."""
    alt = f"<w:altName w:val={attr(','.join(alternatives))}/>" if alternatives else ""
    return parse(
        f"<w:font {NSDECL} w:name={attr(name)}>{alt}"
        '<w:charset w:val="86"/><w:family w:val="auto"/><w:pitch w:val="variable"/></w:font>'
    )
