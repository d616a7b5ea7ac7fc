"""Plain-text and Markdown reader: detect the encoding, split into numbered lines."""

from __future__ import annotations

import codecs
import contextlib
import re
from pathlib import Path

from drafter.errors import DrafterError
from drafter.ingest import Hints, SourceLine
from drafter.io import read_input

#: legacy encodings a Chinese office's files come in, left to charset-normalizer to tell apart.
LEGACY = ["gb18030", "big5"]
#: what a byte that cannot be decoded is shown as
BROKEN = "\ufffd"
BOMS = [(codecs.BOM_UTF8, "utf_8_sig"), (codecs.BOM_UTF16_LE, "utf_16"), (codecs.BOM_UTF16_BE, "utf_16")]


def decode(data: bytes, where: str = "") -> str:
    """Decode bytes of Chinese text: BOM first, then UTF-16 (when NULs show it), strict UTF-8,
    charset-normalizer's best guess among the legacy Chinese encodings, and last UTF-8 with a few
    broken bytes (at most one in a thousand characters), each shown as U+FFFD."""
    for bom, encoding in BOMS:
        if data.startswith(bom):
            return data.decode(encoding)
    if b"\x00" in data:
        # text in UTF-16 has NULs (every newline, digit and Latin letter); other text has none
        for encoding in ("utf_16_le", "utf_16_be"):
            try:
                text = data.decode(encoding)
            except UnicodeDecodeError:
                continue
            if _plausible(text) >= 0.95:
                return text
        raise DrafterError("这是二进制文件，不是文本：请给出 .txt、.md 或 .docx", where=where)
    with contextlib.suppress(UnicodeDecodeError):
        return data.decode("utf-8")
    from charset_normalizer import from_bytes

    best = from_bytes(data, cp_isolation=LEGACY).best()
    if best is not None and _plausible(str(best)) >= 0.95:
        return str(best)
    # UTF-8 with a few broken bytes (a character cut when the file was saved): keep the text, mark them
    text = data.decode("utf-8", errors="replace")
    if text.count(BROKEN) <= max(8, len(text) // 1000) and _plausible(text) >= 0.95:
        return text
    raise DrafterError("无法识别文件编码，或这是二进制文件：请另存为 UTF-8 或 GB18030 编码", where=where)


def _plausible(text: str) -> float:
    """The share of characters that Chinese prose is made of (CJK, its punctuation, ASCII, blanks)."""
    good = sum(1 for ch in text if (ch.isprintable() and (ch.isascii() or "\u2000" <= ch <= "\u206f"
               or "\u3000" <= ch <= "\u9fff" or "\uff00" <= ch <= "\uffef")) or ch in "\r\n\t")
    return good / max(len(text), 1)


def split_lines(text: str) -> list[SourceLine]:
    """Numbered lines of a text; \\r\\n, \\r and \\n all end a line (not yet scrubbed: ``scrub_lines``)."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return mark_broken([SourceLine(no, line) for no, line in enumerate(text.split("\n"), start=1)])


def mark_broken(lines: list[SourceLine]) -> list[SourceLine]:
    """Note on each line the bytes that could not be decoded (shown as U+FFFD)."""
    for line in lines:
        if BROKEN in line.text:
            line.notes.append(f"有 {line.text.count(BROKEN)} 处字节无法解码，显示为 {BROKEN}：请核对原文")
    return lines


#: the start of a whole web page (<!DOCTYPE html>, <html>), after an XML declaration or a blank line
WHOLE_PAGE = re.compile(r"^\ufeff?\s*(?:<\?xml[^>]*>\s*)?(?:<!DOCTYPE\s+html|<html[\s>])", re.IGNORECASE)


def read_text_lines(path: Path) -> list[SourceLine]:
    data = read_input(path)
    text = decode(data, where=str(path))
    if WHOLE_PAGE.match(text):          # a whole web page saved under a text file's name: read as a page
        from drafter.ingest.html import html_lines

        return mark_broken(html_lines(text))
    lines = split_lines(text)
    if sum(len(BLOCK_TAG.findall(line.text)) for line in lines) >= MARKUP:
        lines = unmarked_lines(lines)
    lines, fronted = front_matter(lines)
    if not fronted:
        lines = record_fields(lines)
    markdown = fronted or path.suffix.lower() in (".md", ".markdown") or _looks_markdown(lines)
    return markdown_lines(lines) if markdown else lines


#: the fences of a file's front matter: YAML (---) or TOML (+++)
FENCE = re.compile(r"^(?:---|\+\+\+)\s*$")
#: a line of front matter: a field (title: …, date = …), an item of a list (- 南开大学), a continued value, a
#: blank line
FIELD = re.compile(r"^(?:([A-Za-z_][\w-]*)\s*[:=]\s*(.*)|\s*-\s+.*|\s+\S.*|\s*)$")
#: front matter runs this many lines at most
FRONT_LINES = 60
#: what a site puts around a page's title: its column path (南开大学->), its name ( | nankai.info)
TITLE_PARTS = re.compile(r"\s*(?:[|｜]|->|»|>>)\s*|\s+-\s+")


def front_matter(lines: list[SourceLine]) -> tuple[list[SourceLine], bool]:
    """The lines with a file's front matter read (the fields a blog's or static site's Markdown source
    opens with, between --- fences or, as Hexo allows, above one only: title, date, tags …), and whether
    it had one. Its lines are kept for the cleaner to report (style ``frontmatter``); the title's value,
    without the site's column path and name around it (the longest part), becomes a line marked as the
    title, and what is left of its line is reported."""
    first = next((k for k, line in enumerate(lines) if line.text.strip()), None)
    if first is None:
        return lines, False
    opened = bool(FENCE.match(lines[first].text))
    if not opened and not ((m := FIELD.match(lines[first].text)) and m.group(1)):
        return lines, False
    top = first + 1 if opened else first          # Hexo lets the opening fence go (title: … then ---)
    end = next((k for k in range(top, min(len(lines), first + FRONT_LINES)) if FENCE.match(lines[k].text)), 0)
    fields = [FIELD.match(line.text) for line in lines[top:end]]
    if not fields or not all(fields) or not any(m.group(1) for m in fields if m):
        return lines, False       # (no closing fence: ``end`` is 0 and there are no fields)
    out = lines[:first]
    for line in lines[first:end + 1]:
        m = FIELD.match(line.text)
        value = m.group(2).strip().strip("\"'") if m and (m.group(1) or "").lower() == "title" else ""
        if value:
            title = max(TITLE_PARTS.split(value), key=lambda part: len(re.findall(r"[\u4e00-\u9fff]", part)))
            out += [SourceLine(line.no, title, Hints(title=True), line.notes),
                    SourceLine(line.no, line.text.replace(title, " ", 1), Hints(style="frontmatter"))]
        else:                   # (the title's line keeps the field's name and the site's additions, reported)
            out.append(SourceLine(line.no, line.text, Hints(style="frontmatter"), line.notes))
    return out + lines[end + 1:], True


#: a field of a full-text database's record (【 标  题 】…, 【原文出处】…, 【 正  文 】): its name, its value
RECORD_FIELD = re.compile(r"^\s*【\s*((?:[\u4e00-\u9fff]\s*){2,6})】\s*(.*)$")
#: a record's header has this many fields at least, in its first ``RECORD_LINES`` lines
RECORD_FIELDS = 3
RECORD_LINES = 20


def record_fields(lines: list[SourceLine]) -> list[SourceLine]:
    """The lines with the header of a full-text database's record read (【 文献号 】…, 【原文出处】…,
    【 作  者 】…, 【 标  题 】…, then 【 正  文 】 and the text): the title's value becomes a line marked as
    the title (the lines under it, its subtitle and date, stay lines of the head); the other fields are
    kept for the cleaner to read and report (style ``frontmatter``). A text that does not open with such
    fields is returned as it is."""
    first = next((k for k, line in enumerate(lines) if line.text.strip()), None)
    if first is None or not RECORD_FIELD.match(lines[first].text):
        return lines
    if sum(bool(RECORD_FIELD.match(line.text)) for line in lines[first:first + RECORD_LINES]) < RECORD_FIELDS:
        return lines
    out = lines[:first]
    in_title = False
    for k in range(first, len(lines)):
        line = lines[k]
        m = RECORD_FIELD.match(line.text)
        if not m:
            if not in_title and line.text.strip() and not line.text[:1].isspace():
                return out + lines[k:]          # no body field: the text starts after the last field
            out.append(line)                    # a field's value run on (the title's subtitle and date)
            continue
        name, value = re.sub(r"\s", "", m.group(1)), m.group(2).strip()
        in_title = name in ("标题", "题名", "篇名")
        if in_title and value:
            out += [SourceLine(line.no, value, Hints(title=True), line.notes),
                    SourceLine(line.no, line.text.replace(value, " ", 1), Hints(style="frontmatter"))]
        elif name == "正文":
            out.append(SourceLine(line.no, line.text[:m.start(2)], Hints(style="frontmatter"), line.notes))
            return out + ([SourceLine(line.no, value)] if value else []) + lines[k + 1:]
        else:
            out.append(SourceLine(line.no, line.text, Hints(style="frontmatter"), line.notes))
    return out


#: a block of a page's markup: a paragraph, a line break, a division
BLOCK_TAG = re.compile(r"</?(?:p|div|br|li|h[1-6]|section|article|tr)\b[^<>]*>", re.I)
#: block tags in a text file from which it is a page's markup copied as text (an editor's source view)
MARKUP = 3
TAG = re.compile(r"<[^<>]{1,300}>")
#: a style sheet or a script on one line, the start of one running over lines, and its end
HIDDEN_ELEMENT = re.compile(r"<(style|script)\b[^<>]*>.*?</\1\s*>", re.IGNORECASE)
HIDDEN_OPEN = re.compile(r"<(?:style|script)\b[^<>]*>", re.IGNORECASE)
HIDDEN_CLOSE = re.compile(r"</(?:style|script)\s*>", re.IGNORECASE)


def unmarked_lines(lines: list[SourceLine]) -> list[SourceLine]:
    """A text file holding a page's markup (<p class="ql-block">同学们:</p><p>…): each block of a line a
    line of its own (with the line's number), the other tags gone and entities read (&nbsp; &amp;), style
    sheets and scripts left out."""
    import html

    out: list[SourceLine] = []
    hidden = False                        # inside a <style> or <script> element: code, not text
    for line in lines:
        first = len(out)
        shown = HIDDEN_ELEMENT.sub("", line.text)
        if hidden:
            close = HIDDEN_CLOSE.search(shown)
            hidden, shown = close is None, shown[close.end():] if close else ""
        if not hidden and (opened := HIDDEN_OPEN.search(shown)):
            hidden, shown = True, shown[:opened.start()]
        for piece in BLOCK_TAG.split(shown):
            text = html.unescape(TAG.sub("", piece)).replace("\u00a0", " ")
            if text.strip() or not out or out[-1].text.strip():
                out.append(SourceLine(line.no, text, line.hints, line.notes if len(out) == first else []))
    return out


def _looks_markdown(lines: list[SourceLine]) -> bool:
    """Whether a plain-text file is Markdown (a page saved as Markdown, named .txt; a draft an assistant
    wrote): its first non-empty line is a "#" heading (Chinese prose never starts a line with "# "), two
    lines or more are such headings (## 一、…), or two lines or more open with a phrase in bold
    (**一、统一思想**, 1. **夯实数字底座**：…; a redacted name, **镇党委…, has no closing **)."""
    texts = [line.text for line in lines if line.text.strip()]
    first = texts[0] if texts else ""
    underlined = len(texts) > 1 and texts[1].strip().startswith("===") and bool(SETEXT.match(texts[1]))
    return (bool(MD_HEADING.match(first)) or underlined
            or sum(bool(MD_BOLD_LINE.match(line.text)) for line in lines) >= 2
            or sum(bool(MD_HEADING.match(line.text)) for line in lines) >= 2)


MD_HEADING = re.compile(r"^(#{1,6})\s+(.*?)\s*#*\s*$")
MD_BOLD_LINE = re.compile(r"^\s*(?:[-+]\s+|\d{1,2}[.、]\s*)?\*\*[^*\n]{1,40}\*\*(?:[：:]|\s*$)")
MD_BOLD_WHOLE = re.compile(r"^\s*(?:\*\*|__)([^*_\n]+)(?:\*\*|__)\s*$")
#: the longest line all in bold that is set apart as a head: a longer one is a sentence stressed (**我们所面临的调整，
#: 应该说是…必然结果。**), as a paragraph standing alone is a head up to 30 characters (``structure.lead.ALONE``)
BOLD_HEAD = 30
MD_EMPHASIS = re.compile(r"(\*\*|__|\*|_)(?=\S)(.+?)(?<=\S)\1")
MD_COMMENT = re.compile(r"<!--.*?-->")
#: emphasis marks nest this deep at most
EMPHASIS_DEPTH = 3
#: a line that is only an image (![图](http://…), <img src="…">) or only a link ([转入文章首发地址](http://…)),
#: and a link
MD_IMAGE_LINE = re.compile(r"^\s*!\[([^\]]*)\]\([^()\s]*(?:\s+\"[^\"]*\")?\)\s*$")
MD_LINK_LINE = re.compile(r"^\s*\[([^\]]+)\]\([^()\s]+(?:\s+\"[^\"]*\")?\)\s*$")
#: a link to where a clipped page came from, its text a site's address, and the account's name after it
#: ([mp.weixin.qq.com](https://…)笔记侠)
MD_SOURCE_LINE = re.compile(r"^\s*\[(?:https?://)?[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+[^\]]*\]\([^()\s]+\)[^。！？，,]{0,20}$")
#: a thematic break: a rule across the page (---, ***, ___, spaced or not)
THEMATIC_BREAK = re.compile(r"^ {0,3}(?:(?:-\s*){3,}|(?:\*\s*){3,}|(?:_\s*){3,})$")
#: the line under a setext heading: === (a top heading), --- (the next level)
SETEXT = re.compile(r"^ {0,3}(=+|-{3,})\s*$")
HTML_IMAGE_LINE = re.compile(r"^\s*(?:<[^<>]*>\s*)*<img\b[^<>]*>(?:\s*<[^<>]*>)*\s*$", re.IGNORECASE)
MD_LINK = re.compile(r"!?\[([^\]]*)\]\([^()\s]+(?:\s+\"[^\"]*\")?\)")
#: drafter's Markdown writer puts writing hints in "> 提示：…" lines; they are not speech text
MD_HINT = re.compile(r"^\s*>\s*提示")


def _plain(text: str) -> str:
    """A line's text without its emphasis marks, nested ones too (a clipper's ****长按扫码****), up to
    ``EMPHASIS_DEPTH`` deep (each pass reads the whole line)."""
    for _ in range(EMPHASIS_DEPTH):
        plain = MD_EMPHASIS.sub(r"\2", text)
        if plain == text:
            break
        text = plain
    return text


def _setext(lines: list[SourceLine]) -> list[SourceLine]:
    """The lines with setext headings (a line underlined with === or ---, as a clipper writes a page's
    title) written with "#" as the others are, their underlines blank; a --- under a line that is no
    head (a sentence) is a rule, left as it is."""
    out = list(lines)
    for k in range(1, len(out)):
        m = SETEXT.match(out[k].text)
        above = out[k - 1]
        if (m and above.text.strip() and not above.hints.style and not above.hints.title
                and not MD_HEADING.match(above.text) and not SETEXT.match(above.text)
                and (m.group(1)[0] == "=" or _head_like(above.text))):
            level = "#" if m.group(1)[0] == "=" else "##"
            out[k - 1] = SourceLine(above.no, f"{level} {above.text.strip()}", above.hints, above.notes)
            out[k] = SourceLine(out[k].no, "", Hints(), out[k].notes)
    return out


def _head_like(text: str) -> bool:
    """Whether a line's text could be a head: one sentence of Chinese of up to 60 characters, ending in
    。！？ or in no mark (not the first line of a salutation, 亲爱的同学们，)."""
    text = text.strip()
    return (2 <= len(text) <= 60 and not re.search(r"[。！？!?]", text[:-1]) and text[-1] not in "，,：:、；;"
            and bool(re.search(r"[\u4e00-\u9fff]", text)))


def _prose(text: str) -> bool:
    """Whether a heading's text is sentences of prose: a sentence's end inside it, and long."""
    return len(text) > PROSE_HEADING and bool(re.search(r"[。！？!?]", text.rstrip("。！？!?")))


#: the length beyond which a "#" line with a sentence inside it is a paragraph
PROSE_HEADING = 40


def markdown_lines(lines: list[SourceLine]) -> list[SourceLine]:
    """Markdown markup off the lines: "#" headings become heading levels (a single "# " with only deeper
    headings above it is the title, and those above are kickers of the head), emphasis and quote marks
    go, a link inside a sentence keeps its words; HTML comments (<!--more-->) and "> 提示：" lines (writing
    hints) are not speech text; an image or a link alone on its line, or a rule, is kept for the cleaner to
    report (style ``image``, ``link``, ``rule``)."""
    lines = _setext(lines)
    headings = [(line, MD_HEADING.match(line.text)) for line in lines]
    # a "#" before a paragraph of sentences (# 大家下午好！我是…) is a converter's slip: a paragraph
    headings = [(SourceLine(line.no, m.group(2), line.hints, line.notes), None) if m and _prose(m.group(2))
                else (line, m) for line, m in headings]
    tops = [line for line, m in headings if m and len(m.group(1)) == 1]
    # the one "# " with only deeper headings (a kicker) above it is the title
    # (front matter, read already, stands above it: ``front_matter``)
    text_lines = [(line, m) for line, m in headings
                  if line.text.strip() and line.hints.style != "frontmatter" and not line.hints.title]
    has_title = len(tops) == 1 and all(m for line, m in text_lines if line.no < tops[0].no)
    first = next(iter(text_lines), (None, None))[1]
    if not tops and first and sum(len(m.group(1)) <= len(first.group(1)) for _, m in headings if m) == 1:
        # no "# " line, but a heading opening the text that none is above or beside (## 在…的发言 over
        # paragraphs): the title, as "# " would be
        first_level = len(first.group(1))
        headings = [(line, MD_HEADING.match("#" + line.text.lstrip()[first_level:]) if m else m)
                    for line, m in headings]
        tops = [line for line, m in headings if m and len(m.group(1)) == 1]
        has_title = True
    out = []
    for line, m in headings:
        text = "" if MD_HINT.match(line.text) else MD_COMMENT.sub("", line.text)
        if line.hints.style == "frontmatter" or line.hints.title:
            out.append(line)          # read already (``front_matter``)
            continue
        if line.text.strip() and not text.strip() and MD_COMMENT.search(line.text):
            out.append(SourceLine(line.no, line.text.strip(), Hints(style="comment"), line.notes))
            continue                  # a comment alone on its line (<!--more-->): reported
        if THEMATIC_BREAK.match(text):
            out.append(SourceLine(line.no, text.strip(), Hints(style="rule"), line.notes))
            continue                  # a rule across the page (a setext underline was read already)
        if (MD_IMAGE_LINE.match(text) or MD_LINK_LINE.match(text) or HTML_IMAGE_LINE.match(text)
                or MD_SOURCE_LINE.match(text)):
            # an image or a link on a line of its own (![图](…), <img src=…>): the page's, reported
            image = text.lstrip()[0] in "!<"
            out.append(SourceLine(line.no, text.strip(), Hints(style="image" if image else "link"), line.notes))
            continue
        text = MD_LINK.sub(r"\1", text)          # a link inside a sentence: its words
        if (not m and (bold := MD_BOLD_WHOLE.match(text)) and _head_like(bold.group(1))
                and len(bold.group(1).strip()) <= BOLD_HEAD):
            # a line all in bold, one short sentence (**当以爱国奉公之担当引领青春航向。**): set apart, as a
            # page sets a head in bold (a longer one is a sentence of the talk stressed)
            out.append(SourceLine(line.no, bold.group(1).strip(), Hints(lead=True), line.notes))
            continue
        if m:
            level = len(m.group(1)) - (1 if has_title else 0)
            if has_title and line.no < tops[0].no:
                level = -1            # a kicker above the title: a line of the head, no heading
            out.append(SourceLine(line.no, _plain(MD_LINK.sub(r"\1", m.group(2))),
                                  Hints(level if level > 0 else None, title=level == 0)))
            continue
        quoted = re.match(r"^\s*>\s?", text)
        out.append(SourceLine(line.no, _plain(text[quoted.end():] if quoted else text),
                              Hints(style="blockquote") if quoted else Hints()))
    return out
