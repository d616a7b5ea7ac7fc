"""Outlines: the library search path, finding and listing outlines, the built-ins, the sandbox."""

from __future__ import annotations

import json
import os
import re
from pathlib import Path

import pytest
import yaml
from jsonschema import Draft202012Validator
from typer.testing import CliRunner

import drafter
from drafter.outlines.assemble import assemble, example_values
from drafter.cli import app
from drafter.errors import DrafterError
from drafter.builtin import builtin_root
from drafter.library import BUILTIN, ENV, Library
from drafter.outlines.check import check_outline

REPO = Path(__file__).resolve().parents[2]
BUILTINS = ["address", "commendation", "criticism-remarks", "duty-report", "host-script", "meeting-speech",
            "mobilization", "party-lecture", "seminar-remarks", "signed-article", "symposium", "training-opening"]
SEEDS = {p.name for p in (REPO / "examples" / "corpus").glob("*.txt")}


@pytest.fixture(autouse=True)
def no_env_library(monkeypatch):
    monkeypatch.delenv(ENV, raising=False)


def user_library(tmp_path: Path, name: str = "mylib") -> Path:
    root = tmp_path / name
    (root / "outlines").mkdir(parents=True)
    (root / "templates").mkdir()
    return root


def copy_outline(root: Path, oid: str, edit=None) -> Path:
    data = yaml.safe_load((REPO / "outlines" / f"{oid}.yaml").read_text(encoding="utf-8"))
    if edit:
        edit(data)
    path = root / "outlines" / f"{data['id']}.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return path


# --- the library search path -------------------------------------------------------------------

def test_builtin_library_is_the_checkout_root_in_a_source_tree():
    assert builtin_root() == REPO
    assert (builtin_root() / "outlines" / "meeting-speech.yaml").is_file()


def test_builtin_library_is_the_shipped_folder_in_a_wheel(tmp_path, monkeypatch):
    package = tmp_path / "site-packages" / "drafter"
    (package / "_library" / "outlines").mkdir(parents=True)
    monkeypatch.setattr(drafter, "__file__", str(package / "__init__.py"))
    assert builtin_root() == package / "_library"


def test_roots_in_order_builtin_env_option(tmp_path, monkeypatch):
    a, b, c = (user_library(tmp_path, n) for n in "abc")
    monkeypatch.setenv(ENV, os.pathsep.join([str(a), "", str(b)]))
    roots = Library.resolve([c]).roots
    assert [r.path for r in roots] == [REPO, a.resolve(), b.resolve(), c.resolve()]
    assert [r.origin for r in roots] == [BUILTIN, ENV, ENV, "--library"]
    assert next(folder for folder, _ in Library.resolve([c]).dirs("outlines")) == c.resolve() / "outlines"


def test_a_directory_named_twice_keeps_its_last_place(tmp_path, monkeypatch):
    a = user_library(tmp_path, "a")
    monkeypatch.setenv(ENV, str(a))
    roots = Library.resolve([a]).roots
    assert [r.origin for r in roots] == [BUILTIN, "--library"]


def test_a_missing_library_directory_is_an_error(tmp_path):
    with pytest.raises(DrafterError, match="资料库目录不存在"):
        _ = Library.resolve([tmp_path / "nope"]).roots


# --- the built-in outlines ---------------------------------------------------------------------

def test_the_builtin_outlines_are_there_and_name_where_their_shape_comes_from():
    entries = {e.id: e for e in Library.resolve().outlines()}
    assert set(BUILTINS) <= set(entries)
    for oid in BUILTINS:
        outline = entries[oid].outline
        assert entries[oid].origin == BUILTIN
        assert set(outline.mined_from) <= SEEDS, oid           # the seed documents it was learnt from, if any
        assert outline.data.get("convention"), oid              # and the genre convention it follows
    assert sum(1 for oid in BUILTINS if entries[oid].outline.mined_from) >= 4


@pytest.mark.parametrize("oid", BUILTINS)
def test_builtin_outline_passes_check(oid):
    assert check_outline(REPO / "outlines" / f"{oid}.yaml", Library.resolve().templates) == []


@pytest.mark.parametrize("oid", BUILTINS)
def test_builtin_outline_is_valid_for_an_editor_with_the_json_schema(oid):
    schema = json.loads((REPO / "outlines" / "schema.json").read_text(encoding="utf-8"))
    Draft202012Validator.check_schema(schema)
    data = yaml.safe_load((REPO / "outlines" / f"{oid}.yaml").read_text(encoding="utf-8"))
    assert list(Draft202012Validator(schema).iter_errors(data)) == []


def test_outline_headings_are_the_seed_frames_with_slots():
    outline = Library.resolve().outline("party-lecture")
    speech = assemble(outline, example_values(outline))
    last = speech.sections[-1]                     # 002: 坚持X，在Y上精准聚力
    assert [c.title for c in last.children] == [
        "坚持思想铸魂，在筑牢思想根基上精准聚力", "坚持固本强基，在夯实基层基础上精准聚力",
        "坚持担当作为，在锻造过硬队伍上精准聚力", "坚持改革创新，在破解发展难题上精准聚力"]
    article = assemble(Library.resolve().outline("signed-article"),
                       example_values(Library.resolve().outline("signed-article")))
    assert article.sections[0].title == "把牢安全生产工作的政治方向，牢固树立安全发展理念"
    assert len({s.title.split("，")[0] for s in article.sections}) == len(article.sections)   # no repeated frame
    assert article.back[-1].text == "（作者系市应急管理局党委书记、局长）"
    seminar = assemble(Library.resolve().outline("seminar-remarks"))
    assert seminar.back[-1].text == "以上发言，不妥之处，请批评指正。"


# --- finding outlines --------------------------------------------------------------------------

@pytest.mark.parametrize("name, oid", [("党课", "party-lecture"), ("主持词", "host-script"),
                                       ("专题党课", "party-lecture"),
                                       ("民主生活会", "criticism-remarks"), ("组织生活会", "criticism-remarks"),
                                       ("述职述廉", "duty-report"), ("开班式", "training-opening"),
                                       ("培训班讲话", "training-opening"), ("欢迎辞", "address"),
                                       ("开幕致辞", "address"),
                                       ("座谈会", "symposium"), ("动员部署会", "mobilization"),
                                       ("总结表彰会", "commendation"),
                                       ("研讨交流发言", "seminar-remarks"), ("署名文章", "signed-article"),
                                       ("工作会议讲话", "meeting-speech")])
def test_chinese_names_and_aliases_work_as_ids(name, oid):
    assert Library.resolve().outline(name).id == oid


def test_every_builtin_name_and_alias_finds_one_outline():
    seen = {}
    for entry in Library.resolve().outlines():
        for name in entry.aliases:
            assert seen.setdefault(name, entry.id) == entry.id, name


def test_a_name_your_library_shares_with_a_builtin_outline_finds_yours(tmp_path):
    """Mining the seeds names an outline work-meeting 工作会议讲话, as the built-in meeting-speech is named:
    with --library, the name finds the mined one (yours wins, as for a same id); without, the built-in."""
    from drafter.mine import mine_corpus, write_library

    write_library(mine_corpus(REPO / "examples" / "corpus"), tmp_path / "mylib")
    assert Library.resolve([tmp_path / "mylib"]).outline("工作会议讲话").id == "work-meeting"
    assert Library.resolve().outline("工作会议讲话").id == "meeting-speech"


def test_unknown_outline_lists_the_known_ones_closest_first():
    with pytest.raises(DrafterError) as err:
        Library.resolve().outline("meeting-speach")
    message = str(err.value)
    assert "meeting-speach" in message
    listed = message.split("可用：")[1]
    assert listed.strip().startswith("meeting-speech")
    assert all(oid in listed for oid in BUILTINS)


def test_a_user_outline_with_the_same_id_wins_and_list_says_where_from(tmp_path, monkeypatch):
    lib = user_library(tmp_path)
    copy_outline(lib, "meeting-speech", lambda d: d.update(name="我们的工作会议讲话"))
    assert Library.resolve().outline("meeting-speech").name == "工作会议讲话"
    mine = Library.resolve([lib]).outline("meeting-speech")
    assert mine.name == "我们的工作会议讲话" and mine.origin == "--library"
    monkeypatch.setenv(ENV, str(lib))
    assert Library.resolve().outline("meeting-speech").origin == ENV
    entry = {e.id: e for e in Library.resolve().outlines()}["meeting-speech"]
    assert entry.origin == ENV and entry.shadows == [BUILTIN]


def test_outlines_list_shows_origin_and_a_broken_user_outline(tmp_path):
    lib = user_library(tmp_path)
    copy_outline(lib, "party-lecture", lambda d: d.update(id="my-lecture", name="我的党课"))
    (lib / "outlines" / "broken.yaml").write_text("id: broken\nname: [\n", encoding="utf-8")
    result = CliRunner().invoke(app, ["outlines", "list", "--library", str(lib)], env={"COLUMNS": "200"})
    assert result.exit_code == 0, result.output
    rows = {line.split("│")[1].strip(): line for line in result.output.splitlines() if line.startswith("│")}
    assert "内置" in rows["meeting-speech"] and "4（3–4）" in rows["meeting-speech"]
    assert "--library" in rows["my-lecture"] and "我的党课" in rows["my-lecture"]
    assert "无法加载" in rows["broken"]


def test_outlines_list_library_only_shows_ones_own_outlines(tmp_path):
    """A library mined from one's archive is looked at alone, as ``phrases list --library-only`` does."""
    lib = user_library(tmp_path)
    copy_outline(lib, "party-lecture", lambda d: d.update(id="my-lecture", name="我的党课"))
    result = CliRunner().invoke(app, ["outlines", "list", "--library", str(lib), "--library-only"],
                                env={"COLUMNS": "200"})
    assert result.exit_code == 0, result.output
    ids = [line.split("│")[1].strip() for line in result.output.splitlines() if line.startswith("│")]
    assert [i for i in ids if i] == ["my-lecture"]
    alone = CliRunner().invoke(app, ["outlines", "list", "--library-only"])
    assert alone.exit_code == 2


def test_outlines_list_fits_80_columns_in_a_few_lines_per_outline():
    from rich.cells import cell_len

    result = CliRunner().invoke(app, ["outlines", "list"], env={"COLUMNS": "80"})
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    rows = [line for line in lines if line.startswith("│")]
    ids = [line.split("│")[1].strip() for line in rows if line.split("│")[1].strip()]
    assert max(cell_len(line) for line in lines) <= 80
    assert "meeting-speech" in ids and "工作会议讲话" in result.output
    assert len(rows) <= 3 * len(ids)          # a name and two aliases; the convention is in show
    assert "drafter outlines show 编号" in result.output


def test_outlines_list_of_a_library_fits_80_columns_and_names_no_path(tmp_path):
    """A library's outline shows where it is from in the list, and its file in ``show`` (a path folded
    into a narrow column took five lines an outline)."""
    lib = user_library(tmp_path)
    copy_outline(lib, "party-lecture", lambda d: d.update(id="our-seminar", name="我们的研讨发言"))
    result = CliRunner().invoke(app, ["outlines", "list", "--library", str(lib)], env={"COLUMNS": "80"})
    assert result.exit_code == 0, result.output
    rows = [line for line in result.output.splitlines() if line.startswith("│")]
    ids = [line.split("│")[1].strip() for line in rows if line.split("│")[1].strip()]
    assert "our-seminar" in ids and len(rows) <= 3 * len(ids)
    assert "--library" in result.output and ".yaml" not in result.output
    shown = CliRunner().invoke(app, ["outlines", "show", "our-seminar", "--library", str(lib)],
                               env={"COLUMNS": "200"})
    assert "our-seminar.yaml" in shown.output


def test_outlines_show_prints_the_tree_and_per_item_keys():
    result = CliRunner().invoke(app, ["outlines", "show", "meeting-speech"], env={"COLUMNS": "200"})
    assert result.exit_code == 0, result.output
    out = result.output
    assert "在【会议名称】上的讲话" in out
    assert "二、突出工作重点，推动【工作主题】取得新突破" in out
    assert "第三，要补齐短板，【要点】" in out
    assert "--points 可调为 2–4" in out
    assert "sections.2.points.N.point（N=1–3）" in out
    assert "牢固树立安全发展理念／深入开展重点行业领域专项整治" in out
    assert "occasion" in out and "全市安全生产工作会议" in out       # a key to --set, in the table of values
    # the tree names roles and fields in Chinese, never by their codes
    assert "称呼 同志们：" in out and not re.search(r"\b(?:salutation|opening|transition|closing|speaker|date)\b",
                                                    out.split("要填的值")[0])


# --- templates: shared macros, user overrides, the sandbox --------------------------------------

def test_a_user_template_file_overrides_the_builtin_one(tmp_path):
    lib = user_library(tmp_path)
    (lib / "templates" / "openings.j2").write_text(
        "{% macro opinions(basis) %}下面，我就{{ basis }}讲三点意见。{% endmacro %}", encoding="utf-8")
    outline = Library.resolve([lib]).outline("meeting-speech")
    speech = assemble(outline, {"basis": "贯彻会议精神"})
    assert speech.front[-1].text == "下面，我就贯彻会议精神讲三点意见。"
    assert assemble(Library.resolve().outline("meeting-speech"), {"basis": "贯彻会议精神"}).front[-1].text == \
        "下面，我结合贯彻会议精神，再强调几点意见。"


@pytest.mark.parametrize("source", [
    "{{ ''.__class__.__mro__ }}",
    "{{ cycler.__init__.__globals__ }}",
    "{{ occasion.__class__ }}",
])
def test_an_outline_template_cannot_reach_python_internals(tmp_path, source):
    lib = user_library(tmp_path)
    copy_outline(lib, "meeting-speech", lambda d: d.update(title=source))
    outline = Library.resolve([lib]).outline("meeting-speech")
    with pytest.raises(DrafterError, match="沙箱") as err:
        assemble(outline, {"occasion": "会议"})
    assert str(err.value).startswith(f"{outline.path}:")


def test_a_library_template_file_cannot_reach_python_internals(tmp_path):
    lib = user_library(tmp_path)
    (lib / "templates" / "closings.j2").write_text(
        "{% macro rally(who, goal) %}{{ who.__class__.__base__.__subclasses__() }}{% endmacro %}",
        encoding="utf-8")
    outline = Library.resolve([lib]).outline("meeting-speech")
    with pytest.raises(DrafterError, match="沙箱"):
        assemble(outline, {"who": "全市各级各部门"})


def test_yaml_is_loaded_safely(tmp_path):
    marker = tmp_path / "pwned"
    path = tmp_path / "evil.yaml"
    path.write_text(f'id: evil\nname: !!python/object/apply:os.system ["touch {marker}"]\n', encoding="utf-8")
    problems = check_outline(path, Library.resolve().templates)
    assert not marker.exists()
    assert len(problems) == 1 and problems[0].where == f"{path}:2:7"


def test_sections_or_points_for_an_outline_without_parts_is_a_clear_error(tmp_path):
    """A 致辞 mined from addresses that have no parts: --sections 3 is refused in one line, not ignored."""
    lib = user_library(tmp_path)
    copy_outline(lib, "address", lambda d: d.update(id="flat-address", sections=[]))
    for option in ("--sections", "--points"):
        result = CliRunner().invoke(app, ["new", "flat-address", "--library", str(lib), option, "3",
                                          "-o", str(tmp_path / "x.docx")])
        assert result.exit_code == 1 and f"提纲 flat-address 不分部分，不能用 {option}" in result.output
        assert not (tmp_path / "x.docx").exists()
    plain = CliRunner().invoke(app, ["new", "flat-address", "--library", str(lib), "-o", str(tmp_path / "x.docx")])
    assert plain.exit_code == 0 and (tmp_path / "x.docx").is_file()
