"""The phrase bank: mined phrases sorted by what they do in a speech, each with its provenance.

Where a phrase occurs and its shape say what it does: recurring formulas are ``opening.context``
when most of their places are in openings, ``closing.call`` in closings, ``requirement`` when they
start with 要/必须, else ``formula``; ``triad``, ``formulation`` and ``quotation`` by shape (see their
modules); ``frame`` from parallel headings; ``transition``, ``closing.call`` and ``closing.modesty``
from the speeches' own transition and closing sentences, merged into one templated entry where
sentences of several documents share a frame. A formula found in every document of a corpus of
four or more is the genre's common vocabulary (党的建设, 组织工作), not a formula, and is left out;
so is one of fewer than ``MIN_PHRASE`` Chinese characters (a term such as 软弱涣散: it stays in the
list of recurring formulas, but a phrase bank is for wording).
"""

from __future__ import annotations

import hashlib
import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field

from drafter.mine.corpus import Corpus, Unit
from drafter.mine.frames import Frame
from drafter.mine.gapped import Gapped
from drafter.mine.ngrams import Formula, Sentences, surface
from drafter.mine.parallel import Group, parallel_sets
from drafter.mine.quotes import NUMBERED, formulations, quotations
from drafter.mine.text import canon, cjk_count
from drafter.mine.triads import triads

FUNCTIONS = ("opening.context", "transition", "requirement", "formula", "triad", "formulation", "quotation",
             "frame", "closing.call", "closing.modesty")
REQUIREMENT = re.compile(r"^(?:要|必须|务必|一定要|始终要|坚决)")
MODESTY = re.compile(r"^以上.{0,20}?(?:不妥|指正|批评|评议|交流)")
CALL = re.compile(r"^(?:同志们|同事们|各位)")
SLOT = "{{{{ {} }}}}"
VOCABULARY_DOCS = 4
EXAMPLE = 60
MIN_PHRASE = 6
BOUND_TIMES = 3
BOUND_SHARE = 0.2


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
    pairs = Pairs(sents.texts)
    for f in formulas:
        if vocabulary and len(f.docs) == len(corpus.docs):
            continue
        a, b = _tidy(sents, f, pairs)
        if cjk_count(f.canon[a:b]) < MIN_PHRASE:
            continue
        f = Formula(f.canon[a:b], [(s, i + a) for s, i in f.places], f.docs)
        units = [u for s, _ in f.places for u in sents.units[s]]
        text = surface(sents, f)
        _add(phrases, Phrase(_function(text, units), text, [], units, _example(sents, f.places[0][0], f.places[0][1], len(text))), f.canon)
    for g in gapped:
        units = [u for s in g.sentences for u in sents.units[s]]
        s, a, b, end = g.places[0]
        sentence = sents.surface[s][0]
        text = sentence[a:a + len(g.first)] + SLOT.format("A") + sentence[b:end]
        _add(phrases, Phrase(_function(text, units), text, ["A"], units, _clip(sentence, a, end - a)), g.canon)
    _shapes(phrases, corpus)
    _frames(phrases, groups, corpus)
    _own_sentences(phrases, corpus)
    return _ids(list(phrases.values()))


def _tidy(sents: Sentences, f: Formula, pairs: "Pairs") -> tuple[int, int]:
    """The span of a formula without end characters bound to the text beside them: where, at every
    place, the end character and its neighbour (a Chinese character) are a pair the corpus has at least ``BOUND_TIMES``
    times and in at least ``BOUND_SHARE`` of that character's pairs on that side (于 of 关于/对于,
    个 of 每个/一个), the formula cut a word, and that character goes."""
    def bound(k: int, side: int) -> bool:
        ch = f.canon[k]
        total = pairs.before[ch] if side < 0 else pairs.after[ch]
        for s, i in f.places:
            text, j = sents.texts[s], i + k + side
            if not 0 <= j < len(text) or not cjk_count(text[j]):
                return False
            n = pairs.count[text[j] + ch if side < 0 else ch + text[j]]
            if n < BOUND_TIMES or n < BOUND_SHARE * total:
                return False
        return True

    a, b = 0, len(f.canon)
    while b - a > MIN_PHRASE and bound(a, -1):
        a += 1
    while b - a > MIN_PHRASE and bound(b - 1, 1):
        b -= 1
    return a, b


class Pairs:
    """Counts of adjacent character pairs in the corpus, and of each character's pairs on each side."""

    def __init__(self, texts: list[str]):
        self.count = Counter(t[i:i + 2] for t in texts for i in range(len(t) - 1))
        self.before: Counter = Counter()
        self.after: Counter = Counter()
        for pair, n in self.count.items():
            self.before[pair[1]] += n
            self.after[pair[0]] += n


def _function(text: str, units: list[Unit]) -> str:
    plain = text.replace(SLOT.format("A"), "…")
    if triads(plain) == [(0, len(plain))]:
        return "triad"
    if NUMBERED.fullmatch(canon(plain)):
        return "formulation"
    if REQUIREMENT.match(plain):
        return "requirement"
    roles = Counter("opening" if u.role in ("opening", "transition") else u.role for u in units)
    top = max(roles, key=lambda r: (roles[r], r))
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
                _add(phrases, Phrase("formulation", unit.text[i:i + len(term)], [], [unit], _clip(unit.text, i, len(term))), term)
            for q in quotations(unit.text):
                i = unit.text.find(q.text)
                _add(phrases, Phrase("quotation", q.text, [], [unit], _clip(unit.text, max(i, 0), len(q.text)), q.by), canon(q.text))
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
    from drafter.structure import transition

    kinds = defaultdict(list)
    for doc in corpus.docs:
        lead_in = (transition(doc.speech) or "").rstrip("。！？；")
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
