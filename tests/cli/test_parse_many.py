"""`drafter parse` at scale: several files and folders in one process, JSON Lines with --json."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from drafter import read

REPO = Path(__file__).resolve().parents[2]
SEEDS = sorted((REPO / "examples" / "corpus").glob("*.txt"))


def run(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "drafter.cli", "parse", *args], capture_output=True, text=True,
                          env={"PATH": "/usr/bin:/bin", "PYTHONPATH": str(REPO), "COLUMNS": "120"})


def folder(tmp_path: Path) -> Path:
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "a.txt").write_text("在全市组织工作会议上的讲话\n\n同志们：\n\n今天我们召开会议。\n",
                                            encoding="utf-8")
    (tmp_path / "sub" / ".hidden.txt").write_text("不读\n", encoding="utf-8")
    (tmp_path / "sub" / "notes.csv").write_text("不读\n", encoding="utf-8")
    return tmp_path / "sub"


def test_several_files_and_a_folder_as_json_lines_one_document_a_line(tmp_path):
    sub = folder(tmp_path)
    proc = run(str(SEEDS[1]), str(SEEDS[2]), str(sub), "--json")
    assert proc.returncode == 0, proc.stderr
    docs = [json.loads(line) for line in proc.stdout.splitlines()]
    assert [d["file"] for d in docs] == [str(SEEDS[1]), str(SEEDS[2]), str(sub / "a.txt")]
    assert docs[0]["headings"] == read(SEEDS[1]).to_dict()["headings"]


def test_several_files_as_trees_each_under_its_name(tmp_path):
    sub = folder(tmp_path)
    proc = run(str(SEEDS[1]), str(sub))
    assert proc.returncode == 0, proc.stderr
    assert f"== {SEEDS[1]} ==" in proc.stdout and f"== {sub / 'a.txt'} ==" in proc.stdout


def test_one_file_as_before_and_a_missing_one_is_one_line(tmp_path):
    proc = run(str(SEEDS[1]), "--json")
    assert proc.returncode == 0 and len(proc.stdout.splitlines()) == 1
    assert json.loads(proc.stdout) == read(SEEDS[1]).to_dict()
    proc = run(str(SEEDS[1]), str(tmp_path / "nope.txt"))
    assert proc.returncode == 1 and proc.stderr.strip().splitlines() == [
        f"drafter: 错误：{tmp_path / 'nope.txt'}: 文件不存在"]
