"""Benchmark: reading a folder of old Word files, converted ahead in LibreOffice runs of many files,
against each converted alone (LibreOffice started once a file, as a folder was read before), measured
in the same run.

    python bench/bench_convert.py [--files 20]

Makes ``--files`` .doc files from the five seeds (written as .docx by drafter, saved as .doc by
LibreOffice), then times: reading each with ``read_speech`` one after another with no cache (one
LibreOffice run a file: the baseline); ``read_corpus`` of the folder with an empty cache folder (runs of
up to ``BATCH`` files); and ``read_corpus`` again (everything from the cache). Prints the seconds and the
ratios against the baseline. Needs LibreOffice (``soffice``).
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from drafter.api import write_speech  # noqa: E402
from drafter.ingest.convert import BATCH, soffice  # noqa: E402
from drafter.mine.corpus import read_corpus  # noqa: E402
from drafter.structure import read_speech  # noqa: E402

SEEDS = ROOT / "examples" / "corpus"


def old_word_files(folder: Path, count: int, program: str) -> list[Path]:
    """``count`` .doc files in ``folder``, the seeds in turn."""
    seeds = sorted(SEEDS.glob("*.txt"))
    made = folder / "docx"
    made.mkdir()
    for k in range(count):
        write_speech(read_speech(seeds[k % len(seeds)]), made / f"{k:03d}.docx")
    out = folder / "doc"
    subprocess.run([program, f"-env:UserInstallation={(folder / 'profile').as_uri()}", "--headless",
                    "--convert-to", "doc", "--outdir", str(out), *sorted(str(p) for p in made.glob("*.docx"))],
                   check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, timeout=600)
    return sorted(out.glob("*.doc"))


def timed(fn) -> float:
    start = time.perf_counter()
    fn()
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--files", type=int, default=20)
    args = parser.parse_args()
    program = soffice()
    if program is None:
        sys.exit("bench_convert: LibreOffice (soffice) is not installed")
    with tempfile.TemporaryDirectory() as tmp:
        files = old_word_files(Path(tmp), args.files, program)
        folder = files[0].parent
        os.environ["DRAFTER_CACHE"] = ""
        alone = timed(lambda: [read_speech(p) for p in files])
        os.environ["DRAFTER_CACHE"] = str(Path(tmp) / "cache")
        ahead = timed(lambda: read_corpus(folder, jobs=1))
        again = timed(lambda: read_corpus(folder, jobs=1))
    print(f"{len(files)} .doc files; runs of up to {BATCH}")
    print(f"{'each converted alone':<32} {alone:>7.2f} s")
    print(f"{'converted ahead, in runs':<32} {ahead:>7.2f} s {alone / ahead:>6.1f}× faster")
    print(f"{'again, from the cache':<32} {again:>7.2f} s {alone / again:>6.1f}× faster")


if __name__ == "__main__":
    main()
