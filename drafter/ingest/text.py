"""Plain-text and Markdown reader: detect the encoding, split into numbered lines."""

from __future__ import annotations

import codecs
from pathlib import Path

from drafter.errors import DrafterError
from drafter.ingest import SourceLine

#: encodings a Chinese office's files come in, tried by charset-normalizer in this order of preference.
CANDIDATES = ["utf_8", "gb18030", "big5", "utf_16"]
BOMS = [(codecs.BOM_UTF8, "utf_8_sig"), (codecs.BOM_UTF16_LE, "utf_16"), (codecs.BOM_UTF16_BE, "utf_16")]


def decode(data: bytes, where: str = "") -> str:
    """Decode bytes of Chinese text: BOM first, strict UTF-8 next, then charset-normalizer's best guess."""
    for bom, encoding in BOMS:
        if data.startswith(bom):
            return data.decode(encoding)
    if b"\x00" in data[:4096] and not _looks_utf16(data):
        raise DrafterError("这是二进制文件，不是文本 binary file, not text: give a .txt, .md or .docx", where=where)
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    if _looks_utf16(data):
        for encoding in ("utf_16_le", "utf_16_be"):
            try:
                return data.decode(encoding)
            except UnicodeDecodeError:
                continue
    from charset_normalizer import from_bytes

    best = from_bytes(data, cp_isolation=CANDIDATES[1:]).best()
    if best is None or _control_ratio(str(best)) > 0.01:
        raise DrafterError(
            "无法识别文件编码，或这是二进制文件 cannot detect the text encoding (binary file?): "
            "save it as UTF-8 or GB18030", where=where)
    return str(best)


def _looks_utf16(data: bytes) -> bool:
    """UTF-16 without BOM: Chinese text in UTF-16 has a NUL in about a quarter of its bytes or more."""
    sample = data[:4096]
    if len(sample) < 4 or len(sample) % 2:
        return False
    evens, odds = sample[0::2], sample[1::2]
    return (evens.count(0) + odds.count(0)) / len(sample) > 0.2 and (evens.count(0) == 0 or odds.count(0) == 0)


def _control_ratio(text: str) -> float:
    bad = sum(1 for ch in text if ord(ch) < 32 and ch not in "\r\n\t\f")
    return bad / max(len(text), 1)


def split_lines(text: str) -> list[SourceLine]:
    """Numbered lines of a text; \\r\\n, \\r and \\n all end a line."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return [SourceLine(no, line) for no, line in enumerate(text.split("\n"), start=1)]


def read_text_lines(path: Path) -> list[SourceLine]:
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise DrafterError(f"无法读取 cannot read: {exc.strerror}", where=str(path)) from None
    text = decode(data, where=str(path))
    if _control_ratio(text) > 0.01:
        raise DrafterError("这是二进制文件，不是文本 binary file, not text: give a .txt, .md or .docx", where=str(path))
    return split_lines(text)
