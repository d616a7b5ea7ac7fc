"""Text helpers for mining: a canonical form for comparing, sentences, and CJK counts.

The canonical form maps one character to one character (so offsets stay valid in the surface
text): the clause separators 、 and ， become one, and single or corner quotes become “ ”. Two
writings of one formula (增强“四个意识”，坚定… / 增强“四个意识”、坚定…) then compare equal, while the
surface text of each occurrence is still at hand for display.
"""

from __future__ import annotations

import re

CANON = {"、": "，", "‘": "“", "’": "”", "「": "“", "」": "”", "『": "“", "』": "”"}
#: a sentence ends at 。！？； (and at the closing quote that follows one)
SENTENCE = re.compile(r"[^。！？；]+(?:[。！？；]+[”’」』）]*)?|[。！？；]+")
CJK = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")
#: characters a phrase may not begin or end with (punctuation other than paired quotes, blanks)
EDGE = "，、；：。！？…—·．.,;:!? \u3000（）()《》"
GAP = "…"
#: function characters (a general, closed class of Chinese)
FUNCTION = frozenset("的之和与及或在对把被将向以为于要是了等")


def canon(text: str) -> str:
    """The canonical form of a text, character for character (a replace per mark the text holds:
    faster than ``str.translate`` with a table of non-ASCII characters)."""
    for mark, canonical in CANON.items():
        if mark in text:
            text = text.replace(mark, canonical)
    return text


def cjk_count(text: str) -> int:
    return len(CJK.findall(text))


def sentences(text: str) -> list[tuple[int, str]]:
    """The sentences of a paragraph with their offsets, the final 。！？； left out."""
    out = []
    for m in SENTENCE.finditer(text):
        body = m.group(0).rstrip("。！？；")
        if body.endswith(("”", "’")) and body[:-1].endswith(("。", "！", "？")):
            body = body[:-2] + body[-1]
        if body.strip():
            out.append((m.start(), body))
    return out


def balanced(text: str) -> bool:
    """Whether every “ in the text is closed by a ” after it (and every 《 by 》)."""
    for open_, close in (("“", "”"), ("《", "》"), ("（", "）")):
        if open_ not in text and close not in text:
            continue
        depth = 0
        for ch in text:
            if ch == open_:
                depth += 1
            elif ch == close:
                depth -= 1
                if depth < 0:
                    return False
        if depth:
            return False
    return True


def trim(text: str) -> tuple[int, int]:
    """The span of ``text`` without separators at its ends (paired quotes are kept)."""
    start, end = 0, len(text)
    while start < end and text[start] in EDGE:
        start += 1
    while end > start and text[end - 1] in EDGE:
        end -= 1
    return start, end
