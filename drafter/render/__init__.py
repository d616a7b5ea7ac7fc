"""Writers: a Speech as a laid-out .docx, numbered plain text, or Markdown.

``render`` turns a speech into the bytes of one format, laid out to a resolved style profile
(``Library.profile``); writing them to a file is ``drafter.io``'s job. python-docx is imported only
when a .docx is made.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from drafter.errors import DrafterError
from drafter.model import Speech

FORMATS = {".docx": "docx", ".md": "md", ".markdown": "md", ".txt": "txt", ".text": "txt"}


def format_for(path_or_dash: str | os.PathLike[str], fmt: str | None) -> str:
    """The output format: ``fmt`` if given, else from the extension; stdout ("-") defaults to Markdown."""
    if fmt is not None:
        if fmt not in set(FORMATS.values()):
            raise DrafterError(f"未知的输出格式“{fmt}”，可用：docx md txt")
        return fmt
    if str(path_or_dash) == "-":
        return "md"
    suffix = Path(path_or_dash).suffix.lower()
    if suffix not in FORMATS:
        raise DrafterError(f"无法从扩展名“{suffix or path_or_dash}”判断输出格式：用 .docx .md .txt 或 --format")
    return FORMATS[suffix]


def render(
    speech: Speech, fmt: str, profile: dict[str, Any], reference_doc: str | os.PathLike[str] | None = None
) -> bytes:
    """The speech as the bytes of a .docx, or as UTF-8 Markdown or numbered text."""
    if fmt == "docx":
        from drafter.render.docx_fast import render_docx

        return render_docx(speech, profile, reference_doc)
    from drafter.render.text import to_markdown, to_text

    dot = profile["numbering"]["dot"]
    text = to_markdown(speech, dot=dot) if fmt == "md" else to_text(speech, dot=dot)
    return text.encode("utf-8")
