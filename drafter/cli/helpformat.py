"""Help text that fits the terminal: click wraps by characters, so a line of Chinese (two cells a
character) ran up to twice the width. Here lines are wrapped by cells (see ``drafter.cli.cells``:
between any two Chinese characters or at a space, never before a closing mark) — and the help option
speaks Chinese.
"""

from __future__ import annotations

import re
from typing import Any

from typer.core import TyperCommand, TyperGroup

from drafter.cli.cells import CLOSING, TOKEN, text_width as cells

#: Typer's own click (it carries one of its own): its context and formatter are the ones to extend
_Context: Any = TyperCommand.context_class
_Formatter: Any = _Context.formatter_class

HELP = "显示帮助并退出"
#: typer's notes after an option's help, said in Chinese; its type labels (<list[Path]>) left out of a
#: term, which names what to give in Chinese (``metavar``)
NOTES = ((re.compile(r"\[required\]"), "[必填]"), (re.compile(r"\[default: ([^\]]*)\]"), r"[默认：\1]"),
         (re.compile(r"\[x>=(\d+)\]"), r"[至少 \1]"))
TYPE_LABEL = re.compile(r"\s<[^<>]*>$")


def wrap(text: str, width: int, first: str = "", rest: str = "") -> list[str]:
    """The lines of one paragraph, none wider than ``width`` cells, the first after ``first``, the
    others after ``rest``."""
    lines: list[list[str]] = [[first]]
    used = cells(first)
    space = False
    for token in TOKEN.findall(text.strip()):
        if token.isspace():
            space = True
            continue
        gap = " " if space and len(lines[-1]) > 1 else ""
        size = cells(gap + token)
        if used + size > width and len(lines[-1]) > 1:
            carry: list[str] = []          # a closing mark takes down the word it closes (and marks between)
            if token in CLOSING:
                while len(lines[-1]) > 2 and lines[-1][-1] in CLOSING:
                    carry.insert(0, lines[-1].pop())
                if len(lines[-1]) > 2:
                    carry.insert(0, lines[-1].pop().lstrip())
            lines.append([rest, *carry])
            gap, size = "", cells(token)
            used = cells(rest) + sum(map(cells, carry))
        lines[-1].append(gap + token)
        used += size
        space = False
    return ["".join(line).rstrip() for line in lines]


class Formatter(_Formatter):
    """click's help formatter, wrapping by cells (see the module's docstring)."""

    def write_text(self, text: str) -> None:
        indent = " " * self.current_indent
        for k, paragraph in enumerate(re.split(r"\n\s*\n", text.strip())):
            if k:
                self.write("\n")
            self.write("\n".join(wrap(" ".join(paragraph.split("\n")), self.width, indent, indent)) + "\n")

    def write_dl(self, rows: Any, col_max: int = 30, col_spacing: int = 2) -> None:
        rows = [(TYPE_LABEL.sub("", term), _notes(text)) for term, text in rows]
        first_col = min(max((cells(a) for a, _ in rows), default=0), col_max) + col_spacing
        left = self.current_indent + first_col
        for term, text in rows:
            head = " " * self.current_indent + term
            if not text:
                self.write(head + "\n")
                continue
            if cells(term) > first_col - col_spacing:
                self.write(head + "\n")
                head = ""
            lines = wrap(text, max(self.width, left + 10), head + " " * (left - cells(head)), " " * left)
            self.write("\n".join(lines) + "\n")


def _notes(text: str) -> str:
    for pattern, chinese in NOTES:
        text = pattern.sub(chinese, text)
    return text


class Context(_Context):
    formatter_class = Formatter


class _Help:
    """A command whose help option is described in Chinese (its context wraps help by cells)."""

    def get_help_option(self, ctx: Any) -> Any:
        option = super().get_help_option(ctx)  # type: ignore[misc]
        if option is not None:
            option.help = HELP
        return option


class Command(_Help, TyperCommand):
    context_class = Context


class Group(_Help, TyperGroup):
    context_class = Context
