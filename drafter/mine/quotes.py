"""Quotations (典故) and formulations (提法) in the sentences of a corpus.

A quotation is classical text: short clauses (at most ``CLAUSE`` characters, two to four of them)
with classical function words (者 则 而 之 其 …). It counts when it is quoted with a marker that
introduces a saying (有“…”之说, 所言, 曾说, 古人云, 正所谓 …), quoted as a classical line of its own,
or written bare as a sentence of parallel clauses (本强则茂，基强则安) that does not go on from the one
before (而不能失职，更不能渎职). The attribution is the name
before the marker, without the titles in front of it (西晋时期的文学家傅玄 → 傅玄).

A formulation is a quoted term that starts with a number (“四个意识” “两个维护” “三会一课”).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from drafter.mine.frames import induce

CLAUSE = 8
CLASSICAL = set("者则而之其乃惟唯矣也焉乎兮曰亦故於")
#: what opens a clause that goes on from the sentence before: no quotation begins so
GOES_ON = "而但且并则却"
QUOTED = re.compile(r"“([^“”]{4,40})”")
#: before a quote: who said it (…有“, …说：“, 正所谓“, 古人云：“)
BEFORE = re.compile(r"([\u4e00-\u9fff《》•·]{0,24}?)"
                    r"(?:(?:在《[^》]{1,20}》中)?有|曾经?说|曾言|所言|所说|云|曰|有言|所谓)[：，]?$")
#: after a quote: 之说, 的论述, 之言 …
AFTER = re.compile(r"^(?:之说|的论述|之论|之言|的名言|的诗句|的说法|的古训)")
SAYING = re.compile(r"古人|古语|先贤|俗话|常言|诗云|有言道")
TITLE_END = re.compile(r".*(?:家|相|人|帝|王|臣|士|官|者|师|宗|祖|圣|贤|书记|主席|总理|先生)")
#: the numerals that count the items of a numbered formulation (“四个意识”, “两个确立”, “十四五”): fewer than
#: ``drafter.mine.index.NUMERALS``, which binds every numeral to what follows it — “万众一心” counts nothing
NUMERALS = "一二三四五六七八九十两百千"
NUMBERED = re.compile(rf"“([{NUMERALS}]+[^“”，。]{{1,8}})”")
SPLIT = re.compile(r"[，；]")
#: words before a quote that are no one's name: a pronoun, a modal, a conjunction (但我们必须有“…”)
NOT_WHO = re.compile(r"我|你|他们|她们|必须|应当|应该|要|但|却|就|都|还")


@dataclass(frozen=True)
class Quote:
    text: str
    by: str | None


def classical(text: str, parallel: bool = False) -> bool:
    """Short clauses with classical function words; with ``parallel``, clauses of one length (give
    or take two) that share a frame of two characters or more."""
    clauses = [c for c in SPLIT.split(text.rstrip("。！？")) if c]
    if not 2 <= len(clauses) <= 4 or any(not 3 <= len(c) <= CLAUSE for c in clauses):
        return False
    if not CLASSICAL & set(text) or re.search(r"[“”《》、0-9A-Za-z]", text):
        return False
    if not parallel:
        return True
    frame = induce(clauses)
    return frame is not None and frame.literal >= 2 and max(map(len, clauses)) - min(map(len, clauses)) <= 2


def quotations(sentence: str) -> list[Quote]:
    """The quotations in one sentence (surface form), in order."""
    found = []
    for m in QUOTED.finditer(sentence):
        inner = m.group(1).rstrip("。！？")
        before = BEFORE.search(sentence[:m.start()])
        marked = before or AFTER.match(sentence[m.end():]) or SAYING.search(sentence[:m.start()])
        # 要有“…”的自信, 我们有“…”: what one must have, not who said it — unless it is classical text
        said = marked and not (before and before.group(0).rstrip("：，").endswith("有")
                               and _speaker(sentence[:m.start()], before) is None)
        whole = (m.group(1).endswith(("。", "！", "？"))
                 or (m.end() == len(sentence) and not sentence[:m.start()].strip()))
        if (classical(inner) and (marked or whole)) or (said and len(inner) <= 4 * CLAUSE and SPLIT.search(inner)):
            found.append(Quote(inner, _speaker(sentence[:m.start()], before)))
    if not found and not QUOTED.search(sentence) and sentence[:1] not in GOES_ON and classical(sentence, parallel=True):
        found.append(Quote(sentence, None))
    return found


def _speaker(text: str, before: re.Match | None) -> str | None:
    """The name in front of a quote marker, without the titles before it."""
    if before is None:
        m = re.search(r"([\u4e00-\u9fff]{2,12}?)(?:在《[^》]{1,20}》中)?有$", text)
        who = m.group(1) if m else ""
    else:
        who = before.group(1)
    who = who.split("的")[-1].lstrip("正如")
    short = TITLE_END.match(who)
    if short and 2 <= len(who) - short.end() <= 4:
        who = who[short.end():]
    if NOT_WHO.search(who):
        return None     # 但我们必须有“…”的豪情: what we must have, not who said it
    return who if 2 <= len(who) <= 12 and who not in ("正所谓", "所谓") else None


def formulations(sentence: str) -> list[str]:
    """The quoted numbered terms of a sentence (canonical form), with their quotes; two numerals alone are a
    date (“五四”, “七一”: a day's name), not a formulation (“十四五” is a plan's)."""
    return [f"“{m.group(1)}”" for m in NUMBERED.finditer(sentence)
            if not (len(m.group(1)) == 2 and all(c in NUMERALS for c in m.group(1)))]
