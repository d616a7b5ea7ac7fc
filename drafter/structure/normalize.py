"""Normalisation of Chinese text: whitespace and full-width punctuation beside CJK.

Half-width , : ; ! ? ( ) next to Chinese text become ，：；！？（）; numbers, dates, times and
Latin text keep theirs ("14:16:02", "2005-2024", "Rights Reserved.").
"""

from __future__ import annotations

import re

from drafter.zh import is_cjk

FULL = {",": "，", ":": "：", ";": "；", "!": "！", "?": "？"}
_SPACES = re.compile(r"[\u00a0\u2002-\u200b\u202f\u205f\ufeff\t]+")
#: zero-width joiners and marks a page leaves inside text: never text
_INVISIBLE = re.compile(r"[\u200c-\u200f\u2060\u2061-\u2064\u00ad]")
#: what ``full_width`` may change: half-width marks, and parentheses
_HALF = re.compile(r"[,:;!?()]")
_MARKS = re.compile(r"[,:;!?]")
#: a space after a full-width mark is page debris of the conversion, not text
_SPACED = re.compile(r"([，：；！？（）])[ ]+(?=\S)")
_EDGE = " \u3000\u00a0\u2002\u2003\u2009\u200b\u202f\u205f\ufeff\t\r\n\f\v"


def clean_space(text: str) -> str:
    """Trim every kind of blank from both ends; odd spaces inside become plain spaces."""
    if text.isprintable():          # no invisible mark, no odd space (all of them are unprintable)
        return text.strip(_EDGE)
    return _SPACES.sub(" ", _INVISIBLE.sub("", text).strip(_EDGE))


def _neighbours(text: str, i: int) -> tuple[str, str]:
    """The nearest non-space characters left and right of position i."""
    j = i - 1
    while j >= 0 and text[j] == " ":
        j -= 1
    k = i + 1
    while k < len(text) and text[k] == " ":
        k += 1
    return (text[j] if j >= 0 else ""), (text[k] if k < len(text) else "")


def _paren_pairs(text: str) -> dict[int, int]:
    """Matching ( ) positions, innermost first; unmatched parentheses are left out."""
    pairs, stack = {}, []
    for i, ch in enumerate(text):
        if ch == "(":
            stack.append(i)
        elif ch == ")" and stack:
            pairs[stack.pop()] = i
    return pairs


def full_width(text: str) -> str:
    """Make half-width punctuation beside CJK full-width, and drop the spaces that went with it."""
    if not _HALF.search(text):
        return _SPACED.sub(r"\1", text) if " " in text else text
    chars = list(text)
    for open_, close in (_paren_pairs(text).items() if "(" in text else ()):
        inside = text[open_ + 1:close]
        left, _ = _neighbours(text, open_)
        _, right = _neighbours(text, close)
        if any(is_cjk(c) for c in inside) or is_cjk(left) or is_cjk(right):
            chars[open_], chars[close] = "（", "）"
    for m in _MARKS.finditer(text):
        i = m.start()
        left, right = _neighbours(text, i)
        if left.isdigit() and right.isdigit():
            continue  # a time or a number: 14:16, 1,000
        if is_cjk(left) or is_cjk(right):
            chars[i] = FULL[m.group()]
    return _SPACED.sub(r"\1", "".join(chars))


#: a circle (○, U+25CB) or a full-width digit zero written for the numeral zero among Chinese numerals:
#: 二○○一年, 二００一年
_CIRCLE_ZERO = re.compile(r"(?<=[〇零一二三四五六七八九])[○０]+|[○０]+(?=[〇零一二三四五六七八九])")


def normalize(text: str) -> str:
    """The normalised form of one line: trimmed, full-width punctuation beside CJK, the Chinese dash
    written with horizontal bars (――, U+2015) as the dash it stands for (——), the zero written as a
    circle or a digit among Chinese numerals (二○○一年, 二００一年) as the numeral it stands for (〇)."""
    text = full_width(clean_space(text)).replace("\u2015\u2015", "——")
    return _CIRCLE_ZERO.sub(lambda m: "〇" * len(m.group(0)), text) if "○" in text or "０" in text else text


def squash(text: str) -> str:
    """A comparison key: no blanks, no punctuation of either width."""
    return re.sub(r"[\s\u3000\u00a0,.:;!?()，。：；！？（）、“”‘’《》—…·\-_]", "", text)
