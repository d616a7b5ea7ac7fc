"""Jinja in a sandbox, where a value nobody gave becomes a Placeholder instead of empty text.

A missing name renders as a private-use sentinel (U+E000 name U+E001); ``split`` cuts the rendered
text at the sentinels into str and Placeholder parts, so placeholders are real model objects. The
macros of the library's ``templates/*.j2`` files are available under their file names
(``{{ openings.opinions(basis) }}``); a user's library overrides a built-in file of the same name.

Templates may come from anyone, so besides Jinja's sandbox (no attribute or method that reaches
Python internals) every render has a budget, and going past it is one OutlineError:

- text and lists made by ``*``, ``+``, ``%``, ``**`` and filters hold at most ``MAX_TEXT`` items, and
  numbers at most ``MAX_DIGITS`` digits (the operators are intercepted, so none is folded at compile time);
- ``range`` gives at most ``MAX_STEPS`` items in all during one render, and every call (macros
  included) counts against ``MAX_CALLS`` and a wall-clock budget of ``MAX_SECONDS``;
- the rendered text is at most ``MAX_OUTPUT`` characters; a macro that calls itself for ever or a
  template that includes itself is caught;
- ``{% include %}`` and ``{% import %}`` read only files whose real path (links resolved) lies in a
  ``templates/`` folder of the library.

Most templates are plain: text with ``{{ name }}`` and ``{{ module.macro(name, …) }}`` of macros whose
body is text with their parameters. Those are rendered here, to the text Jinja gives, without Jinja;
the Jinja environment (``drafter.outlines.jinjaenv``) is made for the first template that is not.
"""

from __future__ import annotations

import contextlib
import contextvars
import os
import re
import time
from pathlib import Path
from collections.abc import Callable, Iterator
from typing import TYPE_CHECKING, Any

from drafter.errors import LimitError
from drafter.model import Inlines, Placeholder

if TYPE_CHECKING:
    from drafter.outlines.jinjaenv import JinjaTemplates

OPEN, CLOSE = "\ue000", "\ue001"
SENTINEL = re.compile(f"{OPEN}([^{CLOSE}]*){CLOSE}")


def clean(value: str) -> str:
    """A value as text, without sentinel characters (so a value can never fake a placeholder) and
    without control characters a .docx cannot hold (``drafter.controls``)."""
    from drafter.controls import clean_controls

    return clean_controls(value.replace(OPEN, "").replace(CLOSE, ""))


def split(text: str, resolve: Callable[[str], Placeholder]) -> Inlines:
    """Rendered text as inline parts: the text between sentinels, and a Placeholder for each."""
    parts: Inlines = []
    for i, piece in enumerate(SENTINEL.split(text)):
        if i % 2:
            parts.append(resolve(piece))
        elif piece:
            parts.append(piece)
    return parts


MAX_TEXT = 1_000_000        # characters of one string, items of one list
MAX_DIGITS = 1_000         # digits of one number
MAX_OUTPUT = 1_000_000     # characters one render writes
MAX_STEPS = 1_000_000      # items all ranges of one render give
MAX_CALLS = 100_000        # calls (macros, methods, functions) in one render
MAX_SECONDS = 5.0          # wall-clock time of one render
#: the same budgets for one job of many renders (a skeleton, a batch row, an outline check): 500
#: items of an outline, each just under the budget of one render, still stop within seconds.
JOB_STEPS, JOB_CALLS, JOB_SECONDS = 2_000_000, 500_000, 15.0


class Budget:
    """What one render (or one job of renders) may still spend; refusals are LimitErrors (``where``
    is added by render). A render's budget also spends its job's, if a job is running."""

    def __init__(self, steps: int = MAX_STEPS, calls: int = MAX_CALLS, seconds: float = MAX_SECONDS,
                 parent: Budget | None = None) -> None:
        self.max_steps, self.max_calls, self.seconds = steps, calls, seconds
        self.deadline = time.monotonic() + seconds
        self.steps = 0
        self.calls = 0
        self.parent = parent

    def tick(self, steps: int = 0, calls: int = 0) -> None:
        self.steps += steps
        self.calls += calls
        if self.steps > self.max_steps:
            raise LimitError(f"模板循环太多：超过 {self.max_steps} 步")
        if self.calls > self.max_calls:
            raise LimitError(f"模板调用太多：超过 {self.max_calls} 次")
        if (self.steps | self.calls) & 0x3FF == 0 or steps > 1 or calls == 0:
            if time.monotonic() > self.deadline:
                raise LimitError(f"模板运行超时：超过 {self.seconds:g} 秒")
        if self.parent is not None:
            self.parent.tick(steps, calls)


_job: contextvars.ContextVar[Budget | None] = contextvars.ContextVar("drafter_template_job", default=None)


@contextlib.contextmanager
def template_job() -> Iterator[None]:
    """One job of many renders (a skeleton, a batch row, a check) within ``JOB_*`` budgets in all."""
    token = _job.set(Budget(JOB_STEPS, JOB_CALLS, JOB_SECONDS))
    try:
        yield
    finally:
        _job.reset(token)


_budget: contextvars.ContextVar[Budget | None] = contextvars.ContextVar("drafter_template_budget", default=None)


def _spend(steps: int = 0, calls: int = 0) -> None:
    budget = _budget.get()
    if budget is not None:
        budget.tick(steps, calls)


# -- plain templates, rendered without Jinja

_NAME = r"[A-Za-z][A-Za-z0-9_]*"
_ARGS = rf" *{_NAME} *(?:, *{_NAME} *)*"
#: ``{{ name }}`` or ``{{ module.macro(name, …) }}``
_EXPR = re.compile(rf"\{{\{{ *({_NAME})(?:\.({_NAME})\(({_ARGS})?\))? *\}}\}}")
#: a comment, or a macro whose parameters are plain names, in a template module
_MODULE_PART = re.compile(rf"\{{#.*?#\}}|\{{% macro ({_NAME})\(({_ARGS})?\) %\}}(.*?)\{{% endmacro %\}}", re.S)
#: names Jinja reads as something other than a value of the context
_SPECIAL = frozenset({"true", "false", "none", "True", "False", "None", "and", "or", "not", "in", "is", "if",
                      "else", "loop", "caller", "varargs", "kwargs", "self", "super", "range", "dict", "lipsum",
                      "cycler", "joiner", "namespace"})

#: a plain template's parts: text, and for each ``{{ … }}`` (name, None, ()) or (module, macro, (name, …))
Part = str | tuple[str, str | None, tuple[str, ...]]
Macro = tuple[tuple[str, ...], list[Part]]


def _literal(text: str) -> bool:
    """Whether Jinja reads this text, between two tags, as text."""
    return not any(tag in text for tag in ("{{", "{%", "{#")) and not text.endswith("{")


def _plain(source: str, one_line: bool = True) -> list[Part] | None:
    """The parts of a plain template: text (on one line, unless ``one_line`` is false), ``{{ name }}``
    and ``{{ module.macro(name, …) }}``; None when Jinja has to read it."""
    if "\r" in source or (one_line and "\n" in source):
        return None
    parts: list[Part] = []
    at = 0
    for m in _EXPR.finditer(source):
        text = source[at:m.start()]
        args = tuple(a.strip() for a in m.group(3).split(",")) if m.group(3) else ()
        if not _literal(text) or any(n in _SPECIAL for n in (m.group(1), m.group(2), *args)):
            return None
        if text:
            parts.append(text)
        parts.append((m.group(1), m.group(2), args))
        at = m.end()
    if not _literal(source[at:]):
        return None
    if source[at:]:
        parts.append(source[at:])
    return parts


def _macros(source: str) -> dict[str, Macro] | None:
    """The macros of a plain template module — comments, and macros whose body is text with
    ``{{ parameter }}`` — or None when Jinja has to read it."""
    if "\r" in source:
        return None
    found: dict[str, Macro] = {}
    at = 0
    for m in _MODULE_PART.finditer(source):
        if not _literal(source[at:m.start()]):
            return None
        at = m.end()
        if m.group(1) is None:                  # a comment
            continue
        params = tuple(a.strip() for a in m.group(2).split(",")) if m.group(2) else ()
        body = _plain(m.group(3), one_line=False)
        if (body is None or m.group(1).startswith("_") or len(set(params)) < len(params)
                or any(n in _SPECIAL for n in (m.group(1), *params))
                or any(isinstance(p, tuple) and (p[1] is not None or p[0] not in params) for p in body)):
            return None
        found[m.group(1)] = (params, body)
    return found if _literal(source[at:]) else None


class _NotPlain(Exception):
    """This render needs Jinja after all (a value that is not text, a module that is not plain …)."""


class Templates:
    """The templates of ``templates/`` folders (highest precedence first) and the outline strings
    that call them: plain ones rendered here, the others by a sandboxed Jinja environment."""

    def __init__(self, dirs: list[Path]):
        self.dirs = dirs
        self.modules = sorted({p.stem for d in dirs for p in d.glob("*.j2")})
        self._jinja: JinjaTemplates | None = None
        self._plain: dict[str, list[Part] | None] = {}      # template source -> its parts, or None
        self._macros: dict[str, dict[str, Macro] | None] = {}

    @property
    def jinja(self) -> JinjaTemplates:
        """The Jinja environment, made when a template first needs it."""
        if self._jinja is None:
            from drafter.outlines.jinjaenv import JinjaTemplates

            self._jinja = JinjaTemplates(self.dirs, self.modules)
        return self._jinja

    def _parts(self, source: str) -> list[Part] | None:
        if source not in self._plain:
            self._plain[source] = _plain(source)
        return self._plain[source]

    def names(self, source: str, where: str) -> list[str]:
        """The names a template reads from its context (template modules excluded), in order of
        first appearance."""
        parts = self._parts(source)
        if parts is None:
            return self.jinja.names(source, where)
        found = {n for p in parts if isinstance(p, tuple) for n in (p[0], *p[2])} - set(self.modules)
        return sorted(found, key=lambda name: (source.find(name), name))

    def render(self, source: str, context: dict[str, Any], where: str) -> str:
        """Render a template string; any failure is a DrafterError at ``where``."""
        parts = self._parts(source)
        if parts is not None:
            token = _budget.set(Budget(parent=_job.get()))
            try:
                return self._render_plain(parts, context)
            except _NotPlain:
                pass
            except LimitError as exc:
                raise LimitError(exc.message, where=exc.where or where) from None
            finally:
                _budget.reset(token)
        return self.jinja.render(source, context, where)

    def _render_plain(self, parts: list[Part], context: dict[str, Any]) -> str:
        """A plain template's text, as Jinja would render it; _NotPlain where Jinja has to."""
        for part in parts:                         # Jinja loads every module a template names
            if isinstance(part, tuple):
                if any(n in self.modules and self._module(n) is None for n in (part[0], *part[2])):
                    raise _NotPlain
        out = []
        for part in parts:
            if isinstance(part, str):
                out.append(part)
            elif part[1] is None:
                out.append(self._value(part[0], context))
            else:
                module, macro, args = part
                macros = self._module(module) if module not in context else None
                if macros is None or macro not in macros or len(macros[macro][0]) != len(args):
                    raise _NotPlain
                _spend(calls=1)
                params, body = macros[macro]
                given = {param: self._value(arg, context) for param, arg in zip(params, args, strict=True)}
                out.append("".join(p if isinstance(p, str) else given[p[0]] for p in body))
        text = "".join(out)
        if len(text) > MAX_OUTPUT:
            raise _NotPlain                       # Jinja says how it is too long
        return text

    def _value(self, name: str, context: dict[str, Any]) -> str:
        """A name's text: its value, or the sentinel of a value nobody gave."""
        if name in context:
            value = context[name]
            if type(value) is not str or len(value) > MAX_TEXT:
                raise _NotPlain
            return value
        if name in self.modules:
            raise _NotPlain
        return f"{OPEN}{name}{CLOSE}"

    def _module(self, name: str) -> dict[str, Macro] | None:
        """The macros of a plain template module, read as Jinja's loader would find it; None if it is not."""
        if name not in self._macros:
            self._macros[name] = None
            roots = [os.path.realpath(d) for d in self.dirs]
            for folder in self.dirs:
                path = os.path.join(folder, name + ".j2")
                if os.path.isfile(path):
                    real = os.path.realpath(path)
                    if any(os.path.commonpath([real, root]) == root for root in roots):
                        try:
                            self._macros[name] = _macros(Path(path).read_text(encoding="utf-8"))
                        except (OSError, UnicodeDecodeError):
                            pass
                    break
        return self._macros[name]
