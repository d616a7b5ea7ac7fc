"""Text in traditional characters, read through its simplified form.

The parser's rules are written in simplified characters (部长, 同志们, 来源 …). A text in traditional
characters (部長, 同志們, 來源) — a page reposted on a site in Taiwan or Hong Kong, an old report typed
from a traditional edition (the government work report of 1954) — is parsed through a copy of its lines
in simplified characters: OpenCC's t2s conversion, which reads words (顯著 → 显著, 乾隆 stays), line by
line where it keeps each line's length, character by character where it would not, so every offset of
the copy is the offset of the source. ``Folded.restore`` gives the Speech the characters the source
wrote: a text of the Speech found in the copy takes the source's characters at the same place; one
that is not (a paragraph joined from several lines) takes, character for character, the source's
commonest writing of each simplified character. Mining keeps the simplified copy, so a formula counts
the same in both writings.
"""

from __future__ import annotations

import functools
import re
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, replace

from drafter.ingest import SourceLine
from drafter.model import Gap, Inlines, Meta, Paragraph, Section, Speech


@functools.cache
def _t2s():
    import opencc

    return opencc.OpenCC("t2s")


def release() -> None:
    """Let OpenCC's dictionaries go (4–5 MB), as mining does once the corpus is read."""
    _t2s.cache_clear()


def simplified(text: str) -> str:
    """The text in simplified characters, line for line of the same length (character by character on a
    line the word conversion would lengthen or shorten)."""
    out = _t2s().convert(text)
    if len(out) == len(text):
        return out
    return "\n".join(_same_length(line) for line in text.split("\n"))


def _same_length(line: str) -> str:
    out = _t2s().convert(line)
    if len(out) == len(line):
        return out
    chars = sorted(set(line))
    table = dict(zip(chars, _t2s().convert("\n".join(chars)).split("\n"), strict=True))
    return "".join(table[c] if len(table[c]) == 1 else c for c in line)


@dataclass
class Folded:
    """Source lines with their simplified copy."""

    lines: list[SourceLine]          # the copy: the source's lines in simplified characters
    source: str                      # the source's lines, newline-joined
    copy: str                        # the copy's lines, newline-joined (as long as ``source``)

    @functools.cached_property
    def _writing(self) -> dict[str, str]:
        """The source's commonest writing of each character the copy changed."""
        changed = {c for s, c in zip(self.source, self.copy, strict=True) if s != c}
        seen: defaultdict[str, Counter[str]] = defaultdict(Counter)
        for s, c in zip(self.source, self.copy, strict=True):
            if c in changed:                             # 后 written 後, and 后 where the source has it
                seen[c][s] += 1
        return {c: counts.most_common(1)[0][0] for c, counts in seen.items()}

    @functools.cached_property
    def _spans(self) -> dict[int, tuple[int, int]]:
        """Where each source line (by its number) is in the joined text."""
        out, at = {}, 0
        for line in self.lines:
            out[line.no] = (at, at + len(line.text))
            at += len(line.text) + 1
        return out

    def text(self, text: str, lines: Iterable[int | None] = ()) -> str:
        """A text of the copy as the source writes it: where the copy has it on its own ``lines`` (the
        source lines it came from, if known), else where the copy has it first."""
        if not any(c in self._writing for c in text):
            return text
        spans = [self._spans[n] for n in lines if n in self._spans]
        near = (min(a for a, _ in spans), max(b for _, b in spans)) if spans else (0, 0)
        for a, b in (near, (0, len(self.copy))):
            at = self.copy.find(text, a, b)
            if at >= 0:
                return self.source[at:at + len(text)]
        out, i = [], 0
        while i < len(text):               # a text made of pieces (lines joined, a dash added): piece by piece
            size, at = self._longest(text, i, *near)
            if not size:
                size, at = self._longest(text, i, 0, len(self.copy))
            out.append(self.source[at:at + size] if size else self._writing.get(text[i], text[i]))
            i += size or 1
        return "".join(out)

    def _longest(self, text: str, i: int, a: int, b: int) -> tuple[int, int]:
        """The longest piece of ``text`` from ``i`` found in the copy between ``a`` and ``b``: its length
        (0: none) and place."""
        low, high, at = 0, len(text) - i, -1
        while low < high:
            mid = (low + high + 1) // 2
            found = self.copy.find(text[i:i + mid], a, b)
            if found >= 0:
                low, at = mid, found
            else:
                high = mid - 1
        return low, at

    def inlines(self, inlines: Inlines | None, lines: Iterable[int | None] = ()) -> Inlines | None:
        lines = tuple(lines)
        return None if inlines is None else [self.text(p, lines) if isinstance(p, str) else p for p in inlines]

    def restore(self, speech: Speech) -> None:
        """Give the texts of a Speech parsed from the copy the source's characters (in place)."""
        meta = speech.meta
        for name in Meta.FIELDS:
            setattr(meta, name, self.inlines(getattr(meta, name)))
        for para in [*speech.front, *speech.back]:
            self._paragraph(para)
        for section in speech.walk():
            section.heading = self.inlines(section.heading, (section.line,))
            self._blocks(section)
        for removed in speech.removed:
            removed.text = self.text(removed.text, (removed.line,))
        if speech.transition:
            speech.transition = self.text(speech.transition)
        for part in speech.parts:
            around = (part.first_line, part.last_line)
            part.title = part.title and self.text(part.title, around)
            part.speaker = part.speaker and self.text(part.speaker, around)
            self.restore(part.speech)

    def _blocks(self, section: Section) -> None:
        for block in section.body:
            if isinstance(block, Gap):
                block.marker = self.text(block.marker, (block.line,))
            else:
                self._paragraph(block)

    def _paragraph(self, para: Paragraph) -> None:
        lines = para.lines or (para.line,)
        para.content = self.inlines(para.content, lines) or []
        para.enumeration = [self.text(e, lines) for e in para.enumeration]


def changed_characters() -> str:
    """Every character of the Chinese blocks that t2s changes on its own (its words may keep it: 乾 in
    乾隆), as ``drafter.structure.traditional_chars`` ships them."""
    chars = "".join(chr(c) for c in (*range(0x3400, 0xA000), *range(0xF900, 0xFB00)))
    converted = _t2s().convert("\n".join(chars)).split("\n")
    return "".join(c for c, s in zip(chars, converted, strict=True) if s != c)


@functools.cache
def _traditional() -> re.Pattern:
    """Any character t2s changes (from the shipped list: no OpenCC loaded for a text in simplified)."""
    from drafter.structure.traditional_chars import CHARACTERS

    return re.compile(f"[{CHARACTERS}]")


def fold(lines: list[SourceLine]) -> Folded | None:
    """The lines with their simplified copy, or None where no character of them changes."""
    source = "\n".join(line.text for line in lines)
    if not _traditional().search(source):
        return None
    copy = simplified(source)
    if copy == source:
        return None
    texts = copy.split("\n")
    return Folded([replace(line, text=t) for line, t in zip(lines, texts, strict=True)], source, copy)
