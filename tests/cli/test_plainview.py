"""drafter new's closing lines and table printed without rich are the text rich prints."""

from __future__ import annotations

import io
import random

import pytest
from rich.console import Console
from rich.table import Table

from drafter.cli import plainview

PIECES = ["a", "bc", "sections.1.points.2", " ", "  ", "会", "议", "【会议名称】", "结合哪些会议、文件精神", "，",
          "（", "）", "…", "x" * 30, "全市安全生产工作会议", "2025年2月18日", "-", "é", "🎉", "ｗ"]


def text(rng: random.Random, most: int) -> str:
    return "".join(rng.choice(PIECES) for _ in range(rng.randint(0, most)))


def rich_text(width: int, draw) -> str:
    out = io.StringIO()
    draw(Console(file=out, width=width))
    return out.getvalue()


@pytest.mark.parametrize("seed", range(300))
def test_table_as_rich_prints_it(seed):
    rng = random.Random(seed)
    width = rng.choice([20, 30, 40, 60, 80, 100, 120, 200])
    headers = ["键", "标签", "提示"]
    rows = [[text(rng, 3), text(rng, 2), text(rng, 6)] for _ in range(rng.randint(0, 6))]
    title = f"待填的值（{len(rows)}）"
    mine = plainview.table(title, headers, rows, width)

    def draw(console):
        table = Table(title=title)
        for header in headers:
            table.add_column(header)
        for row in rows:
            table.add_row(*row)
        console.print(table)

    if mine is not None:
        assert mine == rich_text(width, draw), (width, rows)


@pytest.mark.parametrize("seed", range(200))
def test_lines_as_rich_prints_them(seed):
    rng = random.Random(seed)
    width = rng.choice([10, 20, 40, 80])
    line = text(rng, 12)
    assert plainview.lines(line, width) == rich_text(width, lambda console: console.print(line))


def test_what_rich_must_print():
    assert plainview.lines("[bold]x[/bold]", 80) is None and plainview.lines("a :smile: b", 80) is None
    assert plainview.table("t", ["a"], [["x\\y"]], 80) is None
    assert plainview.table("t", ["a"], [["x\ny"]], 80) is None
