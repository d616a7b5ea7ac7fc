"""Pages holding several texts, and the genre of what a page holds.

A page may hold several speakers' texts: three leaders' 述职 reports, two leaders' speech summaries.
Their starts are found by lines that head a text, when at least two of one kind occur:

- a numbered name line with the speaker's post: "1.孙洪亮（党委副书记、纪委书记）";
- a title line the page repeats, each time followed by a name line: "2020年度述职述廉报告" / "孙洪亮"
  (and before the first of them, a title ending as they do followed by a name line: the first report's
  own title, "2021年度班子及个人述职述廉述德述法报告" / "王琛");
- a line naming whose speech follows: "马卫光同志的讲话摘要", "市长在…上的讲话要点";
- the numbered variants of a 范文 page ("一：" / "二：", "…发言稿（一）", "…述职报告篇1"), when one after the
  first opens with a salutation.

The genre (``Meta.kind``) is read from the same kind of evidence: the title's words, the salutation,
a forwarding note, a news dateline, parts.
"""

from __future__ import annotations

import os
import re
from collections import Counter
from dataclasses import dataclass

from drafter.model import Speech
from drafter.structure.clean import Line, is_prose
from drafter.structure.header import OCCASION, SALUTATION, SPEECH_END
from drafter.structure.normalize import squash
from drafter.zh import cn_to_int

NAME = r"[\u4e00-\u9fff](?:\s*[\u4e00-\u9fff]){1,3}"
POST = (r"(?:书记|校长|主任|委员|部长|局长|厅长|市长|县长|区长|省长|主席|院长|处长|科长|经理|董事长|组长|馆长|所长"
        r"|秘书长)")
#: "1.孙洪亮（党委副书记、纪委书记）", "二、蒋  明（党委委员、副校长）"
NUMBERED_NAME = re.compile(rf"^(?:\d{{1,2}}|[一二三四五六七八九十])[.．、]\s*"
                           rf"({NAME}\s*[（(][^（）()]{{0,30}}{POST}[^（）()]{{0,20}}[）)])$")
NAME_LINE = re.compile(rf"^{NAME}$")
#: "马卫光同志的讲话摘要", "王市长在全市教育大会上的讲话要点"
WHOSE = re.compile(rf"^({NAME}?)(?:同志|{POST})?(?:在[^。，]{{2,40}}上)?的(?:讲话|发言|致辞|述职报告|报告)(?:摘要|要点"
                   rf"|摘编|提纲|全文)?$")


#: the variants of a 范文 page, each headed by its number alone (一： / 篇二 / 范文3) or after the title they
#: share (…发言稿（一）, …述职报告篇1, …演讲稿范文2)
VARIANT = re.compile(r"^(?P<stem>[^。！？]{0,40}?)\s*(?:篇|范文|第)?\s*[（(]?(?P<n>[一二三四五六七八九十]{1,3}|\d{1,2})"
                     r"[）)]?\s*(?:篇)?\s*[:：]?$")
#: where a variant opens: a salutation in its first lines
OPENS = 4


@dataclass
class PartHead:
    start: int                 # index of the part's first line in the cleaned lines
    skip: int                  # how many lines at its start head it (taken as its title and speaker)
    title: str | None
    speaker: str | None


def find_parts(lines: list[Line]) -> list[PartHead] | None:
    """The starts of the texts a page holds, when it holds two or more, each with prose of its own (a
    table of names and duties is no set of texts); else None."""
    parts = _part_heads(lines)
    if parts is None or any(is_prose(line.text) for line in lines[:parts[0].start]):
        return None     # paragraphs above the first head: the heads close excerpts (（…上的讲话）), not open texts
    ends = [p.start for p in parts[1:]] + [len(lines)]
    if all(any(is_prose(line.text) for line in lines[p.start:end]) for p, end in zip(parts, ends, strict=True)):
        return parts
    return None


def _part_heads(lines: list[Line]) -> list[PartHead] | None:
    numbered = [PartHead(k, 1, None, m.group(1)) for k, line in enumerate(lines)
                if (m := NUMBERED_NAME.match(line.text))]
    if len(numbered) >= 2:
        return numbered
    counts: dict[str, int] = {}
    for line in lines:
        if len(line.text) <= 40:
            key = squash(line.text)
            counts[key] = counts.get(key, 0) + 1
    repeated = [PartHead(k, 2, line.text, re.sub(r"\s+", "", lines[k + 1].text)) for k, line in enumerate(lines[:-1])
                if NAME_LINE.match(lines[k + 1].text) and not NAME_LINE.match(line.text)
                and counts.get(squash(line.text), 0) >= 2]
    if len(repeated) >= 2:
        ending = repeated[0].title or ""
        before = [PartHead(k, 2, line.text, re.sub(r"\s+", "", lines[k + 1].text))
                  for k, line in enumerate(lines[:max(repeated[0].start - 1, 0)]) if len(line.text) <= 40
                  and NAME_LINE.match(lines[k + 1].text) and not NAME_LINE.match(line.text)
                  and len(os.path.commonprefix([line.text[::-1], ending[::-1]])) >= 4]
        return before[-1:] + repeated
    whose = [PartHead(k, 1, line.text, (m.group(1) or None)) for k, line in enumerate(lines)
             if len(line.text) <= 40 and (m := WHOSE.match(line.text)) and m.group(1)]
    if len(whose) >= 2:
        return whose
    return _variants(lines)


def _variants(lines: list[Line]) -> list[PartHead] | None:
    """The variants of a 范文 page: heads numbered 1, 2 … in order, with the stem they share, the text
    after a head other than the first opening with a salutation (whole texts, not a text's sections)."""
    heads: list[tuple[int, str]] = []
    for k, line in enumerate(lines):
        m = VARIANT.match(line.text) if len(line.text) <= 50 else None
        if m is None or not (m.group("stem") or re.search(r"[:：篇范]|^第", line.text)):
            continue                       # a numeral alone is a section's head (一 / 二), not a variant's
        if cn_to_int(m.group("n")) == len(heads) + 1 and (not heads or m.group("stem") == heads[0][1]):
            heads.append((k, m.group("stem")))
    opens = [any(SALUTATION.match(line.text) for line in lines[k + 1:k + 1 + OPENS]) for k, _ in heads[1:]]
    if len(heads) < 2 or not any(opens):
        return None
    return [PartHead(k, 1, stem.strip() or None, None) for k, stem in heads]


#: a paragraph reporting what someone said: 温家宝说，… / 温家宝最后说 / 李强强调
REPORTED = re.compile(r"^([\u4e00-\u9fff]{2,4}?)(?:同志)?(?:还|最后|进一步|又|也|随后)?"
                      r"(?:说|指出|强调|表示|要求|寄语|指示|批示)")
#: the first paragraphs, where news names its subject (after a headline set over several lines)
LEAD = 6
#: someone named by post in the third person, doing something: 国家主席习近平在…, 总理李克强对…
THIRD = re.compile(r"(?:总书记|主席|总理|委员长|书记|部长|省长|市长|县长|区长)[\u4e00-\u9fff]{2,3}"
                   r"(?:近日|日前|今天|\d{1,2}日)?(?:在|对|就|参加|出席|看望|慰问|考察|会见|接见|主持)")
#: a paragraph going on with what the one named before said: 他强调, 他指出
HE = re.compile(r"^他(?:还|最后|进一步|又|也|随后)?(?:说|指出|强调|表示|要求)")
#: a headline of news about what someone said or did: 在…考察时强调, 对…作出重要指示, 致信…强调, 看望慰问
NEWS_HEAD = re.compile(r"(?:时|上|中)(?:强调|指出)|作出重要(?:指示|批示)|致(?:贺)?信[^。，]{0,40}(?:强调|指出)"
                       r"|看望慰问|(?:出席|主持|会见|接见)[^，。]{2,40}并(?:发表|作)|参加[^，。]{0,30}审议")

#: news opening on the day an occasion was held: 11月9日，学校在…召开…推进会; 9月5日下午2点半，…隆重举行
#: a day of a month (a day opening a span of days, 10月24日至27日, is no one meeting's)
DAY = r"(?<![\d年])(\d{1,2})月(\d{1,2})日(?!\s*[至到—\-－~～])"
EVENT_LEAD = re.compile(DAY + r"(?:上午|下午|晚上?)?[^。！？；]{0,80}?(?:召开|举行|举办)")
#: the day opens the lead, or nearly (after a line of scene: 朗朗金秋，丹桂飘香。…): not a day a speech recalls
LEAD_DAY = 60
#: who attended it, as news tells (…出席会议并讲话, 院长肖岩…莅临大会, 陈金龙教授作题为…的辅导报告)
ATTENDED = re.compile(r"(?:出席|莅临)(?:了)?(?:会议|大会|典礼|仪式|活动)?|作题为")
#: a paragraph, or a sentence, telling what the meeting did: 会议还集中学习了…, 会上，…, 会议要求…
MEETING_DID = re.compile(r"(?:^|[。！？])(?:会议|会上|大会|此次[^，。]{0,8}会)")
#: news opening on the day someone named by post or title did something there (7月3日，区委书记高玉柱到…石井村;
#: 2016年11月9日周三下午，校党委书记彭道海同志在…讲党课; …于2023年5月23日在…开课，由李秀明老师主讲): the day,
#: its year before it or not, then the name, told of again below
LEAD_DATE = re.compile(r"(?:(?:19|20)\d{2}年)?\d{1,2}月\d{1,2}日(?!\s*[至到—\-－~～])")
NAMED = re.compile(rf"{POST}([\u4e00-\u9fff]{{2,3}}?)(?:同志)?(?:一行)?(?=[在到来为赴深带走前向与主讲作做，,])"
                   r"|([\u4e00-\u9fff]{2,3}?)(?:老师|教授)")


def _reported(speech: Speech, words: str) -> bool:
    """Whether the text reports a speech: paragraphs (or heads a parser took them for) open with one
    name and 说, 指出, 强调 … — three of them, or under a news headline (习近平在…考察时强调 …) one of them
    or a first paragraph naming its subject by post (…国家主席习近平在北京看望慰问…); or a lead tells of a
    meeting held on a day and the text of what was said or done there."""
    texts = [p.text for p in speech.paragraphs()] + [s.title for s in speech.headings()]
    names = Counter(m.group(1) for t in texts if (m := REPORTED.match(t)))
    he = sum(bool(HE.match(t)) for t in texts)          # 他强调: the one named before
    most = names.most_common(1)[0][1] + he if names else 0
    first = " ".join(texts[:LEAD])
    if most >= 3 or (bool(NEWS_HEAD.search(words) or NEWS_HEAD.search(first))
                     and (most >= 1 or bool(THIRD.search(first)))):
        return True
    # a lead telling of an occasion by its day (9月5日下午，…开学典礼在…隆重举行), then what was said or done
    # there, told of the speakers or the meeting (徐启方强调，…; 会议还…; 院长…莅临大会)
    lead = " ".join(texts[:2])
    did = any(MEETING_DID.search(t) for t in texts)
    if most >= 2 and did:
        return True                  # 徐启方强调，… / 徐启方要求，… / 会议还集中学习了…
    told = any((m := EVENT_LEAD.search(t)) and m.start() <= LEAD_DAY for t in texts[:2])
    if told and (most >= 1 or bool(ATTENDED.search(lead)) or did):
        return True
    # or of what someone named by post or title did on a day, whom the paragraphs after it tell of
    # (高玉柱以…为主题，…; 首先，李秀明老师…; …陈宏伟指出，…)
    for k, t in enumerate(texts[:2]):
        day = LEAD_DATE.search(t)
        if not day or day.start() > LEAD_DAY:
            continue
        for m in NAMED.finditer(t, day.end()):
            name = m.group(1) or m.group(2)
            again = re.compile(rf"^[^，。]{{0,4}}[，,]?{name}|{name}[^，。]{{0,4}}(?:说|指出|强调|表示|要求)")
            if any(again.search(later) for later in texts[k + 1:]):
                return True
    return False


#: the last words of a document's title that is no speech: a notice, a circular, a request, a reply, a
#: decision, opinions (not 几点意见: a speech's points), a plan, minutes, an announcement, a letter of office
DOCUMENT = re.compile(r"(?:通知|通报|请示|批复|决定|(?<!几点)意见|方案|(?<!讲)(?<!话)纪要|公告|通告|复函|的函)$")


#: a speaker reporting on their own performance of duty (回顾一年来的履职情况…向大家作以汇报): a 述职
OWN_DUTY = re.compile(r"履职[^。！？]{0,24}(?:汇报|报告)")
#: a notice's formulas, where no title says what the text is: 现将有关事项通知如下, 特此通知
NOTICE_FORMULA = re.compile(r"现将[^。！？]{0,20}(?:通知|通告|公告)如下|^特此(?:通知|通告|公告|函告)[。！]?$")


#: genres (``meta.kind``) other code tells apart: a page of several texts, a notice forwarding a speech, a
#: news report, a document that is no speech (a notice, a plan, minutes)
COMPILATION, FORWARDING, NEWS, OFFICIAL = "汇编", "转发通知", "新闻报道", "公文"


def genre(speech: Speech) -> str:
    """What the text is: 政府工作报告, 工作报告, 述职报告, 汇编 (several texts), 转发通知 (a notice
    forwarding a speech), 公文 (a notice, a plan, minutes: a document, not a speech, by its title's last
    word), 新闻报道, 署名文章, 致辞, or 讲话."""
    words = " ".join(filter(None, [speech.meta.text("title"), speech.meta.text("subtitle")]
                            + [p.title for p in speech.parts]
                            + [r.text for r in speech.removed if r.why == "网页标题"]))
    reasons = {r.why for r in speech.removed}
    salutation = speech.salutation or ""
    opening = " ".join(p.text for p in speech.front[:4])
    if "述职" in words or (OWN_DUTY.search(opening) and "我" in opening):
        return "述职报告"
    if speech.parts:
        return COMPILATION
    if "政府工作报告" in words or ("代表" in salutation
                                   and re.search(r"我代表(?:国务院|[\u4e00-\u9fff]{0,8}人民政府)"
                                                 r"|向[\u4e00-\u9fff]{0,24}?(?:大会|会议)[\u4e00-\u9fff]{0,4}(?:作|报告)"
                                                 r"[\u4e00-\u9fff]{0,6}政府工作",
                                                 opening)):
        return "政府工作报告"
    if "转发按语" in reasons:
        return FORWARDING
    if DOCUMENT.search(speech.meta.text("title") or "") or (
            not salutation and any(NOTICE_FORMULA.search(p.text) for p in speech.paragraphs())):
        return OFFICIAL
    if re.search(r"工作报告$", speech.meta.text("title") or ""):
        return "工作报告"               # …工作报告 to 同志们 at a meeting, as much as to 各位代表
    if "代表" in salutation and (re.search(r"工作报告|报告$", words)
                                 or re.search(r"向[\u4e00-\u9fff]{0,20}(?:大会|人民代表大会[\u4e00-\u9fff]{0,8})"
                                              r"(?:作|报告|提出)|受国务院的委托", opening)):
        return "工作报告"
    if (("电头" in reasons
         or re.search(r"(?:发表|作)[^，。]{0,8}讲话(?:强调|指出)|(?:出席|主持)[^，。]{2,30}并(?:发表|作)", words))
            and not salutation):
        return NEWS
    if not salutation and _reported(speech, words):
        return NEWS
    named = [t for t in (speech.meta.text("title"), speech.meta.text("subtitle")) if t]
    if speech.meta.author and not salutation and not any(SPEECH_END.search(t) or OCCASION.search(t) for t in named):
        return "署名文章"             # (a byline over "——在…上的讲话" is the speaker's: a speech)
    if re.search(r"致[辞词]|[贺祝][词辞信]|(?:欢迎|答谢|开幕|闭幕|祝酒)[词辞]", words):
        return "致辞"
    return "讲话"
