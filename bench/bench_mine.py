"""Benchmark: mining a real corpus, against jieba segmenting the same text, measured in the same run.

    python bench/bench_mine.py [CORPUS] [--scales 1,2,4,8] [--jobs 1,2] [--repeat 1]

CORPUS defaults to the 51 government work reports (../shared/corpus/gov-reports). ×N is the corpus
and N−1 variants of it: each variant document keeps its name's year and takes half of its
sentences from other documents (a fixed seed), so no variant is a duplicate that mining would count
once. Each measurement runs in a fresh process: ``mine_corpus`` (reading, parsing, index, bank,
outlines, and the text of the library's files) and, for the baseline, ``jieba.lcut`` of the same files'
text. Neither counts loading its code and data: jieba's dictionary is loaded, and drafter's modules
that mining uses are imported (their rules are compiled then: 0.07 s), before the clock starts.
Prints per scale: characters, jieba time, mining time and the ratio jieba/mine (≥ 1: mining is at
least as fast as segmenting), the peak RSS of the mining process over its RSS before mining (and that
per byte of corpus), and with ``--jobs`` the time with more workers and the speed-up.
``--repeat N`` runs each measurement N times and keeps the run with the shortest time (on a shared
machine the others' load only ever slows a run down).
Needs the bench extra: ``pip install '.[bench]'`` (jieba).
"""

from __future__ import annotations

import argparse
import json
import random
import re
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
REPORTS = next((p for p in (ROOT.parent / "shared" / "corpus" / "gov-reports",
                            ROOT.parent.parent / "shared" / "corpus" / "gov-reports") if p.is_dir()),
               ROOT.parent / "shared" / "corpus" / "gov-reports")
SENTENCE = re.compile(r"[^。！？\n]*[。！？]|[^。！？\n]+")

CHILD = r"""
import json, resource, sys, time
sys.path.insert(0, {root!r})
mode, folder, jobs = sys.argv[1], sys.argv[2], int(sys.argv[3])
from pathlib import Path
files = sorted(p for p in Path(folder).iterdir() if p.suffix in (".txt", ".md"))
if mode == "jieba":
    import jieba, logging
    jieba.setLogLevel(logging.WARNING)
    jieba.initialize()
    text = "".join(p.read_text(encoding="utf-8") for p in files)
    start = time.perf_counter()
    jieba.lcut(text)
    print(json.dumps({{"time": time.perf_counter() - start, "chars": len(text)}}))
else:
    from drafter.mine import mine_corpus
    from drafter.mine.write import library_files
    import multiprocessing, drafter.structure, drafter.mine.parallel, drafter.mine.quotes, drafter.mine.triads
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    start = time.perf_counter()
    result = mine_corpus(folder, jobs=jobs)
    files_out = library_files(result)
    took = time.perf_counter() - start
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    kids = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    print(json.dumps({{"time": took, "rss_before": before * 1024, "rss_peak": peak * 1024, "rss_workers": kids * 1024,
                      "phrases": len(result.phrases), "bank_bytes": sum(len(v.encode()) for k, v in files_out.items()
                                                                        if k.startswith("phrasebank/"))}}))
"""


def variants(source: Path, folder: Path, scale: int) -> Path:
    """The corpus and ``scale - 1`` variants of it in ``folder``."""
    files = sorted(p for p in source.iterdir() if p.suffix == ".txt")
    texts = {p.name: p.read_text(encoding="utf-8") for p in files}
    pool = [s for t in texts.values() for s in SENTENCE.findall(t) if len(s) > 8]
    rng = random.Random(9)
    for k in range(scale):
        for name, text in texts.items():
            out = text
            if k:
                lines = []
                for line in text.splitlines():
                    parts = SENTENCE.findall(line)
                    lines.append("".join(rng.choice(pool) if len(s) > 8 and rng.random() < 0.5 else s for s in parts))
                out = "\n".join(lines)
            (folder / (name if not k else f"{Path(name).stem}_v{k}.txt")).write_text(out, encoding="utf-8")
    return folder


def child(mode: str, folder: Path, jobs: int = 1, repeat: int = 1) -> dict:
    """The measurement of the run with the shortest time of ``repeat`` runs, each in a fresh process."""
    runs = []
    for _ in range(repeat):
        run = subprocess.run([sys.executable, "-c", CHILD.format(root=str(ROOT)), mode, str(folder), str(jobs)],
                             capture_output=True, text=True, check=True)
        runs.append(json.loads(run.stdout.strip().splitlines()[-1]))
    return min(runs, key=lambda r: r["time"])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("corpus", nargs="?", type=Path, default=REPORTS)
    parser.add_argument("--scales", default="1,2,4,8")
    parser.add_argument("--jobs", default="1,2", help="worker counts to compare (the first is the reference)")
    parser.add_argument("--repeat", type=int, default=1, help="runs of each measurement (the shortest time is kept)")
    args = parser.parse_args()
    if not args.corpus.is_dir():
        sys.exit(f"bench_mine: {args.corpus}: no such folder")
    jobs = [int(j) for j in args.jobs.split(",")]
    print(f"{'scale':>5} {'MB':>6} {'Mchars':>7} {'jieba s':>8} {'mine s':>7} {'jieba/mine':>10} {'peak MB':>8}"
          f" {'peak/bytes':>10} {'bank KB':>8}"
          + "".join(f" {'jobs ' + str(j) + ' s':>9} {'speed-up':>8}" for j in jobs[1:]))
    for scale in [int(s) for s in args.scales.split(",")]:
        with tempfile.TemporaryDirectory() as tmp:
            folder = variants(args.corpus, Path(tmp), scale)
            size = sum(p.stat().st_size for p in folder.iterdir())
            base = child("jieba", folder, 1, args.repeat)
            one = child("mine", folder, jobs[0], args.repeat)
            grown = one["rss_peak"] - one["rss_before"]
            row = (f"{scale:>5} {size / 2**20:>6.1f} {base['chars'] / 1e6:>7.2f} {base['time']:>8.2f}"
                   f" {one['time']:>7.2f}"
                   f" {base['time'] / one['time']:>10.2f} {grown / 2**20:>8.1f} {grown / size:>10.1f}"
                   f" {one['bank_bytes'] / 1024:>8.0f}")
            for j in jobs[1:]:
                more = child("mine", folder, j, args.repeat)
                row += f" {more['time']:>9.2f} {one['time'] / more['time']:>8.2f}"
            print(row, flush=True)


if __name__ == "__main__":
    main()
