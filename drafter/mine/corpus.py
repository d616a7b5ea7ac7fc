"""The corpus to mine: every readable speech under a folder, parsed, split into sentences.

A file that cannot be read or parsed is kept as a ``Skipped`` with a one-line reason; the others
are still mined. Documents are named by their path relative to the folder and sorted, so the same
folder always gives the same order. Reading a document (``load_doc``) is the map step of mining: it
runs in worker processes and gives a ``Doc`` that holds everything later steps need.

- A README or MANIFEST beside the speeches describes the folder; it is skipped with that reason.
- The same document saved twice counts once: a document whose text (Chinese characters only) is that
  of an earlier one, or whose sentences are at least ``SAME_SENTENCES`` those of an earlier one
  (the shorter's sentences found in the longer), is skipped as a duplicate of it.
- A document's year is its date's (``Speech.meta.date``, which the parser takes from the text or the
  file name), else the page's posting date's (``Speech.meta.published``), else a year in its file name
  (``2013-06-18_标题.txt``, ``2019.txt``), else it is undated.
- A page holding several texts (three leaders' 述职 reports) gives a document for each, named file#1,
  file#2 … (their sources are the file's lines); a text's year is its own date's, else the page's.
- The title, speaker, author and date lines are the speech's metadata, not its text, and are not mined.
- Lines that are not the speech but a page's or a wire's (a licence block at the end of a page copied
  from Wikisource; 讲话全文如下, 新华社北京…电, …出席会议并发表重要讲话 at either end) are not mined.
- Roles are kept where they are plausible: an opening role only in the first ``EDGE_SHARE`` of a
  document and a closing role only in the last (a speech the parser could not divide is not all opening).
"""

from __future__ import annotations

import hashlib
import os
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import NamedTuple
from collections import Counter
from collections.abc import Iterable

from drafter.errors import DrafterError
from drafter.ingest import folder_files
from drafter.model import Paragraph, Section, Speech
from drafter.mine.text import canon, sentences
from drafter.zh import cn_to_int


@dataclass(frozen=True, slots=True)
class Unit:
    """One sentence (or heading) of a document, where it is and what part of the speech it is in (slots:
    a corpus holds hundreds of thousands)."""

    doc: int                 # index of the document in the corpus (set when the corpus is read)
    line: int                # 1-based source line
    role: str                # opening, transition, closing, heading, body, pull_quote, author_note
    text: str                # surface text, without the final 。！？；
    first: bool = False      # the first sentence of its paragraph
    at: float = 0.0          # where it is in its document: 0 at the start, 1 at the end
    _canon: str | None = field(default=None, init=False, repr=False, compare=False)

    @property
    def canon(self) -> str:
        """The canonical form of the text (made once; the text itself where nothing changes)."""
        value = self._canon
        if value is None:
            value = canon(self.text)
            value = self.text if value == self.text else value
            object.__setattr__(self, "_canon", value)
        return value


@dataclass
class Doc:
    name: str                        # the file's name, or for one of several texts a page holds name#k
    speech: Speech                   # its structure: section bodies are emptied once the units are made
    units: list[Unit] = field(default_factory=list)
    year: int | None = None
    groups: list = field(default_factory=list)        # parallel heading groups (drafter.mine.parallel.Group)
    shapes: list = field(default_factory=list)        # (unit index, function, start, end, by): triads, formulations,
                                                      # quotations
    file: str = ""                   # the file's name (its lines are the file's): the name by default
    first_line: int = 0              # where one of a page's several texts starts in the file (its title)

    def __post_init__(self) -> None:
        self.file = self.file or self.name

    @property
    def title(self) -> str:
        return " ".join(filter(None, (self.speech.meta.text("title"), self.speech.meta.text("subtitle"))))


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
        return f"{self.docs[unit.doc].file}:{unit.line}"


def corpus_files(source: str | os.PathLike | Iterable[str | os.PathLike]) -> list[tuple[str, Path]]:
    """(name, path) of every speech file: a folder's files of the kinds drafter reads or reports
    (``drafter.ingest.folder_files``), or the files given. Sorted by name."""
    if isinstance(source, (str, os.PathLike)):
        root = Path(source)
        if not root.exists():
            raise DrafterError("文件夹不存在", where=str(root))
        if root.is_file():
            return [(root.name, root)]
        return sorted((path.relative_to(root).as_posix(), path) for path in folder_files(root))
    return sorted((Path(p).name, Path(p)) for p in source)


#: after a name, a verb of saying and what was said: (总书记)(在报告中)(着重)强调，|…
SAID = re.compile(r"^[^，。：:,]{0,14}?(?:说|指出|强调|表示|要求)[，：:,]\s*(.+)$")
#: who attended, in a news report: 王沪宁出席, 韩正陪同考察, …负责同志列席会议
ATTENDED = re.compile(r"(?:出席|陪同|列席|参加)(?:会议|会见|活动|考察|座谈)?$")
SAME_SENTENCES = 0.9
EDGE_SHARE = 0.2
NOT_SPEECH = re.compile(r"^(?:readme|manifest|license|licence|changelog)\b", re.I)
YEAR = re.compile(r"(?<!\d)(1[89]\d\d|20\d\d)(?!\d)")
#: full-width digits as ASCII ones (２０１３年)
FULL_DIGITS = str.maketrans("０１２３４５６７８９", "0123456789")
#: a year in Chinese numerals, as older texts and some offices date a speech: 二〇〇一年, 一九八五年
CN_YEAR = re.compile(r"([一二][〇零一二三四五六七八九]{3})年")
#: the licence block Wikisource appends to a page (its first line)
LICENCE = re.compile(r"^(?:本作品(?:是|在|属于|来自)|Public domain$|PD-|维基文库)")
#: lines of a news wire or page, not of the speech
#: what is not a Chinese character, for comparing documents by their Chinese text
NOT_HAN = re.compile("[^\u3400-\u9fff]+")
WIRE = re.compile(r"全文如下|新华社.{0,12}电|[（(]记者|发表(?:了)?重要讲话$|讲话(?:全文|原文)$|来源[：:]|责任编辑")


def read_corpus(source: str | os.PathLike | Iterable[str | os.PathLike], jobs: int | None = 1,
                progress=None, scheduler: str | None = None) -> Corpus:
    """Read and parse every speech of ``source``; unreadable files are skipped with their reason,
    and a document saved twice counts once. ``jobs`` worker processes read the files (None: all
    cores), or the workers of the Dask ``scheduler``; ``progress(stage, done, total)`` is called as
    files are read."""
    from drafter.mine import parallel, quotes, triads  # noqa: F401 - loaded once, before workers fork
    from drafter.mine.parallel_map import pmap
    from drafter import structure  # noqa: F401

    from drafter.ingest.convert import converted_first

    files = corpus_files(source)
    if scheduler:       # a worker may run in another folder
        files = [(name, path.absolute()) for name, path in files]
    docs: list[Doc] = []
    skipped: list[Skipped] = []
    # old Word files converted ahead, many in one LibreOffice run (not on a cluster: its workers would
    # not see them)
    ahead = [] if scheduler else [path for _, path in files]
    with converted_first(ahead, progress and (lambda done, total: progress("convert", done, total))):
        for (_name, _), got in zip(files, pmap(load_doc, files, jobs, progress, "read", scheduler=scheduler),
                                   strict=True):
            if isinstance(got, Skipped):
                skipped.append(got)
            else:
                docs += got
    docs, twice = dedupe(docs)
    skipped += twice
    for i, doc in enumerate(docs):
        for unit in doc.units:           # each unit is this corpus's own (made by load_doc, or unpickled)
            object.__setattr__(unit, "doc", i)
    return Corpus(docs, sorted(skipped, key=lambda s: s.name))


def load_doc(item: tuple[str, Path]) -> list[Doc] | Skipped:
    """Read, parse and split one file (the map step): its Doc — one for each text of a page that holds
    several (name#1, name#2 …) — or a Skipped with its reason."""
    from drafter.structure import read_speech
    from drafter.structure.parts import COMPILATION, FORWARDING, NEWS

    name, path = item
    if NOT_SPEECH.match(Path(name).name):
        return Skipped(name, "说明文件，不是讲话稿")
    try:
        speech = read_speech(path, as_written=False)
    except DrafterError as exc:
        return Skipped(name, str(exc).removeprefix(f"{path}: "))
    except Exception as exc:  # a file no reader or the parser can handle: report it, mine the rest
        return Skipped(name, f"无法解析：{type(exc).__name__}: {exc}")
    for part in speech.parts:        # a part's heading is its title, the page's genre its own (述职报告),
        meta = part.speech.meta      # unless the page is only what holds the texts (汇编, 转发通知 …)
        meta.title = meta.title or ([part.title] if part.title else None)
        meta.kind = meta.kind or (speech.meta.kind if speech.meta.kind not in (COMPILATION, FORWARDING, NEWS) else None)
    texts = [(f"{name}#{k}", part.speech, {part.title, part.speaker}, part.first_line)
             for k, part in enumerate(speech.parts, 1)] or [(name, speech, set(), 0)]
    docs = [doc for text, one, heads, first in texts if (doc := _doc(text, name, one, heads, speech, first))]
    return docs or Skipped(name, "没有正文")


def _doc(name: str, file: str, speech: Speech, heads: set[str | None], page: Speech, first: int) -> Doc | None:
    """The Doc of one text (``heads``: a part's title and speaker, not its text), or None without text."""
    from drafter.mine.parallel import heading_groups
    from drafter.structure.parts import NEWS, OFFICIAL

    meta = {v for f in ("title", "subtitle", "speaker", "author", "date", "source", "occasion")
            if (v := (speech.meta.text(f) or "").strip())} | {h.strip() for h in heads if h}
    plain = speech.meta.kind == OFFICIAL
    units = _plausible(_speech_only([u for u in _units(speech, plain) if u.text.strip() not in meta],
                                    news=speech.meta.kind == NEWS))
    if not units:
        return None
    for u in units:
        _ = u.canon                  # made here, in the worker
    year = year_of(file, speech, page)
    doc = Doc(name, speech, units, year, heading_groups(name, speech), shapes(units), file, first)
    for section in speech.walk():    # the text of the sections is in the units now: the reduce needs
        section.body = []            # the structure only (less to send back from a worker, less to hold)
    return doc


def shapes(units: list[Unit]) -> list[tuple[int, str, int, int, str | None]]:
    """The triads, quoted numbered formulations and quotations of each sentence, by shape."""
    from drafter.mine.quotes import formulations, quotations
    from drafter.mine.triads import triads

    out: list[tuple[int, str, int, int, str | None]] = []
    for k, unit in enumerate(units):
        text = unit.text
        if text.count("，") + text.count("、") + text.count("：") >= 2:
            out += [(k, "triad", a, b, None) for a, b in triads(text, unit.canon)]
        if "“" in text:
            canon_text = unit.canon
            for term in formulations(canon_text):
                i = canon_text.index(term)
                out.append((k, "formulation", i, i + len(term), None))
        for q in quotations(text):
            i = max(text.find(q.text), 0)
            out.append((k, "quotation", i, i + len(q.text), q.by))
    return out


def year_of(name: str, *speeches: Speech) -> int | None:
    """The year of a document: from the speech's date (its text's, else its file name's), else from the
    page's posting date — for one of several texts a page holds, its own first, then the page's — else
    from a year in the file name, else None."""
    dates = [(s.meta.text(f) or "").translate(FULL_DIGITS) for s in speeches for f in ("date", "published")]
    for text in (*dates, Path(name).name):
        m = YEAR.search(text) or CN_YEAR.search(text)
        if m:
            return cn_to_int(m.group(1))
    return None


def _speech_only(units: list[_Sentence], news: bool = False) -> list[_Sentence]:
    """The units without a page's licence block at the end and wire lines at either end — anywhere in a
    news report, with who attended (王沪宁出席, …负责同志列席会议)."""
    n = len(units)
    for i in range(max(0, n - n // 5 - 3), n):
        if LICENCE.match(units[i].text):
            units = units[:i]
            break
    edge = 3
    units = [u for i, u in enumerate(units)
             if not (((i < edge or i >= len(units) - edge) and WIRE.search(u.text))
                     or (news and (WIRE.search(u.text) or ATTENDED.search(u.text))))]
    return _said(units) if news else units


def _said(units: list[_Sentence]) -> list[_Sentence]:
    """Of a news report, what its subject said: a sentence opening with the subject's name (the one its
    paragraphs report: 习近平强调，…) or 他 and a verb of saying loses that lead, the reporter's."""
    from drafter.structure.parts import REPORTED

    names = Counter(m.group(1) for u in units if (m := REPORTED.match(u.text)))
    if not names:
        return units
    subject = names.most_common(1)[0][0]
    out = []
    for u in units:
        text = u.text
        lead = subject if text.startswith(subject) else "他" if text.startswith("他") and text[1:2] != "们" else ""
        said = SAID.match(text[len(lead):]) if lead else None
        out.append(u._replace(text=said.group(1)) if said else u)
    return out


def _plausible(units: list[_Sentence]) -> list[Unit]:
    """Each sentence as a unit of the document, with its place in it, and opening/closing roles only
    near the ends."""
    total = sum(len(u.text) for u in units) or 1
    out, done = [], 0
    for u in units:
        at = done / total
        role = u.role
        if (role in ("opening", "transition") and at > EDGE_SHARE) or (role == "closing" and at < 1 - EDGE_SHARE):
            role = "body"
        out.append(Unit(0, u.line, role, u.text, u.first, round(at, 4)))
        done += len(u.text)
    return out


def dedupe(docs: list[Doc]) -> tuple[list[Doc], list[Skipped]]:
    """The documents without those saved twice (same text, or the same sentences), in order. Of two
    versions with the same sentences, the one with more is kept (the full text, not an excerpt or a
    news copy cut short), the first where they have as many."""
    kept: dict[int, Doc] = {}            # by place in ``docs``: the order is kept
    skipped: list[Skipped] = []
    seen_text: dict[str, int] = {}
    by_sentence: dict[str, list[int]] = {}
    sentences: dict[int, set[str]] = {}
    for at, doc in enumerate(docs):
        text = NOT_HAN.sub("", "".join(u.canon for u in doc.units))
        digest = hashlib.sha1(text.encode("utf-8")).hexdigest()
        if digest in seen_text:
            skipped.append(Skipped(doc.name, f"与 {kept[seen_text[digest]].name} 重复"))
            continue
        mine = {u.canon for u in doc.units if len(u.text) >= 8}
        shared: dict[int, int] = {}
        for s in mine:
            for k in by_sentence.get(s, ()):
                shared[k] = shared.get(k, 0) + 1
        least = {k: min(len(mine), len(sentences[k])) for k in shared}
        twin = next((k for k, n in sorted(shared.items()) if n >= SAME_SENTENCES * least[k] and least[k] > 0), None)
        if twin is not None and len(mine) <= len(sentences[twin]):
            skipped.append(Skipped(doc.name, f"与 {kept[twin].name} 重复"))
            continue
        if twin is not None:             # this version is the fuller: it takes the other's place
            skipped.append(Skipped(kept.pop(twin).name, f"与 {doc.name} 重复"))
            for s in sentences.pop(twin):
                by_sentence[s].remove(twin)
            seen_text = {d: (at if k == twin else k) for d, k in seen_text.items()}
        seen_text[digest] = at
        for s in mine:
            by_sentence.setdefault(s, []).append(at)
        sentences[at] = mine
        kept[at] = doc
    return [kept[k] for k in sorted(kept)], skipped


class _Sentence(NamedTuple):
    """A sentence of a speech before it is placed in its document (see ``_plausible``)."""

    line: int
    role: str
    text: str
    first: bool


def _units(speech: Speech, plain: bool = False) -> Iterable[_Sentence]:
    """The sentences of a speech with the roles of their paragraphs; ``plain``: a document that is no speech
    (a notice, a plan), whose first and last paragraphs are no opening, transition or closing."""
    def role(p: Paragraph) -> str:
        return "body" if plain and p.role in SPEECH_ROLES else p.role

    for p in speech.front:
        yield from _sentences(p, role(p))
    for section in speech.walk():
        yield from _section(section)
    for p in speech.back:
        if p.role != "appendix":         # a glossary or an annex is the document's, not the speech's
            yield from _sentences(p, role(p))


#: the roles only a speech's paragraphs have
SPEECH_ROLES = frozenset({"opening", "transition", "closing"})


def _section(section: Section) -> Iterable[_Sentence]:
    if section.heading is not None and section.title.strip():
        yield _Sentence(section.line or 0, "heading", section.title.rstrip("。！？；"), True)
    for block in section.body:
        if isinstance(block, Paragraph):
            yield from _sentences(block, "body")


def _sentences(p: Paragraph, role: str) -> Iterable[_Sentence]:
    for i, (_, text) in enumerate(sentences(p.text)):
        yield _Sentence(p.line or 0, role, text, i == 0)
