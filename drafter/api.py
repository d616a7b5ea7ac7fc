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
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Callable, Iterable

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
    """Read a .txt/.md/.docx file and parse it into a Speech."""
    from drafter.structure import read_speech

    return read_speech(path)


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
    data = render(speech, fmt, _library(library).profile(style), reference_doc)
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
        raise OutputError("无法写到标准输出（已关闭？）cannot write to standard output (closed?)", where="-") from None


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
    """Parse a speech and write it laid out; a file that is all page debris is an error."""
    speech = parse(path)
    if speech.is_empty():
        raise ReadError(f"去掉网页杂质后没有正文（删除了 {len(speech.removed)} 行；见 drafter parse {path}）",
                        where=str(path))
    written = write_speech(speech, output, fmt=fmt, style=style, reference_doc=reference_doc, force=force,
                           library=library)
    return speech, written


def new_skeleton(outline: str | Outline, values: dict[str, str] | None = None, *, sections: int | None = None,
                 points: int | None = None, strict: bool = False, library: Library | None = None) -> Speech:
    """The skeleton of a new speech from an outline (id, file, or loaded) and values."""
    from drafter.outlines.assemble import assemble
    from drafter.outlines.sandbox import template_job

    chosen = _library(library).outline(outline) if isinstance(outline, str) else outline
    with template_job():   # every template of the skeleton within one budget (see Limits in the README)
        return assemble(chosen, values, sections=sections, points=points, strict=strict)


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
             fmt: str | None = None, library: Library | None = None) -> list[RowResult]:
    """One skeleton per row of a plan, in ``out_dir``; see ``drafter.batch``."""
    from drafter.batch import run_plan as run

    return run(plan, out_dir, style=style, reference_doc=reference_doc, force=force, strict=strict, fmt=fmt,
               library=_library(library))


def mine(source: str | os.PathLike, output: str | os.PathLike | None = None, *, force: bool = False) -> MineResult:
    """Mine a folder of speeches; with ``output``, write the mined library there."""
    from drafter.mine import mine_corpus, write_library
    from drafter.mine.write import check_folder

    if output is not None:
        check_folder(output, force)             # before the work: a clear error without mining
    result = mine_corpus(source)
    if not result.documents:
        why = ""
        if result.skipped:
            first = result.skipped[0]
            more = f"（另有 {len(result.skipped) - 1} 个 and {len(result.skipped) - 1} more）" if len(result.skipped) > 1 else ""
            why = f"：跳过 skipped {first.name}: {first.reason}{more}"
        raise ReadError(f"没有能读入的讲话稿 no speech could be read{why}", where=str(source))
    if output is not None:
        write_library(result, output, force=force)
    return result
