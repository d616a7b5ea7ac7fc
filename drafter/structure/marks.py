"""Numbering marks at the start of a line: 一、 （一） 1. （1） 第一， and what number they carry."""

from __future__ import annotations

import re
from dataclasses import dataclass

from drafter.render.numbering import chinese_numeral

#: the marks that end a sentence; a heading ends at the first of them
SENTENCE_END = re.compile(r"[。！？]")
CN_DIGITS = {"〇": 0, "零": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
_CN = "(?:[二三四五六七八九]?十[一二三四五六七八九]?|[一二三四五六七八九])"  # 1–99

#: (style, pattern); the pattern's group 1 is the number, the match ends where the heading text starts.
MARKS = [
    ("第一，", re.compile(rf"^第({_CN})[，、：:,]\s*")),
    ("（一）", re.compile(rf"^[（(]({_CN})[）)]\s*")),
    ("（1）", re.compile(r"^[（(](\d{1,2})[）)]\s*")),
    ("一、", re.compile(rf"^({_CN})[、．.]\s*")),
    ("1．", re.compile(r"^(\d{1,2})(?:[.．](?!\d)|、)\s*")),
]


@dataclass(frozen=True)
class Mark:
    style: str
    number: int
    token: str      # the mark as written, e.g. "第五，"
    rest: str       # the text after the mark


def cn_to_int(text: str) -> int:
    """一 → 1, 十二 → 12, 二十一 → 21."""
    if text.isdigit():
        return int(text)
    if "十" in text:
        tens, _, ones = text.partition("十")
        return (CN_DIGITS.get(tens, 1) if tens else 1) * 10 + (CN_DIGITS.get(ones, 0) if ones else 0)
    value = 0
    for ch in text:
        value = value * 10 + CN_DIGITS[ch]
    return value


def read_mark(text: str) -> Mark | None:
    """The numbering mark a line starts with, if any, and the text after it."""
    for style, pattern in MARKS:
        m = pattern.match(text)
        if m and len(text) > m.end() and m.group(1) not in ("0", "00"):
            rest = text[m.end():]
            if style == "1．" and rest[:1] in "%％年月日":
                continue  # 2020年, 3.5%
            return Mark(style, cn_to_int(m.group(1)), m.group(0).strip(), rest)
    return None


def label(style: str, number: int) -> str:
    """How a source number reads in warnings: 第五, 三、, （二）, 4., （4）."""
    cn = chinese_numeral(number)
    return {"第一，": f"第{cn}", "一、": f"{cn}、", "（一）": f"（{cn}）", "1．": f"{number}.", "（1）": f"（{number}）"}.get(style, str(number))
