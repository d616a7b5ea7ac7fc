"""What ``drafter batch`` prints: a progress bar on a terminal, a short summary, and the full report as CSV."""

from __future__ import annotations

import csv
import io
import os
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager

from drafter.batch import RowResult

REPORT_HEADER = ["行", "提纲", "输出文件", "状态", "待填的值", "待写的段落", "缺少的值", "错误"]


def summary(results: list[RowResult], out_dir: str | os.PathLike, report: str | os.PathLike | None = None) -> str:
    """The closing lines of a batch: rows written and failed, what is left to fill, where the details are.
    Each line is Chinese only and fits in 80 columns (a path aside)."""
    failed = sum(not r.ok for r in results)
    made = [r for r in results if r.ok]
    lines = [f"共 {len(results)} 行：已生成 {len(made)} 份，失败 {failed} 行"]
    if made:
        values = sum(len(r.missing) for r in made)
        paragraphs = sum(r.paragraphs for r in made)
        complete = sum(not r.missing for r in made)
        lines.append(f"待填 {values} 个值、{paragraphs} 段；{complete} 份的值已填全")
    lines.append(f"输出目录：{out_dir}")
    if failed:
        lines.append("失败的行见上方错误信息（计划表:行号: 原因）")
    lines.append(f"逐行明细：{report}" if report is not None else "逐行明细：加 --report 明细.csv")
    return "\n".join(lines)


def report_csv(results: list[RowResult]) -> bytes:
    """Every row as a CSV line (UTF-8 with BOM, so Excel opens it): line, outline, output, status, what is left."""
    text = io.StringIO()
    writer = csv.writer(text, lineterminator="\r\n")
    writer.writerow(REPORT_HEADER)
    for r in results:
        writer.writerow([r.line, r.outline, r.output.name if r.output else "", "已生成" if r.ok else "失败",
                         len(r.missing) if r.ok else "", r.paragraphs if r.ok else "", " ".join(r.missing),
                         r.error or ""])
    return text.getvalue().encode("utf-8-sig")


def wants_progress(quiet: bool) -> bool:
    """A progress bar only for a person at a terminal: not with --quiet, NO_COLOR or a redirected stderr."""
    return not quiet and "NO_COLOR" not in os.environ and sys.stderr.isatty()


@contextmanager
def progress_bar(label: str, unit: str = "行") -> Iterator[Callable[..., None]]:
    """A bar on stderr, cleared at the end: done of total, rate and time left. Gives the
    ``progress(done, total, stage=None)`` callback that moves it (``stage`` relabels the bar)."""
    from rich.console import Console, RenderableType
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, ProgressColumn, SpinnerColumn, Task, TextColumn
    from rich.text import Text

    class Rate(ProgressColumn):
        def render(self, task: Task) -> Text:
            if task.finished:       # all counted; a stage after the count may still run
                return Text("")
            if not task.speed or (task.elapsed or 0) < 1:    # results come in batches: no rate from the first
                return Text(f"— {unit}/秒")
            left = (task.total - task.completed) / task.speed if task.total else 0
            minutes, seconds = divmod(int(left + 0.5), 60)
            return Text(f"{task.speed:.1f} {unit}/秒，还需 {minutes}:{seconds:02d}")

    class Spinner(SpinnerColumn):
        def render(self, task: Task) -> RenderableType:    # turning to the end: a stage may follow the count
            return self.spinner.render(task.get_time())

    columns = [Spinner(), TextColumn("{task.description}"), BarColumn(bar_width=24), MofNCompleteColumn(),
               TextColumn(unit), Rate()]
    with Progress(*columns, console=Console(stderr=True), transient=True) as shown:
        task = shown.add_task(label, total=None)

        def update(done: int, total: int, stage: str | None = None) -> None:
            shown.update(task, completed=done, total=total, description=stage or None)

        yield update


def interrupted(results: list[RowResult], left: int, out_dir: str | os.PathLike) -> str:
    """The closing line of a batch stopped by Ctrl-C: what was written, and what was not."""
    written = sum(r.ok for r in results)
    return f"已中断：已生成 {written} 份（{out_dir}），失败 {len(results) - written} 行，未处理 {left} 行"
