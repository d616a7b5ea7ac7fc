"""``drafter phrases functions``: every function of the bank with what it is, a description and its
count, in 80 columns; every function the miner gives has a Chinese name wherever it is shown."""

from __future__ import annotations

from typer.testing import CliRunner

from drafter.cli import app
from drafter.cli.cells import text_width
from drafter.mine.functions import FUNCTIONS
from drafter.phrasebook.entry import label
from drafter.zh import is_cjk


def test_every_mined_function_has_a_chinese_label():
    for name in FUNCTIONS:
        assert label(name) != name and all(is_cjk(c) or c == "·" for c in label(name)), name


def test_functions_fit_80_columns_with_a_label_a_description_and_a_count():
    run = CliRunner().invoke(app, ["phrases", "functions"], env={"COLUMNS": "80"})
    assert run.exit_code == 0
    lines = run.stdout.splitlines()
    assert lines[0].split() == ["功能", "用途", "说明", "条数"]
    assert max(text_width(line) for line in lines) <= 80
    rows = {line.split()[0]: line for line in lines[2:] if line[:1].isascii() and line[:1].strip()}
    assert {"idiom", "measure", "formulation", "triad"} <= set(rows)
    assert "四字格" in rows["idiom"] and "四字短语及其连用" in rows["idiom"]
    assert "举措" in rows["measure"] and rows["measure"].split()[-1].isdigit()


def test_functions_come_in_the_order_of_a_speech():
    """Opening first, closing last, as the bank's files are listed (not by the names' letters)."""
    run = CliRunner().invoke(app, ["phrases", "functions"], env={"COLUMNS": "80"})
    names = [line.split()[0] for line in run.stdout.splitlines()[2:] if line[:1].isascii() and line[:1].strip()]
    assert names == [f for f in FUNCTIONS if f in names] and names[0] == "opening.context"
