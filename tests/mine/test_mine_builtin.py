"""The built-in phrase bank is exactly what ``python scripts/build_library.py`` gives: the seeds and
the government work reports, mined afresh (skipped, with the reason, where the reports are missing)."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
spec = importlib.util.spec_from_file_location("build_library", ROOT / "scripts" / "build_library.py")
build_library = importlib.util.module_from_spec(spec)
spec.loader.exec_module(build_library)


@pytest.mark.skipif(not build_library.REPORTS.is_dir(),
                    reason=f"the government work reports are not at {build_library.REPORTS} "
                           "(CI has them at ../shared/corpus)")
def test_the_builtin_phrase_bank_is_what_build_library_gives():
    mined = build_library.build(jobs=1)
    shipped = {f"phrasebank/{p.name}": p.read_text(encoding="utf-8")
               for p in sorted((ROOT / "phrasebank").glob("*.yaml"))}
    assert sorted(mined) == sorted(shipped)
    for name in mined:
        assert mined[name] == shipped[name], f"{name} drifted: run python scripts/build_library.py"


def test_the_builtin_bank_holds_the_seeds_formulas():
    """The seeds' formulas are entries of the built-in bank, though the reports' 50%以上 and 作为 drown their
    halves in the two corpora together: the seeds are mined on their own too (``MineResult.take_phrases``)."""
    import yaml

    texts = {e["text"] for p in (ROOT / "phrasebank").glob("*.yaml")
             for e in yaml.safe_load(p.read_text(encoding="utf-8")) or []}
    assert {"以上率下", "落地见效", "全面从严治党", "风清气正", "“四个意识”"} <= texts


def test_the_builtin_banks_functions_fit_times_and_significance():
    """A time that opens a clause (党的十八大以来, 香港回归祖国以来) is a formula, not a measure (a verb with
    its object); …具有十分重要的意义 tells significance, with or without its 的."""
    import yaml

    entries = [e for p in (ROOT / "phrasebank").glob("*.yaml") for e in yaml.safe_load(p.read_text(encoding="utf-8"))]
    by_text = {e["text"]: e["function"] for e in entries}
    assert by_text["党的十八大以来"] == "formula" and by_text["具有十分重要的意义"] == "significance"
    assert not [e["text"] for e in entries if e["function"] == "measure" and e["text"].endswith(("以来", "以后"))]


def test_the_builtin_bank_holds_no_noun_of_a_quality():
    """The noun of a quality or a capacity (优越性, in the reports' 社会主义制度的优越性; 针对性, 前瞻性;
    购买力, in 社会购买力) is a word of the language, no formula a writer looks up; longer phrases with one
    stay (增强针对性和实效性)."""
    import yaml

    texts = [e["text"] for p in (ROOT / "phrasebank").glob("*.yaml")
             for e in yaml.safe_load(p.read_text(encoding="utf-8"))]
    assert not [t for t in texts if len(t) == 3 and t.endswith(("性", "力"))]
    assert [t for t in texts if len(t) > 3 and t.endswith(("性", "力"))]
