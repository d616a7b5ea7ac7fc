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


def test_a_full_text_databases_record_gives_its_title_author_source_and_issue_date(tmp_path):
    """A record exported from a full-text database of newspaper articles (【 文献号 】…, 【 作  者 】…,
    【 标  题 】 with the subtitle under it, then 【 正  文 】), wrapped at a fixed width with its headings
    centred: the fields are reported, the title and the author read from them, the issue's date is when
    it was printed; a byline in brackets with the salutation run into it gives post, name and date; a
    centred heading's second line goes on its heading."""
    wrapped = BODY * 2
    paragraph = ["    " + wrapped[:40], wrapped[40:]]
    record = tmp_path / "record.txt"
    record.write_text("\n".join([
        "【 文献号 】1-2806", "【原文出处】农民日报", "【原刊期号】19970108", "【分 类 号】F2",
        "【 作  者 】刘江", "【 标  题 】积极推进两个根本性转变促进农业和农村经济持续稳定发展",
        "    ——在全国农业工作会议上的讲话", "【 正  文 】",
        "    （农业部部长  刘江  １９９６年１２月１６日）同志们：",
        *paragraph, *paragraph,
        "            一、丰收后要正确估价农业和农村经济形势，既要肯定成绩，又不",
        "        可盲目乐观",
        *paragraph, *paragraph,
        "            二、积极推进两个根本性转变", *paragraph, *paragraph,
        "    （本报发表时已作删减）＊", ""]), encoding="gb18030")
    speech = read_speech(record)
    meta = speech.meta
    assert meta.text("title") == "积极推进两个根本性转变促进农业和农村经济持续稳定发展"
    assert meta.text("subtitle") == "——在全国农业工作会议上的讲话"
    assert (meta.text("speaker"), meta.text("author")) == ("农业部部长 刘江", "刘江")
    assert (meta.text("date"), meta.text("published"), meta.text("source")) == (
        "１９９６年１２月１６日", "1997-01-08", "农民日报")
    assert meta.kind == "讲话"              # a byline over "——在…上的讲话" is its speaker's
    assert speech.salutation == "同志们："
    assert [s.title for s in speech.headings()] == [
        "丰收后要正确估价农业和农村经济形势，既要肯定成绩，又不可盲目乐观", "积极推进两个根本性转变"]
    assert [r.why for r in speech.removed] == ["文件头信息"] * 7
    assert [p.role for p in speech.back] == ["author_note"]       # （本报发表时已作删减）


def test_a_clipped_pages_markdown_setext_title_source_link_and_news_lead(tmp_path):
    """A page a clipper saved as Markdown: its headline underlined with ===, a link to the page with the
    account's name after it, an account's reading-time line; a news report over 以下为…演讲全文： is the
    page's lead, and the line names the speaker; after END the account's prompts are its footer."""
    page = tmp_path / "clip.md"
    page.write_text("\n".join([
        "马云演讲：物流的下一个十年", "=================", "",
        "[mp.weixin.qq.com](https://mp.weixin.qq.com/s/abc)某某公众号", "",
        "> 内容来源：本文转载自微信公众号某某（ID：abc）", ">", "> 第 7787 篇深度好文：5935字 | 15 分钟阅读", "",
        "5月28日上午，中国智能骨干网项目在深圳正式启动。马云在会上发表演讲。", "",
        "以下为马云演讲全文：", "", BODY, "", BODY, "", "谢谢大家。", "", "**THE END**", "",
        "**如果喜欢我们的文章**", "", "**可以点击右下角的在看**", ""]), encoding="utf-8")
    speech = read_speech(page)
    assert speech.meta.text("speaker") == "马云"
    assert [p.text for p in speech.paragraphs()] == [BODY, BODY, "谢谢大家。"]
    assert [(r.line, r.why) for r in speech.removed] == [    # (the headline over a news report is the page's)
        (1, "网页标题"), (4, "链接"), (6, "页面信息"), (8, "页面信息"), (10, "新闻导语"), (12, "新闻导语"),
        (20, "非正文"), (22, "分享按钮"), (24, "分享按钮")]


def test_front_matter_with_a_blank_line_under_its_fence_and_a_heading_repeating_its_title(tmp_path):
    """A transcript tool's export: front matter with a blank line under its opening fence, then the title
    again as a "#" heading: the title, no section."""
    page = tmp_path / "transcript.md"
    page.write_text("---\n\ntitle: \"2023年毕业典礼致辞\"\nsource: \"example\"\ntags: []\n---\n\n"
                    "# 2023年毕业典礼致辞\n\n亲爱的同学们：\n\n" + BODY + "\n\n" + BODY + "\n", encoding="utf-8")
    speech = read_speech(page)
    assert speech.meta.text("title") == "2023年毕业典礼致辞"
    assert not list(speech.headings())
    assert speech.salutation == "亲爱的同学们："


def test_sentences_a_post_emphasises_in_bold_are_no_heads_when_they_go_on_from_the_one_before(tmp_path):
    """A post that sets sentences in bold for emphasis (**但在这三头灰犀牛中，我认为内忧远远大于外患。**): a
    sentence that opens by linking to the one before (但…, 所以…) is talk, not a head, bold or not."""
    page = tmp_path / "post.md"
    page.write_text("\n\n".join([BODY * 2, "**但在这三个问题中，我认为内部的问题远远大于外部的问题。**", BODY * 2,
                                 BODY * 2, "**所以这一次的调整，是几十年发展积累下来的必然结果。**", BODY * 2, BODY]),
                    encoding="utf-8")
    assert not list(read_speech(page).headings())


def test_long_sentences_a_post_stresses_in_bold_are_no_heads_and_short_bold_lines_are(tmp_path):
    """A line all in bold of more than 30 characters is a sentence of the talk stressed, kept as a
    paragraph without its marks; the post's short bold lines over paragraphs are still its heads."""
    stressed = ["**我们所面临的调整，应该说是几十年发展到今天，结构性的矛盾积累下来的一个必然结果。**",
                "**债务过高的风险，已经以各种各样的形式暴露出来，经济下行只会使其更快显现。**"]
    page = tmp_path / "post.md"
    page.write_text("\n\n".join([BODY * 2, stressed[0], BODY * 2, BODY * 2, stressed[1], BODY * 2, BODY]),
                    encoding="utf-8")
    speech = read_speech(page)
    assert not list(speech.headings())
    assert stressed[0].strip("*") in [p.text for p in speech.paragraphs()]
    page.write_text("\n\n".join([BODY * 2, "**当以爱国奉公之担当引领青春航向。**", BODY * 2,
                                 "**当以创新超越之作为点燃青春梦想。**", BODY * 2, BODY]), encoding="utf-8")
    assert [s.title for s in read_speech(page).headings()] == ["当以爱国奉公之担当引领青春航向",
                                                            "当以创新超越之作为点燃青春梦想"]


def test_hexo_front_matter_without_its_opening_fence_a_hand_over_with_a_word_after_it_and_a_rule(tmp_path):
    """A Hexo post's source: its front matter has no opening fence (title: … then ---); the post's own
    lines over 以下是原文，演讲全文仅535字： (one ending in …… too) are its lead; a --- rule under it is page
    matter, not a paragraph."""
    page = tmp_path / "post.md"
    page.write_text("\n".join([
        'title: "看一篇毕业致辞的感受"', "date: 2016-07-07 20:40:14", "tags:", "- 感触", "---", "",
        "有人说，美好的理想是廉价的……", "", "而我觉得，理想是昂贵的。", "",
        "以下是原文，演讲全文仅535字：", "", "---", "", "亲爱的同学们：", "", BODY, "", BODY, ""]), encoding="utf-8")
    speech = read_speech(page)
    assert (speech.meta.text("title"), speech.meta.text("published")) == ("看一篇毕业致辞的感受", "2016-07-07")
    assert speech.salutation == "亲爱的同学们："
    assert [p.text for p in speech.paragraphs() if p.role != "salutation"] == [BODY, BODY]
    assert [(r.line, r.why) for r in speech.removed] == [
        (1, "文件头信息"), (2, "文件头信息"), (3, "文件头信息"), (4, "文件头信息"), (5, "文件头信息"),
        (7, "新闻导语"), (9, "新闻导语"), (11, "新闻导语"), (13, "分隔线")]


def test_a_wechat_posts_end_mark_between_dashes_closes_it(tmp_path):
    """**---THE END---** under a post's last words: what follows (the account's name and motto, 推荐阅读
    and its links, long as they are) is the page's footer, not the post's heads."""
    page = tmp_path / "post.md"
    link = "[**一篇推荐阅读的文章**](http://mp.weixin.qq.com/s?__biz=MzIzOTA1MTMyMQ==&mid=2651996408&idx=1&sn=6ed3)"
    page.write_text("\n\n".join([BODY * 2, BODY * 2, "谢谢大家！", "**---THEEND---**", "**某某号**",
                                 "后人哀之而不鉴之", "公众号", "**【推荐阅读】**", link]) + "\n", encoding="utf-8")
    speech = read_speech(page)
    assert not list(speech.headings())
    assert [p.text for p in speech.paragraphs()][-1] == "谢谢大家！"
    assert [r.why for r in speech.removed][-5:] == ["页脚"] * 4 + ["链接"]


def test_a_news_report_opening_on_a_span_of_days_is_dated_by_the_meeting_it_reports(tmp_path):
    """A campus page's news: its first sentence recalls a plenum held over days (10月24日至27日，…召开), its
    second tells of the meeting it reports (11月10日下午，我校举行…): a 新闻报道 dated by that meeting, in the
    year it was posted."""
    page = tmp_path / "news.txt"
    page.write_text("\n".join([
        "党委中心组召开扩大会议学习全会精神", "发布日期：2016-11-15",
        "10月24日至27日，党的十八届六中全会在北京召开。全会审议通过了重要文件。",
        "根据安排，11月10日下午，我校举行党委中心组扩大会议，邀请陈金龙教授作题为“全面从严治党”的辅导报告。",
        "李建军强调，" + BODY]), encoding="utf-8")
    speech = read_speech(page)
    assert (speech.meta.kind, speech.meta.text("date")) == ("新闻报道", "2016年11月10日")


def test_a_quoted_speechs_title_set_as_a_heading_under_a_hand_over_is_its_title(tmp_path):
    """A blog post quoting a speech: under the hand-over, a label naming who gave it and the speech's title as
    a Markdown heading (## 做自己尊重的人): the speech's title, its speaker named; the post's title the page's."""
    page = tmp_path / "post.md"
    page.write_text("\n".join([
        "---", 'title: "看一篇毕业致辞的感受"', "---", "", "有人说，理想是廉价的。", "", "以下是原文：", "",
        "**致辞：饶毅（教师代表、科学家）**", "", "## 做自己尊重的人", "", BODY, "", BODY, ""]), encoding="utf-8")
    speech = read_speech(page)
    assert (speech.meta.text("title"), speech.meta.text("speaker")) == ("做自己尊重的人", "饶毅")
    assert not list(speech.headings())
    assert [p.text for p in speech.paragraphs()] == [BODY, BODY]


def test_a_whole_web_page_saved_under_a_text_files_name_is_read_as_a_page(tmp_path):
    """A saved page named .md or .txt (<!DOCTYPE html> at its top): read as the page it is — its menus,
    links and scripts are no headings and no text, its headline is the title, a photo's caption naming the
    scene (培训会现场) is the page's."""
    menu = "".join(f"<li><a href='/{k}'>{name}</a></li>" for k, name in enumerate(["中心概况", "规章制度", "帮助"]))
    page = "\n".join([
        "", "<!DOCTYPE html>", "<html><head><meta charset='utf-8'><title>我校召开智慧党建平台培训会</title>",
        "<script>var a = '<p>脚本</p>';</script></head><body>", f"<ul class='nav'>{menu}</ul>",
        "<div class='article'><h1>我校召开智慧党建平台培训会</h1>", "<p>" + BODY + "</p>", "<p>培训会现场</p>",
        "<p>" + BODY + BODY + "</p>", "</div></body></html>"])
    for name in ("page.md", "page.txt"):
        path = tmp_path / name
        path.write_text(page, encoding="utf-8")
        speech = read_speech(path)
        assert speech.meta.text("title") == "我校召开智慧党建平台培训会"
        assert not list(speech.headings())
        assert [p.text for p in speech.paragraphs()] == [BODY, BODY + BODY]
        assert "图片说明" in [r.why for r in speech.removed]


def test_what_follows_a_posts_row_of_credits_naming_its_editor_is_the_pages(tmp_path):
    """演讲 | 吴晓波 | 责任编辑 | 何梦飞 under a post's last words: what follows (扫码关注视频号, 合作支持 and its
    lists of sponsors, long as they are) is the page's footer, not the speech's heads and paragraphs."""
    sponsors = "特别支持合作伙伴：" + "、".join(["某某财经", "某某直播", "某某出版集团", "某某读书会"] * 6)
    page = tmp_path / "post.md"
    credits = "**演讲** **\\|**吴晓波** **\\|** **责任编辑** **\\|** 何梦飞"
    page.write_text("\n\n".join([BODY * 2, BODY * 2, "谢谢大家！", credits, "扫码关注视频号", "收看年终秀回放",
                                 "**合作支持**", "**战略合作伙伴：**某某科技", sponsors]) + "\n", encoding="utf-8")
    speech = read_speech(page)
    assert not list(speech.headings())
    assert [p.text for p in speech.paragraphs()][-1] == "谢谢大家！"
    assert [r.why for r in speech.removed][-5:] == ["页脚"] * 5


def test_a_posts_front_matter_dated_as_a_feed_dates_it(tmp_path):
    """date: Thu, 10 Jun 2021 02:51:38 GMT (a feed's form, copied into a blog's front matter) is the posting
    date, as date: 2021-06-10 is; a news report quoting the one its headline names before a colon (易某：…)
    has them as its speaker, not its author."""
    page = tmp_path / "post.md"
    page.write_text("\n".join([
        "---", "title: '易某：全年物价涨幅或在2%以下，坚持正常的货币政策'", "author: 新浪财经",
        "date: Thu, 10 Jun 2021 02:51:38 GMT", "---", "",
        "6月10日，在第十三届陆家嘴论坛上，中国人民银行行长易某在主题演讲中聚焦货币政策。", "",
        "易某表示，" + BODY, "", "易某指出，" + BODY, "", "易某强调，" + BODY, ""]), encoding="utf-8")
    speech = read_speech(page)
    assert speech.meta.text("published") == "2021-06-10"
    assert speech.meta.kind == "新闻报道"
    assert (speech.meta.text("speaker"), speech.meta.text("author")) == ("易某", None)
