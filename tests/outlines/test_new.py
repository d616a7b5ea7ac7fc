"""`drafter new`: assembling a skeleton Speech from an outline and values, and writing it."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

import drafter
from drafter import cli
from drafter.outlines.assemble import assemble, example_values, is_text_key, value_keys
from drafter.errors import DrafterError
from drafter.library import Library
from drafter.library import ENV
from drafter.model import Placeholder, Section, Speech
from drafter.outlines.values import gather

REPO = Path(__file__).resolve().parents[2]
BUILTINS = [e.id for e in Library.resolve().outlines() if e.origin.startswith("内置")]
LEAD_OUTLINES = {"party-lecture", "signed-article"}


@pytest.fixture(autouse=True)
def no_env_library(monkeypatch):
    monkeypatch.delenv(ENV, raising=False)


def inlines(speech: Speech):
    """Every inline content list of a speech: meta fields, headings, paragraphs."""
    for name in ("title", "subtitle", "speaker", "occasion", "author", "date"):
        if getattr(speech.meta, name):
            yield getattr(speech.meta, name)
    for section in speech.walk():
        yield section.heading
    for p in speech.paragraphs():
        yield p.content


def shape(sections: list[Section]) -> list[tuple]:
    return [(s.depth, s.style, s.run_in, len(s.children)) for s in sections for s in s.walk()]


# --- assembly ----------------------------------------------------------------------------------

def test_meeting_speech_skeleton_has_the_seed_structure():
    speech = assemble(Library.resolve().outline("meeting-speech"), {"occasion": "全市组织工作会议",
                                                                   "role": "市委常委、组织部长",
                                                                   "speaker": "张明"})
    assert speech.meta.title == ["在全市组织工作会议上的讲话"]
    assert speech.meta.speaker == ["市委常委、组织部长 张明"]      # role and name are separate values
    assert speech.meta.date == [Placeholder("date", "日期")]
    assert speech.meta.kind == "工作会议讲话"
    assert speech.numbering == ("一、", "第一，")
    assert [p.role for p in speech.front] == ["salutation", "opening", "transition"]
    assert speech.front[0].content == ["同志们："]
    assert speech.front[1].hint and speech.front[1].content == [Placeholder("front.2", "开头")]
    assert "短语库例句" not in speech.front[1].hint       # no bank given: no quotes
    assert speech.front[2].content == ["下面，我结合",
                                       Placeholder("basis", "讲话依据", "结合哪些会议、文件精神和前面同志的部署来讲"),
                                       "，再强调几点意见。"]
    assert [len(s.children) for s in speech.sections] == [3, 3, 3, 3]
    assert [s.title for s in speech.sections] == [
        "充分肯定成绩，清醒认识【工作主题】面临的形势", "突出工作重点，推动【工作主题】取得新突破",
        "坚持守正创新，激发【工作主题】的动力活力", "压实工作责任，确保各项任务落地见效"]
    assert {(s.depth, s.style, s.run_in) for s in speech.walk()} == {(1, "一、", False), (2, "第一，", True)}
    assert all(s.hint for s in speech.sections)
    assert [p.role for p in speech.back] == ["closing"]


def test_placeholders_are_model_objects_never_bracketed_strings():
    for oid in BUILTINS:
        speech = assemble(Library.resolve().outline(oid))
        for content in inlines(speech):
            for part in content:
                assert isinstance(part, Placeholder) or "【" not in part, (oid, part)
        assert speech.placeholders()


@pytest.mark.parametrize("oid", BUILTINS)
def test_builtin_outline_renders_with_no_values(oid):
    outline = Library.resolve().outline(oid)
    speech = assemble(outline)
    names = {p.name for p in speech.placeholders()}
    assert {v["name"] for v in outline.variables} <= names
    assert any(is_text_key(n) for n in names) and any("sections." in n and not is_text_key(n) for n in names)


@pytest.mark.parametrize("oid", BUILTINS)
def test_builtin_outline_renders_with_its_examples(oid):
    outline = Library.resolve().outline(oid)
    speech = assemble(outline, example_values(outline), strict=True)
    assert [p.name for p in speech.placeholders() if not is_text_key(p.name)] == []
    assert all(s.title and "【" not in s.title for s in speech.walk())


def test_each_sub_point_gets_its_own_slot_values():
    outline = Library.resolve().outline("party-lecture")
    speech = assemble(outline, {"sections.4.points.1.approach": "坚持思想铸魂",
                                "sections.4.points.3.approach": "坚持担当作为"})
    points = speech.sections[3].children
    assert points[0].heading == ["坚持思想铸魂，在筑牢思想根基上精准聚力"]
    assert points[1].heading == [Placeholder("sections.4.points.2.approach", "举措"), "，在夯实基层基础上精准聚力"]
    assert points[2].heading == ["坚持担当作为，在锻造过硬队伍上精准聚力"]


def test_values_may_be_keyed_by_their_chinese_labels():
    outline = Library.resolve().outline("meeting-speech")
    by_key = assemble(outline, {"occasion": "全市组织工作会议", "speaker": "张三"})
    by_label = assemble(outline, {"会议名称": "全市组织工作会议", "讲话人": "张三"})
    assert by_label == by_key
    assert by_label.meta.occasion == ["全市组织工作会议"]


def test_a_label_naming_several_keys_or_none_is_an_error_that_helps():
    outline = Library.resolve().outline("meeting-speech")
    with pytest.raises(DrafterError, match=re.escape("标签“要点”对应多个键（sections.1.points.1.point")):
        assemble(outline, {"要点": "x"})
    with pytest.raises(DrafterError, match="没有这个值：'会议名'；是否想写：会议名称"):
        assemble(outline, {"会议名": "x"})
    with pytest.raises(DrafterError, match="同一个值"):
        assemble(outline, {"occasion": "a", "会议名称": "b"})


def test_values_are_text_never_templates_or_placeholders():
    values = gather(None, ["occasion={{ 7 * 7 }}会议", "role=\ue000date\ue001部长", "speaker=张明"])
    speech = assemble(Library.resolve().outline("meeting-speech"), values)
    assert speech.meta.title == ["在{{ 7 * 7 }}会议上的讲话"]
    assert speech.meta.speaker == ["date部长 张明"]


def test_answers_file_lists_and_set_keys_say_the_same(tmp_path):
    answers = tmp_path / "values.yaml"
    answers.write_text("occasion: 全市组织工作会议\n"
                       "date: 2024-01-05\n"
                       "sections:\n"
                       "  - variant: 2\n"
                       "  - points:\n"
                       "      - {point: 筑牢思想根基, variant: 3}\n"
                       "      - ~\n"
                       "      - {point: 激励担当尽责}\n", encoding="utf-8")
    from_file = gather(answers, [])
    assert from_file == {"occasion": "全市组织工作会议", "date": "2024年1月5日", "sections.1.variant": "2",
                         "sections.2.points.1.point": "筑牢思想根基", "sections.2.points.1.variant": "3",
                         "sections.2.points.3.point": "激励担当尽责"}
    from_sets = gather(None, [f"{k}={v}" for k, v in from_file.items()])
    outline = Library.resolve().outline("meeting-speech")
    assert assemble(outline, from_file) == assemble(outline, from_sets)


def test_set_wins_over_the_answers_file_and_an_empty_set_unsets(tmp_path):
    answers = tmp_path / "values.yaml"
    answers.write_text("occasion: 全市组织工作会议\nspeaker: 部长\n", encoding="utf-8")
    assert gather(answers, ["occasion=全县组织工作会议", "speaker="]) == {"occasion": "全县组织工作会议"}


def test_answers_file_errors_name_the_place(tmp_path):
    answers = tmp_path / "values.yaml"
    answers.write_text("occasion: [全市\nspeaker: 部长\n", encoding="utf-8")
    with pytest.raises(DrafterError, match=rf"^{answers}:\d+:\d+: YAML"):
        gather(answers, [])
    answers.write_text("- occasion\n", encoding="utf-8")
    with pytest.raises(DrafterError, match="的映射"):
        gather(answers, [])
    with pytest.raises(DrafterError, match="名称=值"):
        gather(None, ["occasion"])


def test_a_value_the_outline_does_not_have_is_an_error_with_the_closest_key():
    with pytest.raises(DrafterError, match=r"没有这个值：'ocasion'.*是否想写：occasion"):
        assemble(Library.resolve().outline("meeting-speech"), {"ocasion": "全市组织工作会议"})
    with pytest.raises(DrafterError, match=r"sections.9.point"):
        assemble(Library.resolve().outline("meeting-speech"), {"sections.9.point": "x"})


def test_strict_lists_every_missing_value_in_one_error():
    outline = Library.resolve().outline("meeting-speech")
    given = {"occasion": "全市组织工作会议", "speaker": "张明"}
    expected = [p.name for p in assemble(outline, given).placeholders() if not is_text_key(p.name)]
    assert len(expected) > 15
    with pytest.raises(DrafterError) as err:
        assemble(outline, given, strict=True)
    message = str(err.value)
    assert "\n" not in message and f"缺少 {len(expected)} 个值" in message
    for name in expected:
        assert f"{name}（" in message
    assert "occasion（" not in message and "front.2" not in message


def test_free_text_paragraphs_take_values_too():
    speech = assemble(Library.resolve().outline("meeting-speech"),
                      {"front.2": "今天召开会议。", "sections.1.body.1": "讲政治。"})
    assert speech.front[1].content == ["今天召开会议。"]
    assert speech.sections[0].body[0].content == ["讲政治。"]


def test_sections_and_points_within_the_outline_range():
    outline = Library.resolve().outline("meeting-speech")
    speech = assemble(outline, sections=3, points=2)
    # fewer sections drop the optional one (the third), never the last (落实)
    assert [s.title for s in speech.sections] == [
        "充分肯定成绩，清醒认识【工作主题】面临的形势", "突出工作重点，推动【工作主题】取得新突破",
        "压实工作责任，确保各项任务落地见效"]
    assert [len(s.children) for s in speech.sections] == [2, 2, 2]
    # keys stay those of the outline's parts, so an answers file fits whatever is left out
    assert speech.sections[2].children[0].heading == ["要压实责任，", Placeholder("sections.4.points.1.point", "要点")]
    assert (assemble(outline, {"sections.3.points.1.point": "x"}, sections=3).sections[2].title
            == "压实工作责任，确保各项任务落地见效")
    wide = assemble(outline, points=4)            # each section takes what its own range allows
    assert [len(s.children) for s in wide.sections] == [4, 4, 3, 3]
    assert wide.sections[1].children[3].heading == ["要改革创新，", Placeholder("sections.2.points.4.point", "要点")]
    assert (shape(assemble(Library.resolve().outline("signed-article"), sections=3).sections)
            == [(1, "lead", True, 0)] * 3)
    article = assemble(Library.resolve().outline("signed-article"), sections=5)
    assert article.sections[-1].title == "汇聚各方力量，【论点】"


@pytest.mark.parametrize("oid, kwargs, message", [
    ("meeting-speech", {"points": 7}, "--points 7 超出范围.*各部分的要点.*2–4"),
    ("meeting-speech", {"sections": 2}, "--sections 2 超出范围.*3–4"),
    ("duty-report", {"sections": 5}, "--sections 5: .*固定为 4 条"),
    ("signed-article", {"points": 3}, "没有二级要点"),
])
def test_sections_and_points_out_of_range_are_clear_errors(oid, kwargs, message):
    with pytest.raises(DrafterError, match=message):
        assemble(Library.resolve().outline(oid), **kwargs)


def test_value_keys_are_what_the_skeleton_leaves_to_fill():
    outline = Library.resolve().outline("party-lecture")
    keys = value_keys(outline)
    speech = assemble(outline)
    assert [p.name for p in speech.placeholders()] == [k for k in keys if k in {p.name for p in speech.placeholders()}]
    assert set(keys) == {p.name for p in speech.placeholders()}


# --- the round trip through the text writer and the parser ---------------------------------------

#: outlines whose run-in lead heads share no frame (这是一次……的盛会。 / 近年来，我们……。): on paper only
#: their bold face marks them, which plain text drops, so the parser reads them as body text; their
#: .docx (heading styles) reads back below.
UNFRAMED_LEADS = {"address", "host-script", "signed-article"}


@pytest.mark.parametrize("oid", [o for o in BUILTINS if o not in UNFRAMED_LEADS])
@pytest.mark.parametrize("filled", [False, True], ids=["empty", "examples"])
def test_skeleton_as_text_parses_back_to_the_outline_structure(oid, filled):
    from drafter.render.text import to_text

    outline = Library.resolve().outline(oid)
    speech = assemble(outline, example_values(outline) if filled else {})
    back = drafter.parse_text(to_text(speech))
    assert [(s.depth, s.style, s.title) for s in back.walk()] == [(s.depth, s.style, s.title) for s in speech.walk()]


@pytest.mark.parametrize("oid", BUILTINS)
@pytest.mark.parametrize("filled", [False, True], ids=["empty", "examples"])
def test_skeleton_as_docx_reads_back_to_the_outline_structure(oid, filled, tmp_path):
    """The .docx a user gets reads back (drafter's own .docx reader) to the same title block and headings."""
    from drafter.api import write_speech

    outline = Library.resolve().outline(oid)
    speech = assemble(outline, example_values(outline) if filled else {})
    path = write_speech(speech, tmp_path / "skeleton.docx")
    back = drafter.read(path)
    assert [(s.depth, s.style, s.title) for s in back.headings()] == \
           [(s.depth, s.style, s.title) for s in speech.headings()]
    for field in ("title", "speaker"):
        assert back.meta.text(field) == speech.meta.text(field), field
    assert [p.role for p in back.back] == [p.role for p in speech.back]


# --- the command -------------------------------------------------------------------------------

def run(args, **kwargs):
    return CliRunner().invoke(cli.app, args, env={"COLUMNS": "200"}, **kwargs)


def test_new_writes_a_docx_skeleton_and_lists_what_is_left(tmp_path):
    from docx import Document

    out = tmp_path / "讲话.docx"
    result = run(["new", "meeting-speech", "-o", str(out), "--set", "occasion=全市组织工作会议",
                  "--set", "role=市委常委、组织部长", "--set", "speaker=张明", "--set", "date=2025-02-18",
                  "--no-input", "--minutes", "20"])
    assert result.exit_code == 0, result.output
    texts = [p.text for p in Document(str(out)).paragraphs]
    assert texts[:4] == ["在全市组织工作会议上的讲话", "市委常委、组织部长 张明", "（2025年2月18日）", "同志们："]
    assert "一、充分肯定成绩，清醒认识【工作主题】面临的形势" in texts
    assert "第二，要聚焦重点，【要点】。" in texts     # its text runs on after a style separator
    assert "sections.2.points.3.point" in result.output and "basis" in result.output
    assert "occasion" not in result.output.split("待填的值")[1]
    assert "约 4400 字" in result.output      # 20 minutes at 220 a minute


def test_new_prints_markdown_or_text_to_stdout(tmp_path):
    result = run(["new", "seminar-remarks", "-o", "-", "--format", "txt", "--set", "occasion=专题研讨会",
                  "--set", "theme=学深悟透强担当"])
    assert result.exit_code == 0, result.output
    assert result.stdout.startswith("学深悟透强担当\n\n——在专题研讨会上的发言\n")
    assert "以上发言，不妥之处，请批评指正。" in result.stdout
    assert "待填的值" not in result.stdout


def test_new_never_overwrites_without_force(tmp_path):
    out = tmp_path / "讲话.docx"
    out.write_bytes(b"my own speech")
    result = run(["new", "meeting-speech", "-o", str(out)])
    assert result.exit_code != 0
    assert out.read_bytes() == b"my own speech"
    assert run(["new", "meeting-speech", "-o", str(out), "--force"]).exit_code == 0
    assert out.read_bytes()[:2] == b"PK"


def test_new_prompts_for_missing_values_only_at_a_terminal(tmp_path, monkeypatch):
    monkeypatch.setattr(cli.commands, "_can_prompt", lambda no_input: not no_input)
    out = tmp_path / "a.md"
    result = run(["new", "meeting-speech", "-o", str(out), "--set", "speaker=张明"],
                 input="全市组织工作会议\n" + "\n" * 10)
    assert result.exit_code == 0, result.output
    assert "会议名称 occasion" in result.stderr and "讲话人 speaker" not in result.stderr
    assert out.read_text(encoding="utf-8").startswith("# 在全市组织工作会议上的讲话")
    out2 = tmp_path / "b.md"
    result = run(["new", "meeting-speech", "-o", str(out2), "--no-input"], input="全市组织工作会议\n")
    assert result.exit_code == 0 and "会议名称 occasion" not in result.stderr
    assert out2.read_text(encoding="utf-8").startswith("# 在【会议名称】上的讲话")


def test_style_and_reference_doc_go_to_the_writer(tmp_path):
    result = run(["new", "meeting-speech", "-o", str(tmp_path / "a.docx"), "--style", "no-such-style"])
    assert result.exit_code != 0 and "no-such-style" in result.output
    result = run(["new", "meeting-speech", "-o", str(tmp_path / "b.docx"),
                  "--reference-doc", str(tmp_path / "none.docx")])
    assert result.exit_code != 0 and "none.docx" in result.output
    assert not (tmp_path / "a.docx").exists() and not (tmp_path / "b.docx").exists()


def test_new_with_a_user_library(tmp_path):
    lib = tmp_path / "lib"
    (lib / "outlines").mkdir(parents=True)
    (lib / "outlines" / "short.yaml").write_text(
        "id: short\nname: 简短讲话\nvariables: [{name: occasion, label: 会议}]\n"
        "title: 在{{ occasion }}上的讲话\nsections: [{heading: 讲一点}]\n", encoding="utf-8")
    result = run(["new", "short", "-o", "-", "-t", "txt", "--library", str(lib), "--set", "occasion=座谈会"])
    assert result.exit_code == 0, result.output
    assert result.stdout.startswith("在座谈会上的讲话\n\n一、讲一点")


def cli_subprocess(*args, cwd):
    return subprocess.run([sys.executable, "-m", "drafter.cli", *args], capture_output=True, text=True, cwd=cwd,
                          env={"PYTHONPATH": str(REPO), "PATH": "/usr/bin:/bin"})


def test_set_takes_a_chinese_label_in_a_real_process(tmp_path):
    for name, value in (("a.docx", "会议名称=全市组织工作会议"), ("b.docx", "occasion=全市组织工作会议")):
        done = cli_subprocess("new", "工作会议", "-o", name, "--set", value, cwd=tmp_path)
        assert done.returncode == 0, done.stderr
    assert (tmp_path / "a.docx").read_bytes() == (tmp_path / "b.docx").read_bytes()


@pytest.mark.parametrize("args, message", [
    (["new", "meeting-speach", "-o", "x.docx"], "未知的提纲“meeting-speach”；可用：meeting-speech"),
    (["new", "meeting-speech", "-o", "x.docx", "--strict", "--set", "occasion=会"],
     "个值（--strict）：role（职务）、speaker（讲话人）"),
    (["new", "meeting-speech", "-o", "x.docx", "--points", "9"], "--points 9 超出范围"),
    (["new", "meeting-speech", "-o", "x.docx", "--set", "focus=政治建设"], "没有这个值：'focus'"),
    (["new", "meeting-speech", "-o", "x.docx", "--variant", "sections.1=9"], "sections.1.variant = 9"),
    (["new", "meeting-speech", "-o", "x.docx", "--minutes", "10", "--chars", "3000"], "--minutes 与 --chars"),
    (["new", "meeting-speech", "-o", "existing.docx"], "existing.docx: 输出文件已存在"),
])
def test_errors_are_one_line_without_traceback(tmp_path, args, message):
    (tmp_path / "existing.docx").write_bytes(b"keep")
    proc = cli_subprocess(*args, cwd=tmp_path)
    assert proc.returncode == 1
    lines = proc.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("drafter: 错误：") and message in lines[0], proc.stderr
    assert not (tmp_path / "x.docx").exists()
    assert (tmp_path / "existing.docx").read_bytes() == b"keep"
