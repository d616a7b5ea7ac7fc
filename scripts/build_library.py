"""Rebuild the built-in phrase bank (``phrasebank/``) from real text: the five seed speeches in
``examples/corpus`` and the government work reports 1954–2025 (public domain; read where they are,
only what is mined is shipped).

    python scripts/build_library.py                         # reports from ../shared/corpus/gov-reports
    python scripts/build_library.py /path/to/gov-reports    # or from a folder given

The result is deterministic (the same inputs give the same bytes, whatever ``--jobs``); the test
``tests/test_mine_builtin.py`` checks the shipped files against a fresh run.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from drafter.mine import mine_corpus  # noqa: E402
from drafter.mine.corpus import corpus_files  # noqa: E402
from drafter.mine.write import library_files  # noqa: E402

SEEDS = ROOT / "examples" / "corpus"
#: ../shared/corpus/gov-reports beside the repository (one level further up for a git worktree)
REPORTS = next((p for p in (ROOT.parent / "shared" / "corpus" / "gov-reports",
                            ROOT.parent.parent / "shared" / "corpus" / "gov-reports") if p.is_dir()),
               ROOT.parent / "shared" / "corpus" / "gov-reports")


def sources(reports: Path = REPORTS) -> list[Path]:
    """The files mined for the built-in bank: the seeds, then the reports."""
    return [p for _, p in corpus_files(SEEDS)] + [p for _, p in corpus_files(reports)]


#: the built-in bank keeps formulas of two documents (the seeds are five of another genre than the
#: reports); each function's best ``MAX_PER_FUNCTION`` stay
MIN_DOCS = 2
MAX_PER_FUNCTION = 150


def build(reports: Path = REPORTS, jobs: int | None = None) -> dict[str, str]:
    """Relative path → text of every file of the built-in phrase bank: the seeds and the reports mined
    together, with what the seeds give mined on their own (their genre's formulas, such as 以上率下,
    which the reports' 50%以上 drowns in the whole)."""
    result = mine_corpus(sources(reports), jobs=jobs, min_docs=MIN_DOCS, max_per_function=MAX_PER_FUNCTION)
    result.take_phrases(mine_corpus(SEEDS, jobs=jobs, min_docs=MIN_DOCS, max_per_function=MAX_PER_FUNCTION))
    return {k: v for k, v in library_files(result).items() if k.startswith("phrasebank/")}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("reports", nargs="?", type=Path, default=REPORTS, help="folder of the government work reports")
    parser.add_argument("--jobs", type=int, default=None, help="worker processes (default: all cores)")
    args = parser.parse_args()
    if not args.reports.is_dir():
        sys.exit(f"build_library: {args.reports}: no such folder (the government work reports)")
    files = build(args.reports, args.jobs)
    folder = ROOT / "phrasebank"
    folder.mkdir(exist_ok=True)
    for old in sorted(folder.glob("*.yaml")):
        if f"phrasebank/{old.name}" not in files:
            old.unlink()
    for rel, text in files.items():
        (ROOT / rel).write_text(text, encoding="utf-8", newline="\n")
        print(f"{rel}: {text.count(chr(10) + '- id: ')} 条")


if __name__ == "__main__":
    main()
