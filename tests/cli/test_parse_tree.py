"""``drafter parse`` draws a speech as a tree that fits the terminal: a heading wraps under its guide
lines with every character kept, a paragraph's preview is cut to its line."""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path

import pytest

from drafter.structure import read_speech
from tests.cli.test_conventions import run

REPO = Path(__file__).resolve().parents[2]
SPEECHES = [*sorted((REPO / "examples" / "corpus").glob("*.txt")),
            *sorted((REPO / "tests" / "data" / "heldout").glob("*.txt"))]
GUIDES = re.compile(r"^[│├└─ ]+")


def cells(line: str) -> int:
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in line)


@pytest.mark.parametrize("columns", [80, 60])
@pytest.mark.parametrize("path", SPEECHES[:3] + SPEECHES[-3:], ids=lambda p: p.name)
def test_the_tree_fits_the_width_and_keeps_every_heading_whole(path, columns):
    result = run("parse", str(path), env={"COLUMNS": str(columns)})
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert max(map(cells, lines)) <= columns
    joined = "".join(GUIDES.sub("", line) for line in lines).replace(" ", "")
    headings = read_speech(path).headings()
    assert headings and all(h.title.replace(" ", "") in joined for h in headings)
    assert any(line.endswith("…") for line in lines)      # a long paragraph is previewed, cut on its line


def test_the_tree_names_unnumbered_heads_in_chinese():
    """A lead head (当好为民施政的勤务员…) and a page's part head are 无编号, not the codes lead and none."""
    for name in ("001_jilin-gov-report-fjlib.txt", "061_fanwen-3du-two-variants-traditional.txt"):
        result = run("parse", str(REPO / "tests" / "data" / "pages" / name), env={"COLUMNS": "80"})
        assert result.returncode == 0, result.stderr
        assert "无编号" in result.stdout and not re.search(r" (?:lead|none) ", result.stdout)
