"""Benchmark: parsing speeches, against a baseline measured in the same run.

    python bench/bench_parse.py [--copies 200]

Baseline: decoding and splitting the same bytes into lines (what any reader must do). Measured:
the whole parse (cleaning, joining, structure). Prints time per speech, the ratio parse/baseline,
and peak memory of one parse of the largest input against its size. Inputs are the seed speeches
plus a long synthetic speech made by repeating their sections, so that scaling shows.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tracemalloc
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from drafter import parse_text  # noqa: E402
from timing import best_of  # noqa: E402
from drafter.ingest.text import decode, split_lines  # noqa: E402


def inputs() -> dict[str, bytes]:
    seeds = {p.name: p.read_bytes() for p in sorted((ROOT / "examples" / "corpus").glob("*.txt"))}
    body = (ROOT / "examples" / "corpus" / "001_ba08b270c44729d2.txt").read_text(encoding="utf-8")
    seeds["long (001 × 20)"] = "\n\n".join([body] * 20).encode("utf-8")
    return seeds


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--copies", type=int, default=50, help="repetitions per timing")
    args = parser.parse_args()
    print(f"{'input':<28}{'chars':>8}{'baseline ms':>13}{'parse ms':>10}{'ratio':>8}")
    ratios = []
    for name, data in inputs().items():
        text = decode(data)
        base = best_of(lambda data=data: split_lines(decode(data)), args.copies)
        full = best_of(lambda data=data: parse_text(decode(data)), args.copies)
        ratios.append(full / base)
        print(f"{name:<28}{len(text):>8}{base * 1000:>13.3f}{full * 1000:>10.3f}{full / base:>8.1f}")
    print(f"median ratio parse/baseline: {statistics.median(ratios):.1f}")
    data = inputs()["long (001 × 20)"]
    tracemalloc.start()
    parse_text(decode(data))
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    print(f"peak memory parsing {len(data) / 1024:.0f} KiB: {peak / 1024:.0f} KiB ({peak / len(data):.1f}× input)")


if __name__ == "__main__":
    main()
