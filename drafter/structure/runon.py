"""A text run together on one line (its paragraph breaks lost in a copy or a dataset's export): split
where its paragraphs evidently start.

A line of ``RUN_ON`` characters or more is split before each mark of a numbering ladder that opens a
sentence (一、 二、 …; （一） （二） …; 第一， 第二， …; 1． 2． …; （1） （2） …; not an item of a list
after ；), where two marks at least follow each other in order (a ladder restarts at its first mark, as
（一） does in each part), and around a salutation that ends with a colon near the start (…摄同志们，朋友们：
在过去…; …习近平尊敬的…总理，各位同事：). Each piece keeps the line's number; the first tells what was
done (a warning of the parse). A line that long with no such marks is left as it is: a long paragraph.
Where an export turned the line breaks into spaces, a line of ``SPACED_RUN`` characters or more is also
split after each sentence followed by two spaces or more (three such breaks at least).
"""

from __future__ import annotations

import itertools
import re
from dataclasses import replace

from drafter.ingest import SourceLine
from drafter.structure.marks import counted_runs
from drafter.zh import cn_to_int

#: the shortest line that may be a text run together (a paragraph this long is rare, a speech short)
RUN_ON = 1500
#: what ends the sentence before a paragraph's first mark
ENDS = "。！？!?：:”"
#: what else may end the text before a mark: a bracket (a date's), a picture's credit, a space
AFTER = "）)摄 \u3000"
NUMERAL = "[一二三四五六七八九十]{1,3}"
#: the ladders of numbering marks, each with the numeral's group
LADDERS = (re.compile(rf"({NUMERAL})、"), re.compile(rf"[（(]({NUMERAL})[）)]"), re.compile(rf"第({NUMERAL})[，,]"),
           re.compile(r"(\d{1,2})[．.、](?!\d)"), re.compile(r"[（(](\d{1,2})[）)]"))
#: a salutation closed by a colon (同志们，朋友们：, 各位代表：), in the first ``SALUTED`` characters
SALUTATION = re.compile(r"(?:同志们|同事们|朋友们|老师们|同学们|各位[\u4e00-\u9fff]{2,4}|尊敬的[^：:。]{1,30})"
                        r"(?:[，、,][^：:。]{1,12}){0,4}[：:]")
SALUTED = 300
#: two spaces or more after a sentence, a bracket or a picture's credit: where an export that turned its
#: line breaks into spaces ended a paragraph (…致以美好的祝福！  2025年是…)
SPACED = re.compile(r"(?<=[。！？!?：:”）)摄])[ \u00a0\u2002\u2003\u3000]{2,}(?=\S)")
#: the shortest line split at spaced breaks (it has them: no paragraph of its own sets them)
SPACED_RUN = 300
#: in such a line, the breaks after a title or a metadata row too: two spaces or more between words of
#: two characters or more (not inside a name spaced out, 王  琛)
SPACED_ANY = re.compile(r"(?<=\S{4})[ \u00a0\u2002\u2003\u3000]{2,}(?=\S\S)")
#: the spaced breaks a line needs to be read as paragraphs set apart by spaces
SPACED_BREAKS = 3


def split_run_on(lines: list[SourceLine]) -> list[SourceLine]:
    """The lines, each run-on one split into its paragraphs (see the module's docstring)."""
    out: list[SourceLine] = []
    for line in lines:
        cuts = _cuts(line.text) if len(line.text) >= SPACED_RUN else []
        if not cuts:
            out.append(line)
            continue
        bounds = [0, *cuts, len(line.text)]
        pieces = [line.text[a:b] for a, b in itertools.pairwise(bounds) if line.text[a:b].strip()]
        note = f"全文连成一行，已按段间空格、编号和称呼分为 {len(pieces)} 段"
        out += [replace(line, text=piece, notes=[*line.notes, note] if not k else [])
                for k, piece in enumerate(pieces)]
    return out


def _cuts(text: str) -> list[int]:
    """Where paragraphs start in a run-on line (none: it is one paragraph)."""
    cuts: set[int] = set()
    spaced = [m.end() for m in SPACED.finditer(text)]
    if len(spaced) >= SPACED_BREAKS:
        cuts.update(spaced, (m.end() for m in SPACED_ANY.finditer(text)))
    elif len(text) < RUN_ON:
        return []
    for ladder in LADDERS:
        marks = ((m.start(), cn_to_int(m.group(1))) for m in ladder.finditer(text) if _opens(text, m.start()))
        cuts.update(at for run in counted_runs(marks) if len(run) >= 2 for at in run)   # two marks in order
    if not cuts:
        return []
    if m := SALUTATION.search(text, 0, SALUTED):
        cuts.update((m.start(), m.end()))        # the title block before it, the text after it
    return sorted(c for c in cuts if 0 < c < len(text))


def _opens(text: str, at: int) -> bool:
    """Whether a sentence opens at ``at``: the text starts there, or a sentence, a date in brackets or a
    picture's credit (新华社记者 鞠鹏/摄) ends before it."""
    return not at or text[at - 1] in ENDS or text[at - 1] in AFTER
