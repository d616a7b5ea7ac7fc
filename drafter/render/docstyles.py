"""Word styles made from a style profile: Normal (body), Title, Heading 1–4 …, and the font setup.

Every formatting value comes from the profile; this module only knows which profile entry feeds
which Word style and how to say it in WordprocessingML.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, cast

from drafter.render.ooxml import NSDECL, attr, font_entry, parse, rfonts, strip_theme_fonts, w

if TYPE_CHECKING:
    from lxml import etree


@dataclass(frozen=True)
class StyleDef:
    key: str                 # entry in the profile's ``styles``
    name: str                # Word's internal name (python-docx reads "heading 1" as "Heading 1")
    style_id: str
    kind: str = "paragraph"  # or "character"
    based_on: str | None = "Normal"


PARAGRAPH = [
    StyleDef("body", "Normal", "Normal", based_on=None),
    StyleDef("title", "Title", "Title"),
    StyleDef("subtitle", "Subtitle", "Subtitle"),
    StyleDef("speaker", "Speaker", "Speaker"),
    StyleDef("author", "Author", "Author"),
    StyleDef("date", "Date", "Date"),
    StyleDef("salutation", "Salutation", "Salutation"),
    StyleDef("pull_quote", "Pull Quote", "PullQuote"),
    StyleDef("author_note", "Author Note", "AuthorNote"),
    StyleDef("note", "Note", "Note"),
]
CHARACTER = [
    StyleDef("placeholder", "Placeholder", "Placeholder", "character", None),
    StyleDef("lead", "Lead Heading", "LeadHeading", "character", None),
    StyleDef("run_in_body", "Run-in Body", "RunInBody", "character", None),
]
#: python-docx (UI) names of the styles a writer asks for, by role.
NAMES = {d.key: d.name for d in PARAGRAPH + CHARACTER}
FOOTER, FOOTER_ODD, FOOTER_EVEN = "Footer", "Page Number Odd", "Page Number Even"


def heading_name(depth: int) -> str:
    return f"Heading {depth}"


def heading_def(depth: int) -> StyleDef:
    return StyleDef(f"heading{min(depth, 4)}", f"heading {depth}", f"Heading{depth}")


HIGHLIGHT_FILL = {"yellow": "FFFF00", "green": "00FF00", "cyan": "00FFFF", "lightGray": "D3D3D3"}
ALIGN = {"justify": "both", "center": "center", "left": "left", "right": "right"}


def _size(points: float) -> str:
    half = round(points * 2)
    return f'<w:sz w:val="{half}"/><w:szCs w:val="{half}"/>'


def run_properties(profile: dict[str, Any], spec: dict[str, Any], spacing: int | None = None) -> str:
    """An rPr for a style entry: fonts, bold, character spacing, size, highlight."""
    fonts = profile["fonts"]
    parts = []
    if "font" in spec:
        parts.append(rfonts(fonts["latin"], fonts[spec["font"]]))
    if "bold" in spec:
        parts.append("<w:b/><w:bCs/>" if spec["bold"] else '<w:b w:val="0"/><w:bCs w:val="0"/>')
    if spacing is not None:
        parts.append(f'<w:spacing w:val="{spacing}"/>')
    if "size" in spec:
        parts.append(_size(spec["size"]))
    if spec.get("highlight"):
        colour = spec["highlight"]
        parts.append(f"<w:highlight w:val={attr(colour)}/>")
        parts.append(f'<w:shd w:val="clear" w:color="auto" w:fill={attr(HIGHLIGHT_FILL.get(colour, "FFFF00"))}/>')
    return f"<w:rPr>{''.join(parts)}</w:rPr>" if parts else ""


def paragraph_properties(profile: dict[str, Any], key: str, spec: dict[str, Any], outline: int | None) -> str:
    """A pPr for a style entry: grid snapping, line pitch, spacing, indent, alignment, outline level."""
    pitch = profile["page"]["line_pitch"]
    size = spec.get("size", profile["text_size"])
    parts = []
    if outline is not None:
        parts.append("<w:keepNext/>")
    if key == "body":
        parts.append('<w:widowControl w:val="0"/>')
    if "line_pitch" in spec:
        parts.append('<w:snapToGrid w:val="0"/>')
    spacing = ""
    if key == "body" or "line_pitch" in spec:
        spacing += f' w:line="{spec.get("line_pitch", pitch)}" w:lineRule="exact"'
    if key == "body" or "before_lines" in spec:
        spacing += f' w:before="{round(spec.get("before_lines", 0) * pitch)}"'
    if key == "body" or "after_lines" in spec:
        spacing += f' w:after="{round(spec.get("after_lines", 0) * pitch)}"'
    if spacing:
        parts.append(f"<w:spacing{spacing}/>")
    if "indent_chars" in spec or spec.get("align") == "center":
        char = size * 20 + (profile["char_spacing"] if key != "title" else 0)
        parts.append(f'<w:ind w:firstLine="{round(spec.get("indent_chars", 0) * char)}"/>')
    if "align" in spec:
        parts.append(f'<w:jc w:val="{ALIGN[spec["align"]]}"/>')
    if outline is not None:
        parts.append(f'<w:outlineLvl w:val="{outline}"/>')
    return f"<w:pPr>{''.join(parts)}</w:pPr>" if parts else ""


def style_element(profile: dict[str, Any], d: StyleDef, outline: int | None = None) -> etree._Element:
    """The w:style element for one style definition."""
    spec = dict(profile["styles"].get(d.key, {}))
    if d.key == "body":
        spec.setdefault("size", profile["text_size"])
    spacing = None
    if d.key == "body":
        spacing = profile["char_spacing"]
    elif d.key == "title":
        spacing = 0
    based = f"<w:basedOn w:val={attr(d.based_on)}/>" if d.based_on else ""
    default = ' w:default="1"' if d.key == "body" else ""
    after = '<w:next w:val="Normal"/>' if d.kind == "paragraph" and d.key != "body" else ""
    ppr = paragraph_properties(profile, d.key, spec, outline) if d.kind == "paragraph" else ""
    return parse(
        f"<w:style {NSDECL} w:type={attr(d.kind)} w:styleId={attr(d.style_id)}"
        f"{default}>"
        f"<w:name w:val={attr(d.name)}/>{based}{after}<w:qFormat/>"
        f"{ppr}{run_properties(profile, spec, spacing)}</w:style>"
    )


def footer_elements(profile: dict[str, Any]) -> list[etree._Element]:
    """Footer (page number type and size, centred) and the odd/even page-number styles."""
    number = profile["page_number"]
    font = profile["fonts"][number["font"]]
    inset = round(number.get("indent_chars", 1) * number["size"] * 20)
    base = (
        f'<w:style {NSDECL} w:type="paragraph" w:styleId="Footer"><w:name w:val="footer"/>'
        '<w:basedOn w:val="Normal"/><w:pPr><w:snapToGrid w:val="0"/>'
        '<w:spacing w:before="0" w:after="0" w:line="240" w:lineRule="auto"/><w:ind w:firstLine="0"/>'
        f'<w:jc w:val="center"/></w:pPr><w:rPr>{rfonts(font, font)}<w:spacing w:val="0"/>'
        f"{_size(number['size'])}</w:rPr></w:style>"
    )
    sides = [(FOOTER_ODD, "PageNumberOdd", "right", f'w:right="{inset}"'),
             (FOOTER_EVEN, "PageNumberEven", "left", f'w:left="{inset}"')]
    out = [parse(base)]
    for name, style_id, align, indent in sides:
        out.append(parse(
            f'<w:style {NSDECL} w:type="paragraph" w:styleId="{style_id}"><w:name w:val="{name}"/>'
            f'<w:basedOn w:val="Footer"/><w:pPr><w:ind {indent} w:firstLine="0"/><w:jc w:val="{align}"/>'
            "</w:pPr></w:style>"
        ))
    return out


def profile_styles(profile: dict[str, Any], depth: int = 4) -> list[etree._Element]:
    """Every style element the profile defines, with headings down to ``depth``."""
    out = [style_element(profile, d) for d in PARAGRAPH]
    out += [style_element(profile, heading_def(n), outline=n - 1) for n in range(1, max(depth, 4) + 1)]
    out += [style_element(profile, d) for d in CHARACTER]
    return out + footer_elements(profile)


def _name_of(style: etree._Element) -> str:
    return cast(str, style.find(w("name")).get(w("val")))


def install_styles(
    styles_root: etree._Element, profile: dict[str, Any], depth: int = 4, only_missing: bool = False
) -> None:
    """Put the profile's styles into a styles part, replacing same-named ones (or only adding missing ones).

    A replaced style's linked character style (Heading1Char …) goes too, being the old look.
    """
    existing = {_name_of(s).lower(): s for s in styles_root.iter(w("style"))}
    by_id = {s.get(w("styleId")): s for s in styles_root.iter(w("style"))}
    for element in profile_styles(profile, depth):
        name = _name_of(element).lower()
        old = existing.get(name)
        if old is not None and only_missing:
            continue
        if old is not None:
            link = old.find(w("link"))
            if link is not None and link.get(w("val")) in by_id:
                styles_root.remove(by_id[link.get(w("val"))])
            styles_root.remove(old)
        styles_root.append(element)


def set_doc_defaults(styles_root: etree._Element, profile: dict[str, Any]) -> None:
    """docDefaults: body fonts with w:eastAsia, text size, zh-CN East Asian language, no theme fonts."""
    fonts = profile["fonts"]
    body_font = fonts[profile["styles"]["body"]["font"]]
    defaults = parse(
        f"<w:docDefaults {NSDECL}><w:rPrDefault><w:rPr>{rfonts(fonts['latin'], body_font)}"
        f'{_size(profile["text_size"])}<w:lang w:val="en-US" w:eastAsia="zh-CN" w:bidi="ar-SA"/>'
        '</w:rPr></w:rPrDefault><w:pPrDefault><w:pPr><w:spacing w:after="0" w:line="240" w:lineRule="auto"/>'
        "</w:pPr></w:pPrDefault></w:docDefaults>"
    )
    old = styles_root.find(w("docDefaults"))
    if old is not None:
        old.addprevious(defaults)
        styles_root.remove(old)
    else:
        styles_root.insert(0, defaults)
    strip_theme_fonts(styles_root)


def fonts_used(profile: dict[str, Any]) -> list[str]:
    """The names of the fonts a profile sets, in a stable order."""
    families = {spec["font"] for spec in profile["styles"].values() if "font" in spec}
    families.add(profile["page_number"]["font"])
    return sorted({profile["fonts"][f] for f in families} | {profile["fonts"]["latin"]})


def add_font_fallbacks(font_table_root: etree._Element, profile: dict[str, Any]) -> None:
    """Write each used font with fallbacks into the font table (w:altName), replacing an old entry."""
    fallbacks = profile.get("fallbacks", {})
    entries = {f.get(w("name")): f for f in font_table_root.iter(w("font"))}
    for name in fonts_used(profile):
        if name not in fallbacks:
            continue
        if name in entries:
            font_table_root.remove(entries[name])
        font_table_root.append(font_entry(name, list(fallbacks[name])))
