"""Files users have beside .txt and .docx: saved web pages (.html/.htm) and old Word/WPS files (.doc/.wps,
through LibreOffice); dates as a printed speech shows them; what parse and format tell the user."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest
from typer.testing import CliRunner

from drafter.cli import app
from drafter.errors import DrafterError
from drafter.ingest import read_lines
from drafter.ingest.html import html_lines
from drafter.render.layout import format_date
from drafter.structure import date_from_name, read_speech

PAGES = Path(__file__).resolve().parents[1] / "data" / "pages"
SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")

PAGE = """<html><head><meta charset="gb2312"><title>站名</title><script>var x = "同志们：";</script></head>
<body><div class="nav"><a href="/">首页</a> | <a href="/a">新闻中心</a> | <a href="/b">通知公告</a> | <a href="/c">学习专栏</a></div>
<div class="side"><h3>推荐阅读</h3><ul><li><a href="/1">关于开展主题教育的通知的第一篇文章标题</a></li>
<li><a href="/2">关于开展主题教育的通知的第二篇文章标题</a></li><li><a href="/3">第三篇文章的标题也很长很长很长</a></li></ul></div>
<div class="main"><div class="path">当前位置：<a href="/">首页</a> &gt; <a href="/c">学习专栏</a></div>
<h2>在全市工作会议上的讲话</h2><div class="info">发布时间：2023-11-28 作者：佚名 点击数：<span></span>次</div>
<div class="text"><p>同志们：</p><p>今天召开全市工作会议，主要任务是总结去年工作，部署今年任务。下面，我讲三点意见。</p>
<p>一、提高站位<br>我们要提高政治站位，把思想统一到中央决策部署上来，切实增强责任感和使命感。</p>
<p>二、狠抓落实</p><p>我们要狠抓工作落实，一级抓一级，层层抓落实，确保各项任务落到实处、见到实效。</p></div>
<div class="tools"><a href="javascript:print()">【打印本页】</a></div></div>
<div class="foot">版权所有 某某市人民政府 ICP备12345号</div></body></html>"""  # noqa: E501


def test_html_reads_the_main_column_to_the_end_of_the_page(tmp_path):
    path = tmp_path / "page.htm"
    path.write_bytes(PAGE.encode("gb18030"))
    texts = [line.text for line in read_lines(path)]
    assert texts[0].startswith("当前位置：")             # the side bar and the menu are not read
    assert "推荐阅读" not in texts and "var x" not in " ".join(texts)
    assert "一、提高站位" in texts                     # <br> ends a line
    speech = read_speech(path)
    assert speech.meta.text("title") == "在全市工作会议上的讲话"
    assert speech.meta.text("published") == "2023-11-28" and speech.meta.date is None
    assert [s.title for s in speech.headings()] == ["提高站位", "狠抓落实"]
    assert {r.why for r in speech.removed} >= {"导航", "页面信息", "页面按钮", "版权声明"}


def test_saved_page_reads_like_its_copied_text():
    """The saved page 022 and the page's visible text give the same lines from the breadcrumb down."""
    lines = [line.text for line in read_lines(PAGES / "022_shaoxing-speech-outline-party-school.html")]
    assert lines[0].startswith("当前位置：首页 > 党建引领> 学习专栏") and lines[1] == "学习专栏"
    assert lines[2] == "马卫光书记在2018年干部教育培训秋季学期开学典礼上的讲话"
    assert lines[-1].startswith("浙公网安备")


def test_a_notice_of_one_sentence_is_read_from_its_headline_not_the_menus():
    """Page 093: the site's menus hold four times the article's text, so no block holds most of the page;
    the article is the block around the page's titled headline (<h2 class="title">), and its sentence of
    four clauses is its text, not a title under a page headline."""
    from drafter.structure import read_speech

    path = PAGES / "093_shaoxing-one-sentence-notice-menus.html"
    lines = [line.text for line in read_lines(path)]
    assert lines[:3] == ["升旗仪式改为广播讲话通知",
                         "文章来源：本站原创 作者：佚名 发布时间：2016年10月31日 点击数： 次",
                         "因天气原因，今天升旗仪式改成广播讲话，请大家相互告知，谢谢！"]
    assert not {"名师工作室", "课余党校", "—中校歌", "推荐阅读"} & set(lines)
    speech = read_speech(path)
    assert speech.meta.text("title") == "升旗仪式改为广播讲话通知" and speech.meta.kind == "公文"
    assert [p.text for p in speech.paragraphs()] == [lines[2]]


def test_a_whole_page_copied_with_its_menus_and_side_bar_keeps_the_speech_whole(tmp_path):
    """Page 021 as a browser's select-all copies it (every block of the page in order: the date widget,
    a bar of links, the site's menus, a side bar of dated links above the article, the footer): the
    menus and links are page matter, and the speech parses as from the saved page — nothing of it lost."""
    from drafter.ingest.html import _Tree, _measure, _nodes, block_lines, decode_html

    page = PAGES / "021_shaoxing-weekly-study-party-congress.html"
    tree = _Tree()
    tree.feed(decode_html(page.read_bytes(), str(page)))
    _measure(tree.root)
    body = next((n for n in _nodes(tree.root) if n.tag == "body"), tree.root)
    copied = tmp_path / "021-copied.txt"
    copied.write_text("\n".join(line.text for line in block_lines(body)), encoding="utf-8")
    whole, saved = read_speech(copied), read_speech(page)
    assert len([line for line in copied.read_text(encoding="utf-8").splitlines() if len(line) <= 8]) > 60
    kept = "\n".join([h.title for h in whole.headings()] + [p.text for p in whole.paragraphs()])
    assert all(p.text in kept for p in saved.paragraphs())
    # the same numbered headings (the copy has no bold: its two bold lead heads stay in their paragraphs)
    numbered = [[h.title for h in s.headings() if h.style != "lead"] for s in (whole, saved)]
    assert numbered[0] == numbered[1] and len(numbered[0]) == 10
    assert whole.salutation == saved.salutation == "同志们："
    assert {"导航", "相关链接"} <= {r.why for r in whole.removed}


def test_html_survives_broken_markup():
    assert [line.text for line in html_lines("<p>第一段<p>第二段<div>第三段</span></div></p></td>")] == [
        "第一段", "第二段", "第三段"]


def test_a_bold_first_sentence_run_into_plain_text_is_a_lead_hint():
    page = ("<p><strong>落实主体责任。</strong>各级党委要扛起责任。</p>"
            "<p><b><span>强化</span>监督执纪。</b> 要把纪律挺在前面。</p>"
            "<p><span style='font-weight: 700'>压实责任链条。</span>层层传导压力。</p>"
            "<p>要<strong>加强</strong>学习。</p>"
            "<p><strong>全段加粗，没有正文。</strong></p>"
            "<p><strong>一句。两句。</strong>正文。</p>")
    assert [(line.text[:4], line.hints.lead) for line in html_lines(page)] == [
        ("落实主体", True), ("强化监督", True), ("压实责任", True), ("要加强学", False), ("全段加粗", False),
        ("一句。两", False)]
    assert html_lines("") == []


@pytest.mark.skipif(SOFFICE is None, reason="LibreOffice (soffice) is not installed")
@pytest.mark.parametrize("suffix", [".doc", ".wps", ".rtf", ".odt"])
def test_other_word_processors_files_are_converted_through_libreoffice(suffix, tmp_path):
    from drafter.api import write_speech

    speech = read_speech(Path(__file__).resolve().parents[2] / "examples" / "corpus" / "001_ba08b270c44729d2.txt")
    docx = write_speech(speech, tmp_path / "speech.docx")
    kind = "doc" if suffix == ".wps" else suffix[1:]          # WPS Writer saves .wps in Word's binary format
    subprocess.run([SOFFICE, f"-env:UserInstallation={(tmp_path / 'profile').as_uri()}", "--headless",
                    "--convert-to", kind, "--outdir", str(tmp_path), str(docx)],
                   check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, timeout=180)
    old = tmp_path / f"speech{suffix}"
    (tmp_path / f"speech.{kind}").rename(old)
    back = read_speech(old)
    assert back.meta.text("title") == speech.meta.text("title")
    assert [s.title for s in back.headings()] == [s.title for s in speech.headings()]


def test_fixed_layout_files_are_reported_in_a_folder_not_passed_over(tmp_path):
    from drafter.api import parse_many
    from drafter.mine.corpus import read_corpus

    seed = Path(__file__).resolve().parents[2] / "examples" / "corpus" / "001_ba08b270c44729d2.txt"
    (tmp_path / "讲话.txt").write_bytes(seed.read_bytes())
    (tmp_path / "红头文件.PDF").write_bytes(b"%PDF-1.7\n")
    (tmp_path / "通知.ofd").write_bytes(b"PK\x03\x04")
    (tmp_path / "照片.jpg").write_bytes(b"\xff\xd8\xff")
    corpus = read_corpus(tmp_path)
    assert [d.name for d in corpus.docs] == ["讲话.txt"]
    assert [(s.name, s.reason.split("：")[0]) for s in corpus.skipped] == [
        ("红头文件.PDF", "PDF 是版式文件，读不出段落"), ("通知.ofd", "OFD 是版式文件，读不出段落")]
    assert all("\n" not in s.reason and ".docx" in s.reason for s in corpus.skipped)
    parsed = {path.name: got for path, got in parse_many([tmp_path])}
    assert sorted(parsed) == ["红头文件.PDF", "讲话.txt", "通知.ofd"]
    assert isinstance(parsed["红头文件.PDF"], DrafterError) and "PDF" in str(parsed["红头文件.PDF"])


def test_old_word_files_without_libreoffice_say_how_to_save_them(tmp_path, monkeypatch):
    monkeypatch.setenv("DRAFTER_SOFFICE", str(tmp_path / "no-such-soffice"))
    path = tmp_path / "讲话.wps"
    path.write_bytes(b"\xd0\xcf\x11\xe0 not really a WPS file")
    with pytest.raises(DrafterError) as err:
        read_lines(path)
    message = str(err.value)
    assert "另存为 .docx" in message and "\n" not in message


def test_dates_print_as_a_speech_prints_them():
    assert format_date("2023-11-26") == "2023年11月26日"
    assert format_date("2023.6.20") == "2023年6月20日"
    assert format_date("2010年03月10日") == "2010年3月10日"
    assert format_date("2025-08") == "2025年8月"
    assert format_date("二〇二三年十一月二十六日") == "二〇二三年十一月二十六日"
    assert format_date("2023-11-26", "{year}.{month:02d}.{day:02d}") == "2023.11.26"


def test_file_names_give_a_date():
    assert date_from_name("2013-06-18_在全市工作会议上的讲话") == "2013年6月18日"
    assert date_from_name("20130618讲话") == "2013年6月18日"
    assert date_from_name("2019") == "2019年"
    assert date_from_name("讲话稿") is None
    assert date_from_name("123456_讲话") is None


def test_format_prints_the_speech_date_never_iso_never_the_posting_date(tmp_path):
    page = tmp_path / "2019-03-05_讲话.txt"
    page.write_text("当前位置：首页 > 学习专栏\n在全市工作会议上的讲话\n发布时间：2023-11-28 10:00 点击数：次\n"
                    "同志们：\n今天召开全市工作会议，主要任务是总结去年工作，部署今年任务。下面，我讲三点意见。\n"
                    "一、提高站位\n我们要提高政治站位，把思想统一到中央决策部署上来。\n"
                    "三、狠抓落实\n我们要狠抓工作落实，确保各项任务落到实处、见到实效。\n", encoding="utf-8")
    result = CliRunner().invoke(app, ["format", str(page), "-o", "-", "-t", "txt"])
    assert result.exit_code == 0, result.output
    out = result.stdout
    assert "（2019年3月5日）" in out and "2023" not in out and "2019-03-05" not in out
    err = result.stderr.splitlines()
    assert "drafter: 第8行：编号“三、”接在“一、”之后，排版时改为“二、”" in err
    assert any(line.startswith("drafter: 第1行：删除导航") for line in err)
    assert any("删除页面信息" in line for line in err)
    parsed = CliRunner().invoke(app, ["parse", str(page)])
    assert [line for line in parsed.stderr.splitlines()] == err      # parse tells the same


def test_parse_shows_parts(tmp_path):
    result = CliRunner().invoke(app, ["parse", str(PAGES / "015_shaoxing-shuzhi-three-leaders.txt")])
    assert result.exit_code == 0
    assert "述职报告" in result.stdout and "孙洪亮" in result.stdout and "俞奇弘" in result.stdout
    data = CliRunner().invoke(app, ["parse", "--json", str(PAGES / "015_shaoxing-shuzhi-three-leaders.txt")])
    import json

    parsed = json.loads(data.stdout)
    assert parsed["meta"]["kind"] == "述职报告" and len(parsed["parts"]) == 3
    assert parsed["meta"]["published"] == "2020年01月16日"


NEWS = """首页 > 时政 > 正文
习近平在全国组织工作会议上发表重要讲话
2013年11月15日19:16 来源：新华网
【字号 大 中 小】 【打印】 【关闭】
视频：习近平出席全国组织工作会议
新华网北京11月15日电（记者 张三 李四）全国组织工作会议15日在北京召开。中共中央总书记习近平出席会议并发表重要讲话。
习近平强调，要坚持党管干部原则，建设一支宏大的高素质干部队伍。这是会议现场。新华社记者 王五 摄
会议指出，各级党委要切实担负起管党治党的政治责任。
（责任编辑：赵六）
分享到：
"""


def test_news_copy_keeps_its_page_matter_out(tmp_path):
    """A news agency's copy (written for this test in the shape of such pages): the posting line, the
    controls, a video line, the dateline and byline, a caption run into a paragraph, the editor and the
    share row are page matter; every sentence of the report stays."""
    page = tmp_path / "news.txt"
    page.write_text(NEWS, encoding="utf-8")
    speech = read_speech(page)
    assert [(r.line, r.why) for r in speech.removed] == [
        (1, "导航"), (3, "页面信息"), (4, "页面按钮"), (5, "图片说明"), (6, "电头"), (7, "图片说明"), (9, "页面信息"),
        (10, "分享按钮")]
    assert [r.text for r in speech.removed if r.line in (6, 7)] == ["新华网北京11月15日电（记者 张三 李四）",
                                                                   "这是会议现场。新华社记者 王五 摄"]
    texts = [p.text for p in speech.paragraphs()]
    assert texts[0].startswith("全国组织工作会议15日在北京召开。")
    assert texts[1] == "习近平强调，要坚持党管干部原则，建设一支宏大的高素质干部队伍。"
    assert speech.meta.text("source") == "新华网" and speech.meta.text("published") == "2013年11月15日"
    assert speech.meta.text("date") == "2013年11月15日" and speech.meta.kind == "新闻报道"


def _parse(tmp_path, text: str):
    path = tmp_path / "page.txt"
    path.write_text(text, encoding="utf-8")
    return read_speech(path)


BODY = ("今天召开全市工作会议，主要任务是总结去年工作，部署今年任务，动员全市上下凝心聚力、真抓实干，"
        "奋力完成全年目标任务。下面，我讲三点意见。\n一、提高站位\n我们要提高政治站位。\n二、狠抓落实\n我们要狠抓落实。\n")


def test_speech_lines_that_look_like_page_matter_stay(tmp_path):
    """Titles worded like a forwarding note or a bulletin, a subtitle under a page's 来源 row, and print
    controls with the speech still below them are not page matter."""
    speech = _parse(tmp_path, "认真学习贯彻党的二十大精神\n来源：市委办公室\n在全市工作会议上的讲话\n同志们：\n" + BODY)
    assert speech.meta.text("title") == "认真学习贯彻党的二十大精神"
    assert speech.meta.text("subtitle") == "在全市工作会议上的讲话"
    assert [r.line for r in speech.removed] == [2]
    speech = _parse(tmp_path, "关于全市安全生产检查情况的通报\n同志们：\n" + BODY)
    assert speech.meta.text("title") == "关于全市安全生产检查情况的通报" and speech.removed == []
    speech = _parse(tmp_path,
                    "在全市工作会议上的讲话\n同志们：\n" + BODY.replace("一、提高站位\n", "一、提高站位\n打印本页\n"))
    assert [(r.line, r.why) for r in speech.removed] == [(5, "页面按钮")]
    assert [s.title for s in speech.headings()] == ["提高站位", "狠抓落实"]


def test_new_prints_dates_as_a_speech_does():
    result = CliRunner().invoke(app, ["new", "meeting-speech", "-o", "-", "-t", "txt", "--no-input",
                                      "--set", "occasion=全市组织工作会议", "--set", "date=2025-02-18"])
    assert result.exit_code == 0, result.output
    assert "（2025年2月18日）" in result.stdout and "2025-02-18" not in result.stdout


def test_speech_asking_to_study_a_speech_is_not_a_forwarding_note(tmp_path):
    speech = _parse(tmp_path, "在全市工作会议上的讲话\n"
                              "我们要认真学习贯彻习近平总书记重要讲话精神，把思想统一到中央决策部署上来。\n" + BODY)
    assert speech.removed == [] and speech.front[0].text.startswith("我们要认真学习")


@pytest.mark.skipif(SOFFICE is None, reason="LibreOffice (soffice) is not installed")
def test_a_folder_of_old_word_files_is_converted_in_one_libreoffice_run(tmp_path, monkeypatch):
    """Mining or parsing a folder converts its .doc, .wps, .rtf files ahead, many in one LibreOffice run
    (starting it is most of a conversion's time); each reads as it would alone, and a file the run could
    not convert is reported with its reason while the others are read. What was converted is kept in the
    cache folder: reading the folder again converts nothing new."""
    from drafter.api import parse_many, write_speech
    from drafter.ingest import convert
    from drafter.mine.corpus import read_corpus

    seeds = sorted((Path(__file__).resolve().parents[2] / "examples" / "corpus").glob("*.txt"))[:3]
    folder = tmp_path / "archive"
    folder.mkdir()
    for k, seed in enumerate(seeds):
        docx = write_speech(read_speech(seed), tmp_path / f"s{k}.docx")
        subprocess.run([SOFFICE, f"-env:UserInstallation={(tmp_path / 'profile').as_uri()}", "--headless",
                        "--convert-to", "doc", "--outdir", str(folder), str(docx)],
                       check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, timeout=180)
    (folder / "sub").mkdir()
    (folder / "s0.doc").rename(folder / "sub" / "s0.doc")
    (folder / "s0.rtf").write_bytes(b"{\\rtf1 broken")          # one name with sub/s0.doc, and unreadable
    monkeypatch.setenv("DRAFTER_CACHE", "")
    alone = [read_speech(p) for p in sorted(folder.rglob("*.doc"))]          # each converted on its own
    runs = []
    real = convert._run
    monkeypatch.setattr(convert, "_run", lambda *a: runs.append(len(a[1])) or real(*a))
    monkeypatch.setenv("DRAFTER_CACHE", str(tmp_path / "cache"))
    corpus = read_corpus(folder)
    assert runs[:2] == [3, 1]               # s0.rtf beside sub/s0.doc: one name, two runs
    assert sorted(d.title for d in corpus.docs) == sorted(s.meta.text("title") or "" for s in alone)
    assert sorted(d.name for d in corpus.docs) == ["s1.doc", "s2.doc", "sub/s0.doc"]
    assert [s.name for s in corpus.skipped] == ["s0.rtf"] and "另存为 .docx" in corpus.skipped[0].reason
    runs.clear()                            # read again (the archive mined after adding a file): what was
    parsed = dict(parse_many([folder]))     # converted is kept, only the file that failed is tried again
    assert runs == [1] and len(parsed) == 4
    assert isinstance(parsed[folder / "s0.rtf"], DrafterError)
    assert sorted(s.meta.text("title") or "" for p, s in parsed.items() if p.suffix == ".doc") \
        == sorted(s.meta.text("title") or "" for s in alone)
    told = []                               # with an empty cache: told before the first run and after each
    monkeypatch.setenv("DRAFTER_CACHE", str(tmp_path / "another-cache"))
    list(parse_many([folder], lambda done, total: told.append((done, total))))
    assert told == [(0, 2), (1, 2), (2, 2)]


def test_a_page_whose_paragraphs_stand_in_its_body_gives_them_all():
    """A page with no block around its text (a converter's standalone page, a hand-made one: <h1> and <p>
    straight under <body>): every paragraph is read, not the longest one alone."""
    body = "要深入学习贯彻党的二十大精神，扎实推进各项工作，确保取得实效。"
    page = "\n".join(["<html><body>", "<h1>在全县工作会议上的讲话</h1>", "<p>同志们：</p>",
                      f"<p>{body}</p>", f"<p>{body}各级党组织要切实担负起主体责任，抓好落实。</p>",
                      "<p>谢谢大家！</p>", "</body></html>"])
    texts = [line.text.strip() for line in html_lines(page) if line.text.strip()]
    assert texts == ["在全县工作会议上的讲话", "同志们：", body, body + "各级党组织要切实担负起主体责任，抓好落实。",
                     "谢谢大家！"]


def test_a_greetings_first_sentence_under_the_pages_headline_is_no_title(tmp_path):
    """A company page: its headline names who gives the greeting (…党委书记、董事长王滨新春致辞), the posting
    row under it, and the greeting opens with a short exclamation indented as its paragraphs are
    (　　又是一年春光好！): the headline is the title and names the speaker; the exclamation is the text's."""
    body = "　　在农历新春佳节即将到来之际，我谨代表公司向长期关心支持我们事业发展的各位领导和朋友们致以新春的祝福！"
    page = tmp_path / "news.html"
    page.write_text("\n".join([
        "<html><body><div>您当前所在位置： 首页 &gt; 公司动态</div>", "<div class='article'>",
        "<h1>某某保险（集团）公司党委书记、董事长王小明新春致辞</h1>",
        "<div>信息来源：系统管理员 　　发布时间：2019年02月01日</div>",
        "<p>　　又是一年春光好！</p>", f"<p>{body}</p>", f"<p>{body}</p>", "</div></body></html>"]), encoding="utf-8")
    speech = read_speech(page)
    assert speech.meta.text("title") == "某某保险（集团）公司党委书记、董事长王小明新春致辞"
    assert speech.meta.text("speaker") == "某某保险（集团）公司党委书记、董事长王小明"
    assert speech.meta.text("subtitle") is None
    assert next(p.text for p in speech.paragraphs()) == "又是一年春光好！"


def test_a_photos_caption_of_the_speaker_speaking_names_the_speaker(tmp_path):
    """A newspaper's text whose speaker only the photo's caption after it names, by posts and name
    (图片： / 中共中央总书记、国家主席江某某发表重要讲话。 / （新华社记者某某摄）): the speaker."""
    page = tmp_path / "paper.txt"
    page.write_text("\n".join(["在全国政协新年茶话会上的讲话（二〇〇一年一月一日）", "同志们，朋友们：",
                               "在新世纪的第一天，我们欢聚一堂，共叙情谊，畅谈国是，共度元旦，意义非同寻常。",
                               "谢谢大家。", "图片：", "中共中央总书记、国家主席江某某发表重要讲话。",
                               "（新华社记者某某摄）"]),
                    encoding="utf-8")
    speech = read_speech(page)
    assert speech.meta.text("speaker") == "江某某"
    assert [r.why for r in speech.removed][-3:] == ["图片说明"] * 3


def test_the_sites_lines_above_its_breadcrumb_and_its_copy_buttons_are_the_pages(tmp_path):
    """A 范文 site's page copied as text: its motto and buttons above the breadcrumb (某某素材网提供各类范文写作
    素材！, 打开 · 手机版), a widget's line of digits (1 1 1), a copy button (正文复制) are the page's; the title
    is the text's own, under the breadcrumb."""
    body = "今天，我们召开全区领导干部大会，主要任务是贯彻落实市委全会精神，安排部署今年的工作。"
    page = tmp_path / "page.txt"
    page.write_text("\n".join(["某某素材网提供各类范文写作素材！", "打开 · 手机版", "1 1 1",
                               "当前位置：某某素材网 > 讲话发言 > 区委书记在全区领导干部大会上的讲话", "",
                               "正文复制", "区委书记在全区领导干部大会上的讲话", "同志们：", body, body]),
                    encoding="utf-8")
    speech = read_speech(page)
    assert speech.meta.text("title") == "区委书记在全区领导干部大会上的讲话"
    assert speech.salutation == "同志们："
    assert [r.line for r in speech.removed] == [1, 2, 3, 4, 6]


def test_an_organisation_and_a_name_under_an_articles_title_are_its_author():
    """对照检查要有“专属辣味” / 山东省某市某镇人民政府 辛某某: the article's author, not its subtitle."""
    from drafter import parse_text

    body = "撰写深刻的对照检查材料，是保证民主生活会高质量的前提和关键，问题准、原因清、措施明。"
    speech = parse_text("\n".join(["对照检查要有“专属辣味”", "山东省某市某镇人民政府 辛某某", body, body]))
    assert (speech.meta.text("subtitle"), speech.meta.text("author"), speech.meta.kind) == (None, "辛某某", "署名文章")


def test_a_note_of_when_an_article_was_published_and_its_own_byline(tmp_path):
    """A site's article: 作者：某某 in the page's row, 文 / 某某 under the title, 文章发表于2022年12月26日 alone on its
    line: the byline names the author (no speaker: the row's 作者 is the article's), the note is the page's and
    dates its publication."""
    page = tmp_path / "article.txt"
    body = "八十余年前的长征队伍中，有四位赫赫有名、年龄在五十岁上下的老同志，人称长征四老。"
    page.write_text("\n".join(["这个冬天，格外想念一个人", "", "作者：欧阳某某  来源：某某网", "", "文 / 欧阳某某", "",
                               "文章发表于2022年12月26日", "", body, "", body]), encoding="utf-8")
    speech = read_speech(page)
    assert (speech.meta.text("author"), speech.meta.text("speaker"), speech.meta.kind) == ("欧阳某某", None, "署名文章")
    assert speech.meta.text("published") == "2022年12月26日"
    assert [p.text for p in speech.paragraphs()] == [body, body]


def test_a_sites_name_and_home_link_its_date_stamp_reader_controls_and_keywords_are_the_pages():
    """笔杆子素材库 首页 / 10-28 笔杆子素材库 around the title; 【字体 】 【背景色 杏仁黄 秋叶褐 …】 and 关键词：… under
    it: the page's; a salutation of long terms (亲爱的全国战斗英雄代表同志们、全国劳动模范代表同志们：) is found."""
    from drafter import parse_text

    body = "本人今天参加这个代表会议开幕典礼，和你们热烈的见面，实在感觉无上的光荣、无限的兴奋。"
    speech = parse_text("\n".join(["某某素材库 首页", "在全国劳动模范代表会议开幕典礼上的讲话", "10-28 某某素材库",
                                   "【字体  】 【背景色 杏仁黄 秋叶褐 胭脂红 芥末绿 天蓝】",
                                   "关键词：战斗英雄，劳动模范",
                                   "亲爱的全国战斗英雄代表同志们、全国劳动模范代表同志们：", body, body]))
    assert speech.meta.text("title") == "在全国劳动模范代表会议开幕典礼上的讲话"
    assert speech.salutation == "亲爱的全国战斗英雄代表同志们、全国劳动模范代表同志们："
    assert [r.line for r in speech.removed] == [1, 3, 4, 5]


def test_a_weather_widget_and_a_video_button_are_the_pages():
    """• 泰州 阵雨转多云 18℃~11℃ atop a city's page and △点击视频 under its title: the page's, not the text's."""
    from drafter import parse_text

    body = "团圆的时刻又已到来，贺岁的钟声即将敲响。大家忙忙碌碌一年，这会儿，或许已回到家人身边。"
    speech = parse_text("\n".join(["• 泰州 阵雨转多云 18℃~11℃", "2024年新春贺词", "△点击视频", body, body]))
    assert [(r.line, r.why) for r in speech.removed] == [(1, "页面信息"), (3, "页面按钮")]
    assert speech.meta.text("title") == "2024年新春贺词"
