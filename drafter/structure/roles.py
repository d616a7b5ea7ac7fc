"""What a paragraph does in a speech: salutation, pull quote, author note, closing, transition,
and the inline enumerations (一是…二是…, 一要…二要…) inside it."""

from __future__ import annotations

import re

from drafter.structure.header import ADDRESS, SALUTATION
from drafter.structure.marks import counted_runs
from drafter.zh import cn_to_int

PULL_QUOTE = tuple("●■◆▲★•")
AUTHOR_NOTE = re.compile(r"^[（(](?:作者|本文作者)(?:系|为|是|单位|简介|现任|：|:).{2,80}[）)]$")
#: where an article's text comes from, in a note opening or closing it: （这是习近平总书记2018年6月29日在…时的讲话。）,
#: （1965年11月29日至12月16日，中共北京市委召开工作会议，…这是市委第一书记彭真在会上的讲话（纪录稿））
SOURCE_NOTE = re.compile(r"^[（(]\s*(?:[^（）()]{0,200}[，。；])?(?:这是|本文是|此文是|这篇文章是)[^（）()]{0,140}"
                         r"(?:讲话|发言|报告|演讲|致辞|文章|序言|谈话|批示|指示)(?:[（(][^（）()]{1,10}[)）])?"
                         r"[^（）()]{0,12}[)）]$")
#: how the text was made, in brackets: （根据记录整理，未经本人审阅）, （本报发表时已作删减）, （有删节）
EDITED_NOTE = re.compile(r"^[（(][^（）()]{0,16}(?:整理|审阅|审定|删节|删减|节选|摘编|删改)[^（）()]{0,20}[)）][＊*]?$")
#: the terms a speaker calls the hall by, in the body of a speech (同志们，…; 各位代表！…), and more of them
HALL = (r"(?:同志们|同事们|朋友们|女士们|老师们|同学们|各位(?:领导|同志|同事|代表|委员|来宾|嘉宾|朋友))"
            r"(?:、[^，,！!。]{1,12})*")
#: a call to the hall that opens a paragraph wherever it stands (各位代表！奋进正当其时…)
CALLED = re.compile(rf"^{HALL}[！!]")
#: a paragraph that only hails the hall (各位院士，同志们、朋友们！): near the end, the closing's first words
HAILED = re.compile(rf"{ADDRESS}(?:[，、,]{ADDRESS})*[！!]")
CLOSING = re.compile(
    rf"^(?:{HALL}[，,！!]"
    r"|以上[^。]{0,20}?(?:发言|汇报|报告|述职|检查|是我|就是|几点|交流|体会|意见|讲的|不妥|指正|评议)"
    r"|我(?:就)?(?:讲|说)(?:到这里|这些)|我的发言(?:完毕|就到这里)"
    r"|谢谢(?:大家)?[。！!]?$"
    r"|谢谢大家的|最后，?(?:我们?)?(?:预祝|祝|衷心祝愿|希望|让我们)|(?:预祝|衷心祝愿)[^。！!]{0,40}(?:圆满成功|顺利|健康|愉快|幸福))")
TRANSITION_START = re.compile(r"^(?:下面|以下|今天|现在|接下来|这里|在此|借此机会|借此)")
TRANSITION_VERB = re.compile(r"讲|谈|说|提|强调|交流|汇报|报告|发言|分享|体会|意见|认识|打算|思考|建议|要求")
#: "…谈三个方面的认识", "…报告如下": a sentence that announces what the body will say, wherever it starts
TRANSITION_ANNOUNCE = re.compile(
    r"(?:讲|谈|说|提|强调|汇报|报告|交流)[^。，]{0,8}?(?:几点|[两二三四五六七八九十]点|几个方面|[两二三四五六七八九十]个方面|几条|[两二三四五六七八九十]条)"
    r"|(?:报告|汇报|说明|发言)如下")
SENTENCE = re.compile(r"[^。！？]*[。！？]+[”’」』）》]*|[^。！？]+$")
#: 一是, 二要 … at a paragraph's start or after a mark (the look-ahead first lets the engine skip to numerals)
ENUM = re.compile(r"(?=[一二三四五六七八九十])(?<![^。；：，、！？”\s])([一二三四五六七八九十]{1,2})(是|要)")


def role_of(text: str) -> str | None:
    """The role a paragraph's text alone gives it, if any."""
    if SALUTATION.match(text):
        return "salutation"
    if text.startswith(PULL_QUOTE):
        return "pull_quote"
    if AUTHOR_NOTE.match(text) or SOURCE_NOTE.match(text) or EDITED_NOTE.match(text):
        return "author_note"
    return None


#: what ends a speech wherever it stands in its paragraph: thanks at the paragraph's end (…青春万岁！谢谢大家！),
#: the speaker's modesty (…不当之处请批评指正)
CLOSING_END = re.compile(r"谢谢(?:大家)?[。！!]?$|(?:不当|不妥)之处[^。！!]{0,12}指正")


def is_closing(text: str) -> bool:
    return bool(CLOSING.match(text) or CLOSING_END.search(text))


def sentences(text: str) -> list[str]:
    return [s for s in SENTENCE.findall(text) if s.strip()]


def transition_sentence(text: str) -> str | None:
    """The opening's last sentence when it leads into the body (下面，我讲几点意见。)."""
    parts = sentences(text)
    if not parts:
        return None
    last = parts[-1].strip()
    if len(last) > 150:
        return None
    if (TRANSITION_START.match(last) and TRANSITION_VERB.search(last)) or TRANSITION_ANNOUNCE.search(last):
        return last
    return None


def enumeration(text: str) -> list[str]:
    """The longest run of inline enumeration markers 一是, 二是 … (一要, 二要 …) in a paragraph."""
    best = max(counted_runs((m.group(0), cn_to_int(m.group(1))) for m in ENUM.finditer(text)), key=len, default=[])
    return best if len(best) >= 2 else []
