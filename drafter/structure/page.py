"""Page matter around a speech that only neighbouring lines give away.

After line-by-line cleaning (``drafter.structure.clean``) a page can still hold, above the speech:

- a summary of the text: its first lines run together and cut off (the title block and the opening);
- a photo's caption naming the scene (…汇报会现场, 与会人员合影留念), anywhere, or the speaker speaking,
  right above the salutation (省长赵刚作政府工作报告);
- its own headline: a title-like line above the page's metadata row, followed by the speech's own
  title (then the headline is the page's, whatever its wording), or by the speech itself with no title
  (the headline is kept as a hint of speaker and occasion); a title block the page shows twice keeps
  its later, the article's, copy;
- a forwarding note (现摘录…，希全体教工认真学习！; 全校教工：…请大家认真学习…; 按：…现将…印发) with its
  sign-off (office, date), a bulletin's masthead (…通报 / 〔2019〕第14期) and its distribution lines
  (发：…; …印发);
- news matter: a dateline (新华社北京4月24日电) opening a line, whole when the line only introduces
  the text (…全文如下：), else cut off the paragraph it opens; photo captions closed by a credit, or
  without one a dated report of a visit in the third person inside a speech in the first;
- a headline that names the speech from outside (习近平：在…上的讲话, 习近平在…上的主旨讲话（全文）) with
  what stands between it and the article's own title block (a news lead, captions, a video's link).

Each line taken is reported with its reason, as cleaning reports; a dateline cut off a paragraph is
reported as the text cut.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass, field, replace

from drafter.model import Removed
from drafter.structure.clean import (
    CREDIT,
    DATELINE,
    META_REASONS,
    SOURCE_TAIL,
    Line,
    PageMeta,
    is_prose,
)
from drafter.structure.header import (
    AUTHOR_LINE,
    DATE_LINE,
    GENRES,
    OCCASION,
    ROLE,
    SALUTATION,
    SPEAKER_LINE,
    first_sentence,
    salutation_opens,
    speech_title_ends,
    titleish,
)
from drafter.structure.marks import read_mark
from drafter.structure.normalize import squash
from drafter.structure.parts import VARIANT
from drafter.zh import SURNAMES, cn_to_int

#: a forwarding note: what the sender asks of the readers, or how the text was excerpted or issued
FORWARD = re.compile(r"现(?:摘录|转发|印发|刊发|摘登|刊登)|现将[^。]{2,40}(?:印发|转发|刊发|摘录|摘登|刊登)|予以印发"
                     r"|以飨读者|请(?:大家|各位"
                     r"|全体)[^。]{0,20}认真学习"
                     r"|希(?:全体|各位|大家)[^。]{0,12}学习|^按[:：]")
#: an addressee opening a note: "全校教工：", "各党支部："
ADDRESSEE = re.compile(r"^(?:全校|全体|各)[\u4e00-\u9fff、]{1,12}[:：]")
#: an office signing a note off
OFFICE = re.compile(r"^[\u4e00-\u9fff（）]{2,20}(?:办|办公室|室|处|部|委|委员会|局|厅|会|组|中心|党委|支部|学校|政府)$")
SIGN_DATE = re.compile(r"^\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日$")
#: a bulletin's masthead: its name and its issue number
MASTHEAD = re.compile(r"^[\u4e00-\u9fff]{2,12}(?:通报|简报|快报|动态|通讯|专报|信息)$")
#: an editor's note above an article: 编者按：…, 【编者按】…, 【导读】…, or the label on a line of its own
EDITOR_NOTE = re.compile(r"^[【\[（(]?(?:编\s*者\s*按\s*语?|编者的话|编辑按语?|导\s*读)[】\]）)]?\s*[：:]?\s*(.*)$")
#: an editor's note's label run in after a title (…的讲话编者按：…), and where a salutation may start after the note
EDITOR_NOTE_LABEL = re.compile(r"^\s*(?:编者按语?|编者的话|编辑按语?|导读|内容提要)\s*[：:]")
HAIL_AT = re.compile(r"(?<=[。！？：:])\s*(?=同志们|同事们|朋友们|各位|尊敬的|亲爱的)")
ISSUE = re.compile(r"^[〔\[（(]\d{4}[〕\]）)]\s*第?\s*\d+\s*期$")
#: a person's note as a site gives it above their words: name, sex, what they are (张懿雯，女，2018届…)
BIO = re.compile(r"^[\u4e00-\u9fff]{2,4}[，,]\s*[男女][，,]")
#: distribution and issuing lines closing a bulletin: "发：各区…", "中共绍兴市委办公室 2019 年5 月27 日印发"
ISSUED = re.compile(r"^(?:发|抄送|报|送)[:：].{2,80}$|.{2,30}\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日\s*印发$")
#: a line handing over from a news report to the text it gives: 以下为马云演讲全文：, 以下是讲话实录：, with
#: a word on it after a comma (以下是原文，演讲全文仅535字：)
HAND_OVER = (r"^(?:以下|下面)(?:为|是)[^。，！？：:]{0,30}(?:全文|实录|原文|摘要|节选|摘编|内容)"
             r"(?:[，,][^。，！？：:]{1,20})?")
#: or a label alone saying the text follows (全文：, 演讲全文：, 讲话实录：)
TEXT_LABEL = r"^(?:(?:演讲|讲话|致辞|发言)?全文|(?:演讲|讲话|发言)实录)[：:]"
FULL_TEXT_BELOW = re.compile(rf"{HAND_OVER}[：:]?$|{TEXT_LABEL}$")
#: such a hand-over closing the news before it (…发表了主题演讲，以下是演讲实录：)
FULL_TEXT_AFTER = re.compile(r"[，。,]" + HAND_OVER.removeprefix("^") + r"[：:]$")
#: a line of the page's own above such a line: a sentence, or one leading into the points it lists (…几点是：)
LEAD_LINE = re.compile(r"[。！？]|……$|，[^，]*[：:]$")
#: who the news before a hand-over says gave the speech (…CEO刘畅在分论坛上发表了…的主题演讲,
#: …龚亚夫出席分论坛并做主题发言)
GAVE_SPEECH = re.compile(r"([\u4e00-\u9fff]{2,4})(?:在[^。，；]{2,30}|出席[^。，；]{2,30}并)?"
                         r"(?:发表了?[^。；]{0,40}|[作做]了?[^。；，]{0,10})(?:讲话|演讲|致辞|发言)")
#: a label under such a line naming who gave the text: 致辞：饶毅（教师代表、科学家）, 演讲人：王小明
GAVE_LABEL = re.compile(r"^(?:致辞|讲话|演讲|发言|主讲)人?\s*[：:]\s*([\u4e00-\u9fff]{2,4})"
                        r"(?:\s*[（(][^（）()]{1,30}[）)])?$")
#: such a line with the text run on after its colon (以下为演讲全文：同学们，…, 全文：尊敬的各位来宾，…)
FULL_TEXT_ON = re.compile(rf"{HAND_OVER}[：:](?=\S)|{TEXT_LABEL}(?=\S)")
#: a host calling on the speaker (请校友代表…雷军校友发言。, 下面有请…致辞！), among the text's first lines, in
#: a sentence of at most HOST_WORDS characters
HOST_CALL = re.compile(r"(?:^|[，。！])(?:下面|现在|接下来)?(?:有请|请)[^。！？]{2,50}(?:发言|讲话|致辞|作报告)[。！]$")
HOST_LINES, HOST_WORDS = 4, 80
#: the name a host calls on, before how it calls them and what they give (雷军校友发言, 王小明同志讲话): each
#: place it could start at (the first of them a surname's, ``drafter.zh.SURNAMES``)
CALLED_NAME = re.compile(r"(?=([\u4e00-\u9fff]{2,3})(?:校友|同志|先生|女士|同学|老师|教授)(?:发言|讲话|致辞))")
#: a hand-over is sought in the page's first lines
HAND_OVER_LINES = 12
#: the speaker such a line names (以下为马云演讲全文：)
NAMED_BELOW = re.compile(r"^(?:以下|下面)(?:为|是)(?!演讲|讲话|发言|致辞|报告)([\u4e00-\u9fff]{2,4}?)"
                         r"(?:同志|先生|女士)?的?(?:演讲|讲话|发言|致辞|报告)(?:全文|实录|原文|摘要|节选|摘编)[：:]?$")
#: news that a speech was given: 发表题为《…》的主旨演讲, 作重要讲话, 全文如下
NEWS_LEAD = re.compile(r"(?:发表|(?<!工)作了?)[^。]{0,40}(?:讲话|演讲|致辞|报告)|(?:全文|讲话|演讲|致辞)(?:摘要)?如下")
#: a line that only introduces the text it precedes (…全文如下：)
INTRO_END = re.compile(r"(?:全文|讲话|原文)(?:如下|摘要如下)[:：]$")


#: what is not a character of a text's words, for comparing a page's summary with the text
WORDS = re.compile(r"\W+")
#: a page's summary of the text is among its first lines, and repeats this many characters or more of it
SNIPPET_LINES = 12
SNIPPET_CHARS = 20
#: the share of the summary the text must repeat word for word (its cut-off end may differ: 贯彻习 / 贯彻XXX)
SNIPPET_SHARE = 0.9
#: a photo's caption that names the scene of an event, a short line without a clause's mark
SCENE = re.compile(r"^[^，。！？；：,.!?;:]{2,36}(?:(?:会|会议|活动|仪式|典礼|比赛|论坛|式|颁奖|签约|揭牌|开工|培训"
                   r"|宣讲|表彰)现场|合影(?:留念)?)$")
#: a caption naming the speaker speaking, by post and name: 中共中央总书记、国家主席…江泽民发表重要讲话。
CAPTION_SPEAKER = re.compile(rf"^(?:{ROLE})?\s*([\u4e00-\u9fff]{{2,3}})(?:同志)?(?:发表|作|致)了?(?:重要)?"
                             r"(?:讲话|致辞|报告)。?$")
#: a caption of the speaker speaking, with no credit: 省长赵刚作政府工作报告, 谭志桂作工作报告
SPEAKING = re.compile(r"^[^在，。：]{0,10}?(?:书记|省长|市长|县长|区长|主席|总理|部长|局长|校长|院长)?"
                      r"[\u4e00-\u9fff]{2,3}(?:作|致|发表)(?:重要)?(?:政府)?(?:工作报告|讲话|致辞|发言|报告)$")
#: a file's name, as a document site gives it: its extension
FILE_NAME = re.compile(r"\.(?:docx?|wps|pdf|txt)$", re.I)
#: a genre set before a title as its label: 党课：, 讲话稿：
LABEL = re.compile(r"[\u4e00-\u9fff]{0,4}(?:党课|讲话|讲稿|发言|致辞|报告|演讲)稿?\s*[：:]\s*")
#: a site's note after a title: （全文13438字）, （精选文档）, （通用版）, （3篇）
SITE_NOTE = re.compile(r"\s*[（(](?:全文\s*\d+\s*字|精选文档|[\u4e00-\u9fff]{0,4}版|\d+\s*篇|范文|最新)[）)]")
#: a headline naming a collection of texts: …集合五篇, …范文大全8篇, …精选3篇
COLLECTION = re.compile(r"(?:\d{1,2}|[一二三四五六七八九十]{1,3})篇$|大全|集合|合集|汇编|精选")
#: the most characters of a line of a page's head above the title (a headline, a column, a button)
PAGE_LABEL = 40
#: the fewest characters of a text's own title under a headline that holds it
OWN_TITLE = 6
#: the fewest characters of a headline that repeats the title block cut short
CUT_HEADLINE = 12
#: a headline that is a column's issue, dated in brackets at its end: 每周一学（2022年5月9日——5月15日）
DATED_LABEL = re.compile(r"[（(]\s*\d{4}\s*年[^（）()]{2,30}[）)]$")
#: a headline that names a speech from outside, as a page lists it: "马校长《在…上的讲话》", "习近平：在…上的讲话"
PAGE_STYLE = re.compile(r"^(?:#{1,6}\s*)?[\u4e00-\u9fff]{2,8}(?:[:：]|《.+》$)")
#: a news headline reporting that a speech was given ("国家主席习近平发表二〇二五年新年贺词"): the page's,
#: when the page goes on to give the text itself (…全文如下：)
NEWS_HEADLINE = re.compile(r"^(?:#{1,6}\s*)?(?:[\u4e00-\u9fff]{2,12}(?:发表|在.{2,30}发表)[^。，]{0,30}(?:讲话|贺词"
                           r"|致辞|文章)$)")


@dataclass
class PageHead:
    lines: list[Line]
    removed: list[Removed] = field(default_factory=list)
    headline: str | None = None          # the page's own headline, when it is not the speech's title
    speaker: str | None = None           # the speaker a news page names handing over to the text


def _continues_title_block(text: str) -> bool:
    """A line that goes on a title block rather than starting one: a subtitle, date or speaker line."""
    return (text.startswith(("—", "―", "－", "-")) or bool(DATE_LINE.match(text)) or bool(SPEAKER_LINE.match(text))
            or bool(AUTHOR_LINE.match(text))
            or bool(re.match(r"^[（(]?\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日(?:在|上午|下午|[）)])", text)))


def _snippet(lines: list[Line], k: int) -> bool:
    """Whether line ``k`` only repeats the lines after it run together, the title block and on into the
    text (cut off anywhere, its last words may differ where the page changed the text): a page's summary
    of the text (…讲话用心用爱…新局面(2019年3月31日) 同志们: 县不图强，…). A headline that repeats the
    title block alone is no summary."""
    key = WORDS.sub("", lines[k].text)
    if len(key) < SNIPPET_CHARS:
        return False
    after, head = "", None                 # head: the length of the title block, up to the text's first line
    for line in lines[k + 1:k + 1 + SNIPPET_LINES]:
        if head is None and (SALUTATION.match(line.text) or _starts_body(line)):
            head = len(after)
        if len(after) >= len(key) and head is not None:
            break
        after += WORDS.sub("", line.text)
    same = len(os.path.commonprefix((key, after)))
    return (head is not None and same >= SNIPPET_SHARE * len(key) and same > head
            and same > len(WORDS.sub("", lines[k + 1].text)))       # several lines run together


def _salutes(text: str) -> bool:
    """Whether a line is a salutation, or opens with one (尊敬的老师们，亲爱的同学们：大家早上好！)."""
    return bool(SALUTATION.match(text) or ("：" in text and SALUTATION.match(text[:text.index("：") + 1])))


def _starts_body(line: Line) -> bool:
    text = line.text
    return bool(SALUTATION.match(text) or read_mark(text) or (len(text) > 60 and re.search(r"[。！？]", text)))


def _hand_over_apart(lines: list[Line]) -> list[Line]:
    """The lines with a news page's hand-over to the text (以下为演讲全文：) set apart from the text run on
    after it on its line."""
    for k, line in enumerate(lines[:HAND_OVER_LINES]):
        if m := FULL_TEXT_ON.match(line.text):
            rest = line.text[m.end():]
            return [*lines[:k], replace(line, text=m.group(), raw=m.group()), replace(line, text=rest, raw=rest),
                    *lines[k + 1:]]
    return lines


def _note_apart(lines: list[Line]) -> list[Line]:
    """A first line holding a speech's title, an editor's note and the salutation with the text run together
    (…的讲话编者按：本文…。…请详见：同志们：今天…): three lines, the note read as the page's."""
    if not lines:
        return lines
    line = lines[0]
    for title, rest in speech_title_ends(line.text):
        if EDITOR_NOTE_LABEL.match(rest):
            hail = next((h for h in HAIL_AT.finditer(rest) if salutation_opens(rest[h.start():])), None)
            if hail:
                note, text = rest[:hail.start()], rest[hail.start():].lstrip()
                return [replace(line, text=title, raw=title), replace(line, text=note, raw=note),
                        replace(line, text=text, raw=text), *lines[1:]]
    return lines


def read_page(lines: list[Line], removed: list[Removed], page: PageMeta) -> PageHead:
    """Take the page matter that neighbouring lines give away off the cleaned lines."""
    # (its own copy: a heading under a hand-over may become a title)
    lines = list(_hand_over_apart(_note_apart(lines)))
    out = PageHead(lines=list(lines))
    taken: dict[int, str] = {}

    def take(k: int, why: str) -> None:
        taken[k] = why

    # a page's summary of the text: its first lines run together and cut off, above the text itself; a
    # photo's caption that names the scene (…成果汇报会现场, 与会人员合影)
    for k in range(len(lines)):
        if k < SNIPPET_LINES and _snippet(lines, k):
            take(k, "网页摘要")
        elif SCENE.search(lines[k].text) and not read_mark(lines[k].text):
            take(k, "图片说明")
    # the head of the page: lines before the speech's body starts; a forwarding note may be a long
    # sentence, so notes are sought up to the speech's salutation or first heading (a dozen lines at most)
    head_end = next((k for k, line in enumerate(lines) if k not in taken and _starts_body(line)), len(lines))
    note_end = next((k for k, line in enumerate(lines) if SALUTATION.match(line.text) or read_mark(line.text)),
                    len(lines))
    # news of the occasion over a line that hands over to the text (以下为马云演讲全文：, 以下是发言实录：)
    below = next((k for k in range(min(len(lines), HAND_OVER_LINES))
                  if FULL_TEXT_BELOW.match(lines[k].text) or FULL_TEXT_AFTER.search(lines[k].text)), None)
    if below is not None:               # (above it, what the page says of the text: its points too)
        take(below, "新闻导语")
        if (m := NAMED_BELOW.match(lines[below].text)) and m.group(1)[0] in SURNAMES:
            out.speaker = m.group(1)           # (not 以下是我的演讲全文)
        else:                                  # …刘畅在分论坛上发表了…主题演讲，以下是演讲实录：
            out.speaker = next((m.group(1) for m in GAVE_SPEECH.finditer(lines[below].text)
                                if m.group(1)[0] in SURNAMES), None)
        for k in range(below):
            if k not in taken and not lines[k].hints.title and LEAD_LINE.search(lines[k].text):
                take(k, "新闻导语")
        # the text's own title under it (…全文仅535字： / 致辞：饶毅（教师代表） / 做自己尊重的人): the headline above
        # is the page's, and a label naming who gave the text names the speaker
        j = below + 1
        if j < len(lines) and (label := GAVE_LABEL.match(lines[j].text)) and label.group(1)[0] in SURNAMES:
            out.speaker = out.speaker or label.group(1)
            take(j, "新闻导语")
            j += 1
        titled = j < len(lines) and titleish(lines[j], styled=False) and len(squash(lines[j].text)) >= OWN_TITLE
        top = next((k for k in range(below) if k not in taken), None)
        if titled and top is not None and titleish(lines[top], styled=False) and j + 1 < len(lines) \
                and not titleish(lines[j + 1], styled=False):
            take(top, "网页标题")
            if lines[j].hints.level is not None:       # set as a heading (## 做自己尊重的人): the title
                lines[j] = replace(lines[j], hints=replace(lines[j].hints, level=None, title=True))
    # a host's words over the speech a transcript gives (谢谢某某同学。 / 仪式第八项，请校友代表…发言。)
    host = next((k for k in range(min(note_end, HOST_LINES)) if HOST_CALL.search(lines[k].text)), None)
    if host is not None:
        for k in range(host + 1):
            if k not in taken and re.search(r"[。！]$", lines[k].text) and len(lines[k].text) <= HOST_WORDS:
                take(k, "主持词")
        called = [m.group(1) for m in CALLED_NAME.finditer(lines[host].text) if m.group(1)[0] in SURNAMES]
        out.speaker = out.speaker or next(iter(called), None)     # …小米集团董事长雷军校友发言。
    for k in range(min(note_end, 12)):
        text = lines[k].text
        if k in taken:
            continue
        note = len(text) >= 15 and re.search(r"[，。！,!]", text)     # a sentence, never a title
        forward = FORWARD.search(text) or (ADDRESSEE.match(text) and "学习" in text)
        if note and (forward or _names_next_title(text, lines[k + 1:k + 4])):
            # news of the occasion that names the title below it (…发表题为《…》的主旨演讲。演讲全文如下：)
            # introduces the text as a page's lead does; a note asking to study it forwards it
            news = not forward and NEWS_LEAD.search(re.sub(r"《[^《》]*》", "《》", text))
            take(k, "新闻导语" if news else "转发按语")
            day = re.search(r"(?<![\d年])(\d{1,2})\s*月\s*(\d{1,2})\s*日", text)
            if day and not page.dateline:
                page.dateline = (int(day.group(1)), int(day.group(2)))    # the day of the occasion forwarded
            j = k + 1
            while (j < len(lines) and (OFFICE.match(lines[j].text) or SIGN_DATE.match(lines[j].text))
                   and len(lines[j].text) <= 20):
                take(j, "落款")
                j += 1
            continue
        if BIO.match(text):
            take(k, "人物简介")          # who speaks, as the site introduces them (张懿雯，女，2018届…毕业生，…)
            continue
        issue = ISSUE.match(text)
        if issue or (MASTHEAD.match(text) and k + 1 < len(lines) and ISSUE.match(lines[k + 1].text)):
            take(k, "转发按语")
        if (m := EDITOR_NOTE.match(text)):           # 编者按语：… (or the label alone, the note below it)
            take(k, "编者按")
            if not m.group(1) and k + 1 < len(lines) and not SALUTATION.match(lines[k + 1].text):
                take(k + 1, "编者按")
            quoted = k + 1                             # and the rest of the block quote it opens (Markdown's >)
            while lines[k].hints.style == "blockquote" and quoted < len(lines) \
                    and lines[quoted].hints.style == "blockquote":
                take(quoted, "编者按")
                quoted += 1
    # a column tag in 【】 just above the page's metadata row (【2019年5月学习材料】)
    for k in range(head_end):
        nxt_no = lines[k + 1].no if k + 1 < len(lines) else None
        if (k not in taken and COLUMN_TAG.match(lines[k].text)
                and any(r.why in META_REASONS and r.line > lines[k].no and (nxt_no is None or r.line < nxt_no)
                        for r in removed)):
            take(k, "网页标题")
    # the page's headline: the first title-like line, just above the page's metadata row (a page saved
    # as Word keeps its headline's heading style)
    first = next((k for k in range(head_end) if k not in taken), None)
    if first is not None and titleish(lines[first], styled=False):
        h = lines[first]
        after = [r for r in removed if r.line > h.no and (not lines[first + 1:] or r.line < lines[first + 1].no)]
        nxt = next((k for k in range(first + 1, len(lines)) if k not in taken), None)
        repeat = next((k for k in range(first + 1, head_end) if k not in taken
                       and squash(lines[k].text) and squash(h.text).startswith(squash(lines[k].text))
                       and len(squash(lines[k].text)) >= 4), None)
        meta_row = any(r.why in META_REASONS for r in after)
        # inside the page's frame (page matter above it too), a headline the article repeats is the
        # page's; as a file's first line it is the title, and the page's repeat of it is dropped later
        framed = any(r.line < h.no for r in removed)
        if framed and repeat is not None and _repeats(lines, repeat, head_end, taken, squash(h.text)):
            take(first, "网页标题")        # the page shows the title block twice: the article's copy stays
        elif meta_row and nxt is not None and DATED_LABEL.search(h.text) and titleish(lines[nxt]):
            take(first, "网页标题")        # a column's issue (每周一学（2022年5月9日——5月15日）) above the title
        elif meta_row and nxt is not None:
            n = lines[nxt]
            quoted = squash(n.text) in squash(h.text)      # the headline quotes the speech's own title
            subtitle = (bool(OCCASION.match(n.text)) and not quoted
                        and not OCCASION.match(h.text.replace("《", "").replace("》", "")))
            if (titleish(n) and not n.hints.lead and not _continues_title_block(n.text) and not subtitle
                    and not squash(h.text).startswith(squash(n.text)) and not first_sentence(lines, nxt)):
                take(first, "网页标题")
            elif not titleish(n) and not _continues_title_block(n.text) and (
                    PAGE_STYLE.match(h.text)
                    or (NEWS_HEADLINE.match(h.text)
                        and any(INTRO_END.search(line.text) for line in lines[first:first + 12]))):
                take(first, "网页标题")
                out.headline = h.text
    # the page's headline (or the file's name a document site heads the page with) shown again over the
    # text, above the text's own title that it holds with the site's additions (2022年度…乡村振兴(精选文档)
    # over 专题党课：…乡村振兴; 园林局城市绿化讲话全文 over 园林局城市绿化讲话): the page's too
    headlines = {squash(FILE_NAME.sub("", r.text)) for r in removed if r.why in ("网页标题", "下载提示")}
    headlines |= {squash(lines[k].text) for k, why in taken.items() if why == "网页标题"}
    for k in range(head_end):
        nxt = next((j for j in range(k + 1, head_end) if j not in taken), None)
        if (k not in taken and nxt is not None and squash(lines[k].text) in headlines and titleish(lines[nxt])
                and OWN_TITLE <= len(squash(lines[nxt].text)) < len(squash(lines[k].text))
                and squash(lines[nxt].text) in squash(lines[k].text)):
            take(k, "网页标题")
    # the page's headline over the text's own title that holds it with a label before it (喜迎二十大… over
    # 党课：喜迎二十大…), or that it holds with the site's note after it (…华章（全文13438字） over …华章)
    top = next((k for k in range(head_end) if k not in taken), None)
    nxt = next((j for j in range(top + 1, head_end) if j not in taken), None) if top is not None else None
    if top is not None and nxt is not None and titleish(lines[nxt]):
        headline, title = lines[top].text, lines[nxt].text
        if (len(squash(title)) >= OWN_TITLE and title != headline
                and ((title.endswith(headline) and LABEL.fullmatch(title[:-len(headline)]))
                     or (headline.startswith(title) and SITE_NOTE.fullmatch(headline[len(title):])))):
            take(top, "网页标题")
    # the page's headline holding the text's own title with the page's words (魏庄镇2018年政府工作报告和2019年
    # 工作计划 over 政 府 工 作 报 告), the title block going on under that title (a subtitle, date or speaker)
    top = next((k for k in range(head_end) if k not in taken), None)
    later = [j for j in range(top + 1, head_end) if j not in taken][:2] if top is not None else []
    if (top is not None and len(later) == 2 and titleish(lines[later[0]])
            and _continues_title_block(lines[later[1]].text)):
        held = squash(lines[later[0]].text)
        if len(held) >= 4 and held in squash(lines[top].text) and held != squash(lines[top].text):
            take(top, "网页标题")
    # two titles naming the genre, one over the other (传达与部署工作会议主持词 over 市政府第四次全体会议主持词.):
    # no title broken over two lines names it twice; the one over the other is the page's
    if (top is not None and later and titleish(lines[top]) and titleish(lines[later[0]])
            and GENRE_END.search(lines[top].text.rstrip("。.")) and GENRE_END.search(lines[later[0]].text.rstrip("。."))
            and squash(lines[top].text) != squash(lines[later[0]].text)
            and not _continues_title_block(lines[later[0]].text)):         # (a subtitle: ——在…上的讲话)
        take(top, "网页标题")
    # a collection's headline over the first of its variants (开学典礼演讲稿集合五篇 over 开学典礼演讲稿 篇1,
    # 開學演講稿範文大全8篇 over 開學演講稿範文大全篇1): the page's; the variant's head is the text's title
    for k in range(head_end):
        nxt = next((j for j in range(k + 1, head_end) if j not in taken), None)
        if (k not in taken and nxt is not None and COLLECTION.search(lines[k].text) and titleish(lines[k])
                and (m := VARIANT.match(lines[nxt].text)) and cn_to_int(m.group("n")) == 1):
            take(k, "网页标题")
    # the text's own title right above its salutation, shown before on the page among short lines that are
    # no text (资料阅览校园活动开学典礼 / 秋季开学典礼讲话稿 / 我们的节日 / 秋季开学典礼讲话稿 / 尊敬的…：): what
    # stands above it is the page's
    kept = [k for k in range(head_end) if k not in taken]
    salute = next((i for i, k in enumerate(kept) if _salutes(lines[k].text)), None)
    if salute is not None and salute >= 2 and titleish(lines[kept[salute - 1]]):
        key, over = squash(lines[kept[salute - 1]].text), kept[:salute - 1]
        if (len(key) >= OWN_TITLE and any(squash(lines[j].text) == key for j in over)
                and all(len(lines[j].text) <= PAGE_LABEL and not is_prose(lines[j].text) for j in over)):
            for j in over:
                take(j, "网页标题")
    # the page's headline repeated above the title block, after the first line (005: share row first)
    for k in range(head_end):
        if k in taken or not titleish(lines[k]) or not any(r.line < lines[k].no for r in removed):
            continue
        for j in range(k + 1, head_end):
            if j not in taken and squash(lines[j].text) == squash(lines[k].text) and len(squash(lines[k].text)) >= 4:
                take(k, "网页标题")
                i = k + 1
                while i < j and i not in taken and _continues_title_block(lines[i].text):
                    if any(squash(lines[p].text) == squash(lines[i].text) for p in range(j, head_end)):
                        take(i, "网页标题")
                    i += 1
                break
    # news matter anywhere: datelines and captions
    for k, line in enumerate(lines):
        if k in taken:
            continue
        text = line.text
        m = DATELINE.match(text)
        if m:
            if m.group(1) and not page.dateline:
                page.dateline = (int(m.group(1)), int(m.group(2)))
            rest = text[m.end():].strip()
            if not rest or SOURCE_TAIL.match(rest) or INTRO_END.search(rest):
                take(k, "电头")
            else:
                out.removed.append(Removed(line.no, m.group(0).strip(), "电头"))
                line.text = rest
            continue
        if (CREDIT.search(text) or PICTURED.search(text)) and len(text) <= 300:
            cut = _caption_start(text)
            if cut == 0:
                take(k, "图片说明")
            elif cut is not None:
                out.removed.append(Removed(line.no, text[cut:].strip(), "图片说明"))
                line.text = text[:cut].rstrip()
        elif ISSUED.match(text) and k >= head_end:
            take(k, "落款")
        elif (SPEAKING.match(text) and k + 1 < len(lines) and SALUTATION.match(lines[k + 1].text)
              and not SALUTATION.match(text)):
            take(k, "图片说明")      # a photo of the speaker at the lectern, right above the salutation
    # a caption above the credit line the page gave its picture ("新华社记者 鞠鹏摄" alone)
    credits = {r.line for r in removed
               if r.why == "图片说明" and CREDIT.search(r.text.strip()) and len(r.text.strip()) <= 40}
    for k, line in enumerate(lines):
        nxt = lines[k + 1].no if k + 1 < len(lines) else None
        after_credit = [n for n in credits if line.no < n and (nxt is None or n < nxt)]
        if (after_credit and k not in taken and len(line.text) <= 120 and len(re.findall(r"[。！？]", line.text)) <= 2
                and not read_mark(line.text) and not SALUTATION.match(line.text) and not titleish(line)
                and not DATE_LINE.match(line.text)):      # (the speech's date above a photo's credit)
            take(k, "图片说明")
    # a photo's caption of the speaker speaking names them (…中央军委主席江泽民发表重要讲话。)
    out.speaker = out.speaker or next(
        (m.group(1) for k, why in taken.items() if why == "图片说明" and (m := CAPTION_SPEAKER.match(lines[k].text))
         and m.group(1)[0] in SURNAMES), None)
    # a caption that lost its credit, in a text told in the first person: a dated report of an event
    # (2019年4月15日至17日，…习近平在重庆考察…) with no 我 in it, a sentence or two
    if sum("我" in line.text for line in lines) >= FIRST_PERSON:
        for k, line in enumerate(lines):
            if (k not in taken and EVENT.match(line.text) and "我" not in line.text and len(line.text) <= 200
                    and len(re.findall(r"[。！？]", line.text)) <= 2):
                take(k, "图片说明")
    # the page's headline ("习近平：在…上的讲话"), then news of the occasion, a caption or a video's link,
    # then the article's own title: what stands above the article's title is the page's
    first = next((k for k in range(len(lines)) if k not in taken), None)
    if first is not None and titleish(lines[first], styled=False) and (own := _own_title(lines, first, taken)):
        take(first, "网页标题")
        for k in range(first + 1, own):
            if k not in taken:
                take(k, "新闻导语")
    for k, why in taken.items():
        out.removed.append(Removed(lines[k].no, lines[k].raw.strip(), why))
    out.lines = [line for k, line in enumerate(lines) if k not in taken]
    return out


#: who a page's headline names before the title it quotes: "习近平：", "人民日报评论员："
NAMED = re.compile(r"^[\u4e00-\u9fff]{2,8}[:：]\s*")
#: a headline's note that the page gives the whole text: （全文）
WHOLE = re.compile(r"\s*[（(]全文[）)]\s*$")
#: the genre a subtitle or a headline ends with (讲话 in the one, 发言 in the other)
GENRE_END = re.compile(rf"{GENRES}$")
#: who a page's headline names before the title it repeats: "习近平", "习近平在"
WHO_BEFORE = re.compile(r"[\u4e00-\u9fff]{2,6}?在?")
#: the most lines of news between a page's headline and the article's own title (a lead, captions)
LEAD_LINES = 6


def _own_title(lines: list[Line], first: int, taken: dict[int, str]) -> int | None:
    """The line, a few under a page's headline (line ``first``), that sets the article's own title: the
    headline's words, less the name before a colon — with news of the occasion between them where the
    headline is the same words (a file's first line and its repeat, with only page matter between,
    are its title and the page's copy: the seeds' convention) — before the speech begins (a salutation
    or a heading)."""
    headline = squash(WHOLE.sub("", lines[first].text))
    bare = squash(NAMED.sub("", WHOLE.sub("", lines[first].text)))
    between = 0

    def named_before(text: str) -> bool:
        """The headline is this title with who gave it before (习近平在…上的讲话 over 在…上的讲话, 习近平在会见…
        over 会见…)."""
        return len(text) >= 8 and headline.endswith(text) and bool(WHO_BEFORE.fullmatch(headline[:-len(text)]))

    for k in range(first + 1, len(lines)):
        if k in taken:
            continue
        text = lines[k].text
        if SALUTATION.match(text) or read_mark(text) or between > LEAD_LINES:
            return None
        if titleish(lines[k]) and (
                (squash(text) in (bare, headline) and len(bare) >= 6 and (between or bare != headline))
                or named_before(squash(text))):
            return k
        if titleish(lines[k]) and _sub_in_headline(lines, k, taken, headline):
            return k                    # its own title, then a subtitle naming the headline's occasion
        if titleish(lines[k]) and _opens_headline(lines, k, taken, bare):
            return k                    # its own title over a line or two, the headline's subtitle after it
        if (titleish(lines[k]) and text[-1] not in "。！？") or _continues_title_block(text):
            return None                 # a title block the page shows twice (see below), no news between
        between += 1
    return None


def _sub_in_headline(lines: list[Line], k: int, taken: dict[int, str], headline: str) -> bool:
    """Whether the line after line ``k``, or its own end after a dash, is a subtitle (——在…上的主旨讲话)
    that the headline holds (习近平在…上的主旨讲话（全文）): the headline names from outside the speech
    titled at ``k``."""
    text = lines[k].text
    if "——" in text:                   # the title and its subtitle on one line
        sub = squash(text.split("——", 1)[1])
    else:
        j = next((j for j in range(k + 1, len(lines)) if j not in taken), None)
        if j is None or not lines[j].text.startswith(("—", "―", "－")):
            return False
        sub = squash(lines[j].text.lstrip("—―－- "))
    sub = GENRE_END.sub("", sub)
    return len(sub) >= 6 and sub in headline


def _opens_headline(lines: list[Line], k: int, taken: dict[int, str], bare: str) -> bool:
    """Whether line ``k``, alone or with the title-like line after it, and the subtitle after them spell
    the headline (习近平：决胜全面建成小康社会 夺取…伟大胜利——在…上的报告 over 决胜全面建成小康社会 /
    夺取…伟大胜利 / ——在…上的报告)."""
    after = [j for j in range(k + 1, min(len(lines), k + 6)) if j not in taken][:2]
    joined = squash(lines[k].text)
    for j in after:
        if lines[j].text.startswith(("—", "―", "－")):
            return len(joined) >= 6 and joined + squash(lines[j].text) == bare
        if not titleish(lines[j]):
            return False
        joined += squash(lines[j].text)
    return False


#: a dated report of an event: "2019年4月15日至17日，…在重庆考察", "10月1日上午，…大会在…隆重举行"
EVENT = re.compile(r"^(?:\d{4}年)?\d{1,2}月\d{1,2}日(?:至\d{1,2}日)?(?:上午|下午|晚上|晚)?，[^。]{0,80}?"
                   r"(?:出席|考察|看望|慰问|调研|主持|会见|参观|视察|来到|举行)")
#: lines in the first person that make a text a speaker's own (its captions report in the third)
FIRST_PERSON = 3


#: a page's column tag: a short label wholly in 【】
COLUMN_TAG = re.compile(r"^【[^【】]{2,30}】$")


def _names_next_title(text: str, following: list[Line]) -> bool:
    """Whether a note quotes in 《》 the title that the next lines set (本月推荐…《在…上的讲话》 above the
    speech's title, in one line or in two or three): a note introducing the text, not the text."""
    quoted = {squash(q) for q in re.findall(r"《([^《》]{4,60})》", text)}
    joined = ""
    for line in following:                  # a title set in one line, or in two or three
        joined += squash(line.text)
        if joined in quoted:
            return True
    return False


#: the sentence a picture's caption opens with: "这是…", "图为…"
CAPTION_START = re.compile(r"(?:^|(?<=[。！？]))\s*(?:这是|图为|上图|下图|图片为)")
DATED = re.compile(r"^(?:\d{4}年)?\d{1,2}月\d{1,2}日")
#: a line whose last sentence says what a picture shows, with no credit: "…在大连举行。图为…崔忠付。"
PICTURED = re.compile(r"(?:^|[。！？])\s*(?:图为|上图|下图|图片为)[^。！？]*[。！？]?$")


def _caption_start(text: str) -> int | None:
    """Where the caption of a line closed by a photo credit starts: 0 for a whole line (a caption opening
    with its date, or one or two sentences with nothing to say otherwise), the start of its 这是/图为 sentence
    when the page ran the caption into a paragraph, None when the caption cannot be told apart."""
    body = CREDIT.split(text)[0] if CREDIT.search(text) else text
    starts = [m.start() for m in CAPTION_START.finditer(text)]
    if DATED.match(text.lstrip()) or (not starts and len(re.findall(r"[。！？]", body)) <= 2):
        return 0
    return starts[-1] if starts else None


def _repeats(lines: list[Line], start: int, end: int, taken: dict[int, str], key: str) -> bool:
    """Whether the lines from ``start`` spell out ``key`` (a headline) over one or more lines, or the
    headline is those lines cut short (a page's title field holds so many characters)."""
    acc = ""
    for k in range(start, end):
        if k in taken:
            continue
        acc += squash(lines[k].text)
        if acc == key or (len(key) >= CUT_HEADLINE and acc.startswith(key)):
            return True
        if not key.startswith(acc):
            return False
    return False


def headline_speaker(headline: str) -> tuple[str | None, str | None]:
    """Speaker and occasion a page headline names: "马校长《在…上的讲话》", "习近平：在…上的讲话",
    "温家宝赴外交学院…发表讲话" (a speaker only)."""
    text = headline.replace("《", "").replace("》", "").lstrip("#").strip()
    m = re.match(r"^([\u4e00-\u9fff]{2,12}?)(?:在(.{2,30}?))?发表", text)
    if m:
        return m.group(1), m.group(2)
    m = re.match(r"^([\u4e00-\u9fff]{2,4}?)(?:赴|到|来到|出席|参加|主持|视察|考察)[^。]{2,40}?"
                 r"(?:发表|作)[^。，]{0,8}讲话", text)
    if m:                           # 温家宝赴外交学院…并向师生们发表讲话
        return m.group(1), None
    m = re.match(r"^([\u4e00-\u9fff]{2,6})[:：](.+)$", text)
    if m and (occasion := OCCASION.match(m.group(2))):
        return m.group(1), occasion.group(2)
    m = OCCASION.match(text)
    if m and m.group(1):
        return m.group(1), m.group(2)
    return None, (m.group(2) if m else None)
