"""Triads and idiom chains (筑牢信仰之基、补足精神之钙、把稳思想之舵): three or more clauses in a row, each
short, of one length (give or take two), that share a frame of a Chinese character or more (a
quarter of a clause's length, for longer clauses),
or four-character clauses joined by 、 (武装头脑、指导实践、推动工作). A lead-in on the first clause
(要提高谋划工作的质量 beside 制定政策的质量) is left out; the lead-in that leaves the first clause at the
second's length first (始终把|纪律教育、政德教育), however long before a list joined by 、 (要增强工作的|原则性、
系统性、预见性), but never one that cuts the word after a function character (又有利于东|中西互动: no triad
there). A run that a list goes on before or after
(…、伟大工程、伟大事业、伟大梦想; 纪律教育、政德教育、家风教育、警示教育作为必修课) is a cut list, not a triad;
the last item of a list may carry what the list stands in (能者上、优者奖、庸者下、劣者汰|的正确导向).
"""

from __future__ import annotations

from drafter.mine.frames import induce
from drafter.mine.text import FUNCTION, canon

SHORTEST, LONGEST = 3, 12
LEAD_IN = 4
#: the characters that join two things into one item (A和B)
JOINTS = "和与及"
#: what may close the last clause of a run and not the others: the frame the run stands in
TAILS = "的上中下"


def triads(sentence: str, text: str | None = None) -> list[tuple[int, int]]:
    """(start, end) spans of the triads in a sentence (surface form; ``text``: its canonical form,
    where it is at hand)."""
    text = canon(sentence) if text is None else text
    segments, pos = [], 0
    for piece in text.replace("：", "，").split("，"):       # clauses end at ， and ： (and 、: ， in canon)
        segments.append((pos, pos + len(piece)))
        pos += len(piece) + 1
    fit = [SHORTEST <= b - a <= LONGEST for a, b in segments]
    if not any(fit[i] and fit[i + 1] for i in range(1, len(fit) - 1)):
        return []                                  # no two clauses in a row after a first one fit
    found, i = [], 0
    while i <= len(segments) - 3:
        j = i + 3
        lead = _parallel(sentence, text, segments[i:j]) if fit[i + 1] and fit[i + 2] else None
        if lead is None:
            i += 1
            continue
        while j < len(segments) and (longer := _parallel(sentence, text, segments[i:j + 1])) is not None:
            lead, j = longer, j + 1
        start, end = segments[i][0] + lead, segments[j - 1][1]
        if j < len(segments) and sentence[segments[j][0] - 1] == "、":
            a, b = segments[j]      # a last item the frame goes on from (庸者下、劣者汰|的正确导向)
            cut = text.find("的", a, b)
            if cut - a >= SHORTEST and (longer := _parallel(sentence, text, [*segments[i:j], (a, cut)])) is not None:
                lead, j, start, end = longer, j + 1, segments[i][0] + longer, cut
        last = segments[j - 1][0]
        if text[end - 1] in TAILS and all(text[b - 1] != text[end - 1] for _, b in segments[i:j - 1]) \
                and end - 1 - last >= min(b - a for a, b in segments[i + 1:j - 1]):
            end -= 1        # the last clause's 的 or 上 is the frame around the triad (面向未来|的…, 求实效|上);
                            # not where the clause would be shorter than the others (能者上、…、庸者下)
        if sentence[start - 1:start] != "、" and sentence[end:end + 1] != "、":
            found.append((start, end))
        i = j
    return found


def _parallel(sentence: str, text: str, spans: list[tuple[int, int]]) -> int | None:
    """How many lead-in characters to drop from the first clause for the clauses to be a triad,
    or None when they are not one (``text``: the sentence's canonical form, character for character)."""
    rest = [text[a:b] for a, b in spans[1:]]
    if any(not SHORTEST <= len(r) <= LONGEST for r in rest) or max(map(len, rest)) - min(map(len, rest)) > 2:
        return None
    joined = all(sentence[y] == "、" for _, y in spans[:-1] if y < len(sentence))
    common = set(rest[0]).intersection(*rest[1:])
    if not common and not joined:
        return None     # neither a frame (its literal characters are in every clause) nor a 、 chain
    a, b = spans[0]
    # a lead-in of up to LEAD_IN characters; before a list joined by 、, any that leaves the first item
    # as long as the second (选拔培养一批|懂农业、爱农村、爱农民)
    leads = set(range(0, LEAD_IN + 1)) | ({b - a - len(rest[0])} if joined and b - a > len(rest[0]) else set())
    order = sorted(leads, key=lambda k: (b - a - k != len(rest[0]), k))
    long = b - a - len(rest[0])
    joint = max((text.rfind(c, a + long + 1, b) for c in JOINTS), default=-1)
    if joined and long > LEAD_IN and joint > 0 and not any(c in r for c in JOINTS for r in rest):
        # the first item so cut holds a 和 the others lack: the cut may have fallen inside the word before
        # it (…多党合|作和政治协商制度、民族区域自治制度); the item after the 和 is tried first
        order.insert(0, joint + 1 - a)
    for lead in order:
        first = text[a + lead:b]
        if not SHORTEST <= len(first) <= LONGEST:
            continue
        if lead >= 2 and text[a + lead - 2] in FUNCTION and text[a + lead - 1] not in FUNCTION:
            continue        # the word after a function character cut (…发展的港|澳台同胞、海外侨胞、国际友人)
        clauses = [first] + rest
        lengths = [len(c) for c in clauses]
        if max(lengths) - min(lengths) > 2:
            continue
        # a frame's literal characters are in every clause: without one in common there is none
        least = max(1, sum(lengths) / len(lengths) / 4)
        frame = induce(clauses) if len(common.intersection(first)) >= least else None
        if frame is not None and frame.literal >= least:
            return lead
        if joined and set(lengths) == {4} and len(set(clauses)) == len(clauses):
            return lead
    return None
