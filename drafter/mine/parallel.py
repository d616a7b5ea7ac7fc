"""Parallel heading patterns (排比): sibling headings that share a frame.

Siblings are the headings under one parent with one numbering style. A group is kept when its
frame fixes enough: at least two Chinese characters, and at least four times counted over the
members beyond the first (``literal × (members − 1)``), so two headings that merely share a common
word are not a pattern. When one sibling breaks the frame the others share, the group is the
largest subgroup with a frame, and a subgroup needs twice that evidence and a frame that is a
third of its members' text (not a topic word such as 森林防火 inside free clauses); a sibling is also left out
when the others share a clearly longer frame without it (深刻领会…的重大意义 / 准确把握…的任务目标 /
有效落实…: the third shares only 推进全面从严治党).
"""

from __future__ import annotations

from dataclasses import dataclass
from itertools import combinations
from typing import TypeGuard, cast

from rapidfuzz.distance import LCSseq

from drafter.mine.frames import Frame, induce
from drafter.mine.text import CJK
from drafter.model import Speech

MIN_LITERAL = 2
EVIDENCE = 4
COVER = 1 / 3


@dataclass(frozen=True)
class Member:
    line: int
    text: str
    values: tuple[str, ...]


@dataclass(frozen=True)
class Group:
    """Parallel texts of one document and the frame they share."""

    doc: str
    frame: Frame
    members: tuple[Member, ...]
    kind: str = "heading"            # heading: sibling headings; sentence: sentences of one paragraph
    depth: int = 0
    style: str = ""
    parent: str | None = None        # the parent heading, None at the top or under a hidden heading

    @property
    def pattern(self) -> str:
        return self.frame.pattern()

    @property
    def lines(self) -> list[int]:
        return [m.line for m in self.members]


def strong(frame: Frame | None, size: int, whole: bool, mean_length: float = 0) -> TypeGuard[Frame]:
    """Whether a frame shared by ``size`` texts is a pattern rather than a chance likeness."""
    if frame is None:
        return False
    if whole:
        return frame.literal >= MIN_LITERAL and frame.literal * (size - 1) >= EVIDENCE
    return frame.literal >= 2 * MIN_LITERAL and frame.literal * (size - 1) >= 2 * EVIDENCE and \
        frame.literal >= COVER * mean_length


def parallel_sets(items: list[tuple[int, str]], accept=None,
                  overlap: float = 0.0, least: int = 2 * MIN_LITERAL) -> list[tuple[Frame, list[tuple[int, str]]]]:
    """The groups of (line, text) items that share a frame, largest first, each item in one group.
    ``accept(frame, members)`` replaces the rule for a subgroup (and stops the search of the whole);
    a pair of texts whose common characters (in order: their longest common subsequence) are less than
    ``overlap`` of their mean length is not tried (no frame of theirs can fix more), nor one that shares
    fewer than ``least`` Chinese characters (the least a frame found from pairs fixes: ``strong``'s rule,
    or the one of ``accept``)."""
    rest = list(dict.fromkeys(items))
    found = []
    whole = accept is None
    frames = _Frames()
    while len(rest) >= 2:
        best = _whole(rest, frames) if whole else None
        if best is None:
            best = _largest(rest, accept or (lambda f, m: strong(f, len(m), False, _mean(m))), frames, overlap, least)
        if best is None:
            break
        frame, members = best
        found.append((frame, members))
        rest = [i for i in rest if i not in members]
        whole = False
    return found


class _Frames(dict):
    """``induce`` of each tuple of texts, made once for all the rounds of a search."""

    def __missing__(self, texts: tuple[str, ...]) -> Frame | None:
        frame = self[texts] = induce(list(texts))
        return frame


def _whole(items: list[tuple[int, str]], frames: _Frames):
    """All the items, or all but the ones that keep the others from sharing a clearly longer frame."""
    frame = frames[tuple(t for _, t in items)]
    if not strong(frame, len(items), True):
        return None
    while len(items) > 2:
        better = None
        for drop in items:
            others = [i for i in items if i != drop]
            f = frames[tuple(t for _, t in others)]
            if strong(f, len(others), False, _mean(others)) and f.literal >= frame.literal + max(2, frame.literal / 4):
                if better is None or f.literal > better[0].literal:
                    better = (f, others)
        if better is None:
            break
        frame, items = better
    return frame, items


def _largest(items: list[tuple[int, str]], accept, frames: _Frames, overlap: float, least: int):
    """The largest subgroup with a strong frame (most literal text on ties), found from pairs (each
    pair of texts once: a pair of the same texts finds the same subgroup)."""
    best = None
    tried = set()
    # a frame's characters are common to both texts in order: their longest common subsequence bounds it
    han = {t: "".join(CJK.findall(t)) for _, t in items}
    for a, b in combinations(items, 2):
        if (a[1], b[1]) in tried:
            continue
        tried.add((a[1], b[1]))
        if LCSseq.similarity(han[a[1]], han[b[1]]) < least:
            continue
        if overlap and LCSseq.similarity(a[1], b[1]) < overlap * (len(a[1]) + len(b[1])) / 2:
            continue
        pair = frames[a[1], b[1]]
        if pair is None:
            continue
        members = [i for i in items if pair.fill(i[1])]
        frame = frames[tuple(t for _, t in members)]
        if frame is None or frame.literal < pair.literal:
            frame, members = pair, [a, b]
        if not accept(frame, members):
            continue
        key = (len(members), frame.literal)
        if best is None or key > best[0]:
            best = (key, frame, members)
    return best[1:] if best else None


def _mean(items: list[tuple[int, str]]) -> float:
    return sum(len(t) for _, t in items) / len(items)


def heading_groups(doc: str, speech: Speech) -> list[Group]:
    """The parallel groups among the sibling headings of a speech, in document order."""
    groups = []
    for parent, siblings in _sibling_sets(speech):
        styles = dict.fromkeys(s.style for s in siblings)
        for style in styles:
            items = [(s.line or 0, s.title) for s in siblings if s.style == style and s.heading is not None]
            for frame, members in parallel_sets(items):
                groups.append(Group(
                    doc, frame,
                    tuple(Member(line, text, cast(tuple[str, ...], frame.fill(text))) for line, text in members),
                    "heading", siblings[0].depth, style, parent.title if parent and parent.heading else None,
                ))
    return sorted(groups, key=lambda g: g.lines)


def _sibling_sets(speech: Speech):
    yield None, speech.sections
    for section in speech.walk():
        if section.children:
            yield section, section.children
