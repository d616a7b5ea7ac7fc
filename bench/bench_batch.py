"""Benchmark: `drafter batch` against a naive python-docx loop, 1 job against 2, memory in rows.

    python bench/bench_batch.py [--rows 200] [--runs 3] [--memory-rows 2000] [--skip-naive]

Every measurement is a whole process (each run once first, so Python's bytecode is compiled as an
install compiles it), run interleaved round by round so that load on a shared machine
falls on all of them alike; medians are printed with their ratios.

- baseline: a naive python-docx loop writing the same content — for each row Document(), the title
  with add_heading(level 0), every heading with add_heading and every paragraph with add_paragraph,
  save — from the texts drafter's outline gives that row (computed beforehand, not timed);
- `drafter batch plan.csv -o out/ --jobs 1` and `--jobs 2` (rows of the four built-in outlines, each
  with its own values and file name);
- peak RSS of `drafter batch --jobs 1` for `--rows` and `--memory-rows` rows (goal: within 1.5×);
- the machine's ceiling for 2 jobs: the rows' own work (prepared in memory, no start-up, no files, no
  messages between processes) in one process against two forked ones.

Goals (issue 10): batch ≥ 10× the naive loop; 2 jobs ≥ 1.8× 1 job; memory flat in rows.
"""

from __future__ import annotations

import argparse
import csv
import resource
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
KINDS = ["meeting-speech", "party-lecture", "seminar-remarks", "signed-article"]

NAIVE = """
import json, sys
from pathlib import Path
from docx import Document
out = Path(sys.argv[2])
for n, row in enumerate(json.loads(Path(sys.argv[1]).read_text(encoding="utf-8"))):
    document = Document()
    for kind, depth, text in row:
        if kind == "title":
            document.add_heading(text, 0)
        elif kind == "heading":
            document.add_heading(text, min(depth, 9))
        else:
            document.add_paragraph(text)
    document.save(out / f"{n}.docx")
"""

RSS = """
import resource, sys
sys.argv = ["drafter", "batch", sys.argv[1], "-o", sys.argv[2], "--jobs", "1", "-q"]
from drafter.cli import app
try:
    app()
except SystemExit:
    pass
print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)
"""


CEILING = """
import os, statistics, sys, time
from pathlib import Path
from drafter import batch
from drafter.library import Library
from drafter.plan import read_plan
plan, runs = Path(sys.argv[1]), int(sys.argv[2])
rows = read_plan(plan)
job = batch._Batch(plan, plan.parent, "gbt9704", None, False, Library.resolve([], env={}), False, "docx")
for row in rows:
    job.prepare(row)                    # every outline, template and part loaded before timing
def work(share):
    for row in share:
        job.prepare(row)
def forked(parts):
    start = time.perf_counter()
    pids = []
    for k in range(parts):
        pid = os.fork()
        if pid == 0:
            work(rows[k::parts])
            os._exit(0)
        pids.append(pid)
    for pid in pids:
        os.waitpid(pid, 0)
    return time.perf_counter() - start
one = statistics.median(forked(1) for _ in range(runs))
two = statistics.median(forked(2) for _ in range(runs))
print(one / two)
"""


def write_plan(path: Path, rows: int) -> None:
    with path.open("w", encoding="utf-8", newline="") as f:
        out = csv.writer(f)
        out.writerow(["outline", "output", "occasion", "theme", "speaker", "date", "subject", "goal"])
        for i in range(rows):
            kind = KINDS[i % 4]
            occasion = f"全市第{i}次工作会议" if kind in ("meeting-speech", "seminar-remarks") else ""
            theme = f"专题{i}" if kind == "party-lecture" else ""
            speaker = f"第{i}位讲话人" if kind != "signed-article" else ""
            subject = f"主题{i}" if kind == "party-lecture" else ""
            goal = f"推动第{i}项工作" if kind in ("meeting-speech", "party-lecture") else ""
            date = "2025年2月18日" if kind != "signed-article" else ""
            out.writerow([kind, f"{i:05d}-{kind}", occasion, theme, speaker, date, subject, goal])


def naive_content(plan: Path, target: Path) -> None:
    """The texts each row's skeleton holds, for the naive loop: (kind, depth, text) in order."""
    sys.path.insert(0, str(ROOT))
    from drafter.batch import Columns
    from drafter.library import Library
    from drafter.model import Gap, plain
    from drafter.outlines.assemble import assemble
    from drafter.plan import read_plan
    from drafter.render.layout import Heading, MetaLine, blocks

    library = Library.resolve([], env={})
    columns = {k: Columns(library.outline(k)) for k in KINDS}
    rows = []
    for row in read_plan(plan):
        c = columns[row.get("outline")]
        speech = assemble(c.outline, c.values(row.cells))
        items = []
        for block in blocks(speech):
            if isinstance(block, MetaLine):
                items.append(("title" if block.kind == "title" else "para", 0, plain(block.content)))
            elif isinstance(block, Heading):
                items.append(("heading", block.depth, block.mark + plain(block.content)))
                if block.body is not None:
                    items.append(("para", 0, plain(block.body.content)))
            elif not isinstance(block, Gap):
                items.append(("para", 0, plain(block.content)))
        rows.append(items)
    target.write_text(json.dumps(rows, ensure_ascii=False), encoding="utf-8")


def cpu_of_children() -> float:
    used = resource.getrusage(resource.RUSAGE_CHILDREN)
    return used.ru_utime + used.ru_stime


def run(argv: list[str], env: dict[str, str], fresh: Path) -> tuple[float, float]:
    """Wall time and CPU time (the process and its workers) of one whole process."""
    shutil.rmtree(fresh, ignore_errors=True)
    fresh.mkdir(parents=True)
    cpu = cpu_of_children()
    start = time.perf_counter()
    proc = subprocess.run(argv, env=env, capture_output=True)
    elapsed = time.perf_counter() - start
    if proc.returncode != 0:
        raise SystemExit(f"failed: {' '.join(argv)}\n{proc.stderr.decode(errors='replace')[-2000:]}")
    return elapsed, cpu_of_children() - cpu


def peak_rss(plan: Path, out: Path, env: dict[str, str], script: Path) -> int:
    shutil.rmtree(out, ignore_errors=True)
    proc = subprocess.run([sys.executable, str(script), str(plan), str(out)], env=env, capture_output=True, text=True)
    return int(proc.stdout.strip().splitlines()[-1])


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rows", type=int, default=200)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--memory-rows", type=int, default=2000)
    parser.add_argument("--skip-naive", action="store_true", help="only 1 job against 2 (for long plans)")
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="drafter-bench-"))
    env = {**os.environ, "PYTHONPATH": str(ROOT), "NO_COLOR": "1", "DRAFTER_CACHE": str(work / "cache")}
    env.pop("DRAFTER_LIBRARY", None)
    env.pop("PYTHONDONTWRITEBYTECODE", None)   # bytecode kept, as after an install (pip compiles it)
    plan = work / "plan.csv"
    write_plan(plan, args.rows)
    if not args.skip_naive:
        naive_content(plan, work / "content.json")
    (work / "naive.py").write_text(NAIVE, encoding="utf-8")
    (work / "rss.py").write_text(RSS, encoding="utf-8")
    py = sys.executable
    batch = [py, "-m", "drafter.cli", "batch", str(plan), "-o", str(work / "out"), "-q"]
    cases = {
        "naive python-docx loop": [py, str(work / "naive.py"), str(work / "content.json"), str(work / "out")],
        "drafter batch --jobs 1": batch + ["--jobs", "1"],
        "drafter batch --jobs 2": batch + ["--jobs", "2"],
    }
    if args.skip_naive:
        del cases["naive python-docx loop"]
    times: dict[str, list[float]] = {name: [] for name in cases}
    cpus: dict[str, list[float]] = {name: [] for name in cases}
    for argv in cases.values():                # compile the bytecode and fill the cache first
        run(argv, env, work / "out")
    for _ in range(args.runs):
        for name, argv in cases.items():
            wall, cpu = run(argv, env, work / "out")
            times[name].append(wall)
            cpus[name].append(cpu)
    med = {name: statistics.median(t) for name, t in times.items()}
    cpu = {name: statistics.median(t) for name, t in cpus.items()}
    one, two = med["drafter batch --jobs 1"], med["drafter batch --jobs 2"]
    print(f"{args.rows} rows, whole processes, median of {args.runs} (cores: {os.cpu_count()}, "
          f"load average before: {os.getloadavg()[0]:.1f})")
    print(f"{'command':<28}{'wall s':>8}{'ms/row':>9}{'CPU s':>8}{'ms/row':>9}")
    for name in cases:
        print(f"{name:<28}{med[name]:>8.2f}{med[name] / args.rows * 1000:>9.1f}"
              f"{cpu[name]:>8.2f}{cpu[name] / args.rows * 1000:>9.1f}")
    print()
    if not args.skip_naive:
        base = med["naive python-docx loop"]
        print(f"naive loop / drafter batch --jobs 1, wall:  {base / one:5.1f}×   CPU: "
              f"{cpu['naive python-docx loop'] / cpu['drafter batch --jobs 1']:5.1f}×")
        print(f"naive loop / drafter batch --jobs 2, wall:  {base / two:5.1f}×   (goal ≥ 10)")
    print(f"--jobs 1 / --jobs 2, wall:                  {one / two:5.2f}×   (goal ≥ 1.8)")
    if hasattr(os, "fork"):
        (work / "ceiling.py").write_text(CEILING, encoding="utf-8")
        out = subprocess.run([py, str(work / "ceiling.py"), str(plan), str(args.runs)], env=env,
                             capture_output=True, text=True, check=True)
        print(f"ceiling, the rows' work alone in 2 forked processes / 1:  {float(out.stdout):5.2f}×")
    if args.memory_rows:
        big = work / "big.csv"
        write_plan(big, args.memory_rows)
        small_rss = peak_rss(plan, work / "out-rss", env, work / "rss.py")
        big_rss = peak_rss(big, work / "out-rss", env, work / "rss.py")
        print(f"peak RSS --jobs 1: {args.rows} rows {small_rss / 1024:.0f} MiB, {args.memory_rows} rows "
              f"{big_rss / 1024:.0f} MiB: {big_rss / small_rss:.2f}×   (goal ≤ 1.5)")
    shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
