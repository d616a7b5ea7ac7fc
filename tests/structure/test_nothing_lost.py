"""Nothing is lost on reading: every character of the source, after normalisation, is in the Speech
or in the removed lines. Checked on the seeds and on generated speeches (hypothesis)."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from drafter import parse_text
from drafter.structure.normalize import normalize, squash
from drafter.model import Gap, Meta, Speech
from drafter.structure.marks import read_mark
from speechgen import speeches

CORPUS = Path(__file__).resolve().parents[2] / "examples" / "corpus"


def speech_chars(speech: Speech) -> Counter:
    pieces = [speech.meta.text(f) or "" for f in Meta.FIELDS]
    pieces += [p.text for p in speech.paragraphs()]
    pieces += [s.title for s in speech.headings()]
    pieces += [b.marker for s in speech.walk() for b in s.body if isinstance(b, Gap)]
    pieces += [r.text for r in speech.removed]
    return Counter(squash(normalize("".join(pieces))))


def source_chars(text: str, speech: Speech) -> Counter:
    """Characters of the normalised source; numbering marks of heading lines are derived, not text."""
    numbered = {s.line for s in speech.headings() if s.style not in ("lead", "none")}
    counter: Counter = Counter()
    for no, line in enumerate(text.splitlines(), 1):
        line = normalize(line)
        mark = read_mark(line) if no in numbered else None
        counter.update(squash(mark.rest if mark else line))
    return counter


def lost(text: str) -> Counter:
    speech = parse_text(text)
    return source_chars(text, speech) - speech_chars(speech)


def test_seeds_lose_nothing():
    for path in sorted(CORPUS.glob("*.txt")):
        assert lost(path.read_text(encoding="utf-8")) == Counter(), path.name


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(speeches())
def test_generated_speeches_lose_nothing(written):
    assert lost(written.text) == Counter()


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(speeches())
def test_generated_speeches_parse_to_their_structure(written):
    speech = parse_text(written.text)
    got = [(s.line, s.depth, s.style, s.run_in, s.title) for s in speech.headings()]
    assert got == written.headings
    assert speech.meta.text("title") == written.title
    assert speech.meta.text("occasion") == written.occasion
    assert speech.warnings == []
    assert [p.text[:3] for p in speech.closing] == ["同志们"]


#: the characters speeches and web pages are made of, so that random text hits the parser's rules
SOUP = list("一二三四五六七八九十、（）()1234567890.．，,。：:；;！？!?第是要同志们下面以上【】●—- \n\n\n"
            "在上的讲话发言此处隐藏字下载分享版权ICP备abcXYZ“”《》")


@pytest.mark.slow
@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.text(alphabet=st.sampled_from(SOUP), max_size=300))
def test_any_text_parses_and_loses_nothing(text):
    assert lost(text) == Counter()


def test_a_printable_line_is_only_trimmed():
    """``clean_space`` leaves a printable line to ``str.strip``: every odd space and invisible mark it
    removes is unprintable (checked over all code points)."""
    from drafter.structure.normalize import _INVISIBLE, _SPACES, clean_space

    assert not [c for c in map(chr, range(0x110000)) if c.isprintable() and (_SPACES.match(c) or _INVISIBLE.match(c))]
    assert clean_space("\u3000 各位代表：\u200c今天\u00a0开会 ") == "各位代表：今天 开会"
    assert clean_space(" 各位代表：今天 开会 ") == "各位代表：今天 开会"
