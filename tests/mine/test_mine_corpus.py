"""drafter mine on a real folder: mixed encodings and formats, files that cannot be read, the CLI."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from docx import Document
from typer.testing import CliRunner

from drafter.cli import app
from drafter.mine import mine_corpus

ROOT = Path(__file__).resolve().parents[2]
SEEDS = ROOT / "examples" / "corpus"
HELDOUT = Path(__file__).resolve().parents[1] / "data" / "heldout"


@pytest.fixture
def mixed(tmp_path) -> Path:
    """A folder as a writer has it: UTF-8 and GB18030 text in subfolders, a .docx, an empty file, a
    binary file with a .txt name, a PDF (reported), a photo and a hidden file (passed over)."""
    folder = tmp_path / "讲话稿"
    (folder / "2023").mkdir(parents=True)
    (folder / "2023" / "001.txt").write_bytes((SEEDS / "001_ba08b270c44729d2.txt").read_bytes())
    text = (SEEDS / "002_196b020fa5f85377.txt").read_text(encoding="utf-8")
    (folder / "002-gbk.txt").write_bytes(text.encode("gb18030"))
    doc = Document()
    for line in (SEEDS / "004_5b4d48522c5419d6.txt").read_text(encoding="utf-8").splitlines():
        doc.add_paragraph(line)
    doc.save(str(folder / "004.docx"))
    (folder / "empty.txt").write_bytes(b"")
    (folder / "binary.txt").write_bytes(bytes(range(256)) * 8)
    (folder / "notes.pdf").write_bytes(b"%PDF-1.4")
    (folder / "photo.jpg").write_bytes(b"\xff\xd8\xff\xe0")
    (folder / ".hidden.txt").write_text("同志们：", encoding="utf-8")
    return folder


def test_bad_files_are_skipped_with_a_reason_and_the_rest_mined(mixed):
    result = mine_corpus(mixed)
    assert result.documents == ["002-gbk.txt", "004.docx", "2023/001.txt"]
    reasons = {s.name: s.reason for s in result.skipped}
    assert sorted(reasons) == ["binary.txt", "empty.txt", "notes.pdf"]
    assert "文件是空的" in reasons["empty.txt"] and "二进制" in reasons["binary.txt"]
    assert "版式文件" in reasons["notes.pdf"] and ".docx" in reasons["notes.pdf"]
    assert all("\n" not in r for r in reasons.values())
    patterns = {g.pattern for g in result.parallel}
    assert {"要{A}，做到{B}过硬", "{A}，在{B}上精准聚力", "以更{A}与{B}"} <= patterns
    texts = {r.text: r.docs for r in result.recurring}
    assert texts["提供了根本遵循"] == ("002-gbk.txt", "004.docx")
    assert texts["筑牢信仰之基、补足精神之钙、把稳思想之舵"] == ("004.docx", "2023/001.txt")


def test_mine_command_writes_a_library_and_prints_a_summary(mixed, tmp_path):
    out = tmp_path / "mylib"
    run = CliRunner().invoke(app, ["mine", str(mixed), "-o", str(out)])
    assert run.exit_code == 0, run.output
    assert "跳过 binary.txt" in run.output and "跳过 empty.txt" in run.output
    assert "读入文档" in run.output and "quotation" in run.output
    names = [yaml.safe_load(p.read_text(encoding="utf-8"))["name"] for p in (out / "outlines").glob("*.yaml")]
    assert names and all(name in run.output for name in names)        # outlines named in Chinese
    assert sorted(p.name for p in (out / "outlines").glob("*.yaml"))
    again = CliRunner().invoke(app, ["mine", str(mixed), "-o", str(out)])
    assert again.exit_code != 0 and "--force" in again.output
    assert CliRunner().invoke(app, ["mine", str(mixed), "-o", str(out), "--force"]).exit_code == 0


def test_nothing_readable_is_an_error_without_a_traceback(tmp_path):
    bad = tmp_path / "bad"
    bad.mkdir()
    (bad / "empty.txt").write_bytes(b"")
    out = tmp_path / "out"
    run = subprocess.run([sys.executable, "-m", "drafter.cli", "mine", str(bad), "-o", str(out)],
                         capture_output=True, text=True, cwd=ROOT)
    assert run.returncode != 0
    assert "Traceback" not in run.stderr
    lines = run.stderr.strip().splitlines()
    assert lines[-1].startswith("drafter: 错误：") and "没有能读入" in lines[-1]
    assert not out.exists()
    missing = subprocess.run([sys.executable, "-m", "drafter.cli", "mine", str(tmp_path / "nope"), "-o", str(out)],
                             capture_output=True, text=True, cwd=ROOT)
    assert missing.returncode != 0 and "Traceback" not in missing.stderr
    assert len(missing.stderr.strip().splitlines()) == 1


def test_a_single_file_can_be_mined(tmp_path):
    result = mine_corpus(HELDOUT / "001_county-economic-work.txt")
    assert result.documents == ["001_county-economic-work.txt"]
    assert [g.pattern for g in result.parallel] == ["坚定不移抓{A}"]


def test_the_summary_says_how_many_files_the_documents_came_from(tmp_path):
    """A page holding four leaders' 述职 reports is four documents: the summary says they came from one file."""
    import shutil

    page = Path(__file__).resolve().parents[1] / "data" / "pages" / "036_shaoxing-shuzhi-2021-four-leaders.txt"
    shutil.copy(page, tmp_path / page.name)
    run = CliRunner().invoke(app, ["mine", str(tmp_path), "-o", str(tmp_path / "lib")])
    assert run.exit_code == 0, run.output
    assert re.search(r"读入文档\s*│\s*4\s*│\s*来自 1 个文件", run.output)


def test_a_summary_counts_many_skipped_files_by_reason(tmp_path):
    """An archive with many copies: each skipped file is one line above the summary, and the summary
    counts them by reason instead of listing every one again."""
    folder = tmp_path / "archive"
    folder.mkdir()
    seed = sorted(SEEDS.glob("*.txt"))[0]
    for k in range(7):
        (folder / f"copy-{k}.txt").write_bytes(seed.read_bytes())
    run = CliRunner().invoke(app, ["mine", str(folder), "-o", str(tmp_path / "lib")], env={"COLUMNS": "80"})
    assert run.exit_code == 0, run.output
    assert all(f"跳过 copy-{k}.txt" in run.output for k in range(1, 7))
    row = next(line for line in run.output.splitlines() if line.startswith("│ 跳过"))
    assert "与其他文件重复: 6 个" in row and "copy-1.txt" not in row
