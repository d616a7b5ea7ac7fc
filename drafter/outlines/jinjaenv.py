"""The Jinja side of ``drafter.outlines.sandbox``: Jinja's immutable sandbox with drafter's budgets
(see that module), for the templates that are not plain. Imported only when one is rendered.
"""

from __future__ import annotations

import operator
import re
import os
from pathlib import Path
from collections.abc import Callable
from typing import Any

from jinja2 import FileSystemLoader, Undefined, meta
from jinja2.exceptions import SecurityError, TemplateError, TemplateNotFound, TemplateSyntaxError, UndefinedError
from jinja2.sandbox import ImmutableSandboxedEnvironment
from jinja2.utils import Namespace, missing

from drafter.errors import DrafterError, LimitError, OutlineError
from drafter.outlines.sandbox import (
    CLOSE, MAX_DIGITS, MAX_OUTPUT, MAX_TEXT, OPEN, Budget, _budget, _job, _spend,
)


class MissingValue(Undefined):
    """An undefined name: prints as a sentinel. Anything else undefined (a missing attribute, an
    attribute the sandbox refuses) fails as Jinja would."""

    __slots__ = ()

    def __str__(self) -> str:
        if (self._undefined_obj is not missing or self._undefined_exception is not UndefinedError
                or self._undefined_hint):
            self._fail_with_undefined_error()
        return f"{OPEN}{self._undefined_name}{CLOSE}"


def _check_size(value: Any) -> Any:
    """``value`` if it is within the size budget; LimitError otherwise."""
    if isinstance(value, (str, list, tuple, bytes)) and len(value) > MAX_TEXT:
        raise LimitError(f"模板生成的文字或列表太长：超过 {MAX_TEXT}")
    if isinstance(value, int) and not isinstance(value, bool) and value.bit_length() > MAX_DIGITS * 10 // 3:
        raise LimitError(f"模板生成的数字太大：超过 {MAX_DIGITS} 位")
    return value


def _length(value: Any) -> int | None:
    return len(value) if isinstance(value, (str, list, tuple, bytes)) else None


#: a printf or format width/precision of seven digits or more ('%0999999999d', '{:999999999}').
HUGE_WIDTH = re.compile(r"%[-#0 +]*(?:\d{7,}|\*)|%[-#0 +]*\d*\.\d{7,}|\{[^{}]*:[^{}]*\d{7,}[^{}]*\}")


def _check_format(text: Any) -> None:
    if isinstance(text, str) and HUGE_WIDTH.search(text):
        raise LimitError("模板的格式宽度或精度太大")


def _check_replace(text: Any, old: Any, new: Any, count: Any = -1) -> None:
    """Refuse ``text.replace(old, new)`` when its result would pass ``MAX_TEXT``."""
    if isinstance(text, str) and isinstance(old, str) and isinstance(new, str):
        n = text.count(old) if old else len(text) + 1
        if isinstance(count, int) and count >= 0:
            n = min(n, count)
        if len(text) + n * (len(new) - len(old)) > MAX_TEXT:
            raise LimitError(f"模板生成的文字或列表太长：超过 {MAX_TEXT}")


def _too_long() -> LimitError:
    return LimitError(f"模板生成的文字或列表太长：超过 {MAX_TEXT}")


def _check_join(sep: Any, items: Any) -> None:
    """Refuse ``sep.join(items)`` when its result would pass ``MAX_TEXT``."""
    if isinstance(sep, str) and isinstance(items, (list, tuple)):
        size = len(sep) * max(len(items) - 1, 0) + sum(len(x) for x in items if isinstance(x, str))
        if size > MAX_TEXT:
            raise _too_long()


#: filters whose work is slow per character (textwrap, regular expressions): inputs at most this long.
SLOW_FILTERS, SLOW_INPUT = {"do_wordwrap", "do_urlize", "do_striptags", "do_title"}, 100_000


def _check_filter(name: str, args: tuple, kwargs: dict) -> None:
    """Size checks for the filters whose result can be far larger than their input."""
    text = [a for a in args if isinstance(a, str)]
    if name == "do_format" and text:
        _check_format(text[0])
    elif name == "do_replace" and len(text) >= 3:
        _check_replace(*text[:3])
    elif name == "do_join":
        seqs = [a for a in args if isinstance(a, (list, tuple))]
        sep = kwargs.get("d", text[0] if text else "")
        if seqs:
            _check_join(sep, seqs[0])
    elif name == "do_indent" and text:
        width = kwargs.get("width", args[1] if len(args) > 1 else 4)
        width = len(width) if isinstance(width, str) else width if isinstance(width, int) else 4
        if len(text[0]) + (text[0].count("\n") + 1) * width > MAX_TEXT:
            raise _too_long()
    elif name in SLOW_FILTERS and text and len(text[0]) > SLOW_INPUT:
        raise LimitError(f"模板过滤器的输入太长：超过 {SLOW_INPUT} 字")


def _check_method(method: Any, args: tuple) -> None:
    """Size checks for the str methods whose result can be far larger than the string."""
    text, name = getattr(method, "__self__", None), getattr(method, "__name__", "")
    if not isinstance(text, str):
        return
    if name == "replace":
        _check_replace(text, *args[:3])
    elif name == "join" and args:
        _check_join(text, args[0] if isinstance(args[0], (list, tuple))
                    else list(args[0]) if isinstance(args[0], str) else None)
    elif name == "expandtabs":
        size = args[0] if args and isinstance(args[0], int) else 8
        if len(text) + text.count("\t") * max(size, 0) > MAX_TEXT:
            raise _too_long()


def _binop(op: str, left: Any, right: Any) -> Any:
    """``left op right`` for the intercepted operators, refused before it would grow too large."""
    if op == "*":
        for seq, n in ((left, right), (right, left)):
            if (length := _length(seq)) is not None and isinstance(n, int) and length * max(n, 0) > MAX_TEXT:
                raise LimitError(f"模板生成的文字或列表太长：超过 {MAX_TEXT}")
        return _check_size(operator.mul(left, right))
    if op == "**":
        if isinstance(left, int) and isinstance(right, int) and abs(left) > 1 and right > 0:
            if right * max(abs(left).bit_length() - 1, 1) > MAX_DIGITS * 10 // 3:
                raise LimitError(f"模板生成的数字太大：超过 {MAX_DIGITS} 位")
        if isinstance(left, float) or isinstance(right, float):
            try:
                return operator.pow(left, right)
            except OverflowError:
                raise LimitError("模板生成的数字太大") from None
        return _check_size(operator.pow(left, right))
    if op == "%":
        _check_format(left)
        return _check_size(operator.mod(left, right))
    if op == "+":
        if (_length(left) or 0) + (_length(right) or 0) > MAX_TEXT:
            raise LimitError(f"模板生成的文字或列表太长：超过 {MAX_TEXT}")
        return _check_size(operator.add(left, right))
    return _check_size(operator.floordiv(left, right) if op == "//" else operator.truediv(left, right))


def _safe_range(*args: int) -> Any:
    """``range`` whose items count against the render's step budget, at most ``MAX_TEXT`` long."""
    rng = range(*args)
    if len(rng) > MAX_TEXT:
        raise LimitError(f"range 太大：超过 {MAX_TEXT} 项")

    def counted():
        for i in rng:
            _spend(steps=1)
            yield i

    return counted()


def _bounded_filter(function: Callable[..., Any]) -> Callable[..., Any]:
    """A Jinja filter whose numeric arguments and result are within the size budget."""

    def run(*args: Any, **kwargs: Any) -> Any:
        for arg in (*args, *kwargs.values()):
            if isinstance(arg, int) and not isinstance(arg, bool) and abs(arg) > MAX_TEXT:
                raise LimitError(f"模板过滤器的参数太大：超过 {MAX_TEXT}")
        _check_filter(getattr(function, "__name__", ""), args, kwargs)
        _spend(calls=1)
        return _check_size(function(*args, **kwargs))

    for attr in ("jinja_pass_arg",):
        if hasattr(function, attr):
            setattr(run, attr, getattr(function, attr))
    run.__name__ = getattr(function, "__name__", "filter")
    return run


class BoundedNamespace(Namespace):
    """``namespace()`` whose attributes (the one place a loop can accumulate) stay within budget."""

    def __setitem__(self, name: str, value: Any) -> None:
        _spend(calls=1)
        super().__setitem__(name, _check_size(value))


class BoundedSandbox(ImmutableSandboxedEnvironment):
    """Jinja's immutable sandbox with drafter's budgets (see the module docstring)."""

    intercepted_binops = frozenset(["*", "**", "%", "+", "/", "//"])

    def __init__(self, **kwargs: Any):
        super().__init__(**kwargs)
        self.globals["range"] = _safe_range
        self.globals["namespace"] = BoundedNamespace
        self.globals.pop("lipsum", None)   # lorem ipsum is no use in a speech, and lipsum(10**6) runs for minutes
        self.filters = {name: _bounded_filter(f) for name, f in self.filters.items()}

    def call_binop(self, context: Any, operator: str, left: Any, right: Any) -> Any:
        return _binop(operator, left, right)

    def call(__self, __context: Any, __obj: Any, *args: Any, **kwargs: Any) -> Any:
        _spend(calls=1)
        for arg in (*args, *kwargs.values()):
            if isinstance(arg, int) and not isinstance(arg, bool) and abs(arg) > MAX_TEXT:
                raise LimitError(f"模板调用的参数太大：超过 {MAX_TEXT}")
            _check_size(arg)
        _check_method(__obj, args)
        return _check_size(super().call(__context, __obj, *args, **kwargs))

    def wrap_str_format(self, value: Any) -> Any:
        if (isinstance(getattr(value, "__self__", None), str)
                and getattr(value, "__name__", "") in ("format", "format_map")):
            _check_format(value.__self__)
        return super().wrap_str_format(value)


class LibraryLoader(FileSystemLoader):
    """A FileSystemLoader that reads only files whose real path lies inside one of its folders, so a
    symbolic link in ``templates/`` cannot lead ``{% include %}`` to any other file."""

    def get_source(self, environment: Any, template: str) -> Any:
        source, filename, uptodate = super().get_source(environment, template)
        real = os.path.realpath(filename)
        roots = [os.path.realpath(d) for d in self.searchpath]
        if not any(os.path.commonpath([real, root]) == root for root in roots):
            raise LimitError(f"模板 {template} 是指向资料库模板目录之外的链接"
                             f"（{real}）")
        return source, filename, uptodate


class JinjaTemplates:
    """A sandboxed Jinja environment over ``templates/`` folders, highest precedence first, whose
    template modules are ``modules``."""

    def __init__(self, dirs: list[Path], modules: list[str]):
        self.env = BoundedSandbox(loader=LibraryLoader([str(d) for d in dirs]), undefined=MissingValue,
                                  autoescape=False)
        self.modules = modules
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
                raise OutlineError(f"模板语法错误：{exc.message}", where=where) from None
        return self._names[source]

    def render(self, source: str, context: dict[str, Any], where: str) -> str:
        """Render a template string; any failure is a DrafterError at ``where``."""
        used = self._undeclared(source, where)
        token = _budget.set(Budget(parent=_job.get()))
        try:
            modules = {name: self._module(name) for name in used if name in self.modules}
            compiled = self._compiled.get(source)
            if compiled is None:
                compiled = self._compiled[source] = self.env.from_string(source)
            return self._bounded(compiled, {**modules, **context})
        except LimitError as exc:
            raise LimitError(exc.message, where=exc.where or where) from None
        except DrafterError:
            raise
        except RecursionError:
            raise LimitError("模板递归太深（宏调用了自身，或模板包含了自身？）", where=where) from None
        except MemoryError:
            raise LimitError("模板用尽内存", where=where) from None
        except SecurityError as exc:
            raise OutlineError(f"模板被沙箱拦截：{exc}", where=where) from None
        except TemplateSyntaxError as exc:
            place = f"{exc.filename}:{exc.lineno}" if exc.filename else where
            raise OutlineError(f"模板语法错误：{exc.message}", where=place) from None
        except TemplateNotFound as exc:
            raise OutlineError(f"找不到模板：{exc.name}", where=where) from None
        except TemplateError as exc:
            raise OutlineError(f"模板出错：{exc}", where=where) from None
        except (TypeError, ValueError, ArithmeticError, LookupError, AttributeError) as exc:
            raise OutlineError(f"模板运行出错：{type(exc).__name__}: {exc}", where=where) from None
        finally:
            _budget.reset(token)

    @staticmethod
    def _bounded(template: Any, context: dict[str, Any]) -> str:
        """The rendered text, stopped as soon as it passes ``MAX_OUTPUT`` characters."""
        out, size = [], 0
        for chunk in template.generate(context):
            size += len(chunk)
            if size > MAX_OUTPUT:
                raise LimitError(f"模板输出太长：超过 {MAX_OUTPUT} 字")
            out.append(chunk)
        return "".join(out)

    def _module(self, name: str) -> Any:
        if name not in self._loaded:
            self._loaded[name] = self.env.get_template(name + ".j2").module
        return self._loaded[name]
