"""Write ``drafter/structure/traditional_chars.py``: the characters OpenCC's t2s changes, so that a
text in simplified characters is told apart without loading OpenCC.

    python scripts/traditional_chars.py

Run it after upgrading OpenCC; ``tests/structure/test_traditional.py`` checks the shipped list against
the installed OpenCC.
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from drafter.structure.traditional import changed_characters  # noqa: E402

TARGET = ROOT / "drafter" / "structure" / "traditional_chars.py"
WIDTH = 50


def main() -> None:
    chars = changed_characters()
    rows = "\n".join(f'    "{chars[i:i + WIDTH]}"' for i in range(0, len(chars), WIDTH))
    TARGET.write_text('"""The characters OpenCC\'s t2s changes on their own (written by scripts/traditional_chars.py;'
                      ' do not edit)."""\n\n'
                      f"CHARACTERS = (\n{rows}\n)\n", encoding="utf-8")
    print(f"{TARGET.relative_to(ROOT)}: {len(chars)} 字")


if __name__ == "__main__":
    main()
