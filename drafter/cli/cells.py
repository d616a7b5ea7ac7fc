"""Terminal cells and where a line may break, for help text and tables (standard library only).

A wide or full-width character takes two cells. A line may break between any two wide characters, at a
space, or beside a run of narrow ones (a number, a word, a file name such as 上海市_2026:32, which is
kept whole) — never before a closing mark (，。、）…), which stays with what it closes, nor between a
number and the measure word it counts (等 12 处). In tables a run
that starts with _ or . stays with the word before it too.
"""

from __future__ import annotations

import re
import unicodedata

_WIDE = (r"\u1100-\u115f\u2e80-\u303e\u3041-\u33ff\u3400-\u9fff\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f"
         r"\uff00-\uff60\uffe0-\uffe6")
#: what a line is broken between: a number with the measure word it counts (12 处: not broken at its
#: space), a wide character, a run of blanks, or a run of other characters
TOKEN = re.compile(rf"[0-9]+ [{_WIDE}]|\s+|[{_WIDE}]|[^\s{_WIDE}]+")
#: marks that never open a line (they stay with what they close)
CLOSING = frozenset("，。、；：！？）》」』】”’…—%")
#: narrow marks that join what follows to the word before them (上海市_2026, 讲话稿.txt)
JOINING = frozenset("_.")


def char_width(c: str) -> int:
    """The cells a character takes: none for a combining mark, two for a wide or full-width one."""
    if unicodedata.combining(c):
        return 0
    return 2 if unicodedata.east_asian_width(c) in ("W", "F") else 1


def text_width(text: str) -> int:
    """The cells a text takes."""
    return sum(char_width(c) for c in text)
