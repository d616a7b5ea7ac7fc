"""Every drafter command the README shows runs as written (in a folder holding the examples, with the seeds
as ~/讲话稿/), and exits 0: a renamed outline or option breaks the first thing a new user copies."""

from __future__ import annotations

import re
import shlex
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


def readme_commands() -> list[str]:
    """The drafter command lines of the README's ``sh`` blocks, continued lines joined, comments cut."""
    out = []
    for block in re.findall(r"```sh\n(.*?)```", (ROOT / "README.md").read_text(encoding="utf-8"), re.S):
        lines = iter(block.splitlines())
        for line in lines:
            if not line.lstrip().startswith("drafter "):
                continue
            command = line.split("  #")[0].strip()
            while command.endswith("\\"):
                command = command[:-1] + " " + next(lines).split("  #")[0].strip()
            out.append(command)
    return out


COMMANDS = [c for c in readme_commands() if "--scheduler" not in c]     # (a Dask cluster: test_mine_dask.py)


@pytest.fixture(scope="module")
def folder(tmp_path_factory):
    here = tmp_path_factory.mktemp("readme")
    shutil.copytree(ROOT / "examples", here / "examples")
    shutil.copytree(ROOT / "examples" / "corpus", here / "讲话稿")
    return here


def test_the_readme_shows_the_commands_of_every_area():
    assert len(COMMANDS) >= 25
    for verb in ("parse", "new", "batch", "mine", "outlines", "phrases"):
        assert any(c.split()[1] == verb for c in COMMANDS), verb


@pytest.mark.parametrize("command", COMMANDS, ids=lambda c: c[8:40])
def test_a_readme_command_runs_as_written(command, folder):
    words = shlex.split(command.replace("~/讲话稿/", "讲话稿/"))
    stdout = subprocess.DEVNULL
    if ">" in words:                                     # … --json > all.jsonl
        stdout = (folder / words[words.index(">") + 1]).open("w", encoding="utf-8")
        words = words[:words.index(">")]
    if words[1] == "mine" and (folder / "mylib").exists():
        words.append("--force")                          # the README mines into mylib/ twice
    done = subprocess.run([sys.executable, "-m", "drafter.cli", *words[1:]], cwd=folder, stdout=stdout,
                          stderr=subprocess.PIPE, text=True, timeout=300)
    assert done.returncode == 0, done.stderr[-400:]
