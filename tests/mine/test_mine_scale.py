"""Mining as a map and a reduce: the same bytes whatever --jobs; a document saved twice counts once;
each entry carries its years; the bank stays bounded."""

from __future__ import annotations

import shutil
from pathlib import Path

import yaml

from drafter.mine import mine_corpus
from drafter.mine.functions import FUNCTIONS
from drafter.mine.write import library_files

ROOT = Path(__file__).resolve().parents[2]
SEEDS = ROOT / "examples" / "corpus"


def test_output_is_byte_identical_across_jobs():
    calls = []
    one = library_files(mine_corpus(SEEDS, jobs=1))
    two = library_files(mine_corpus(SEEDS, jobs=2,
                                    progress=lambda stage, done, total: calls.append((stage, done, total))))
    assert one == two
    assert ("read", 5, 5) in calls and {c[0] for c in calls} >= {"read", "index", "formulas", "bank", "outlines"}


def test_a_document_saved_twice_counts_once(tmp_path):
    folder = tmp_path / "c"
    shutil.copytree(SEEDS, folder)
    shutil.copy(SEEDS / "001_ba08b270c44729d2.txt", folder / "zz-copy.txt")
    lines = (SEEDS / "003_aa5df99e38cf3292.txt").read_text(encoding="utf-8").splitlines()
    (folder / "zz-edited.txt").write_text("\n".join(lines[:-3] + ["新加的一句话，不影响大局。"]), encoding="utf-8")
    result = mine_corpus(folder)
    assert result.documents == mine_corpus(SEEDS).documents
    reasons = {s.name: s.reason for s in result.skipped}
    assert reasons["zz-copy.txt"].endswith("001_ba08b270c44729d2.txt 重复")
    assert "重复" in reasons["zz-edited.txt"]
    assert library_files(result) == library_files(mine_corpus(SEEDS))


def test_of_two_versions_the_fuller_is_kept(tmp_path):
    """An excerpt (a news copy cut short) read before the full text is the one left out, as a duplicate of
    the full text, whatever their names' order."""
    folder = tmp_path / "c"
    shutil.copytree(SEEDS, folder)
    full = SEEDS / "001_ba08b270c44729d2.txt"
    lines = full.read_text(encoding="utf-8").splitlines()
    (folder / "000-excerpt.txt").write_text("\n".join(lines[:len(lines) // 2]), encoding="utf-8")
    (folder / "zz-excerpt-again.txt").write_text("\n".join(lines[:len(lines) // 2]), encoding="utf-8")
    result = mine_corpus(folder)
    assert result.documents == mine_corpus(SEEDS).documents
    reasons = {s.name: s.reason for s in result.skipped}
    assert reasons == {"000-excerpt.txt": f"与 {full.name} 重复", "zz-excerpt-again.txt": f"与 {full.name} 重复"}


def test_entries_carry_years_from_dates_and_file_names(tmp_path):
    result = mine_corpus(SEEDS)
    assert result.years == [None, 2023, None, 2021, 2025]       # 000 and 002 have no date; 001, 004 posting dates
    folder = tmp_path / "dated"
    folder.mkdir()
    for year, seed in ((2015, "000_251da491407e7ad2.txt"), (2024, "002_196b020fa5f85377.txt"),
                       (2019, "004_5b4d48522c5419d6.txt")):       # the name dates the speech; 2025-08 was its posting
        shutil.copy(SEEDS / seed, folder / f"{year}-06-18_讲话.txt")
    files = library_files(mine_corpus(folder))
    entries = [e for name, text in files.items() if name.startswith("phrasebank/")
               for e in yaml.safe_load(text.split("\n", 1)[1])]
    both = next(e for e in entries if e["text"] == "指明了{A}方向、提供了根本遵循")
    assert (both["years"] == {"first": 2015, "last": 2024, "by_year": {2015: 1, 2019: 1, 2024: 1}}
            and "dated" not in both)
    old = [e for e in entries if e.get("years", {}).get("last") == 2015]
    assert old and all(e["dated"] for e in old)                 # not seen in the last five years (2020–2024)


def test_functions_are_described_and_the_bank_is_bounded():
    result = mine_corpus(SEEDS, max_per_function=5)
    assert all(p.function in FUNCTIONS and FUNCTIONS[p.function] for p in result.phrases)
    counts = {f: sum(p.function == f for p in result.phrases) for f in FUNCTIONS}
    assert max(counts.values()) == 5               # the seeds (2021–2025) have no older years: no current extra


def test_a_character_beyond_the_basic_plane_leaves_the_counts_alone(tmp_path):
    """The index keeps two bytes a character, four where one is beyond U+FFFF (a rare name character such
    as 𠀀): the seeds with such a character added to one sentence give the same formulas."""
    folder = tmp_path / "c"
    shutil.copytree(SEEDS, folder)
    first = sorted(folder.glob("*.txt"))[0]
    first.write_text(first.read_text(encoding="utf-8").replace("。", "𠀀。", 1), encoding="utf-8")
    plain, wide = mine_corpus(SEEDS), mine_corpus(folder)
    assert wide.index.code.dtype.itemsize == 4 and plain.index.code.dtype.itemsize == 2
    assert {(p.text, p.docs) for p in plain.phrases if p.function == "idiom"} == \
        {(p.text, p.docs) for p in wide.phrases if p.function == "idiom"}
    assert wide.index.lookup("全面从严治党") == plain.index.lookup("全面从严治党") != (0, 0)


def test_work_beside_the_index_runs_in_a_forked_process_and_falls_back_here():
    """With two jobs the speeches' own sentences and the outlines are made in a forked process; a child
    that fails leaves the work to this process; with one job it is done here."""
    import os

    from drafter.mine.parallel_map import beside

    here = os.getpid()
    assert beside(os.getpid, 2)() != here
    assert beside(lambda: 1 // 0 if os.getpid() != here else "here", 2)() == "here"
    assert beside(os.getpid, 1)() == here


def test_large_blocks_are_given_back_on_linux():
    """On Linux with glibc (CI's Debian) the mmap threshold is set: freed index arrays leave the process."""
    import sys

    from drafter.mine.memory import give_back_large_blocks

    assert give_back_large_blocks() is sys.platform.startswith("linux")


def test_free_pages_are_given_back_between_stages_on_linux(monkeypatch):
    """glibc's malloc_trim runs after the corpus is read (OpenCC's dictionaries let go), after the index,
    after the formulas are picked and after the bank's formulas and the gapped ones are made."""
    import sys

    import drafter.mine
    from drafter.mine.memory import give_back_free_pages

    assert give_back_free_pages() is sys.platform.startswith("linux")
    calls = []
    monkeypatch.setattr(drafter.mine, "give_back_free_pages", lambda: calls.append(1))
    mine_corpus(SEEDS)
    assert len(calls) == 4


def test_the_cycle_collector_is_paused_while_mining_and_runs_again_after(monkeypatch):
    import gc

    import drafter.mine
    from drafter.mine.memory import cycles_paused

    seen = []
    read = drafter.mine.read_corpus
    monkeypatch.setattr(drafter.mine, "read_corpus", lambda *a: seen.append(gc.isenabled()) or read(*a))
    gc.enable()
    result = mine_corpus(SEEDS)
    assert seen == [False] and gc.isenabled()
    import drafter.mine.write

    dump = drafter.mine.write.dump
    monkeypatch.setattr(drafter.mine.write, "dump", lambda *a: seen.append(gc.isenabled()) or dump(*a))
    library_files(result)
    assert set(seen) == {False} and len(seen) > 2 and gc.isenabled()
    gc.disable()                                   # a caller that paused it itself keeps it paused
    try:
        with cycles_paused():
            assert not gc.isenabled()
        assert not gc.isenabled()
    finally:
        gc.enable()
