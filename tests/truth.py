"""Checks of a parsed Speech against hand-labelled truth (the seeds' and the held-out files' conventions).

Each check takes the speech and one file's truth mapping and asserts one part of it, so the seed and
held-out tests state only how their labels differ (subtitle dash, speaker role + name, ISO dates).
"""

from __future__ import annotations

import re

from drafter.model import Speech


def headings(speech: Speech, truth: dict) -> None:
    got = [(s.line, s.depth, s.style, s.run_in, s.title) for s in speech.headings()]
    want = [(h["line"], h["depth"], h["style"], h.get("run_in", False), h["text"]) for h in truth["headings"]]
    assert got == want


def removed(speech: Speech, truth: dict) -> None:
    got = {r.line: r.text for r in speech.removed}
    want = {b["line"]: b for b in truth["boilerplate"]}
    assert sorted(got) == sorted(want)
    for line, b in want.items():
        if b.get("prefix"):
            assert got[line].startswith(b["text"].rstrip("…")), line
        else:
            assert got[line] == b["text"], line


def gaps(speech: Speech, truth: dict) -> None:
    assert [(g.line, g.hidden_chars) for g in speech.gaps()] == [(g["line"], g["hidden_chars"]) for g in truth["gaps"]]


def broken_lines(speech: Speech, truth: dict) -> None:
    assert [list(p.lines) for p in speech.paragraphs() if len(p.lines) > 1] == truth.get("broken_lines", [])


def closing(speech: Speech, truth: dict) -> None:
    want = truth["closing"]
    if want is None:
        assert speech.closing == []
        return
    assert [n for p in speech.closing for n in p.lines] == want["lines"]
    if "text_starts" in want:
        assert speech.closing[0].text.startswith(want["text_starts"])
    if "text" in want:
        assert speech.closing[-1].text == want["text"]


def warnings_and_enumerations(speech: Speech, truth: dict) -> None:
    # the labels say "第五 follows 第三: …"; the parser says it in Chinese
    want = ["第{}行：编号“{}”接在“{}”之后".format(h["line"], *h["numbering_error"].split(":")[0].split(" follows "))
            for h in truth["headings"] if "numbering_error" in h]
    assert speech.warnings == want
    found = {e["line"]: e["markers"] for e in speech.to_dict()["enumerations"]}
    for e in truth.get("inline_enumerations", []):
        assert found.get(e["line"], []) == e["markers"], e["line"]


def pull_quotes_and_author_note(speech: Speech, truth: dict) -> None:
    assert [p.line for p in speech.front if p.role == "pull_quote"] == truth.get("abstract", {}).get("lines", [])
    notes = [(p.line, p.text) for p in speech.back if p.role == "author_note"]
    note = truth.get("author_note")
    assert notes == ([(note["line"], note["text"])] if note else [])


def iso(date: str | None) -> str | None:
    """A date as YYYY-MM-DD, whichever way it is written (2024年1月18日, 2024-1-18)."""
    m = re.match(r"^(\d{4})[年-](\d{1,2})[月-](\d{1,2})日?$", date or "")
    return f"{m.group(1)}-{int(m.group(2)):02d}-{int(m.group(3)):02d}" if m else date


#: every check both truth files share, by name.
SHARED = {"headings": headings, "removed": removed, "gaps": gaps, "broken_lines": broken_lines, "closing": closing,
          "warnings_and_enumerations": warnings_and_enumerations,
          "pull_quotes_and_author_note": pull_quotes_and_author_note}
