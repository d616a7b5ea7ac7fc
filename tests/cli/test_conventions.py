"""The conventions people expect of a command line: -h and --help, --version, help on no arguments,
the exit codes the README states, and no colour when NO_COLOR is set or output is not a terminal."""

from __future__ import annotations

import os
import re
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


COMMANDS = [[], ["parse"], ["format"], ["new"], ["batch"], ["mine"], ["outlines"], ["outlines", "list"],
            ["outlines", "show"], ["outlines", "check"], ["phrases"], ["phrases", "search"], ["phrases", "list"],
            ["phrases", "show"], ["phrases", "functions"], ["phrases", "export"]]


@pytest.mark.parametrize("command", COMMANDS, ids=lambda c: " ".join(c) or "drafter")
def test_help_fits_80_columns_and_is_chinese(command):
    """Click wraps by characters: a line of Chinese ran to twice the width. Every line of every help fits
    80 cells (a Chinese character takes two), the help option is described in Chinese, what to give
    is named in Chinese (文件, 目录, 年份 — not typer's <list[Path]>) and so are typer's notes (必填, 默认)."""
    from drafter.cli.cells import text_width as cells

    result = run(*command, "-h", env={"COLUMNS": "80"})
    assert result.returncode == 0, result.stderr
    assert max(map(cells, result.stdout.splitlines())) <= 80
    assert "-h, --help" in result.stdout and "显示帮助并退出" in result.stdout and "Show this" not in result.stdout
    assert not re.search(r"<\w|\[required|\[default|x>=|\b(?:TEXT|INTEGER|PATH|FLOAT)\b", result.stdout)


def test_help_lines_break_between_characters_not_before_a_closing_mark():
    from drafter.cli.cells import text_width as cells
    from drafter.cli.helpformat import wrap

    lines = wrap("把一篇讲话稿排版为 GB/T 9704 Word 文档（或带编号的文本、Markdown）。", 78, " " * 12, " " * 12)
    assert lines == ["            把一篇讲话稿排版为 GB/T 9704 Word 文档（或带编号的文本、", "            Markdown）。"]
    text = "解析讲话稿，显示其结构（标题、层次、删除的网页杂质、隐藏处、编号异常）；可一次解析多个文件。"
    lines = wrap(text, 40)
    assert all(cells(line) <= 40 for line in lines) and not any(line[0] in "，。、；）" for line in lines)
    assert "".join(lines) == text


@pytest.mark.parametrize("args, said", [
    (["new"], "缺少参数 提纲（drafter new -h 查看用法）"),
    (["new", "x", "--forse"], "没有选项 --forse（是不是 --force、--format、--set？）"),
    (["phrases", "list", "--limit", "three"], "--limit、-n 的值无效：“three”不是整数"),
    (["new", "工作会议", "--minutes", "half", "-o", "x.docx"], "--minutes 的值无效：“half”不是数"),
    (["mine", "--jobs", "0", "x"], "--jobs、-j 的值无效：应不小于 1"),
    (["nosuchcmd"], "没有命令 nosuchcmd（drafter -h 查看用法）"),
])
def test_a_usage_mistake_is_one_line_of_chinese_and_exit_2(args, said):
    result = run(*args)
    assert result.returncode == 2 and result.stdout == ""
    assert result.stderr.count("\n") == 1 and result.stderr.startswith("drafter: 用法错误：") and said in result.stderr


def test_no_arguments_print_help():
    result = run()
    assert "Usage: drafter" in result.stdout + result.stderr and "new" in result.stdout + result.stderr
    result = run("phrases")                       # a group without its command: the group's help
    assert result.returncode == 2 and "Usage: drafter phrases" in result.stderr and "用法错误" not in result.stderr


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


def test_a_click_error_that_is_no_usage_mistake_is_said_as_an_error():
    import sys as _sys

    from drafter.cli.usage import CLICK_ERROR, usage_line

    file_error = _sys.modules[CLICK_ERROR.__module__].FileError("计划.csv", hint="无法打开")
    assert file_error.exit_code == 1 and usage_line(file_error).startswith("drafter: 错误：")
