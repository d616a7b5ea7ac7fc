"""drafter batch: many skeletons from one plan (``drafter.plan``), each row made on its own.

A row names an outline, optionally an output file name and a style profile; every other column is a
value key as ``--set`` takes it (``occasion``, ``sections.2.points.1.action``) or a variable's label
(``会议名称``) where the label names one key of that row's outline. A row that cannot be made (unknown
outline or column, a value missing under ``strict``, a template that fails, an output that exists or
that an earlier row writes) is reported at its line in the plan, and the other rows are still
written. Files are written atomically, so a failed row leaves no file.

File names are made safe for every common file system: no control characters or ``\\ / : * ? " < > |``,
no Windows device name (CON, aux, nul.txt …), at most ``MAX_NAME_BYTES`` bytes of UTF-8 with the
extension (an emoji is four). Ctrl-C (or SIGTERM) stops the run between rows or inside one (whose
temporary file is removed) and raises ``BatchInterrupted`` with the results so far.
"""

from __future__ import annotations

import difflib
import os
import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path
from collections.abc import Callable

from drafter.api import new_skeleton
from drafter.controls import clean_controls, escape, scrub
from drafter.errors import DrafterError, PlanRowError, ReadError
from drafter.io import make_folder, write_bytes
from drafter.library import Library
from drafter.model import Placeholder, Speech, plain
from drafter.outlines.assemble import is_text_key, labelled, value_keys
from drafter.outlines.load import Outline
from drafter.outlines.sandbox import clean
from drafter.plan import RESERVED, Row, read_plan
from drafter.render import FORMATS, format_for, render

#: characters no file name may hold on Windows or Unix (controls included).
UNSAFE = re.compile(r'[\\/:*?"<>|\x00-\x1f\x7f-\x9f]+')
WINDOWS_DEVICES = {"CON", "PRN", "AUX", "NUL", "CONIN$", "CONOUT$",
                   *(f"{kind}{n}" for kind in ("COM", "LPT") for n in [*"0123456789", "¹", "²", "³"])}
#: the longest file name most file systems take (ext4, NTFS in UTF-16 units, APFS), in UTF-8 bytes.
MAX_NAME_BYTES = 255
MAX_STEM = 80


class BatchInterrupted(KeyboardInterrupt):
    """Ctrl-C or SIGTERM during a batch: the rows made so far and those not made."""

    def __init__(self, results: list[RowResult], left: int):
        super().__init__()
        self.results = results
        self.left = left


def cut_bytes(text: str, limit: int) -> str:
    """``text`` cut to at most ``limit`` bytes of UTF-8, never inside a character."""
    return text.encode("utf-8")[:max(limit, 0)].decode("utf-8", "ignore")


WARM_OUTLINES = 16      # outlines loaded before forking the workers, at most
WORKER_LOST = "生成这一行的工作进程意外退出（请报告此问题）"
#: with jobs=None, a worker process is started only for every this many rows.
AUTO_ROWS_PER_JOB = 8


@dataclass
class RowResult:
    """What became of one row: the file it writes (once named), or why it failed; what is left to fill."""

    line: int
    where: str                                          # plan.csv:LINE
    outline: str                                        # as written in the plan
    output: Path | None = None
    error: str | None = None
    missing: list[str] = field(default_factory=list)   # value keys left as placeholders
    paragraphs: int = 0                                 # free-text paragraphs left to write
    warnings: list[str] = field(default_factory=list)  # what was changed in the row's cells

    @property
    def ok(self) -> bool:
        return self.error is None

    @property
    def problem(self) -> str:
        """The failure as one line: ``plan.csv:LINE: message``."""
        return f"{self.where}: {self.error}"


class Columns:
    """The value columns one outline takes: its keys, and the labels that name exactly one key."""

    def __init__(self, outline: Outline):
        from drafter.outlines.sandbox import template_job

        self.outline = outline
        with template_job():
            self.keys = value_keys(outline)
        self.labels = labelled(self.keys)

    def values(self, cells: list[tuple[str, str]]) -> dict[str, str]:
        """A row's value cells as ``--set`` values; unknown, ambiguous or repeated columns are one error."""
        values: dict[str, str] = {}
        source: dict[str, str] = {}
        unknown = []
        for column, text in cells:
            if column in RESERVED:
                continue
            names = [column] if column in self.keys else self.labels.get(column, [])
            if not names:
                unknown.append(column)
                continue
            if len(names) > 1:
                raise PlanRowError(f"标签“{column}”对应多个键（{', '.join(names[:3])} …）："
                                   "请用键作表头")
            if names[0] in source:
                raise PlanRowError(f"列“{source[names[0]]}”与“{column}”是同一个值 {names[0]}：只留一列")
            values[names[0]], source[names[0]] = clean(text), column
        if unknown:
            raise PlanRowError(self._unknown(unknown))
        return values

    def _unknown(self, columns: list[str]) -> str:
        known = list(self.keys) + [label for label, names in self.labels.items() if len(names) == 1]
        listed = []
        for column in columns:
            close = difflib.get_close_matches(column, known, n=3)
            listed.append(f"'{column}'" + (f"（是否想写：{', '.join(close)}）" if close else ""))
        oid = self.outline.id
        return (f"提纲 {oid} 没有这些列：{'、'.join(listed)}"
                f"（drafter outlines show {oid} 列出全部键）")


def safe_stem(text: str, room: int = MAX_NAME_BYTES - len(".docx")) -> str:
    """Text made into a file name stem that every file system takes, at most ``room`` bytes of UTF-8
    ("" if nothing is left)."""
    stem = re.sub(r"\s+", " ", UNSAFE.sub("_", clean_controls(text))).strip(" ._")[:MAX_STEM]
    stem = cut_bytes(stem, room - 1).rstrip(" .")
    return stem + "_" if _device(stem) else stem


def _device(name: str) -> bool:
    """A Windows device name, with or without an extension (``CON``, ``aux.docx``, ``nul .txt``)."""
    return name.split(".")[0].strip().upper() in WINDOWS_DEVICES


def output_name(given: str, speech: Speech, outline: Outline, line: int, fmt: str) -> str:
    """The row's file name: the ``output`` cell, else the speech's title when it is filled in, else
    ``outline-LINE``; with the format's extension unless it has one of its own."""
    if given:
        shown = escape(cut_bytes(given, 80))
        if UNSAFE.search(given) or not given.strip(" .") or given.endswith((" ", ".")):
            raise PlanRowError(f"output '{shown}' 应是输出目录中的文件名，"
                               r'不能含 / \ : * ? " < > | 和控制字符，不能以点或空格结尾')
        if _device(given):
            raise PlanRowError(f"output '{shown}' 是 Windows 设备名：换一个文件名")
        name = given
    else:
        title = speech.meta.title or []
        filled = not any(isinstance(part, Placeholder) for part in title)
        name = (safe_stem(plain(title), MAX_NAME_BYTES - len(fmt) - 1) if filled else "") or f"{outline.id}-{line}"
    name = name if Path(name).suffix.lower() in FORMATS else f"{name}.{fmt}"
    if len(name.encode("utf-8")) > MAX_NAME_BYTES:
        raise PlanRowError(f"output 文件名太长：'{escape(cut_bytes(name, 60))}…' 有 "
                           f"{len(name.encode('utf-8'))} 字节（上限 {MAX_NAME_BYTES}）：在 output 列给一个短些的名字")
    return name


@dataclass
class _Batch:
    """The options of one run, the outlines loaded so far and the file names rows have taken."""

    plan: Path
    out_dir: Path
    style: str
    reference_doc: str | os.PathLike | None
    force: bool
    library: Library
    strict: bool
    fmt: str
    columns: dict[str, Columns | DrafterError] = field(default_factory=dict)
    taken: dict[str, int] = field(default_factory=dict)
    done: list[RowResult] = field(default_factory=list)      # rows finished, in plan order
    named: list[RowResult] = field(default_factory=list)     # rows given a file to write, in plan order

    def near(self, text: str) -> str:
        """A file named in the plan, relative to the plan's folder; ids and names as they are."""
        if text.endswith((".yaml", ".yml")) or "/" in text or os.sep in text:
            return str(self.plan.parent / text)
        return text

    def columns_of(self, name: str) -> Columns:
        if name not in self.columns:
            try:
                self.columns[name] = Columns(self.library.outline(self.near(name)))
            except DrafterError as exc:
                self.columns[name] = exc
        found = self.columns[name]
        if isinstance(found, DrafterError):
            raise found
        return found

    def take(self, name: str, line: int) -> None:
        """Claim a file name for a row; a name an earlier row took (case and form aside) is an error."""
        key = unicodedata.normalize("NFC", name).casefold()
        if key in self.taken:
            raise PlanRowError(f"输出文件 {name} 与第 {self.taken[key]} 行重名："
                               "在 output 列另给文件名")
        self.taken[key] = line

    def prepare(self, row: Row) -> tuple[RowResult, str | None, bytes | None]:
        """The part of a row that needs no other row: its speech, file name and bytes (or its error).
        Workers of a parallel run do this; ``_Commits`` then claims names in plan order in one process."""
        result = RowResult(row.line, f"{self.plan}:{row.line}", row.get("outline"))
        try:
            if row.error:
                raise PlanRowError(row.error)
            if not result.outline:
                raise PlanRowError("没有填提纲：填提纲 id（drafter outlines list）或提纲文件")
            for column, text in row.cells:
                if scrub(text)[1]:
                    result.warnings.append(f"列 '{escape(column)}'：{scrub(text)[1]}")
            columns = self.columns_of(result.outline)
            speech = new_skeleton(columns.outline, columns.values(row.cells), strict=self.strict,
                                  library=self.library)
            name = output_name(row.get("output"), speech, columns.outline, row.line, self.fmt)
            profile = self.library.profile(self.near(row.get("style")) or self.style)
            data = render(speech, format_for(name, None), profile, self.reference_doc)
        except Exception as exc:  # a row fails alone, whatever went wrong in it
            result.error = _message(exc)
            return result, None, None
        left = speech.placeholders()
        result.missing = [p.name for p in left if not is_text_key(p.name)]
        result.paragraphs = len(left) - len(result.missing)
        return result, name, data


def _message(exc: BaseException) -> str:
    """A row's failure as the text after ``plan.csv:LINE: ``."""
    if isinstance(exc, PlanRowError):
        return exc.message
    if isinstance(exc, DrafterError):
        return str(exc)
    return f"意外错误（请报告此问题）：{type(exc).__name__}: {exc}"


#: called after each row with (rows done, rows in the plan).
Progress = Callable[[int, int], None]


def run_plan(plan_path: str | os.PathLike, out_dir: str | os.PathLike, *, library: Library,
             style: str = "gbt9704", reference_doc: str | os.PathLike | None = None, force: bool = False,
             strict: bool = False, fmt: str | None = None, jobs: int | None = None,
             progress: Progress | None = None) -> list[RowResult]:
    """Make one skeleton per row of a plan in ``out_dir`` (created if missing).

    A problem with the plan as a whole (unreadable, empty, no ``outline`` column, a bad ``style``,
    ``reference_doc`` or ``fmt``) raises DrafterError; a problem with a row is in its RowResult.
    ``jobs`` processes make the rows (None or 0: one per core, for plans long enough); the files and
    results are the same for any number. ``progress`` is told after each row how many are done.
    """
    plan_path, out_dir = Path(plan_path), Path(out_dir)
    rows = read_plan(plan_path)
    fmt = format_for(out_dir, fmt) if fmt is not None else "docx"   # an unknown name is an error
    library.profile(style)
    if reference_doc is not None and not Path(reference_doc).is_file():
        raise ReadError("参考文档不存在", where=str(reference_doc))
    make_folder(out_dir)
    batch = _Batch(plan_path, out_dir, style, reference_doc, force, library, strict, fmt)
    try:
        return _run(batch, rows, jobs, progress)
    except KeyboardInterrupt:
        # a row counts as made when its file reached the disk (writes are atomic), as failed when it failed
        failed = [r for r in batch.done if not r.ok]
        made = [r for r in batch.named if r.ok and r.output is not None and r.output.is_file()]
        results = sorted(failed + made, key=lambda r: r.line)
        raise BatchInterrupted(results, len(rows) - len(results)) from None


def _run(batch: _Batch, rows: list[Row], jobs: int | None, progress: Progress | None) -> list[RowResult]:
    if not jobs:    # as many as cores, where there are rows enough to be worth a process each
        jobs = min(os.cpu_count() or 1, len(rows) // AUTO_ROWS_PER_JOB)
    jobs = min(jobs, len(rows))
    if jobs <= 1:
        from concurrent.futures import ThreadPoolExecutor

        # one writer thread: the next row is made while the last one is flushed to disk
        with ThreadPoolExecutor(1) as writer:
            commits = _Commits(batch, len(rows), progress, lambda *a: writer.submit(_write, *a), window=8)
            for row in rows:
                commits.add(*batch.prepare(row))
            return commits.finish()
    return _run_parallel(batch, rows, jobs, progress)


def _write(path: Path, data: bytes, force: bool) -> str | None:
    """Write one row's file through drafter.io; the failure as the row's message, or None."""
    try:
        write_bytes(path, data, force)
    except Exception as exc:
        return _message(exc)
    return None


class _Commits:
    """Rows committed in plan order: each file name claimed (an earlier row's name is an error), the
    file written by ``submit`` (on a writer thread), the row counted done when its
    file is. At most ``window`` writes are waited for at once, so memory stays flat in rows."""

    def __init__(self, batch: _Batch, total: int, progress: Progress | None, submit: Callable, window: int):
        from collections import deque

        self.batch, self.total, self.progress, self.submit, self.window = batch, total, progress, submit, window
        self.pending: deque = deque()
        self.results: list[RowResult] = batch.done

    def add(self, result: RowResult, name: str | None, data: bytes | None) -> None:
        future = None
        if result.error is None and name is not None and data is not None:
            try:
                self.batch.take(name, result.line)
                result.output = self.batch.out_dir / name
                self.batch.named.append(result)
                future = self.submit(result.output, data, self.batch.force)
            except Exception as exc:
                result.error = _message(exc)
        self.pending.append((result, future))
        self._drain(self.window)

    def _drain(self, keep: int) -> None:
        while len(self.pending) > keep:
            result, future = self.pending.popleft()
            if future is not None:
                error = future.result()         # _write reports every failure itself
                if error is not None:
                    result.error, result.missing, result.paragraphs = error, [], 0
            self.results.append(result)
            if self.progress is not None:
                self.progress(len(self.results), self.total)

    def finish(self) -> list[RowResult]:
        self._drain(0)
        return self.results


# -- rows in parallel processes ------------------------------------------------------------------
#
# Workers prepare rows (assemble, name, render: all the CPU work) in chunks; this process takes
# their results in plan order and commits them (file names claimed in order), so the files and
# results are those of one process; the files are then written through drafter.io by writer threads
# of this process (the bytes cross between processes once), so that their flushes to disk overlap.
# Forked workers start warm: this process prepares the first row before they are forked, so they
# share its outlines, compiled templates, phrase bank and .docx parts. At most a few chunks and
# writes per worker are in flight, so memory does not grow with the number of rows.

_WORKER: _Batch | None = None


def _start_worker(options: dict) -> None:
    global _WORKER
    library = Library(options.pop("roots"))
    _WORKER = _Batch(library=library, **options)


def _prepare_chunk(rows: list[Row]) -> list[tuple[RowResult, str | None, bytes | None]]:
    assert _WORKER is not None
    return [_WORKER.prepare(row) for row in rows]


def _context():
    import multiprocessing

    methods = multiprocessing.get_all_start_methods()
    return multiprocessing.get_context("fork" if "fork" in methods else None)


def _run_parallel(batch: _Batch, rows: list[Row], jobs: int, progress: Progress | None) -> list[RowResult]:
    from collections import deque

    global _WORKER
    options = {"plan": batch.plan, "out_dir": batch.out_dir, "style": batch.style,
               "reference_doc": batch.reference_doc, "force": batch.force, "strict": batch.strict,
               "fmt": batch.fmt, "roots": list(batch.library.roots)}
    context = _context()
    start: dict = {"initializer": _start_worker, "initargs": (options,)}
    first = []
    if context.get_start_method() == "fork":
        # forked workers share what this process loaded: the outlines and their compiled templates,
        # and (from the first row) the phrase bank, the style profile and the .docx parts
        for name in list(dict.fromkeys(r.get("outline") for r in rows if r.get("outline")))[:WARM_OUTLINES]:
            try:
                batch.columns_of(name)
            except DrafterError:
                pass                    # the row reports it
        first, rows = [batch.prepare(rows[0])], rows[1:]
        _WORKER, start = batch, {}
    size = max(1, min(8, len(rows) // (jobs * 4)))
    chunks = deque(rows[i:i + size] for i in range(0, len(rows), size))
    try:
        return _pool_run(batch, first, chunks, jobs, progress, context, start)
    finally:
        _WORKER = None


def _pool_run(batch: _Batch, first: list, chunks, jobs: int, progress: Progress | None, context,
              start: dict) -> list[RowResult]:
    from collections import deque
    from concurrent.futures import ProcessPoolExecutor, ThreadPoolExecutor
    from concurrent.futures.process import BrokenProcessPool

    total = len(first) + sum(len(chunk) for chunk in chunks)
    with ProcessPoolExecutor(jobs, mp_context=context, **start) as pool, ThreadPoolExecutor(jobs) as writers:
        commits = _Commits(batch, total, progress, lambda *a: writers.submit(_write, *a), window=jobs * 4)
        for item in first:
            commits.add(*item)
        pending: deque = deque()
        while chunks or pending:
            while chunks and len(pending) < jobs * 3:
                chunk = chunks.popleft()
                try:
                    pending.append((chunk, pool.submit(_prepare_chunk, chunk)))
                except BrokenProcessPool:
                    pending.append((chunk, None))
            chunk, future = pending.popleft()
            try:
                if future is None:
                    raise BrokenProcessPool
                prepared = future.result()
            except BrokenProcessPool:
                prepared = [(RowResult(row.line, f"{batch.plan}:{row.line}", row.get("outline"), error=WORKER_LOST),
                             None, None) for row in chunk]
            for item in prepared:
                commits.add(*item)
        return commits.finish()
