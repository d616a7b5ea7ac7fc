"""Control characters: taken out of text on the way in, escaped on the way to a terminal.

Text pasted from Word or a web page can hold characters that XML (and so a .docx) cannot: vertical tab
``\\x0b`` (Word's manual line break), form feed ``\\x0c`` (a page break), other C0 and C1 controls, and
terminal escape sequences (``\\x1b[31m``). On the way in — lines a reader returns, values from
``--set``, answers files and plan cells — ``scrub`` replaces ``\\x0b`` and ``\\x0c`` by a space and
removes the rest (a whole escape sequence at once), saying what it removed so the caller can warn.
Tab, newline and carriage return are kept. On the way out to a terminal, ``escape`` shows any control
character that is left as ``\\xNN`` text, so nothing drafter prints can move the cursor or recolour it.
"""

from __future__ import annotations

import re

#: an escape sequence (CSI, OSC, or ESC and one character), or one control character XML cannot hold.
CONTROL = re.compile(r"\x1b\[[0-?]*[ -/]*[@-~]?|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)?|\x1b.?"
                     r"|[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ufffe\uffff\ud800-\udfff]", re.S)
#: characters a terminal acts on, shown escaped.
TERMINAL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def scrub(text: str) -> tuple[str, str | None]:
    """``text`` without control characters, and a note of what was removed (None when nothing was)."""
    if text.isprintable() or not CONTROL.search(text):     # every match of CONTROL starts unprintable
        return text, None
    found: list[str] = []

    def replace(m: re.Match) -> str:
        found.append(m.group(0)[:1])
        return " " if m.group(0) in ("\x0b", "\x0c") else ""

    cleaned = CONTROL.sub(replace, text)
    kinds = sorted(set(found))
    listed = " ".join(f"\\x{ord(c):02x}" if ord(c) < 0x100 else f"\\u{ord(c):04x}" for c in kinds)
    return cleaned, f"去掉了 {len(found)} 个控制字符（{listed}）"


def clean_controls(text: str) -> str:
    """``text`` without control characters (see ``scrub``)."""
    return scrub(text)[0]


def escape(text: str) -> str:
    """``text`` safe to print on a terminal: control characters as ``\\xNN``."""
    return TERMINAL.sub(lambda m: f"\\x{ord(m.group(0)):02x}", text)
