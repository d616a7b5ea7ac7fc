"""The progress of ``drafter mine`` on a terminal: files read, then each later stage by name; nothing
drawn when stderr is not a terminal."""

from __future__ import annotations

import io
import sys
from pathlib import Path

import yaml
from typer.testing import CliRunner

from drafter.cli import app, batch_view
from drafter.cli.mine_view import stage_progress

SEEDS = Path(__file__).resolve().parents[2] / "examples" / "corpus"


def test_the_stages_after_reading_keep_the_files_count_and_say_their_name():
    told = []
    progress = stage_progress(lambda done, total, stage: told.append((done, total, stage)))
    for event in [("read", 0, 5), ("read", 5, 5), ("index", 0, 1), ("index", 1, 1), ("outlines", 0, 1)]:
        progress(*event)
    assert told == [(0, 5, "读入文件"), (5, 5, "读入文件"), (5, 5, "建立索引……"), (5, 5, "建立索引……"),
                    (5, 5, "归纳提纲……")]
    stage_progress(None)("read", 1, 5)          # no bar: nothing to move


class Terminal(io.StringIO):
    def isatty(self):
        return True


def test_the_bar_shows_the_stage_it_is_told(monkeypatch):
    screen = Terminal()
    monkeypatch.setattr(sys, "stderr", screen)
    monkeypatch.delenv("NO_COLOR", raising=False)
    with batch_view.progress_bar("读入文件", unit="篇") as bar:
        bar(3, 5, "读入文件")
        bar(5, 5, "整理短语……")
    shown = screen.getvalue()
    assert "整理短语……" in shown and "5/5" in shown and "篇/秒" not in shown.rpartition("整理短语")[2]


def test_no_bar_when_stderr_is_not_a_terminal_and_the_table_counts_the_bank(tmp_path):
    run = CliRunner().invoke(app, ["mine", str(SEEDS), "-o", str(tmp_path / "lib")], env={"COLUMNS": "80"})
    assert run.exit_code == 0 and run.stderr == ""
    rows = {cells[0]: cells[1:] for line in run.stdout.splitlines()
            if len(cells := [c.strip() for c in line.strip("│").split("│")]) == 3}
    written = sum(len(yaml.safe_load(p.read_text(encoding="utf-8")))
                  for p in (tmp_path / "lib" / "phrasebank").glob("*.yaml"))
    assert rows["短语"] == [str(written), ""]
    assert rows["idiom"][1] == "四字格" and rows["measure"][1] == "举措"
