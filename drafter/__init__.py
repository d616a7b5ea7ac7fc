"""drafter: outlines, phrase bank and GB/T 9704 Word skeletons for Chinese official speeches."""

from drafter.errors import DrafterError
from drafter.model import Gap, Meta, Paragraph, Placeholder, Removed, Section, Speech, plain

__all__ = [
    "DrafterError",
    "Gap",
    "Meta",
    "Paragraph",
    "Placeholder",
    "Removed",
    "Section",
    "Speech",
    "parse_text",
    "plain",
    "read",
]
__version__ = "0.1.0"


def read(path, **kwargs) -> Speech:
    """Read and parse a speech file (.txt, .md, .docx) into a Speech."""
    from drafter.structure import read_speech

    return read_speech(path, **kwargs)


def parse_text(text: str, **kwargs) -> Speech:
    """Parse the text of a speech into a Speech."""
    from drafter.structure import parse_lines
    from drafter.ingest import scrub_lines
    from drafter.ingest.text import split_lines

    return parse_lines(scrub_lines(split_lines(text)), **kwargs)
