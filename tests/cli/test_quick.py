"""The quick way to ``drafter new`` and ``drafter batch`` (drafter.cli.quick) agrees with the Typer app:
the same options reach the same arguments, and a command line gives the same files, output and exit
code whichever way it runs."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
import typer
from typer.testing import CliRunner

from drafter.cli.commands import app
from drafter.cli.quick import COMMANDS, parse

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.parametrize("command", sorted(COMMANDS))
def test_every_quick_option_is_the_typer_commands_own(command):
    params = {opt: p for p in typer.main.get_command(app).commands[command].params  # type: ignore[attr-defined]
              for opt in p.opts}
    positional, options, flags = COMMANDS[command]
    assert params[positional].opts == [positional]
    for opt, (name, _) in options.items():
        assert params[opt].name == name and not params[opt].is_flag, opt
    for opt, name in flags.items():
        assert params[opt].name == name and params[opt].is_flag, opt


def test_anything_not_plain_goes_to_the_typer_app():
    assert parse(["new", "工作会议", "-o", "a.docx", "--set", "occasion=会", "--set", "topic=题"]) is not None
    for argv in (["new", "工作会议"],                                  # no output
                 ["new", "工作会议", "-o", "a.docx", "-o", "b.docx"],    # an option twice
                 ["new", "工作会议", "-o", "a.docx", "--minutes", "30"],  # an option quick does not take
                 ["new", "工作会议", "--output=a.docx"],
                 ["batch", "plan.csv", "-o", "out", "--jobs", "two"],
                 ["new", "--help"]):
        assert parse(argv) is None, argv


LINES = [
    ["new", "工作会议", "-o", "a.docx", "--no-input", "--set", "会议名称=全市组织工作会议", "--set", "speaker=张明"],
    ["new", "党课", "-o", "a.md", "--no-input", "-t", "md", "--topic", "基层党建"],
    ["new", "工作会议", "-o", "a.docx", "--no-input", "--set", "nothing=1"],
    ["new", "no-such-outline", "-o", "a.docx", "--no-input"],
]


@pytest.mark.parametrize("argv", LINES, ids=[" ".join(a[:2]) + f" {i}" for i, a in enumerate(LINES)])
def test_quick_and_typer_give_the_same_result(tmp_path, argv):
    assert parse(argv) is not None
    env = {**os.environ, "PYTHONPATH": str(ROOT), "DRAFTER_CACHE": str(tmp_path / "cache"), "NO_COLOR": "1",
           "COLUMNS": "100"}
    fast, slow = tmp_path / "quick", tmp_path / "typer"
    fast.mkdir()
    slow.mkdir()
    done = subprocess.run([sys.executable, "-m", "drafter.cli", *argv], cwd=fast, env=env,
                          capture_output=True, text=True, stdin=subprocess.DEVNULL)
    here = os.getcwd()
    os.chdir(slow)
    try:
        result = CliRunner().invoke(app, argv, env={"DRAFTER_CACHE": str(tmp_path / "cache"), "NO_COLOR": "1",
                                                    "COLUMNS": "100"})
    finally:
        os.chdir(here)
    assert done.returncode == result.exit_code, (done.stderr, result.output)
    assert done.stderr.splitlines()[:1] == result.stderr.splitlines()[:1]
    assert {p.name: p.read_bytes() for p in fast.iterdir()} == {p.name: p.read_bytes() for p in slow.iterdir()}
