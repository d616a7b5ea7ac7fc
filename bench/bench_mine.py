"""Benchmark: mining a corpus, against parsing the same files, measured in the same run.

    python bench/bench_mine.py [--docs 200]

Corpora: the five seed speeches, and a synthetic corpus of ``--docs`` speeches made by
recombining the seeds' paragraphs (each keeps a seed's title and headings and takes half of its
body paragraphs from other seeds, so formulas recur across many documents). Baseline: reading and
parsing every file (what mining must do first). Measured: ``mine_corpus`` (parsing included).
Prints time per document for both, the ratio mine/parse, and the peak memory of mining (tracemalloc).
"""

from __future__ import annotations

import argparse
import random
import sys
import tempfile
import time
import tracemalloc
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from drafter import read  # noqa: E402
from drafter.mine import mine_corpus  # noqa: E402

SEEDS = ROOT / "examples" / "corpus"


def synthetic(folder: Path, count: int) -> Path:
    """``count`` speeches recombined from the seeds' paragraphs (deterministic)."""
    seeds = [p.read_text(encoding="utf-8").splitlines() for p in sorted(SEEDS.glob("*.txt"))]
    body = [line for lines in seeds for line in lines if len(line) > 80]
    rng = random.Random(7)
    for k in range(count):
        lines = list(seeds[k % len(seeds)])
        for i, line in enumerate(lines):
            if len(line) > 80 and rng.random() < 0.5:
                lines[i] = rng.choice(body)
        (folder / f"{k:03d}.txt").write_text("\n".join(lines), encoding="utf-8")
    return folder


def timed(fn) -> float:
    start = time.perf_counter()
    fn()
    return time.perf_counter() - start


def measure(name: str, folder: Path) -> None:
    files = sorted(folder.glob("*.txt"))
    parse = min(timed(lambda: [read(f) for f in files]) for _ in range(3))
    mine = min(timed(lambda: mine_corpus(folder)) for _ in range(2))
    tracemalloc.start()
    result = mine_corpus(folder)
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    size = sum(f.stat().st_size for f in files)
    n = len(files)
    print(f"{name:<22}{n:>6}{size / 1024:>9.0f}{parse / n * 1000:>14.2f}{mine / n * 1000:>13.2f}{mine / parse:>8.1f}"
          f"{peak / 2**20:>10.1f}  ({len(result.recurring)} formulas, {len(result.phrases)} phrases)")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--docs", type=int, default=200, help="documents in the synthetic corpus")
    args = parser.parse_args()
    print(f"{'corpus':<22}{'docs':>6}{'KiB':>9}{'parse ms/doc':>14}{'mine ms/doc':>13}{'ratio':>8}{'peak MiB':>10}")
    measure("seeds", SEEDS)
    with tempfile.TemporaryDirectory() as tmp:
        measure(f"synthetic ({args.docs})", synthetic(Path(tmp), args.docs))


if __name__ == "__main__":
    main()
