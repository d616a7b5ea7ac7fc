"""The five seed speeches parse to exactly what the hand-labelled truth file says."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from drafter.model import Paragraph
from drafter.structure import read_speech

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "examples" / "corpus"
TRUTH = yaml.safe_load((ROOT / "tests" / "data" / "seeds.truth.yaml").read_text(encoding="utf-8"))
SEEDS = sorted(name for name in TRUTH if name.endswith(".txt"))


@pytest.fixture(scope="module", params=SEEDS)
def seed(request):
    name = request.param
    return name, TRUTH[name], read_speech(CORPUS / name)


def test_headings(seed):
    _, truth, speech = seed
    got = [(s.line, s.depth, s.style, s.run_in, s.title) for s in speech.headings()]
    want = [(h["line"], h["depth"], h["style"], h.get("run_in", False), h["text"]) for h in truth["headings"]]
    assert got == want


def test_after_gap_flags(seed):
    _, truth, speech = seed
    flagged = {s.line for s in speech.headings() if s.after_gap}
    for h in truth["headings"]:
        if h.get("after_gap"):
            assert h["line"] in flagged


def test_removed_debris(seed):
    _, truth, speech = seed
    got = {r.line: r.text for r in speech.removed}
    want = {b["line"]: b for b in truth["boilerplate"]}
    assert sorted(got) == sorted(want)
    for line, b in want.items():
        if b.get("prefix"):
            assert got[line].startswith(b["text"].rstrip("…")), line
        else:
            assert got[line] == b["text"], line


def test_gaps(seed):
    _, truth, speech = seed
    assert [(g.line, g.hidden_chars) for g in speech.gaps()] == [(g["line"], g["hidden_chars"]) for g in truth["gaps"]]


def test_broken_lines_joined(seed):
    _, truth, speech = seed
    joined = [list(p.lines) for p in speech.paragraphs() if len(p.lines) > 1]
    assert joined == truth.get("broken_lines", [])


def test_title_and_meta(seed):
    _, truth, speech = seed
    meta = speech.meta
    assert meta.text("title") == truth["title"]
    assert meta.text("subtitle") == truth.get("subtitle")
    for key, field in (("speaker_role", "speaker"), ("occasion", "occasion"), ("author", "author"),
                       ("source", "source"), ("date", "date")):
        if key in truth:
            assert meta.text(field) == truth[key], key


def test_salutation_opening_transition(seed):
    _, truth, speech = seed
    if "salutation" in truth:
        assert speech.salutation == truth["salutation"]["text"]
        assert speech.front[0].line == truth["salutation"]["line"]
    opening = truth["opening"]
    got_lines = [n for p in speech.opening for n in p.lines]
    assert got_lines == opening["lines"]
    assert speech.transition == opening.get("transition", speech.transition)
    if "transition" in opening:
        assert speech.transition is not None


def test_closing(seed):
    _, truth, speech = seed
    closing = truth["closing"]
    if closing is None:
        assert speech.closing == []
        return
    assert [p.line for p in speech.closing] == closing["lines"]
    if "text_starts" in closing:
        assert speech.closing[0].text.startswith(closing["text_starts"])
    if "text" in closing:
        assert speech.closing[-1].text == closing["text"]


def test_numbering_errors(seed):
    _, truth, speech = seed
    want = [f"line {h['line']}: {h['numbering_error'].split(':')[0]}"
            for h in truth["headings"] if "numbering_error" in h]
    assert speech.warnings == want


def test_inline_enumerations(seed):
    _, truth, speech = seed
    found = {e["line"]: e["markers"] for e in speech.to_dict()["enumerations"]}
    for e in truth.get("inline_enumerations", []):
        assert found.get(e["line"], []) == e["markers"], e["line"]


def test_pull_quotes_and_author_note(seed):
    _, truth, speech = seed
    pulls = [p.line for p in speech.front if p.role == "pull_quote"]
    assert pulls == truth.get("abstract", {}).get("lines", [])
    notes = [p for p in speech.back if p.role == "author_note"]
    if "author_note" in truth:
        assert [(p.line, p.text) for p in notes] == [(truth["author_note"]["line"], truth["author_note"]["text"])]
    else:
        assert notes == []


def test_every_line_is_accounted_for(seed):
    """Each non-blank source line is in the speech (as meta, paragraph, heading or gap) or removed."""
    name, _, speech = seed
    raw = (CORPUS / name).read_text(encoding="utf-8").splitlines()
    used = {r.line for r in speech.removed}
    used |= {n for p in speech.paragraphs() for n in p.lines}
    used |= {s.line for s in speech.headings()}
    used |= {g.line for g in speech.gaps()}
    header = {n for n, text in enumerate(raw, 1) if text.strip()} - used
    # what is left is the head of the speech: title, subtitle, author lines before the first paragraph
    first_body = min(p.line for p in speech.paragraphs() if isinstance(p, Paragraph))
    assert all(n < first_body for n in header), sorted(header)
