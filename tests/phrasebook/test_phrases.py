"""The phrase book: both bank formats, the index (built once, rebuilt when the YAML changes),
look-up, filters and the ``drafter phrases`` commands."""

from __future__ import annotations

import json
import os
import time
from pathlib import Path

import pytest
from typer.testing import CliRunner

from phrasebook_helpers import ROOT
from drafter.library import Library
from drafter.cli import app
from drafter.errors import DrafterError
from drafter.phrasebook.index import index_dir

runner = CliRunner()


@pytest.fixture(scope="module")
def book():
    return Library.resolve().phrasebook()


def test_the_builtin_bank_loads(book):
    assert ({"opening.context", "transition", "frame", "quotation", "triad", "formulation", "closing.call"}
            <= set(book.functions()))
    assert len(book) > 100 and book.meta["sentences"] == "corpus"
    assert all(e.origin == "内置" for e in book.entries(limit=50))


# A bank of the old format ({{ A }} slots, no years), written by the tests: four entries hold 根本遵循
# (two of them seen in three documents, one a closing.call), a closing.modesty, two quotations (one
# by 傅玄) and two formulas; with the corpus sentences those entries came from.
OLD_FORMAT = """\
- id: opening.context.a33372
  function: opening.context
  text: 指明了{{ A }}方向、提供了根本遵循
  slots: [A]
  seen: {docs: 3, count: 4}
  sources: ['000_251da491407e7ad2.txt:1', '002_196b020fa5f85377.txt:12', '002_196b020fa5f85377.txt:40',
            '004_5b4d48522c5419d6.txt:21']
  example: …进一步健全全面从严治党体系指明了正确方向、提供了根本遵循
- id: opening.context.1f6471
  function: opening.context
  text: 提供了根本遵循
  seen: {docs: 3, count: 4}
  sources: ['000_251da491407e7ad2.txt:1', '002_196b020fa5f85377.txt:12', '002_196b020fa5f85377.txt:40',
            '004_5b4d48522c5419d6.txt:21']
  example: …进一步健全全面从严治党体系指明了正确方向、提供了根本遵循
- id: opening.context.add521
  function: opening.context
  text: 方向、提供了根本遵循
  seen: {docs: 2, count: 2}
  sources: ['000_251da491407e7ad2.txt:1', '004_5b4d48522c5419d6.txt:21']
  example: …进一步健全全面从严治党体系指明了正确方向、提供了根本遵循
- id: closing.call.87a60d
  function: closing.call
  text: 同志们，总书记的重要讲话为我们加强党的组织建设指明了前进方向、提供了根本遵循
  seen: {docs: 1, count: 1}
  sources: ['004_5b4d48522c5419d6.txt:21']
  example: 同志们，总书记的重要讲话为我们加强党的组织建设指明了前进方向、提供了根本遵循
- id: closing.call.c4ebc2
  function: closing.call
  text: 同志们，新时代要有新气象新作为
  seen: {docs: 1, count: 1}
  sources: ['004_5b4d48522c5419d6.txt:22']
  example: 同志们，新时代要有新气象新作为
- id: closing.modesty.98fdac
  function: closing.modesty
  text: 以上发言，不妥之处，请同志们批评指正，谢谢大家
  seen: {docs: 1, count: 1}
  sources: ['004_5b4d48522c5419d6.txt:23']
  example: 以上发言，不妥之处，请同志们批评指正，谢谢大家
- id: quotation.347350
  function: quotation
  text: 秉纲而目自张，执本而末自从
  seen: {docs: 1, count: 1}
  sources: ['002_196b020fa5f85377.txt:20']
  example: 西晋时期的文学家傅玄有“秉纲而目自张，执本而末自从”之说
  by: 傅玄
- id: quotation.333871
  function: quotation
  text: 育才造士，为国之本
  seen: {docs: 1, count: 1}
  sources: ['002_196b020fa5f85377.txt:24']
  example: “育才造士，为国之本”
- id: formula.a46ec1
  function: formula
  text: 新时代党的组织路线之魂
  seen: {docs: 1, count: 1}
  sources: ['002_196b020fa5f85377.txt:20']
  example: 新时代党的组织路线之魂
- id: formula.5e1f00
  function: formula
  text: 践行初心使命
  seen: {docs: 1, count: 1}
  sources: ['001_ba08b270c44729d2.txt:30']
  example: 组工干部要以担当作为践行初心使命
"""
OLD_SENTENCES = [
    ("为我们做好新时代党的建设总要求，进一步健全全面从严治党体系指明了正确方向、提供了根本遵循",
     "000_251da491407e7ad2.txt:1"),
    ("为推进党的建设和组织工作提供了根本遵循、指明了前进方向", "002_196b020fa5f85377.txt:12"),
    ("西晋时期的文学家傅玄有“秉纲而目自张，执本而末自从”之说，新时代党的组织路线之魂", "002_196b020fa5f85377.txt:20"),
    ("“育才造士，为国之本”", "002_196b020fa5f85377.txt:24"),
    ("总书记的重要讲话指明了前进方向、提供了根本遵循", "002_196b020fa5f85377.txt:40"),
    ("同志们，总书记的重要讲话为我们加强党的组织建设指明了前进方向、提供了根本遵循", "004_5b4d48522c5419d6.txt:21"),
    ("同志们，新时代要有新气象新作为", "004_5b4d48522c5419d6.txt:22"),
    ("以上发言，不妥之处，请同志们批评指正，谢谢大家", "004_5b4d48522c5419d6.txt:23"),
    ("组工干部要以担当作为践行初心使命", "001_ba08b270c44729d2.txt:30"),
]


def old_library(tmp_path: Path) -> Path:
    """A library whose phrase bank is OLD_FORMAT with its sentences."""
    import json

    folder = tmp_path / "old" / "phrasebank"
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "bank.yaml").write_text(OLD_FORMAT, encoding="utf-8")
    lines = [json.dumps({"text": t, "source": s, "year": None}, ensure_ascii=False) + "\n" for t, s in OLD_SENTENCES]
    (folder / "sentences.jsonl").write_text("".join(lines), "utf-8")
    return tmp_path / "old"


@pytest.fixture
def old(tmp_path, no_builtin_bank):
    return Library.resolve([old_library(tmp_path)]).phrasebook()


def test_search_finds_根本遵循_with_its_sources(old):
    book = old
    hits = book.search("根本遵循").hits
    texts = [h.entry.text for h in hits]
    assert "指明了{A}方向、提供了根本遵循" in texts          # old-format {{ A }} read as {A}
    best = hits[0]
    assert best.match == "substring" and 0.9 < best.score <= 1 and best.entry.docs == 3
    assert {s.split(":")[0][:3] for s in best.entry.sources} == {"000", "002", "004"}
    assert best.entry.plain[best.spans[0][0]:best.spans[0][1]] == "根本遵循"


def test_scores_are_real_and_tiers_ranked(book):
    near = book.search("根本尊循").hits
    assert near and near[0].match == "near" and 0 < near[0].score < 0.6 and "根本遵循" in near[0].entry.plain
    exact = book.search("秉纲而目自张，执本而末自从").hits[0]
    assert exact.score == 1.0
    mixed = book.search("党的建设", limit=200).hits
    assert len({h.score for h in mixed}) > 3
    assert ([h.score for h in mixed if h.match == "substring"]
            and all(h.score >= 0.9 for h in mixed if h.match == "substring"))


def test_function_filter_and_unknown_function(old):
    book = old
    assert {h.entry.function for h in book.search("之", limit=50).hits} > {"quotation"}
    assert [h.entry.id for h in book.search("之", function="quotation").hits] == ["quotation.333871"]
    closing = book.search("同志们", function="closing", limit=50).hits
    assert {h.entry.function for h in closing} == {"closing.call", "closing.modesty"}
    assert {h.entry.function for h in book.search("同志们", function="closing.call", limit=50).hits} == {"closing.call"}
    with pytest.raises(DrafterError) as err:
        book.search("同志们", function="nope")
    assert "closing.call、closing.modesty" in str(err.value) and "\n" not in str(err.value)


def test_show_and_unknown_ids(book):
    e = next(e for e in book.entries(function="quotation") if e.by == "傅玄")
    assert book.get(e.id).text == "秉纲而目自张，执本而末自从"
    sentences = dict(book.sentences_of(e))
    assert "秉纲而目自张" in sentences["002_196b020fa5f85377.txt:20"]
    with pytest.raises(DrafterError, match=r"没有编号或全文为 quotation.nope"):
        book.get("quotation.nope")
    # a phrase by its text, as a writer types it: quoted formulations with or without their quotes
    assert book.get("秉纲而目自张，执本而末自从").id == e.id
    quoted = next(e for e in book.entries(function="formulation") if e.text.startswith("“"))
    assert book.get(quoted.text.strip("“”")).id == quoted.id == book.get(quoted.text).id


NEW_FORMAT = """\
- id: requirement.0001
  function: requirement
  text: 要{A}，做到{B}过硬
  slots: [A, B]
  seen: {docs: 3, count: 5}
  sources: ['2015_a.txt:3', '2017_b.txt:9', '2019_c.txt:4']
  example: 要筑牢信仰之基，做到信念过硬。
  years: {first: 2015, last: 2019, by_year: {2015: 2, 2017: 1, 2019: 2}}
  dated: true
- id: requirement.0002
  function: requirement
  text: 压紧压实工作责任
  seen: {docs: 1, count: 1}
  sources: ['2021_d.txt:7']
  example: 各级各部门要压紧压实工作责任。
  years: {first: 2021, last: 2021, by_year: {2021: 1}}
"""


def _library(tmp_path: Path, text: str = NEW_FORMAT) -> Path:
    folder = tmp_path / "lib" / "phrasebank"
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "requirement.yaml").write_text(text, encoding="utf-8")
    return tmp_path / "lib"


def test_new_format_years_and_year_filters(tmp_path, no_builtin_bank):
    book = Library.resolve([_library(tmp_path)]).phrasebook()
    e = book.get("requirement.0001")
    assert e.text == "要{A}，做到{B}过硬" and e.plain == "要…，做到…过硬" and e.dated
    assert (e.first, e.last, e.by_year) == (2015, 2019, {2015: 2, 2017: 1, 2019: 2})
    ids = lambda q, **kw: [h.entry.id for h in book.search(q, fallback=False, **kw).hits]  # noqa: E731
    assert ids("要", function="requirement", since=2020) == []
    assert ids("压实", since=2020) == ["requirement.0002"]
    assert ids("过硬", until=2016) == ["requirement.0001"]
    assert ids("要", source="2017_b") == ["requirement.0001"]


def test_the_index_is_cached_and_rebuilt_when_the_yaml_changes(tmp_path):
    lib = _library(tmp_path)
    Library.resolve([lib]).phrasebook()
    built = sorted(p.name for p in index_dir().glob("*.sqlite"))
    assert Library.resolve([lib]).phrasebook().get("requirement.0002")
    assert sorted(p.name for p in index_dir().glob("*.sqlite")) == built   # reused
    time.sleep(0.01)
    _library(tmp_path, NEW_FORMAT.replace("压紧压实工作责任", "压紧压实主体责任"))
    assert Library.resolve([lib]).phrasebook().get("requirement.0002").text == "压紧压实主体责任"


def test_a_library_bank_overlays_the_builtin_one_and_errors_name_the_place(tmp_path):
    folder = tmp_path / "lib" / "phrasebank"
    folder.mkdir(parents=True)
    (folder / "transition.yaml").write_text(
        "- {id: transition.mine, function: transition, text: 下面，我讲三点意见, seen: {docs: 1, count: 1},"
        " sources: ['a.txt:3'], example: 下面，我讲三点意见。}\n", encoding="utf-8")
    mine = Library.resolve([tmp_path / "lib"]).phrasebook().get("transition.mine")
    assert mine.origin == "--library" and mine.sources == ("a.txt:3",)
    (folder / "bad.yaml").write_text("- {id: x}\n", encoding="utf-8")
    with pytest.raises(DrafterError, match=r"bad.yaml:1:3"):
        Library.resolve([tmp_path / "lib"]).phrasebook()
    (folder / "bad.yaml").write_text("- {id: x, function: [\n", encoding="utf-8")
    with pytest.raises(DrafterError, match=r"bad.yaml:2:1"):
        Library.resolve([tmp_path / "lib"]).phrasebook()


def test_phrases_commands():
    listed = runner.invoke(app, ["phrases", "list", "--function", "quotation"])
    assert listed.exit_code == 0 and "quotation." in listed.output and "formula." not in listed.output
    found = runner.invoke(app, ["phrases", "search", "根本遵循", "--wide"], env={"COLUMNS": "200"})
    assert found.exit_code == 0 and "根本遵循" in found.output and "000_251da491407e7ad2.txt:1" in found.output
    short = runner.invoke(app, ["phrases", "search", "根本遵循"], env={"COLUMNS": "80"})
    assert "000:1" in short.output and "000_251da491407e7ad2.txt" not in short.output
    pid = Library.resolve().phrasebook().search("秉纲而目自张").hits[0].entry.id
    shown = runner.invoke(app, ["phrases", "show", pid])
    assert shown.exit_code == 0 and "傅玄" in shown.output and "002_196b020fa5f85377.txt:20" in shown.output
    assert "秉纲而目自张，执本而末自从" in shown.output.split("002_196b020fa5f85377.txt:20")[1]
    missing = runner.invoke(app, ["phrases", "search", "完全无关的词语组合"])
    assert missing.exit_code == 1 and "没有找到" in missing.output
    unknown = runner.invoke(app, ["phrases", "search", "同志们", "--function", "nope"])
    assert unknown.exit_code == 1 and "closing.call" in unknown.output   # one line on stderr
    functions = runner.invoke(app, ["phrases", "functions"])
    assert functions.exit_code == 0 and "quotation" in functions.output


def test_show_has_a_sparkline_and_every_source(tmp_path):
    shown = runner.invoke(app, ["phrases", "show", "requirement.0001", "--library", str(_library(tmp_path))])
    assert shown.exit_code == 0, shown.output
    assert "正在为短语库建立索引" in shown.stderr                       # a new bank: said once
    again = runner.invoke(app, ["phrases", "show", "requirement.0001", "--library", str(tmp_path / "lib")])
    assert "建立索引" not in again.stderr
    assert "2015–2019" in shown.output and "█·▄·█" in shown.output
    assert all(s in shown.output for s in ("2015_a.txt:3", "2017_b.txt:9", "2019_c.txt:4"))
    assert "槽位：A、B" in shown.output
    assert "功能：requirement（要求）" in shown.output
    assert "近年：语料最近几年没有再用（最后见于 2019 年）" in shown.output     # dated: not used lately
    assert "来源（列出 3 处，共 5 处）" in shown.output                         # the bank lists some of its places
    found = runner.invoke(app, ["phrases", "search", "过硬", "--library", str(tmp_path / "lib")], env={"COLUMNS": "80"})
    assert "2015_a:3、2017_b:9 等 5 处" in found.output       # a year names no file: the name stays


def test_library_only_shows_the_entries_of_the_given_library(tmp_path):
    """A bank mined from one's own archive is browsed on its own: --library-only leaves out the built-in
    entries (and the sentences of the built-in corpus, where nothing matches)."""
    lib = str(_library(tmp_path))
    listed = runner.invoke(app, ["phrases", "list", "--library", lib, "--library-only", "--json"])
    assert listed.exit_code == 0, listed.output
    ids = [json.loads(line)["id"] for line in listed.stdout.splitlines()]
    assert ids == ["requirement.0001", "requirement.0002"]
    everything = runner.invoke(app, ["phrases", "list", "--library", lib, "--json"])
    assert len(everything.stdout.splitlines()) > 100                    # the built-in bank besides
    found = runner.invoke(app, ["phrases", "search", "根本遵循", "--library", lib, "--library-only", "--json"])
    assert found.exit_code == 1 and not found.stdout                    # the built-in formula is not there
    assert runner.invoke(app, ["phrases", "search", "压实", "--library", lib, "--library-only"]).exit_code == 0
    alone = runner.invoke(app, ["phrases", "list", "--library-only"])
    assert alone.exit_code == 2 and "--library" in alone.stderr and len(alone.stderr.splitlines()) == 1


def test_ones_own_library_comes_first_and_its_functions_count_alone(tmp_path):
    """Beside the built-in bank, the entries of one's own --library lead each function (as its outlines
    and templates take precedence), though built-in ones are seen in more documents; ``phrases
    functions --library-only`` counts them alone."""
    lib = str(_library(tmp_path))
    listed = runner.invoke(app, ["phrases", "list", "--library", lib, "--function", "requirement", "--json"])
    rows = [json.loads(line) for line in listed.stdout.splitlines()]
    assert [r["id"] for r in rows[:2]] == ["requirement.0001", "requirement.0002"]
    assert len(rows) > 2 and max(r["docs"] for r in rows[2:]) > max(r["docs"] for r in rows[:2])
    counted = runner.invoke(app, ["phrases", "functions", "--library", lib, "--library-only"], env={"COLUMNS": "80"})
    assert counted.exit_code == 0, counted.output
    assert [line.split()[0] for line in counted.stdout.splitlines()[2:]] == ["requirement"]
    assert counted.stdout.split()[-1] == "2"
    everything = runner.invoke(app, ["phrases", "functions", "--library", lib], env={"COLUMNS": "80"})
    assert len(everything.stdout.splitlines()) > 5


def test_list_marks_the_entries_recent_years_no_longer_use(tmp_path):
    listed = runner.invoke(app, ["phrases", "list", "--library", str(_library(tmp_path)), "--function", "requirement"],
                           env={"COLUMNS": "80"})
    assert listed.exit_code == 0, listed.output
    rows = {line.split()[0]: line for line in listed.stdout.splitlines() if line.startswith(("要", "压"))}
    assert rows["要…，做到…过硬"].endswith("2015–2019 旧")
    assert not rows["压紧压实工作责任"].endswith("旧")
    assert listed.stdout.splitlines()[-1] == "“旧”：语料最近几年没有再用"


def test_no_color_and_plain_output_off_a_terminal():
    out = runner.invoke(app, ["phrases", "search", "根本遵循"], env={"NO_COLOR": "1"})
    assert "\x1b[" not in out.output


def test_a_search_reads_no_yaml_and_help_loads_no_phrase_book(tmp_path):
    import subprocess
    import sys

    env = dict(os.environ, PYTHONPATH=str(ROOT))
    probe = ("import sys\nfrom drafter.cli import main\nsys.argv = ['drafter'] + sys.argv[1:]\n"
             "try:\n    main()\nexcept SystemExit:\n    pass\n"
             "print(sorted(m for m in ('yaml', 'pypinyin', 'rapidfuzz', 'drafter.phrasebook', 'rich') "
             "if m in sys.modules), file=sys.stderr)")
    run = lambda *args: subprocess.run([sys.executable, "-c", probe, *args], env=env, capture_output=True, text=True)  # noqa: E731
    run("phrases", "search", "根本遵循")                    # the index exists after this
    assert run("phrases", "search", "根本遵循").stderr.strip().endswith("['drafter.phrasebook']")  # nor rich
    helped = run("--help").stderr
    assert "drafter.phrasebook" not in helped and "yaml" not in helped and "rapidfuzz" not in helped


def test_an_unwritable_cache_still_searches(tmp_path, monkeypatch):
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    monkeypatch.setenv("DRAFTER_CACHE", str(blocker / "cache"))
    assert Library.resolve().phrasebook().search("根本遵循").hits


def test_terminal_output_highlights_matches_and_pages_long_lists(old, monkeypatch):
    import pydoc
    import sys

    from drafter.cli import phrases_view

    result = old.search("根本遵循")
    assert len(result.hits) == 4
    coloured = phrases_view.search_text(result, 80, color=True)
    assert "\x1b[1;7m根本遵循\x1b[0m" in coloured                       # the match, bold reverse
    assert "\x1b[" not in phrases_view.search_text(result, 80, color=False)
    paged = []
    monkeypatch.setattr(pydoc, "pager", paged.append)
    monkeypatch.setattr(sys.stdout, "isatty", lambda: True, raising=False)
    monkeypatch.setattr(phrases_view.shutil, "get_terminal_size", lambda fallback: os.terminal_size((80, 10)))
    phrases_view.emit(coloured)
    assert paged == [coloured]                                        # longer than the screen: paged
    monkeypatch.delenv("NO_COLOR", raising=False)
    assert phrases_view.terminal()[2] is True
    monkeypatch.setenv("NO_COLOR", "1")
    assert phrases_view.terminal()[2] is False


def test_list_shows_a_page_and_json_all(tmp_path):
    out = runner.invoke(app, ["phrases", "list", "-n", "5"], env={"COLUMNS": "100"})
    assert out.exit_code == 0 and "显示前 5 条" in out.output
    lines = runner.invoke(app, ["phrases", "list", "--json"]).output.splitlines()
    assert len(lines) == len(Library.resolve().phrasebook())


def test_an_index_built_by_worker_processes_is_the_same(tmp_path, monkeypatch):
    from drafter.phrasebook.index import workers

    lib = _library(tmp_path)
    (lib / "phrasebank" / "more.yaml").write_text(NEW_FORMAT.replace("requirement.000", "measures.000")
                                                  .replace("function: requirement", "function: measures"), "utf-8")
    serial = Library.resolve([lib]).phrasebook()
    monkeypatch.setenv("DRAFTER_CACHE", str(tmp_path / "other-cache"))
    monkeypatch.setenv("DRAFTER_INDEX_WORKERS", "2")
    assert workers(serial.files) == 2
    parallel = Library.resolve([lib]).phrasebook()
    for q in ("过硬", "压实", "gbzx", "根本尊循", "yszr"):
        assert [h.to_dict(0) for h in serial.search(q).hits] == [h.to_dict(0) for h in parallel.search(q).hits]
    assert len(serial) == len(parallel)


def test_an_unknown_name_among_none_is_an_error_not_a_crash():
    from drafter.library import unknown

    assert "可用：（无）" in str(unknown("版式", "公文", []))         # difflib refused n=0: an internal error


def test_a_source_is_shortened_to_what_tells_its_file_apart():
    """A numbered file by its number (000_251da491407e7ad2.txt → 000); a year names no file (a folder of
    2017-….txt speeches shares it): such a name is kept, cut to twelve cells."""
    from drafter.cli.phrases_view import short_source

    assert short_source("000_251da491407e7ad2.txt:12") == "000:12"
    assert short_source("1954.txt:5") == "1954:5"
    assert short_source("2017-决胜全面建成小康社会夺取新时代中国特色社会主义伟大胜利.txt:30") == "2017-决胜全…:30"
    assert short_source("2018-在民营企业座谈会上的讲话.txt:7") == "2018-在民营…:7"
