"""``drafter new``'s work, and a way to it that does not build the Typer app.

``make_new`` is the command's body, called by the Typer command (``drafter.cli.commands.new``) and
by ``quick_new``. ``quick_new`` takes a command line that is plainly ``new OUTLINE -o FILE`` with
options it knows, each written once as separate words (``--set`` any number of times), and no
prompt to ask; for anything else it returns None and the Typer app runs instead, so help, unknown
options and usage mistakes are told exactly as before. Failures are reported by the Typer side's
``failure`` (imported only then).
"""

from __future__ import annotations

import sys
from pathlib import Path
from collections.abc import Callable, Sequence

#: options taking a value → the make_new argument (``--set`` may be repeated)
VALUE_OPTIONS = {"-o": "output", "--output": "output", "--set": "sets", "--style": "style", "-s": "style",
                 "--format": "fmt", "-t": "fmt", "--topic": "topic"}
FLAGS = {"--no-input": "no_input", "--force": "force", "-f": "force", "--strict": "strict"}


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
            print(f"drafter: 警告：--set {escape(pair.partition('=')[0])}: {note}", file=sys.stderr, flush=True)
    lib = Library.resolve(library)
    chosen = lib.outline(outline)
    values = gather_values(answers, sets, ask, chosen.variables)
    speech = new_skeleton(chosen, values, sections=sections, points=points, strict=strict, library=lib,
                          variants=variant, topic=topic, minutes=minutes, chars=chars)
    written = write_speech(speech, output, fmt=fmt, style=style, reference_doc=reference_doc, force=force,
                           library=lib)
    from rich.console import Console

    from drafter.cli.outline_view import todo

    console = Console(stderr=True)
    if written is not None:
        console.print(f"已生成 {written}（提纲 {chosen.id} {chosen.name}）")
    if speech.target:
        console.print(f"篇幅：约 {speech.target} 字，约 {speech.target / 220:.0f} 分钟"
                      f"（每分钟约 220 字；各部分的字数在批注里）")
    todo(speech, console)


def parse_new(argv: list[str]) -> dict | None:
    """``make_new``'s arguments for a plain ``new`` command line, or None (see the module's docstring)."""
    if len(argv) < 2 or argv[0] != "new":
        return None
    found: dict = {"sets": []}
    words = iter(argv[1:])
    for word in words:
        if not _plain_word(word):
            return None
        if word in FLAGS:
            if FLAGS[word] in found:
                return None
            found[FLAGS[word]] = True
        elif word in VALUE_OPTIONS:
            value = next(words, None)
            name = VALUE_OPTIONS[word]
            if value is None or not _plain_word(value) or (value.startswith("-") and value != "-"):
                return None
            if name == "sets":
                found["sets"].append(value)
            elif name in found:
                return None
            else:
                found[name] = value
        elif word.startswith("-") or "outline" in found:
            return None
        else:
            found["outline"] = word
    if "outline" not in found or "output" not in found:
        return None
    return found


def _plain_word(word: str) -> bool:
    """A word Typer would take as written: valid text, no ``--`` or ``--name=value`` form."""
    try:
        word.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return word != "--" and not (word.startswith("--") and "=" in word)


def quick_new(argv: list[str]) -> int | None:
    """Run a plain ``drafter new`` and give its exit code; None when the Typer app has to run it."""
    found = parse_new(argv)
    if found is None or (not found.pop("no_input", False) and (sys.stdin is None or sys.stdin.isatty())):
        return None                              # the command line, or a prompt, is the Typer app's
    try:
        make_new(**found)
    except (Exception, KeyboardInterrupt) as exc:
        from drafter.cli.commands import failure

        return failure(exc)
    return 0
