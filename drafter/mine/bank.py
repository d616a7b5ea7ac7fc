"""The phrase bank: mined phrases sorted by what they do in a speech, each with its provenance.

Where a phrase occurs and its shape say what it does: recurring formulas are ``opening.context``
when most of their places are in openings, ``closing.call`` when they are in closings and open a
sentence there or make a whole clause, ``requirement`` when they start with 要/必须, else
``formula``; ``triad``, ``formulation`` and ``quotation`` by shape (see their modules); ``frame``
from parallel headings; ``transition``, ``closing.call`` and ``closing.modesty`` from the speeches'
own transition and closing sentences, merged into one templated entry where sentences of several
documents share a frame. A formula found in every document of a corpus of four or more is the
genre's common vocabulary (党的建设, 组织工作), not a formula, and is left out. A formula or gapped
formula enters only as a phrase that starts and ends where words do (see ``drafter.mine.bounds``):
fragments and terms shorter than six Chinese characters (软弱涣散) stay in the list of recurring
formulas, but a phrase bank is for wording.
"""

from __future__ import annotations

import hashlib
import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field

from drafter.mine.corpus import Corpus, Unit
from drafter.mine.bounds import Bounds
from drafter.mine.frames import Frame
from drafter.mine.gapped import Gapped, anchored
from drafter.mine.ngrams import Formula, Sentences, surface
from drafter.mine.parallel import Group, parallel_sets
from drafter.mine.quotes import NUMBERED, formulations, quotations
from drafter.mine.text import GAP, canon
from drafter.mine.triads import triads

FUNCTIONS = ("opening.context", "transition", "requirement", "formula", "triad", "formulation", "quotation",
             "frame", "closing.call", "closing.modesty")
REQUIREMENT = re.compile(r"^(?:要|必须|务必|一定要|始终要|坚决)")
MODESTY = re.compile(r"^以上.{0,20}?(?:不妥|指正|批评|评议|交流)")
CALL = re.compile(r"^(?:同志们|同事们|各位)")
CLAUSE = "，：“”"
SLOT = "{{{{ {} }}}}"
VOCABULARY_DOCS = 4
EXAMPLE = 60


@dataclass
class Phrase:
    function: str
    text: str
    slots: list[str]
    places: list[Unit]                   # every occurrence
    example: str
    by: str | None = None
    id: str = ""
    key: str = field(default="", repr=False)

    @property
    def docs(self) -> int:
        return len({u.doc for u in self.places})


def build_bank(corpus: Corpus, sents: Sentences, formulas: list[Formula], gapped: list[Gapped],
               groups: list[Group]) -> list[Phrase]:
    """Every phrase of the corpus, with stable ids, sorted by function then by how widely seen."""
    phrases: dict[tuple[str, str], Phrase] = {}
    vocabulary = len(corpus.docs) >= VOCABULARY_DOCS
    bounds = Bounds(sents.texts)
    for f in formulas:
        if vocabulary and len(f.docs) == len(corpus.docs):
            continue
        span = bounds.span(f.canon)
        if span is None:
            continue
        a, b = span
        s0, i0 = f.places[0]
        f = Formula(sents.texts[s0][i0 + a:i0 + b], [(s, i + a) for s, i in f.places], f.docs)
        units = [u for s, _ in f.places for u in sents.units[s]]
        text = surface(sents, f)
        leads = _leads(sents, [(s, i, i + len(text)) for s, i in f.places])
        _add(phrases, Phrase(_function(text, units, leads), text, [], units,
                             _example(sents, f.places[0][0], f.places[0][1], len(text))), f.canon)
    for g in gapped:
        grown = anchored(g, sents, bounds)
        if grown is None:
            continue
        left, right = grown
        units = [u for s in g.sentences for u in sents.units[s]]
        s, a, b, end = g.places[0]
        a, end = a - left, end + right
        sentence = sents.surface[s][0]
        text = sentence[a:a + len(g.first) + left] + SLOT.format("A") + sentence[b:end]
        leads = _leads(sents, [(s, x - left, e + right) for s, x, _, e in g.places])
        _add(phrases, Phrase(_function(text, units, leads), text, ["A"], units, _clip(sentence, a, end - a)),
             sents.texts[s][a:a + len(g.first) + left] + GAP + sents.texts[s][b:end])
    _shapes(phrases, corpus)
    _frames(phrases, groups, corpus)
    _own_sentences(phrases, corpus)
    return _ids(list(phrases.values()))


def _leads(sents: Sentences, spans: list[tuple[int, int, int]]) -> bool:
    """Whether a phrase, at one of its places (sentence, start, end) in a closing, opens the sentence
    (after a vocative such as 同志们，) or is a whole clause."""
    for s, a, b in spans:
        if not any(u.role == "closing" for u in sents.units[s]):
            continue
        text = sents.texts[s]
        if a == 0 or (text[a - 1] == "，" and CALL.fullmatch(text[:a - 1])):
            return True
        if (a == 0 or text[a - 1] in CLAUSE) and (b == len(text) or text[b] in CLAUSE):
            return True
    return False


def _function(text: str, units: list[Unit], leads: bool) -> str:
    plain = text.replace(SLOT.format("A"), "…")
    if triads(plain) == [(0, len(plain))]:
        return "triad"
    if NUMBERED.fullmatch(canon(plain)):
        return "formulation"
    if REQUIREMENT.match(plain):
        return "requirement"
    roles = Counter("opening" if u.role in ("opening", "transition") else u.role for u in units)
    top = max(roles, key=lambda r: (roles[r], r))
    if top == "closing" and not leads:
        return "formula"
    return {"opening": "opening.context", "closing": "closing.call"}.get(top, "formula")


def _add(phrases: dict, phrase: Phrase, key: str) -> None:
    """Add a phrase, or its places to the one already there with the same function and text."""
    old = phrases.get((phrase.function, key))
    if old is None:
        phrase.key = key
        phrases[(phrase.function, key)] = phrase
    else:
        seen = {(u.doc, u.line, u.text) for u in old.places}
        old.places += [u for u in phrase.places if (u.doc, u.line, u.text) not in seen]


def _shapes(phrases: dict, corpus: Corpus) -> None:
    """Triads, formulations and quotations, from every sentence."""
    for doc in corpus.docs:
        for unit in doc.units:
            for a, b in triads(unit.text):
                text = unit.text[a:b]
                _add(phrases, Phrase("triad", text, [], [unit], _clip(unit.text, a, b - a)), canon(text))
            for term in formulations(unit.canon):
                i = unit.canon.index(term)
                _add(phrases, Phrase("formulation", unit.text[i:i + len(term)], [], [unit],
                                     _clip(unit.text, i, len(term))), term)
            for q in quotations(unit.text):
                i = unit.text.find(q.text)
                _add(phrases, Phrase("quotation", q.text, [], [unit], _clip(unit.text, max(i, 0), len(q.text)), q.by),
                     canon(q.text))
    for (function, _), p in phrases.items():
        if function == "quotation" and p.by is None:
            p.by = next((q.by for u in p.places for q in quotations(u.text) if q.by), None)


def _frames(phrases: dict, groups: list[Group], corpus: Corpus) -> None:
    index = {d.name: i for i, d in enumerate(corpus.docs)}
    for g in groups:
        units = [Unit(index[g.doc], m.line, "heading", m.text, True) for m in g.members]
        text = _template(g.frame)
        _add(phrases, Phrase("frame", text, _names(g.frame), units, g.members[0].text), text)


def _own_sentences(phrases: dict, corpus: Corpus) -> None:
    """Transitions and closings: each sentence, or one template where several documents share a frame."""
    kinds = defaultdict(list)
    for doc in corpus.docs:
        lead_in = (doc.speech.transition or "").rstrip("。！？；")
        for unit in doc.units:
            if unit.role in ("opening", "transition") and unit.text == lead_in:
                kinds["transition"].append(unit)
            elif unit.role == "closing" and MODESTY.match(unit.text):
                kinds["closing.modesty"].append(unit)
            elif unit.role == "closing" and unit.first and CALL.match(unit.text):
                kinds["closing.call"].append(unit)
    for function, units in kinds.items():
        items = list(dict.fromkeys((i, u.text) for i, u in enumerate(units)))
        grouped = set()
        for frame, members in parallel_sets(items, _shared):
            docs = {units[i].doc for i, _ in members}
            if len(docs) < 2:
                continue
            grouped |= {i for i, _ in members}
            text = _template(frame)
            _add(phrases, Phrase(function, text, _names(frame), [units[i] for i, _ in members], members[0][1]), text)
        for i, u in enumerate(units):
            if i not in grouped:
                _add(phrases, Phrase(function, u.text, [], [u], u.text), canon(u.text))


def _shared(frame: Frame, members: list[tuple[int, str]]) -> bool:
    """Sentences of several documents share a template when it fixes four characters and a third of them."""
    return frame.literal >= 4 and frame.literal * 3 >= sum(len(t) for _, t in members) / len(members)


def _template(frame: Frame) -> str:
    return frame.pattern(SLOT)


def _names(frame: Frame) -> list[str]:
    return [chr(ord("A") + i) for i in range(frame.slots)]


def _example(sents: Sentences, s: int, i: int, n: int) -> str:
    return _clip(sents.surface[s][0], i, n)


def _clip(sentence: str, i: int, n: int) -> str:
    """The sentence around a phrase at ``i`` (length ``n``), cut to about ``EXAMPLE`` characters."""
    room = max(0, EXAMPLE - n) // 2
    start, end = max(0, i - room), min(len(sentence), i + n + room)
    return ("…" if start else "") + sentence[start:end] + ("…" if end < len(sentence) else "")


def _ids(phrases: list[Phrase]) -> list[Phrase]:
    """Ids from the function and a hash of the text, so they stay when the corpus grows; sorted."""
    taken: set[str] = set()
    for p in sorted(phrases, key=lambda p: (p.function, p.key)):
        digest = hashlib.sha1(p.key.encode("utf-8")).hexdigest()
        size = 6
        while f"{p.function}.{digest[:size]}" in taken:
            size += 1
        p.id = f"{p.function}.{digest[:size]}"
        taken.add(p.id)
    order = {f: i for i, f in enumerate(FUNCTIONS)}
    return sorted(phrases, key=lambda p: (order[p.function], -p.docs, -len(p.places), p.key))
