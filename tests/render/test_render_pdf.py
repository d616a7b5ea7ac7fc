"""The .docx opens in LibreOffice and lays out to the grid: 22 lines of 28 characters a page (GB/T 9704)."""

import re
import shutil
import subprocess
from collections import Counter

import pytest

from drafter import Meta, Paragraph, Section, Speech
from drafter.api import write_speech
from drafter.library import Library

pytestmark = [pytest.mark.slow, pytest.mark.skipif(
    not (shutil.which("soffice") and shutil.which("pdftotext")),
    reason="LibreOffice (soffice) or poppler (pdftotext) is not installed: cannot render the .docx to check its layout",
)]

SENTENCE = "要坚持以人民为中心的发展思想，把群众满意不满意作为衡量工作成效的根本标准，切实解决好群众急难愁盼问题。"
HEADINGS = ["提高政治站位，深刻认识做好组织工作的重要意义", "突出工作重点，推动组织工作高质量发展",
            "加强自身建设，打造模范部门和过硬队伍"]


def long_speech():
    """Three sections of long paragraphs: several pages of pure body text."""
    body = [Paragraph([SENTENCE * 3]) for _ in range(10)]
    return Speech(
        meta=Meta(title=["在全市组织工作会议上的讲话"], speaker=["市委书记 张明"]),
        front=[Paragraph(["同志们："], role="salutation")],
        sections=[Section([h], 1, "一、", body=list(body)) for h in HEADINGS],
    )


def render(tmp_path, style):
    docx_path = write_speech(long_speech(), tmp_path / f"{style}.docx", style=style)
    subprocess.run(["soffice", f"-env:UserInstallation=file://{tmp_path}/lo", "--headless", "--convert-to", "pdf",
                    "--outdir", str(tmp_path), str(docx_path)], check=True, capture_output=True, timeout=300)
    text = subprocess.run(["pdftotext", "-layout", str(tmp_path / f"{style}.pdf"), "-"], check=True,
                          capture_output=True, text=True).stdout
    return [page for page in text.split("\f") if page.strip()]


def body_lines(page):
    """The text lines of a page, without its page number."""
    return [line.strip() for line in page.splitlines()
            if line.strip() and not re.fullmatch(r"—\s*\d+\s*—", line.strip())]


@pytest.mark.parametrize("style, lines, chars", [("gbt9704", 22, 28), ("speech", 21, 24)])
def test_full_pages_have_the_profile_grid(tmp_path, style, lines, chars):
    pages = render(tmp_path, style)
    assert len(pages) >= 4
    # page 2 is all body text: exactly the profile's lines, and full lines hold the profile's characters
    second = body_lines(pages[1])
    assert len(second) == lines
    widths = Counter(len(re.sub(r"\s", "", line)) for line in second)
    assert widths.most_common(1)[0][0] == chars
    assert all(len(body_lines(page)) <= lines for page in pages)


def test_page_numbers_and_headings_in_order(tmp_path):
    pages = render(tmp_path, "gbt9704")
    indents = []
    for n, page in enumerate(pages, start=1):
        found = re.search(rf"^( *)—\s*{n}\s*—\s*$", page, re.M)
        assert found, f"page {n} lacks its number"
        indents.append(len(found.group(1)))
    # odd pages on the right, even pages on the left
    assert all(indent > 20 for indent in indents[0::2]) and all(indent < 5 for indent in indents[1::2])
    text = "".join(re.sub(r"\s", "", page) for page in pages)
    marks = [f"{cn}、{h}" for cn, h in zip("一二三", HEADINGS, strict=True)]
    positions = [text.find(m) for m in marks]
    assert -1 not in positions and positions == sorted(positions)
    assert text.startswith("在全市组织工作会议上的讲话市委书记张明同志们：")


def test_every_builtin_outline_opens_in_libreoffice(tmp_path):
    """Each built-in skeleton, with no values and with its example values, converts to PDF with its
    headings in order and page numbers on every page."""
    from drafter.outlines.assemble import assemble, example_values
    from drafter.render.numbering import numbered

    expected = {}
    for entry in Library.resolve().outlines():
        outline = Library.resolve().outline(entry.id)
        for label, values in (("empty", {}), ("examples", example_values(outline))):
            speech = assemble(outline, values)
            path = write_speech(speech, tmp_path / f"{entry.id}-{label}.docx")
            expected[path.stem] = [re.sub(r"\s", "", mark + s.title)
                                   for s, _, mark in numbered(speech.sections, speech.numbering)
                                   if s.heading is not None]
    subprocess.run(["soffice", f"-env:UserInstallation=file://{tmp_path}/lo", "--headless", "--convert-to", "pdf",
                    "--outdir", str(tmp_path), *[str(tmp_path / f"{stem}.docx") for stem in expected]],
                   check=True, capture_output=True, timeout=600)
    for stem, heads in expected.items():
        text = subprocess.run(["pdftotext", "-layout", str(tmp_path / f"{stem}.pdf"), "-"], check=True,
                              capture_output=True, text=True).stdout
        pages = [page for page in text.split("\f") if page.strip()]
        assert all(re.search(rf"—\s*{n}\s*—", page) for n, page in enumerate(pages, 1)), stem
        flat = re.sub(r"\s", "", text)
        at = 0
        for head in heads:  # in order: each heading after the one before
            at = flat.find(head, at)
            assert at != -1, (stem, head)
            at += len(head)
