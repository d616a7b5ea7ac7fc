"""The corpus to mine: every readable speech under a folder, parsed, split into sentences.

A file that cannot be read or parsed is kept as a ``Skipped`` with a one-line reason; the others
are still mined. Documents are named by their path relative to the folder and sorted, so the same
folder always gives the same order.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path
from collections.abc import Iterable

from drafter.errors import DrafterError
from drafter.ingest import READERS
from drafter.model import Paragraph, Section, Speech
from drafter.mine.text import canon, sentences


@dataclass(frozen=True)
class Unit:
    """One sentence (or heading) of a document, where it is and what part of the speech it is in."""

    doc: int                 # index of the document in the corpus
    line: int                # 1-based source line
    role: str                # opening, transition, closing, heading, body, pull_quote, author_note
    text: str                # surface text, without the final 。！？；
    first: bool = False      # the first sentence of its paragraph

    @property
    def canon(self) -> str:
        return canon(self.text)


@dataclass
class Doc:
    name: str
    speech: Speech
    units: list[Unit] = field(default_factory=list)


@dataclass(frozen=True)
class Skipped:
    name: str
    reason: str


@dataclass
class Corpus:
    docs: list[Doc]
    skipped: list[Skipped]

    def where(self, unit: Unit) -> str:
        """``file:line`` of a unit."""
        return f"{self.docs[unit.doc].name}:{unit.line}"


def corpus_files(source: str | os.PathLike | Iterable[str | os.PathLike]) -> list[tuple[str, Path]]:
    """(name, path) of every speech file: a folder's .txt/.md/.docx files, recursively, hidden
    ones left out; or the files given. Sorted by name."""
    if isinstance(source, (str, os.PathLike)):
        root = Path(source)
        if not root.exists():
            raise DrafterError("文件夹不存在 folder not found", where=str(root))
        if root.is_file():
            return [(root.name, root)]
        found = []
        for path in root.rglob("*"):
            rel = path.relative_to(root)
            if path.is_file() and path.suffix.lower() in READERS and not any(p.startswith(".") for p in rel.parts):
                found.append((rel.as_posix(), path))
        return sorted(found)
    return sorted((Path(p).name, Path(p)) for p in source)


def read_corpus(source: str | os.PathLike | Iterable[str | os.PathLike]) -> Corpus:
    """Read and parse every speech of ``source``; unreadable files are skipped with their reason."""
    from drafter.structure import read_speech

    docs: list[Doc] = []
    skipped: list[Skipped] = []
    for name, path in corpus_files(source):
        try:
            speech = read_speech(path)
        except DrafterError as exc:
            skipped.append(Skipped(name, str(exc).removeprefix(f"{path}: ")))
            continue
        except Exception as exc:  # a file no reader or the parser can handle: report it, mine the rest
            skipped.append(Skipped(name, f"无法解析 cannot parse: {type(exc).__name__}: {exc}"))
            continue
        doc = Doc(name, speech)
        doc.units = list(_units(len(docs), speech))
        if not doc.units:
            skipped.append(Skipped(name, "没有正文 no text to mine"))
            continue
        docs.append(doc)
    return Corpus(docs, skipped)


def _units(index: int, speech: Speech) -> Iterable[Unit]:
    for p in speech.front:
        yield from _sentences(index, p, p.role)
    for section in speech.walk():
        yield from _section(index, section)
    for p in speech.back:
        yield from _sentences(index, p, p.role)


def _section(index: int, section: Section) -> Iterable[Unit]:
    if section.heading is not None and section.title.strip():
        yield Unit(index, section.line or 0, "heading", section.title.rstrip("。！？；"), True)
    for block in section.body:
        if isinstance(block, Paragraph):
            yield from _sentences(index, block, "body")


def _sentences(index: int, p: Paragraph, role: str) -> Iterable[Unit]:
    for i, (_, text) in enumerate(sentences(p.text)):
        yield Unit(index, p.line or 0, role, text, i == 0)
