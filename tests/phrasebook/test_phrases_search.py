"""The everyday searches and the seeds' recurring formulas are found by their text, by pinyin
initials and with a one-character typo; JSON output validates against its schema; an 80-column run
loses no character of any printed entry."""

from __future__ import annotations

import json
import jsonschema
import pytest
from rich.cells import cell_len
from typer.testing import CliRunner

from phrasebook_helpers import EVERYDAY, RECURRING, ROOT, as_query, found, initials, typo
from drafter.library import Library
from drafter.cli import app
from drafter.phrasebook.bank import write_sentences
from test_phrases import _library

SCHEMA = json.loads((ROOT / "drafter/phrasebook/search-result.schema.json").read_text("utf-8"))
runner = CliRunner()


@pytest.fixture(scope="module")
def builtin():
    """The built-in bank: mined from the seeds (examples/corpus) and the government work reports, with
    the seeds' sentences."""
    return Library.resolve().phrasebook()


@pytest.fixture(scope="module")
def wider(tmp_path_factory):
    """The built-in bank with the sentences of the held-out speeches too (凝心聚力 and 压实…责任 are
    in those, not in examples/corpus)."""
    lib = tmp_path_factory.mktemp("lib")
    (lib / "phrasebank").mkdir()
    write_sentences(ROOT / "tests/data/heldout", lib / "phrasebank" / "sentences.jsonl")
    return Library.resolve([lib]).phrasebook()


def _found(book, query, expected):
    hits = book.search(query, limit=20).hits
    return any(found(expected, h.text) for h in hits), hits


@pytest.mark.parametrize("phrase", EVERYDAY + RECURRING)
def test_found_by_text_initials_and_a_typo(wider, phrase):
    for query in (as_query(phrase), initials(phrase), typo(as_query(phrase))):
        ok, hits = _found(wider, query, phrase)
        assert ok, f"{query!r} did not find {phrase!r}: {[h.text[:20] for h in hits[:5]]}"


@pytest.mark.parametrize("phrase", [p for p in EVERYDAY if p not in ("凝心聚力", "压实责任")] + RECURRING)
def test_the_builtin_bank_finds_what_its_corpus_holds(builtin, phrase):
    for query in (as_query(phrase), initials(phrase), typo(as_query(phrase))):
        assert _found(builtin, query, phrase)[0], query


def test_the_builtin_bank_still_answers_what_its_corpus_lacks(builtin):
    near = builtin.search("凝心聚力").hits                  # the corpus has 凝聚力
    assert near and near[0].match == "near" and "凝聚力" in near[0].text
    spread = builtin.search("压实责任").hits                # 压实党组织书记第一责任
    assert spread and spread[0].match == "ordered" and spread[0].kind == "sentence"


def test_ordered_characters_and_split_words(builtin):
    hits = builtin.search("担当作为", limit=50).hits
    assert any(h.match == "ordered" and "敢于负责、勇于担当、善于作为" in h.text for h in hits)
    words = builtin.search("压实 责任").hits
    assert words and all(h.match == "words" and "压实" in h.text and "责任" in h.text for h in words)


def test_pinyin_in_full_initials_and_near(builtin):
    for q in ("gbzx", "genbenzunxun", "GBZX"):
        hit = builtin.search(q).hits[0]
        assert hit.match == "pinyin" and "根本遵循" in hit.text[hit.spans[0][0]:hit.spans[0][1]]
    assert builtin.search("dandangzuowei").hits[0].text.count("担当作为")
    hits = builtin.search("gbzq", limit=20).hits            # one initial wrong
    assert any(h.match == "near" and "根本遵循" in h.text for h in hits)


def test_pinyin_initials_in_order_rank_above_near_misses(tmp_path, no_builtin_bank):
    """gbzq: no entry spells it; 香港特别行政区 holds its initials in order, close together (港别政区),
    which ranks above the near miss 根本遵循 (one initial wrong)."""
    lib = _library(tmp_path, """\
- {id: significance.1, function: significance, text: 提供了根本遵循, seen: {docs: 3, count: 4}, sources: ['a.txt:1']}
- {id: formulation.1, function: formulation, text: 香港特别行政区, seen: {docs: 1, count: 1}, sources: ['b.txt:1']}
- {id: formulation.2, function: formulation, text: 改革开放, seen: {docs: 9, count: 9}, sources: ['c.txt:1']}
""")
    book = Library.resolve([lib]).phrasebook()
    hit = book.search("gbzx").hits[0]
    assert hit.match == "pinyin" and hit.text[hit.spans[0][0]:hit.spans[0][1]] == "根本遵循"
    hits = book.search("gbzq").hits
    assert [(h.match, h.entry.id) for h in hits] == [("pinyin", "formulation.1"), ("near", "significance.1")]
    assert [hits[0].text[a:b] for a, b in hits[0].spans] == ["港", "别", "政区"] and hits[0].score > 0.6 > hits[1].score
    hits = book.search("gbzk").hits                         # one initial wrong, none in order: near only
    assert [(h.match, h.entry.id) for h in hits] == [("near", "significance.1")]


def test_json_lines_validate_against_the_schema(wider):
    for args in (["根本遵循"], ["担当作为"], ["gbzx"], ["根本尊循"], ["压实", "责任"]):
        out = runner.invoke(app, ["phrases", "search", *args, "--json", "-n", "50"])
        assert out.exit_code == 0
        lines = out.output.splitlines()
        assert lines
        for line in lines:
            jsonschema.validate(json.loads(line), SCHEMA)
    kinds = {json.loads(l)["kind"]
             for l in runner.invoke(app, ["phrases", "search", "担当作为", "--json"]).output.splitlines()}
    assert kinds == {"sentence"}


def _column(lines: list[str], start: int, end: int | None) -> str:
    """The characters of lines between two display columns (CJK characters are two cells wide)."""
    out = []
    for line in lines:
        cells, chars = 0, []
        for ch in line:
            if cells >= start and (end is None or cells < end):
                chars.append(ch)
            cells += cell_len(ch)
        out.append("".join(chars))
    return "".join("".join(out).split())


@pytest.mark.parametrize("args", [["search", "发展", "-n", "100"], ["search", "gbzx"], ["list"]])
def test_80_columns_lose_no_character(builtin, args):
    out = runner.invoke(app, ["phrases", *args, "--no-pager"], env={"COLUMNS": "80"})
    assert out.exit_code == 0
    lines = out.output.splitlines()
    assert max(cell_len(line) for line in lines) <= 80
    header = next(i for i, line in enumerate(lines) if line.lstrip().startswith("短语") and "编号" in line)
    head = lines[header]
    cols = [cell_len(head[:head.index(name)]) for name in ("短语", "编号", "篇数", "年份")]
    body = lines[header + 2:]
    texts = _column(body, cols[0], cols[1])
    ids = _column(body, cols[1], cols[2])
    docs = _column(body, cols[2], cols[3])
    query = args[1] if args[0] == "search" else None
    entries = [h.entry for h in builtin.search(query, limit=100).hits] if query else builtin.entries(limit=500)
    assert entries and all(entries)                     # entries, not corpus sentences
    if not query and len(builtin) > 500:                # the list shows a page: its first 500
        assert "显示前 500 条" in out.output
    pos_t = pos_i = pos_d = 0
    for e in entries:                                   # in order, each whole
        pos_t = texts.index("".join(e.plain.split()), pos_t)
        pos_i = ids.index(e.id, pos_i)
        pos_d = docs.index(str(e.docs), pos_d)
