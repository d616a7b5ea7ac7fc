"""Word (.docx) reader: one SourceLine per paragraph, with the heading level and title mark Word gives.

Decisions, so the parser can rely on them:

- Paragraphs: every ``w:p`` under the body, in document order, numbered from 1 and none skipped
  (empty paragraphs become ``""``). Paragraphs in table cells are read where the table stands (row by
  row, cell by cell); paragraphs in text boxes follow the paragraph that anchors the box. Word's
  ``mc:Fallback`` copies (a second copy of a text box), deleted text and moved-from text are not read.
  Headers, footers, footnotes and comments are not part of the body and are not read.
- Text: ``w:t`` as written, ``w:tab`` → tab, ``w:noBreakHyphen`` → "-". A soft line break (``w:br``,
  ``w:cr``) inside a paragraph disappears between two CJK characters (a wrapped Chinese line) and becomes
  one space otherwise; breaks at either end of the paragraph are dropped.
- ``title``: the Title style (name or id "Title", localised "标题"), or a short paragraph set wholly in a
  小标宋 face (the GB/T 9704 title face).
- A title paragraph whose text matches the document's title property (ignoring blanks) takes the
  property's text: a title broken over lines loses the space between its two phrases at the break.
- ``level`` (a hint; the parser decides): from the paragraph style first — a style named "Heading N" /
  "标题 N" → N, an outline level k < 9 on the paragraph or on its style's basedOn chain → k + 1 (k = 9 is
  body text). Failing that, from direct formatting of a short paragraph (≤ 60 non-space characters)
  whose every text run is in one heading face: 黑体 → 1; 楷体 → 2 when all bold or the text is one
  sentence (no 。！？ before its last character); bold 仿宋 → 3. A centred paragraph is never a
  heading by its face (centred 楷体 lines are the subtitle, speaker and date). A paragraph mixing faces (a 楷体
  run-in head followed by 仿宋 body) gets None, as does an empty paragraph.
- ``lead``: a paragraph that is no heading and opens with one sentence in bold, or in 黑体/楷体, followed
  by text that is not (a run-in head: "落实主体责任。…").
- ``style``: the paragraph style's name, lower case without spaces ("subtitle", "speaker", "date"), which
  the parser reads as a role for the lines of a title block.
- ``numbered``: a heading paragraph that Word numbers itself (``w:numPr`` on it or its style), whose
  number is therefore not in its text; ``list_style``: the heading-number style that Word list prints
  (numbering.xml: a Chinese count with "、" → 一、, in brackets → （一）, "第" → 第一，, decimal → 1．,
  bracketed decimal → （1）), for any paragraph Word numbers; None for bullets and other formats.
- A run's face is its East Asian font: ``w:rFonts/@w:eastAsia`` (or ``@w:ascii`` when it names a
  Chinese face) looked up on the run, then its character style chain, the paragraph style chain and the
  document defaults; bold is looked up the same way. Theme fonts are not resolved.
"""

from __future__ import annotations

import re
import zipfile
from pathlib import Path

from drafter.errors import DrafterError
from drafter.ingest import Hints, SourceLine, set_apart
from drafter.zh import ANY_SENTENCE_END, is_cjk

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
MC_FALLBACK = "{http://schemas.openxmlformats.org/markup-compatibility/2006}Fallback"
#: subtrees of a paragraph whose runs are not its text.
NOT_TEXT = {W + "p", W + "txbxContent", W + "del", W + "moveFrom", MC_FALLBACK}

#: a paragraph longer than this (non-space characters) is never a heading by direct formatting.
SHORT = 60
FACES = {
    "hei": re.compile(r"黑体|simhei|heiti|fzhei", re.I),
    "kai": re.compile(r"楷|kaiti|stkai|fzkai", re.I),
    "fangsong": re.compile(r"仿宋|fangsong|fzfs", re.I),
    "biaosong": re.compile(r"标宋|biaosong|fzxbs", re.I),
}
HEADING_NAME = re.compile(r"^(?:heading|标题)([1-9])$")
TITLE_NAMES = {"title", "标题"}
OLE2_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
FALSE_VALUES = {"0", "false", "off"}

CORRUPT = "不是有效的 .docx 文件（已损坏或不是 Word 文档）：请用 Word/WPS 打开后重新保存，或另存为 .txt"
OLD_WORD = ("这是改名为 .docx 的旧版 Word (.doc) 文档，或加密的文档：请用 Word/WPS 打开，"
            "不设密码另存为 .docx，或另存为 .txt")


def read_docx_lines(path: Path) -> list[SourceLine]:
    """One SourceLine per body paragraph of a .docx; DrafterError (one line) for anything unreadable."""
    document = _open(path)
    styles = _Styles(document.styles.element)
    core_title = document.core_properties.title or ""
    lists = _Lists(document)
    lines = []
    runs_on = None               # the line of a paragraph whose mark is a style separator
    for no, p in enumerate(_paragraphs(document.element.body), start=1):
        runs = [(r, _run_text(r)) for r in _runs(p)]
        text = _join_breaks("".join(t for _, t in runs))
        if runs_on is not None:
            # Word's style separator: a run-in heading ("第一，要……。") and its text are two
            # paragraphs printed as one line; read them as the one paragraph they show.
            runs_on.text += text
            if not _separated(p):
                runs_on = None
            continue
        line = SourceLine(no, text)
        if _separated(p):
            runs_on = line
        if text.strip():
            style = styles.paragraph_style(p)
            hints = line.hints = Hints(style=_norm(_name(style)) if style is not None else None)
            hints.title = styles.is_title(style) or _whole_face(p, runs, styles, "biaosong")
            if hints.title and "".join(core_title.split()) == "".join(text.split()):
                line.text = core_title  # the title as the document states it, with the spaces a line break hid
            if not hints.title:
                hints.level = _style_level(p, style, styles)
                numbering = _list_number(p, style, styles)
                hints.numbered = hints.level is not None and numbering is not None
                hints.list_style = lists.style(*numbering) if numbering else None
                if hints.level is None:
                    hints.level = _format_level(p, runs, styles, text)
                if hints.level is None:
                    hints.lead = _lead(p, runs, styles)
        lines.append(line)
    return lines


def _separated(p) -> bool:
    """Whether a paragraph's mark is Word's style separator (hidden with w:specVanish)."""
    ppr = p.find(W + "pPr")
    rpr = ppr.find(W + "rPr") if ppr is not None else None
    return rpr is not None and rpr.find(W + "specVanish") is not None


def _open(path: Path):
    """The python-docx Document, or a DrafterError saying why the file is not a readable .docx."""
    try:
        with path.open("rb") as fh:
            head = fh.read(8)
    except OSError as exc:
        raise DrafterError(f"无法读取：{exc.strerror}", where=str(path)) from None
    if not head:
        raise DrafterError("文件是空的（0 字节），没有可解析的文字", where=str(path))
    if head == OLE2_MAGIC:
        raise DrafterError(OLD_WORD, where=str(path))
    if not zipfile.is_zipfile(path):
        raise DrafterError(CORRUPT, where=str(path))
    from drafter.io import check_zip

    check_zip(path)   # size, parts and compression ratio, before python-docx inflates anything
    import docx

    try:
        return docx.Document(str(path))
    except Exception:  # python-docx fails on broken packages with many exception types; all mean the same
        raise DrafterError(CORRUPT, where=str(path)) from None


def _paragraphs(body):
    """Every w:p of the body in document order, except Word's mc:Fallback duplicates."""
    for p in body.iter(W + "p"):
        if not any(a.tag == MC_FALLBACK for a in p.iterancestors()):
            yield p


def _runs(element):
    """The runs that carry this paragraph's own text (not nested text boxes, deletions, fallbacks)."""
    for child in element:
        if child.tag == W + "r":
            yield child
        elif child.tag not in NOT_TEXT and isinstance(child.tag, str):
            yield from _runs(child)


def _run_text(run) -> str:
    """A run's text; soft breaks as "\\n" until _join_breaks resolves them."""
    parts = []
    for child in run:
        tag = child.tag
        if tag == W + "t":
            parts.append(child.text or "")
        elif tag in (W + "tab", W + "ptab"):
            parts.append("\t")
        elif tag in (W + "br", W + "cr"):
            parts.append("\n")
        elif tag == W + "noBreakHyphen":
            parts.append("-")
    return "".join(parts)


def _join_breaks(text: str) -> str:
    """Resolve soft breaks: nothing between CJK characters, a space otherwise, dropped at the ends."""
    if "\n" not in text:
        return text
    first, *rest = text.split("\n")
    out = first
    for part in rest:
        left, right = out.rstrip(), part.lstrip()
        if left and right and not (is_cjk(left[-1]) and is_cjk(right[0])):
            out = left + " " + right
        else:
            out = left + right
    return out


def _norm(name: str | None) -> str:
    return re.sub(r"\s+", "", name or "").lower()


class _Styles:
    """The document's styles.xml, looked up by id, with basedOn chains."""

    def __init__(self, root):
        self.by_id = {s.get(W + "styleId"): s for s in root.iter(W + "style")}
        self.default_para = next((s for s in root.iter(W + "style")
                                  if s.get(W + "type") == "paragraph" and s.get(W + "default") in ("1", "true")),
                                 None)
        self.defaults = root.find(f"{W}docDefaults/{W}rPrDefault/{W}rPr")

    def chain(self, style):
        """The style and the styles it is based on, nearest first (cycles cut)."""
        seen = set()
        while style is not None and id(style) not in seen:
            seen.add(id(style))
            yield style
            based = style.find(W + "basedOn")
            style = self.by_id.get(based.get(W + "val")) if based is not None else None

    def paragraph_style(self, p):
        ref = p.find(f"{W}pPr/{W}pStyle")
        if ref is not None and ref.get(W + "val") in self.by_id:
            return self.by_id[ref.get(W + "val")]
        return self.default_para

    def is_title(self, style) -> bool:
        return style is not None and (_norm(_name(style)) in TITLE_NAMES or _norm(style.get(W + "styleId")) == "title")

    def run_props(self, run, p) -> list:
        """The rPr elements that apply to a run, nearest first: run, character style chain, paragraph style
        chain, defaults."""
        rpr = run.find(W + "rPr")
        ref = rpr.find(W + "rStyle") if rpr is not None else None
        found = [rpr]
        if ref is not None:
            found += [s.find(W + "rPr") for s in self.chain(self.by_id.get(ref.get(W + "val")))]
        found += [s.find(W + "rPr") for s in self.chain(self.paragraph_style(p))]
        found.append(self.defaults)
        return [e for e in found if e is not None]


def _name(style) -> str | None:
    name = style.find(W + "name")
    return name.get(W + "val") if name is not None else None


def _outline(ppr) -> int | None:
    """The w:outlineLvl value (0–9) a pPr sets, or None when it sets none."""
    lvl = ppr.find(W + "outlineLvl") if ppr is not None else None
    try:
        return int(lvl.get(W + "val")) if lvl is not None else None
    except (TypeError, ValueError):
        return None


def _style_level(p, style, styles: _Styles) -> int | None:
    """Heading level from the paragraph's own outline level, else its style chain's name or outline level.

    Outline level k < 9 is level k + 1; 9 is body text.
    """
    k = _outline(p.find(W + "pPr"))
    if k is not None:
        return k + 1 if 0 <= k < 9 else None
    for s in styles.chain(style):
        for name in (_name(s), s.get(W + "styleId")):
            match = HEADING_NAME.match(_norm(name))
            if match:
                return int(match.group(1))
        k = _outline(s.find(W + "pPr"))
        if k is not None:
            return k + 1 if 0 <= k < 9 else None
    return None


def _list_number(p, style, styles: _Styles) -> tuple[str, int] | None:
    """The Word list (numId, level) that numbers the paragraph itself, whose mark is then not in its text."""
    for ppr in [p.find(W + "pPr")] + [s.find(W + "pPr") for s in styles.chain(style)]:
        num = ppr.find(f"{W}numPr/{W}numId") if ppr is not None else None
        if num is not None:
            if num.get(W + "val") in (None, "0"):
                return None
            ilvl = ppr.find(f"{W}numPr/{W}ilvl")
            return num.get(W + "val"), int(ilvl.get(W + "val", "0")) if ilvl is not None else 0
    return None


class _Lists:
    """numbering.xml: which heading-number style (一、 （一） 1． （1） 第一，) a list level prints, if any."""

    CHINESE = ("chineseCounting", "chineseCountingThousand", "ideographTraditional", "taiwaneseCounting",
               "chineseLegalSimplified", "ideographLegalTraditional")

    def __init__(self, document):
        try:
            root = document.part.numbering_part.element
        except (NotImplementedError, KeyError, AttributeError):
            root = None
        self.abstract = ({a.get(W + "abstractNumId"): a for a in root.iter(W + "abstractNum")}
                         if root is not None else {})
        self.nums = {}
        for num in root.iter(W + "num") if root is not None else ():
            ref = num.find(W + "abstractNumId")
            if ref is not None:
                self.nums[num.get(W + "numId")] = ref.get(W + "val")

    def style(self, num_id: str, level: int) -> str | None:
        abstract = self.abstract.get(self.nums.get(num_id))
        lvl = next((lv for lv in abstract.iter(W + "lvl") if lv.get(W + "ilvl") == str(level)), None) \
            if abstract is not None else None
        if lvl is None:
            return None
        fmt = lvl.find(W + "numFmt")
        text = lvl.find(W + "lvlText")
        fmt = fmt.get(W + "val") if fmt is not None else "decimal"
        text = text.get(W + "val", "") if text is not None else ""
        bracketed = text.startswith(("（", "(")) and text.endswith(("）", ")"))
        if fmt in self.CHINESE:
            if text.startswith("第"):
                return "第一，"
            return "（一）" if bracketed else "一、"
        if fmt == "decimal":
            return "（1）" if bracketed else "1．"
        return None


def _face(run, p, styles: _Styles) -> str | None:
    """The heading-relevant face of a run ("hei", "kai", "fangsong", "biaosong"), or None."""
    for rpr in styles.run_props(run, p):
        fonts = rpr.find(W + "rFonts")
        if fonts is None:
            continue
        east_asia = fonts.get(W + "eastAsia")
        if east_asia:
            return _classify(east_asia)
        face = _classify(fonts.get(W + "ascii") or "")
        if face:
            return face
    return None


def _classify(font: str) -> str | None:
    return next((face for face, pattern in FACES.items() if pattern.search(font)), None)


def _bold(run, p, styles: _Styles) -> bool:
    for rpr in styles.run_props(run, p):
        b = rpr.find(W + "b")
        if b is not None:
            return (b.get(W + "val") or "1").lower() not in FALSE_VALUES
    return False


def _text_runs(runs):
    return [r for r, t in runs if t.strip()]


def _whole_face(p, runs, styles: _Styles, face: str) -> bool:
    """True when the paragraph is short and every run with text is in the given face."""
    text_runs = _text_runs(runs)
    length = sum(len("".join(t.split())) for _, t in runs)
    return (bool(text_runs) and length <= SHORT
            and all(_face(r, p, styles) == face for r in text_runs))


def _centred(p, styles: _Styles) -> bool:
    """Whether the paragraph is centred, directly or by its style chain."""
    for ppr in [p.find(W + "pPr")] + [s.find(W + "pPr") for s in styles.chain(styles.paragraph_style(p))]:
        jc = ppr.find(W + "jc") if ppr is not None else None
        if jc is not None:
            return jc.get(W + "val") == "center"
    return False


def _lead(p, runs, styles: _Styles) -> bool:
    """Whether the paragraph opens with a sentence set apart from the rest by bold, or by a heading face
    (黑体, 楷体) the rest is not in: a run-in head (``drafter.ingest.set_apart``)."""
    marks = [(t, _bold(r, p, styles), _face(r, p, styles)) for r, t in runs if t.strip()]
    if not marks:
        return False
    bold, face = marks[0][1], marks[0][2]
    if not (bold or face in ("hei", "kai")):
        return False
    k = next((i for i, (_, b, f) in enumerate(marks) if (not b if bold else f != face)), len(marks))
    if k == len(marks):
        return False
    return set_apart("".join(m[0] for m in marks[:k]), "".join(m[0] for m in marks[k:]))


def _format_level(p, runs, styles: _Styles, text: str) -> int | None:
    """Heading level told by direct formatting alone (see the module docstring), or None."""
    text_runs = _text_runs(runs)
    if _centred(p, styles):
        return None  # centred lines are the title block (subtitle, speaker, date), not section headings
    if _whole_face(p, runs, styles, "hei"):
        return 1
    if _whole_face(p, runs, styles, "kai"):
        one_sentence = not ANY_SENTENCE_END.search(text.strip()[:-1])
        if one_sentence or all(_bold(r, p, styles) for r in text_runs):
            return 2
    if _whole_face(p, runs, styles, "fangsong") and all(_bold(r, p, styles) for r in text_runs):
        return 3
    return None
