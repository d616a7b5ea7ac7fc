"""The five seed speeches parse to exactly what the hand-labelled truth file says."""

from __future__ import annotations

from pathlib import Path

import pytest
import truth as check
import yaml

from drafter.model import Paragraph
from drafter.structure import read_speech

ROOT = Path(__file__).resolve().parents[2]
CORPUS = ROOT / "examples" / "corpus"
TRUTH = yaml.safe_load((ROOT / "tests" / "data" / "seeds.truth.yaml").read_text(encoding="utf-8"))
SEEDS = sorted(name for name in TRUTH if name.endswith(".txt"))
SPEECHES: dict[str, object] = {}


def speech_of(name: str):
    if name not in SPEECHES:
        SPEECHES[name] = read_speech(CORPUS / name)
    return SPEECHES[name]


@pytest.mark.parametrize("part", sorted(check.SHARED))
@pytest.mark.parametrize("name", SEEDS)
def test_shared_checks(name, part):
    check.SHARED[part](speech_of(name), TRUTH[name])


@pytest.fixture(scope="module", params=SEEDS)
def seed(request):
    name = request.param
    return name, TRUTH[name], speech_of(name)


def test_after_gap_flags(seed):
    _, truth, speech = seed
    flagged = {s.line for s in speech.headings() if s.after_gap}
    for h in truth["headings"]:
        if h.get("after_gap"):
            assert h["line"] in flagged


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
    assert [n for p in speech.opening for n in p.lines] == opening["lines"]
    assert speech.transition == opening.get("transition", speech.transition)
    if "transition" in opening:
        assert speech.transition is not None


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
