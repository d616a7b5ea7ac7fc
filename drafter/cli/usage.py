"""A usage mistake (an unknown option, a missing argument, a value of the wrong kind) in one line of
Chinese on stderr: click says it in four lines of English. Messages this module does not know keep
click's wording after the Chinese label."""

from __future__ import annotations

import re
from typing import Any

import typer

#: the exceptions of the click Typer carries with it (its own copy), found from a public class of Typer
CLICK_ERROR: Any = next(c for c in typer.BadParameter.__mro__ if c.__name__ == "ClickException")


def _table(rows: list[tuple[str, str]]) -> list[tuple[re.Pattern, str]]:
    return [(re.compile(pattern), chinese) for pattern, chinese in rows]


#: click's messages, matched whole, and what is said for them (a value's message inside by VALUES)
MESSAGES = _table([
    (r"Missing argument (.+?)\.?$", "缺少参数 {0}"),
    (r"Missing option (.+?)\.?$", "缺少选项 {0}"),
    (r"No such option: (\S+?) \(Possible options: (.+)\)$", "没有选项 {0}（是不是 {1}？）"),
    (r"No such option: (\S+?)$", "没有选项 {0}"),
    (r"No such command (.+?)\.?$", "没有命令 {0}"),
    (r"Got unexpected extra arguments? \((.+)\)$", "多余的参数：{0}"),
    (r"Option (.+?) requires an argument\.?$", "选项 {0} 需要一个值"),
    (r"(?s)Invalid value for (.+?): (.+)$", "{0} 的值无效：{1}"),
])
VALUES = _table([
    (r"'(.*?)' is not a valid integer( range)?\.?$", "“{0}”不是整数"),
    (r"'(.*?)' is not a valid float( range)?\.?$", "“{0}”不是数"),
    (r"Input should be greater than or equal to (\S+?)\.?$", "应不小于 {0}"),
    (r"Input should be less than or equal to (\S+?)\.?$", "应不大于 {0}"),
    (r"(.+?) is not in the range (.+?)\.?$", "{0} 不在 {1} 之内"),
    (r"'(.*?)' is not one of (.+?)\.?$", "“{0}”不是可选的值（{1}）"),
    (r"(?:File|Path|Directory) '(.*?)' does not exist\.?$", "{0} 不存在"),
])
#: what click quotes and lists: '-o' / '--output', 'a', 'b'
QUOTED = re.compile(r"'([^']*)'")


def _say(message: str, table: list[tuple[re.Pattern, str]]) -> str:
    for pattern, chinese in table:
        m = pattern.match(message)
        if m:
            return chinese.format(*(_plain(_say(g, VALUES)) if g else "" for g in m.groups()))
    return message


def _plain(text: str) -> str:
    """Names and values as they are typed: without click's quotes, a list joined by 、."""
    if "“" in text:                      # a translated value: its own quotes
        return text
    return QUOTED.sub(r"\1", text).replace(", ", "、").replace(" / ", "、")


def usage_line(error: Any) -> str:
    """The one line for a usage mistake of click's, with the command's help to turn to."""
    message = " ".join(error.format_message().split())
    ctx = getattr(error, "ctx", None)
    where = f"（{ctx.command_path} -h 查看用法）" if ctx is not None else ""
    label = "用法错误" if error.exit_code == 2 else "错误"      # click's few other errors (a file) exit 1
    return f"drafter: {label}：{_say(message, MESSAGES)}{where}"
