"""`drafter outlines check`: every problem of an outline file as file:line:col: message."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from drafter.cli import app
from drafter.errors import DrafterError
from drafter.library import Library
from drafter.outlines.check import check_outline
from drafter.outlines.load import STYLE_NAMES, load_outline

REPO = Path(__file__).resolve().parents[2]
GOOD = """\
id: {id}
name: 测试提纲
variables:
  - {{name: occasion, label: 会议名称}}
title: "在{{{{ occasion }}}}上的讲话"
sections:
  - heading: "第一部分"
  - heading: "第二部分"
"""


def write(tmp_path: Path, text: str, name: str = "t") -> Path:
    path = tmp_path / f"{name}.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def good(tmp_path: Path, name: str = "t") -> str:
    return GOOD.format(id=name)


def test_a_good_outline_has_no_problems(tmp_path):
    assert check_outline(write(tmp_path, good(tmp_path)), Library.resolve().templates) == []


def test_an_ordinal_with_what_it_counts_numbers_the_parts_and_another_style_is_named_in_chinese(tmp_path):
    """numbering may count 问题, 方面 or 部分 (第一个问题：, as parsed speeches and mined outlines have it):
    the skeleton prints 第二个问题：; a style drafter cannot print is one line in Chinese listing those it can."""
    from docx import Document

    text = good(tmp_path).replace("sections:", "numbering: [第一个问题：, 第一，]\nsections:")
    path = write(tmp_path, text)
    assert check_outline(path, Library.resolve().templates) == []
    out = tmp_path / "t.docx"
    run = CliRunner().invoke(app, ["new", str(path), "--no-input", "-o", str(out)])
    assert run.exit_code == 0, run.output
    assert "第二个问题：第二部分" in [p.text for p in Document(str(out)).paragraphs]
    [problem] = check_outline(write(tmp_path, text.replace("第一个问题：", "第一章："), "bad"),
                              Library.resolve().templates)
    assert problem.message == f"numbering.0: '第一章：' 不是编号样式；可用：{STYLE_NAMES}"
    assert "第一个问题：" in STYLE_NAMES


def test_malformed_yaml_names_line_and_column(tmp_path):
    path = write(tmp_path, good(tmp_path).replace('  - heading: "第二部分"', '  - heading: "第二部分\n    oops'))
    problems = check_outline(path, Library.resolve().templates)
    assert len(problems) == 1
    assert re.match(rf"{re.escape(str(path))}:\d+:\d+: YAML 格式错误", str(problems[0]))
    with pytest.raises(DrafterError) as err:
        load_outline(path, Library.resolve().templates)
    assert str(err.value).startswith(problems[0].where)


def test_an_unknown_field_points_at_the_key_and_suggests_the_right_one(tmp_path):
    path = write(tmp_path, good(tmp_path).replace('  - heading: "第二部分"', '  - headng: "第二部分"'))
    [problem] = check_outline(path, Library.resolve().templates)
    assert problem.where == f"{path}:8:5"
    assert "headng" in problem.message and "是否想写 'heading'" in problem.message


def test_a_wrong_type_points_at_the_value(tmp_path):
    path = write(tmp_path, good(tmp_path).replace("  - {name: occasion, label: 会议名称}",
                                                  "  - {name: occasion, label: [会议名称]}"))
    [problem] = check_outline(path, Library.resolve().templates)
    assert problem.where == f"{path}:4:29"
    assert problem.message.startswith("variables.0.label:")


def test_every_schema_error_is_reported(tmp_path):
    text = good(tmp_path).replace("name: 测试提纲\n", "").replace('  - heading: "第一部分"', '  - heading: 1')
    problems = check_outline(write(tmp_path, text), Library.resolve().templates)
    messages = " | ".join(p.message for p in problems)
    assert len(problems) == 2
    assert "'name' is a required property" in messages and "sections.0.heading" in messages


def test_a_reserved_name(tmp_path):
    text = good(tmp_path).replace("{name: occasion, label: 会议名称}", "{name: sections, label: 会议名称}")
    [problem] = check_outline(write(tmp_path, text), Library.resolve().templates)
    assert "保留字" in problem.message and problem.where.endswith(":4:12")


def test_a_duplicate_key_is_an_error(tmp_path):
    text = good(tmp_path).replace("name: 测试提纲\n", "name: 测试提纲\nname: 又一个\n")
    [problem] = check_outline(write(tmp_path, text), Library.resolve().templates)
    assert problem.where.endswith(":3:1") and "重复的键 'name'" in problem.message


def test_the_id_must_match_the_file_name(tmp_path):
    [problem] = check_outline(write(tmp_path, good(tmp_path, "other"), name="t"), Library.resolve().templates)
    assert problem.where.endswith(":1:5") and "与文件名 t.yaml 不一致" in problem.message


def test_an_undeclared_name_in_a_heading(tmp_path):
    path = write(tmp_path, good(tmp_path).replace('"第二部分"', '"要{{ action }}"'))
    [problem] = check_outline(path, Library.resolve().templates)
    assert problem.where == f"{path}:8:14"
    assert "未声明的名称 'action'" in problem.message


def test_a_template_syntax_error(tmp_path):
    path = write(tmp_path, good(tmp_path).replace('"第一部分"', '"第一{{ 部分"'))
    [problem] = check_outline(path, Library.resolve().templates)
    assert problem.where == f"{path}:7:14" and "模板语法错误" in problem.message


def test_an_unused_variable(tmp_path):
    text = good(tmp_path).replace("  - {name: occasion, label: 会议名称}",
                                  "  - {name: occasion, label: 会议名称}\n  - {name: speaker, label: 讲话人}")
    [problem] = check_outline(write(tmp_path, text), Library.resolve().templates)
    assert problem.where.endswith(":5:12") and "变量没有用到：'speaker'" in problem.message


def test_items_past_the_listed_ones_need_a_default_heading(tmp_path):
    text = good(tmp_path).replace('sections:\n  - heading: "第一部分"\n  - heading: "第二部分"\n',
                                  'sections:\n  count: 2\n  max: 4\n  items:\n    - heading: 一\n    - heading: 二\n')
    [problem] = check_outline(write(tmp_path, text), Library.resolve().templates)
    assert "sections.3" in problem.message and "没有标题模板" in problem.message


def test_a_count_outside_min_max(tmp_path):
    text = good(tmp_path).replace('sections:\n  - heading: "第一部分"\n  - heading: "第二部分"\n',
                                  'sections:\n  count: 5\n  min: 1\n  max: 3\n  heading: 标题\n')
    [problem] = check_outline(write(tmp_path, text), Library.resolve().templates)
    assert problem.where.endswith(":7:3") and "条数 5" in problem.message


def test_check_command_prints_file_line_col_and_exits_non_zero(tmp_path):
    bad = write(tmp_path, good(tmp_path).replace('  - heading: "第二部分"', '  - headng: "第二部分"'), "bad")
    bad.write_text(bad.read_text(encoding="utf-8").replace("id: t", "id: bad"), encoding="utf-8")
    ok = write(tmp_path, good(tmp_path, "ok"), "ok")
    result = CliRunner().invoke(app, ["outlines", "check", str(ok), str(bad)])
    assert result.exit_code == 1
    assert result.output.splitlines() == [
        f"{bad}:8:5: sections.1: 未知的字段 'headng'；是否想写 'heading'？"]
    result = CliRunner().invoke(app, ["outlines", "check", str(ok), str(REPO / "outlines" / "meeting-speech.yaml")])
    assert result.exit_code == 0
    assert result.output.splitlines() == [f"没有问题：{ok}", f"没有问题：{REPO / 'outlines' / 'meeting-speech.yaml'}"]


def test_check_of_a_missing_file_is_one_line(tmp_path):
    proc = subprocess.run([sys.executable, "-m", "drafter.cli", "outlines", "check", str(tmp_path / "none.yaml")],
                          capture_output=True, text=True, cwd=REPO)
    assert proc.returncode == 1
    assert proc.stdout.strip() == f"{tmp_path / 'none.yaml'}: 文件不存在"
    assert "Traceback" not in proc.stderr
