"""Readers: turn a file into numbered source lines, whatever its format and encoding.

Every reader returns ``SourceLine`` objects; cleaning, joining and structure come after, in
``drafter.structure.clean`` and ``drafter.structure``, the same for every format.
"""

from __future__ import annotations

import functools
import os
import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

from drafter.errors import DrafterError


@dataclass
class Hints:
    """What a file's format says of a line beyond its text; carried unchanged from reader to parser."""

    level: int | None = None     # heading level the format signals (docx heading style, outline level, 黑体), 1-based
    title: bool = False          # the format marks it as the document title (docx Title style)
    numbered: bool = False       # the format numbers the heading itself (Word list numbering), not its text
    list_style: str | None = None  # the numbering style the format prints for it ("一、" …), if known
    style: str | None = None     # the format's paragraph style name, lower case, no spaces ("subtitle")
    lead: bool = False           # the paragraph opens with a sentence the format sets apart (see ``set_apart``)


def set_apart(head: str, rest: str) -> bool:
    """Whether the start of a paragraph that its format sets apart (bold, or a heading face) from the
    rest is a run-in head: one sentence of Chinese ending in 。！？, with text after it."""
    head = head.strip()
    return (2 <= len(head) <= 60 and head[-1] in "。！？" and not any(c in "。！？" for c in head[:-1])
            and any("\u4e00" <= c <= "\u9fff" for c in head) and any("\u4e00" <= c <= "\u9fff" for c in rest))


@dataclass
class SourceLine:
    """One line of a text file, or one paragraph of a .docx."""

    no: int                      # 1-based line number (paragraph index for .docx)
    text: str                    # the raw text, not yet normalised
    hints: Hints = field(default_factory=Hints)
    notes: list[str] = field(default_factory=list)   # what the reader changed (control characters removed)


def scrub_lines(lines: list[SourceLine]) -> list[SourceLine]:
    """The lines without control characters XML cannot hold (``drafter.controls``), and with the
    characters each radical stands for where a PDF's text put the radical (⼀、⾏政公⽂ for 一、行政公文:
    the Kangxi and supplementary radicals and the compatibility ideographs, which look the same and match
    nothing), each change noted."""
    from drafter.controls import scrub

    for line in lines:
        line.text, note = scrub(line.text)
        if note:
            line.notes.append(note)
    if not RADICAL.search("\n".join(line.text for line in lines)):     # one scan: most texts have none
        return lines
    for line in lines:
        found = [c for c in RADICAL.findall(line.text) if ord(c) in _radicals()]
        if found:
            line.text = line.text.translate(_radicals())
            line.notes.append(f"{len(found)} 个部首或兼容字符换成了标准汉字（{found[0]}→{_radicals()[ord(found[0])]}）")
    return lines


#: the Kangxi radicals and the supplementary ones, and the compatibility ideographs: a PDF's text often
#: has them for the characters
RADICAL = re.compile("[\u2e80-\u2eff\u2f00-\u2fdf\uf900-\ufaff]")


@functools.cache
def _radicals() -> dict[int, str]:
    """Each radical that stands for one character (NFKC) mapped to it."""
    table = {}
    for code in (*range(0x2E80, 0x2FE0), *range(0xF900, 0xFB00)):
        char = unicodedata.normalize("NFKC", chr(code))
        if len(char) == 1 and char != chr(code):
            table[code] = char
    return table


#: the reader of each kind of file ("legacy": converted to .docx through LibreOffice, see ``convert``)
READERS = {".txt": "text", ".text": "text", ".md": "text", ".markdown": "text", ".docx": "docx",
           ".html": "html", ".htm": "html", ".doc": "legacy", ".wps": "legacy", ".rtf": "legacy", ".odt": "legacy"}
#: fixed-layout documents a speech is often kept in, which drafter cannot read paragraph by paragraph: a
#: folder's files of these kinds are reported with what to do, not passed over in silence
FIXED_LAYOUT = {".pdf": "PDF", ".ofd": "OFD"}
#: the kinds of file a folder is searched for
LISTED = frozenset(READERS) | frozenset(FIXED_LAYOUT)


def folder_files(root: Path) -> list[Path]:
    """The files of a folder to read (or to report, ``FIXED_LAYOUT``), recursively, hidden ones left out."""
    return [path for path in root.rglob("*")
            if path.suffix.lower() in LISTED and path.is_file()
            and not any(part.startswith(".") for part in path.relative_to(root).parts)]


def read_lines(path: str | os.PathLike[str]) -> list[SourceLine]:
    """Read any supported file into source lines; a clear DrafterError for anything else."""
    from drafter.io import check_input

    path = Path(path)
    check_input(path)   # exists, and is a regular file (a FIFO or /dev/zero is refused unread)
    kind = READERS.get(path.suffix.lower())
    if path.suffix.lower() in FIXED_LAYOUT:
        raise DrafterError(f"{FIXED_LAYOUT[path.suffix.lower()]} 是版式文件，读不出段落：请转为 .docx，"
                           "或把全文存为 .txt 再试", where=str(path))
    if kind is None:
        known = " ".join(sorted(READERS))
        raise DrafterError(f"不支持的文件类型 '{path.suffix}'：可用 {known}", where=str(path))
    if kind == "legacy":
        from drafter.ingest.convert import read_legacy_lines

        lines = read_legacy_lines(path)
    elif kind == "html":
        from drafter.ingest.html import read_html_lines

        lines = read_html_lines(path)
    elif kind == "docx":
        from drafter.ingest.docx import read_docx_lines

        lines = read_docx_lines(path)
    else:
        from drafter.ingest.text import read_text_lines

        lines = read_text_lines(path)
    scrub_lines(lines)
    if not any(line.text.strip() for line in lines):
        raise DrafterError("文件是空的，没有可解析的文字", where=str(path))
    return lines
