"""Unnumbered lead heads: sibling paragraphs that open with a short parallel sentence.

Speeches and articles often head their parts without numbers: "根本任务。…", "根本原则。…", or
"高举X的旗帜，在Y中推动Z。…" opening each of several paragraphs in a row. Such a run is found by
alignment, not by wording: at least three neighbouring paragraphs whose first sentences are short
beside their bodies, have few clauses, and share a frame (a common beginning of two or more
characters, or a common ending of three or more: two-character endings such as 工作 or 发展 are
too common to mean anything).
"""

from __future__ import annotations

import os
import re

FIRST = re.compile(r"^([^。！？]{2,45})[。！？]")
#: a body still to be written (a skeleton's 【正文】) counts as a body of any length
PLACEHOLDER = re.compile(r"^【[^【】]{1,30}】$")
MIN_RUN = 3


def lead_split(text: str) -> tuple[str, str] | None:
    """Head and body of a paragraph that could open with a lead head."""
    m = FIRST.match(text)
    if not m:
        return None
    head, body = m.group(1), text[m.end():].strip()
    if len(re.findall("[，；：]", head)) > 2:
        return None
    if len(body) < max(20, 3 * len(head)) and not PLACEHOLDER.match(body):
        return None
    return head, body


def _frame(heads: list[str]) -> bool:
    prefix = os.path.commonprefix(heads)
    suffix = os.path.commonprefix([h[::-1] for h in heads])
    return len(prefix) >= 2 or len(suffix) >= 3


def lead_runs(texts: list[str | None]) -> list[range]:
    """Index ranges of lead-head runs among consecutive paragraphs (None breaks a run)."""
    heads = [lead_split(t)[0] if t is not None and lead_split(t) else None for t in texts]
    runs, i = [], 0
    while i < len(heads):
        if heads[i] is None:
            i += 1
            continue
        j = i + 1
        while j < len(heads) and heads[j] is not None and _frame(heads[i:j + 1]):
            j += 1
        if j - i >= MIN_RUN:
            runs.append(range(i, j))
            i = j
        else:
            i += 1
    return runs
