"""What ``drafter mine`` prints: the stages of its progress bar and a table of what was mined."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable

from rich.markup import escape
from rich.table import Table

from drafter.mine import MineResult
from drafter.mine.functions import FUNCTIONS
from drafter.phrasebook.entry import label


#: what each stage of mining is called on the progress bar.
STAGES = {"convert": "转换 .doc 等旧格式", "read": "读入文件", "index": "建立索引", "formulas": "找出提法",
          "bank": "整理短语", "outlines": "归纳提纲"}


def stage_progress(bar: Callable[..., None] | None) -> Callable[[str, int, int], None]:
    """Mining's ``progress(stage, done, total)`` on a bar: old Word files converted (runs of LibreOffice),
    files read, then each later stage by name, the bar staying at the files read (those stages have no
    count of their own)."""
    files = [0]

    def progress(stage: str, done: int, total: int) -> None:
        if bar is None:
            return
        if stage == "convert":
            bar(done, total, STAGES[stage])
        elif stage == "read":
            files[0] = total
            bar(done, total, STAGES[stage])
        else:
            bar(files[0], files[0], f"{STAGES.get(stage, stage)}……")

    return progress


#: skipped files listed one by one in the summary up to this many; more are counted by reason
LISTED = 5


def _skipped(result: MineResult) -> str:
    """The files skipped, each with its reason, or — for an archive with many — how many for each reason
    (every one is on its own line above the table)."""
    if len(result.skipped) <= LISTED:
        return "\n".join(f"{escape(s.name)}: {escape(s.reason)}" for s in result.skipped)
    reasons = Counter("与其他文件重复" if s.reason.endswith("重复") else s.reason.split("：")[0]
                      for s in result.skipped)
    return "\n".join(f"{escape(r)}: {n} 个" for r, n in reasons.most_common()) + "\n（逐个见上方）"


def mine_table(result: MineResult, folder: str) -> Table:
    """Documents read and skipped, outlines and phrases by function."""
    table = Table(title=f"挖掘结果：{escape(folder)}")
    table.add_column("项目", no_wrap=True)
    table.add_column("数量", justify="right")
    table.add_column("说明", overflow="fold")
    files = len(set(result.files))
    table.add_row("读入文档", str(len(result.documents)),
                  f"来自 {files} 个文件（一页多篇的各算一篇）" if files != len(result.documents) else "")
    table.add_row("跳过", str(len(result.skipped)), _skipped(result))
    table.add_row("提纲", str(len(result.outlines)), "、".join(o.get("name") or o["id"] for o in result.outlines))
    table.add_row("排比组", str(len(result.parallel)), "")
    table.add_row("短语", str(len(result.phrases)), "")
    counts = Counter(p.function for p in result.phrases)
    for function in FUNCTIONS:
        if counts[function]:
            table.add_row(f"  {function}", str(counts[function]), label(function))
    return table
