"""Benchmark: whole-process start-up of `drafter --help` and `drafter new`, against baselines in the same run.

    python bench/bench_startup.py [--runs 15]

Baselines, each a whole Python process like the command it is compared with:

- `drafter --help` against `--help` of a minimal Typer app (one command, one option) — goal ≤ 1.2×;
- `drafter new meeting-speech` against the peer `gongwen template speech` when the `gongwen` command
  is installed; it is not on PyPI here, so the stand-in is a minimal python-docx script writing the
  same skeleton plainly (title, 同志们：, the headings and one paragraph under each, saved) — goal < 1.0×.
  `drafter new` is measured warm (its cache of unchanging .docx parts filled by an earlier run, as for
  any run after the first) and cold (an empty cache folder: the parts are built first).

Each command runs once before timing, so Python's bytecode is compiled (as an install compiles it;
``PYTHONDONTWRITEBYTECODE`` is unset for the runs). The commands run interleaved, round by round, so
that load on a shared machine falls on all of them alike; the medians and their ratios are printed.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

MINIMAL_TYPER = """
import typer
app = typer.Typer()
@app.command()
def hello(name: str = typer.Option("x", help="a name")):
    print(name)
@app.command()
def bye():
    pass
app()
"""

PLAIN_DOCX = """
import sys
from docx import Document
headings = sys.argv[2:]
document = Document()
document.add_heading("在【会议名称】上的讲话", 0)
document.add_paragraph("同志们：")
for text in headings:
    document.add_heading(text, 1)
    document.add_paragraph("【正文】")
document.save(sys.argv[1])
"""


def skeleton_headings() -> list[str]:
    sys.path.insert(0, str(ROOT))
    from drafter.library import Library
    from drafter.outlines.assemble import assemble

    speech = assemble(Library.resolve([]).outline("meeting-speech"))
    return [s.title for s in speech.walk()]


def timed(argv: list[str], env: dict[str, str], before=None) -> float:
    if before:
        before()
    start = time.perf_counter()
    proc = subprocess.run(argv, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    elapsed = time.perf_counter() - start
    if proc.returncode != 0:
        raise SystemExit(f"failed: {' '.join(argv)}\n{proc.stderr.decode(errors='replace')}")
    return elapsed


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=15)
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="drafter-bench-"))
    env = {**os.environ, "PYTHONPATH": str(ROOT), "DRAFTER_CACHE": str(work / "cache"), "NO_COLOR": "1"}
    env.pop("DRAFTER_LIBRARY", None)
    env.pop("PYTHONDONTWRITEBYTECODE", None)   # bytecode kept, as after an install (pip compiles it)
    cold_env = {**env, "DRAFTER_CACHE": str(work / "cold")}
    (work / "typer_app.py").write_text(MINIMAL_TYPER, encoding="utf-8")
    (work / "plain_docx.py").write_text(PLAIN_DOCX, encoding="utf-8")
    py = sys.executable
    out = work / "out.docx"

    def clean_out():
        out.unlink(missing_ok=True)

    def clean_cold():
        clean_out()
        shutil.rmtree(work / "cold", ignore_errors=True)

    peer = shutil.which("gongwen")
    new = [py, "-m", "drafter.cli", "new", "meeting-speech", "-o", str(out), "--no-input"]
    cases = {
        "minimal Typer app --help": ([py, str(work / "typer_app.py"), "--help"], env, None),
        "drafter --help": ([py, "-m", "drafter.cli", "--help"], env, None),
        ("gongwen template speech" if peer else "python-docx skeleton script (stand-in)"): (
            [peer, "template", "speech"] if peer else [py, str(work / "plain_docx.py"), str(out), *skeleton_headings()],
            env, clean_out),
        "drafter new (warm cache)": (new, env, clean_out),
        "drafter new (cold cache)": (new, cold_env, clean_cold),
    }
    for argv, case_env, before in cases.values():   # fill the warm cache and compile the bytecode
        timed(argv, case_env, before)
    times: dict[str, list[float]] = {name: [] for name in cases}
    for _ in range(args.runs):
        for name, (argv, case_env, before) in cases.items():
            times[name].append(timed(argv, case_env, before))
    med = {name: statistics.median(t) for name, t in times.items()}
    names = list(cases)
    print(f"{'command':<44}{'median ms':>10}")
    for name in names:
        print(f"{name:<44}{med[name] * 1000:>10.0f}")
    print()
    print(f"drafter --help / minimal Typer --help:        {med[names[1]] / med[names[0]]:.2f}  (goal <= 1.2)")
    print(f"drafter new warm / {'gongwen' if peer else 'python-docx stand-in'}:{' ' * (9 if peer else 0)}"
          f"       {med[names[3]] / med[names[2]]:.2f}  (goal < 1.0)")
    print(f"drafter new cold / {'gongwen' if peer else 'python-docx stand-in'}:{' ' * (9 if peer else 0)}"
          f"       {med[names[4]] / med[names[2]]:.2f}")
    if not peer:
        print("(gongwen is not installed — `pip install gongwen` finds no such package here — so the stand-in "
              "is a python-docx script writing the same skeleton)")
    shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
