"""Budgets on input, checked in-process: YAML bombs and depth, input size and kind, dates."""

from __future__ import annotations

import os

import pytest

from drafter.errors import DrafterError, LimitError, ReadError
from drafter.io import read_input
from drafter.yamlfile import read_yaml


def bomb(levels: int) -> str:
    lines = ['a0: &a0 ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    for i in range(1, levels + 1):
        lines.append(f"a{i}: &a{i} [" + ",".join([f"*a{i - 1}"] * 9) + "]")
    return "\n".join(lines) + "\n"


@pytest.mark.parametrize("text, message, line", [
    (bomb(9), "别名展开太多", None),
    ("a: &x [1, *x]\n", "引用了包含它自身的节点", 1),
    ("a: &x {b: *x}\n", "引用了包含它自身的节点", 1),
    ("a: " + "[" * 500 + "]" * 500 + "\n", "超过 100 层", 1),
    ("a: " + "{b: " * 150 + "1" + "}" * 150 + "\n", "超过 100 层", 1),
    ("x: &d " + "[" * 60 + "]" * 60 + "\ny: " + "[" * 60 + "*d" + "]" * 60 + "\n", "别名展开后嵌套太深", 2),
    ("date: 2025-02-30\n", "不是有效的日期", 1),
    ("n: " + "9" * 5000 + "\n", "无效的值", 1),
])
def test_hostile_yaml_is_one_error_with_its_place(tmp_path, text, message, line):
    path = tmp_path / "answers.yaml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(DrafterError) as info:
        read_yaml(path)
    assert message in info.value.message
    assert info.value.where.path == str(path)
    if line is not None:
        assert info.value.where.line == line


def test_a_small_alias_is_fine_and_a_repeated_alias_is_not_re_walked(tmp_path):
    path = tmp_path / "ok.yaml"
    path.write_text(bomb(3), encoding="utf-8")       # 9**4 = 6561 scalars: under the budget
    assert len(read_yaml(path).data["a3"]) == 9


def test_a_duplicate_key_behind_an_alias_is_found(tmp_path):
    path = tmp_path / "dup.yaml"
    path.write_text("a: &q {x: 1, x: 2}\nb: *q\n", encoding="utf-8")
    with pytest.raises(DrafterError, match="重复的键 'x'"):
        read_yaml(path)


def test_special_files_are_refused_unread(tmp_path):
    link = tmp_path / "zero.txt"
    link.symlink_to("/dev/zero")
    for path in ("/dev/zero", link):
        with pytest.raises(ReadError, match="不是普通文件"):
            read_input(path)
    fifo = tmp_path / "pipe.yaml"
    os.mkfifo(fifo)
    with pytest.raises(ReadError, match="不是普通文件"):
        read_yaml(fifo)              # would block forever if opened


def test_input_size_limit_and_its_override(tmp_path, monkeypatch):
    path = tmp_path / "big.txt"
    path.write_bytes(b"a" * (2 * 1024 * 1024))
    monkeypatch.setenv("DRAFTER_MAX_INPUT_MB", "1")
    with pytest.raises(LimitError, match="DRAFTER_MAX_INPUT_MB"):
        read_input(path)
    monkeypatch.setenv("DRAFTER_MAX_INPUT_MB", "3")
    assert len(read_input(path)) == 2 * 1024 * 1024


def test_a_file_is_read_in_buffers_of_its_own_size_not_the_limit(tmp_path, monkeypatch):
    """A 1 KB file takes kilobytes to read, not a buffer of the input limit (20 MB a file, as mining
    once did); a file that grew after its size was taken is read on to its end, or refused past the limit."""
    import tracemalloc

    import drafter.io

    path = tmp_path / "small.txt"
    path.write_bytes("讲话".encode() * 170)
    tracemalloc.start()
    try:
        assert len(read_input(path)) == 1020
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert peak < 256 * 1024
    grown = tmp_path / "grown.txt"
    grown.write_bytes(b"a" * (3 * 1024 * 1024 + 5))
    real = drafter.io.check_input
    monkeypatch.setattr(drafter.io, "check_input", lambda p: os.stat_result((*real(p)[:6], 10, *real(p)[7:])))
    assert read_input(grown) == b"a" * (3 * 1024 * 1024 + 5)
    with pytest.raises(LimitError):
        read_input(grown, limit=2 * 1024 * 1024)


LONG = "文字或列表太长"
HOSTILE_TEMPLATES = [
    ("{{ 'a' * 10**9 }}", LONG),
    ("{{ occasion * 100000000 }}", LONG),
    ("{{ [1, 2] * 10**9 }}", LONG),
    ("{{ 2 ** 10000000 }}", "数字太大"),
    ("{{ (10 ** 999) * (10 ** 999) }}", "数字太大"),
    ("{% for i in range(100000) %}{% for j in range(100000) %}{% endfor %}{% endfor %}", "循环太多"),
    ("{% for i in range(100000) %}{% for j in range(100000) %}x{% endfor %}{% endfor %}", "循环太多"),
    ("{{ range(10**8)|list|length }}", "超过"),
    ("{% macro f(n) %}{{ f(n) }}{% endmacro %}{{ f(1) }}", "递归太深"),
    ("{% macro f(n) %}{% if n > 0 %}{{ f(n-1) }}{{ f(n-1) }}{% endif %}{% endmacro %}{{ f(40) }}", "调用太多"),
    ("{{ 'x'|center(10**9) }}", "参数太大"),
    ("{{ 'x'.center(10**9) }}", "参数太大"),
    ("{{ '%0999999999d' % 1 }}", "格式宽度"),
    ("{{ '{:999999999}'.format(1) }}", "格式宽度"),
    ("{{ '%0999999999d'|format(1) }}", "格式宽度"),
    ("{{ ('a' * 1000)|replace('a', 'a' * 2000) }}", LONG),
    ("{{ ('a' * 1000).replace('a', 'a' * 2000) }}", LONG),
    ("{% set ns = namespace(s='ab') %}{% for i in range(60) %}{% set ns.s = ns.s ~ ns.s %}{% endfor %}", LONG),
    ("{% macro f(s, n) %}{{ f(s ~ s, n - 1) if n else s|length }}{% endmacro %}{{ f('ab', 60) }}", LONG),
    ("{% for i in range(999999) %}{{ 'abc' }}{% endfor %}", "模板输出太长"),
    ("{{ ('\t' * 100000).expandtabs(999999) }}", LONG),
    ("{{ ('a' * 8000).join(['b'] * 999999) }}", LONG),
    ("{{ (['b'] * 999999)|join('a' * 8000) }}", LONG),
    ("{{ ('a\n' * 500000)|indent(999999) }}", LONG),
    ("{{ ('ab' * 400000)|wordwrap(1) }}", "输入太长"),
]


@pytest.mark.parametrize("source, message", HOSTILE_TEMPLATES)
def test_templates_run_within_budget(tmp_path, source, message):
    import time

    from drafter.outlines.sandbox import Templates

    start = time.monotonic()
    with pytest.raises(LimitError) as info:
        Templates([tmp_path]).render(source, {"occasion": "全市组织工作会议"}, "outline.yaml:5:3")
    assert message in info.value.message
    assert str(info.value.where) == "outline.yaml:5:3"
    assert time.monotonic() - start < 10


def test_include_never_follows_a_link_out_of_the_library(tmp_path):
    from drafter.outlines.sandbox import Templates

    secret = tmp_path / "secret.txt"
    secret.write_text("SECRET", encoding="utf-8")
    templates = tmp_path / "templates"
    templates.mkdir()
    (templates / "leak.j2").symlink_to(secret)
    (templates / "self.j2").write_text("{% include 'self.j2' %}", encoding="utf-8")
    (templates / "ok.j2").write_text("好", encoding="utf-8")
    (templates / "alias.j2").symlink_to(templates / "ok.j2")
    t = Templates([templates])
    with pytest.raises(LimitError, match="资料库模板目录之外的链接"):
        t.render("{% include 'leak.j2' %}", {}, "o.yaml:1")
    with pytest.raises(LimitError, match="递归太深"):
        t.render("{% include 'self.j2' %}", {}, "o.yaml:1")
    assert t.render("{% include 'alias.j2' %}{{ 3 * 'ab' }}{{ 2 ** 10 }}", {}, "o.yaml:1") == "好ababab1024"


def test_an_outline_that_expands_to_a_million_items_is_refused(tmp_path):
    from drafter import api

    path = tmp_path / "wide.yaml"
    path.write_text("id: wide\nname: t\ntitle: x\nsections:\n  count: 1000\n  heading: h\n  children:\n"
                    "    count: 1000\n    heading: p\n    children: {count: 1000, heading: q}\n", encoding="utf-8")
    with pytest.raises(LimitError, match="超过 500"):
        api.new_skeleton(str(path))


def test_a_zip_bomb_is_refused_before_it_is_inflated(tmp_path):
    import zipfile

    import docx

    from drafter.ingest import read_lines

    good = tmp_path / "good.docx"
    document = docx.Document()
    document.add_paragraph("一、总体要求")
    document.save(good)
    bomb = tmp_path / "bomb.docx"
    with zipfile.ZipFile(good) as src, zipfile.ZipFile(bomb, "w", zipfile.ZIP_DEFLATED) as dst:
        for item in src.infolist():
            dst.writestr(item, src.read(item))
        with dst.open("word/media/zeros.bin", "w", force_zip64=True) as out:
            for _ in range(120):
                out.write(b"\0" * (1 << 20))
    assert bomb.stat().st_size < 1 << 20
    with pytest.raises(LimitError, match="压缩炸弹"):
        read_lines(bomb)
    assert read_lines(good)[0].text == "一、总体要求"


def test_an_xlsx_plan_with_a_dtd_is_one_line_or_read(tmp_path):
    import zipfile

    import openpyxl

    from drafter.plan import read_plan

    plain = tmp_path / "plain.xlsx"
    book = openpyxl.Workbook()
    book.active.append(["outline", "occasion"])
    book.active.append(["meeting-speech", "会"])
    book.save(plain)
    dtd = tmp_path / "dtd.xlsx"
    with zipfile.ZipFile(plain) as src, zipfile.ZipFile(dtd, "w") as dst:
        for item in src.infolist():
            data = src.read(item)
            if item.filename == "xl/worksheets/sheet1.xml":
                data = data.replace(b"?>", b'?><!DOCTYPE x [<!ENTITY a "aaaa"><!ENTITY b "&a;&a;&a;&a;">]>', 1)
            dst.writestr(item, data)
    try:
        rows = read_plan(dtd)
    except DrafterError as exc:
        assert exc.where.path == str(dtd)
    else:
        assert rows[0].get("outline") == "meeting-speech"


def test_many_items_each_under_the_render_budget_meet_the_job_budget(tmp_path):
    import time

    from drafter import api

    path = tmp_path / "slow.yaml"
    path.write_text("id: slow\nname: t\ntitle: x\nsections:\n  count: 400\n"
                    "  heading: \"{% for i in range(900000) %}{% endfor %}h\"\n", encoding="utf-8")
    start = time.monotonic()
    with pytest.raises(LimitError, match="2000000 步"):
        api.new_skeleton(str(path))
    assert time.monotonic() - start < 15


def test_lipsum_is_not_offered():
    from drafter.errors import OutlineError
    from drafter.outlines.sandbox import Templates

    with pytest.raises(OutlineError, match="lipsum"):
        Templates([]).render("{{ lipsum(1000000) }}", {}, "o.yaml:1")


@pytest.mark.parametrize("setting, key", [
    ("text_size: abc", "text_size"),
    ("page: 5", "page"),
    ("styles: {body: 5}", "styles.body"),
    ("numbering: 7", "numbering"),
    ("page_number: {position: center, font: 1}", "page_number.font"),
    ("page: {size_mm: [a, b]}", "page.size_mm.0"),
    ("text_size: 1.0e300", "text_size"),
])
def test_a_careless_style_profile_is_one_error_naming_the_setting(tmp_path, setting, key):
    from drafter.errors import ProfileError
    from drafter.library import Library

    path = tmp_path / "house.yaml"
    path.write_text(f"extends: gbt9704\n{setting}\n", encoding="utf-8")
    with pytest.raises(ProfileError) as info:
        Library.resolve().profile(str(path))
    assert f"{key} " in info.value.message


def test_an_unexpected_error_is_still_one_line(monkeypatch, tmp_path):
    from typer.testing import CliRunner

    import drafter.api
    from drafter.cli import app

    def broken(path):
        raise TypeError("can only concatenate str\n(not 'int') to str")

    monkeypatch.setattr(drafter.api, "parse", broken)
    monkeypatch.delenv("DRAFTER_DEBUG", raising=False)
    (tmp_path / "a.txt").write_text("同志们：\n", encoding="utf-8")
    result = CliRunner().invoke(app, ["parse", str(tmp_path / "a.txt")])
    assert result.exit_code == 2
    lines = [line for line in result.output.splitlines() if line.strip()]
    assert len(lines) == 1 and "内部错误：TypeError" in lines[0] and "DRAFTER_DEBUG" in lines[0]


def test_a_yaml_file_of_too_many_nodes_is_refused_quickly(tmp_path):
    import time

    path = tmp_path / "flow.yaml"
    path.write_text("a:\n" + "".join("  - [" + ",".join(["1"] * 1000) + "]\n" for _ in range(300)), encoding="utf-8")
    start = time.monotonic()
    with pytest.raises(LimitError, match="超过 250000 个"):
        read_yaml(path)
    assert time.monotonic() - start < 15
