"""The operations a program calls: parse, format, new skeletons, batch plans, mining.

Each takes plain values and a ``Library`` (resolved once by the caller; the default is the built-in
library plus ``DRAFTER_LIBRARY``) and returns a result or raises a ``DrafterError``. Nothing here
prints: the CLI (``drafter.cli``) is one face over these functions.

    from drafter import api
    speech = api.new_skeleton("meeting-speech", {"occasion": "全市组织工作会议"})
    api.write_speech(speech, "讲话.docx")
"""

from __future__ import annotations

import os
import sys
from pathlib import Path
from collections.abc import Callable, Iterable, Iterator
from typing import TYPE_CHECKING

from drafter.errors import DrafterError, ReadError
from drafter.library import Library
from drafter.model import Speech

if TYPE_CHECKING:
    from drafter.batch import RowResult
    from drafter.mine import MineResult
    from drafter.outlines.load import Outline


def _library(library: Library | None) -> Library:
    return library if library is not None else Library.resolve()


def parse(path: str | os.PathLike) -> Speech:
    """Read a .txt/.md/.docx/.html file (.doc/.wps/.rtf/.odt through LibreOffice) and parse it into a Speech."""
    from drafter.structure import read_speech

    return read_speech(path)


def notices(speech: Speech) -> list[str]:
    """What a user should know about a parse, one Chinese line each: renumbered headings, removed
    blocks of page matter, joined lines (``drafter parse`` and ``drafter format`` print them on stderr)."""
    from drafter.structure.notices import notices as lines

    return lines(speech)


def documents(speech: Speech) -> list[Speech]:
    """The texts of a parsed file to treat as documents: each part of a page holding several texts
    (``Speech.parts``), else the speech itself."""
    return speech.documents()


def speech_files(paths: Iterable[str | os.PathLike]) -> list[Path]:
    """The files to read for ``paths``: each file as given, and each folder's files of the kinds drafter
    reads or reports (``drafter.ingest.folder_files``, sorted); a path that does not exist, or a folder
    without such files, is an error."""
    from drafter.ingest import folder_files

    found: list[Path] = []
    for given in paths:
        path = Path(given)
        if path.is_dir():
            inside = folder_files(path)
            if not inside:
                raise ReadError("文件夹里没有讲话稿（.txt .md .docx .doc .wps .html）", where=str(path))
            found += sorted(inside)
        elif path.exists():
            found.append(path)
        else:
            raise ReadError("文件不存在", where=str(path))
    return found


def parse_many(paths: Iterable[str | os.PathLike], converting: Callable[[int, int], None] | None = None
               ) -> Iterator[tuple[Path, Speech | DrafterError]]:
    """Each file of ``paths`` (folders expanded, see ``speech_files``) with its Speech, or the error
    that file gives; one bad file does not stop the others. Old Word files among them are converted
    ahead, many in one LibreOffice run (``drafter.ingest.convert.converted_first``), ``converting(done,
    total)`` told before the first run and after each."""
    from drafter.ingest.convert import converted_first

    files = speech_files(paths)
    with converted_first(files, converting):
        for path in files:
            try:
                yield path, parse(path)
            except DrafterError as exc:
                yield path, exc


def write_speech(speech: Speech, output: str | os.PathLike, *, fmt: str | None = None, style: str = "gbt9704",
                 reference_doc: str | os.PathLike | None = None, force: bool = False,
                 library: Library | None = None) -> Path | None:
    """Write a speech as docx, md or txt to a file (see ``drafter.io`` for the rules) or, for md/txt,
    to standard output with "-". Returns the path written, or None for standard output."""
    from drafter.io import check_target, write_bytes
    from drafter.render import format_for, render

    fmt = format_for(output, fmt)
    to_stdout = str(output) == "-"
    if to_stdout and fmt == "docx":
        raise DrafterError("Word 文档不能输出到标准输出：请用 -o 文件名.docx")
    if not to_stdout:
        check_target(output, force)           # before the work: a clear error without rendering
    if reference_doc is not None and not Path(reference_doc).is_file():
        raise ReadError("参考文档不存在", where=str(reference_doc))
    from drafter.render.layout import with_dates

    profile = _library(library).profile(style)
    speech = with_dates(speech, profile.get("date_format"))   # 2023年11月26日, never ISO
    data = render(speech, fmt, profile, reference_doc)
    if to_stdout:
        _to_stdout(data)
        return None
    return write_bytes(output, data, force)


def _to_stdout(data: bytes) -> None:
    """Write to standard output; a closed or broken one is an OutputError, not a traceback."""
    from drafter.errors import OutputError

    out = sys.stdout
    try:
        if out is None:
            raise BrokenPipeError
        out.buffer.write(data) if hasattr(out, "buffer") else out.write(data.decode("utf-8"))
        out.flush()
    except (OSError, ValueError):   # EPIPE, EBADF, or a closed file object
        silence_stdout()
        raise OutputError("无法写到标准输出（已关闭？）", where="-") from None


def silence_stdout() -> None:
    """Point standard output at the null device, so nothing fails when Python flushes it at exit."""
    try:
        null = os.open(os.devnull, os.O_WRONLY)
        os.dup2(null, 1)
        os.close(null)
    except OSError:
        pass


def format(path: str | os.PathLike, output: str | os.PathLike, *, fmt: str | None = None, style: str = "gbt9704",
           reference_doc: str | os.PathLike | None = None, force: bool = False,
           library: Library | None = None) -> tuple[Speech, Path | None]:
    """Parse a speech and write it laid out; a file that is all page debris is an error. The speech's
    date prints in the style's ``date_format``; the page's posting date (``meta.published``) never prints.
    ``notices(speech)`` says what the user should know of it."""
    speech = parse(path)
    if speech.is_empty():
        raise ReadError(f"去掉网页杂质后没有正文（删除了 {len(speech.removed)} 行；见 drafter parse {path}）",
                        where=str(path))
    written = write_speech(speech, output, fmt=fmt, style=style, reference_doc=reference_doc, force=force,
                           library=library)
    return speech, written


def new_skeleton(outline: str | Outline, values: dict[str, str] | None = None, *, sections: int | None = None,
                 points: int | None = None, strict: bool = False, library: Library | None = None,
                 variants: Iterable[str] = (), topic: str | None = None, minutes: float | None = None,
                 chars: int | None = None) -> Speech:
    """The skeleton of a new speech from an outline (id, Chinese name or alias, file, or loaded) and values.

    ``variants`` are ``--variant`` options (``2``, ``sections.2=3``); ``topic`` ranks the phrase-bank
    entries quoted in the hints (and fills a ``topic`` value not given); ``minutes`` or ``chars`` set
    the length target (``Speech.target``), shared out in the hints.
    """
    from drafter.outlines.assemble import assemble
    from drafter.outlines.sandbox import template_job
    from drafter.outlines.values import parse_variants

    lib = _library(library)
    chosen = lib.outline(outline) if isinstance(outline, str) else outline
    default, keyed = parse_variants(variants)
    values = {**(values or {}), **keyed}
    with template_job():   # every template of the skeleton within one budget (see Limits in the README)
        return assemble(chosen, values, sections=sections, points=points, strict=strict, phrases=lib.phrases(),
                        topic=topic, variant=default, minutes=minutes, chars=chars)


def gather_values(answers: str | os.PathLike | None, sets: Iterable[str],
                  ask: Callable[[dict], str | None] | None = None, variables: Iterable[dict] = ()) -> dict[str, str]:
    """Values from an answers file and ``--set`` options; ``ask`` is called for each variable still
    missing (a face that can prompt passes one)."""
    from drafter.outlines.values import gather

    values = gather(answers, sets)
    if ask is not None:
        for var in variables:
            if var["name"] not in values:
                answer = (ask(var) or "").strip()
                if answer:
                    values[var["name"]] = answer
    return values


def run_plan(plan: str | os.PathLike, out_dir: str | os.PathLike, *, style: str = "gbt9704",
             reference_doc: str | os.PathLike | None = None, force: bool = False, strict: bool = False,
             fmt: str | None = None, library: Library | None = None, jobs: int | None = None,
             progress: Callable[[int, int], None] | None = None) -> list[RowResult]:
    """One skeleton per row of a plan, in ``out_dir``, made by ``jobs`` processes (default: one per
    core); ``progress(done, total)`` is called after each row. See ``drafter.batch``."""
    from drafter.batch import run_plan as run

    return run(plan, out_dir, style=style, reference_doc=reference_doc, force=force, strict=strict, fmt=fmt,
               library=_library(library), jobs=jobs, progress=progress)


def mine(source: str | os.PathLike, output: str | os.PathLike | None = None, *, force: bool = False,
         jobs: int | None = None, min_docs: int | None = None, max_per_function: int | None = None,
         progress: Callable[[str, int, int], None] | None = None, scheduler: str | None = None) -> MineResult:
    """Mine a folder of speeches (``jobs`` processes, default one per core, or the workers of the Dask
    ``scheduler`` such as ``tcp://host:8786``; ``progress(stage, done, total)`` told as it goes); with
    ``output``, write the mined library there."""
    from drafter.mine import mine_corpus, write_library
    from drafter.mine.write import check_folder

    if output is not None:
        check_folder(output, force)             # before the work: a clear error without mining
    result = mine_corpus(source, jobs=jobs, progress=progress, min_docs=min_docs,
                         max_per_function=max_per_function, scheduler=scheduler)
    if not result.documents:
        why = ""
        if result.skipped:
            first = result.skipped[0]
            more = f"（另有 {len(result.skipped) - 1} 个）" if len(result.skipped) > 1 else ""
            why = f"：跳过 {first.name}：{first.reason}{more}"
        raise ReadError(f"没有能读入的讲话稿{why}", where=str(source))
    if output is not None:
        write_library(result, output, force=force)
    return result
