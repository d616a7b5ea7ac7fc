"""Exports: the self-contained HTML page tested in a real browser (headless Chromium driven by
Playwright: type a query, read the results, apply a filter, click copy), the CSV table and the
.docx 素材汇编."""

from __future__ import annotations

import csv
import io
import re
import shutil
import zipfile
from pathlib import Path

import pytest
from typer.testing import CliRunner

import phrasebook_helpers  # noqa: F401  (a cache folder of the tests' own)
from drafter.library import Library
from drafter.cli import app
from test_phrases import _library, old_library

runner = CliRunner()
CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")


def _export(tmp_path: Path, name: str, *extra: str) -> Path:
    out = tmp_path / name
    result = runner.invoke(app, ["phrases", "export", "-o", str(out), *extra])
    assert result.exit_code == 0, result.output
    return out


def test_the_html_page_is_one_self_contained_file(tmp_path):
    page = _export(tmp_path, "素材库.html", "--html").read_text("utf-8")
    assert "<script src" not in page and "<link" not in page and "@import" not in page and "url(" not in page
    assert not re.search(r"(src|href)=[\"']?(https?:)?//", page)
    assert "default-src 'none'" in page                      # the page may not fetch anything
    assert "根本遵循" in page and "gen ben zun xun" in page      # entries and their precomputed pinyin
    again = runner.invoke(app, ["phrases", "export", "-o", str(tmp_path / "素材库.html"), "--html"])
    assert again.exit_code != 0                                # not overwritten without --force


def test_csv_and_docx(tmp_path):
    rows = list(csv.DictReader(io.StringIO(_export(tmp_path, "素材.csv").read_text("utf-8-sig"))))
    book = Library.resolve().phrasebook()
    assert len(rows) == len(book) and {"编号", "短语", "来源", "例句"} <= set(rows[0])
    quote = next(r for r in rows if r["出处"] == "傅玄")
    assert quote["短语"] == "秉纲而目自张，执本而末自从" and "002_196b020fa5f85377.txt:20" in quote["来源"]


def test_docx_of_one_function(tmp_path, no_builtin_bank):
    lib = old_library(tmp_path)
    docx = _export(tmp_path, "素材汇编.docx", "--function", "closing", "--library", str(lib))
    xml = zipfile.ZipFile(docx).read("word/document.xml").decode("utf-8")
    assert "结尾·号召" in xml and "结尾·谦辞" in xml and "以上发言" in xml and "来源：" in xml
    assert "formula" not in xml and "秉纲而目自张" not in xml and "组织路线之魂" not in xml
    from docx import Document

    document = Document(str(docx))
    sources = [p for p in document.paragraphs if p.text.startswith("来源：")]
    assert sources and all(p.style.name == "Note" for p in sources)    # a list of files is not justified
    note = document.styles["Note"]
    assert note.paragraph_format.alignment == 0 and note.font.size.pt == 14       # left, 4号


@pytest.fixture(scope="module")
def browser():
    playwright = pytest.importorskip("playwright.sync_api", reason="Playwright is not installed (pip install .[test])")
    if not CHROMIUM:
        pytest.skip("Chromium is not installed (Debian: apt-get install chromium; .ci/run installs it)")
    with playwright.sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox"])
        yield b
        b.close()


@pytest.mark.slow
def test_the_page_in_a_real_browser(browser, tmp_path, no_builtin_bank):
    page_file = _export(tmp_path, "素材库.html", "--html", "--library", str(old_library(tmp_path)))
    context = browser.new_context(viewport={"width": 1000, "height": 760})
    context.grant_permissions(["clipboard-read", "clipboard-write"])
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.route("**/*", lambda route: route.abort() if not route.request.url.startswith("file:") else route.continue_())
    page.goto(page_file.as_uri())
    page.wait_for_function("window.phrasebook && window.phrasebook.ready")
    first = lambda: page.locator(".card .text").first.inner_text()  # noqa: E731

    page.fill("#q", "根本遵循")                                   # text
    assert "根本遵循" in first() and page.locator(".card .text mark").first.inner_text() == "根本遵循"
    assert page.locator(".card").count() == 4
    page.fill("#q", "gbzx")                                       # pinyin initials
    assert "根本遵循" in first() and page.locator(".card").count() == 4
    page.fill("#q", "genbenzunxun")                               # full pinyin
    assert "根本遵循" in first()
    page.fill("#q", "根本尊循")                                   # a typo: near
    assert "根本遵循" in first() and "相近" in page.locator(".card .kind").first.inner_text()
    page.fill("#q", "担当作为")                                   # not in the bank: its sentences
    assert "短语库中没有" in page.inner_text("#status") and "担当作为" in first()

    page.fill("#q", "根本遵循")
    page.select_option("#fn", label="结尾·号召（closing.call）")   # a filter
    assert page.locator(".card").count() == 1 and first().startswith("同志们")
    page.select_option("#fn", value="")
    assert page.locator(".card").count() == 4

    page.locator(".card").nth(1).locator("button.copy").click()   # copy
    page.wait_for_selector("button.copy.done")
    assert page.locator("button.copy.done").inner_text() == "已复制"
    assert page.evaluate("navigator.clipboard.readText()") == "指明了【A】方向、提供了根本遵循"
    page.locator(".card").first.locator("summary", has_text="例句").click()
    page.locator(".card").first.locator("details li mark").first.wait_for()     # filled in when opened
    assert "根本遵循" in page.locator(".card").first.locator("details").first.inner_text()
    page.screenshot(path=str(tmp_path / "phrasebook.png"))
    assert not errors, errors


@pytest.mark.slow
def test_years_filter_and_timeline_in_the_browser(browser, tmp_path, no_builtin_bank):
    lib = _library(tmp_path)
    out = tmp_path / "年份.html"
    assert runner.invoke(app, ["phrases", "export", "--html", "-o", str(out), "--library", str(lib)]).exit_code == 0
    page = browser.new_page()
    page.goto(out.as_uri())
    page.wait_for_function("window.phrasebook && window.phrasebook.ready")
    page.select_option("#fn", label="要求（requirement）")
    page.fill("#q", "过硬")
    assert page.locator(".card").count() == 1 and page.locator(".card .spark i").count() == 5
    assert page.locator(".card summary", has_text="来源").inner_text() == "来源（列出 3 处，共 5 处）"
    page.fill("#since", "2020")
    assert page.locator(".card[data-id]").count() == 0
    page.fill("#q", "压实")
    assert (page.locator(".card[data-id]").count() == 1
            and "压紧压实工作责任" in page.locator(".card .text").first.inner_text())
    page.close()
