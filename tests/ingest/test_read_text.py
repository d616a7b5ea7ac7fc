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


def test_a_markdown_pages_only_top_heading_is_its_title_whatever_its_level(tmp_path):
    """A page saved as Markdown with no "# " line: the heading that opens it, none at its level or above
    after it, is the title (## 在…的发言); a link in a heading keeps its words (# [标题](https://…))."""
    page = tmp_path / "remarks.md"
    page.write_text("## 在第四届国际电子通信展庆祝酒会上的发言\n\n尊敬的各位领导及专家们：\n\n" + BODY + "\n\n"
                    "### 一、回顾\n\n" + BODY + "\n", encoding="utf-8")
    speech = read_speech(page)
    assert speech.meta.text("title") == "在第四届国际电子通信展庆祝酒会上的发言"
    assert [h.title for h in speech.headings()] == ["回顾"]
    page.write_text("# [四川省政协主席田向利：以改革举措加强国家战略腹地建设](https://mp.weixin.qq.com/s/x)\n\n"
                    + BODY + "\n\n" + BODY + "\n", encoding="utf-8")
    speech = read_speech(page)
    assert speech.meta.text("title") == "以改革举措加强国家战略腹地建设"       # the post and name: its author
    assert speech.meta.text("author") == "四川省政协主席田向利"


def test_a_title_as_a_file_names_it_and_a_note_of_the_original_title(tmp_path):
    """A dataset's title line as its file name (2013-04-28_在…的讲话): the date is the speech's, the rest
    the title; （原标题：…） after the text is the page's note."""
    page = tmp_path / "speech.txt"
    page.write_text("2013-04-28_在同全国劳动模范代表座谈时的讲话\n同志们：\n" + BODY + "\n" + BODY + "\n"
                    "（原标题：在同全国劳动模范代表座谈时的讲话 （2013年4月28日）习近平）\n", encoding="utf-8")
    speech = read_speech(page)
    assert (speech.meta.text("title"), speech.meta.text("date")) == ("在同全国劳动模范代表座谈时的讲话", "2013-04-28")
    assert [r.why for r in speech.removed] == ["网页标题"]
