"""Plain text that is not plain: a page's markup copied as text, a blog's Markdown source."""

from __future__ import annotations

from drafter.ingest import read_lines
from drafter.structure import read_speech

BODY = "今年以来，我们坚持稳中求进工作总基调，统筹发展和安全，各项工作取得了新的成效。"


def test_style_sheets_and_scripts_in_markup_copied_as_text_are_no_text(tmp_path):
    """A page's markup saved as text (a feed's copy of an article): the rules of a <style> element and a
    script, on one line or over several, are no line of the text."""
    page = tmp_path / "feed.txt"
    page.write_text("<p>同志们：</p>\n<p>" + BODY + "</p>\n<p>" + BODY + "</p>\n"
                    "<style>.qr{float:left;}</style>\n"
                    "            <style>\n            .appendQr_wrap&#123;border:1px solid #E6E6E6;&#125;\n"
                    "            </style>\n<script>\nvar x = 1;\n</script>\n<p>谢谢大家！</p>\n", encoding="utf-8")
    texts = [line.text.strip() for line in read_lines(page) if line.text.strip()]
    assert texts == ["同志们：", BODY, BODY, "谢谢大家！"]


def test_a_blogs_markdown_source_gives_its_title_and_date_and_reports_the_rest(tmp_path):
    """Front matter (Hugo, Hexo, Jekyll) at the top of a .txt: its title without the site's column path and
    name, its date as the posting date; every other line of it, what the title's line held besides the
    title, the cut for the summary (<!--more-->, inside a sentence) and an image alone on its line are
    reported as page matter."""
    page = tmp_path / "post.txt"
    page.write_text("---\ntitle: 某大学->在2023年开学典礼上的讲话 | news.example\ndate: 2023-09-02 10:00:00\n"
                    "tags:\n- 某大学\n---\n同学们：\n\n" + BODY + BODY[:20] + "\n<!--more-->\n" + BODY[20:] + "\n\n"
                    + BODY + "\n\n![图](http://example.com/a.jpg)\n", encoding="utf-8")
    speech = read_speech(page)
    assert speech.meta.text("title") == "在2023年开学典礼上的讲话"
    assert speech.meta.text("published") == "2023-09-02"
    assert [p.text for p in speech.paragraphs() if p.role != "salutation"] == [BODY + BODY, BODY]
    assert [(r.line, r.why) for r in speech.removed] == [
        (1, "文件头信息"), (2, "文件头信息"), (3, "文件头信息"), (4, "文件头信息"), (5, "文件头信息"),
        (6, "文件头信息"), (10, "注释"), (15, "图片")]


def test_an_editors_lead_in_a_block_quote_runs_to_its_end(tmp_path):
    """A Markdown page's editor's lead set as a block quote (> 【导读】…) goes on in the quote's next
    paragraphs: all of it is the editor's, none the speech's."""
    page = tmp_path / "lead.md"
    page.write_text("# 在动员大会上的讲话\n\n1999年4月17日\n\n> 【导读】流程的核心是要反映业务的本质。\n\n"
                    "> 流程建设最大的难度是随时面对很多的噪音、阻力和反弹。\n\n" + BODY + "\n\n" + BODY + "\n",
                    encoding="utf-8")
    speech = read_speech(page)
    assert [(r.line, r.why) for r in speech.removed] == [(5, "编者按"), (7, "编者按")]
    assert [p.text for p in speech.paragraphs()] == [BODY, BODY]
