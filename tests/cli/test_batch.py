"""`drafter batch`: one skeleton per row of a plan; a bad row is reported at its line, the others written."""

from __future__ import annotations

import csv
import datetime
import subprocess
import sys
from pathlib import Path

import docx
import pytest
from typer.testing import CliRunner

from drafter import cli
from drafter.outlines.assemble import example_values
from drafter.api import run_plan
from drafter.batch import output_name, safe_stem
from drafter.errors import DrafterError
from drafter.library import Library
from drafter.library import ENV

REPO = Path(__file__).resolve().parents[2]
NOTICE = """\
id: notice
name: 通知讲话
variables:
  - {name: occasion, label: 会议名称}
  - {name: speaker, label: 讲话人}
title: "在{{ occasion }}上的讲话"
subtitle: "第{{ 12 // (occasion | length - 2) }}次"
meta:
  speaker: "{{ speaker }}"
sections:
  - heading: 总体要求
"""


@pytest.fixture(autouse=True)
def no_env_library(monkeypatch):
    monkeypatch.delenv(ENV, raising=False)


def write_table(path: Path, rows: list[list[str]], encoding: str = "utf-8", delimiter: str = ",") -> Path:
    with path.open("w", encoding=encoding, newline="") as f:
        csv.writer(f, delimiter=delimiter, lineterminator="\n").writerows(rows)
    return path


def title_of(path: Path) -> str:
    return docx.Document(str(path)).paragraphs[0].text


def body_of(path: Path) -> str:
    return "\n".join(p.text for p in docx.Document(str(path)).paragraphs)


def invoke(*args: str):
    return CliRunner().invoke(cli.app, ["batch", *args], env={"COLUMNS": "200"})


def run_cli(*args: str, cwd: Path) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "drafter.cli", "batch", *args], capture_output=True, text=True,
                          cwd=cwd, env={"PATH": "/usr/bin:/bin", "PYTHONPATH": str(REPO), "COLUMNS": "200"})


# --- the command, end to end -------------------------------------------------------------------

def test_good_rows_are_written_and_bad_rows_reported_at_their_lines(tmp_path):
    write_table(tmp_path / "plan.csv", [
        ["outline", "会议名称", "occasion", "role", "theme"],
        ["meeting-speech", "全市组织工作会议", "", "市委常委、组织部长", ""],          # line 2, a label header
        ["party-lecture", "", "", "市委书记", "七一专题党课"],                          # line 3
        ["seminar-remarks", "", "理论学习研讨会", "副市长", "学深悟透"],                 # line 4
        ["no-such-outline", "", "全市宣传工作会议", "", ""],                           # line 5
        ["meeting-speech", "全市统战工作会议", "", "", "不该有主题"],                    # line 6: theme unknown here
    ])
    proc = run_cli("plan.csv", "-o", "out", cwd=tmp_path)
    assert proc.returncode == 1
    assert "Traceback" not in proc.stderr + proc.stdout
    errors = proc.stderr.strip().splitlines()
    assert len(errors) == 2
    assert errors[0].startswith("plan.csv:5: ") and "no-such-outline" in errors[0] and "meeting-speech" in errors[0]
    assert errors[1].startswith("plan.csv:6: ") and "'theme'" in errors[1]
    out = tmp_path / "out"
    assert sorted(p.name for p in out.iterdir()) == sorted(
        ["在全市组织工作会议上的讲话.docx", "七一专题党课.docx", "学深悟透.docx"])
    assert title_of(out / "在全市组织工作会议上的讲话.docx") == "在全市组织工作会议上的讲话"
    assert title_of(out / "七一专题党课.docx") == "七一专题党课"
    assert title_of(out / "学深悟透.docx") == "学深悟透"            # a 发言 has its theme as title
    assert "——在理论学习研讨会上的发言" in body_of(out / "学深悟透.docx")
    assert "市委常委、组织部长" in body_of(out / "在全市组织工作会议上的讲话.docx")
    assert "已生成" in proc.stdout and "失败" in proc.stdout
    assert "共 5 行：已生成 3 份，失败 2 行" in proc.stdout


def test_strict_fails_only_the_row_with_missing_values(tmp_path):
    outline = Library.resolve().outline("seminar-remarks")
    full = example_values(outline)
    keys = list(full)
    rows = [["outline", "output", *keys], ["seminar-remarks", "全", *full.values()],
            ["seminar-remarks", "缺", *("" if k == "speaker" else v for k, v in full.items())]]
    write_table(tmp_path / "plan.csv", rows)
    result = invoke(str(tmp_path / "plan.csv"), "-o", str(tmp_path / "out"), "--strict")
    assert result.exit_code == 1
    assert f"{tmp_path / 'plan.csv'}:3: " in result.stderr and "speaker（发言人）" in result.stderr
    assert [p.name for p in (tmp_path / "out").iterdir()] == ["全.docx"]
    assert "【发言人】" not in body_of(tmp_path / "out" / "全.docx") and "待填 0 个值" in result.stdout


def test_existing_outputs_are_kept_without_force_and_rewritten_with_it(tmp_path):
    plan = write_table(tmp_path / "plan.csv", [["outline", "occasion", "output"],
                                               ["meeting-speech", "全市组织工作会议", "组织部"],
                                               ["meeting-speech", "全市宣传工作会议", "宣传部"]])
    out = tmp_path / "out"
    out.mkdir()
    (out / "组织部.docx").write_bytes(b"my own edits")
    result = invoke(str(plan), "-o", str(out))
    assert result.exit_code == 1
    assert f"{plan}:2: " in result.stderr and "--force" in result.stderr
    assert (out / "组织部.docx").read_bytes() == b"my own edits"
    assert title_of(out / "宣传部.docx") == "在全市宣传工作会议上的讲话"

    result = invoke(str(plan), "-o", str(out), "--force")
    assert result.exit_code == 0, result.output
    assert title_of(out / "组织部.docx") == "在全市组织工作会议上的讲话"
    assert "失败 0 行" in result.stdout


def test_two_rows_never_write_the_same_file(tmp_path):
    plan = write_table(tmp_path / "plan.csv", [["outline", "occasion", "output"],
                                               ["meeting-speech", "全市组织工作会议", ""],
                                               ["meeting-speech", "全市组织工作会议", ""],
                                               ["party-lecture", "", "Lecture"],
                                               ["party-lecture", "", "lecture.docx"]])
    results = run_plan(plan, tmp_path / "out")
    assert [r.ok for r in results] == [True, False, True, False]
    assert "与第 2 行重名" in results[1].error and "与第 4 行重名" in results[3].error
    assert results[1].problem.startswith(f"{plan}:3: ")
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == ["Lecture.docx", "在全市组织工作会议上的讲话.docx"]


@pytest.mark.parametrize("content, message", [
    ("", "计划表是空的"),
    ("outline,occasion\n", "计划表是空的"),
    ("occasion,speaker\n全市组织工作会议,部长\n", "没有 outline"),
])
def test_a_plan_that_cannot_be_used_is_one_line(tmp_path, content, message):
    (tmp_path / "plan.csv").write_text(content, encoding="utf-8")
    proc = run_cli("plan.csv", "-o", "out", cwd=tmp_path)
    assert proc.returncode == 1
    assert proc.stdout == ""
    lines = proc.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("drafter: 错误：plan.csv: ") and message in lines[0]


def test_example_plan_from_the_readme(tmp_path):
    result = invoke(str(REPO / "examples" / "plan.csv"), "-o", str(tmp_path / "out"))
    assert result.exit_code == 0, result.output
    written = sorted((tmp_path / "out").iterdir())
    assert len(written) == 4 and all(p.suffix == ".docx" for p in written)
    assert title_of(tmp_path / "out" / "应急局-全市安全生产工作会议讲话.docx") == "在全市安全生产工作会议上的讲话"


# --- plan formats ------------------------------------------------------------------------------

def test_gb18030_csv_as_excel_saves_it(tmp_path):
    plan = write_table(tmp_path / "plan.csv", [
        ["提纲", "会议名称", "讲话人", "日期"],
        ["meeting-speech", "全县乡村振兴工作推进会议", "县委副书记、县长", "2025年3月1日"],
    ], encoding="gb18030")
    results = run_plan(plan, tmp_path / "out")
    assert [r.ok for r in results] == [True]
    assert title_of(results[0].output) == "在全县乡村振兴工作推进会议上的讲话"
    assert "县委副书记、县长" in body_of(results[0].output)


def test_utf8_bom_and_tsv(tmp_path):
    plan = tmp_path / "plan.tsv"
    plan.write_bytes("\ufeffoutline\toccasion\nmeeting-speech\t全市教育工作会议\n".encode("utf-8"))
    [result] = run_plan(plan, tmp_path / "out")
    assert result.ok and title_of(result.output) == "在全市教育工作会议上的讲话"


def test_yaml_plan_with_nested_values(tmp_path):
    plan = tmp_path / "plan.yaml"
    plan.write_text(
        "- outline: meeting-speech\n"
        "  occasion: 全市人才工作会议\n"
        "  sections:\n"
        "    - {}\n"
        "    - points:\n"
        "        - {point: 筑牢思想根基}\n"
        "- [not, a, mapping]\n"
        "- outline: party-lecture\n"
        "  output: 党课\n"
        "  授课人: 市委书记\n", encoding="utf-8")
    results = run_plan(plan, tmp_path / "out")
    assert [(r.line, r.ok) for r in results] == [(1, True), (7, False), (8, True)]
    assert "筑牢思想根基" in body_of(results[0].output)
    assert "sections.2.points.1.point" not in results[0].missing
    assert results[2].output.name == "党课.docx" and "市委书记" in body_of(results[2].output)


def test_xlsx_plan(tmp_path):
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    sheet.append(["outline", "occasion", "date"])
    sheet.append(["meeting-speech", "全市科技创新大会", datetime.datetime(2025, 5, 20)])
    sheet.append([None, None, None])
    sheet.append(["no-such", "x", None])
    book.save(tmp_path / "plan.xlsx")
    results = run_plan(tmp_path / "plan.xlsx", tmp_path / "out")
    assert [(r.line, r.ok) for r in results] == [(2, True), (4, False)]
    assert "2025年5月20日" in body_of(results[0].output)     # dates as the title block writes them


def test_rows_are_numbered_by_their_first_line_in_the_file(tmp_path):
    plan = tmp_path / "plan.csv"
    plan.write_text('outline,occasion\nmeeting-speech,"全市组织\n工作会议"\n\nno-such,x\n', encoding="utf-8")
    results = run_plan(plan, tmp_path / "out")
    assert [(r.line, r.ok) for r in results] == [(2, True), (5, False)]


def test_markdown_format_and_output_extensions(tmp_path):
    plan = write_table(tmp_path / "plan.csv", [["outline", "occasion", "output"],
                                               ["meeting-speech", "全市组织工作会议", ""],
                                               ["meeting-speech", "全市宣传工作会议", "宣传部.txt"]])
    results = run_plan(plan, tmp_path / "out", fmt="md")
    assert [r.output.name for r in results] == ["在全市组织工作会议上的讲话.md", "宣传部.txt"]
    assert results[0].output.read_text(encoding="utf-8").startswith("# 在全市组织工作会议上的讲话")
    assert "在全市宣传工作会议上的讲话" in results[1].output.read_text(encoding="utf-8")


# --- columns and rows --------------------------------------------------------------------------

def test_unknown_and_ambiguous_columns_name_the_keys(tmp_path):
    plan = write_table(tmp_path / "plan.csv", [["outline", "ocasion", "要点", "occasion", "会议名称", "提纲备注"],
                                               ["meeting-speech", "x", "", "", "", ""],
                                               ["meeting-speech", "", "要求", "", "", ""],
                                               ["meeting-speech", "", "", "甲会议", "乙会议", ""],
                                               ["meeting-speech", "", "", "全市组织工作会议", "", ""]])
    results = run_plan(plan, tmp_path / "out")
    assert "'ocasion'" in results[0].error and "occasion" in results[0].error.split("是否想写")[1]
    assert "要点" in results[1].error and "多个键" in results[1].error
    assert "同一个值" in results[2].error
    assert results[3].ok     # an unknown column with an empty cell is no error


def test_rows_without_an_outline_or_with_a_cell_under_no_header(tmp_path):
    plan = tmp_path / "plan.csv"
    plan.write_text("outline,occasion\n,全市组织工作会议\nmeeting-speech,全市组织工作会议,多余\n", encoding="utf-8")
    results = run_plan(plan, tmp_path / "out")
    assert "没有填提纲" in results[0].error
    assert "第 3 列" in results[1].error
    assert not any((tmp_path / "out").iterdir())


def test_outline_files_are_found_beside_the_plan_and_template_failures_fail_one_row(tmp_path):
    (tmp_path / "plans" / "my").mkdir(parents=True)
    (tmp_path / "plans" / "my" / "notice.yaml").write_text(NOTICE, encoding="utf-8")
    plan = write_table(tmp_path / "plans" / "plan.csv", [["outline", "会议名称", "讲话人"],
                                                         ["my/notice.yaml", "安全生产会议", "副市长"],
                                                         ["my/notice.yaml", "例会", ""]])
    results = run_plan(plan, tmp_path / "out")
    assert results[0].ok and title_of(results[0].output) == "在安全生产会议上的讲话"
    assert "ZeroDivisionError" in results[1].error and results[1].problem.startswith(f"{plan}:3: ")
    assert [p.name for p in (tmp_path / "out").iterdir()] == ["在安全生产会议上的讲话.docx"]


def test_styles_per_row_and_for_the_run(tmp_path):
    plan = write_table(tmp_path / "plan.csv", [["outline", "occasion", "style"],
                                               ["meeting-speech", "全市组织工作会议", "speech"],
                                               ["meeting-speech", "全市宣传工作会议", "no-such-style"]])
    results = run_plan(plan, tmp_path / "out")
    assert results[0].ok and "no-such-style" in results[1].error
    with pytest.raises(DrafterError, match="no-such-style"):
        run_plan(plan, tmp_path / "other", style="no-such-style")
    assert not (tmp_path / "other").exists()


def test_file_names_are_safe_and_given_names_stay_in_the_folder(tmp_path):
    assert safe_stem('在A/B:C*会议上的讲话') == "在A_B_C_会议上的讲话"
    assert safe_stem("  .. ") == "" and safe_stem("con") == "con_"
    outline = Library.resolve().outline("meeting-speech")
    from drafter.outlines.assemble import assemble

    speech = assemble(outline, {"occasion": "A/B会议"})
    assert output_name("", speech, outline, 7, "docx") == "在A_B会议上的讲话.docx"
    assert output_name("", assemble(outline), outline, 7, "docx") == "meeting-speech-7.docx"
    for bad in ("../x", "sub/x.docx", "..", 'a"b'):
        with pytest.raises(DrafterError, match="文件名"):
            output_name(bad, speech, outline, 7, "docx")


# --- parallel rows -------------------------------------------------------------------------------

def _mixed_plan(tmp_path: Path, rows: int = 40) -> Path:
    (tmp_path / "notice.yaml").write_text(NOTICE, encoding="utf-8")
    table = [["outline", "occasion", "speaker", "output"]]
    kinds = ["meeting-speech", "party-lecture", "seminar-remarks", "signed-article"]
    for i in range(rows):
        if i % 9 == 4:
            table.append(["notice.yaml", "会议", "", f"通知{i}"])          # the template divides by zero
        elif i % 11 == 7:
            table.append(["no-such-outline", "", "", ""])
        elif i % 13 == 5:
            table.append(["meeting-speech", "全市组织工作会议", "", ""])   # the name row 2 took
        elif kinds[i % 4] in ("meeting-speech", "seminar-remarks"):
            table.append([kinds[i % 4], f"第{i}次工作会议", f"讲话人{i}", ""])
        else:
            table.append([kinds[i % 4], "", f"讲话人{i}" if i % 4 == 1 else "", f"{kinds[i % 4]}-{i}"])
    table[1] = ["meeting-speech", "全市组织工作会议", "部长", ""]
    return write_table(tmp_path / "plan.csv", table)


def _outcome(results, out: Path):
    files = {p.name: p.read_bytes() for p in sorted(out.iterdir())}
    return files, [(r.line, r.ok, r.output and r.output.name, r.error, r.missing, r.paragraphs) for r in results]


def test_parallel_and_serial_runs_write_the_same_files_and_report_the_same_rows(tmp_path):
    plan = _mixed_plan(tmp_path)
    seen = []
    serial = _outcome(run_plan(plan, tmp_path / "one", jobs=1), tmp_path / "one")
    parallel = _outcome(run_plan(plan, tmp_path / "two", jobs=2, progress=lambda d, t: seen.append((d, t))),
                        tmp_path / "two")
    assert serial == parallel
    assert seen == [(n, 40) for n in range(1, 41)]
    files, rows = parallel
    assert len(files) == sum(ok for _, ok, *_ in rows) > 20


def test_a_row_failing_in_a_worker_is_reported_at_its_line(tmp_path):
    plan = _mixed_plan(tmp_path)
    results = run_plan(plan, tmp_path / "out", jobs=2)
    by_line = {r.line: r for r in results}
    assert "模板运行出错" in by_line[6].error and by_line[6].problem.startswith(f"{plan}:6: ")   # row i=4
    assert "no-such-outline" in by_line[9].error                                                # row i=7
    assert "与第 2 行重名" in by_line[7].error                                                   # row i=5
    assert all(r.ok for line, r in by_line.items() if line in (2, 3, 4))


def test_cli_jobs_report_and_quiet(tmp_path):
    _mixed_plan(tmp_path, rows=20)
    proc = run_cli("plan.csv", "-o", "out", "--jobs", "2", "--report", "report.csv", cwd=tmp_path)
    assert proc.returncode == 1 and "Traceback" not in proc.stderr
    failed = [line for line in proc.stderr.splitlines() if line.startswith("plan.csv:")]
    assert len(failed) == 5 and all(len(line.split(": ", 1)[1]) > 10 for line in failed)
    lines = proc.stdout.splitlines()
    assert all(len(line.encode("gbk", "replace")) <= 80 for line in lines), lines   # two columns a CJK char
    assert "共 20 行：已生成 15 份，失败 5 行" in proc.stdout and "report.csv" in proc.stdout
    with (tmp_path / "report.csv").open(encoding="utf-8-sig", newline="") as f:
        report = list(csv.reader(f))
    assert report[0][:4] == ["行", "提纲", "输出文件", "状态"] and len(report) == 21
    assert [r[3] for r in report[1:]].count("失败") == 5
    quiet = run_cli("plan.csv", "-o", "out2", "-q", cwd=tmp_path)
    assert quiet.stdout == "" and len([x for x in quiet.stderr.splitlines() if x.startswith("plan.csv:")]) == 5


def test_a_progress_bar_only_for_a_person_at_a_terminal(monkeypatch):
    from drafter.cli import batch_view

    class Tty:
        def __init__(self, tty):
            self.tty = tty

        def isatty(self):
            return self.tty

        def write(self, text):
            return len(text)

        def flush(self):
            pass

    monkeypatch.delenv("NO_COLOR", raising=False)
    monkeypatch.setattr(sys, "stderr", Tty(True))
    assert batch_view.wants_progress(quiet=False)
    assert not batch_view.wants_progress(quiet=True)
    with batch_view.progress_bar("批量生成") as update:     # draws without failing
        update(1, 3)
        update(3, 3)
    monkeypatch.setenv("NO_COLOR", "1")
    assert not batch_view.wants_progress(quiet=False)
    monkeypatch.delenv("NO_COLOR")
    monkeypatch.setattr(sys, "stderr", Tty(False))
    assert not batch_view.wants_progress(quiet=False)


def _dies_on_line_14(rows):
    """A worker's task that kills its process on the chunk holding line 14."""
    import os

    from drafter.batch import _WORKER

    if any(row.line == 14 for row in rows):
        os._exit(3)
    return [_WORKER.prepare(row) for row in rows]


def test_a_worker_that_dies_fails_its_rows_with_a_message_not_a_hang(tmp_path, monkeypatch):
    from drafter import batch

    plan = _mixed_plan(tmp_path, rows=24)
    monkeypatch.setattr(batch, "_prepare_chunk", _dies_on_line_14)
    if batch._context().get_start_method() != "fork":
        pytest.skip("the stand-in worker function reaches workers only when they are forked")
    results = run_plan(plan, tmp_path / "out", jobs=2)
    assert [r.line for r in results] == list(range(2, 26))
    lost = [r for r in results if r.error == batch.WORKER_LOST]
    assert any(r.line == 14 for r in lost) and all(r.problem.startswith(f"{plan}:{r.line}: ") for r in lost)
    assert all(r.ok or r.error for r in results)
