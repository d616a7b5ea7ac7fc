"""Numbering marks at the start of a line: 一、 （一） 1. （1） 第一， and what number they carry."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from typing import TypeVar

from drafter.zh import CN_1_99, cn_to_int


#: the style of an ordinal with the part it counts (第一个问题：, 第二部分, 第三个方面，, 第一点，): its own for each
#: word and mark after it, "第一" and what follows the numeral (see ``drafter.zh.mark``)
PARTS = "第一…"
#: the mark after such an ordinal, as it is kept (a space becomes the full-width space)
_AFTER = str.maketrans({":": "：", ",": "，"})
#: (style, pattern); the pattern's group 1 is the number, the match ends where the heading text starts.
MARKS = [
    ("第一，", re.compile(rf"^第({CN_1_99})[，、：:,]\s*")),
    (PARTS, re.compile(rf"^第({CN_1_99})(个?(?:问题|方面|部分)|点)([：:，,、]|\s+)\s*")),
    ("（一）", re.compile(rf"^[（(]({CN_1_99})[）)]\s*")),
    ("（1）", re.compile(r"^[（(](\d{1,2})[）)]\s*")),
    ("一、", re.compile(rf"^({CN_1_99})[、．.]\s*")),
    ("1．", re.compile(r"^(\d{1,2})(?:[.．](?!\d)|、)\s*")),
    ("（1）", re.compile(r"^([\u2474-\u2487])\s*")),           # ⑴ … ⒇: one character for (1) … (20)
    ("1．", re.compile(r"^([\u2488-\u249b])\s*")),             # ⒈ … ⒛: one character for 1. … 20.
]
#: the number of a character that is a numbering mark by itself (⑴, ⒈)
ENCLOSED = {**{chr(0x2474 + k): k + 1 for k in range(20)}, **{chr(0x2488 + k): k + 1 for k in range(20)}}


T = TypeVar("T")


def counted_runs(marks: Iterable[tuple[T, int]]) -> list[list[T]]:
    """The runs of marks that count 1, 2, 3 … in order (each item with its number): a 1 starts a run, the next
    number goes on it, any other number is passed over."""
    runs: list[list[T]] = []
    last = 0
    for item, n in marks:
        if n == last + 1 and runs:
            runs[-1].append(item)
            last = n
        elif n == 1:
            runs.append([item])
            last = 1
    return runs


@dataclass(frozen=True)
class Mark:
    style: str
    number: int
    token: str      # the mark as written, e.g. "第五，"
    rest: str       # the text after the mark


@lru_cache(maxsize=1 << 12)
def read_mark(text: str) -> Mark | None:
    """The numbering mark a line starts with, if any, and the text after it (parsing asks of a line
    several times: the answer is kept for the last lines asked)."""
    for style, pattern in MARKS:
        m = pattern.match(text)
        if m and len(text) > m.end() and m.group(1) not in ("0", "00"):
            rest = text[m.end():]
            if style == "1．" and rest[:1] in "%％年月日":
                continue  # 2020年, 3.5%
            if style == PARTS:
                style = "第一" + m.group(2) + (m.group(3).translate(_AFTER) if m.group(3).strip() else "\u3000")
            return Mark(style, ENCLOSED.get(m.group(1)) or cn_to_int(m.group(1)), m.group(0).strip(), rest)
    return None

