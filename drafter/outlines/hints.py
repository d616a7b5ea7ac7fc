"""Writing hints that quote the phrase bank, and length targets.

A part of an outline says what it does (``function: requirement``); its hint in the skeleton then
quotes 3–5 entries of the library's phrase bank (``Library.phrases()``) that fit that function,
ranked towards the topic when one is given, each with the documents and years it was seen in. An
entry quoted once is not quoted again further down the document while others are left, so no two
parts carry the same examples.

The bank is whatever the library holds (built-in, mined with ``drafter mine``, or a user's): a
function with few entries of its own borrows from related functions and then from the general
formulas, picked by words typical of the function, so every part still gets at least three.

Where the bank says what kinds of document an entry was seen in (讲话稿, 政府工作报告) and the outline
says its own kind, entries of that kind come first, and an opening, transition or closing of another
kind is never quoted (a work meeting's opening does not quote 我代表国务院向大会作政府工作报告). Kinds
that begin alike are one kind (研讨发言, 研讨交流发言).
"""

from __future__ import annotations

import re
from itertools import chain
from typing import Any
from collections.abc import Iterable, Sequence

#: characters a minute when a speech is read aloud (the usual 200–250, taken at 220).
CHARS_PER_MINUTE = 220

#: what a part does → the bank functions it quotes first (in order) and words typical of it, used to
#: pick fitting entries from related functions and general formulas when its own are few.
FUNCTIONS: dict[str, tuple[tuple[str, ...], str]] = {
    "opening.context": (("opening.context", "opening.significance"), "召开 会议 部署 讲话 精神 重要 指明 遵循 总结"),
    "opening.significance": (("opening.significance", "opening.context", "significance"),
                             "重要 意义 深远 指明 遵循 讲话"),
    "opening.welcome": (("opening.welcome", "opening.context"), "欢迎 感谢 召开 隆重 举办 热烈 祝贺"),
    "transition": (("transition",), "下面 结合 几点 意见 体会 认识 谈"),
    "situation": (("situation", "achievement", "significance"), "成绩 成效 形势 取得 显著 全面 持续 不断 发展"),
    "significance": (("significance", "opening.significance"), "意义 重要 需要 根本 关键 保证 必然 要求"),
    "interpretation": (("interpretation", "formulation"), "内涵 把握 本质 要义 核心 精髓 科学 体系"),
    "requirement": (("requirement", "measures", "frame"), "要 必须 坚持 加强 推动 落实 做到 始终 牢牢"),
    "measures": (("measures", "requirement"), "健全 机制 推进 完善 建设 落实 制度 抓 推动"),
    "problem": (("problem", "self_criticism"), "问题 差距 不足 短板 薄弱 还 不够 有待"),
    "self_criticism": (("self_criticism", "problem"), "问题 差距 不足 对照 检视 根源 思想"),
    "pledge": (("pledge", "measures", "frame"), "以更 努力 担当 作为 奋斗 扎实 切实 全力"),
    "quotation": (("quotation",), "曰 之 而 者 也"),
    "triad": (("triad",), "之 筑牢 补足 把稳"),
    "formulation": (("formulation",), "两个 四个 五个 三个 坚持"),
    "closing.call": (("closing.call",), "同志们 让我们 奋斗 新 更加 团结 贡献 开创"),
    "closing.modesty": (("closing.modesty",), "以上 不妥 批评指正 汇报 请 谢谢"),
    "closing.thanks": (("closing.thanks", "closing.wish"), "祝 圆满 成功 感谢 谢谢 顺利 身体健康"),
    "host": (("host", "transition"), "请 下面 进行 会议 议程 同志"),
}
#: functions a part borrows from after its own (entries with words typical of the part first), then
#: any other function a bank has that is not an opening, transition or closing.
GENERAL = ("formula", "triad", "formulation", "frame", "quotation")
#: a bank entry's slot, in either format drafter has written: {{ A }} or {A}.
SLOT = re.compile(r"\{\{\s*[^{}]*?\s*\}\}|\{[^{}\s]{1,12}\}")
LEAST, MOST = 3, 4
#: an entry shorter than this (slots left out) says too little to quote.
MIN_CHARS = 5


def _structural(function: str) -> bool:
    """Whether entries of a function belong to one place of a speech (its opening, transition or closing)."""
    return function.split(".")[0] in ("opening", "transition", "closing")


def shown(text: str) -> str:
    """A bank entry's text with each slot as …"""
    return SLOT.sub("…", text)


def _years(phrase: Any) -> tuple[int | None, int | None]:
    """First and last year a phrase was seen, where the bank records them (``years: {first, last}``,
    or ``first``/``last`` fields); (None, None) otherwise."""
    years = getattr(phrase, "years", None)
    first = last = None
    if isinstance(years, dict):
        first, last = years.get("first"), years.get("last")
        by_year = years.get("by_year")
        if (first is None or last is None) and isinstance(by_year, dict) and by_year:
            keys = sorted(int(k) for k in by_year)
            first, last = first or keys[0], last or keys[-1]
    elif years is not None:
        first, last = getattr(years, "first", None), getattr(years, "last", None)
    first = first if first is not None else getattr(phrase, "first", None)
    last = last if last is not None else getattr(phrase, "last", None)
    try:
        return (int(first) if first else None, int(last) if last else None)
    except (TypeError, ValueError):
        return None, None


def cite(phrase: Any) -> str:
    """One quoted entry: “text”（N篇，2019—2024年）."""
    notes = []
    docs = getattr(phrase, "docs", 0) or 0
    if docs:
        notes.append(f"{docs}篇")
    first, last = _years(phrase)
    if first and last and first != last:
        notes.append(f"{first}—{last}年")
    elif first or last:
        notes.append(f"{first or last}年")
    text = shown(phrase.text)
    quoted = text if text.startswith("“") and text.endswith("”") else f"“{text}”"
    return quoted + (f"（{'，'.join(notes)}）" if notes else "")


def _foreign(phrase: Any, kind: str | None) -> bool:
    """Whether an entry was seen only in documents of another kind than ``kind`` (False where either
    is not known)."""
    kinds = getattr(phrase, "kinds", ()) or ()
    if not kind or not kinds:
        return False
    return not any(k[:2] == kind[:2] for k in kinds)


def _bigrams(text: str) -> set[str]:
    text = re.sub(r"\W", "", text)
    return {text[i:i + 2] for i in range(len(text) - 1)} or ({text} if text else set())


class _Bank:
    """A bank's quotable entries, prepared once for every skeleton that quotes it: each entry's
    shown text, and per function the entries it may quote in their order before topic and use."""

    def __init__(self, phrases: Iterable[Any]):
        self.entries = [(p, shown(p.text)) for p in phrases]
        self.entries = [(p, text) for p, text in self.entries if len(re.sub(r"\W|…", "", text)) >= MIN_CHARS]
        self._ranked: dict[tuple[str, str, str | None], list[tuple[Any, str, bool]]] = {}
        self._grams: dict[int, set[str]] = {}

    def ranked(self, function: str, words: str, kind: str | None = None) -> list[tuple[Any, str, bool]]:
        """(entry, shown text, general?) for a part with this function, in an outline of this kind, best
        first when no topic is given and none is used yet: its own functions in their order, then general
        entries with words typical of the part, then general formulas; within each, entries of the kind,
        then more documents, then longer texts, first."""
        found = self._ranked.get((function, words, kind))
        if found is not None:
            return found
        own, typical = FUNCTIONS.get(function, ((function,), ""))
        terms = [t for t in (typical + " " + words).split() if t]
        tiers = {f: n for n, f in enumerate(own)}

        def score(item: tuple[Any, str]) -> tuple:
            p, text = item
            hits = sum(1 for t in terms if t in text)
            if p.function in tiers:             # the part's own functions, in their order
                group, within = 0, tiers[p.function]
            elif hits:                          # a general entry with words typical of the part
                group, within = 1, -hits
            else:                               # general formulas first, then any other kind a bank has
                group, within = 2, GENERAL.index(p.function) if p.function in GENERAL else len(GENERAL)
            return (group >= 2, group, within, _foreign(p, kind), -(getattr(p, "docs", 0) or 0), -min(len(text), 24),
                    p.id)

        # another part's opening, transition or closing is never borrowed (no leader's call in a modest close),
        # nor another kind's
        allowed = [e for e in self.entries if (e[0].function in tiers or not _structural(e[0].function))
                   and not (_structural(e[0].function) and _foreign(e[0], kind))]
        keyed = sorted(((score(e), e) for e in allowed), key=lambda k: k[0])
        found = self._ranked[(function, words, kind)] = [(p, text, key[0]) for key, (p, text) in keyed]
        return found

    def grams(self, p: Any, text: str) -> set[str]:
        if id(p) not in self._grams:
            self._grams[id(p)] = _bigrams(text + " " + (getattr(p, "example", "") or ""))
        return self._grams[id(p)]


_BANKS: dict[int, tuple[Any, _Bank]] = {}


def _bank(phrases: Iterable[Any]) -> _Bank:
    """The prepared bank of ``phrases``; a tuple (as ``Library.phrases()`` gives) is prepared once."""
    if not isinstance(phrases, tuple):
        return _Bank(phrases)
    known = _BANKS.get(id(phrases))
    if known is None or known[0] is not phrases:
        if len(_BANKS) >= 4:
            _BANKS.pop(next(iter(_BANKS)))
        known = _BANKS[id(phrases)] = (phrases, _Bank(phrases))
    return known[1]


class Quoter:
    """Picks bank entries for the parts of one skeleton, each entry once while others are left."""

    def __init__(self, phrases: Iterable[Any] = (), topic: str | None = None, kind: str | None = None):
        self.bank = _bank(phrases)
        self.kind = kind                 # the outline's kind of document: its own kind's entries first
        self.topic = (topic or "").strip()
        self.topic_grams = _bigrams(self.topic) if self.topic else set()
        self.used: set[str] = set()
        self._topical: dict[int, float] = {}

    def topical(self, phrase: Any, text: str) -> float:
        """How well an entry (its shown text given) goes with the topic: the whole topic in its text or
        example counts most, then shared character pairs."""
        if not self.topic:
            return 0.0
        found = self._topical.get(id(phrase))
        if found is None:
            found = self._topical[id(phrase)] = self._score(phrase, text)
        return found

    def _score(self, phrase: Any, shown_text: str) -> float:
        text = shown_text + " " + (getattr(phrase, "example", "") or "")
        if self.topic in text:
            return 3.0
        core = self.topic.removesuffix("工作")
        if len(core) >= 2 and core in text:
            return 2.5
        return len(self.topic_grams & self.bank.grams(phrase, shown_text)) / max(1, len(self.topic_grams))

    def pick(self, function: str, words: str = "") -> list[Any]:
        """3–4 entries for a part with this function (fewer only when the whole bank is smaller):
        unused entries before used ones, then (general ones after the part's own) closer to the topic."""
        ranked = self.bank.ranked(function, words, self.kind)
        used = self.used
        if self.topic:
            order: Iterable[tuple[Any, str, bool]] = sorted(
                ranked, key=lambda e: (e[0].id in used, e[2], _foreign(e[0], self.kind), -self.topical(e[0], e[1])))
        else:
            order = chain((e for e in ranked if e[0].id not in used), (e for e in ranked if e[0].id in used))
        picked: list[tuple[Any, str]] = []
        for p, text, _ in order:
            if len(picked) >= MOST:
                break
            if any(text == seen or text in seen or seen in text for _, seen in picked):
                continue
            picked.append((p, text))
        used.update(p.id for p, _ in picked)
        return [p for p, _ in picked]

    def line(self, function: str, words: str = "") -> str | None:
        picked = self.pick(function, words)
        if not picked:
            return None
        return "短语库例句：" + "；".join(cite(p) for p in picked)


def chars_for(minutes: float | None = None, chars: int | None = None) -> int | None:
    """A length target in characters from minutes (at 220 a minute) or characters."""
    if chars:
        return int(chars)
    if minutes:
        return round(minutes * CHARS_PER_MINUTE)
    return None


def length_note(chars: int, per_point: int | None = None) -> str:
    """“篇幅：约 1,300 字（约 6 分钟）” for a hint."""
    minutes = chars / CHARS_PER_MINUTE
    spoken = f"{minutes:.0f}" if minutes >= 2 else f"{minutes:.1f}".rstrip("0").rstrip(".")
    note = f"篇幅：约 {_round(chars)} 字（约 {spoken} 分钟）"
    if per_point:
        note += f"，每条约 {_round(per_point)} 字"
    return note


def _round(chars: float) -> int:
    step = 50 if chars >= 300 else 10
    return max(step, round(chars / step) * step)


def shares(weights: Sequence[float], total: int) -> list[int]:
    """``total`` split by weights."""
    whole = sum(weights) or 1
    return [round(total * w / whole) for w in weights]
