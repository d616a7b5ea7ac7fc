"""The head of a speech: title (possibly over two lines), subtitle, speaker, author and date lines,
and the title repeated by the page.

Title forms understood: "在…上的讲话/发言" (occasion), "职务在…上讲话" (speaker role and occasion),
"主题：在…上的发言" and "主题——在…上的讲话" (title and subtitle), and no title at all.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field, replace

from drafter.structure.clean import DATE_ONLY, Line, gap_size, indent_of
from drafter.structure.normalize import squash
from drafter.model import Removed
from drafter.structure.marks import read_mark
from drafter.zh import COMPOUND_SURNAMES, SENTENCE_END, SURNAMES, has_hanzi

GENRES = r"(?:讲话|发言|致?辞|演讲|报告|讲课|党课|主持词|(?:欢迎|答谢|祝酒|致|贺)词)"
#: a page's title with its author's name before a colon: "习近平：牢记初心使命，推进自我革命"
#: (or 丨, as posts set a byline: 杨玉成丨从忧患意识到底线思维…; a bar | is a column's: 时局 | …)
BYLINED = re.compile(r"^([\u4e00-\u9fff]{2,4})(?:[：:]|\s*丨\s*)(?!在)(.{6,})$")
#: what stands before a colon in a title and is no one's name: a genre, a column, a kind of text
COLUMN_WORDS = re.compile(r"讲话|发言|报告|党课|讲稿|提纲|专题|主题|评论|社论|时评|观点|专访|访谈|导读|通知|公告"
                          r"|要闻|新闻|快讯|实录|全文|摘要|附件|材料|范文|心得|体会|标题|题目|说明|序言|前言|后记|按语")
#: a title naming a speech by its genre at its end (…时的讲话, …的主旨演讲)
SPEECH_END = re.compile(rf"的{GENRES}(?:稿|提纲)?$")
#: a note closing a title that names the text a speech (…（工厂年终秀演讲全文）, …（讲话实录）)
SPEECH_NOTE = re.compile(rf"[（(][^（）()]{{0,30}}{GENRES}(?:全文|实录|稿|摘要|节选)?[）)]$")
#: "在…上的讲话", "职务在…上讲话", "在…上的对照检查发言", "在…上的动员讲话稿" (after a column's tag and its
#: bar: 我的一中故事|张懿雯在…上的发言)
OCCASION = re.compile(rf"^(?:[^|｜]*[|｜])?(.*?)在(.+)(?:上的?|(?<=[会议礼式坛])的?)[\u4e00-\u9fff]{{0,6}}?"
                      rf"{GENRES}(?:稿|提纲)?$")
DATE_LINE = re.compile(r"^[（(]?(?:\d{4}年\d{1,2}月(?:\d{1,2}日?(?:上午|下午|晚上)?)?|\d{4}年[春夏秋冬]季?"
                       r"|[〇零一二三四五六七八九]{4}年[一二三四五六七八九十]{1,2}月[一二三四五六七八九十]{1,3}日)[）)]?$"
                       rf"|{DATE_ONLY.pattern}|^[（(]【[^【】]{{1,20}}】[）)]$")
#: a title as a file name gives it, its date first: 2013-04-28_在同全国劳动模范代表座谈时的讲话
DATED_NAME = re.compile(r"^(\d{4}-\d{1,2}-\d{1,2})[_＿](.+)$")
#: what a title ends with in brackets: the date it was given, 在…上的讲话（二〇〇一年一月一日）
BRACKETED_END = re.compile(r"[（(][^（）()]{4,20}[）)]$")
#: the time of year or the day a greeting is given for, between who gives it and what (董事长王滨新春致辞)
TIME_OF_YEAR = r"(?:新春|新年|春节|元旦|开学|毕业|开幕|闭幕|欢迎|答谢|就职)"
#: a title naming whose speech it is and no occasion: 某某处长的讲话, 市委书记张三同志的讲话, 某会副会长某某致辞
OWN_SPEECH = re.compile(rf"^(.{{2,40}}?)(?:同志)?的?{TIME_OF_YEAR}?{GENRES}$")
#: a year before the post in a title (2021年县委书记在…上的讲话): the speech's, not the speaker's
YEAR_BEFORE = re.compile(r"^(?:19|20)[\dxX×]{2}\s*年度?")
#: the occasion before the post that gave a speech at it, in a title (2023开学典礼 of 2023开学典礼校长讲话)
AT_OCCASION = re.compile(r"^.*(?:典礼|大会|会议|仪式|活动|论坛|晚会|年会|座谈会)")
#: a word in brackets inside an organisation's name (中国人寿保险（集团）公司)
BRACKETED_WORD = re.compile(r"[（(][\u4e00-\u9fff]{1,6}[）)]")
#: one term of address: 同志们, 各位代表, 尊敬的各位来宾, 亲爱的同学们, 女士们, 老师们, 各位院士, 大会主席先生,
#: 各位局领导, 书记校长 (posts)
#: (a post before 先生 holds no 和: where terms are joined, it is the joint — one way to read them, no backtracking)
ADDRESS = (r"(?:(?:尊敬的|亲爱的)?(?:各位|全体)?[\u4e00-\u9fff]{0,6}?"
           r"(?:[们們]|代表|委员|同志|同事|来宾|嘉宾|朋友|领导|老师|同学|家长|女士|先生|校友|教官|教工|职工|干部"
           r"|工作者|模范|学员|官兵|战友|同行|书记|校长|院长|主任|局长|部长|市长|县长|区长|省长|会长|主席|委员长"
           r"|董事长|员工)"
           r"|(?:尊敬的|亲爱的)?各位[\u4e00-\u9fff]{1,6}?"
           r"|(?:(?![和及与])[\u4e00-\u9fff]){2,12}?(?:先生|女士|阁下))")
#: terms of address each closed by a comma, the first line of a salutation the page broke ("各位代表、")
ADDRESSES = re.compile(rf"(?:{ADDRESS}[，、,])+")
#: a salutation alone on its line: terms of address ending in a colon ("各位院士，同志们，朋友们：")
SALUTATION = re.compile(r"^(?:同志[们們]|同事[们們]|各位(?:领导|同志|同事|代表|委员|来宾|嘉宾|朋友)[^：:]{0,20}"
                        r"|尊敬的[^：:。！？]{1,40}|亲爱的[^：:。！？]{1,40}"
                        rf"|(?:[\u4e00-\u9fff]{{2,20}}的)?{ADDRESS}(?:[，、,和及与]{ADDRESS}){{0,8}})[：:]$")
#: a speech's first line opening with its salutation: "各位代表，现在…", "…同学们：早上好！", "各位代表！"
#: a greeting to the hall: 大家好, 大家下午好, 早上好
HELLO = r"(?:大家[\u4e00-\u9fff]{0,2}|(?:各位)?(?:早上|上午|中午|下午|晚上))好"
SALUTATION_RUN = re.compile(rf"^({ADDRESS}(?:[，、,和及与]{ADDRESS}){{0,8}}[：:！!，,]|{HELLO}[！!])(.*)$")
#: a greeting alone (``.match``), or ending a line (``.search``: …，大家下午好！)
GREETING = re.compile(rf"{HELLO}[！!]?$")
#: a person's name: two to four characters (spaced out or not), or a transliterated one with its
#: parts joined by a middle dot (艾尔肯·吐尼亚孜)
NAME = (r"(?:[\u4e00-\u9fff]{2,4}|[\u4e00-\u9fff](?: {1,3}[\u4e00-\u9fff]){1,2}"
        r"|[\u4e00-\u9fff]{1,8}(?:[·•・‧][\u4e00-\u9fff]{1,10}){1,2})")
#: a name the site redacted, after a role only (党委书记  **): alone, *** is a separator, no one's name
REDACTED = r"[*＊×]{2,3}"
#: a page's links that are no one's name (首页, 返回, 登录)
NAV = r"(?:首页|主页|网站首页|返回|登录|注册|更多|打印|关闭|上一篇|下一篇)"
#: the start of a person's name: a surname (``drafter.zh.SURNAMES``), or a transliterated name (·)
PERSON_START = rf"(?:[{SURNAMES}]|{'|'.join(COMPOUND_SURNAMES)}|[^·•・‧]*[·•・‧])"
#: a name and what they gave before a colon in a title: 马云演讲：…, 王小明致辞：…, 黄奇帆最新演讲：… (the speaker's,
#: not an author's)
SAID_BYLINE = re.compile(rf"^({PERSON_START}[\u4e00-\u9fff]{{1,2}}?)(?:最新|精彩|重磅|重要)?(?:演讲|讲话|致辞|发言)"
                         rf"[：:]\s*(?!在)(?P<t>.{{4,}})$")
#: an author's line: a name alone (a person's), or after 作者：, 文 /, 演讲 / (then who gave it, with a note);
#: never a column's name ending in a genre (领导致辞), nor a link (首页)
AUTHOR_LINE = re.compile(rf"^(?:(?P<by>作者\s*[:：]\s*|文\s*[/／|｜]\s*|文\s+)"
                         rf"|(?P<spoke>演讲|讲述|口述)\s*[/／|｜]\s*)?(?!.*{GENRES}$|{NAV}$)"
                         rf"(?(by)|(?(spoke)|(?={PERSON_START})))(?P<who>{NAME})"
                         rf"(?(spoke)(?:[（(][^（）()]{{1,30}}[）)])?)$")
PLACEHOLDER = r"【[^【】]{1,20}】"
#: a date and who speaks or issues, apart (2013年1月20日  北京新四军暨华中抗日根据地研究会会长--陈昊苏)
DATE_BYLINE = re.compile(r"^(?:[（(](?P<bracketed>\d{4}年\d{1,2}月\d{1,2}日)[）)]\s*"
                         r"|(?P<date>\d{4}年\d{1,2}月\d{1,2}日)\s+)(?P<who>[\u4e00-\u9fff（）()—\-]{2,40})$")
#: after a title's genre, the date in brackets and a name (（2020年2月3日）习近平)
SIGNED_DATE = re.compile(rf"^[（(](?P<date>\d{{4}}年\d{{1,2}}月\d{{1,2}}日)(?:[，,][上下]午|[上下]午)?[）)]\s*"
                         rf"(?!(?:全文|摘要|节选|实录|原文|要点|提纲|摘登)$)(?P<who>{NAME})$")
#: a label on a line of its own (编者按语：, 内容提要：): never a title's line
EDITOR_LABEL = re.compile(r"^[\u4e00-\u9fff]{2,6}[：:]$")
#: the longest role that stands alone on a speaker's line
ROLE_ALONE = 10
#: several names on one line
NAMES = re.compile(r"[\u4e00-\u9fff]{2,4}(?:、[\u4e00-\u9fff]{2,4})+")
#: the lines a text's head may take (title, subtitle, speaker, date) before its salutation
HEAD_LINES = 6
#: the lines under a title that tell whether its break falls inside a word they write whole
BODY_LINES = 40
#: who and when, apart: a name (王  琛  2020.6.20, 王征明　1972年1月) or an issuer (某某有限公司  2012年6月11日),
#: then a date — a byline, never a title line
WHO_DATE = re.compile(rf"^(?P<who>{NAME}|[\u4e00-\u9fff（）()]{{4,30}})\s+"
                      rf"(?P<date>\d{{4}}\s*[.．年/-]\s*\d{{1,2}}(?:\s*[.．月/-]\s*\d{{1,2}}日?|月))$")
#: a post, after the bodies it is in (a redacted place too: 中共****县委、宣传部部长)
ROLE = (r"(?:[\u4e00-\u9fff、]|[*＊×]{2,4}){0,30}(?:书记|部长|主任|市长|县长|区长|省长|镇长|乡长|州长|局长|厅长"
        r"|校长|院长|主席|委员|司令员|政委|经理|董事长|总裁|理事长|会长|秘书长|组长|处长|科长|司长|行长|社长|总理"
        r"|总统|议长|大使|CEO|首席执行官)")
#: "市委常委、组织部长 王小明", "市委常委、组织部长", "【讲话人】", "市委书记 【姓名】", "【职务】 【讲话人】"
SPEAKER_LINE = re.compile(rf"^(?:({ROLE})(?:\s*(?![的之]?{GENRES}$)({NAME}|{PLACEHOLDER}|{REDACTED}))?|({PLACEHOLDER})"
                          rf"|({PLACEHOLDER} (?:{NAME}|{PLACEHOLDER})))$")
#: who and when in brackets under a title: （刘忠德  1996年8月18日）, （农业部部长  刘江  1996年12月16日）
BRACKETED_BYLINE = re.compile(rf"^[（(]\s*(?:(?P<role>{ROLE})\s+)?(?P<who>{NAME})\s+"
                              rf"(?P<date>\d{{4}}年\d{{1,2}}月\d{{1,2}}日)\s*[）)]$")
#: an office on a line of its own: 教学处, 县委办公室, 市委组织部, 校团委
OFFICE_LINE = re.compile(r"^[\u4e00-\u9fff]{1,10}"
                         r"(?:处|科|办公室|办|部|委员会|局|厅|中心|党委|党支部|党总支|支部|工会|团委)$")
#: a title with a column's name after a bar
COLUMN_AFTER = re.compile(r"^(?P<t>.{6,}?)\s*[|｜]\s*(?P<c>[^|｜]{2,12})$")
#: who wrote a text, by their body's name and theirs under its title: 山东省安丘市大盛镇人民政府 辛建梅
ORG_BYLINE = re.compile(rf"^[\u4e00-\u9fff（）()]{{2,30}}(?:政府|委员会|局|厅|部|院|大学|学院|学校|中学|小学|公司|集团"
                        rf"|中心|办公室|党委|党组|支部|党总支|工会|团委|镇|乡|街道|社区|村)\s+(?P<who>(?={PERSON_START}){NAME})$")
#: a title naming a speech by its meeting and genre without 在…上 (市组织工作会议讲话, 开学典礼讲话稿)
MEETING_SPEECH = re.compile(rf"(?:会议|大会|会|典礼|仪式|论坛|开班式)上?的?{GENRES}稿?$")
#: a speaker's post (and name) and a date in brackets, run in after a title
POST_THEN = re.compile(rf"(?P<who>{ROLE}(?:\s*{NAME})?)\s*(?P<date>[（(]\d{{4}}年\d{{1,2}}月\d{{1,2}}日[）)])?")
#: a page's title with its author's post and name before a colon: "四川省政协主席田向利：以改革举措…"
POSTED_BYLINE = re.compile(rf"^((?:{ROLE})\s*{NAME})[：:]\s*(?!在)(.{{6,}})$")
#: a line that opens a subtitle under a title: a dash (—— ―― －), or a bracketed date and occasion
SUBTITLE_START = re.compile(r"^(?:[—―－]{1,2}|--(?!-)|\d{4}年\d{1,2}月\d{1,2}日在"
                            r"|[（(]\s*\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日.{0,60}[上中时][）)]$)")
#: the time and place of a meeting in brackets under a title: "（1月13日下午4点，行政楼会议室四）"
TIME_PLACE = re.compile(r"^[（(](?:\d{4}年)?\d{1,2}月\d{1,2}日[^（）()]{0,30}[）)]$")
OCCASION_END = re.compile(r"(?:会议|大会|会|典礼|仪式|座谈会|论坛)(?:上|开幕式上|闭幕式上)?$")
#: paragraph style names (.docx) that say what a title-block line is
STYLE_ROLES = {"subtitle": "subtitle", "副标题": "subtitle", "speaker": "speaker", "author": "author",
               "date": "date", "日期": "date"}
#: a placeholder-only line is a byline when its label names a person
PERSON = re.compile(r"人|姓名|职务|作者|署名")
#: a title line that ends like this continues on the next line without a space
OPEN_END = tuple("的在上和与及之、：“《（")


@dataclass
class Header:
    title: str | None = None
    subtitle: str | None = None
    speaker: str | None = None
    occasion: str | None = None
    author: str | None = None
    date: str | None = None
    removed: list[Removed] = field(default_factory=list)
    used: int = 0                       # how many of the lines the head took


#: what parts a sentence's clauses
CLAUSE_MARKS = re.compile(r"[，,；;]")


def titleish(line: Line, styled: bool = True) -> bool:
    """Could this line be (part of) a title: short, no sentence inside, not a heading or a salutation.
    ``styled=False`` sets aside the heading level its format gives (a saved web page's headline)."""
    text = line.text
    if line.hints.title:
        return True
    # a title with its subtitle on one line may end in ！ before the dash (…宏伟目标，奋进！ ——…侧记)
    head = text.split("——", 1)[0].rstrip() if "——" in text[1:] else text
    if (styled and line.hints.level is not None) or not text or len(text) > 80 or SENTENCE_END.search(head[:-1]):
        return False
    if text[-1] in "。；，：:" or (text[-1] in "！？!?" and len(CLAUSE_MARKS.findall(text)) >= 2) \
            or GREETING.search(text):
        return False    # a sentence of three clauses or more (因天气原因，今天…，请大家相互告知，谢谢！), what
                        # introduces what follows (各年段、各班级：, a notice's addressees), a greeting
                        # (各位领导、同行，大家下午好！)
    if read_mark(text) or SALUTATION.match(text) or gap_size(text)[0] or text[0] in "●■◆▲★•":
        return False
    if ADDRESSES.fullmatch(text):
        return False    # the first line of a salutation over two: 各位代表、 / 同志们：
    if "：" in text and SALUTATION.match(text[:text.index("：") + 1]):
        return False    # 尊敬的孙教授、董教授，尊敬的老师们，亲爱的同学们：早上好！
    if (m := SALUTATION_RUN.match(text)) and len(m.group(2)) <= 8 and (
            m.group(1)[-1] in "！!：:" or GREETING.match(m.group(2))):
        return False    # 各位代表！ / 同学们：早上好！ / 各位教职员工，大家好！
    return not (AUTHOR_LINE.match(text) or _speaker_line(text) or DATE_LINE.match(text)
                or WHO_DATE.match(text) or DATE_BYLINE.match(text) or BRACKETED_BYLINE.match(text)
                or EDITOR_LABEL.match(text))


def first_sentence(lines: list[Line], k: int) -> bool:
    """Whether line ``k`` is a text's first sentence, not a title: it ends in 。！？ and is indented as the
    line under it (又是一年春光好！ over the 　　-indented paragraphs of a greeting)."""
    indent = indent_of(lines[k].raw)
    return (lines[k].text[-1:] in ("。", "！", "？", "!", "?") and indent > 0 and k + 1 < len(lines)
            and indent_of(lines[k + 1].raw) == indent)


def _speaker_line(text: str) -> bool:
    """A speaker's line: a role and a name (省长 王予波), or a role alone of a few characters (市委书记) or
    posts in a row (中共**县委、宣传部部长: the name left out); a longer line ending in a role is a title
    (上海人民永远缅怀陈毅市长)."""
    m = SPEAKER_LINE.match(text)
    if m and m.group(2) and re.fullmatch(rf"{GENRES}稿?", m.group(2)):
        return False    # a role and a genre, no name: a title (开学典礼校长发言稿, 新学期校长讲话)
    return m is not None and (any(m.groups()[1:]) or len(text) <= ROLE_ALONE or "、" in text)


def _broken_at_comma(lines: list[Line]) -> bool:
    """A title broken after a comma (专题党课：在笃学深悟中扛起使命担当， / 在实干争先中书写时代答卷) over the
    salutation: its first line, short, ending in ，."""
    return (len(lines) > 2 and lines[0].text.endswith("，") and len(lines[0].text) <= 40
            and not SENTENCE_END.search(lines[0].text) and titleish(lines[1]) and bool(SALUTATION.match(lines[2].text)))


def join_title(first: str, second: str, text: str = "") -> str:
    """Two title lines as one: nothing between them where the break falls inside a phrase (after an
    open end such as …上的, inside the 在…上的讲话 of an occasion title, before a line of one or two
    characters, which is the end of a word, never a phrase: 政府工作报 / 告, or inside a word the
    ``text`` under the title writes whole: …对照检 / 查材料 over …撰写对照检查材料), a space between two
    phrases."""
    inside_occasion = "在" in first and OCCASION.match(first + second) and not OCCASION.match(first)
    inside_word = bool(first and second) and "\u4e00" <= first[-1] <= "\u9fff" and (first[-1] + second[:2]) in text
    if (first.endswith((*OPEN_END, "，")) or second.startswith(("上的", "的", "讲话", "发言")) or inside_occasion
            or len(second) <= 2 or inside_word):
        return first + second
    return f"{first} {second}"


def split_title(title: str) -> tuple[str, str | None]:
    """Title and subtitle of a one-line title: "主题——在…上的讲话", "在…上的发言：主题", "主题 ---2022年新年致辞"
    (hyphens for the dash)."""
    title = re.sub(r"(?<=\S)\s+-{2,}\s*(?=\S)", "——", title)
    if "——" in title.strip("—"):
        head, _, tail = title.partition("——")
        if head.strip() and tail.strip():
            return head.strip(), "——" + tail.strip()
    if "：" in title:
        head, _, tail = title.partition("：")
        if head and tail:
            if OCCASION.match(head):
                return head, tail
            if OCCASION.match(tail):
                return tail, head
    return title, None


def _cut_glued_title(head: Header, line: Line) -> None:
    """The title the page ran into the first paragraph, after its speaker (市长在…上的讲话这次…): cut off as
    a repeat of the title, the name before it read as the speaker."""
    assert head.title is not None
    at = line.text.find(head.title)
    prefix = line.text[:at]
    if (at < 0 or len(head.title) < 8 or len(line.text) < at + len(head.title) + 10
            or not re.fullmatch(r"[\u4e00-\u9fff、]{0,12}", prefix)):
        return
    head.removed.append(Removed(line.no, line.text[:at + len(head.title)], "标题重复"))
    line.text = line.text[at + len(head.title):].lstrip("，,。 ")
    if prefix and not head.speaker:
        head.speaker = prefix


def title_off_salutation(lines: list[Line]) -> list[Line]:
    """A first line holding the title with the salutation and the text run into it (在全县…会议上的讲话同志们：
    今天，…) as two lines: the title, then the rest (each with the line's number); so too a date or a byline
    in brackets in the head with the salutation run into it (（农业部部长  刘江  1996年12月16日）同志们：)."""
    if not lines:
        return lines
    line = lines[0]
    for title, rest in speech_title_ends(line.text):
        rest = rest.lstrip()
        if salutation_opens(rest):
            return [*_doubled(replace(line, text=title)), replace(line, text=rest), *lines[1:]]
        # the speaker's post and the date run in too (…的讲话市委常委、组织部长(2010年2月25日)同志们：…)
        if (who := POST_THEN.match(rest)) and salutation_opens(rest[who.end():]):
            parts = [rest[:who.end("who")], (who["date"] or "").strip()]
            return [replace(line, text=title), *(replace(line, text=p) for p in parts if p),
                    replace(line, text=rest[who.end():].lstrip()), *lines[1:]]
    for k, line in enumerate(lines[:HEAD_LINES]):
        bracket = re.match(r"[（(][^（）()]{4,40}[）)]", line.text)
        if bracket and salutation_opens(line.text[bracket.end():]) \
                and (BRACKETED_BYLINE.match(bracket.group()) or DATE_LINE.match(bracket.group())):
            return [*lines[:k], replace(line, text=bracket.group()), replace(line, text=line.text[bracket.end():]),
                    *lines[k + 1:]]
    return lines


def names_speech(title: str) -> bool:
    """Whether a title names a speech by its occasion or its genre: 在…上的讲话, …时的主旨演讲, 市组织工作会议讲话."""
    return bool(OCCASION.match(title) or SPEECH_END.search(title) or MEETING_SPEECH.search(title))


def speech_title_ends(text: str) -> Iterator[tuple[str, str]]:
    """Each place among a line's first 80 characters where a title naming a speech may end, the last first
    (a salutation or a note run in after it follows the title's last genre word): (the title, the rest)."""
    for m in reversed(list(re.finditer(GENRES + "稿?", text[:80]))):
        if names_speech(text[:m.end()]):
            yield text[:m.end()], text[m.end():]


def _unmarked(text: str) -> str:
    """A title's words without its spaces, particle 的 and a number a site put after it (…的讲话1), to tell a
    wording of it again."""
    return re.sub(r"\d+$", "", squash(text).replace("的", ""))


def _doubled(line: Line) -> list[Line]:
    """A title a page shows twice run together, in two wordings (县长在…座谈会上讲话县长在…座谈会上的讲话): the
    second, the first as a line of its own above it (the header drops it as the title's repeat)."""
    for m in re.finditer(GENRES + "稿?", line.text[:-2]):
        first, second = line.text[:m.end()], line.text[m.end():]
        if names_speech(first) and _unmarked(first) == _unmarked(second):
            return [replace(line, text=first), replace(line, text=second)]
    return [line]


def salutation_opens(text: str) -> bool:
    text = text.lstrip()
    return "：" in text[:30] and bool(SALUTATION.match(text[:text.index("：") + 1]))


def _signed(title: str) -> tuple[str, str, str | None] | None:
    """A title ending in its genre with the speaker's role and name run into it, or the date in brackets and
    the name (在…的讲话（2020年2月3日）习近平, a copy whose lines were run together): (title, speaker, date),
    else None."""
    for m in reversed(list(re.finditer(GENRES, title))):
        tail = title[m.end():].strip()
        if (who := SPEAKER_LINE.match(tail)) and who.group(1) and who.group(2) and m.end() >= 4:
            return title[:m.end()], tail, None
        if (dated := SIGNED_DATE.match(tail)) and m.end() >= 4:
            return title[:m.end()], dated["who"], dated["date"]
    return None


def _speech_title(head: Header) -> bool:
    """Whether the title (or subtitle) names a speech: 在…上的讲话, 会见…时的讲话, …（演讲全文）."""
    return any(names_speech(part.lstrip("—")) or SPEECH_NOTE.search(part)
               for part in (head.title, head.subtitle) if part)


def read_header(lines: list[Line]) -> Header:
    """Take the head of a speech off the front of its cleaned lines."""
    head = Header()
    i = title_end = 0
    # lines above the line a reader marked as the title (a Markdown kicker over its "# " title, a web
    # page's section label over its class="newstitle") are the page's, not the speech's
    marked = next((k for k, line in enumerate(lines[:3]) if line.hints.title or line.hints.style == "title"), 0)
    if marked and all(titleish(line) for line in lines[:marked]):
        head.removed += [Removed(line.no, line.raw.strip(), "网页标题") for line in lines[:marked]]
        lines = lines[marked:]
    else:
        marked = 0
    if lines and (titleish(lines[0]) or _broken_at_comma(lines)) and len(lines) > 1:
        title = lines[0].text
        i = 1
        # a title split over two lines: the next source line, short and title-like
        nxt = lines[i] if i < len(lines) else None
        reworded = nxt is not None and nxt.text != title and _unmarked(nxt.text) == _unmarked(title) and titleish(nxt)
        if nxt is not None and reworded:
            # the title again in other wording (…座谈会上讲话 / …座谈会上的讲话): the fuller one is the title
            fuller = max((lines[0], nxt), key=lambda line: (not line.text[-1].isdigit(), len(line.text)))
            other = nxt if fuller is lines[0] else lines[0]
            head.removed.append(Removed(other.no, other.text, "标题重复"))
            title = fuller.text
            i += 1
        elif (nxt and nxt.no == lines[0].no + 1 and not lines[0].hints.title and len(nxt.text) <= 40
                and not SUBTITLE_START.match(nxt.text) and squash(nxt.text) != squash(title)   # a repeat
                and not DATE_LINE.match(nxt.text) and not TIME_PLACE.match(nxt.text)           # its date
                and not (OFFICE_LINE.match(nxt.text) and SPEECH_END.search(title))      # who issues it
                and not ((by := AUTHOR_LINE.match(nxt.text)) and (by["by"] or by["spoke"]))   # 文 / 某某
                and not ORG_BYLINE.match(nxt.text)                                  # 某镇人民政府 某某
                and (titleish(nxt) or (title.endswith(OPEN_END) and not SENTENCE_END.search(nxt.text)))):
            body = "".join(line.text for line in lines[i + 1:i + 1 + BODY_LINES])
            title = join_title(title, lines[i].text, body)
            i += 1
            # a third line of phrases set the same way (忠实践行… / 坚决做到… / 在高质量发展中奋力推进…):
            # the title goes on where the line names no occasion, date or speaker
            third = lines[i] if i < len(lines) else None
            if (third and third.no == lines[i - 1].no + 1 and " " in title and len(third.text) <= 40
                    and titleish(third) and not SUBTITLE_START.match(third.text)
                    and not OCCASION.match(third.text) and not OCCASION_END.search(third.text)):
                title = join_title(title, third.text, body)
                i += 1
        head.title, head.subtitle = split_title(title)
        column = COLUMN_AFTER.match(head.title)
        if column and names_speech(column["t"]):
            # the site's column after a bar (在…结束时的讲话|动员部署会议): the page's
            head.removed.append(Removed(lines[0].no, column["c"], "导航"))
            head.title = column["t"]
        if (named := DATED_NAME.match(head.title)) and len(named.group(2)) >= 4:
            head.title, head.date = named.group(2), head.date or named.group(1)    # a file's name: date_title
        if (dated := BRACKETED_END.search(head.title)) and DATE_LINE.match(dated.group(0)) and dated.start() >= 4:
            head.title, head.date = head.title[:dated.start()].rstrip(), dated.group(0).strip("（）()")
        if (signed := _signed(head.title)) is not None:
            head.title, head.speaker, date = signed      # 2022年…工作报告市城管局党组书记、局长  杜  宇
            head.date = head.date or date
        first = lines[0].text
        if (i > 1 and not reworded and OCCASION.match(first) and head.subtitle is None
                and not OCCASION.match(title[len(first):])):
            # the occasion first and the theme under it: the occasion is the title, as 在…上的发言：主题 is
            head.title, head.subtitle = first, title[len(first):].strip()
        if (m := SAID_BYLINE.match(head.title)):
            head.title, head.speaker = m.group("t"), m.group(1)     # 马云演讲：物流的下一个十年
        elif ((m := BYLINED.match(head.title) or POSTED_BYLINE.match(head.title))
              and not COLUMN_WORDS.search(m.group(1))):
            head.title, byline = m.group(2), m.group(1)     # 习近平：一个国家、一个民族不能没有灵魂
            if _speech_title(head):
                head.speaker = byline
            else:
                head.author = byline
    title_end = i
    role_alone: int | None = None        # the line of a speaker's role given without the name
    key = squash(head.title + (head.subtitle or "")) if head.title else None
    key_whole = squash(" ".join(lines[k].text for k in range(i))) if head.title else None
    while i < len(lines):
        line, text = lines[i], lines[i].text
        if key and squash(text) in (key, key_whole):
            head.removed.append(Removed(line.no, line.raw.strip(), "标题重复"))
            i += 1
            continue
        if key and key_whole is not None and len(squash(text)) >= 4 and key_whole.startswith(squash(text)):
            # the title repeated over two or more lines
            acc, j = squash(text), i + 1
            while j < len(lines) and len(acc) < len(key_whole) and key_whole.startswith(acc + squash(lines[j].text)):
                acc += squash(lines[j].text)
                j += 1
            if acc == key_whole:
                for k in range(i, j):
                    head.removed.append(Removed(lines[k].no, lines[k].raw.strip(),
                                                "标题重复"))
                i = j
                continue
        role = STYLE_ROLES.get(line.hints.style or "") if head.title else None
        if role and not getattr(head, role):
            setattr(head, role, text.strip("（）()") if role == "date" else text)
        elif (head.title and SUBTITLE_START.match(text) and not head.speaker
              and (m := SPEAKER_LINE.match(text.lstrip("—―－-").strip())) and m.group(2)):
            head.speaker = " ".join(part for part in m.groups() if part)   # ——某公司总经理 荆晓达: who speaks
        elif head.title and SUBTITLE_START.match(text) and not head.subtitle and len(text) <= 80:
            sub = text.lstrip("—―－-").strip()
            if sub.startswith(("（", "(")) and sub.endswith(("）", ")")):
                sub = sub[1:-1]
            # a subtitle the page broke over two lines: "——2026年1月26日在广东省第十四届" / "人民代表大会第五次会议上"
            nxt = lines[i + 1] if i + 1 < len(lines) else None
            if (nxt and not OCCASION_END.search(sub) and OCCASION_END.search(nxt.text) and len(nxt.text) <= 30
                    and not SENTENCE_END.search(nxt.text)):
                sub += nxt.text
                i += 1
            # the speaker on the subtitle's line: "2026年1月27日在…会议上 陕西省省长 赵刚"
            tokens = sub.split()
            for cut in (1, 2):
                said, who = " ".join(tokens[:-cut]), " ".join(tokens[-cut:])
                if (len(tokens) > cut and not head.speaker and (OCCASION_END.search(said) or OCCASION.match(said))
                        and (SPEAKER_LINE.match(who) or re.fullmatch(NAME, who))):
                    sub, head.speaker = said, who
                    break
            head.subtitle = "——" + sub
        elif ((m := WHO_DATE.match(text) or DATE_BYLINE.match(text) or BRACKETED_BYLINE.match(text)) and not head.date
              and (head.title or (i == 0 and m.groupdict().get("bracketed")))):   # (2004年8月22日)胡锦涛 atop
            # a byline: 王  琛  2020.6.20; 某某公司  2012年6月11日; （2023年3月13日）习近平
            head.date = m["date"] or m.groupdict().get("bracketed")
            if re.fullmatch(NAME, m["who"]) and not head.speaker:
                # a person's name under a speech's title is its speaker (with the post before it)
                head.speaker = " ".join(filter(None, [m.groupdict().get("role"), m["who"]]))
            elif not head.author:
                head.author = m["who"]
        elif (head.title and not head.speaker and NAMES.fullmatch(text)
              and all(name in head.title for name in text.split("、"))):
            head.speaker = text   # the people the title names, on one line (戚本禹、张春桥、谢富治)
        elif head.title and not (head.author or head.speaker) and (m := ORG_BYLINE.match(text)):
            if _speech_title(head):
                head.speaker = text           # 某县人民政府 王某: the body and the name of who gave the speech
            else:
                head.author = m["who"]        # …人民政府 辛建梅 under an article's title: its author
        elif i == title_end and not head.author and OFFICE_LINE.match(text):
            head.author = text    # an office under the title (教学处, 县委办公室): who issues the text
        elif (i == title_end and not head.subtitle and titleish(line) and len(text) <= 40 and not TIME_PLACE.match(text)
              and not line.hints.lead and has_hanzi(text) and not first_sentence(lines, i)):
            # a short title-like line right under the title: its subtitle (not a head the page sets in
            # bold, the text's; nor a number alone, 01, its first part's; nor the text's first sentence)
            head.subtitle = text
        elif (DATE_LINE.match(text) or (head.title and TIME_PLACE.match(text))) and not head.date:
            head.date = text.strip("（）()")      # a date line, or the time and place of the meeting
        elif ((m := SPEAKER_LINE.match(text)) and not head.speaker
              and (head.title or (i == 0 and (m.group(2) or "、" in text))
                   or (head.date and i + 1 < len(lines) and SALUTATION.match(lines[i + 1].text)))
              and (not m.group(3) or PERSON.search(m.group(3)))):
            # under the title, or opening a text with none (a 范文 page's variant), or between a text's
            # date and its salutation (（2026年1月17日） / 武进区区长 / 各位代表、同志们：): who speaks
            head.speaker = " ".join(part for part in m.groups() if part)
            role_alone = i if not (m.group(2) or m.group(3) or m.group(4)) else None
        elif role_alone == i - 1 and head.speaker and (m := AUTHOR_LINE.match(text.replace("\u3000", " "))):
            head.speaker = f"{head.speaker} {m['who']}"     # the role on one line, the name on the next
        elif (m := AUTHOR_LINE.match(text)) and m.group("spoke") and m["who"] in (head.author, head.speaker):
            # 演讲 / 吴晓波 under 吴晓波：定力至上: the name before the title's colon gave the text
            head.speaker, head.author = m["who"], None if head.author == m["who"] else head.author
        elif (m := AUTHOR_LINE.match(text)) and not head.author and (head.title or i == 0):
            if head.title and not head.speaker and (_speech_title(head) or m.group("spoke")):
                # a name under 在…上的讲话 (or 演讲 / 某某) is who gave it, not an article's author
                head.speaker = m["who"]
            else:
                head.author = m["who"]
        else:
            break
        i += 1
    if head.title and i < len(lines):
        _cut_glued_title(head, lines[i])
    head.used = i + marked
    if head.title and len(head.title) > 1 and head.title[-1] in ".。":
        head.title = head.title[:-1]      # a stray full stop after a title (市政府第四次全体会议主持词.)
    for part in (head.title, head.subtitle.lstrip("—") if head.subtitle else None):
        m = OCCASION.match(part) if part else None
        if m:
            head.occasion = m.group(2)
            if m.group(1) and DATE_LINE.match(m.group(1).strip()):
                head.date = head.date or m.group(1).strip()     # 1983年2月28日在…上的讲话: when, not who
            elif m.group(1) and not head.speaker:
                head.speaker = YEAR_BEFORE.sub("", m.group(1)) or None     # (县委书记 of 2021年县委书记在…)
            break
        m = OWN_SPEECH.match(part) if part else None
        giver = re.sub(GENRES + "$", "", AT_OCCASION.sub("", m.group(1))) if m else ""
        if (giver and not head.speaker and (post := SPEAKER_LINE.match(BRACKETED_WORD.sub("", giver)))
                and (not post.group(2) or post.group(2)[0] in SURNAMES)):      # (not 朱松纯院长 寄语通班)
            # 国家发展改革委投资司韩志峰处长的讲话: who gave it, by post (校长 of 2023开学典礼校长讲话致辞)
            head.speaker = giver
    return head
