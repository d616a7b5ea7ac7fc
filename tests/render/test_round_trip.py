"""Seeds through every writer and back through the readers: the same Speech comes out.

Speech → .docx / .txt / .md → drafter.read gives the same title block, front and back roles,
headings (depth, numbering style, run-in, text) and paragraph texts.
"""

from __future__ import annotations

from pathlib import Path

import pytest

import drafter
from drafter.api import write_speech
from drafter.render.layout import format_date

CORPUS = Path(__file__).resolve().parents[2] / "examples" / "corpus"
META = ("title", "subtitle", "speaker", "author", "date")


def shape(speech: drafter.Speech) -> dict:
    # a date prints as 2021年2月3日 whatever form the source gave it (2021-02-03): compared as printed
    meta = {k: speech.meta.text(k) for k in META}
    meta["date"] = format_date(meta["date"]) if meta["date"] else None
    return {
        "meta": meta,
        "front": [(p.role, p.text) for p in speech.front],
        "headings": [(s.depth, s.style, s.run_in, s.title) for s in speech.headings()],
        "paragraphs": [p.text for p in speech.paragraphs()],
        "back": [(p.role, p.text) for p in speech.back],
        "gaps": [g.hidden_chars for g in speech.gaps()],
    }


@pytest.mark.parametrize("fmt", ["docx", "txt", "md"])
@pytest.mark.parametrize("seed", sorted(p.name for p in CORPUS.glob("*.txt")))
def test_seed_written_and_read_back_is_the_same_speech(seed, fmt, tmp_path):
    speech = drafter.read(CORPUS / seed)
    back = drafter.read(write_speech(speech, tmp_path / f"speech.{fmt}"))
    assert shape(back) == shape(speech)


@pytest.mark.parametrize("fmt", ["docx", "txt", "md"])
def test_skeleton_with_hints_written_and_read_back(fmt, tmp_path):
    """A skeleton full of placeholders and writing hints reads back to the same structure and text."""
    from drafter.outlines.assemble import assemble
    from drafter.library import Library

    speech = assemble(Library.resolve().outline("meeting-speech"), {"occasion": "全市组织工作会议"})
    assert any(p.hint for p in speech.paragraphs())
    back = drafter.read(write_speech(speech, tmp_path / f"skeleton.{fmt}"))
    assert shape(back) == shape(speech)
