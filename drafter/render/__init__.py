"""Writers: a Speech as a laid-out .docx, numbered plain text, or Markdown.

``write`` picks the writer from ``fmt`` or the file extension. python-docx is imported only when a
.docx is written.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Iterable

from drafter.errors import DrafterError
from drafter.model import Speech

FORMATS = {".docx": "docx", ".md": "md", ".markdown": "md", ".txt": "txt", ".text": "txt"}


def format_for(path_or_dash: str | Path, fmt: str | None) -> str:
    """The output format: ``fmt`` if given, else from the extension; stdout ("-") defaults to Markdown."""
    if fmt is not None:
        if fmt not in set(FORMATS.values()):
            raise DrafterError(f"未知的输出格式 unknown format '{fmt}'; use one of: docx md txt")
        return fmt
    if str(path_or_dash) == "-":
        return "md"
    suffix = Path(path_or_dash).suffix.lower()
    if suffix not in FORMATS:
        raise DrafterError(
            f"无法从扩展名判断输出格式 cannot tell the format from '{suffix or path_or_dash}'; "
            "use .docx .md .txt or --format"
        )
    return FORMATS[suffix]


def write(speech: Speech, path_or_dash: str | Path, fmt: str | None = None, style: str = "gbt9704",
          reference_doc: str | Path | None = None, force: bool = False,
          library: Iterable[str | Path] = ()) -> Path | None:
    """Write a speech as docx, md or txt to a file (atomically) or, for md/txt, to stdout with "-".

    Returns the path written, or None for stdout.
    """
    from drafter.render.output import check_target, write_atomically
    from drafter.render.profiles import load_profile

    fmt = format_for(path_or_dash, fmt)
    to_stdout = str(path_or_dash) == "-"
    if fmt == "docx":
        if to_stdout:
            raise DrafterError("Word 文档不能输出到标准输出，请用 -o 文件名.docx: a .docx cannot go to stdout")
        from drafter.render.docx import write_docx

        return write_docx(speech, path_or_dash, style=style, reference_doc=reference_doc, force=force,
                          library=library)
    from drafter.render.text import to_markdown, to_text

    path = None if to_stdout else check_target(path_or_dash, force)
    dot = load_profile(style, library)["numbering"]["dot"]
    text = to_markdown(speech, dot=dot) if fmt == "md" else to_text(speech, dot=dot)
    if path is None:
        sys.stdout.write(text)
        return None
    write_atomically(path, text.encode("utf-8"))
    return path
