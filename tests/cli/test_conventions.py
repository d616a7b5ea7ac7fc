"""The conventions people expect of a command line: -h and --help, --version, help on no arguments,
the exit codes the README states, and no colour when NO_COLOR is set or output is not a terminal."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

import drafter

REPO = Path(__file__).resolve().parents[2]


def run(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "drafter.cli", *args], capture_output=True, text=True,
                          env={**os.environ, "PYTHONPATH": str(REPO), **(env or {})})


@pytest.mark.parametrize("args", [["-h"], ["--help"], ["new", "-h"], ["outlines", "-h"], ["phrases", "--help"]])
def test_help_by_either_flag(args):
    result = run(*args)
    assert result.returncode == 0 and "Usage: drafter" in result.stdout


def test_no_arguments_print_help():
    result = run()
    assert "Usage: drafter" in result.stdout + result.stderr and "new" in result.stdout + result.stderr


def test_version():
    result = run("--version")
    assert result.returncode == 0 and result.stdout.strip() == f"drafter {drafter.__version__}"


def test_exit_codes_ok_error_usage():
    assert run("outlines", "list").returncode == 0
    assert run("new", "no-such-outline", "-o", "-").returncode == 1
    assert run("new", "--no-such-option").returncode == 2


@pytest.mark.parametrize("env", [{}, {"NO_COLOR": "1", "TERM": "xterm-256color"}])
def test_no_colour_codes_off_a_terminal(env):
    result = run("outlines", "list", env=env)
    assert result.returncode == 0 and "\x1b[" not in result.stdout
