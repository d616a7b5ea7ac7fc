"""What rich prints for ``drafter new``'s closing lines and table when it prints plain text, without
importing rich's console (a good part of a skeleton's start-up).

Off a terminal rich prints no colours, so its output is text laid out by rules this module repeats
for the one kind of table drafter draws (rich's default table: heavy head, a space of padding each
side, columns shrunk from the widest to fit, cells wrapped at spaces and cut with “…”) and for lines
(wrapped at spaces, a word longer than a line folded). rich's own cell widths and line division are
used (``rich.cells`` and ``rich._wrap``, small modules). Only text rich prints as it is written is
taken — no ``[`` or ``:`` (markup, emoji codes), no control characters or line breaks — and only off
a terminal with rich's plain settings; otherwise these functions give None and rich prints.
``tests/cli/test_plainview.py`` checks the text against rich's.
"""

from __future__ import annotations

import builtins
import os
import re
import sys

#: text rich would print as it is written: no markup or emoji codes, no control characters
PLAIN = re.compile(r"[^\[\]:\\\x00-\x1f\x7f-\x9f\u2028\u2029]*")


def width() -> int | None:
    """The width rich's console on stderr would have, when it prints plain text there; else None."""
    env = os.environ
    if (os.name == "nt" or env.get("TTY_COMPATIBLE", "") not in ("", "0") or env.get("FORCE_COLOR")
            or hasattr(builtins, "get_ipython") or "idlelib" in sys.modules or sys.stderr is None):
        return None
    try:
        if sys.stderr.isatty() or not (sys.stderr.encoding or "").lower().replace("-", "").startswith("utf"):
            return None
    except (AttributeError, ValueError):
        return None
    columns = env.get("COLUMNS")
    if columns is not None and columns.isdigit():
        return int(columns) if int(columns) > 0 else None
    found = 0
    for fd in (0, 1, 2):
        try:
            found = os.get_terminal_size(fd).columns
        except (AttributeError, ValueError, OSError):
            continue
        break
    return found or 80


def _plain(text: str) -> bool:
    return PLAIN.fullmatch(text) is not None


def _wrap(text: str, size: int, overflow: str) -> list[str]:
    """rich's ``Text.wrap`` of one line of text (no justification): divided at spaces, cut to ``size``."""
    from rich._wrap import divide_line
    from rich.cells import cell_len, set_cell_size

    offsets = divide_line(text, size, fold=overflow == "fold")
    lines = [text[a:b] for a, b in zip([0, *offsets], [*offsets, len(text)], strict=True)]
    out = []
    for line in lines:
        if len(line) > size:                    # rstrip_end: trailing spaces past the width, by characters
            spaces = len(line) - len(line.rstrip())
            line = line[:len(line) - min(spaces, len(line) - size)]
        if cell_len(line) > size:
            line = set_cell_size(line, size - 1) + "…" if overflow == "ellipsis" else set_cell_size(line, size)
        out.append(line)
    return out


def lines(text: str, size: int) -> str | None:
    """``console.print(text)``: the text wrapped to the console width; None unless it is plain."""
    if not _plain(text):
        return None
    return "".join(line + "\n" for line in _wrap(text, size, "fold"))


def table(title: str, headers: list[str], rows: list[list[str]], size: int) -> str | None:
    """``console.print(table)`` for rich's default table of these headers and rows under a title;
    None unless every cell is plain."""
    from rich.cells import cell_len, set_cell_size

    cells = [headers, *rows]
    if not all(_plain(c) for row in cells for c in row) or not _plain(title):
        return None
    room = size - (len(headers) + 1)            # the borders
    measured = [_measure(column, room) for column in zip(*cells, strict=True)]
    widths = [high or 1 for _, high in measured]
    if sum(widths) > room:
        widths = _collapse(widths, room)
        if sum(widths) > room:
            widths = _reduce(sum(widths) - room, [1] * len(widths), widths, widths)
        widths = [_measure(column, w)[1] for column, w in zip(zip(*cells, strict=True), widths, strict=True)]
    if any(w < 3 for w in widths):
        return None
    total = sum(widths) + len(headers) + 1
    if cell_len(title) > total:
        return None
    shown = title.rstrip()
    left = (total - cell_len(shown)) // 2
    out = [" " * left + shown + " " * (total - left - cell_len(shown)), _rule("┏━┳┓", widths)]
    for n, row in enumerate(cells):
        wrapped = [_wrap(c, w - 2, "ellipsis") for c, w in zip(row, widths, strict=True)]
        bar = "┃" if n == 0 else "│"
        for i in range(max(len(w) for w in wrapped)):
            parts = [w[i] if i < len(w) else "" for w in wrapped]
            out.append(bar + bar.join(" " + set_cell_size(p, w - 2) + " " for p, w in zip(parts, widths,
                                                                                         strict=True)) + bar)
        if n == 0:
            out.append(_rule("┡━╇┩", widths))
    out.append(_rule("└─┴┘", widths))
    return "".join(line + "\n" for line in out)


def _rule(box: str, widths: list[int]) -> str:
    return box[0] + box[2].join(box[1] * w for w in widths) + box[3]


def _measure(column: tuple[str, ...], size: int) -> tuple[int, int]:
    """A column's least and greatest width with padding (rich's ``Measurement`` of its cells)."""
    from rich.cells import cell_len

    lows, highs = [], []
    for text in column:
        inner = size - 2
        if inner < 1:
            lows.append(size)
            highs.append(size)
            continue
        high = cell_len(text)
        words = text.split()
        low = max(cell_len(w) for w in words) if words else high
        low, high = min(low, inner), min(high, inner)
        low = min(max(0, low), high)
        if high < 1:
            low = high = 0
        lows.append(min(low + 2, size))
        highs.append(min(high + 2, size))
    low, high = (max(lows), max(highs)) if lows else (1, size)
    return min(low, size), min(high, size)


def _collapse(widths: list[int], room: int) -> list[int]:
    """rich's ``Table._collapse_widths``: the widest columns narrowed in turn until they fit."""
    excess = sum(widths) - room
    while sum(widths) and excess > 0:
        widest = max(widths)
        second = max(w if w != widest else 0 for w in widths)
        ratios = [1 if w == widest else 0 for w in widths]
        if not any(ratios) or not widest - second:
            break
        widths = _reduce(excess, ratios, [min(excess, widest - second)] * len(widths), widths)
        excess = sum(widths) - room
    return widths


def _reduce(total: int, ratios: list[int], maximums: list[int], values: list[int]) -> list[int]:
    """rich's ``ratio_reduce``."""
    ratios = [r if m else 0 for r, m in zip(ratios, maximums, strict=True)]
    left, whole = total, sum(ratios)
    if not whole:
        return values[:]
    out = []
    for ratio, most, value in zip(ratios, maximums, values, strict=True):
        if ratio and whole > 0:
            taken = min(most, round(ratio * left / whole))
            out.append(value - taken)
            left -= taken
            whole -= ratio
        else:
            out.append(value)
    return out
