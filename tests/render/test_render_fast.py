"""The fast .docx writer gives the reference writer's bytes, for every built-in outline, the seeds and any speech."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import drafter
from drafter.library import ENV, Library
from drafter.model import Gap, Meta, Paragraph, Placeholder, Section, Speech
from drafter.outlines.assemble import assemble, example_values
from drafter.render.docx import build_document, docx_bytes
from drafter.render.docx_fast import Unsupported, fast_docx, render_docx

REPO = Path(__file__).resolve().parents[2]
SEEDS = sorted((REPO / "examples" / "corpus").glob("*.txt"))
HELDOUT = sorted((REPO / "tests" / "data" / "heldout").glob("*.txt"))
PROFILES = ("gbt9704", "speech", "windows-fonts")


@pytest.fixture(scope="module")
def library(request):
    mp = pytest.MonkeyPatch()
    mp.delenv(ENV, raising=False)
    request.addfinalizer(mp.undo)
    return Library.resolve()


def reference(speech: Speech, profile) -> bytes:
    return docx_bytes(build_document(speech, profile))


@pytest.mark.parametrize("style", PROFILES)
def test_every_builtin_outline_bare_and_with_examples(library, style):
    profile = library.profile(style)
    entries = library.outlines()
    assert len(entries) >= 4
    for entry in entries:
        for values in ({}, example_values(entry.outline)):
            speech = assemble(entry.outline, values)
            assert fast_docx(speech, profile) == reference(speech, profile), (entry.id, style, bool(values))


@pytest.mark.parametrize("style", PROFILES)
def test_the_seeds_and_heldout_speeches_as_drafter_format_writes_them(library, style):
    profile = library.profile(style)
    for path in SEEDS + HELDOUT:
        speech = drafter.read(path)
        assert fast_docx(speech, profile) == reference(speech, profile), (path.name, style)


def test_render_uses_the_fast_writer_and_the_reference_doc_the_reference_writer(library, tmp_path, monkeypatch):
    from drafter.render import render

    profile = library.profile("gbt9704")
    speech = drafter.read(SEEDS[0])
    calls = []
    monkeypatch.setattr("drafter.render.docx_fast.fast_docx", lambda *a: calls.append(a) or b"fast")
    assert render(speech, "docx", profile) == b"fast"
    ref = tmp_path / "ref.docx"
    ref.write_bytes(reference(speech, profile))
    assert render(speech, "docx", profile, ref) != b"fast" and len(calls) == 1


# -- any speech: text with markup characters, tabs and breaks, deep headings, hints with several lines

TEXT = st.text(st.sampled_from(list("讲话同志们要抓落实&<>\"' \t\n\r\u3000“”—…·ab1")), max_size=12)
HINT = st.one_of(st.none(), TEXT)


@st.composite
def inlines(draw, min_size=0):
    parts = draw(st.lists(st.one_of(TEXT, st.builds(Placeholder, st.sampled_from(["a", "b.c", "front.1"]),
                                                       st.sampled_from(["会议名称", "讲话人"]), HINT)),
                          min_size=min_size, max_size=4))
    return parts


@st.composite
def paragraphs(draw):
    role = draw(st.sampled_from(["body", "salutation", "opening", "closing", "pull_quote", "author_note"]))
    return Paragraph(draw(inlines()), role, hint=draw(HINT))


@st.composite
def sections(draw, depth=1):
    body = draw(st.lists(st.one_of(paragraphs(), st.builds(Gap, st.none(), st.one_of(st.none(), st.integers(1, 999)))),
                         max_size=2))
    children = draw(st.lists(sections(depth + 1), max_size=2)) if depth < 6 else []
    return Section(heading=draw(st.one_of(st.none(), inlines(1))), depth=depth,
                   style=draw(st.sampled_from(["一、", "（一）", "1．", "（1）", "第一，", "lead", "none"])),
                   run_in=draw(st.booleans()), body=body, children=children, hint=draw(HINT))


@st.composite
def speeches(draw):
    meta = Meta(title=draw(st.one_of(st.none(), inlines(), st.just(["在全市组织工作会议上的讲话" * 6]))),
                subtitle=draw(st.one_of(st.none(), inlines())), speaker=draw(st.one_of(st.none(), inlines())),
                date=draw(st.one_of(st.none(), inlines())))
    return Speech(meta=meta, front=draw(st.lists(paragraphs(), max_size=3)),
                  sections=draw(st.lists(sections(), max_size=3)), back=draw(st.lists(paragraphs(), max_size=2)))


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(speech=speeches(), style=st.sampled_from(PROFILES))
def test_any_speech_gives_the_reference_bytes(library, speech, style):
    profile = library.profile(style)
    try:
        fast = fast_docx(speech, profile)
    except Unsupported:
        fast = None
    assert render_docx(speech, profile) == reference(speech, profile)
    if fast is not None:
        assert fast == reference(speech, profile)


def test_text_xml_cannot_hold_fails_as_the_reference_writer_fails(library):
    profile = library.profile("gbt9704")
    speech = Speech(meta=Meta(title=["标题\x0b"]), front=[Paragraph(["正文\x01"])])
    with pytest.raises(Unsupported):
        fast_docx(speech, profile)
    with pytest.raises(ValueError):
        render_docx(speech, profile)


def test_parts_kept_on_disk_give_the_same_bytes(library, tmp_path, monkeypatch):
    from drafter.render import docx_fast

    monkeypatch.setenv("DRAFTER_CACHE", str(tmp_path / "cache"))
    monkeypatch.setattr(docx_fast, "_CACHE", {})
    profile = library.profile("speech")
    speech = assemble(library.outline("party-lecture"))
    built = fast_docx(speech, profile)
    kept = sorted((tmp_path / "cache").glob("*.json"))
    assert len(kept) == 2                           # the variant without comments and the one with them
    monkeypatch.setattr(docx_fast, "_CACHE", {})
    monkeypatch.setattr(docx_fast._Parts, "build", None)   # must come from disk now
    assert fast_docx(speech, profile) == built == reference(speech, profile)
    for path in kept:                               # a damaged cache file is built again, not trusted
        path.write_bytes(b"{not json")
    monkeypatch.undo()
    monkeypatch.setenv("DRAFTER_CACHE", str(tmp_path / "cache"))
    monkeypatch.setattr(docx_fast, "_CACHE", {})
    assert fast_docx(speech, profile) == built


def test_run_in_heads_and_a_title_over_255_characters_need_no_fallback(library):
    """The style separator of a run-in head and the cut core title are written by the fast writer itself."""
    profile = library.profile("gbt9704")
    head = Section(heading=["第一，要抓落实。"], depth=1, style="第一，", run_in=True,
                   body=[Paragraph(["正文 text\t<&>"], hint="提示")], hint="要点")
    speech = Speech(meta=Meta(title=["在全市组织工作会议上的讲话" * 25]), sections=[head])
    built = fast_docx(speech, profile)
    assert built == reference(speech, profile)
    assert b"docProps/core.xml" in built
