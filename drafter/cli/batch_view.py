"""What ``drafter batch`` prints: the rows made and the closing summary."""

from __future__ import annotations

import os

from rich.markup import escape as markup_escape
from rich.table import Table

from drafter.batch import RowResult
from drafter.controls import escape as control_escape


def escape(text: str) -> str:
    return markup_escape(control_escape(text))


def results_table(results: list[RowResult]) -> Table:
    """One line per row: its line in the plan, outline, output file, status and what is left to fill."""
    table = Table(title="批量生成 batch")
    table.add_column("行 line", justify="right", no_wrap=True)
    for column in ("提纲 outline", "输出 output", "状态 status", "待填 值·段 left"):
        table.add_column(column, overflow="fold")
    for r in results:
        status = "[green]已生成[/green]" if r.ok else "[red]失败[/red]"
        left = f"{len(r.missing)} 值 · {r.paragraphs} 段" if r.ok else ""
        table.add_row(str(r.line), escape(r.outline), escape(r.output.name if r.output else ""), status, left)
    return table


def summary(results: list[RowResult], out_dir: str | os.PathLike) -> str:
    """The closing line of a batch: how many rows were written and how many failed."""
    failed = sum(not r.ok for r in results)
    return (f"共 {len(results)} 行：已生成 {len(results) - failed} 份，失败 {failed} 行 "
            f"{len(results)} rows: {len(results) - failed} written to {out_dir}, {failed} failed")


def interrupted(results: list[RowResult], left: int, out_dir: str | os.PathLike) -> str:
    """The closing line of a batch stopped by Ctrl-C: what was written, and what was not."""
    written = sum(r.ok for r in results)
    failed = len(results) - written
    return (f"已中断 interrupted: 已生成 {written} 份，失败 {failed} 行，未处理 {left} 行 "
            f"{written} written to {out_dir}, {failed} failed, {left} not made")
