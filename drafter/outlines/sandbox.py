"""Jinja in a sandbox, where a value nobody gave becomes a Placeholder instead of empty text.

A missing name renders as a private-use sentinel (U+E000 name U+E001); ``split`` cuts the rendered
text at the sentinels into str and Placeholder parts, so placeholders are real model objects. The
macros of the library's ``templates/*.j2`` files are available under their file names
(``{{ openings.opinions(basis) }}``); a user's library overrides a built-in file of the same name.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any, Callable

from jinja2 import FileSystemLoader, Undefined, meta
from jinja2.exceptions import SecurityError, TemplateError, TemplateNotFound, TemplateSyntaxError, UndefinedError
from jinja2.sandbox import ImmutableSandboxedEnvironment
from jinja2.utils import missing

from drafter.errors import DrafterError, OutlineError
from drafter.model import Inlines, Placeholder

OPEN, CLOSE = "\ue000", "\ue001"
SENTINEL = re.compile(f"{OPEN}([^{CLOSE}]*){CLOSE}")


class MissingValue(Undefined):
    """An undefined name: prints as a sentinel. Anything else undefined (a missing attribute, an
    attribute the sandbox refuses) fails as Jinja would."""

    __slots__ = ()

    def __str__(self) -> str:
        if self._undefined_obj is not missing or self._undefined_exception is not UndefinedError or self._undefined_hint:
            self._fail_with_undefined_error()
        return f"{OPEN}{self._undefined_name}{CLOSE}"


def clean(value: str) -> str:
    """A value as text, without sentinel characters (so a value can never fake a placeholder)."""
    return value.replace(OPEN, "").replace(CLOSE, "")


def split(text: str, resolve: Callable[[str], Placeholder]) -> Inlines:
    """Rendered text as inline parts: the text between sentinels, and a Placeholder for each."""
    parts: Inlines = []
    for i, piece in enumerate(SENTINEL.split(text)):
        if i % 2:
            parts.append(resolve(piece))
        elif piece:
            parts.append(piece)
    return parts


class Templates:
    """A sandboxed Jinja environment over ``templates/`` folders, highest precedence first."""

    def __init__(self, dirs: list[Path]):
        self.env = ImmutableSandboxedEnvironment(loader=FileSystemLoader([str(d) for d in dirs]),
                                                 undefined=MissingValue, autoescape=False)
        self.modules = sorted({p.stem for d in dirs for p in d.glob("*.j2")})
        self._loaded: dict[str, Any] = {}
        self._names: dict[str, set[str]] = {}
        self._compiled: dict[str, Any] = {}      # template source -> compiled template, once per run

    def names(self, source: str, where: str) -> list[str]:
        """The names a template reads from its context (template modules excluded), in order of
        first appearance."""
        found = self._undeclared(source, where) - set(self.modules)
        return sorted(found, key=lambda name: (source.find(name), name))

    def _undeclared(self, source: str, where: str) -> set[str]:
        if source not in self._names:
            try:
                self._names[source] = meta.find_undeclared_variables(self.env.parse(source))
            except TemplateSyntaxError as exc:
                raise OutlineError(f"模板语法错误 template syntax error: {exc.message}", where=where) from None
        return self._names[source]

    def render(self, source: str, context: dict[str, Any], where: str) -> str:
        """Render a template string; any failure is a DrafterError at ``where``."""
        used = self._undeclared(source, where)
        try:
            modules = {name: self._module(name) for name in used if name in self.modules}
            compiled = self._compiled.get(source)
            if compiled is None:
                compiled = self._compiled[source] = self.env.from_string(source)
            return compiled.render({**modules, **context})
        except DrafterError:
            raise
        except SecurityError as exc:
            raise OutlineError(f"模板被沙箱拦截 blocked by the template sandbox: {exc}", where=where) from None
        except TemplateSyntaxError as exc:
            place = f"{exc.filename}:{exc.lineno}" if exc.filename else where
            raise OutlineError(f"模板语法错误 template syntax error: {exc.message}", where=place) from None
        except TemplateNotFound as exc:
            raise OutlineError(f"找不到模板 template not found: {exc.name}", where=where) from None
        except TemplateError as exc:
            raise OutlineError(f"模板出错 template error: {exc}", where=where) from None
        except (TypeError, ValueError, ArithmeticError, LookupError, AttributeError) as exc:
            raise OutlineError(f"模板运行出错 template failed: {type(exc).__name__}: {exc}", where=where) from None

    def _module(self, name: str) -> Any:
        if name not in self._loaded:
            self._loaded[name] = self.env.get_template(name + ".j2").module
        return self._loaded[name]
