"""Forms the seeds do not show: title blocks, nesting ladders, gaps, Markdown, one-line paragraphs."""

from __future__ import annotations

from pathlib import Path

from drafter import parse_text
from drafter.structure import read_speech

BODY = "要深入学习贯彻党的二十大精神，扎实推进各项工作，确保取得实效。各级党组织要切实担负起主体责任，抓好落实。"


def heads(speech):
    return [(s.depth, s.style, s.run_in, s.title) for s in speech.headings()]


def test_title_with_dash_subtitle_speaker_and_date_lines():
    speech = parse_text("\n".join([
        "凝心聚力 真抓实干 奋力开创组织工作新局面",
        "——在全县组织工作会议上的讲话",
        "县委常委、组织部部长 王小明",
        "（2024年1月18日）",
        "同志们：",
        "这次会议的主要任务是总结去年工作、部署今年任务。下面，我讲三点意见。",
        "一、提高政治站位",
        BODY,
    ]))
    meta = speech.meta
    assert meta.text("title") == "凝心聚力 真抓实干 奋力开创组织工作新局面"
    assert meta.text("subtitle") == "——在全县组织工作会议上的讲话"
    assert meta.text("speaker") == "县委常委、组织部部长 王小明"
    assert meta.text("occasion") == "全县组织工作会议"
    assert meta.text("date") == "2024年1月18日"
    assert speech.salutation == "同志们："
    assert speech.transition == "下面，我讲三点意见。"
    assert heads(speech) == [(1, "一、", False, "提高政治站位")]


def test_title_over_two_lines_is_one_title():
    speech = parse_text("在全市党建工作会议上的\n讲话\n\n同志们：\n\n" + BODY + "\n\n一、抓好党建\n\n" + BODY)
    assert speech.meta.text("title") == "在全市党建工作会议上的讲话"
    assert speech.meta.text("occasion") == "全市党建工作会议"


def test_theme_and_occasion_title_on_one_line():
    speech = parse_text("在全省宣传工作会议上的讲话：守正创新 担当作为\n\n" + BODY)
    assert speech.meta.text("title") == "在全省宣传工作会议上的讲话"
    assert speech.meta.text("subtitle") == "守正创新 担当作为"


def test_no_title_when_the_text_starts_with_a_paragraph():
    speech = parse_text(BODY + "\n一、抓好党建\n" + BODY)
    assert speech.meta.title is None
    assert [p.role for p in speech.front] == ["opening"]


def test_depth_comes_from_nesting_not_from_the_mark():
    speech = parse_text("\n".join([
        BODY,
        "一、第一部分", "1.直接在一下面。" + BODY, "2.第二条。" + BODY,
        "二、第二部分", "（一）分项", "1.更深一层。" + BODY, "（1）第四层。" + BODY, "（二）第二个分项", BODY,
    ]))
    assert heads(speech) == [
        (1, "一、", False, "第一部分"), (2, "1．", True, "直接在一下面"), (2, "1．", True, "第二条"),
        (1, "一、", False, "第二部分"), (2, "（一）", False, "分项"), (3, "1．", True, "更深一层"),
        (4, "（1）", True, "第四层"), (2, "（一）", False, "第二个分项"),
    ]
    assert speech.warnings == []


def test_numbering_anomalies_are_warned_in_any_style():
    speech = parse_text("\n".join([BODY, "一、甲", BODY, "三、丙", BODY, "（一）子", BODY, "（一）重复", BODY]))
    assert speech.warnings == ["第4行：编号“三、”接在“一、”之后", "第8行：编号“（一）”接在“（一）”之后"]


def test_a_list_restarting_a_numbering_under_way_is_nested():
    """一、 二、 inside section 二、 is a list one level down, and a list restarting inside it one further;
    a number goes to the innermost list it continues (三、 after 细二、: the deepest; after 五、: the outer)."""
    speech = parse_text("\n".join([
        BODY, "一、甲", BODY, "二、乙", BODY, "一、乙一。" + BODY, "二、乙二。" + BODY, "一、细一。" + BODY,
        "二、细二。" + BODY, "三、细三。" + BODY, "三、乙三。" + BODY, "四、乙四。" + BODY, "五、乙五。" + BODY,
        "三、丙", BODY,
    ]))
    assert [(d, t) for d, s, r, t in heads(speech)] == [
        (1, "甲"), (1, "乙"), (2, "乙一"), (2, "乙二"), (3, "细一"), (3, "细二"), (3, "细三"), (2, "乙三"), (2, "乙四"),
        (2, "乙五"), (1, "丙")]
    assert speech.warnings == []


def test_three_bare_heads_one_before_the_numbers_are_the_top_level():
    """Unnumbered part heads (过去五年的回顾 … 结束语) above numbered lists: the lists go one level down;
    with one bare head before the numbers and one after, the numbers stay the top level."""
    parts = ["过去五年的回顾", "一、关于经济", "二、关于改革", "今后的目标、方针和任务", "一、关于建设", "结束语"]
    speech = parse_text("\n\n".join([BODY, *(p for part in parts for p in (part, BODY))]))
    assert [(d, t) for d, s, r, t in heads(speech)] == [
        (1, "过去五年的回顾"), (2, "关于经济"), (2, "关于改革"), (1, "今后的目标、方针和任务"), (2, "关于建设"),
        (1, "结束语")]
    two = ["前言", "一、关于经济", "二、关于改革", "结束语"]
    speech = parse_text("\n\n".join([BODY, *(p for part in two for p in (part, BODY))]))
    assert [d for d, s, r, t in heads(speech)] == [1, 1, 1, 1]


def test_sections_marked_by_a_numeral_alone_on_its_line():
    """一 / 二 / 三 alone between blank lines, in order from one: untitled top-level sections, with the
    numbered list inside them one level down; a lone 二, or numerals out of order, are text."""
    parts = ["一", "（一）关于经济", "（二）关于改革", "二", "（一）关于建设", "三"]
    speech = parse_text("\n\n".join([BODY, *(p for part in parts for p in (part, BODY))]))
    assert [(d, s, t) for d, s, r, t in heads(speech)] == [
        (1, "一、", ""), (2, "（一）", "关于经济"), (2, "（一）", "关于改革"),
        (1, "一、", ""), (2, "（一）", "关于建设"), (1, "一、", "")]
    assert [s.line for s in speech.sections] == [3, 15, 23]
    for numerals in (["二"], ["一", "三"], ["二", "一"], ["1", "2"]):
        speech = parse_text("\n\n".join([BODY, *(p for n in numerals for p in (n, BODY))]))
        assert heads(speech) == []


def test_sections_a_post_marks_by_two_digits_alone_on_their_lines():
    """01 / 02 / 03 alone between blank lines (as posts number their parts, the first at the text's top) are
    untitled top-level sections as 一 / 二 / 三 are; a page's unpadded numbers (1 / 2) are not (above)."""
    speech = parse_text("\n\n".join(["寻找时代的定力", "01", BODY, BODY, "02", BODY, "03", BODY]))
    assert [(d, s, t) for d, s, r, t in heads(speech)] == [(1, "一、", "")] * 3
    assert [s.line for s in speech.sections] == [3, 9, 13]


def test_lines_a_page_broke_in_a_text_of_spaced_paragraphs_are_joined():
    """Where blank lines part the paragraphs, lines with none between are one paragraph (links broke
    it: 在聽了劉少奇同志 / 關於憲法草案的報告 / 並進行了…); a bare head right above its text is not
    joined to it, and a text of one paragraph a line is not joined."""
    broken = "我們在聽了劉少奇同志，\n關於憲法草案的報告\n並進行了三天的討論以後，完成了一件歷史性的任務。"
    broken = broken.replace("同志，", "同志的報告，在聽了同志")
    spaced = "\n\n".join([BODY] * 5 + [broken] + [BODY] * 5)
    lines = [p.lines for p in parse_text(spaced).paragraphs()]
    assert len(lines) == 11 and list(lines[5]) == [11, 12, 13]
    headed = parse_text("\n\n".join([BODY] * 5 + ["各项工作的回顾\n" + BODY] + [BODY] * 5))
    assert "各项工作的回顾" in [p.text for p in headed.paragraphs()]
    dense = parse_text("\n".join([BODY] * 5 + broken.split("\n") + [BODY] * 5))
    assert len(list(dense.paragraphs())) == 13


def test_a_few_terse_first_sentences_among_many_paragraphs_are_not_heads():
    """Terse first sentences of one length with nothing else in common are heads when they are a tenth
    of their run of paragraphs or more, not three among forty."""
    terse = ["扎实推进重点改革。", "不断巩固农业基础。", "大力调整产业结构。"]
    few = [terse[i // 13] + BODY if i % 13 == 0 else BODY for i in range(39)]
    assert heads(parse_text("\n\n".join(few))) == []
    many = [terse[i // 3] + BODY if i % 3 == 0 else BODY for i in range(9)]
    assert [t for d, s, r, t in heads(parse_text("\n\n".join(many)))] == [h[:-1] for h in terse]


def test_run_in_heads_the_format_sets_apart_are_lead_heads(tmp_path):
    """Paragraphs a page opens with a bold sentence are lead heads where the page does so twice or more,
    whatever their length or shape; one bold sentence is emphasis, a bold list item (——…) stays a list item."""
    bodies = "".join(f"<p>{BODY}</p>" for _ in range(3))
    heads_ = ["这五年，我们笃行“两个维护”、全面从严治党，坚决做到令行禁止。", "这五年，我们勇扛使命、勇当先锋。"]
    page = tmp_path / "p.html"
    page.write_text(f"<html><body>{bodies}" + "".join(f"<p><strong>{h}</strong>{BODY}</p>" for h in heads_)
                    + f"<p><strong>——高水平建设现代化经济体系。</strong>{BODY}</p>{bodies}</body></html>",
                    encoding="utf-8")
    assert [(d, s, t) for d, s, r, t in heads(read_speech(page))] == [(1, "lead", h[:-1]) for h in heads_]
    page.write_text(f"<html><body>{bodies}<p><strong>{heads_[0]}</strong>{BODY}</p>{bodies}</body></html>",
                    encoding="utf-8")
    assert heads(read_speech(page)) == []


def test_a_menu_of_short_lines_is_page_matter_above_or_below_the_text_not_inside_it():
    menu = ["首页", "新闻中心", "学校公告", "工作安排", "校务公开", "建校史略", "校友之家", "学习专栏"]
    above = parse_text("\n".join(menu) + "\n\n" + "\n\n".join([BODY] * 3))
    assert [r.why for r in above.removed] == ["导航"] * 8 and len(list(above.paragraphs())) == 3
    inside = parse_text("\n\n".join([BODY] * 2) + "\n\n" + "\n".join(menu) + "\n\n" + "\n\n".join([BODY] * 2))
    assert inside.removed == [] and "首页" in [p.text for p in inside.paragraphs()]
    listed = parse_text("\n".join(f"{k}、{m}" for k, m in enumerate(menu, 1)) + "\n\n" + BODY)
    assert listed.removed == []                   # numbered lines are a list of heads, not a menu
    verse = ["春风化雨", "润物无声", "桃李芬芳", "薪火相传", "不忘初心", "砥砺前行", "青春无悔", "奋斗有我"]
    assert parse_text("\n".join(verse)).removed == []      # a text of short lines only has no menu
    # a 七律 after the last paragraph (page 039's site, a memorial speech) is a poem, not a menu
    poem = ["将军神勇海天行", "遗爱华东子弟兵", "陆上攻防皆胜算", "远洋进退费经营", "青春使命长征志", "正义旌旗解放情",
            "一片忠贞酬伟业", "千山万水大光明"]
    assert parse_text("\n\n".join([BODY] * 3) + "\n（七律）\n" + "\n".join(poem)).removed == []


def test_a_text_hard_wrapped_like_a_pdf_copy_is_joined_across_its_page_numbers(tmp_path):
    """Seed 002 (its page debris left out, by its truth) as a copy of a PDF gives it: every line cut at
    30 characters, a page number (— 2 —) after every 22 lines, then a running head. Both are page matter, lines
    that run to the width go on (a heading wider than the page too; 一、 cut from 统|一、 is no heading),
    a number cut at a line's end stays one number, and headings and text are the seed's (a paragraph
    ending right at the width may run on into the next, unless the copy kept its first lines' indent)."""
    import yaml

    root = Path(__file__).resolve().parents[2]
    seed = root / "examples" / "corpus" / "002_196b020fa5f85377.txt"
    truth = yaml.safe_load((root / "tests" / "data" / "seeds.truth.yaml").read_text(encoding="utf-8"))[seed.name]
    debris = {b["line"] for b in truth["boilerplate"]}
    plain = read_speech(seed)
    theirs = [p.text.replace(" ", "") for p in plain.paragraphs()]     # a space cut at a line's end is
    for indent, head in (("", None), ("\u3000\u3000", None), ("\u3000\u3000", "贯彻新时代党的组织路线")):
        lines, page = [], 1                                              # (lost, as in a PDF's copy)
        for no, text in enumerate(seed.read_text(encoding="utf-8").splitlines(), start=1):
            for k in range(0, len(text.strip()) if no not in debris else 0, 30):
                lines.append((indent if k == 0 else "") + text.strip()[k:k + 30])
                if len(lines) % 24 == 22:
                    page += 1
                    lines += [f"— {page} —"] + ([head] if head else [])
        wrapped = tmp_path / "002-pdf.txt"
        wrapped.write_text("\n".join(lines), encoding="utf-8")
        copied = read_speech(wrapped)
        assert [r.why for r in copied.removed] == ["页码", "页眉"][:1 + bool(head)] * (page - 1)
        assert copied.meta.text("title").replace(" ", "") == plain.meta.text("title").replace(" ", "")
        assert [h.title for h in copied.headings()] == [h.title for h in plain.headings()]
        ours = [p.text.replace(" ", "") for p in copied.paragraphs()]
        assert "".join(ours) == "".join(theirs) and len(theirs) * 0.9 <= len(ours) <= len(theirs)
        if indent:                  # indented first lines mark every paragraph's start
            assert ours == theirs


def test_a_text_reporting_a_speech_is_a_news_report():
    """Three paragraphs or more opening with one name and 说, 指出, 强调 … report a speech (a news report);
    a speech that quotes someone twice is still a speech."""
    reported = ["国务院总理温家宝9月10日来到外交学院，出席铜像揭幕仪式。", "温家宝说，" + BODY, "温家宝指出，" + BODY,
                "温家宝最后说，" + BODY]
    assert parse_text("\n\n".join(reported)).meta.kind == "新闻报道"
    quoting = ["同志们：", BODY, "习近平总书记指出，" + BODY, "习近平总书记强调，" + BODY, BODY]
    assert parse_text("\n\n".join(quoting)).meta.kind == "讲话"


def test_a_long_breadcrumb_and_an_issuers_byline_under_the_title():
    """(A memorial site's page, benxiaohai1212/zhclsy latest20120801.) A breadcrumb whose items are long
    is page matter; an issuer and a date under the title (某某有限公司  2012年6月11日) are its author and
    date, not a second title line."""
    page = "\n".join(["最新新闻 > 往年回顾 > 纪念张茜诞辰90周年座谈会 > 座谈会通稿", "纪念张茜诞辰90周年座谈会",
                      "仲弘时代国际文化传播（北京）有限公司\u00a0\u00a02012年6月11日", BODY, BODY])
    speech = parse_text(page)
    assert [r.why for r in speech.removed] == ["导航"]
    assert speech.meta.text("title") == "纪念张茜诞辰90周年座谈会"
    assert speech.meta.text("author") == "仲弘时代国际文化传播（北京）有限公司"
    assert speech.meta.text("date") == "2012年6月11日"


def test_a_title_ending_in_a_role_and_a_signature_closing_the_text():
    """(The memorial site's review0003.) A crumb's end (> 文章内容) is page matter; a title that ends in a
    role (…缅怀陈毅市长) is a title, not a speaker line; a role and a name closing the text sign it."""
    page = "\n".join(["新中国时期 > 综述 > 吴邦国：上海人民永远缅怀陈毅市长", "> 文章内容", "上海人民永远缅怀陈毅市长",
                      "—— 在“陈毅同志诞辰九十周年纪念会”上的发言", BODY, BODY, "中共上海市委书记 吴邦国"])
    speech = parse_text(page)
    assert [r.why for r in speech.removed] == ["导航", "导航"]
    assert speech.meta.text("title") == "上海人民永远缅怀陈毅市长"
    assert speech.meta.text("subtitle").endswith("上的发言")
    assert speech.meta.text("speaker") == "中共上海市委书记 吴邦国"


def test_an_editors_note_and_a_title_the_breadcrumb_ends_with():
    """(The memorial site's war0004 and war0008.) The breadcrumb's last item repeated as the article's title
    stays the title when the text, not a headline, follows it; 编者按语： and the note under it are page
    matter; a name and a year-month under a title (王征明　1972年1月) are its byline; 关于我们 > 公司简介
    (one step) is a breadcrumb too."""
    noted = parse_text("\n".join(["战争年代 > 战友篇 > 怀念陈老总", "> 文章内容", "怀念陈老总", "编者按语：",
                                  "军事科学院原顾问王智涛同志是第一次大革命时期参加革命的老同志。", BODY, BODY]))
    assert noted.meta.text("title") == "怀念陈老总"
    assert [r.why for r in noted.removed] == ["导航", "导航", "编者按", "编者按"]
    dated = parse_text("\n".join(["狱中哭仲弘军长", "王征明 \u30001972年1月", BODY, BODY]))
    assert (dated.meta.text("title"), dated.meta.text("date")) == ("狱中哭仲弘军长", "1972年1月")
    poem = parse_text("\n".join(["赠勤工俭学同人", "1921年12月", BODY, BODY]))        # a year and month alone
    assert (poem.meta.text("title"), poem.meta.text("date")) == ("赠勤工俭学同人", "1921年12月")
    byline = "2013年1月20日\u00a0\u00a0北京新四军暨华中抗日根据地研究会"
    by = parse_text("\n".join(["纪念陶勇将军百年诞辰", byline, BODY]))
    assert (by.meta.text("title"), by.meta.text("date"), by.meta.text("author")) == (
        "纪念陶勇将军百年诞辰", "2013年1月20日", "北京新四军暨华中抗日根据地研究会")
    assert [r.why for r in parse_text("关于我们 > 公司简介\n" + BODY).removed] == ["导航"]


def test_page_heads_of_a_school_sites_unseen_pages():
    """(tangyixiao/Shaoxingyizhong Item/4326, 15585, 17494, 9712, none in the labelled set.) A salutation
    run into a greeting is never a title, so the page's headline above it stays the title; a column's
    issue dated in brackets (每周一学（2022年5月9日——5月15日）) is page matter above the title; a
    bracketed date and a name under the title are the date and the speaker; a note quoting a title
    set in two lines introduces the text."""
    crumb, meta = "当前位置：首页 > 党建引领> 学习专栏", "文章来源： 作者： 发布时间：2022年05月09日 点击数： 次"
    greeted = parse_text("\n".join(["当前位置：首页 > 新闻中心> 学校公告> 党政办", "党政办",
                                    "马校长在2011学年开学典礼上的讲话",
                                    "文章来源：本站原创 作者：佚名 发布时间：2011年09月01日 点击数： 次",
                                    "尊敬的孙教授、董教授，尊敬的老师们，亲爱的同学们：早上好！", BODY, BODY]))
    assert greeted.meta.text("title") == "马校长在2011学年开学典礼上的讲话"
    issue = parse_text("\n".join([crumb, "学习专栏", "每周一学（2022年5月9日——5月15日）", meta,
                                  "在庆祝中国共产主义青年团成立100周年大会上的讲话", "（2023年3月13日） 习近平",
                                  "共青团员们，青年朋友们，同志们：", BODY, BODY]))
    assert "网页标题" in {r.why for r in issue.removed}
    assert (issue.meta.text("title"), issue.meta.text("date"), issue.meta.text("speaker")) == (
        "在庆祝中国共产主义青年团成立100周年大会上的讲话", "2023年3月13日", "习近平")
    note = ("本月推荐给各位党员与老师们的是市委副书记、市长盛阅春1月21日在市政府八届五次全体会议上的讲话"
            "《弘扬“四气” 提振精神 只争朝夕 狠抓落实》。")
    noted = parse_text("\n".join([crumb, "学习专栏", "【2019年1月学习材料】", meta, note, "弘扬“四气” 提振精神",
                                  "只争朝夕 狠抓落实", "——在市政府八届五次全体会议上的讲话", "同志们：", BODY]))
    assert "转发按语" in {r.why for r in noted.removed} and noted.meta.text("title").startswith("弘扬")
    # (Item/17133, 13096) a headline that is the title block cut short; a speaker after the occasion on
    # the subtitle's line; a date with the time of day
    cut = parse_text("\n".join(["当前位置：首页 > 新闻中心> 校长专栏", "校长专栏",
                                "十八而志梦起航 青春向党筑未来 —在绍兴一中2023届高三18岁成人礼上", meta,
                                "十八而志梦起航青春向党筑未来", "——在绍兴一中2023届高三18岁成人礼上的致辞 王 \u00a0琛",
                                "亲爱的同学们，大家下午好！", BODY, BODY]))
    assert (cut.meta.text("title"), cut.meta.text("speaker")) == ("十八而志梦起航青春向党筑未来", "王 琛")
    assert cut.meta.text("subtitle") == "——在绍兴一中2023届高三18岁成人礼上的致辞"
    timed = parse_text("\n".join(["家长开放日讲话稿", "2020年10月29日上午", "各位家长：", BODY]))
    assert (timed.meta.text("title"), timed.meta.text("date")) == ("家长开放日讲话稿", "2020年10月29日上午")


def test_a_table_of_duties_is_no_set_of_texts():
    """(The school site's Item/12672, a year's plan as a table.) Cells of deadlines and names repeated
    down a table are no speakers' parts: a part holds prose of its own."""
    rows = []
    for task, when, who in (("深化五星三名创建", "2021年7月底前", "德育处"), ("推进课程改革", "各处室各年段", "杨佩琼"),
                            ("加强队伍建设", "2021年7月底前", "德育处"), ("完善评价制度", "各处室各年段", "杨佩琼")):
        rows += [task, when, who]
    speech = parse_text("学校2021年工作计划\n\n" + BODY + "\n" + "\n".join(rows))
    assert speech.parts == [] and speech.meta.kind != "汇编"


def test_excerpts_closed_by_their_sources_are_one_text_and_none_is_lost():
    """(The school site's Item/14070, a compilation of excerpts, each closed by its source line, the same
    source repeated for excerpts of one speech, the next excerpt's numeral under it.) A repeated source
    line over a numeral is no text's head: nothing above it is dropped as the page's title."""
    repeated = "（2020年12月24日、25日在中共十九届中央政治局民主生活会上的讲话）"
    sources = ["（2015年6月16日至18日在贵州调研时的讲话）"] + [repeated] * 3
    lines = ["总结党的历史经验 加强党的政治建设", "习近平"]
    for k, (numeral, source) in enumerate(zip(["十一", "十二", "十三", "十四"], sources, strict=True)):
        lines += [numeral, f"第{k + 1}段摘编。" + BODY, source]
    speech = parse_text("\n".join(lines))
    assert speech.parts == [] and speech.removed == []
    kept = "\n".join([h.title for h in speech.headings()] + [p.text for p in speech.paragraphs()])
    assert all(f"第{k}段摘编" in kept for k in (1, 2, 3, 4)) and kept.count("的讲话）") == 4


def test_a_salutation_of_any_terms_of_address_and_one_run_into_a_greeting():
    speech = parse_text("在院士大会上的讲话\n各位院士，同志们，朋友们：\n" + BODY)
    assert speech.salutation == "各位院士，同志们，朋友们："
    speech = parse_text("各位教职员工，大家好！\n" + BODY)
    assert speech.meta.title is None and speech.salutation == "各位教职员工，"


def test_the_first_of_several_reports_may_have_its_own_title():
    """Reports under one repeated title, the first under a title ending as theirs do: four parts."""
    lines = ["2021年度班子及个人述职报告", "王琛", BODY, "2021年度述职报告", "孙洪亮", BODY,
             "2021年度述职报告", "蒋明", BODY, "2021年度述职报告", "俞奇弘", BODY]
    speech = parse_text("\n".join(lines))
    assert [(p.title, p.speaker) for p in speech.parts] == [
        ("2021年度班子及个人述职报告", "王琛"), ("2021年度述职报告", "孙洪亮"), ("2021年度述职报告", "蒋明"),
        ("2021年度述职报告", "俞奇弘")]


def test_what_follows_a_gap_does_not_continue_the_section_before():
    speech = parse_text("\n".join([
        BODY, "一、甲", "（一）子一。" + BODY, "---此处隐藏300字,下载后查看---", "（二）子二。" + BODY,
        "三、丙", BODY,
    ]))
    top = speech.sections
    assert [s.title for s in top] == ["甲", "", "丙"]
    assert top[1].heading is None and top[1].after_gap
    assert [c.title for c in top[1].children] == ["子二"]
    assert top[1].children[0].after_gap
    assert [(g.line, g.hidden_chars) for g in speech.gaps()] == [(4, 300)]
    assert speech.warnings == []


def test_one_paragraph_a_line_without_blank_lines_is_not_joined():
    speech = parse_text("\n".join([BODY, "坚持党建引领", BODY, BODY]))
    assert [p.text for p in speech.front] == [BODY, "坚持党建引领", BODY, BODY]


def test_a_paragraph_broken_after_a_semicolon_is_joined():
    speech = parse_text("一、甲\n要抓好学习；\n要抓好落实；\n要抓好督查。\n二、乙\n" + BODY)
    body = speech.sections[0].body
    assert [p.text for p in body] == ["要抓好学习；要抓好落实；要抓好督查。"]
    assert body[0].lines == (2, 3, 4)


def test_a_short_unpunctuated_line_between_blanks_is_not_joined():
    speech = parse_text(BODY + "\n\n一、甲\n\n坚持党建引领\n\n" + BODY)
    assert [p.text for p in speech.sections[0].body] == ["坚持党建引领", BODY]


def test_lead_heads_need_a_shared_frame():
    unrelated = ["今年以来，全市上下凝心聚力。", "实践证明，抓落实是关键。", "归根到底，人才是第一资源。"]
    framed = ["坚持政治引领。", "坚持问题导向。", "坚持系统观念。"]
    plain_speech = parse_text("\n".join(h + BODY for h in unrelated))
    assert plain_speech.headings() == []
    lead_speech = parse_text("\n".join(h + BODY for h in framed))
    assert heads(lead_speech) == [(1, "lead", True, h.rstrip("。")) for h in framed]


def test_sibling_sections_opening_with_terse_heads_have_lead_heads():
    """One lead head in each of two sibling sections is enough (an excerpt); one of five is not."""
    speech = parse_text("\n".join(["一、重点工作", BODY, "（一）扩大内需", "扩大有效投资。" + BODY,
                                   "（二）推动创新", "推动产业升级。" + BODY, "完善治理体系。" + BODY]))
    assert [t for d, s, r, t in heads(speech) if s == "lead"] == ["扩大有效投资", "推动产业升级", "完善治理体系"]
    mixed = ["（一）抓项目", "项目是发展的基础。" + BODY]
    mixed += [line for k in "二三四五" for line in (f"（{k}）抓落实", BODY)]
    assert all(s != "lead" for _, s, _, _ in heads(parse_text("\n".join(["一、重点工作", BODY, *mixed]))))


def test_one_sentence_paragraphs_between_bodies_are_lead_heads():
    """Two or more short one-sentence paragraphs after body text head what follows; right under a
    heading, in a row (a list) or with a colon (项目：数值) they are body text."""
    lines = ["一、回顾", BODY, "经济运行稳中有进。", BODY, "改革开放不断深化。", BODY]
    leads = [t for d, s, r, t in heads(parse_text("\n".join(lines))) if s == "lead"]
    assert leads == ["经济运行稳中有进", "改革开放不断深化"]
    for text in (["一、回顾", "经济运行稳中有进。", BODY, "二、部署", "改革开放不断深化。", BODY],
                 ["一、回顾", BODY, "粮食增产百分之五。", "棉花增产百分之三。", BODY],
                 ["一、回顾", BODY, "粮食：增产百分之五。", BODY, "棉花：增产百分之三。", BODY],
                 ["一、回顾", BODY, "〔注〕产量都扣除了大豆。", BODY, "〔注〕价格按当年计算。", BODY]):
        assert all(s != "lead" for _, s, _, _ in heads(parse_text("\n".join(text))))


def test_punctuation_beside_cjk_becomes_full_width_but_not_in_numbers():
    speech = parse_text("一、甲\n会议于2023-11-26 14:16:02召开,出席(列席)人员1,000人;效果好!真的?\n")
    assert speech.sections[0].body[0].text == "会议于2023-11-26 14:16:02召开，出席（列席）人员1,000人；效果好！真的？"


def test_markdown_headings_title_and_comments(tmp_path):
    md = tmp_path / "讲话.md"
    md.write_text("# 在全市组织工作会议上的讲话\n\n同志们：\n\n" + BODY + "\n\n## 一、提高站位\n\n"
                  "<!-- 提示：讲意义 -->\n\n" + BODY + "\n\n### （一）抓好学习\n\n" + BODY + "\n", encoding="utf-8")
    speech = read_speech(md)
    assert speech.meta.text("title") == "在全市组织工作会议上的讲话"
    assert heads(speech) == [(1, "一、", False, "提高站位"), (2, "（一）", False, "抓好学习")]
    assert all("提示" not in p.text for p in speech.paragraphs())


def test_a_txt_page_saved_as_markdown_is_read_as_markdown_kicker_and_all(tmp_path):
    page = tmp_path / "page.txt"
    page.write_text("### 某某杂志发表重要文章\n\n# 在全市组织工作会议上的讲话\n\n"
                    "> 《某某日报》（2025年01月01日第 02 版）\n\n同志们：\n\n" + BODY
                    + "\n\n## 一、提高站位\n\n" + BODY + "\n", encoding="utf-8")
    speech = read_speech(page)
    assert speech.meta.text("title") == "在全市组织工作会议上的讲话"
    assert heads(speech) == [(1, "一、", False, "提高站位")]
    assert ("某某杂志发表重要文章", "网页标题") in [(r.text, r.why) for r in speech.removed]
    plain = tmp_path / "plain.txt"          # a hashtag is no Markdown heading
    plain.write_text("#学习贯彻#在全市组织工作会议上的讲话\n\n同志们：\n\n" + BODY + "\n", encoding="utf-8")
    assert read_speech(plain).meta.text("title") == "#学习贯彻#在全市组织工作会议上的讲话"


def test_an_appendix_after_the_speech_is_back_matter_never_headings(tmp_path):
    text = ("在全市组织工作会议上的讲话\n\n同志们：\n\n" + BODY + "\n\n一、提高站位\n\n" + BODY * 3
            + "\n\n二、抓好落实\n\n" + BODY * 3 + "\n\n同志们，让我们团结一心，奋力开创新局面！\n\n"
            + "名词解释\n\n1.“四上”企业：\n\n指规模以上工业企业等。\n\n2.“双高计划”：\n\n指高水平高职学校建设计划。\n")
    path = tmp_path / "report.txt"
    path.write_text(text, encoding="utf-8")
    speech = read_speech(path)
    assert heads(speech) == [(1, "一、", False, "提高站位"), (1, "一、", False, "抓好落实")]
    assert [p.role for p in speech.back][:2] == ["closing", "appendix"]
    assert [p.text for p in speech.back if p.role == "appendix"][:2] == ["名词解释", "1.“四上”企业："]
    noted = tmp_path / "noted.txt"          # a translator's note after a state visit's speech (注：)
    noted.write_text("尊敬的总统先生，女士们、先生们：\n\n" + BODY * 3 + "\n\n女士们、先生们、朋友们！\n\n" + BODY
                     + "\n\n最后，我衷心祝愿，两国友好万古长青！\n\n注：\n\n敏格拉巴，缅文读音，意为“你好”。\n",
                     encoding="utf-8")
    back = [(p.role, p.text[:6]) for p in read_speech(noted).back]
    assert back == [("closing", "女士们、先生"), ("closing", BODY[:6]), ("closing", "最后，我衷心"),
                    ("appendix", "注："), ("appendix", "敏格拉巴，缅")]
    early = tmp_path / "early.txt"          # in the first half of a text, 附件 is no appendix
    early.write_text("关于印发讲话的通知\n\n附件\n\n一、提高站位\n\n" + BODY * 3 + "\n", encoding="utf-8")
    assert not any(p.role == "appendix" for p in read_speech(early).back)


def test_a_title_set_in_three_lines_of_phrases_is_one_title(tmp_path):
    path = tmp_path / "report.txt"
    path.write_text("忠实践行“八八战略”\n坚决做到“两个维护”\n在高质量发展中奋力推进共同富裕先行\n同志们：\n\n" + BODY
                    + "\n", encoding="utf-8")
    speech = read_speech(path)
    assert speech.meta.text("title") == "忠实践行“八八战略” 坚决做到“两个维护” 在高质量发展中奋力推进共同富裕先行"
    assert speech.meta.subtitle is None
    occasion = tmp_path / "speech.txt"      # an occasion under a two-line title stays its subtitle
    occasion.write_text("忠实践行“八八战略”\n坚决做到“两个维护”\n在全市组织工作会议上的讲话\n同志们：\n\n" + BODY
                        + "\n", encoding="utf-8")
    assert read_speech(occasion).meta.text("subtitle") == "在全市组织工作会议上的讲话"


def test_a_note_naming_the_next_title_and_a_column_tag_are_page_matter(tmp_path):
    page = tmp_path / "page.txt"
    page.write_text("【2019年5月学习材料】\n文章来源：本站原创 作者：佚名 发布时间：2019年05月23日 点击数： 次\n"
                    "今年是五四运动100周年。本月推荐给各位老师的是《在全市组织工作会议上的讲话》。\n"
                    "在全市组织工作会议上的讲话\n张明\n同志们：\n" + BODY + "\n", encoding="utf-8")
    speech = read_speech(page)
    assert speech.meta.text("title") == "在全市组织工作会议上的讲话"
    assert speech.meta.text("speaker") == "张明"
    why = {r.text[:8]: r.why for r in speech.removed}
    assert why["【2019年5月"] == "网页标题" and why["今年是五四运动1"] == "转发按语"
    tag = tmp_path / "skeleton.txt"         # a placeholder line of a skeleton is no column tag
    tag.write_text("【会议名称】\n在全市组织工作会议上的讲话\n同志们：\n" + BODY + "\n", encoding="utf-8")
    assert not any(r.why == "网页标题" for r in read_speech(tag).removed)


def test_a_title_run_into_the_first_paragraph_is_cut_off_with_its_speaker(tmp_path):
    page = tmp_path / "page.txt"
    page.write_text("在全市招商引资工作会议上的讲话\n市长在全市招商引资工作会议上的讲话这次会议，目的是掀起招商引资新高潮。"
                    + BODY + "\n", encoding="utf-8")
    speech = read_speech(page)
    assert speech.meta.text("speaker") == "市长"
    assert next(speech.paragraphs()).text.startswith("这次会议，目的是")
    assert ("市长在全市招商引资工作会议上的讲话", "标题重复") in [(r.text, r.why) for r in speech.removed]


def test_gb18030_file_with_crlf_reads_like_utf8(tmp_path):
    text = "在全市组织工作会议上的讲话\r\n\r\n同志们：\r\n\r\n" + BODY + "\r\n\r\n一、提高站位\r\n\r\n" + BODY + "\r\n"
    path = tmp_path / "gb.txt"
    path.write_bytes(text.encode("gb18030"))
    speech = read_speech(path)
    assert speech.meta.text("title") == "在全市组织工作会议上的讲话"
    assert heads(speech) == [(1, "一、", False, "提高站位")]


def test_docx_headings_numbered_by_word_get_the_usual_ladder(tmp_path):
    """Word list numbering keeps the number out of the text; the heading levels still give the ladder."""
    import docx
    from docx.oxml import parse_xml
    from docx.oxml.ns import nsdecls

    doc = docx.Document()
    doc.add_paragraph("在全市组织工作会议上的讲话", style="Title")
    doc.add_paragraph(BODY)
    for text, style in (("提高站位", "Heading 1"), ("抓好学习", "Heading 2"), ("抓好落实", "Heading 1")):
        p = doc.add_paragraph(text, style=style)
        p._p.get_or_add_pPr().append(
            parse_xml(f'<w:numPr {nsdecls("w")}><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr>'))
        doc.add_paragraph(BODY)
    path = tmp_path / "numbered.docx"
    doc.save(path)
    speech = read_speech(path)
    assert heads(speech) == [(1, "一、", False, "提高站位"), (2, "（一）", False, "抓好学习"),
                             (1, "一、", False, "抓好落实")]


def test_paragraphs_that_start_by_counting_are_not_lead_heads():
    speech = parse_text("\n".join(["一、抓好学习", "一是加强理论学习。" + BODY, "二是加强业务学习。" + BODY,
                                   "三是加强实践锻炼。" + BODY]))
    assert heads(speech) == [(1, "一、", False, "抓好学习")]


def test_bullets_inside_the_body_are_body_text():
    speech = parse_text("\n".join(["一、抓好学习", BODY, "◆要加强理论学习。" + BODY]))
    assert [p.role for p in speech.sections[0].body] == ["body", "body"]


def test_docx_word_lists_say_their_numbering_style(tmp_path):
    """A Word list whose levels print 一、 / （一） / 1. numbers paragraphs whose text has no mark."""
    import docx
    from docx.oxml import parse_xml
    from docx.oxml.ns import nsdecls

    doc = docx.Document()
    numbering = doc.part.numbering_part.element
    levels = [("chineseCounting", "%1、"), ("chineseCounting", "（%1）"), ("decimal", "%1.")]
    numbering.insert(0, parse_xml(
        f'<w:abstractNum {nsdecls("w")} w:abstractNumId="90">'
        + "".join(f'<w:lvl w:ilvl="{i}"><w:start w:val="1"/><w:numFmt w:val="{fmt}"/>'
                  f'<w:lvlText w:val="{text}"/></w:lvl>'
                  for i, (fmt, text) in enumerate(levels))
        + "</w:abstractNum>"))
    numbering.append(parse_xml(f'<w:num {nsdecls("w")} w:numId="90"><w:abstractNumId w:val="90"/></w:num>'))
    doc.add_paragraph("在全市组织工作会议上的讲话", style="Title")
    doc.add_paragraph(BODY)
    for text, level in (("提高站位", 0), ("抓好学习", 1), ("学深悟透。" + BODY, 2), ("抓好落实", 0)):
        p = doc.add_paragraph(text)
        p._p.get_or_add_pPr().append(parse_xml(
            f'<w:numPr {nsdecls("w")}><w:ilvl w:val="{level}"/><w:numId w:val="90"/></w:numPr>'))
        if level < 2:
            doc.add_paragraph(BODY)
    path = tmp_path / "lists.docx"
    doc.save(path)
    speech = read_speech(path)
    assert heads(speech) == [(1, "一、", False, "提高站位"), (2, "（一）", False, "抓好学习"),
                             (3, "1．", True, "学深悟透"), (1, "一、", False, "抓好落实")]


def test_docx_table_of_contents_is_removed_not_read_as_headings(tmp_path):
    import docx

    doc = docx.Document()
    doc.add_paragraph("在全市组织工作会议上的讲话", style="Title")
    toc = doc.styles.add_style("toc 1", docx.enum.style.WD_STYLE_TYPE.PARAGRAPH)
    for entry in ("一、提高站位\t1", "二、抓好落实\t2"):
        doc.add_paragraph(entry, style=toc)
    doc.add_paragraph(BODY)
    for head in ("一、提高站位", "二、抓好落实"):
        doc.add_paragraph(head, style="Heading 1")
        doc.add_paragraph(BODY)
    path = tmp_path / "toc.docx"
    doc.save(path)
    speech = read_speech(path)
    assert heads(speech) == [(1, "一、", False, "提高站位"), (1, "一、", False, "抓好落实")]
    assert [(r.line, r.why) for r in speech.removed] == [(2, "目录"), (3, "目录")]


def test_a_provincial_report_copied_line_by_line():
    """The shape of a province's 2026 report as a news site gives it (every line a paragraph, no blank
    line): a date in Chinese numerals in the subtitle; ——-led achievements before the first heading are
    list items, not heads; short unpunctuated lines between a finished sentence and prose are the top
    level above the numbered （一） parts."""
    lines = ["2026年甘肃省政府工作报告", "——二〇二六年一月二十七日在甘肃省十四届人民代表大会第四次会议上",
             "甘肃省省长 任振鹤", "各位代表：", "我代表省人民政府，向大会报告工作，请予审议。",
             "“十四五”时期工作回顾", "“十四五”时期是极不寻常的五年。" + BODY]
    lines += [f"——这是{w}的五年。" + BODY for w in ("追赶进位", "扬优聚势", "招大引强")]
    lines += ["五年来主要做了以下工作。", "我们扭住高质量发展首要任务。" + BODY, "“十五五”时期的主要目标任务",
              "“十五五”时期是基本实现现代化夯实基础的关键时期。" + BODY, "2026年重点工作",
              "今年是“十五五”开局之年。" + BODY,
              "（一）放大促消费扩投资政策效应", BODY, "（二）加快建设现代化产业体系", BODY]
    speech = parse_text("\n".join(lines))
    assert speech.meta.text("date") == "2026年1月27日"
    tops = [s.title for s in speech.sections]
    assert tops == ["“十四五”时期工作回顾", "“十五五”时期的主要目标任务", "2026年重点工作"]
    assert not [s for s in speech.walk() if s.title.startswith("——")]
    assert [c.title for c in speech.sections[-1].children] == ["放大促消费扩投资政策效应", "加快建设现代化产业体系"]


def test_a_transliterated_name_with_a_middle_dot_is_a_speaker():
    """自治区主席 艾尔肯·吐尼亚孜 under the title (Xinjiang's 2026 report): a name whose parts a middle dot
    joins is a person's name like any other."""
    speech = parse_text("2026年新疆维吾尔自治区政府工作报告\n自治区主席 艾尔肯·吐尼亚孜\n各位代表：\n" + BODY)
    assert speech.meta.text("speaker") == "自治区主席 艾尔肯·吐尼亚孜"


def test_numbers_set_as_one_character_are_the_usual_marks():
    """Word's ⒈ ⒉ (one character for 1.) and ⑴ ⑵ (for (1)) number headings as 1． and （1） do, in order
    (⒉ after ⒈ is no numbering anomaly)."""
    speech = parse_text("\n".join([
        "同志们：", "下面，我讲两点意见。",
        "一、充分肯定成绩", BODY, "⒈创建规划科学合理。", BODY, "⒉创建投入力度加大。", BODY,
        "⑴绿地建设。", BODY, "⑵道路绿化。", BODY,
        "二、明确目标任务", BODY]))
    assert heads(speech) == [(1, "一、", False, "充分肯定成绩"), (2, "1．", False, "创建规划科学合理"),
                             (2, "1．", False, "创建投入力度加大"), (3, "（1）", False, "绿地建设"),
                             (3, "（1）", False, "道路绿化"), (1, "一、", False, "明确目标任务")]
    assert speech.warnings == []


def test_a_title_of_a_role_and_a_genre_is_no_speaker_line():
    """开学典礼校长发言稿 names a role and a genre, no person: the title, not who speaks."""
    speech = parse_text("\n".join(["开学典礼校长发言稿", "老师们、同学们：", "大家好！", BODY]))
    assert speech.meta.text("title") == "开学典礼校长发言稿" and speech.meta.text("speaker") is None
    assert speech.salutation == "老师们、同学们："


#: the tail of a real WeChat post (晚安华师, 2023-09-08; bansky-cl/scnu_wechat_articles_spider,
#: data23-24/content_pp_2024.csv, record 12), one item a line as the account sets them
WECHAT_TAIL = ["#往期回顾#", "采写丨陈婧 卢嘉裕", "摄影丨吴建国", "责任编辑丨卢嘉裕 吴建国 陈婧", "初审丨郑宇云",
               "复审丨黄子响", "终审丨陈正宏", "部分图片由受访者提供", "标星晚安华师可以第一时间了解华师最新资讯",
               "后台回复关键词即可获取校历丨PPT丨招生丨转专业丨网费丨水电费"]


def test_a_wechat_accounts_tail_is_page_matter():
    """Its credits set off by 丨, the list of past posts, the follow prompts: none of it is the speech."""
    speech = parse_text("\n".join(["同志们：", BODY, "谢谢大家！", "向下滑动查看完整发言", *WECHAT_TAIL]))
    assert [r.text for r in speech.removed] == ["向下滑动查看完整发言", *WECHAT_TAIL]
    assert [p.text for p in speech.paragraphs()][-1] == "谢谢大家！"


def test_a_posting_stamp_and_a_posts_counters_are_page_matter():
    """Who posted and when (原创 + the account + date and time, as a WeChat post shows it under its title)
    is the page's posting date; 阅读原文, 阅读 1234, 在看 under the text are its buttons and counters."""
    speech = parse_text("\n".join(["县委书记在全县组织工作会议上的讲话", "原创 某县组工 2023-03-15 18:30", "同志们：",
                                   BODY, "谢谢大家！", "阅读原文", "阅读 1234 在看 12"]))
    assert speech.meta.text("title") == "县委书记在全县组织工作会议上的讲话"
    assert speech.meta.text("published") == "2023-03-15" and speech.meta.date is None
    assert [r.line for r in speech.removed] == [2, 6, 7]


def test_a_page_number_run_into_the_text_is_cut_out():
    """A copy of a printed document runs its page numbers into the text, inside a word (a real line of
    https://xiaomilidoc.com/p-9656659.html: …第四项是宣读选第 1 页 共 4 页举办法草案…): the number goes, the
    word is whole again."""
    line = ("现在举行 zz 乡第十届人民代表大会第八次会议预备会议。会议内容有五项: 第一项是大会筹备组长作筹备工作报告;"
            "第二项是通过大会议程;第三项是通过大会主席团成员名单;第四项是宣读选第 1 页 共 4 页举办法草案;"
            "第五项是宣读会议须知。")
    speech = parse_text("\n".join(["各位代表：", line]))
    assert "宣读选举办法草案" in list(speech.paragraphs())[-1].text
    assert [(r.line, r.text) for r in speech.removed] == [(2, "第 1 页 共 4 页")]


def test_a_document_sites_numbered_chunks_are_no_headings():
    """A document site's preview cuts the text into chunks numbered 1、 2、 …, a word split between them
    (the real preview of https://m.wnwk.com/doc/1257921.html, as the stored page gives it): the numbers
    are no 1． headings, the word is whole again."""
    speech = read_speech(Path(__file__).resolve().parents[1] / "data" / "wnwk-preview-chunks.txt")
    assert speech.headings() == []
    assert "请工作人员宣读大会秘书名单" in "".join(p.text for p in speech.paragraphs())
    assert [(r.line, r.text) for r in speech.removed] == [(1, "1、"), (2, "2、")]


def test_a_sites_readings_go_and_a_writers_few_stay():
    """A site that marks the pinyin of every character it converted (林業(yè), page 064) loses its readings;
    a speech that gives the reading of a rare word or two keeps them."""
    site = "同志们：\n" + "".join(f"林業(yè)工作第{n}項任務(wù)要落實。" for n in range(3))
    speech = parse_text(site)
    assert "(" not in list(speech.paragraphs())[-1].text and "（" not in list(speech.paragraphs())[-1].text
    assert [r.why for r in speech.removed] == ["网站注音"]
    writer = "同志们：\n我们要有绠短汲深(gěng)的忧患，也要防止龃龉(jǔ)丛生。" + BODY
    assert "绠短汲深（gěng）" in list(parse_text(writer).paragraphs())[-1].text


def test_a_translation_under_the_text_is_page_matter():
    """A paragraph in English under a Chinese text cut mid-word (a periodical site's machine translation,
    page 063) goes, and is not joined to the text it follows."""
    english = " ".join(["We will work together for a better future of our country and the world"] * 2)
    speech = parse_text("\n".join(["同志们：", BODY + "我们伟大的人民共", english]))
    assert [(r.line, r.why) for r in speech.removed] == [(3, "非正文")]
    assert list(speech.paragraphs())[-1].text.endswith("人民共")


def test_a_title_run_into_the_salutation_is_cut_from_it():
    """A title, the salutation and the opening on one line (page 064): the title is the title."""
    speech = parse_text("在全县林业工作推进会议上的讲话同志们：今天，我们在这里召开全县林业工作推进会议。" + BODY)
    assert speech.meta.text("title") == "在全县林业工作推进会议上的讲话"
    assert speech.salutation == "同志们："


def test_a_table_of_contents_saved_as_text_is_no_part_of_the_speech():
    """A compilation saved as .txt keeps its 目录: its entries end in page numbers, after dot leaders or a
    space; they go as 目录, the speech's own heading of the same words stays."""
    speech = parse_text("\n".join([
        "目  录", "在全县工作会议上的讲话……………………1", "一、总结成绩 ............ 15",
        "做新时代牢记使命的“拓荒牛” 272", "在全县工作会议上的讲话", "同志们：", BODY, "一、总结成绩", BODY]))
    assert [(r.line, r.why) for r in speech.removed] == [(1, "目录"), (2, "目录"), (3, "目录"), (4, "目录")]
    assert heads(speech) == [(1, "一、", False, "总结成绩")]
    assert speech.meta.text("title") == "在全县工作会议上的讲话"


def test_a_running_line_goes_only_from_a_text_broken_into_a_pages_lines():
    """A line repeated inside sentences is a running head where the text is a printed page's lines (page
    067: the text joins across it); in a text of whole paragraphs it is the text's own (Wikisource sets a
    link's words on their own line: …国家中长期科学和技术发展规划纲要 / …)."""
    speech = read_speech(Path(__file__).resolve().parents[1] / "data" / "pages"
                         / "067_docsite-gwg365-pdf-preview-running-lines.txt")
    assert [r.line for r in speech.removed if r.why == "页眉"] == [4, 5, 27, 28, 29, 33, 34, 35]
    assert "在认真总结实践经验基础上深化拓展的结果" in "".join(p.text for p in speech.paragraphs())
    paragraphs = ["各位代表：", "我们要认真实施", "规划纲要", "，加快建设创新型国家。" + BODY,
                  "我们要抓紧制定", "规划纲要", "的配套政策。" + BODY]
    assert parse_text("\n".join(paragraphs)).removed == []


def test_a_government_sites_disclosure_table_is_page_matter():
    """The information-disclosure table a government site sets over a document (the real head of
    http://zb.gov.cn/zbxzf/xzfwj/202404/49ca3d0c669f4c2ebf6f7fabf563549c.shtml: keys one a line, each value
    on the next, some empty) goes, its posting date kept; the title under 内容概述: is no value of it."""
    head = ["镇巴县人民政府工作规则", "", "  • 索引号:", "", "    6107280000/2024-001005", "  • 主题分类:", "",
            "  • 发文机构:", "", "    县政府网站", "  • 发文字号:", "", "    镇政发〔2024〕7号", "  • 发文日期:", "",
            "    2024年04月06日 16:40", "  • 有效性:", "", "  • 内容概述:", "", "镇巴县人民政府工作规则", ""]
    speech = parse_text("\n".join([*head, "同志们：", BODY, BODY]))
    assert speech.meta.text("title") == "镇巴县人民政府工作规则"
    assert speech.meta.text("published") == "2024年04月06日"
    assert speech.salutation == "同志们：" and len(list(speech.paragraphs())) == 3
    assert {r.line for r in speech.removed} >= {3, 5, 6, 8, 10, 11, 13, 14, 16, 17, 19}


def test_a_draft_in_markdown_bold_saved_as_text_has_its_headings(tmp_path):
    """A draft an assistant wrote, its heads in Markdown bold, saved as .txt (a sample draft in a public
    repository's code): the heads are headings, the marks go; a redacted name (**镇党委…, page 081) is
    no bold."""
    draft = tmp_path / "draft.txt"
    draft.write_text("\n".join([
        "同志们：", "", "今天我们召开总经理办公会，专题研究部署集团数字化转型深化推进工作。", "",
        "**一、统一思想，深刻领会数字化转型的战略意义**",
        "我们要以“业务数字化、数据业务化”为核心导向，破除信息孤岛。", "",
        "**二、聚焦重点，狠抓三项核心任务落地**",
        "1. **夯实数字底座**：加快智能问数、自动差旅与统一审批系统全场景覆盖。",
        "2. **强化数据治理**：建立统一的数据标准。"]), encoding="utf-8")
    speech = read_speech(draft)
    assert heads(speech) == [(1, "一、", False, "统一思想，深刻领会数字化转型的战略意义"),
                             (1, "一、", False, "聚焦重点，狠抓三项核心任务落地"),
                             (2, "1．", False, "夯实数字底座：加快智能问数、自动差旅与统一审批系统全场景覆盖"),
                             (2, "1．", False, "强化数据治理：建立统一的数据标准")]
    page = read_speech(Path(__file__).resolve().parents[1] / "data" / "pages"
                       / "081_docsite-gongwk-pdf-title-broken-inside-word.txt")
    assert "**镇党委领导班子紧扣会议主题" in "".join(p.text for p in page.paragraphs())
    draft.write_text("同志们：\n\n今天我们召开会议。\n\n## 一、统一思想\n\n我们要统一思想。\n\n## 二、狠抓落实\n\n"
                     "各部门要狠抓落实。\n", encoding="utf-8")          # ## heads after the salutation
    assert heads(read_speech(draft)) == [(1, "一、", False, "统一思想"), (1, "一、", False, "狠抓落实")]


def test_a_posts_source_set_off_as_its_credits_are_is_its_source():
    """来源 | 某县发布 under a post's title, as its credits are set off (编辑 | …): page matter, and the page's
    source."""
    speech = parse_text("\n".join(["在全县工作会议上的讲话", "来源 | 某县发布", "同志们：", BODY, "编辑 | 张三"]))
    assert speech.meta.text("source") == "某县发布"
    assert [r.line for r in speech.removed] == [2, 5]
    assert speech.meta.text("title") == "在全县工作会议上的讲话" and speech.salutation == "同志们："


def test_a_link_to_the_sites_column_under_a_headline_is_page_matter():
    """专栏：… under a news headline (共产党员网's pages of the reform commission's meetings link their
    column so) is no subtitle."""
    speech = parse_text("\n".join(["习近平主持召开中央全面深化改革委员会第十次会议强调 加强改革系统集成协同高效",
                                   "专栏：中央全面深化改革委员会会议", BODY, BODY]))
    assert speech.meta.text("subtitle") is None
    assert [(r.line, r.why) for r in speech.removed] == [(2, "导航")]


def test_a_newspapers_page_line_without_di_is_page_matter(tmp_path):
    """人民网's copy of a speech (jhsjk.people.cn, 2020) ends with the wire's dateline and the paper's page
    line written 《 人民日报 》（ 2020年03月27日 02 版）, spaces inside and no 第: both are the page's, not the
    speech's closing."""
    path = tmp_path / "speech.txt"
    path.write_text("同志们：\n\n" + BODY + "\n\n谢谢大家。\n\n（新华社北京3月26日电）\n\n"
                    "《 人民日报 》（ 2020年03月27日 02 版）\n", encoding="utf-8")
    speech = read_speech(path)
    assert [p.text for p in speech.back] == ["谢谢大家。"]
    assert "《 人民日报 》（ 2020年03月27日 02 版）" in [r.text for r in speech.removed]


def test_a_title_with_its_date_and_speaker_run_into_it(tmp_path):
    """A copy whose lines were run together (人民网's archive of speeches, 2020): 在…的讲话（2020年2月3日）习近平
    is the title, the date and the speaker; （…）全文 names no one."""
    path = tmp_path / "speech.txt"
    path.write_text("在中央政治局常委会会议研究应对疫情工作时的讲话（2020年2月3日）习近平\n\n" + BODY + "\n",
                    encoding="utf-8")
    speech = read_speech(path)
    assert speech.meta.text("title") == "在中央政治局常委会会议研究应对疫情工作时的讲话"
    assert (speech.meta.text("speaker"), speech.meta.text("date")) == ("习近平", "2020年2月3日")
    path.write_text("在全市组织工作会议上的讲话（2020年2月3日）全文\n\n" + BODY + "\n", encoding="utf-8")
    assert read_speech(path).meta.text("speaker") is None


def test_a_summits_salutation_is_no_title(tmp_path):
    """An address to a summit (a speech of 2020 with its title left off): 大会主席先生，世界卫生组织总干事先生，
    各位代表： is the salutation, a post of any length before 先生."""
    path = tmp_path / "speech.txt"
    path.write_text("大会主席先生，世界卫生组织总干事先生，各位代表：\n\n" + BODY + "\n\n谢谢大家。\n",
                    encoding="utf-8")
    speech = read_speech(path)
    assert speech.meta.text("title") is None
    salutation = "大会主席先生，世界卫生组织总干事先生，各位代表："
    assert (speech.front[0].role, speech.front[0].text) == ("salutation", salutation)


def test_a_stray_full_stop_after_a_title_goes(tmp_path):
    """A 范文 site's title line ends with a stray period (市政府第四次全体会议主持词., page 075): the title is
    the words before it."""
    path = tmp_path / "host.txt"
    path.write_text("市政府第四次全体会议主持词.\n同志们:\n现在开会。\n" + BODY + "\n", encoding="utf-8")
    assert read_speech(path).meta.text("title") == "市政府第四次全体会议主持词"


def test_a_notice_whose_only_sentence_ends_in_thanks_has_no_closing(tmp_path):
    """A school's notice (real wording, seven pages of one site): its addressees, then one sentence ending in
    谢谢！ — thanks end a speech's closing, but this sentence is all the notice says."""
    path = tmp_path / "notice.txt"
    path.write_text("升旗仪式改为广播讲话通知\n\n全校师生注意：\n\n因天下雨，今天升旗仪式改成广播讲话，请相互告知，谢谢！\n",
                    encoding="utf-8")
    speech = read_speech(path)
    assert [p.text for p in speech.front][-1].startswith("因天下雨") and not speech.back


def test_sharing_in_a_sentence_is_no_share_button_and_a_home_link_no_name():
    """分享到 a platform is a page's button; 分享到…成果 in a sentence is the speech's (a Huawei new-year
    message lost a paragraph to it). 首页 over the column's name above a title is the page's breadcrumb,
    never the author's name."""
    shared = "更多有志于与公司一同长期成长的本地员工，也将分享到公司业务全球发展的成果。" + BODY
    speech = parse_text("首页\n重要讲话\n在纪念大会上的讲话\n习近平\n\n同志们：\n\n" + BODY + "\n\n" + shared
                        + "\n\n分享到：微信 微博\n")
    assert shared in [p.text for p in speech.paragraphs()]
    assert [(r.text, r.why) for r in speech.removed] == [("首页", "导航"), ("重要讲话", "导航"),
                                                         ("分享到：微信 微博", "分享按钮")]
    assert (speech.meta.text("title"), speech.meta.text("speaker"), speech.meta.text("author")) \
        == ("在纪念大会上的讲话", "习近平", None)


def test_a_date_and_place_under_a_title_is_its_date_not_a_subtitle(tmp_path):
    """（２０１３年３月２２日，莫斯科） under a title: when and where the speech was given (full-width digits
    and all), no subtitle; a mined document takes its year from it."""
    from drafter.mine.corpus import year_of

    speech = parse_text("在俄罗斯中国旅游年开幕式上的致辞\n（２０１３年３月２２日，莫斯科）\n"
                        "中华人民共和国主席　习近平\n\n尊敬的普京总统，女士们，先生们，朋友们：\n\n" + BODY + "\n")
    assert (speech.meta.text("subtitle"), speech.meta.text("date")) == (None, "２０１３年３月２２日，莫斯科")
    assert year_of("speech.txt", speech) == 2013


def test_a_companys_new_year_message_addressed_to_its_staff():
    """A company's 新年祝词 is a 致辞; its addressees described before the term (辛勤工作在全球各个岗位的公司
    全体员工：) are its salutation; its editor's lead labelled with spaces (【导  读】) is the page's."""
    speech = parse_text("2008年新年祝词\n\n【导  读】2007年，公司全球销售额突破160亿美元，同比增长达45%。\n\n"
                        "辛勤工作在全球各个岗位的公司全体员工：\n\n值此新年之际，我谨代表公司向您致以诚挚的问候！"
                        + BODY + "\n")
    assert speech.meta.kind == "致辞"
    assert speech.salutation == "辛勤工作在全球各个岗位的公司全体员工："
    assert [r.why for r in speech.removed] == ["编者按"]


def test_a_reports_last_part_ending_in_an_exclamation_is_no_part_of_its_call():
    """A report without 各位代表！ before its closing: its last paragraph, a call ending in ！, closes it; the
    paragraph before, its last part's, ends in ！ too (…作出新的更大贡献！) but stays in the part — only cheers
    (…万岁！) or a paragraph hailing the hall join the call before it."""
    part = "我们要坚持独立自主的和平外交政策，推动构建人类命运共同体，为世界和平与发展作出新的更大贡献！"
    call = "中国的发展从来都是在应对挑战中前进的。让我们更加紧密地团结起来，为实现奋斗目标而努力奋斗！"
    speech = parse_text("政府工作报告\n\n各位代表：\n\n" + BODY * 3 + "\n\n一、今年的工作\n\n" + BODY * 4
                        + "\n\n二、外交工作\n\n" + BODY * 4 + "\n\n" + part + "\n\n" + call + "\n")
    assert [p.text for p in speech.back if p.role == "closing"] == [call]


def test_a_note_on_how_the_text_was_made_does_not_hide_the_salutation():
    """（根据记录整理，未经本人审阅） under a title and date is a note on the text, set apart; the salutation
    run into the first paragraph after it is found."""
    speech = parse_text("\n".join([
        "在全省重点企业汇报会议上的讲话", "一九七四年六月二十七日", "（根据记录整理，未经本人审阅）",
        "同志们：" + BODY, BODY]))
    assert speech.salutation == "同志们："
    assert [p.role for p in speech.back] == ["author_note"]
    assert [p.text for p in speech.paragraphs() if p.role not in ("salutation", "author_note")] == [BODY, BODY]


def test_guests_by_post_and_name_over_the_salutation_and_the_date_under_the_text():
    """A visiting speaker's salutation over three lines (安德森副总理， / 维多利亚州总理肯尼特， / 女士们，先生们：)
    is one salutation; a date in brackets alone under the last words dates the speech, and the
    newspaper's dateline under it is page matter."""
    speech = parse_text("\n".join([
        "在澳中贸易投资研讨会上的演讲", "安德森副总理，", "维多利亚州总理肯尼特，", "女士们，先生们：",
        BODY, "谢谢各位。", "（一九九九年九月七日）", "（本报墨尔本9月7日电）"]))
    assert speech.salutation == "安德森副总理，维多利亚州总理肯尼特，女士们，先生们："
    assert speech.meta.text("date") == "一九九九年九月七日"
    assert [(r.line, r.why) for r in speech.removed] == [(8, "页面信息")]


def test_a_transcript_of_one_sentence_a_line_has_no_lead_heads():
    """A transcript (or a post) that sets every sentence on a line of its own: a short sentence between
    two others is no lead head, though it stands alone as one would."""
    lines = ["同学们：", "能够受邀在母校的毕业典礼上致辞，对我来说是至高无上的荣誉。",
             "此时此刻站在这里，三十多年前在学校求学的一幕一幕全部涌现在我的脑海里，让我非常感慨。",
             "一、相信自己",
             "我还记得新生报到的第一天，我第一次走在樱花大道上，阳光灿烂，风景如画，一下子我就爱上了这里。",
             "那一年我读了一本书。",
             "这本书讲的是硅谷的创业故事，看完以后我激动得好几个晚上都睡不着，在操场上走了一圈又一圈。",
             "后来我做了很多事情。",
             "有成功的，也有失败的，但是每一次我都认认真真地去做，把它当成一生中最重要的事情来对待。",
             "二、脚踏实地",
             "梦想要一步一步地实现，每一步都要走得扎扎实实，不能好高骛远，更不能急于求成，这是我的体会。",
             "同学们，江湖再见。"]
    speech = parse_text("\n".join(lines))
    assert [s.title for s in speech.headings()] == ["相信自己", "脚踏实地"]


def test_paragraphs_opening_with_years_are_no_parallel_heads():
    """A new-year message whose paragraphs open with a year (2016农历新年即将到来。…, 2015年也是…。…, 2016年是…):
    a shared year or number frames no heads."""
    speech = parse_text("\n".join([
        "同志们，朋友们：",
        "2016农历新年即将到来。" + BODY * 2,
        "刚刚过去的一年是不平凡的一年。" + BODY * 4,
        "2015年也是“十二五”的收官之年。" + BODY * 2,
        "成绩的取得，离不开全体干部员工的辛勤付出。" + BODY * 2,
        "2016年是“十三五”开局之年，也是充满挑战的一年。" + BODY * 5,
        "最后，祝愿大家新春快乐、幸福安康！"]))
    assert not list(speech.headings())


def test_a_scans_page_markers_are_page_numbers_and_a_speechs_minutes_are_a_speech():
    """A book scan's text with its pages marked (==========第4页==========): the markers are page numbers,
    the sentence they cut is joined over them; a speech's summary (…上的讲话纪要) is a speech, not minutes."""
    speech = parse_text("\n".join([
        "==========第4页==========", "在全市干部大会上的讲话纪要", "同志们：", BODY[:30],
        "==========第5页==========", BODY[30:], BODY]))
    assert speech.meta.kind == "讲话"
    assert [r.why for r in speech.removed] == ["页码", "页码"]
    assert [p.text for p in speech.paragraphs() if p.role != "salutation"] == [BODY, BODY]


def test_a_clipped_talks_byline_and_an_advertisement_in_nested_bold(tmp_path):
    """A clipped talk: 演讲 / 某某（微信公众号：…） under the title names who gave it; an advertisement in bold
    inside bold (****长按扫码▲立即了解****) is page matter."""
    page = tmp_path / "talk.md"
    page.write_text("\n".join(["在年终秀上的演讲", "========", "", "****长按扫码▲立即了解****", "",
                               "演讲 / 吴晓波（微信公众号：吴晓波频道）", "", BODY, "", BODY, ""]), encoding="utf-8")
    speech = read_speech(page)
    assert (speech.meta.text("title"), speech.meta.text("speaker")) == ("在年终秀上的演讲", "吴晓波")
    assert [(r.line, r.why) for r in speech.removed] == [(4, "广告")]
    assert [p.text for p in speech.paragraphs()] == [BODY, BODY]


def test_a_short_title_is_no_name_and_an_office_under_a_title_issues_it():
    """A title of four characters that opens with no surname (定力至上) is the title, not an author's name;
    a name under a title still is (王小明); an office on its own line under a title (教务处) issues it."""
    speech = parse_text("\n".join(["定力至上", BODY, BODY]))
    assert (speech.meta.text("title"), speech.meta.text("author")) == ("定力至上", None)
    speech = parse_text("\n".join(["做一个不甘于平庸的人", "王小明", BODY, BODY]))
    assert speech.meta.text("author") == "王小明"
    speech = parse_text("\n".join(["在期末考试工作会议上的讲话", "教务处", "同志们：", BODY]))
    assert (speech.meta.text("title"), speech.meta.text("author")) == ("在期末考试工作会议上的讲话", "教务处")


def test_a_hand_over_to_the_text_with_the_text_run_on_after_it():
    """A news page's lead, then 以下为演讲全文： with the speech run on after the colon: the lead and the
    hand-over are the page's, the speech starts at its salutation."""
    speech = parse_text("\n".join([
        "母校的校庆即将到来，今天母校举办了校友论坛，我应邀作了演讲。", "以下为演讲全文：同学们，" + BODY, BODY]))
    assert speech.salutation == "同学们，"
    assert [(r.line, r.why, r.text) for r in speech.removed] == [
        (1, "新闻导语", "母校的校庆即将到来，今天母校举办了校友论坛，我应邀作了演讲。"),
        (2, "新闻导语", "以下为演讲全文：")]
    assert [p.text for p in speech.paragraphs() if p.role != "salutation"] == [BODY, BODY]


def test_a_hosts_words_over_the_speech_in_a_transcript():
    """A ceremony's transcript opens with the host thanking the last speaker and calling the next
    (谢谢某某同学。 / 仪式第八项，请校友代表，…董事长雷军校友发言。): the host's words are no part of the speech,
    and the one called on is its speaker."""
    speech = parse_text("\n".join([
        "谢谢曹哲同学。", "仪式第八项，请校友代表，计算机系1991届毕业生，小米集团董事长雷军校友发言。",
        "尊敬的各位老师，亲爱的同学们：", BODY, BODY]))
    assert speech.meta.text("speaker") == "雷军"
    assert speech.salutation == "尊敬的各位老师，亲爱的同学们："
    assert [(r.line, r.why) for r in speech.removed] == [(1, "主持词"), (2, "主持词")]


def test_a_date_under_a_title_missing_its_day_character_is_its_date():
    """（1996年4月6） under a title (the 日 left out where it was typed) is the date, no subtitle."""
    speech = parse_text("\n".join(["在全市精神文明建设大会上的工作报告", "（1996年4月6）", "同志们：", BODY]))
    assert (speech.meta.text("date"), speech.meta.text("subtitle")) == ("1996年4月6", None)


def test_a_post_giving_its_authors_speech_after_its_points_and_a_video_player():
    """A post that says what the speech is about, lists its points (1.…2.…), shows a video player's
    controls spread over one long line, then hands over (以下是我的演讲全文：): all of that is the page's, no
    one is named 我的, and the long salutation run into the first paragraph is found."""
    player = ("已关注" + " " * 120
              + "重播  分享  赞  关闭观看更多退出全屏切换到竖屏全屏 倍速播放中 您的浏览器不支持 video 标签")
    speech = parse_text("\n".join([
        "今天，我荣获了一个管理奖，这是一份沉甸甸的荣誉。", "1.找到志同道合的人才是最核心的事情。",
        "2.简单机械的考核制度不可行。", player + " " * 300, "以下是我的演讲全文：",
        "尊敬的陈至立委员长、尊敬的张恩迪副主席、尊敬的焦扬书记、许宁生校长，各位领导、各位专家、各位老师、各位同学们，"
        + BODY, BODY]))
    assert speech.meta.text("speaker") is None
    assert speech.salutation.startswith("尊敬的陈至立委员长") and speech.salutation.endswith("各位同学们，")
    assert [r.why for r in speech.removed] == ["新闻导语", "新闻导语", "新闻导语", "页面按钮", "新闻导语"]
    assert not list(speech.headings())


def test_news_told_from_the_day_a_meeting_was_held_is_news_not_a_speech():
    """A campus site's report: its lead opens on the day the meeting was held (11月9日，学校在…召开…推进会;
    朗朗金秋。9月5日下午，…开学典礼…隆重举行) and tells who attended, or what was said or done there: a
    新闻报道, though no paragraph has three 某某指出. A speech recalling a day deep in its first
    paragraph stays a speech."""
    news = parse_text("\n".join([
        "学校召开创业计划竞赛承办工作推进会议",
        "11月9日，学校在综合办公楼808会议室召开创业计划竞赛承办工作推进会。副校长王某某出席会议并讲话。",
        "王某某指出，" + BODY, "会议还对各项工作任务做出了具体安排。"]))
    assert news.meta.kind == "新闻报道"
    ceremony = parse_text("\n".join([
        "朗朗金秋，丹桂飘香。学院又迎来了三百名研究生。9月5日下午，学院2014级研究生新生开学典礼在报告厅隆重举行。"
        "院长肖某某、党委书记赵某某莅临大会。",
        "首先，肖院长代表全院师生对新同学的到来表示了热烈的欢迎。" + BODY]))
    assert ceremony.meta.kind == "新闻报道"
    speech = parse_text("\n".join([
        "受中央委托，我就建议稿起草的有关情况向全会作说明。" + BODY + BODY
        + "4月13日，文件起草组召开第一次全体会议，起草工作正式启动。会上大家一致认为，" + BODY,
        "会议认为，" + BODY]))
    assert speech.meta.kind == "讲话"


def test_news_of_a_meeting_or_a_visit_told_briefly_is_news_not_a_speech():
    """Short reports on a bureau's site: what the leader stressed and required, twice, and what the meeting
    did (徐某某强调，… / 徐某某要求，… / 会议还集中学习了…); one paragraph telling of a meeting on a day and
    what was done at it (8月7日，…召开…动员会。会上…); a visit on a day by someone named by post, told of again
    below (7月3日，区委书记高某某到…石井村，为…讲党课 / 高某某以…为主题，…): each a 新闻报道."""
    for paragraphs in (["徐某某强调，" + BODY, "徐某某要求，" + BODY, "会议还集中学习了有关文章，研究审定了实施方案。"],
                       ["为进一步深化服务活动，8月7日，区税务局召集各支部书记，召开工作动员会。会上党办室主任田某某同志"
                        "对工作作出了详细部署。" + BODY],
                       ["高某某为石井村党员干部讲党课", "7月3日，区委书记高某某到分包联系点石井村，为党员干部讲党课。",
                        "高某某以“不忘初心、牢记使命”为主题，" + BODY]):
        assert parse_text("\n".join(paragraphs)).meta.kind == "新闻报道"
    speech = parse_text("\n".join(["同志们：", "7月3日，我到石井村调研，看到了新变化。" + BODY, "高质量发展，" + BODY]))
    assert speech.meta.kind == "讲话"


def test_news_of_a_party_lecture_given_on_a_day_by_someone_named_is_news():
    """Campus reports of a 党课: the lead's day (its year before it or not) and who gave it, by post or title
    (2016年11月9日下午，校党委书记彭某某同志在…讲党课; …于2023年5月23日在…开课，由李某某老师主讲; 11月24日，…
    党委副书记陈某某来到…), told of below (彭某某书记就…; 首先，李某某老师…; …陈某某指出，…): news. A speech
    opening on a day that quotes a leader below (2013年12月26日，习近平同志在…; 习近平同志指出，…) stays a speech."""
    for lead, later in (("2016年11月9日周三下午，校党委书记彭某某同志在行政楼会议室为全体党员讲党课。",
                         "彭某某书记就学习《党委会的工作方法》的体会给全体党员上了一堂生动的党课。"),
                        ("学院召开的新一期党课培训，于2023年5月23日在报告厅开课，由李某某老师主讲第一讲。",
                         "首先，李某某老师从同学们的入党动机讨论开始引入课题。"),
                        ("11月24日，校党委常委、党委副书记陈某某来到物理学院，为入党积极分子讲授专题党课。",
                         "此次党课分五部分展开。陈某某指出，全面从严治党是必由之路。")):
        assert parse_text("\n".join([lead, later + BODY, BODY])).meta.kind == "新闻报道"
    speech = parse_text("\n".join(["同志们：", "2013年12月26日，习近平同志在纪念毛泽东同志诞辰座谈会上发表重要讲话。",
                                    "习近平同志指出，" + BODY, BODY]))
    assert speech.meta.kind == "讲话"


def test_a_post_of_short_paragraphs_has_no_lead_heads_standing_alone():
    """A talk written down as a post, most paragraphs one sentence (some of two): a short sentence alone
    between two paragraphs is no lead head there; in a report of long paragraphs the same sentences are
    its unnumbered heads."""
    said = ["第一次经济下行是在九十年代初期，大家都还记得，一大批企业倒掉了，全国到处都在紧缩银根。",
            "但是很快，当通货膨胀控制住之后，经济又重新步入了快速发展的轨道，大家很快就缓过来了。",
            "第二次是亚洲金融危机，我们外向型的经济刚刚开放，受到了很大的冲击，但是影响并不算太大。"]
    two = "我们设想一下，一个企业的负债率在十年里增加了一百多个百分点，会怎么样？这个企业该关门了。"
    alone = ["回忆一下四十年我们走过的路程。", "国家负债率的概念和企业是一样的。", "降低自己的杠杆率。"]
    lines = ["一、灰犀牛是什么", said[0], alone[0], *said, alone[1], two, *said,
             "二、如何应对", said[1], alone[2], *said]
    speech = parse_text("\n".join(lines))
    assert [s.title for s in speech.headings()] == ["灰犀牛是什么", "如何应对"]
    report = ["一、主要工作", BODY, alone[0], BODY + BODY, alone[1], BODY + BODY,
              "二、今年的任务", BODY, alone[2], BODY + BODY]
    speech = parse_text("\n".join(report))
    assert [s.title for s in speech.headings()] == [
        "主要工作", "回忆一下四十年我们走过的路程", "国家负债率的概念和企业是一样的", "今年的任务", "降低自己的杠杆率"]


def test_a_name_and_what_they_gave_before_a_colon_in_a_title_is_the_speaker():
    """马云演讲：物流的下一个十年 names who spoke (a speech, not an article by 马云演讲); a bare name before a
    colon is still an article's author (许小年：…)."""
    speech = parse_text("\n".join(["马云演讲：物流的下一个十年", BODY, BODY]))
    assert (speech.meta.text("title"), speech.meta.text("speaker"), speech.meta.text("author"), speech.meta.kind) == (
        "物流的下一个十年", "马云", None, "讲话")
    speech = parse_text("\n".join(["王小明致辞：携手共进创未来", BODY, BODY]))
    assert (speech.meta.text("title"), speech.meta.text("speaker")) == ("携手共进创未来", "王小明")
    speech = parse_text("\n".join(["黄奇帆最新演讲：今后二三十年的五大件", BODY, BODY]))
    assert (speech.meta.text("title"), speech.meta.text("speaker")) == ("今后二三十年的五大件", "黄奇帆")
    speech = parse_text("\n".join(["许小年：中国经济正面临三头灰犀牛", BODY, BODY]))
    assert (speech.meta.text("author"), speech.meta.kind) == ("许小年", "署名文章")


def test_a_name_before_a_colon_in_a_title_gave_the_text_where_the_title_or_a_byline_says_it_was_a_speech():
    """吴晓波：定力至上 is an article by 吴晓波, unless the title's closing note names the text a speech
    (…（年终秀演讲全文）) or a byline under it says who gave it (演讲 / 吴晓波（微信公众号：…）): then 吴晓波
    is its speaker, and no author."""
    for lines in (["吴晓波：寻找时代的定力（年终秀演讲全文）"],
                  ["吴晓波：寻找时代的定力", "演讲 / 吴晓波（微信公众号：吴晓波频道）"]):
        speech = parse_text("\n".join([*lines, BODY, BODY]))
        assert speech.meta.text("title").startswith("寻找时代的定力")
        assert (speech.meta.text("speaker"), speech.meta.text("author"), speech.meta.kind) == ("吴晓波", None, "讲话")
        assert [p.text for p in speech.paragraphs()] == [BODY, BODY]


def test_a_texts_own_title_and_who_gave_it_under_a_hand_over():
    """A post quoting a speech: under 以下是原文，演讲全文仅535字：, a label naming who gave it (致辞：饶毅（教师
    代表、科学家）) and the speech's own title: the title is the speech's, the post's headline the page's, and
    the label names the speaker."""
    speech = parse_text("\n".join([
        "看一篇致辞的感受", "有人说，理想是廉价的。而我觉得，理想是昂贵的。", "以下是原文，演讲全文仅535字：",
        "致辞：饶毅（教师代表、科学家）", "做自己尊重的人", BODY, BODY]))
    assert (speech.meta.text("title"), speech.meta.text("speaker")) == ("做自己尊重的人", "饶毅")
    assert [(r.line, r.why) for r in speech.removed] == [
        (1, "网页标题"), (2, "新闻导语"), (3, "新闻导语"), (4, "新闻导语")]
    assert [p.text for p in speech.paragraphs()] == [BODY, BODY]


def test_a_name_alone_or_a_post_alone_over_the_date_closing_a_text_signs_it():
    """A greeting signed off at its end by a name (朱松纯) or a post (某集团董事长) on one line and the date on
    the next: who gave it and when; a name alone that is not over a date is the text's."""
    for signature, speaker in (("朱松纯", "朱松纯"), ("某某集团董事长", "某某集团董事长")):
        speech = parse_text("\n\n".join(["新年贺词", BODY, BODY, "祝大家新年快乐！", signature, "2022年12月31日"]))
        assert (speech.meta.text("speaker"), speech.meta.text("date")) == (speaker, "2022年12月31日")
    speech = parse_text("\n\n".join(["新年贺词", BODY, BODY, "祝大家新年快乐！", "朱松纯"]))
    assert speech.meta.text("speaker") is None


def test_a_hand_over_closing_the_news_before_a_speech_names_who_gave_it():
    """News of the occasion ending in a hand-over (…刘畅在分论坛上发表了…的主题演讲，以下是演讲实录：) is the
    page's and names the speaker: the name before the title's colon gave the text, no article's author.
    A post's own points over such a line (…其中最主要的几点是： / 1.… / 2.…) are the page's too."""
    speech = parse_text("\n".join([
        "刘畅：教育如何拥抱互联网", "2015年10月16日，中国教育学会外语教学专业委员会学术年会在西安召开。10月16日，"
        "一起作业CEO刘畅在分论坛上发表了“教育如何拥抱互联网”的主题演讲，以下是演讲实录：", BODY, BODY]))
    assert (speech.meta.text("title"), speech.meta.text("speaker"), speech.meta.text("author"), speech.meta.kind) == (
        "教育如何拥抱互联网", "刘畅", None, "讲话")
    assert [p.text for p in speech.paragraphs()] == [BODY, BODY]
    speech = parse_text("\n".join([
        "龚亚夫：互联网将解决英语教育的最大瓶颈", "中国教育学会外语教学专业委员会理事长龚亚夫",
        "10月16日，中国教育学会外语教学专业委员会理事长龚亚夫出席分论坛并做主题发言，以下为演讲实录：", BODY, BODY]))
    assert (speech.meta.text("speaker"), speech.meta.text("author"), speech.meta.kind) == (
        "中国教育学会外语教学专业委员会理事长 龚亚夫", None, "讲话")
    speech = parse_text("\n".join([
        "今天，在纪念大会上，我被评选为年度杰出质量人。", "在现场，我和大家分享了一些看法，其中最主要的几点是：",
        "1.质量管理是一个大工程。", "2.创新是生产力，而质量是生命线。以下为演讲实录：", "大家中午好！", BODY, BODY]))
    assert [r.why for r in speech.removed] == ["新闻导语"] * 4
    assert speech.salutation == "大家中午好！"


def test_a_company_post_in_latin_letters_over_a_name_under_the_title_names_the_speaker():
    """一起作业网CEO刘畅 under a title: a post (CEO as much as 董事长) and a name, the speaker."""
    speech = parse_text("\n".join(["教育如何拥抱互联网", "一起作业网CEO刘畅", BODY, BODY]))
    assert speech.meta.text("speaker") == "一起作业网CEO 刘畅"
    assert [p.text for p in speech.paragraphs()] == [BODY, BODY]


def test_a_date_before_在_in_a_title_is_when_the_speech_was_given_not_who_gave_it():
    """1983年2月28日在第二次全国党校工作会议上的讲话: the date, never the speaker."""
    speech = parse_text("\n".join(["1983年2月28日在第二次全国党校工作会议上的讲话", "同志们：", BODY, BODY]))
    assert (speech.meta.text("speaker"), speech.meta.text("date")) == (None, "1983年2月28日")
    assert speech.meta.text("occasion") == "第二次全国党校工作会议"


def test_a_label_saying_the_full_text_follows_is_the_pages_and_the_salutation_after_it_is_found():
    """全文：尊敬的各位来宾，女士们、先生们，大家好。… : the label is the page's hand-over, the salutation and
    the text after it the speech's."""
    speech = parse_text("\n".join(["今后二三十年的五大件", "全文：尊敬的各位来宾，女士们、先生们，大家好。" + BODY,
                                    BODY]))
    assert speech.salutation == "尊敬的各位来宾，女士们、先生们，"
    assert [r.why for r in speech.removed] == ["新闻导语"]


def test_a_title_shown_twice_in_two_wordings_is_one_title_the_fuller():
    """县长在座谈会上讲话 / 县长在座谈会上的讲话 (a document site's headline over the text's own), on two lines or
    run together with the salutation: one title, the fuller wording; the other is reported."""
    for text in ("县长在全县座谈会上讲话县长在全县座谈会上的讲话同志们：今天会议的主要任务是贯彻落实。" + BODY,
                 "县长在全县座谈会上讲话\n县长在全县座谈会上的讲话\n同志们：\n" + BODY):
        speech = parse_text(text)
        assert (speech.meta.text("title"), speech.meta.text("subtitle")) == ("县长在全县座谈会上的讲话", None)
        assert speech.salutation == "同志们："
        assert [r.text for r in speech.removed] == ["县长在全县座谈会上讲话"]


def test_a_welcome_named_by_its_genre_and_a_notice_by_its_formula():
    """市长欢迎词 is a title naming a 致辞 (欢迎词, 贺词, 答谢词 are genres as 致辞 is), the post its speaker, never
    a post and a name; a text without a title or a salutation that says 现将有关事项通知如下 is a 公文."""
    speech = parse_text("\n".join(["市长欢迎词", "尊敬的评估团成员：", BODY, BODY]))
    assert (speech.meta.text("title"), speech.meta.text("speaker"), speech.meta.kind) == ("市长欢迎词", "市长", "致辞")
    speech = parse_text("\n".join(["朱某某院长寄语通班的新年贺词", BODY, BODY]))
    assert speech.meta.text("speaker") is None
    notice = parse_text("\n".join(["各镇（街道）、市直各单位：", "经市政协常委会议研究决定，政协第八届委员会第二次会议"
                                   "于2008年1月14日在市区举行。现将有关事项通知如下：", "一、出席会议人员", BODY]))
    assert notice.meta.kind == "公文"


def test_a_report_of_ones_own_duty_is_a_shuzhi_and_a_byline_set_with_丨_names_the_author():
    """同志们： / 再过4天，我到粮食局任职已整整一年了。回顾一年来的履职情况，…向大家作以汇报。: a 述职报告 though
    no title says so; 杨某某丨从忧患意识到底线思维 is an article by 杨某某 (时局 | … is a column's tag, no one)."""
    speech = parse_text("\n".join(["同志们：", "再过4天，我到粮食局任职已整整一年了。回顾一年来的履职情况，我思绪万千，"
                                   "借此机会向大家作以汇报。", BODY, BODY]))
    assert speech.meta.kind == "述职报告"
    speech = parse_text("\n".join(["杨某某丨从忧患意识到底线思维", BODY, BODY]))
    assert (speech.meta.text("title"), speech.meta.text("author"), speech.meta.kind) == (
        "从忧患意识到底线思维", "杨某某", "署名文章")
    speech = parse_text("\n".join(["时局 | 欢迎知识分子提出批评", BODY, BODY]))
    assert speech.meta.text("author") is None


def test_a_titles_column_after_a_bar_and_a_preview_label_are_the_pages():
    """在全县…结束时的讲话|动员部署会议 / 内容预览： / 在全县…结束时的讲话 同志们：正当…: the title without the
    site's column, the label and the title again are the page's, the salutation and the text the speech's."""
    title = "在全县公路建设大会战动员会议结束时的讲话"
    speech = parse_text("\n".join([title + "|动员部署会议", "内容预览：", title + " 同志们：正当全县上下深入学习贯彻"
                                   "全会精神，县委、县政府召开这次会议。" + BODY, BODY]))
    assert speech.meta.text("title") == title
    assert speech.salutation == "同志们："
    assert [r.why for r in speech.removed] == ["导航", "页面按钮", "标题重复"]


def test_a_pages_outline_of_the_speech_above_its_title_is_a_table_of_contents():
    """一、回顾过去 / 二、研判形势 / 三、聚焦重点 over 在XX县委经济工作会议上的讲话 / 同志们： / … / 一、回顾过去，成绩
    斐然…: the short numbered lines are the page's outline (目录), not the speech's parts."""
    speech = parse_text("\n".join(["一、回顾过去", "二、研判形势", "三、聚焦重点", "在XX县委经济工作会议上的讲话",
                                   "同志们：", BODY, "一、回顾过去，成绩斐然，在克难奋进中收获信心", BODY,
                                   "二、研判形势，保持清醒，在危机中育先机", BODY]))
    assert speech.meta.text("title") == "在XX县委经济工作会议上的讲话"
    assert [s.title for s in speech.headings()] == ["回顾过去，成绩斐然，在克难奋进中收获信心",
                                                    "研判形势，保持清醒，在危机中育先机"]
    assert [r.why for r in speech.removed] == ["目录"] * 3


def test_the_post_in_a_title_naming_its_occasion_and_a_subtitle_set_off_by_hyphens():
    """秋季新学期开学典礼校长致辞, 2023开学典礼校长讲话致辞: the speaker is the post (校长), not the occasion
    before it; 虎跃龙腾强企梦 花香鸟语艳阳春 ---2022年新年致辞: hyphens set the subtitle off as a dash does."""
    for title in ("秋季新学期开学典礼校长致辞", "2023开学典礼校长讲话致辞"):
        assert parse_text("\n".join([title, BODY, BODY])).meta.text("speaker") == "校长"
    speech = parse_text("\n".join(["虎跃龙腾强企梦 花香鸟语艳阳春 ---2022年新年致辞", BODY, BODY]))
    assert (speech.meta.text("title"), speech.meta.text("subtitle")) == (
        "虎跃龙腾强企梦 花香鸟语艳阳春", "——2022年新年致辞")


def test_a_note_opening_the_text_that_tells_of_its_occasion_is_its_note_not_its_opening():
    """（1965年11月29日至12月16日，中共北京市委召开工作会议，…这是市委第一书记彭某在会上的讲话（纪录稿））
    over the text: a note on where it comes from, kept apart from the speech's opening."""
    note = ("（1965年11月29日至12月16日，中共北京市委召开工作会议，讨论了第三个五年计划，"
            "这是市委第一书记彭某在会上的讲话（纪录稿））")
    speech = parse_text("\n".join(["彭某在市委工作会议上的讲话", note, BODY, BODY]))
    assert [p.text for p in speech.paragraphs() if p.role == "author_note"] == [note]
    assert [p.text for p in speech.opening] == [BODY, BODY]


def test_a_title_an_editors_note_and_the_salutation_run_together_are_parted():
    """县长在经济工作动员会议上的讲话编者按：本文主要…阐述。…请详见：同志们：今天这次会议…: the title, the editor's note
    (the page's) and the speech from its salutation."""
    speech = parse_text("县长在经济工作动员会议上的讲话编者按：本文主要从全面盘点、客观总结几个方面进行阐述。"
                        "更多资料请详见：同志们：今天这次会议，主要任务是贯彻落实经济工作会议精神。" + BODY)
    assert (speech.meta.text("title"), speech.salutation) == ("县长在经济工作动员会议上的讲话", "同志们：")
    assert [(r.why, r.text[:4]) for r in speech.removed] == [("编者按", "编者按：")]
    assert next(p.text for p in speech.paragraphs() if p.role != "salutation").startswith("今天这次会议")


def test_a_year_before_the_post_in_a_title_and_a_sites_number_after_it():
    """2021年县委书记在全县经济工作会议上的讲话: the speaker is 县委书记 (the year is the speech's); a title a site
    numbered (…的讲话1) over the same title is one title, the one without the number."""
    speech = parse_text("\n".join(["2021年县委书记在全县经济工作会议上的讲话", "同志们：", BODY]))
    assert speech.meta.text("speaker") == "县委书记"
    title = "市委书记在全市组织工作会议上的讲话"
    speech = parse_text("\n".join([title + "1", title, "同志们：", BODY]))
    assert speech.meta.text("title") == "市委书记在全市组织工作会议上的讲话"
    assert [r.text for r in speech.removed] == ["市委书记在全市组织工作会议上的讲话1"]


def test_a_meetings_speech_title_run_into_its_post_date_and_salutation_and_a_title_named_by_a_blurb():
    """市组织工作会议讲话同志们：… (a title naming its meeting and genre without 在…上); 在全市党务工作会上的
    讲话市委常委、组织部长（2010年2月25日）同志们：… (the post and the date run in too); a copy whose only title is in
    the site's blurb (下面是小编为大家整理的…座谈会上的讲话，供大家参考。)."""
    speech = parse_text("市组织工作会议讲话同志们：这次全市组织工作会议，是深入学习贯彻的重要会议。" + BODY)
    assert (speech.meta.text("title"), speech.salutation) == ("市组织工作会议讲话", "同志们：")
    speech = parse_text("在全市党务工作会上的讲话市委常委、组织部长（2010年2月25日）同志们："
                        "根据会议安排，下面我讲几点意见。" + BODY)
    assert (speech.meta.text("speaker"), speech.meta.text("date"), speech.salutation) == (
        "市委常委、组织部长", "2010年2月25日", "同志们：")
    title = "2022年市教育局长在县（区）教育工作座谈会上的讲话"
    speech = parse_text("\n".join([f"下面是小编为大家整理的{title}，供大家参考。", "同志们：", BODY, BODY]))
    assert speech.meta.text("title") == title


def test_a_title_broken_after_a_comma_over_the_salutation_is_one_title():
    """专题党课：在笃学深悟中扛起使命担当， / 在实干争先中书写时代答卷 / 同志们：: one title."""
    speech = parse_text("\n".join(["专题党课：在笃学深悟中扛起使命担当，", "在实干争先中书写时代答卷", "同志们：",
                                    BODY, BODY]))
    assert speech.meta.text("title") == "专题党课：在笃学深悟中扛起使命担当，在实干争先中书写时代答卷"
    assert [p.text for p in speech.paragraphs() if p.role != "salutation"] == [BODY, BODY]


def test_a_pages_label_before_the_salutation_names_no_speaker():
    """推荐阅读：同志们：… is no transcript's speaker label (崔某某：尊敬的…: a name is)."""
    summary = ("推荐阅读：同志们：今天是正月初九，按照我们的习俗，没有过元宵就还是年。"
               "县委、县政府在这里召开全县三级干部大会。")
    speech = parse_text("\n".join([summary, BODY, BODY]))
    assert speech.meta.text("speaker") is None
    speech = parse_text("\n".join(["崔某某：尊敬的李市长，各位来宾，大家好！", BODY, BODY]))
    assert speech.meta.text("speaker") == "崔某某"
