"""The drafter command line: a thin Typer face over ``drafter.api`` (``drafter.cli.commands``); the
views beside it draw tables and trees.

``main`` runs a plain ``drafter new`` or ``drafter batch`` (``drafter.cli.quick``) without building
the Typer app, which is most of a skeleton's start-up; everything else — help, other commands, options it does not
know, mistakes — goes to the Typer app, so they behave as they always do. ``drafter.cli.app`` and
the other names of ``drafter.cli.commands`` are found here too.
"""

from __future__ import annotations

import sys
from typing import Any

#: set to show the traceback of an unexpected error instead of one line.
DEBUG_ENV = "DRAFTER_DEBUG"


def error_line(exc: BaseException) -> str:
    """An expected failure as the one line the user sees."""
    from drafter.errors import DrafterError

    if isinstance(exc, OSError) and not isinstance(exc, DrafterError):
        where = f"{exc.filename}: " if exc.filename else ""
        return f"drafter: 错误：{where}{exc.strerror or exc}"
    return f"drafter: 错误：{exc}"


_signal_received: list[int] = []


def _on_terminate(signum: int, frame: Any) -> None:
    """SIGTERM (or SIGHUP) as Ctrl-C: an exception, so every ``finally`` runs and removes temporary files."""
    _signal_received.append(signum)
    raise KeyboardInterrupt


def _interrupt_code() -> int:
    """128 + the signal that stopped drafter (130 for Ctrl-C, 143 for SIGTERM). Objects cut off
    mid-work (a half-saved zip inside python-docx) may complain when collected: drafter is stopping,
    so those complaints are not shown."""
    import signal

    sys.unraisablehook = lambda unraisable: None

    return 128 + (_signal_received[-1] if _signal_received else signal.SIGINT)


def _finish_stdout() -> None:
    """Flush standard output now; if it is closed or a broken pipe, point it at the null device so
    Python's own flush at exit prints nothing either."""
    try:
        if sys.stdout is not None:
            sys.stdout.flush()
    except (OSError, ValueError):
        from drafter.api import silence_stdout

        silence_stdout()


def main() -> None:
    """Console entry point: run the command, turning expected errors into one line and exit 1."""
    import signal

    for name in ("SIGTERM", "SIGHUP"):
        if hasattr(signal, name):
            signal.signal(getattr(signal, name), _on_terminate)
    from drafter.cli.quick import quick

    code = quick(sys.argv[1:])
    if code is None:
        from drafter.cli.commands import run_app

        code = run_app()
    _finish_stdout()
    sys.exit(code)


def __getattr__(name: str) -> Any:
    """A module of this package, or the Typer app and the rest of ``drafter.cli.commands``, imported
    when first asked for."""
    if name.startswith("__"):
        raise AttributeError(name)
    from importlib import import_module
    from importlib.util import find_spec

    if find_spec(f"{__name__}.{name}") is not None:
        return import_module(f"{__name__}.{name}")
    return getattr(import_module(f"{__name__}.commands"), name)
