"""Shared by the phrase-book tests: a cache folder of their own, the everyday searches, typos and
pinyin initials of a query, and "was it found"."""

from __future__ import annotations

import os
import re
import tempfile
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
os.environ["DRAFTER_CACHE"] = tempfile.mkdtemp(prefix="drafter-cache-")

EVERYDAY = ["凝心聚力", "守正创新", "以上率下", "担当作为", "压实责任", "落地见效"]
RECURRING = [r["text"] for r in yaml.safe_load((ROOT / "tests/data/seeds.truth.yaml").read_text("utf-8"))["recurring"]]
HAN = re.compile(r"[\u4e00-\u9fff]")


def han(text: str) -> str:
    return "".join(HAN.findall(text))


def as_query(text: str) -> str:
    """What a writer types for a formula: its gaps (…) as spaces, quotation marks left out."""
    return " ".join(text.replace("“", "").replace("”", "").split("…"))


def initials(text: str) -> str:
    from pypinyin import lazy_pinyin

    return "".join(s[0] for s in lazy_pinyin(han(text)))


def typo(text: str) -> str:
    """One character of the query replaced by a wrong one (not the first or the last)."""
    chars = [c for c in text]
    positions = [i for i, c in enumerate(chars) if HAN.match(c)]
    i = positions[len(positions) // 2]
    chars[i] = "口" if chars[i] != "口" else "日"
    return "".join(chars)


def found(expected: str, text: str) -> bool:
    """The characters of the expected phrase in order, close together, in a result's text; or the result
    is the bank's formula at the phrase's heart, three quarters of it or more (成为|党旗高高飘扬的战斗堡垒)."""
    want, have = han(expected), han(text)
    if have and have in want and 4 * len(have) >= 3 * len(want):
        return True
    for start in (i for i, c in enumerate(have) if c == want[0]):
        pos = start
        for c in want:
            pos = have.find(c, pos)
            if pos < 0:
                break
            pos += 1
        else:
            if pos - start <= 2 * len(want) + 2:
                return True
    return False
