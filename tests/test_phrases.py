"""The phrase bank: loading from the library, search (substring and fuzzy), show, and the CLI."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from drafter.cli import app
from drafter.errors import DrafterError
from drafter.phrases import find_phrase, load_phrases, search

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def bank():
    return load_phrases()


def test_the_builtin_bank_loads(bank):
    functions = {p.function for p in bank}
    assert {"opening.context", "transition", "frame", "quotation", "triad", "formulation", "closing.call"} <= functions
    assert all(p.origin == "内置 built-in" for p in bank)


def test_search_finds_根本遵循_with_its_sources(bank):
    results = search(bank, "根本遵循")
    texts = [p.text for _, p in results]
    # the built-in bank is mined from the seeds and the government work reports (issue 9): the seeds'
    # gapped 指明了{A}方向、提供了根本遵循 is below its thresholds there (tests/test_mine_bounds.py has it)
    assert "提供了根本遵循" in texts
    best = results[0][1]
    assert results[0][0] == 1.0 and best.docs == 3
    assert {s.split(":")[0][:3] for s in best.sources} == {"000", "002", "004"}


def test_search_ranks_exact_before_fuzzy_and_filters_by_function(bank):
    results = search(bank, "根本尊循")          # a typo still finds the formula
    assert results and "根本遵循" in results[0][1].text and results[0][0] < 1.0
    assert all(p.function == "quotation" for _, p in search(bank, "之", function="quotation"))
    assert search(bank, "完全无关的词语组合") == []


def test_show_and_unknown_ids(bank):
    p = next(p for p in bank if p.function == "quotation" and p.by == "傅玄")
    assert find_phrase(bank, p.id).text == "秉纲而目自张，执本而末自从"
    with pytest.raises(DrafterError, match="unknown phrase"):
        find_phrase(bank, "quotation.nope")


def test_a_library_bank_overlays_the_builtin_one(tmp_path):
    folder = tmp_path / "lib" / "phrasebank"
    folder.mkdir(parents=True)
    (folder / "transition.yaml").write_text(
        "- {id: transition.mine, function: transition, text: 下面，我讲三点意见, seen: {docs: 1, count: 1},"
        " sources: ['a.txt:3'], example: 下面，我讲三点意见。}\n", encoding="utf-8")
    phrases = load_phrases([tmp_path / "lib"])
    mine = find_phrase(phrases, "transition.mine")
    assert mine.origin == "--library" and mine.sources == ("a.txt:3",)
    (folder / "bad.yaml").write_text("- {id: x}\n", encoding="utf-8")
    with pytest.raises(DrafterError, match=r"bad.yaml:1:3"):
        load_phrases([tmp_path / "lib"])


def test_phrases_commands():
    runner = CliRunner()
    listed = runner.invoke(app, ["phrases", "list", "--function", "quotation"])
    assert listed.exit_code == 0 and "quotation" in listed.output and "formula" not in listed.output
    found = runner.invoke(app, ["phrases", "search", "根本遵循"], env={"COLUMNS": "200"})
    assert found.exit_code == 0 and "根本遵循" in found.output and "000_251da491407e7ad2.txt" in found.output
    pid = search(load_phrases(), "秉纲而目自张")[0][1].id
    shown = runner.invoke(app, ["phrases", "show", pid])
    assert shown.exit_code == 0 and "傅玄" in shown.output and "002_196b020fa5f85377.txt:20" in shown.output
    missing = runner.invoke(app, ["phrases", "search", "完全无关的词语组合"])
    assert missing.exit_code == 1 and "no phrase matches" in missing.output
