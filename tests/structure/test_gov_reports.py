"""The 51 government work reports of the shared corpus (raw Wikisource pages, 1954–2025) against the
hand-checked facts in tests/data/gov-reports.facts.yaml: the licence tail is page matter and nothing
before it is removed, the salutation is 各位代表 as written, and the top-level headings are the
report's own (numbered or bare, 结束语 included). Skipped, with the reason, where the corpus is absent.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest
import yaml

from drafter.structure import read_speech
from drafter.structure.normalize import normalize

ROOT = Path(__file__).resolve().parents[2]
FACTS = yaml.safe_load((ROOT / "tests" / "data" / "gov-reports.facts.yaml").read_text(encoding="utf-8"))["reports"]
#: the corpus beside the repository (CI: ../shared/corpus), or on this machine, or where DRAFTER_CORPUS says
PLACES = [Path(os.environ["DRAFTER_CORPUS"]) if os.environ.get("DRAFTER_CORPUS") else None,
          ROOT.parent / "shared" / "corpus", Path("/work/shared/corpus")]
CORPUS = next((p / "gov-reports" for p in PLACES if p and (p / "gov-reports").is_dir()), None)

pytestmark = pytest.mark.skipif(CORPUS is None, reason="the shared corpus (../shared/corpus/gov-reports) is absent")

@pytest.fixture(scope="module")
def parsed():
    return {f["file"]: read_speech(CORPUS / f["file"]) for f in FACTS}


@pytest.mark.parametrize("fact", FACTS, ids=[f["file"] for f in FACTS])
def test_licence_tail_is_page_matter_and_nothing_else_is_removed(fact, parsed):
    speech = parsed[fact["file"]]
    lines = (CORPUS / fact["file"]).read_text(encoding="utf-8").splitlines()
    tail = {n for n in range(fact["licence_line"], len(lines) + 1) if normalize(lines[n - 1])}
    removed = {r.line for r in speech.removed}
    assert tail <= removed
    assert sorted(n for n in removed if n < fact["licence_line"]) == []


@pytest.mark.parametrize("fact", FACTS, ids=[f["file"] for f in FACTS])
def test_salutation(fact, parsed):
    want = normalize(fact["salutation"]) if fact["salutation"] else None
    assert parsed[fact["file"]].salutation == want


@pytest.mark.parametrize("fact", FACTS, ids=[f["file"] for f in FACTS])
def test_top_level_headings(fact, parsed):
    tops = [s for s in parsed[fact["file"]].sections if s.heading is not None]
    assert [s.line for s in tops] == fact["heading_lines"]


def test_kind_and_date(parsed):
    """Every report is a 政府工作报告 by its salutation and words, or at least a report; its date comes
    from its own date line, else from the file name (2019.txt → 2019年)."""
    for fact in FACTS:
        speech = parsed[fact["file"]]
        date = speech.meta.text("date") or ""
        assert date.startswith(str(fact["year"])) or (fact.get("date") or "").startswith(date[:4]), fact["file"]
    kinds = {f["file"]: parsed[f["file"]].meta.kind for f in FACTS}
    reports = [name for name, kind in kinds.items() if kind in ("政府工作报告", "工作报告")]
    assert len(reports) >= 0.9 * len(FACTS), {n: k for n, k in kinds.items() if n not in reports}


TITLED = [f for f in FACTS if f.get("title")]


@pytest.mark.parametrize("fact", TITLED, ids=[f["file"] for f in TITLED])
def test_title_whole_even_when_broken_over_lines(fact, parsed):
    """政府工作报 / 告 is one title, without a space where the line broke inside the word."""
    assert parsed[fact["file"]].meta.text("title") == fact["title"]


@pytest.mark.parametrize("fact", [f for f in FACTS if f.get("speaker")], ids=lambda f: f["file"])
def test_the_speaker_under_the_title_is_read_with_the_post_above_the_name(fact, parsed):
    """The speaker's name line (李克强; 李　强 spaced), with the post on the line above it (国务院总理) where the
    report gives one: who gave it, one speaker, post and name."""
    speaker = parsed[fact["file"]].meta.text("speaker") or ""
    assert speaker.replace(" ", "").endswith(fact["speaker"].replace("\u3000", ""))
