"""Writing files: format by extension, stdout, --force, atomic replacement, one-line errors, the CLI."""

import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from drafter import DrafterError, Meta, Paragraph, Section, Speech
from drafter.api import write_speech
from drafter import io as output_module

ROOT = Path(__file__).resolve().parents[2]
SEED = ROOT / "examples" / "corpus" / "001_ba08b270c44729d2.txt"


def speech():
    return Speech(meta=Meta(title=["在全市组织工作会议上的讲话"]),
                  front=[Paragraph(["同志们："], role="salutation")],
                  sections=[Section(["坚持党的全面领导"], 1, "一、", body=[Paragraph(["要提高站位。"])])])


@pytest.mark.parametrize("name, check", [
    ("out.docx", lambda p: zipfile.is_zipfile(p)),
    ("out.md", lambda p: p.read_text(encoding="utf-8").startswith("# 在全市组织工作会议上的讲话\n")),
    ("out.txt", lambda p: p.read_text(encoding="utf-8").startswith("在全市组织工作会议上的讲话\n\n同志们：")),
])
def test_format_follows_the_extension(tmp_path, name, check):
    path = write_speech(speech(), tmp_path / name)
    assert path == tmp_path / name and check(path)


def test_explicit_format_wins_and_dash_prints_to_stdout(tmp_path, capsys):
    assert write_speech(speech(), "-", fmt="txt") is None
    assert capsys.readouterr().out.startswith("在全市组织工作会议上的讲话\n\n同志们：\n\n一、坚持党的全面领导")
    write_speech(speech(), "-", fmt="md")
    assert capsys.readouterr().out.startswith("# 在全市组织工作会议上的讲话")
    assert write_speech(speech(), tmp_path / "plain", fmt="txt").read_text(encoding="utf-8").startswith("在全市")


@pytest.mark.parametrize("target, fmt, message", [
    ("-", "docx", "标准输出"), ("out.pdf", None, "扩展名"), ("out.txt", "pdf", "未知的输出格式"),
])
def test_impossible_formats_are_errors(tmp_path, target, fmt, message):
    with pytest.raises(DrafterError, match=message):
        write_speech(speech(), target if target == "-" else tmp_path / target, fmt=fmt)


@pytest.mark.parametrize("name", ["old.docx", "old.md"])
def test_existing_output_needs_force(tmp_path, name):
    path = tmp_path / name
    path.write_bytes(b"keep me")
    with pytest.raises(DrafterError, match="--force"):
        write_speech(speech(), path)
    assert path.read_bytes() == b"keep me"
    write_speech(speech(), path, force=True)
    assert path.read_bytes() != b"keep me"


def test_missing_or_unwritable_folder_is_an_error(tmp_path):
    with pytest.raises(DrafterError, match="输出目录不存在"):
        write_speech(speech(), tmp_path / "no" / "such" / "out.docx")
    a_file = tmp_path / "file.txt"
    a_file.write_text("x")
    with pytest.raises(DrafterError, match="输出目录不存在"):
        write_speech(speech(), a_file / "out.docx")
    with pytest.raises(DrafterError, match="输出路径是目录"):
        write_speech(speech(), tmp_path, fmt="docx")


@pytest.mark.skipif(os.geteuid() == 0, reason="root can write into a read-only folder; checked as a normal user only")
def test_read_only_folder_is_an_error(tmp_path):
    folder = tmp_path / "ro"
    folder.mkdir()
    folder.chmod(0o500)
    try:
        with pytest.raises(DrafterError, match="不可写"):
            write_speech(speech(), folder / "out.docx")
    finally:
        folder.chmod(0o700)


def test_a_failed_write_leaves_the_old_file_and_no_temp_file(tmp_path, monkeypatch):
    path = tmp_path / "out.docx"
    path.write_bytes(b"old")

    def refuse(src, dst):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(output_module.os, "replace", refuse)
    with pytest.raises(DrafterError, match="无法写入"):
        write_speech(speech(), path, force=True)
    assert path.read_bytes() == b"old"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out.docx"]


def test_written_files_get_ordinary_permissions(tmp_path):
    old = os.umask(0o022)
    try:
        path = write_speech(speech(), tmp_path / "out.docx")
    finally:
        os.umask(old)
    assert path.stat().st_mode & 0o777 == 0o644


def run_cli(*args, cwd):
    return subprocess.run([sys.executable, "-m", "drafter.cli", *args], cwd=cwd, capture_output=True, text=True,
                          env={**os.environ, "PYTHONPATH": str(ROOT)})


def test_cli_format_writes_a_docx_from_a_seed(tmp_path):
    result = run_cli("format", str(SEED), "-o", "out.docx", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    import docx

    document = docx.Document(str(tmp_path / "out.docx"))
    heads = [p.text for p in document.paragraphs if p.style.name == "Heading 1"]
    assert heads[:2] == ["一、旗帜鲜明讲政治，始终把政治建设这个根本性建设摆在首位",
                         "二、牢牢把握五个过硬要求，建设新时代高素质专业化干部队伍"]


def test_cli_format_prints_text_to_stdout(tmp_path):
    result = run_cli("format", str(SEED), "-o", "-", "--format", "txt", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert "\n\n一、旗帜鲜明讲政治" in result.stdout and "\n\n第一，要坚决维护" in result.stdout


@pytest.mark.parametrize("args, message", [
    (["-o", "out.docx", "--style", "nonesuch"], "gbt9704"),
    (["-o", "exists.docx"], "--force"),
    (["-o", "missing/out.docx"], "输出目录不存在"),
])
def test_cli_errors_are_one_line_and_exit_1(tmp_path, args, message):
    (tmp_path / "exists.docx").write_bytes(b"x")
    result = run_cli("format", str(SEED), *args, cwd=tmp_path)
    assert result.returncode == 1
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("drafter: 错误：") and message in lines[0]
    assert (tmp_path / "exists.docx").read_bytes() == b"x"
