"""Rebuild the built-in phrase bank (``phrasebank/``) by mining ``examples/corpus``:

    python scripts/build_phrasebank.py
"""

from __future__ import annotations

from pathlib import Path

from drafter.mine import mine_corpus
from drafter.mine.write import library_files

ROOT = Path(__file__).resolve().parent.parent


def main() -> None:
    folder = ROOT / "phrasebank"
    folder.mkdir(exist_ok=True)
    files = {k: v for k, v in library_files(mine_corpus(ROOT / "examples" / "corpus")).items()
             if k.startswith("phrasebank/")}
    for old in folder.glob("*.yaml"):
        if f"phrasebank/{old.name}" not in files:
            old.unlink()
    for rel, text in files.items():
        (ROOT / rel).write_text(text, encoding="utf-8", newline="\n")
        print(rel)


if __name__ == "__main__":
    main()
