"""Unnumbered lead heads: sibling paragraphs that open with a short parallel sentence.

Speeches and articles often head their parts without numbers: "根本任务。…", "压实防火责任。…", or
"高举X的旗帜，在Y中推动Z。…" opening several paragraphs of one section, sometimes with further
paragraphs between them. Such a group is found by alignment, not by wording: at least three
paragraphs in one run of body text whose first sentences are short beside their bodies and either
share a frame or are terse and of one length (对仗):

- next to each other, a shared beginning of two or more characters or ending of three or more
  (two-character endings such as 工作 or 发展 are too common to mean anything);
- anywhere in the run, a beginning of two and an ending of two, a beginning of three, or an ending of
  four shared by every member; or
- anywhere in the run, terse sentences (at most 16 characters, no inner punctuation) whose lengths
  differ by at most two characters.
"""

from __future__ import annotations

import bisect
import os
import re

FIRST = re.compile(r"^([^。！？]{2,45})[。！？]")
#: a body still to be written (a skeleton's 【正文】) counts as a body of any length
PLACEHOLDER = re.compile(r"^【[^【】]{1,30}】$")
INNER = re.compile("[，；：、]")
#: a sentence that starts by counting (一是…, 首先…) is an enumerated item, not an unnumbered head
COUNTED = re.compile(r"^(?:[一二三四五六七八九十]{1,2}(?:是|要|则|方面)"
                     r"|首先|其次|再次|再者|最后|第[一二三四五六七八九十])")
MIN_GROUP = 3
TERSE = 16


def lead_split(text: str) -> tuple[str, str] | None:
    """Head and body of a paragraph that could open with a lead head."""
    m = FIRST.match(text)
    if not m:
        return None
    head, body = m.group(1), text[m.end():].strip()
    if len(INNER.findall(head)) > 2 or COUNTED.match(head):
        return None
    if len(body) < max(20, 3 * len(head)) and not PLACEHOLDER.match(body):
        return None
    return head, body


def _prefix(heads: list[str]) -> int:
    return len(os.path.commonprefix(heads))


def _suffix(heads: list[str]) -> int:
    return len(os.path.commonprefix([h[::-1] for h in heads]))


def _adjacent(heads: dict[int, str]) -> set[int]:
    """Members of runs of neighbouring candidates that share a frame (the shared beginning and ending
    are carried along the run, so a long run costs time linear in its length)."""
    found: set[int] = set()
    order = sorted(heads)
    i = 0
    while i < len(order):
        j = i + 1
        prefix, suffix = heads[order[i]], heads[order[i]][::-1]
        while j < len(order) and order[j] == order[j - 1] + 1:
            head = heads[order[j]]
            p, s = os.path.commonprefix([prefix, head]), os.path.commonprefix([suffix, head[::-1]])
            if len(p) < 2 and len(s) < 3:
                break
            prefix, suffix = p, s
            j += 1
        if j - i >= MIN_GROUP:
            found.update(order[i:j])
            i = j
        else:
            i += 1
    return found


def _framed(heads: dict[int, str]) -> set[int]:
    """Members of the largest group anywhere in the run that shares a strong frame."""
    best: set[int] = set()
    buckets: dict[str, list[int]] = {}
    for i, head in heads.items():
        buckets.setdefault("^" + head[:2], []).append(i)
        buckets.setdefault(head[-4:] + "$", []).append(i)
    for members in buckets.values():
        texts = [heads[i] for i in members]
        strong = (_prefix(texts) >= 2 and _suffix(texts) >= 2) or _prefix(texts) >= 3 or _suffix(texts) >= 4
        if len(members) >= MIN_GROUP and strong and len(members) > len(best):
            best = set(members)
    return best


def _terse(heads: dict[int, str]) -> set[int]:
    """Members of the largest group of terse heads whose lengths differ by at most two."""
    terse = sorted((len(h), i) for i, h in heads.items() if len(h) <= TERSE and not INNER.search(h))
    lengths = [length for length, _ in terse]
    best_a, best_size = 0, 0
    for a in range(len(terse)):
        size = bisect.bisect_right(lengths, lengths[a] + 2) - a    # every later head within two
        if size >= MIN_GROUP and size > best_size:
            best_a, best_size = a, size
    return {i for _, i in terse[best_a:best_a + best_size]}


def lead_heads(texts: list[str | None]) -> set[int]:
    """Indexes of paragraphs that open with a lead head; None marks a paragraph that is not body text
    (a numbered heading, a gap …) and separates runs."""
    found: set[int] = set()
    run: dict[int, str] = {}
    for i, text in enumerate([*texts, None]):
        split = lead_split(text) if text is not None else None
        if split:
            run[i] = split[0]
        if text is None:
            found |= _adjacent(run) | _framed(run) | _terse(run)
            run = {}
    return found
