"""Bad input gives one clear line naming the file, never a traceback; Chinese encodings all read alike."""

from __future__ import annotations

import random
import subprocess
import sys
import zipfile
from pathlib import Path

import docx
import pytest

from drafter.errors import DrafterError
from drafter.ingest import read_lines

ROOT = Path(__file__).resolve().parents[2]
SEED_001 = ROOT / "examples" / "corpus" / "001_ba08b270c44729d2.txt"
PNG_HEADER = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR"
OLE2_HEADER = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"


def noise(n: int, seed: int) -> bytes:
    return random.Random(seed).randbytes(n)


def broken_xml_docx(path: Path) -> None:
    """A real .docx whose document.xml is cut off halfway."""
    good = path.with_name("good.docx")
    document = docx.Document()
    document.add_paragraph("一、总体要求")
    document.save(good)
    with zipfile.ZipFile(good) as src, zipfile.ZipFile(path, "w") as dst:
        for item in src.infolist():
            data = src.read(item)
            dst.writestr(item, data[: len(data) // 2] if item.filename == "word/document.xml" else data)


def zip_without_document(path: Path) -> None:
    with zipfile.ZipFile(path, "w") as z:
        z.writestr("hello.txt", "这不是 Word 文档")


def empty_docx(path: Path) -> None:
    document = docx.Document()
    document.add_paragraph("")
    document.add_paragraph("   ")
    document.save(path)


#: (name, file name, how to make it) — None makes nothing (a missing file).
BAD = [
    ("empty", "empty.txt", lambda p: p.write_bytes(b"")),
    ("whitespace", "blank.txt", lambda p: p.write_text(" \n\t\n\u3000\n\n", encoding="utf-8")),
    ("binary", "picture.txt", lambda p: p.write_bytes(PNG_HEADER + noise(2000, 1))),
    ("random-docx", "noise.docx", lambda p: p.write_bytes(noise(2000, 2))),
    ("empty-docx-file", "zero.docx", lambda p: p.write_bytes(b"")),
    ("zip-no-document", "nodoc.docx", zip_without_document),
    ("broken-xml", "broken.docx", broken_xml_docx),
    ("doc-renamed", "old.docx", lambda p: p.write_bytes(OLE2_HEADER + noise(4000, 3))),
    ("docx-without-text", "blank.docx", empty_docx),
    ("pdf", "speech.pdf", lambda p: p.write_bytes(b"%PDF-1.4\n" + noise(500, 4))),
    ("missing", "missing.txt", None),
    ("directory", "folder.txt", lambda p: p.mkdir()),
]


@pytest.fixture(params=BAD, ids=[b[0] for b in BAD])
def bad_file(request, tmp_path) -> Path:
    _, name, make = request.param
    path = tmp_path / name
    if make:
        make(path)
    return path


def test_read_lines_raises_one_line_naming_the_file(bad_file):
    with pytest.raises(DrafterError) as caught:
        read_lines(bad_file)
    message = str(caught.value)
    assert "\n" not in message
    assert str(bad_file) in message


def test_cli_parse_prints_one_line_and_fails(bad_file):
    result = subprocess.run([sys.executable, "-m", "drafter.cli", "parse", str(bad_file)],
                            capture_output=True, text=True, cwd=ROOT)
    assert result.returncode != 0
    assert "Traceback" not in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1, result.stderr
    assert str(bad_file) in result.stderr


def test_old_word_file_is_named_as_such(tmp_path):
    path = tmp_path / "old.docx"
    path.write_bytes(OLE2_HEADER + noise(4000, 3))
    with pytest.raises(DrafterError, match="旧版 Word"):
        read_lines(path)


ENCODINGS = [
    ("gb18030", "gb18030"),
    ("gbk", "gbk"),
    ("utf-16-bom", "utf-16"),
    ("utf-16-le-no-bom", "utf-16-le"),
    ("utf-16-be-no-bom", "utf-16-be"),
    ("utf-8-bom", "utf-8-sig"),
]


@pytest.mark.parametrize("encoding", [e[1] for e in ENCODINGS], ids=[e[0] for e in ENCODINGS])
def test_chinese_encodings_read_like_utf8(tmp_path, encoding):
    text = SEED_001.read_text(encoding="utf-8")
    if encoding == "gbk":
        text = text.replace("©", "(C)")  # the one character of the seed GBK lacks
    utf8 = tmp_path / "utf8.txt"
    utf8.write_text(text, encoding="utf-8")
    encoded = tmp_path / f"{encoding}.txt"
    encoded.write_bytes(text.encode(encoding))
    expected = [(l.no, l.text) for l in read_lines(utf8)]
    assert len(expected) > 70
    assert [(l.no, l.text) for l in read_lines(encoded)] == expected


def test_utf8_with_a_few_broken_bytes_is_read_and_each_is_noted(tmp_path):
    """A UTF-8 file with a character cut when it was saved (a real page of the memorial site has two):
    read, each broken byte shown as U+FFFD and noted at its line; noise is still refused."""
    data = SEED_001.read_text(encoding="utf-8").encode("utf-8")
    cut = data.index("同志们".encode()) + 1              # inside the first character's three bytes
    broken = tmp_path / "broken.txt"
    broken.write_bytes(data[:cut] + data[cut + 2:])
    lines = read_lines(broken)
    marked = [line for line in lines if "\ufffd" in line.text]
    assert len(marked) == 1 and marked[0].notes and "无法解码" in marked[0].notes[0]
    assert len(lines) == len(read_lines(SEED_001))
    noisy = tmp_path / "noisy.txt"
    noisy.write_bytes(data[:2000] + noise(400, 5) + data[2000:4000])
    with pytest.raises(DrafterError):
        read_lines(noisy)


def test_format_refuses_a_file_that_is_all_page_debris(tmp_path):
    """A page with nothing but debris gives one error and no .docx, not an empty document."""
    source = tmp_path / "debris.txt"
    source.write_text("分享\n下载本文\n版权所有 某某网\n", encoding="utf-8")
    out = tmp_path / "out.docx"
    result = subprocess.run([sys.executable, "-m", "drafter.cli", "format", str(source), "-o", str(out)],
                            capture_output=True, text=True)
    assert result.returncode == 1
    assert result.stderr.count("\n") == 1 and "没有正文" in result.stderr and "Traceback" not in result.stderr
    assert not out.exists()


def test_radicals_a_pdfs_text_holds_are_read_as_their_characters(tmp_path):
    """Text copied out of a PDF often holds Kangxi radicals for the characters they look like (the real
    text of https://www.doczj.com/doc/2d12172616.html: ⼀、⾏政公⽂的概念): they are read as the characters,
    so the heading is a heading, and each line says what was changed."""
    from drafter.structure import read_speech

    page = tmp_path / "gongwen.txt"
    page.write_text("各类⾏政公⽂格式\n⼀、⾏政公⽂的概念\n⾏政机关的公⽂，是⾏政机关在⾏政管理过程中形成的⽂书。\n"
                    "⼆、⾏政公⽂的特点\n公⽂由法定作者制发。\n", encoding="utf-8")
    speech = read_speech(page)
    assert [s.title for s in speech.headings()] == ["行政公文的概念", "行政公文的特点"]
    assert speech.meta.text("title") == "各类行政公文格式"
    assert speech.warnings[0] == "第1行：2 个部首或兼容字符换成了标准汉字（⾏→行）"


def test_a_page_its_scripts_render_says_so_and_what_to_do(tmp_path):
    """A page saved as its source where the text is rendered by its scripts (a Next.js page: the speech only
    in __NEXT_DATA__'s JSON) has no text to read: one line says so and what to do, not that it is empty."""
    speech = "同志们：" + "要深入学习贯彻党的二十大精神，扎实推进各项工作，确保取得实效。" * 8
    page = tmp_path / "rendered.html"
    page.write_text('<!DOCTYPE html><html><head><script src="/_next/main.js"></script></head><body><div id="__next">'
                    '</div><script id="__NEXT_DATA__" type="application/json">{"props":{"content":"' + speech
                    + '"}}</script></body></html>', encoding="utf-8")
    with pytest.raises(DrafterError, match=r"脚本生成.*复制正文存为 \.txt"):
        read_lines(page)
