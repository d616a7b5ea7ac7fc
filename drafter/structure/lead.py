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

Sibling sections are parallel too: where two thirds of the sibling numbered sections (one style under
one heading) that have a body open with a terse head, at least two (or one, in a text that has a group
above), those heads and the terse ones right after them are lead heads, though each section holds only
one or two (an excerpt, a short section). A paragraph that is one short sentence alone (旗帜鲜明讲政治。)
is a lead head without a body when at least two such stand inside numbered sections, each after a
finished body paragraph and before one that is not short too (right under a heading it is the
section's body; short ones in a row are a list; a sentence about the speech itself leads into its text;
in a text of short paragraphs, a post or a talk written down, a sentence alone is no head).
"""

from __future__ import annotations

import bisect
import os
import re
from collections.abc import Mapping

#: the sentences of a paragraph, and its first one
SENTENCES = re.compile(r"[^。！？]+[。！？]")
FIRST = re.compile(r"^([^。！？]{2,45})[。！？]")
#: a body still to be written (a skeleton's 【正文】) counts as a body of any length
PLACEHOLDER = re.compile(r"^【[^【】]{1,30}】$")
INNER = re.compile("[，；：、]")
#: a sentence that starts by counting (一是…, 首先…) is an enumerated item, not an unnumbered head
COUNTED = re.compile(r"^(?:[一二三四五六七八九十]{1,2}(?:是|要|则|方面)"
                     r"|首先|其次|再次|再者|最后|第[一二三四五六七八九十])")
#: a paragraph opening with a dash is an item of a list (——这五年综合经济实力大幅提升。…), not a head
DASHED = re.compile(r"^[—―－–]")
#: a sentence that speaks of the speech itself (现在我举出…, 我们准备采取以下…) leads into its text, not a part
ANNOUNCES = re.compile(r"^(?:我|现在|下面|这里|以下)|如下|下列|以下")
#: a sentence that opens by linking to the one before (但是…, 所以…, 这样…, 在我看来…) goes on from it: no head
LINKED = re.compile(r"^(?:但|而|所以|因此|因为|如果|那么|可是|然而|不过|其实|当然|在我看来"
                    r"|这么|这样|这[个些]|那[个些])")
#: digits opening a sentence, with the year they may make
YEARLY = re.compile(r"^[0-9０-９]+年?")
#: a note the text carries (〔注〕…, 注：…, 注1：…): never a head
NOTE = re.compile(r"^[〔［\[（(【]?注[0-9０-９一二三四五六七八九十]*[〕］\]）)】：:]")
MIN_GROUP = 3
TERSE = 16
#: the least share of its run's paragraphs a group of terse heads with no frame in common is
TERSE_SHARE = 0.1
#: the longest paragraph that stands alone as a lead head
ALONE = 30
#: the share of a text's paragraphs of one sentence from which none standing alone is a head (real reports
#: with such heads have at most 0.41 of them besides; a post of short paragraphs, 0.86)
SHORT_PARAGRAPHS = 0.5


def lead_split(text: str) -> tuple[str, str] | None:
    """Head and body of a paragraph that could open with a lead head."""
    m = FIRST.match(text)
    if not m:
        return None
    head, body = m.group(1), text[m.end():].strip()
    if len(INNER.findall(head)) > 2 or COUNTED.match(head) or DASHED.match(head) or talk(head):
        return None
    if len(body) < max(20, 3 * len(head)) and not PLACEHOLDER.match(body):
        return None
    return head, body


def _prefix(heads: list[str]) -> int:
    return _framing(os.path.commonprefix(heads))


def _framing(prefix: str) -> int:
    """How much of a shared beginning frames heads: a year or a number (2016年…, 2015年…) frames none."""
    return len(YEARLY.sub("", prefix))


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
            if _framing(p) < 2 and len(s) < 3:
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
        if len(members) < MIN_GROUP or len(members) <= len(best):
            continue
        texts = [heads[i] for i in members]
        prefix, suffix = _prefix(texts), _suffix(texts)
        if (prefix >= 2 and suffix >= 2) or prefix >= 3 or suffix >= 4:
            best = set(members)
    return best


def _terse(heads: dict[int, str], paragraphs: int) -> set[int]:
    """Members of the largest group of terse heads whose lengths differ by at most two, when they are
    ``TERSE_SHARE`` of the ``paragraphs`` of their run or more (a few short first sentences among
    many paragraphs are chance, not a text's heads)."""
    terse = sorted((len(h), i) for i, h in heads.items() if len(h) <= TERSE and not INNER.search(h))
    lengths = [length for length, _ in terse]
    best_a, best_size = 0, 0
    for a in range(len(terse)):
        size = bisect.bisect_right(lengths, lengths[a] + 2) - a    # every later head within two
        if size >= MIN_GROUP and size > best_size:
            best_a, best_size = a, size
    if best_size < TERSE_SHARE * paragraphs:
        return set()
    return {i for _, i in terse[best_a:best_a + best_size]}


def _is_terse(head: str) -> bool:
    return len(head) <= TERSE and not INNER.search(head)


def _openings(texts: list[str | None], heads: dict[int, str], firsts: dict[int, str], grouped: bool) -> set[int]:
    """Terse heads opening sibling numbered sections, each with the terse heads right after it, when two
    thirds of the siblings with a body open so, at least two (one, when the text has a group already)."""
    found: set[int] = set()
    for key in set(firsts.values()):
        bodies = [i for i, k in firsts.items() if k == key and i < len(texts) and texts[i] is not None]
        openers = [i for i in bodies if i in heads and _is_terse(heads[i])]
        if len(openers) < (1 if grouped else 2) or 3 * len(openers) < 2 * len(bodies):
            continue
        for i in openers:
            while i in heads and _is_terse(heads[i]):
                found.add(i)
                i += 1
    return found


def _short(text: str | None) -> bool:
    """One sentence of at most ALONE characters, ending in 。, with no colon (a list's 项目：数值 item)."""
    m = FIRST.match(text or "")
    return (m is not None and m.end() == len(m.string) <= ALONE and m.string.endswith("。")
            and not re.search("[：:]", m.string))


def talk(sentence: str) -> bool:
    """Whether a sentence is talk, never a head: it opens by linking to the one before (但…, 这样…)."""
    return bool(LINKED.match(sentence))


def _alone(texts: list[str | None], i: int) -> bool:
    """Whether paragraph ``i`` could be a lead head standing alone: one short sentence between a finished
    body paragraph and one that is not short too (short ones in a row are a list)."""
    text, before, after = texts[i] or "", texts[i - 1], texts[i + 1] if i + 1 < len(texts) else None
    return (_short(text) and not COUNTED.match(text) and not ANNOUNCES.search(text) and not NOTE.match(text)
            and not talk(text)
            and before is not None
            and before.endswith(("。", "！", "？", "”")) and not _short(before) and not _short(after))


def lead_heads(texts: list[str | None], firsts: Mapping[int, str] | None = None) -> set[int]:
    """Indexes of paragraphs that open with a lead head; None marks a paragraph that is not body text
    (a numbered heading, a gap …) and separates runs; ``firsts`` are the paragraphs right after a
    numbered heading, each with a key its siblings share."""
    firsts = firsts or {}
    found: set[int] = set()
    run: dict[int, str] = {}
    heads: dict[int, str] = {}
    size = 0
    for i, text in enumerate([*texts, None]):
        split = lead_split(text) if text is not None else None
        if split:
            run[i] = heads[i] = split[0]
        if text is None:
            found |= _adjacent(run) | _framed(run) | _terse(run, size)
            run, size = {}, 0
        else:
            size += 1
    found |= _openings(texts, heads, dict(firsts), bool(found))
    inside = min(firsts, default=len(texts))
    lone = {i for i in range(inside + 1, len(texts)) if _alone(texts, i)}
    # a text of one sentence a paragraph (a transcript) has no heads standing alone: they stand alone
    # only where some paragraph around them holds two sentences or more
    if not any(len(SENTENCES.findall(texts[j] or "")) >= 2 for i in lone for j in (i - 1, i + 1) if j < len(texts)):
        lone = set()
    # nor has a text of short paragraphs (a post, a talk written down: half its paragraphs or more one
    # sentence), where a sentence alone stands out no more than any other
    body = [t for i, t in enumerate(texts) if t and i > inside and i not in lone]
    if sum(len(SENTENCES.findall(t)) <= 1 for t in body) >= SHORT_PARAGRAPHS * len(body):
        lone = set()
    return found | (lone if len(lone) >= 2 else set())
