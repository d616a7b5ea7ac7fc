"""The fast .docx writer: the same bytes as ``drafter.render.docx``, without python-docx on every document.

The reference writer builds each document with python-docx: it opens the default template, installs
the profile's styles, walks 168 styles for every styled run, saves, and zips again. Most of that is
the same for every speech laid out to one profile. Here it is done once per *variant* — profile,
heading depth (beyond four levels), with or without a comments part — by running the reference
writer's own set-up on an empty document and keeping the saved parts, the unchanging ones already
deflated. A speech then costs only its own parts: ``word/document.xml``, ``word/comments.xml`` and
``docProps/core.xml``, written as XML text.

The speech is laid out by the reference writer's own ``_Writer`` (so both writers share one layout
logic), talking to a small stand-in for the python-docx objects it uses (``_Document``, ``_Paragraph``,
``_Run``; ``_FastWriter`` marks a run-in heading's style separator on the stand-in). Anything the
stand-in does not know, or text python-docx would refuse (characters XML cannot hold), makes
``render_docx`` fall back to the reference writer, so the result is always the reference writer's.
``tests/test_render_fast.py`` checks that the bytes are identical for every built-in outline and the seeds.

Built parts are kept in memory for the run and, as JSON, in the user's cache folder (``cache_dir``),
keyed by the profile, the Python version, the installed python-docx and this package's writer code,
so a later run — ``drafter new`` or each worker of ``drafter batch`` — starts without python-docx.
"""

from __future__ import annotations

import base64
import functools
import io
import json
import os
import re
import struct
import sys
import zipfile
import zlib
from dataclasses import dataclass
from pathlib import Path
from typing import Any, cast

from drafter.cache import cache_dir, checksum
from drafter.model import Meta, Speech, plain
from drafter.render.docx import ZIP_TIME, _Writer
from drafter.render.layout import blocks
from drafter.render.ooxml import W_NS

#: text python-docx (lxml) refuses: characters XML 1.0 cannot hold, and lone surrogates.
NOT_XML = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")
TITLE_LIMIT = 255              # python-docx refuses a longer core property: the reference writer cuts it
SENTINEL = "\ue0ff"            # stands for the title in the kept docProps/core.xml
BODY, COMMENTS, CORE = "word/document.xml", "word/comments.xml", "docProps/core.xml"
_CACHE: dict[tuple[str, int, bool], _Parts] = {}
_CACHE_LIMIT = 32
CACHE_FORMAT = 1               # bump when the kept parts change shape
_KEYS: dict[int, tuple[dict[str, Any], str]] = {}


#: the zip central directory record and end record (the layouts zipfile writes).
CENTRAL_DIR, END_RECORD = "<4s4B4HL2L5H2L", "<4s4H2LH"


class Unsupported(Exception):
    """The fast writer cannot promise the reference writer's bytes for this speech."""


def _escape(text: str) -> str:
    """Text content as lxml writes it."""
    if NOT_XML.search(text):
        raise Unsupported("text XML cannot hold")
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\r", "&#13;")


def _attr(text: str) -> str:
    """An attribute value as lxml writes it (between double quotes)."""
    return _escape(text).replace('"', "&quot;").replace("\n", "&#10;").replace("\t", "&#9;")


def _run_content(text: str) -> str:
    """A run's text as python-docx's ``Run.text`` setter writes it: tabs, line breaks, w:t pieces."""
    if "\t" not in text and "\n" not in text and "\r" not in text:
        return _t(text)
    out: list[str] = []
    buffer: list[str] = []
    for char in text:
        if char in "\t\r\n":
            if buffer:
                out.append(_t("".join(buffer)))
                buffer.clear()
            out.append("<w:tab/>" if char == "\t" else "<w:br/>")
        else:
            buffer.append(char)
    if buffer:
        out.append(_t("".join(buffer)))
    return "".join(out)


def _t(text: str) -> str:
    if len(text.strip()) < len(text):
        return f'<w:t xml:space="preserve">{_escape(text)}</w:t>'
    return f"<w:t>{_escape(text)}</w:t>"


# -- the stand-in for the python-docx objects the reference ``_Writer`` uses ---------------------

@dataclass(frozen=True)
class _Style:
    name: str


class _Styles:
    def __init__(self, parts: _Parts):
        self.parts = parts

    def __getitem__(self, name: str) -> _Style:
        self.parts.style_id(name, None)          # KeyError, as python-docx, for an unknown name
        return _Style(name)


class _Attrs:
    """An element's attributes where the writer sets or drops one (rFonts, a comment's date)."""

    def __init__(self) -> None:
        self.attrib: dict[str, str] = {}

    def set(self, name: str, value: str) -> None:
        self.attrib[name] = value


class _Run:
    def __init__(self, style_id: str | None, text: str | None):
        self.style_id = style_id
        self.content = _run_content(text) if text else ""
        self.fonts: _Attrs | None = None
        self.owner: _Paragraph | None = None

    # run._r.get_or_add_rPr().get_or_add_rFonts().set(w("hint"), "eastAsia")
    @property
    def _r(self) -> _Run:
        return self

    def get_or_add_rPr(self) -> _Run:
        return self

    def get_or_add_rFonts(self) -> _Attrs:
        if self.fonts is None:
            self.fonts = _Attrs()
        return self.fonts

    def add_break(self) -> None:
        self.content += "<w:br/>"

    def xml(self) -> str:
        props = f'<w:rStyle w:val="{self.style_id}"/>' if self.style_id else ""
        if self.fonts is not None:
            attrs = []
            for name, value in self.fonts.attrib.items():
                if not name.startswith(f"{{{W_NS}}}"):
                    raise Unsupported(f"attribute {name}")
                attrs.append(f' w:{name[len(W_NS) + 2:]}="{_attr(value)}"')
            props += f"<w:rFonts{''.join(attrs)}/>"
        head = f"<w:r><w:rPr>{props}</w:rPr>" if props else "<w:r>"
        if not self.content and not props:
            return "<w:r/>"
        return f"{head}{self.content}</w:r>"


class _Format:
    """The paragraph properties the writer sets; any other (no slot) is an AttributeError, so Unsupported."""

    __slots__ = ("_first_line", "_indent", "keep_with_next")

    def __init__(self) -> None:
        self.keep_with_next: bool | None = None
        self._first_line: int | None = None
        self._indent = ""

    @property
    def first_line_indent(self) -> int | None:
        return self._first_line

    @first_line_indent.setter
    def first_line_indent(self, value: int) -> None:
        """``w:ind`` as python-docx writes it for a length in EMU: twips, a negative one as hanging."""
        if type(value) is not int:     # the writer sets a plain int; None or a float is not promised
            raise Unsupported(f"first line indent {value!r}")
        twips = round(abs(value) / 635.0)      # as python-docx: int(round(EMU / 635))
        self._first_line = value
        self._indent = f'<w:ind w:hanging="{twips}"/>' if value < 0 else f'<w:ind w:firstLine="{twips}"/>'


class _Paragraph:
    def __init__(self, parts: _Parts, style_id: str | None):
        self.parts = parts
        self.style_id = style_id
        self.items: list[_Run | str] = []
        self.paragraph_format = _Format()
        self.separator = False           # the mark is a style separator (w:vanish, w:specVanish)

    def add_run(self, text: str | None = None, style: _Style | None = None) -> _Run:
        run = _Run(self.parts.style_id(style.name, "character") if style else None, text)
        run.owner = self
        self.items.append(run)
        return run

    def _index(self, run: _Run) -> int:
        return next(i for i, item in enumerate(self.items) if item is run)

    def xml(self) -> str:
        props = f'<w:pStyle w:val="{self.style_id}"/>' if self.style_id else ""
        keep = self.paragraph_format.keep_with_next
        if keep is not None:
            props += "<w:keepNext/>" if keep else '<w:keepNext w:val="0"/>'
        props += self.paragraph_format._indent          # w:pPr children in schema order: w:rPr last
        if self.separator:
            props += "<w:rPr><w:vanish/><w:specVanish/></w:rPr>"
        inner = "".join(item if isinstance(item, str) else item.xml() for item in self.items)
        head = f"<w:p><w:pPr>{props}</w:pPr>" if props else "<w:p>"
        if not inner and not props:
            return "<w:p/>"
        return f"{head}{inner}</w:p>"


class _FastWriter(_Writer):
    """The reference writer's layout, with the stand-in's own way of adding paragraphs and runs and of
    marking a style separator (the reference writer edits python-docx's XML for these)."""

    def __init__(self, document: Any, title_capacity: int) -> None:
        self.document = document
        self.styles = document.styles
        self.title_capacity = title_capacity

    def add_paragraph(self, style: Any = None) -> Any:
        return self.document.add_paragraph(style=style)

    def add_run(self, paragraph: Any, text: str | None = None, style: Any = None) -> Any:
        if not isinstance(paragraph, _Paragraph):
            raise Unsupported("a paragraph outside the stand-in")
        return paragraph.add_run(text, style)

    @staticmethod
    def style_separator(paragraph: Any) -> None:
        if not isinstance(paragraph, _Paragraph):
            raise Unsupported("a paragraph outside the stand-in")
        paragraph.separator = True


class _Comment:
    def __init__(self) -> None:
        self._comment_elm = _Attrs()


class _Document:
    """What ``_Writer`` asks of a python-docx Document: styles, paragraphs, comments."""

    def __init__(self, parts: _Parts):
        self.parts = parts
        self.styles = _Styles(parts)
        self.paragraphs: list[_Paragraph] = []
        self.comments: list[str] = []

    def add_paragraph(self, text: str = "", style: _Style | None = None) -> _Paragraph:
        paragraph = _Paragraph(self.parts, self.parts.style_id(style.name, "paragraph") if style else None)
        if text:
            paragraph.add_run(text)
        self.paragraphs.append(paragraph)
        return paragraph

    def add_comment(self, runs: list[_Run], text: str = "", author: str = "", initials: str = "") -> _Comment:
        number = len(self.comments)
        first, last = runs[0], runs[-1]
        owner = self._owner(first)
        if self._owner(last) is not owner:
            raise Unsupported("a comment over several paragraphs")
        pieces = text.split("\n")
        first_run = f"<w:r>{_run_content(pieces[0])}</w:r>" if pieces[0] else "<w:r/>"
        more = "".join(f'<w:p><w:pPr><w:pStyle w:val="CommentText"/></w:pPr>'
                       f'{f"<w:r>{_run_content(s)}</w:r>" if s else ""}</w:p>' for s in pieces[1:])
        self.comments.append(
            f'<w:comment w:id="{number}" w:author="{_attr(author)}" w:initials="{_attr(initials)}">'
            '<w:p><w:pPr><w:pStyle w:val="CommentText"/></w:pPr><w:r><w:rPr><w:rStyle w:val="CommentReference"/>'
            f"</w:rPr><w:annotationRef/></w:r>{first_run}</w:p>{more}</w:comment>")
        owner.items.insert(owner._index(first), f'<w:commentRangeStart w:id="{number}"/>')
        at = owner._index(last) + 1
        owner.items[at:at] = [f'<w:commentRangeEnd w:id="{number}"/>',
                              '<w:r><w:rPr><w:rStyle w:val="CommentReference"/></w:rPr>'
                              f'<w:commentReference w:id="{number}"/></w:r>']
        return _Comment()

    def _owner(self, run: _Run) -> _Paragraph:
        if run.owner is None:
            raise Unsupported("a run outside the document")
        return run.owner


# -- the parts kept per variant, and the zip container -------------------------------------------

@dataclass
class _Entry:
    name: str
    crc: int = 0
    size: int = 0
    data: bytes = b""          # deflated


def _deflate(name: str, raw: bytes) -> _Entry:
    """A zip entry deflated as ``zipfile`` does by default (so the bytes are the same)."""
    compressor = zlib.compressobj(zlib.Z_DEFAULT_COMPRESSION, zlib.DEFLATED, -15)
    return _Entry(name, zlib.crc32(raw), len(raw), compressor.compress(raw) + compressor.flush())


def _records(entry: _Entry) -> tuple[bytes, bytes, bytes]:
    """An entry's local header and data, and its central directory record cut around the offset."""
    info = zipfile.ZipInfo(entry.name, ZIP_TIME)
    info.compress_type = zipfile.ZIP_DEFLATED
    info.flag_bits = 0
    info.external_attr = info.external_attr or 0o600 << 16      # as ZipFile._open_to_write does
    info.CRC, info.file_size, info.compress_size = entry.crc, entry.size, len(entry.data)
    dt = info.date_time
    dosdate = (dt[0] - 1980) << 9 | dt[1] << 5 | dt[2]
    dostime = dt[3] << 11 | dt[4] << 5 | (dt[5] // 2)
    try:
        filename, flags = info.filename.encode("ascii"), info.flag_bits
    except UnicodeEncodeError:
        filename, flags = info.filename.encode("utf-8"), info.flag_bits | 0x800   # as zipfile marks UTF-8 names
    central = struct.pack(CENTRAL_DIR, b"PK\001\002", info.create_version,
                          info.create_system, info.extract_version, info.reserved, flags, info.compress_type,
                          dostime, dosdate, info.CRC, info.compress_size, info.file_size, len(filename),
                          len(info.extra), len(info.comment), 0, info.internal_attr, info.external_attr, 0)
    return info.FileHeader(False) + entry.data, central[:-4], filename + info.extra + info.comment


Records = tuple[bytes, bytes, bytes]


def zip_entries(entries: list[_Entry | Records]) -> bytes:
    """A zip file of deflated entries (or their ``_records``), byte for byte as
    ``zipfile.ZipFile.writestr`` makes it with a ``ZipInfo`` stamped ``ZIP_TIME`` (see
    ``drafter.render.docx.docx_bytes``)."""
    out, central = [], []
    offset = 0
    for entry in entries:
        local, head, tail = _records(entry) if isinstance(entry, _Entry) else entry
        out.append(local)
        central += [head, struct.pack("<L", offset), tail]
        offset += len(local)
    directory = b"".join(central)
    end = struct.pack(END_RECORD, b"PK\005\006", 0, 0, len(entries), len(entries),
                      len(directory), offset, 0)
    return b"".join(out) + directory + end


@functools.lru_cache(maxsize=1)
def _zip_matches() -> bool:
    """Whether ``zip_entries`` makes the bytes this Python's ``zipfile`` makes (checked once)."""
    raw = b"<x/>" * 10
    made = io.BytesIO()
    with zipfile.ZipFile(made, "w", zipfile.ZIP_DEFLATED) as dst:
        dst.writestr(zipfile.ZipInfo("a.xml", ZIP_TIME), raw, zipfile.ZIP_DEFLATED)
        dst.writestr(zipfile.ZipInfo("b/c.xml", ZIP_TIME), raw[:7], zipfile.ZIP_DEFLATED)
    return zip_entries([_deflate("a.xml", raw), _deflate("b/c.xml", raw[:7])]) == made.getvalue()


class _Parts:
    """The saved parts of one variant: the unchanging ones deflated, the changing ones as text
    to fill, and the ids of the styles the writer asks for (by name and kind)."""

    def __init__(self, state: dict[str, Any]):
        self.title_capacity: int = state["title_capacity"]
        self.entries: list[tuple[bytes, bytes, bytes] | str] = state["entries"]
        self.text: dict[str, tuple[str, str]] = state["text"]
        self._ids: dict[tuple[str, str | None], str | None] = state["ids"]

    @classmethod
    def build(cls, profile: dict[str, Any], depth: int, comments: bool) -> _Parts:
        """Lay out an empty document with the reference writer's own set-up, and keep its parts."""
        from docx import Document
        from docx.enum.style import WD_STYLE_TYPE

        from drafter.render.docstyles import NAMES, heading_name
        from drafter.render.docx import (
            COMMENT_AUTHOR, COMMENT_INITIALS, _prepare_blank, _set_core_properties, _title_capacity, docx_bytes,
        )

        document = Document()
        _prepare_blank(document, profile, depth)
        if comments:   # make the comments part as the first comment does, then empty it
            probe = document.add_paragraph()
            document.add_comment([probe.add_run()], text="x", author=COMMENT_AUTHOR, initials=COMMENT_INITIALS)
            probe._p.getparent().remove(probe._p)
            comments_elm = document.part._comments_part.element
            for old in list(comments_elm):
                comments_elm.remove(old)
        _set_core_properties(document, Speech(meta=Meta(title=[SENTINEL])))
        ids: dict[tuple[str, str | None], str | None] = {}
        kinds = {"paragraph": WD_STYLE_TYPE.PARAGRAPH, "character": WD_STYLE_TYPE.CHARACTER}
        for name in [*NAMES.values(), *(heading_name(n) for n in range(1, max(depth, 4) + 1))]:
            style = document.styles[name]
            ids[(name, None)] = style.style_id
            for kind, wanted in kinds.items():
                try:
                    ids[(name, kind)] = document.part.get_style_id(style, wanted)  # type: ignore[no-untyped-call]  # unannotated in python-docx
                except ValueError:
                    pass                     # a style of the other kind: the reference writer fails
        state: dict[str, Any] = {"title_capacity": _title_capacity(document, profile), "entries": [], "text": {},
                                 "ids": ids}
        with zipfile.ZipFile(io.BytesIO(docx_bytes(document))) as saved:
            for name in saved.namelist():
                raw = saved.read(name)
                if name == BODY:
                    head, rest = raw.decode("utf-8").split("<w:body>", 1)
                    if not rest.startswith("<w:sectPr"):
                        raise Unsupported("a body that is not empty")
                    state["text"][name] = (head + "<w:body>", rest)
                elif name == COMMENTS:
                    xml = raw.decode("utf-8")
                    if not xml.endswith("/>"):
                        raise Unsupported("a comments part that is not empty")
                    state["text"][name] = (xml[:-2] + ">", "</w:comments>")
                elif name == CORE:
                    head, tail = raw.decode("utf-8").split(SENTINEL)
                    state["text"][name] = (head, tail)
                else:
                    state["entries"].append(_records(_deflate(name, raw)))
                    continue
                state["entries"].append(name)
        return cls(state)

    def style_id(self, name: str, kind: str | None) -> str | None:
        """The id python-docx writes for a style name (None for the default style of its kind)."""
        try:
            return self._ids[(name, kind)]
        except KeyError:
            raise Unsupported(f"style {name!r} as {kind}") from None

    def docx(self, body: str, comments: list[str], title: str) -> bytes:
        filled = {BODY: body, COMMENTS: "".join(comments), CORE: _escape(title)}
        entries: list[_Entry | Records] = []
        for entry in self.entries:
            if isinstance(entry, str):
                head, tail = self.text[entry]
                entries.append(_deflate(entry, (head + filled[entry] + tail).encode("utf-8")))
            else:
                entries.append(entry)
        return zip_entries(entries)

    # -- kept on disk between runs, as JSON (nothing in a cache file can run code)

    def dump(self) -> bytes:
        b64 = base64.b64encode
        return json.dumps({
            "title_capacity": self.title_capacity,
            "entries": [e if isinstance(e, str) else [b64(x).decode("ascii") for x in e] for e in self.entries],
            "text": self.text,
            "ids": [[name, kind, value] for (name, kind), value in self._ids.items()],
        }, ensure_ascii=False).encode("utf-8")

    @classmethod
    def load(cls, data: bytes) -> _Parts:
        raw = json.loads(data.decode("utf-8"))
        b64 = base64.b64decode
        return cls({
            "title_capacity": int(raw["title_capacity"]),
            "entries": [e if isinstance(e, str) else tuple(b64(x) for x in e) for e in raw["entries"]],
            "text": {k: (v[0], v[1]) for k, v in raw["text"].items()},
            "ids": {(name, kind): value for name, kind, value in raw["ids"]},
        })


@functools.lru_cache(maxsize=1)
def _code_version() -> str:
    """What the kept parts depend on besides the profile: this Python, python-docx, and the writer's
    code (each file by its path, mtime and size)."""
    from importlib.util import find_spec

    spec = find_spec("docx")        # python-docx, by where it is and when it was installed (not imported)
    origin = Path(spec.origin) if spec is not None and spec.origin else None
    stamp = f"{origin} {origin.stat().st_mtime_ns} {origin.stat().st_size}" if origin is not None else "-"
    here = Path(__file__).resolve().parent
    for name in ("docx.py", "docx_fast.py", "docstyles.py", "page.py", "ooxml.py"):
        st = (here / name).stat()
        stamp += f" {here / name} {st.st_mtime_ns} {st.st_size}"
    return f"{sys.version_info[:2]} {CACHE_FORMAT} {stamp}"


def _file_name(key: tuple[str, int, bool]) -> str:
    """The cache file of a variant."""
    return f"{checksum(repr((key, _code_version())))}.json"


def _from_disk(key: tuple[str, int, bool]) -> _Parts | None:
    folder = cache_dir()
    if folder is None:
        return None
    path = folder / _file_name(key)
    try:
        return _Parts.load(path.read_bytes())
    except (OSError, ValueError, KeyError, TypeError):   # none, unreadable or from elsewhere: build it again
        return None


def _to_disk(key: tuple[str, int, bool], parts: _Parts) -> None:
    folder = cache_dir()
    if folder is None:
        return
    from drafter.errors import DrafterError
    from drafter.io import make_folder, write_bytes

    try:
        make_folder(folder)
        write_bytes(folder / _file_name(key), parts.dump(), force=True)
    except (DrafterError, OSError):          # a cache that cannot be written is only slower
        pass


def _profile_key(profile: dict[str, Any]) -> str:
    """A profile's settings as one string (remembered for the profile object a library hands out)."""
    known = _KEYS.get(id(profile))
    if known is None or known[0] is not profile:
        known = _KEYS[id(profile)] = (profile, json.dumps(profile, sort_keys=True, ensure_ascii=False, default=str))
    return known[1]


def _parts(profile: dict[str, Any], depth: int, comments: bool) -> _Parts:
    key = (_profile_key(profile), max(depth, 4), comments)
    found = _CACHE.get(key)
    if found is None:
        if len(_CACHE) >= _CACHE_LIMIT:
            _CACHE.pop(next(iter(_CACHE)))
        found = _from_disk(key)
        if found is None:
            found = _Parts.build(profile, depth, comments)
            _to_disk(key, found)
        _CACHE[key] = found
    return found


def fast_docx(speech: Speech, profile: dict[str, Any]) -> bytes:
    """The .docx bytes of a speech laid out to a profile; raises Unsupported where it cannot promise
    the reference writer's bytes."""
    if not _zip_matches():
        raise Unsupported("this Python's zipfile writes other bytes")
    title = plain(speech.meta.title)[:TITLE_LIMIT]      # as _set_core_properties; the body keeps it whole
    depth = max((s.depth for s in speech.walk()), default=1)
    parts = _parts(profile, depth, False)
    document = _Document(parts)
    try:
        # the reference writer's layout code, talking to the stand-in instead of python-docx
        _FastWriter(cast(Any, document), parts.title_capacity).write(blocks(speech, profile["numbering"]["dot"]))
    except (AttributeError, TypeError) as exc:   # the writer asked for something the stand-in lacks
        raise Unsupported(str(exc)) from None
    if document.comments:                          # the variant whose package has a comments part
        parts = _parts(profile, depth, True)
    return parts.docx("".join(p.xml() for p in document.paragraphs), document.comments, title)


def render_docx(speech: Speech, profile: dict[str, Any], reference_doc: str | os.PathLike[str] | None = None) -> bytes:
    """The .docx bytes: the fast writer where it can, the reference writer otherwise (same bytes)."""
    if reference_doc is None:
        try:
            return fast_docx(speech, profile)
        except Unsupported:
            pass
    from drafter.render.docx import build_document, docx_bytes

    return docx_bytes(build_document(speech, profile, reference_doc))


__all__ = ["Unsupported", "fast_docx", "render_docx", "zip_entries"]
