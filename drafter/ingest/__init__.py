"""Readers: turn a file into numbered source lines, whatever its format and encoding.

Every reader returns ``SourceLine`` objects; cleaning, joining and structure come after, in
``drafter.structure.clean`` and ``drafter.structure``, the same for every format.
"""

from __future__ import annotations

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


@dataclass
class SourceLine:
    """One line of a text file, or one paragraph of a .docx."""

    no: int                      # 1-based line number (paragraph index for .docx)
    text: str                    # the raw text, not yet normalised
    hints: Hints = field(default_factory=Hints)


READERS = {".txt": "text", ".text": "text", ".md": "text", ".markdown": "text", ".docx": "docx",
           ".html": "html", ".htm": "html", ".doc": "legacy", ".wps": "legacy"}


def read_lines(path: str | Path) -> list[SourceLine]:
    """Read any supported file into source lines; a clear DrafterError for anything else."""
    path = Path(path)
    if not path.exists():
        raise DrafterError("文件不存在 file not found", where=str(path))
    if path.is_dir():
        raise DrafterError("这是一个目录，请给出文件 is a directory, give a file", where=str(path))
    kind = READERS.get(path.suffix.lower())
    if kind is None:
        known = " ".join(sorted(READERS))
        raise DrafterError(f"不支持的文件类型 unsupported file type '{path.suffix}'; use one of: {known}", where=str(path))
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
    if not any(line.text.strip() for line in lines):
        raise DrafterError("文件是空的，没有可解析的文字 file is empty: nothing to parse", where=str(path))
    return lines
