"""Values for a skeleton: from an answers file and ``--set key=value`` options, as flat keys.

An answers file (as with copier or cookiecutter) is YAML; nesting becomes dotted keys and list
items count from 1, so these say the same thing::

    sections:                                  --set sections.2.points.1.action=筑牢思想根基
      - {focus: 政治建设}
      - points:
          - {action: 筑牢思想根基, quality: 信念}

``--set`` wins over the answers file; an empty value counts as not given.
"""

from __future__ import annotations

import datetime
import os
from typing import Any
from collections.abc import Iterable

from drafter.errors import DrafterError
from drafter.outlines.sandbox import clean


def flatten(data: Any, prefix: str = "", where: str = "") -> dict[str, str]:
    """Nested answers as flat dotted keys (lists count from 1); None and "" are left out."""
    if isinstance(data, dict):
        out: dict[str, str] = {}
        for key, value in data.items():
            out.update(flatten(value, f"{prefix}{key}.", where))
        return out
    if isinstance(data, list):
        out = {}
        for i, value in enumerate(data, start=1):
            out.update(flatten(value, f"{prefix}{i}.", where))
        return out
    key = prefix.rstrip(".")
    if data is None or data == "":
        return {}
    if isinstance(data, (str, int, float, datetime.date)):
        text = f"{data.year}年{data.month}月{data.day}日" if isinstance(data, datetime.date) else str(data)
        return {key: clean(text)}
    raise DrafterError(f"'{key}' 的值应是文字，不能是 {type(data).__name__}", where=where or None)


def load_answers(path: str | os.PathLike) -> dict[str, str]:
    """The values in an answers file (a YAML mapping)."""
    from drafter.yamlfile import read_yaml

    doc = read_yaml(path)
    if doc.data is None:
        return {}
    if not isinstance(doc.data, dict):
        raise DrafterError("答案文件应是“名称: 值”的映射",
                           where=doc.where())
    return flatten(doc.data, where=str(path))


def parse_sets(pairs: Iterable[str]) -> dict[str, str]:
    """``key=value`` options as a mapping (``key=`` maps to ""); a later option for a key wins."""
    out: dict[str, str] = {}
    for pair in pairs:
        key, sep, value = pair.partition("=")
        key = key.strip()
        if not sep or not key:
            raise DrafterError(f"--set 应写成 名称=值，而不是 '{pair}'")
        out[key] = clean(value)
    return out


def gather(answers: str | os.PathLike | None, sets: Iterable[str]) -> dict[str, str]:
    """Values from an answers file, overridden by ``--set`` options (``--set key=`` unsets one)."""
    values = load_answers(answers) if answers else {}
    for key, value in parse_sets(sets).items():
        if value:
            values[key] = value
        else:
            values.pop(key, None)
    return values


def parse_variants(specs: Iterable[str]) -> tuple[int | None, dict[str, str]]:
    """``--variant`` options: ``N`` (every part takes its N-th heading frame, or its last when it has
    fewer) and ``sections.2=N`` / ``sections.2.points.1=N`` (that part's N-th), as the default number
    and values keyed ``sections.2.variant``."""
    default: int | None = None
    keyed: dict[str, str] = {}
    for spec in specs:
        key, sep, number = spec.partition("=")
        if not sep:
            key, number = "", key
        number = number.strip()
        if not number.isdigit() or int(number) < 1:
            raise DrafterError(f"--variant 应写成 N 或 sections.2=N（N 从 1 起），而不是 '{spec}'")
        if key.strip():
            keyed[key.strip().removesuffix(".variant") + ".variant"] = number
        else:
            default = int(number)
    return default, keyed
