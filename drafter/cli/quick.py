"""``drafter new`` and ``drafter batch``'s work, and a way to them that does not build the Typer app.

``make_new`` and ``make_batch`` are the commands' bodies, called by the Typer commands
(``drafter.cli.commands``) and by ``quick``. ``quick`` takes a command line that is plainly
``new OUTLINE -o FILE`` or ``batch PLAN -o DIR`` with options it knows, each written once as separate
words (``--set`` any number of times), and no prompt to ask; for anything else it returns None and
the Typer app runs instead, so help, unknown options and usage mistakes are told exactly as before.
Failures are reported by the Typer side's ``failure`` (imported only then).
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any
from collections.abc import Callable, Sequence

if TYPE_CHECKING:
    from drafter.model import Placeholder, Speech

#: per command: its argument, its options taking a value (→ the make_* argument and how the text is
#: taken), its flags; ``--set`` may be repeated, every other option is written once.
COMMANDS: dict[str, tuple[str, dict[str, tuple[str, Callable[[str], Any]]], dict[str, str]]] = {
    "new": ("outline", {"-o": ("output", str), "--output": ("output", str), "--set": ("sets", str),
                        "--style": ("style", str), "-s": ("style", str), "--format": ("fmt", str),
                        "-t": ("fmt", str), "--topic": ("topic", str)},
            {"--no-input": "no_input", "--force": "force", "-f": "force", "--strict": "strict"}),
    "batch": ("plan", {"-o": ("out_dir", Path), "--output": ("out_dir", Path), "--style": ("style", str),
                       "-s": ("style", str), "--format": ("fmt", str), "-t": ("fmt", str),
                       "--jobs": ("jobs", int), "-j": ("jobs", int), "--report": ("report", Path)},
              {"--quiet": "quiet", "-q": "quiet", "--force": "force", "-f": "force", "--strict": "strict"}),
}


def echo(text: str, err: bool = False) -> None:
    """A line on stdout or stderr, at once."""
    print(text, file=sys.stderr if err else sys.stdout, flush=True)


def make_new(outline: str, output: str, *, sets: Sequence[str] = (), answers: Path | None = None,
             ask: Callable[[dict], str | None] | None = None, strict: bool = False, sections: int | None = None,
             points: int | None = None, variant: Sequence[str] = (), topic: str | None = None,
             minutes: float | None = None, chars: int | None = None, fmt: str | None = None,
             style: str = "gbt9704", reference_doc: Path | None = None, force: bool = False,
             library: Sequence[Path] = ()) -> None:
    """Write the skeleton of ``outline`` to ``output`` and tell on stderr what is left to fill."""
    from drafter.api import gather_values, new_skeleton, write_speech
    from drafter.controls import escape, scrub
    from drafter.errors import DrafterError
    from drafter.io import check_target
    from drafter.library import Library

    if minutes is not None and chars is not None:
        raise DrafterError("--minutes 与 --chars 只能给一个")
    if (minutes is not None and minutes <= 0) or (chars is not None and chars <= 0):
        raise DrafterError("--minutes/--chars 应大于 0")
    if output != "-":
        check_target(output, force)
    for pair in sets:
        note = scrub(pair)[1]
        if note:
            echo(f"drafter: 警告：--set {escape(pair.partition('=')[0])}: {note}", err=True)
    lib = Library.resolve(library)
    chosen = lib.outline(outline)
    values = gather_values(answers, sets, ask, chosen.variables)
    speech = new_skeleton(chosen, values, sections=sections, points=points, strict=strict, library=lib,
                          variants=variant, topic=topic, minutes=minutes, chars=chars)
    written = write_speech(speech, output, fmt=fmt, style=style, reference_doc=reference_doc, force=force,
                           library=lib)
    lines = [f"已生成 {written}（提纲 {chosen.id} {chosen.name}）"] if written is not None else []
    if speech.target:
        lines.append(f"篇幅：约 {speech.target} 字，约 {speech.target / 220:.0f} 分钟"
                     f"（每分钟约 220 字；各部分的字数在批注里）")
    if not _tell_plainly(lines, speech):
        from rich.console import Console

        from drafter.cli.outline_view import todo

        console = Console(stderr=True)
        for line in lines:
            console.print(line)
        todo(speech, console)


def left_to_fill(speech: Speech) -> tuple[list[Placeholder], str | None]:
    """The values still to fill, and a line counting the free-text paragraphs to write (if any)."""
    from drafter.outlines.assemble import is_text_key

    left = speech.placeholders()
    values = [p for p in left if not is_text_key(p.name)]
    texts = [p.name for p in left if is_text_key(p.name)]
    if not texts:
        return values, None
    names = ", ".join(texts[:4]) + (" …" if len(texts) > 4 else "")
    return values, f"待写的段落：{len(texts)} 处（{names}），写作提示在批注里。"


def _tell_plainly(lines: list[str], speech: Speech) -> bool:
    """Print ``lines`` and what is left to fill as rich would, without rich, where that is plain text
    (``drafter.cli.plainview``); False where rich has to print them."""
    from drafter.cli import plainview

    size = plainview.width()
    if size is None:
        return False
    values, texts = left_to_fill(speech)
    parts = [plainview.lines(line, size) for line in lines]
    if values:
        rows = [[p.name, str(p), p.hint or ""] for p in values]
        parts.append(plainview.table(f"待填的值（{len(values)}）", ["键", "标签", "提示"], rows, size))
    else:
        parts.append(plainview.lines("所有的值都已填写。", size))
    if texts:
        parts.append(plainview.lines(texts, size))
    if any(part is None for part in parts):
        return False
    sys.stderr.write("".join(part or "" for part in parts))
    sys.stderr.flush()
    return True


def make_batch(plan: Path, out_dir: Path, *, fmt: str | None = None, style: str = "gbt9704",
               reference_doc: Path | None = None, force: bool = False, strict: bool = False,
               jobs: int | None = None, report: Path | None = None, quiet: bool = False,
               library: Sequence[Path] = ()) -> int:
    """Make one skeleton per row of ``plan`` in ``out_dir``, tell what failed (and, unless ``quiet``,
    show progress and a summary); the exit code."""
    from contextlib import nullcontext

    from drafter.api import run_plan
    from drafter.batch import BatchInterrupted
    from drafter.cli import _interrupt_code
    from drafter.cli.batch_view import interrupted, progress_bar, report_csv, summary, wants_progress
    from drafter.controls import escape
    from drafter.errors import DrafterError
    from drafter.io import check_target, write_bytes
    from drafter.library import Library

    if jobs is not None and jobs < 1:
        raise DrafterError("--jobs 应是正整数")
    if report is not None:
        check_target(report, force)          # before the work: a clear error without generating
    shown = progress_bar("批量生成") if wants_progress(quiet) else nullcontext(None)
    stopped = None
    try:
        with shown as progress:
            results = run_plan(plan, out_dir, style=style, reference_doc=reference_doc, force=force,
                               library=Library.resolve(library), strict=strict, fmt=fmt, jobs=jobs,
                               progress=progress)
    except BatchInterrupted as exc:
        results, stopped = exc.results, exc
    for result in results:
        for warning in result.warnings:
            echo(f"{escape(result.where)}: 警告：{warning}", err=True)
        if not result.ok:
            echo(escape(result.problem), err=True)
    if report is not None:
        write_bytes(report, report_csv(results), force)
    if stopped is not None:
        echo(f"drafter: {interrupted(results, stopped.left, out_dir)}", err=True)
        return _interrupt_code()
    if not quiet:
        echo(summary(results, out_dir, report))
    return 0 if all(r.ok for r in results) else 1


def parse(argv: list[str]) -> tuple[str, dict[str, Any]] | None:
    """The command and its make_* arguments for a plain command line, or None (see the module's docstring)."""
    if len(argv) < 2 or argv[0] not in COMMANDS:
        return None
    positional, options, flags = COMMANDS[argv[0]]
    found: dict[str, Any] = {"sets": []} if argv[0] == "new" else {}
    words = iter(argv[1:])
    for word in words:
        if not _plain_word(word):
            return None
        if word in flags:
            if flags[word] in found:
                return None
            found[flags[word]] = True
        elif word in options:
            value = next(words, None)
            name, kind = options[word]
            if value is None or not _plain_word(value) or (value.startswith("-") and value != "-"):
                return None
            if kind is int and not (value.isascii() and value.isdigit()):
                return None
            if name == "sets":
                found["sets"].append(value)
            elif name in found:
                return None
            else:
                found[name] = kind(value)
        elif word.startswith("-") or positional in found:
            return None
        else:
            found[positional] = word if argv[0] == "new" else Path(word)
    required = (positional, "output" if argv[0] == "new" else "out_dir")
    return (argv[0], found) if all(name in found for name in required) else None


def _plain_word(word: str) -> bool:
    """A word Typer would take as written: valid text, no ``--`` or ``--name=value`` form."""
    try:
        word.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return word != "--" and not (word.startswith("--") and "=" in word)


def quick(argv: list[str]) -> int | None:
    """Run a plain ``drafter new`` or ``drafter batch`` and give its exit code; None when the Typer
    app has to run it."""
    parsed = parse(argv)
    if parsed is None:
        return None
    command, found = parsed
    if command == "new" and not found.pop("no_input", False) and (sys.stdin is None or sys.stdin.isatty()):
        return None                              # a prompt is the Typer app's
    try:
        if command == "new":
            make_new(**found)
            return 0
        return make_batch(**found)
    except (Exception, KeyboardInterrupt) as exc:
        from drafter.cli.commands import failure

        return failure(exc)
