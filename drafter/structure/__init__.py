"""The structure parser: cleaned source lines → a Speech.

Depth comes from nesting, not from the mark: the first numbering style seen is depth 1, a new style
met under it is depth 2, and a style seen before closes back to its own depth (so "1." directly under
"二、" is depth 2). A hidden-text gap breaks the chain: what follows gets fresh, untitled parents and
never continues the section before the gap.
"""

from __future__ import annotations

import os
import re
from itertools import pairwise
from dataclasses import replace
from pathlib import Path
from typing import cast

from drafter.ingest import SourceLine, read_lines
from drafter.structure.clean import clean
from drafter.model import Gap, Meta, Paragraph, Part, Removed, Section, Speech
from drafter.structure.header import (ADDRESS, COLUMN_WORDS, DATE_LINE, GENRES, NAME, PERSON_START, ROLE, SALUTATION,
                                      SALUTATION_RUN, SPEAKER_LINE, Header, read_header, title_off_salutation)
from drafter.structure.lead import COUNTED, lead_heads, lead_split, talk
from drafter.structure.marks import Mark, read_mark
from drafter.structure.normalize import squash
from drafter.structure.clean import JOINED_OVER, Cleaned, Line, PageMeta, is_prose
from drafter.structure.page import PageHead, headline_speaker, read_page
from drafter.structure.parts import DAY, EVENT_LEAD, LEAD_DAY, NEWS, OFFICIAL, PartHead, find_parts, genre
from drafter.structure.paragraphs import Para, join_lines, standalone_heading as standalone
from drafter.structure.traditional import fold
from drafter.structure.runon import split_run_on
from drafter.structure.roles import (HAILED, HALL, PULL_QUOTE, SOURCE_NOTE, enumeration, is_closing, role_of,
                                    transition_sentence)
from drafter.zh import CN_1_99, DEFAULT_LADDER, SENTENCE_END, cn_to_int, label



def read_speech(path: str | os.PathLike[str], as_written: bool = True) -> Speech:
    """Read a .txt/.md/.docx/.html (.doc/.wps through LibreOffice) file and parse it into a Speech; a file
    name such as 2013-06-18_标题.txt or 2019.txt gives the date when the text has none. ``as_written``:
    see ``parse_lines``."""
    speech = parse_lines(read_lines(path), as_written)
    speech.source = str(path)
    if not speech.meta.date:
        named = date_from_name(Path(path).stem)
        if named:
            speech.meta.date = [named]
    return speech


def split_heading(text: str) -> tuple[str, str]:
    """Heading and run-in body of a numbered line: the heading ends at the first 。！？."""
    m = SENTENCE_END.search(text)
    if not m:
        return text.rstrip("；;，"), ""
    return text[:m.start()], text[m.end():].strip()


class _Builder:
    """Builds the section tree from paragraphs in reading order."""

    def __init__(self, speech: Speech):
        self.speech = speech
        self.ladder: list[str] = []        # numbering styles by depth, as nested so far
        self.open: list[Section] = []      # open sections, open[k].depth == k + 1
        self.numbers: dict[int, int] = {}  # id(section) → number as written in the source
        self.nested: dict[str, list[tuple[int, int]]] = {}  # style → (depth, last number) of lists restarted inside
        self.after_gap = False

    def container(self) -> list[Section]:
        return self.open[-1].children if self.open else self.speech.sections

    def _fresh_parents(self, depth: int) -> None:
        """Untitled sections standing for headings the source hid, down to ``depth`` - 1."""
        while len(self.open) < depth - 1:
            hidden = Section(heading=None, depth=len(self.open) + 1, style=self._style_at(len(self.open)),
                             after_gap=True)
            self.container().append(hidden)
            self.open.append(hidden)

    def _style_at(self, index: int) -> str:
        return self.ladder[index] if index < len(self.ladder) else "none"

    def _restarted(self, style: str, number: int | None) -> int | None:
        """The depth of a heading in a list that restarts a numbering already under way (一、 二、 inside
        section 三、): one below the open sections. A number goes to the innermost list it runs on from
        (四、 after 三、 continues the inner list; after 五、, the outer one); a list restarting again inside
        goes one deeper still."""
        if number is None or style not in self.ladder or self.after_gap:
            return None
        stack = self.nested.setdefault(style, [])
        for k in range(len(stack) - 1, -1, -1):
            if number == stack[k][1] + 1:
                del stack[k + 1:]
                stack[k] = (stack[k][0], number)
                return stack[k][0]
        if number == 1:
            if stack:
                reached = stack[-1][1]
            else:
                outer = self.ladder.index(style) + 1
                container = self.open[outer - 2].children if outer > 1 else self.speech.sections
                siblings = [s for s in container if s.style == style] if len(self.open) >= outer - 1 else []
                reached = self.numbers.get(id(siblings[-1])) or 0 if siblings else 0
            if reached >= 2:
                stack.append((len(self.open) + 1, 1))
                return len(self.open) + 1
        stack.clear()
        return None

    def heading(self, para: Para, style: str, number: int | None, token: str, text: str, depth: int | None = None):
        if depth is None:
            depth = self._restarted(style, number)
        if depth is None:
            if style in self.ladder:
                depth = self.ladder.index(style) + 1
                del self.ladder[depth:]
            else:
                self.ladder.append(style)
                depth = len(self.ladder)
        if self.after_gap:
            self.open = []
        del self.open[depth - 1:]
        self._fresh_parents(depth)
        head, body = (lead_split(text) if style == "lead" else None) or split_heading(text)
        section = Section(heading=[head], depth=depth, style=style, run_in=bool(body), line=para.line,
                          after_gap=self.after_gap)
        if body:
            section.body.append(Paragraph([body], "body", para.line, tuple(para.lines)))
        if number is not None:
            self._check_number(section, number, token, para.line)
        self.container().append(section)
        self.open.append(section)
        self.after_gap = False
        for stack in self.nested.values():   # a heading above a restarted list closes it
            stack[:] = [(d, n) for d, n in stack if d <= depth]

    def _check_number(self, section: Section, number: int, token: str, line: int) -> None:
        self.numbers[id(section)] = number
        siblings = [s for s in self.container() if s.style == section.style]
        if section.after_gap or (siblings and siblings[-1].heading is None):
            return  # numbers the source hid are unknown
        previous = self.numbers.get(id(siblings[-1])) if siblings else 0
        if previous is not None and number != previous + 1:
            if previous:
                msg = f"编号“{label(section.style, number)}”接在“{label(section.style, previous)}”之后"
            else:
                msg = f"编号“{label(section.style, number)}”开头不是第一个"
            self.speech.warnings.append(f"第{line}行：{msg}")

    def paragraph(self, para: Para, role: str | None) -> None:
        if role == "pull_quote" and (self.open or self.speech.sections):
            role = None  # a bulleted line inside the body is body text; pull quotes lead an article
        p = Paragraph([para.text], role or "body", para.line, tuple(para.lines))
        if role in ("author_note", "appendix"):
            self.speech.back.append(p)
        elif not self.open and not self.speech.sections:
            if p.role == "body":
                p.role = "opening"
            self.speech.front.append(p)
        else:
            if self.after_gap:
                depth = self.open[-1].depth if self.open else 1
                self.open = []
                self._fresh_parents(depth + 1)
                self.after_gap = False
            self.open[-1].body.append(p)

    def gap(self, para: Para) -> None:
        if not self.open:
            self._fresh_parents(2)
        self.open[-1].body.append(Gap(para.line, para.gap, para.raw))
        self.after_gap = True


def parse_lines(source: list[SourceLine], as_written: bool = True) -> Speech:
    """Parse numbered source lines (from any reader) into a Speech; a page holding several texts gives a
    Speech whose ``parts`` are those texts, each parsed on its own. Traditional characters are read
    through a simplified copy (``drafter.structure.traditional``); the Speech has the characters the
    source wrote, or with ``as_written=False`` the simplified ones (for mining)."""
    folded = fold(source)
    speech = _parse_lines(folded.lines if folded else source)
    if folded and as_written:
        folded.restore(speech)
    return speech


def _parse_lines(source: list[SourceLine]) -> Speech:
    source = split_run_on(source)
    cleaned = clean(source)
    page = read_page(cleaned.lines, cleaned.removed, cleaned.page)
    found = find_parts(page.lines)
    if found is None:
        speech = _parse_text(page.lines, cleaned.removed + page.removed, cleaned, page)
    else:
        speech = _parse_parts(found, page.lines, cleaned.removed + page.removed, cleaned, page)
    speech.meta.kind = genre(speech)
    if speech.meta.kind not in (NEWS, OFFICIAL):
        for text in speech.documents():
            _mark_call(text)
    speech.warnings[:0] = [f"第{line.no}行：{note}" for line in source for note in line.notes]
    if speech.meta.kind == NEWS:
        _news_facts(speech, cleaned.page.date)
    return speech


def _news_facts(speech: Speech, published: str | None) -> None:
    """A news report names its speaker in its headline (习近平在…发表重要讲话) and dates the event in its
    first sentence (1月12日上午) — or, where that opens on a span of days, in the lead that tells of the
    meeting held (…11月10日下午，我校举行…) — in the year it was posted (the year before, if that day is later)."""
    title = speech.meta.text("title") or ""
    first = next(iter(speech.paragraphs()), None)
    if not speech.meta.speaker:
        named, _ = headline_speaker(title)
        if named:
            speech.meta.speaker = [named]
    author = speech.meta.text("author")
    if not speech.meta.speaker and author and first and re.search(rf"(?<!记者){re.escape(author)}", first.text):
        # the name a headline puts before its colon (易纲：全年CPI…) is whom the report quotes, as its lead tells
        # (…中国人民银行行长易纲在主题演讲中…), not its reporter
        speech.meta.speaker, speech.meta.author = [author], None
    if speech.meta.date or not first or not published:
        return
    m = re.search(DAY, first.text.split("。")[0])
    if not m:                  # a span of days first (10月24日至27日，…全会召开): the meeting's day told after it
        m = next((d for p in list(speech.paragraphs())[:2] if (d := EVENT_LEAD.search(p.text))
                  and d.start() <= LEAD_DAY), None)
    y = re.match(r"(\d{4})\D+(\d{1,2})\D+(\d{1,2})", published)
    if m and y:
        year, month, day = int(y.group(1)), int(m.group(1)), int(m.group(2))
        if (month, day) > (int(y.group(2)), int(y.group(3))):
            year -= 1
        speech.meta.date = [f"{year}年{month}月{day}日"]


def _parse_parts(found: list[PartHead], lines: list[Line], removed: list[Removed], cleaned: Cleaned,
                 page: PageHead) -> Speech:
    """A page of several texts: each part parsed on its own; the page's Speech holds their sections in
    order, the page's metadata, and what comes before the first part (the page's title) as removed."""
    first = found[0].start
    removed = list(removed) + [Removed(line.no, line.raw.strip(), "网页标题") for line in lines[:first]]
    parts: list[Part] = []
    ends = [ph.start for ph in found[1:]] + [len(lines)]
    for ph, end in zip(found, ends, strict=True):
        body = lines[ph.start + ph.skip:end]
        sub = _parse_text(body, [], Cleaned(lines=body), PageHead(lines=body))
        sub.meta.published = [cleaned.page.date] if cleaned.page.date else None
        title = ph.title or sub.meta.text("title")
        speaker = ph.speaker or sub.meta.text("speaker") or sub.meta.text("author")
        if speaker and not sub.meta.speaker:
            sub.meta.speaker = [speaker]
        parts.append(Part(title, speaker, lines[ph.start].no, lines[end - 1].no, sub))
    whole = Speech(removed=removed + [r for p in parts for r in p.speech.removed])
    whole.removed.sort(key=lambda r: r.line)
    whole.meta = Meta(published=[cleaned.page.date] if cleaned.page.date else None,
                      source=[cleaned.page.source] if cleaned.page.source else None)
    dates = [cast(str, p.speech.meta.text("date")) for p in parts if p.speech.meta.date]
    if dates:
        whole.meta.date = [dates[-1]]
    elif (occasion := _date_of(Header(), cleaned.page)):
        whole.meta.date = [occasion]
    # the page's flow, nothing left out: one top-level section per part, headed by the line that heads
    # it, holding the part's opening, its sections one level down (numbered afresh in each part) and
    # its closing
    for ph, end, part in zip(found, ends, parts, strict=True):
        head_lines = lines[ph.start:ph.start + ph.skip]
        # and the lines the part's own title block took (a variant's title, its speaker's post)
        placed = [p.line for p in part.speech.paragraphs()] + [s.line for s in part.speech.headings()]
        text_from = min((no for no in placed if no is not None), default=None)
        gone = {r.line for r in part.speech.removed}
        head_lines += [line for line in lines[ph.start + ph.skip:end]
                       if text_from is not None and line.no < text_from and line.no not in gone]
        section = Section(heading=[head_lines[0].text], depth=1, style="none", line=head_lines[0].no)
        section.body = [Paragraph([line.text], "body", line.no, (line.no,)) for line in head_lines[1:]]
        section.body += [replace(p, role="body") for p in part.speech.front]
        section.children = [_deeper(s) for s in part.speech.sections]
        last = section
        while last.children:
            last = last.children[-1]
        last.body.extend(replace(p, role="body") for p in part.speech.back)
        whole.sections.append(section)
    whole.warnings = [w for p in parts for w in p.speech.warnings]
    whole.parts = parts
    return whole


def _deeper(section: Section) -> Section:
    """A copy of a section one level deeper, with its children (a part's sections inside the page)."""
    return replace(section, depth=section.depth + 1, body=list(section.body),
                   children=[_deeper(c) for c in section.children])


def _parse_text(lines: list[Line], removed: list[Removed], cleaned: Cleaned, page: PageHead) -> Speech:
    """Parse the cleaned lines of one text into a Speech."""
    lines = title_off_salutation(lines)
    head = read_header(lines)
    speech = Speech(removed=removed + head.removed)
    speaker, occasion = head.speaker or page.speaker, head.occasion
    if page.headline and not head.title:
        named, said_at = headline_speaker(page.headline)
        speaker, occasion = speaker or named, occasion or said_at
    if not speaker and head.title and not (head.author or cleaned.page.author):   # (a signed text has an author)
        speaker = _named_above(head.title, speech.removed)
    title = head.title or _titled_below(speech.removed)
    published = cleaned.page.date
    speech.meta = Meta(
        title=[title] if title else None,
        subtitle=[head.subtitle] if head.subtitle else None,
        speaker=[s] if (s := speaker or _named_author(cleaned.page.author, head.author)) else None,
        occasion=[occasion] if occasion else None,
        # (a name before the title's colon that the page says gave the text is its speaker's, no author's)
        author=[a] if (a := (None if _same_person(head.author, speaker) else head.author)
                       or cleaned.page.author) else None,
        date=[d] if (d := head.date or _date_of(head, cleaned.page) or _noted_date(lines[head.used:])
                     or _article_date(head, lines, published)) else None,
        source=[cleaned.page.source] if cleaned.page.source else None,
        published=[published] if published else None,
    )
    dropped = {r.line for r in speech.removed if r.why not in JOINED_OVER}
    numbers = frozenset(r.line for r in speech.removed if r.why in JOINED_OVER)
    paras = _split_salutation(_speaker_label(join_lines(lines[head.used:], dropped, numbers), speech))
    if not speech.meta.speaker and (who := _introduced(paras)):
        speech.meta.speaker = [who]
    builder = _Builder(speech)
    tail = _appendix(paras)
    leads = _lead_heads(paras[:tail])
    bare = _bare_heads(paras[:tail])
    numerals = _numeral_heads(paras[:tail])
    leads |= _set_apart(paras[:tail])
    previews = _preview(paras[:tail])
    for i, para in enumerate(paras):
        if i >= tail:
            if not para.is_gap:
                builder.paragraph(para, "appendix")
            continue
        if para.is_gap:
            builder.gap(para)
            continue
        mark = read_mark(para.text)
        role = para.role or role_of(para.text)
        if role:
            builder.paragraph(para, role)
        elif mark and i not in previews:
            builder.heading(para, mark.style, mark.number, mark.token, mark.rest)
        elif i in previews:
            builder.paragraph(para, None)
        elif i in numerals:
            builder.heading(para, "一、", numerals[i], para.text, "")
        elif i in bare:
            # 0: the bare heads are the text's top level, the numbered ladder beneath them
            depth = None if bare[i] == 0 else bare[i] or (2 if builder.open else 1)
            builder.heading(para, "none", None, "", para.text, depth=depth)
        elif i in leads:
            parent = builder.open[-1].depth if builder.open and builder.open[-1].style != "lead" else 0
            if builder.open and builder.open[-1].style == "lead":
                parent = builder.open[-1].depth - 1
            builder.heading(para, "lead", None, "", para.text, depth=parent + 1)
        elif para.hints.list_style or (para.hints.level is not None and para.hints.numbered):
            # Word numbers this paragraph itself: its number is not in the text; the list's format says
            # the style, else the usual ladder by heading level
            level = cast(int, para.hints.level)   # not None when there is no list style
            style = para.hints.list_style or DEFAULT_LADDER[min(level, len(DEFAULT_LADDER)) - 1]
            builder.heading(para, style, None, "", para.text)
        elif para.hints.level is not None:
            # a heading the format marks but does not number: a lead head when it runs into its body
            style = "lead" if split_heading(para.text)[1] else "none"
            builder.heading(para, style, None, "", para.text, depth=min(para.hints.level, len(builder.open) + 1))
        else:
            builder.paragraph(para, None)
    speech.removed.sort(key=lambda r: r.line)
    if not speech.meta.speaker and head.author and speech.salutation:
        speech.meta.speaker = [head.author]     # a name under a speech's title is its speaker
    for p in _signed_off(speech):
        if DATE_LINE.match(p.text):
            speech.meta.date = speech.meta.date or [p.text.strip("（）()")]    # a date line closing the text
        elif not speech.meta.speaker:
            speech.meta.speaker = [re.sub(r"\s*[：:]\s*", " ", p.text)]   # a role and a name closing the text
    _mark_closing(speech)
    _mark_transition(speech)
    opening = speech.opening
    speech.transition = transition_sentence(opening[-1].text) if opening else None
    for p in speech.paragraphs():
        p.enumeration = enumeration(p.text)
    return speech


def _same_person(name: str | None, speaker: str | None) -> bool:
    """Whether a name is the speaker's (刘畅 of 一起作业CEO 刘畅), spaces aside."""
    return name is not None and speaker is not None and squash(speaker).endswith(squash(name))


def _titled_below(removed: list[Removed]) -> str | None:
    """The title a page gives only in its footer's fields (本文标题:在…闭幕式上的发言) or in its blurb (下面是小编
    为大家整理的2022年…座谈会上的讲话，供大家参考。), for a copy without one."""
    return next((m.group(1).strip() for r in removed
                 if (m := TITLE_FIELD.match(r.text.strip()) or BLURB_TITLE.search(r.text))
                 and re.search(GENRES + "稿?$", m.group(1).strip())), None)


#: a site's blurb naming the text it gives: 下面是小编为大家整理的…讲话，供大家参考。
BLURB_TITLE = re.compile(r"(?:整理|收集|精选|提供)的(.{6,80}?)[，,。]\s*(?:供|欢迎|希望|仅供)")
#: a page's field naming the text's title
TITLE_FIELD = re.compile(r"^(?:本文|文章)标题\s*[:：]\s*(.{4,80})$")


def _named_above(title: str, removed: list[Removed]) -> str | None:
    """Who speaks, named only in a title the page showed above the text's own: the post or name before
    it (市长 of 市长在省市人大代表视察汇报会上的表态发言 over 在…的表态发言)."""
    for r in removed:
        text = r.text.strip()
        if r.why == "网页标题" and text.endswith(title) and text != title:
            who = re.split(r"[:：]", text[:-len(title)].strip().rstrip(":："))[-1].strip()   # 何祚榕 of …:何祚榕:…
            if SPEAKER_LINE.match(who) or re.fullmatch(r"[\u4e00-\u9fff]{2,4}(?:同志)?", who):
                return who.removesuffix("同志")
    return None


#: a transcript's label of who speaks before their first words: "崔忠付：尊敬的…市长，各位来宾，…"
LABEL = re.compile(r"^([\u4e00-\u9fff]{2,4})[：:]\s*(.+)$")


def _speaker_label(paras: list[Para], speech: Speech) -> list[Para]:
    """The speaker's name labelling the first paragraph, as a transcript sets it, before the salutation
    (崔忠付：尊敬的李万才市长，各位来宾，…): reported as the speaker's label, and the speaker where none was
    read."""
    first = next((p for p in paras if not p.is_gap), None)
    m = LABEL.match(first.text) if first else None
    if (first is None or m is None or not SALUTATION_RUN.match(m.group(2)) or COLUMN_WORDS.search(m.group(1))
            or not re.match(PERSON_START, m.group(1))):        # (a name: not a page's label, 推荐阅读：)
        return paras
    speech.removed.append(Removed(first.line, first.text[:len(m.group(1)) + 1], "讲话人"))     # 崔忠付：
    speech.removed.sort(key=lambda r: r.line)
    first.text = m.group(2)
    if not speech.meta.speaker:
        speech.meta.speaker = [m.group(1)]
    return paras


#: a speaker introducing themselves: 我是自动化学院…党支部书记张伟！
INTRODUCED = re.compile(r"我是([^，。！？、；：]{4,40}?)[，。！]")


def _introduced(paras: list[Para]) -> str | None:
    """The speaker as they introduce themselves in the text's first paragraphs (我是…党支部书记张伟！): a
    post and a name."""
    for para in [p for p in paras if not p.is_gap][:3]:
        for m in INTRODUCED.finditer(para.text):
            who = SPEAKER_LINE.match(m.group(1))
            if who and who.group(2):
                return m.group(1)
    return None


def _split_salutation(paras: list[Para]) -> list[Para]:
    """The first paragraph of the speech opens with its salutation, alone or run into the text (各位代表！;
    各位代表，现在，我代表…; 同学们：早上好！): the salutation becomes a paragraph of its own."""
    first = next((i for i, p in enumerate(paras)
                  if not p.is_gap and role_of(p.text) not in ("pull_quote", "author_note")), None)
    if (first is not None and first + 1 < len(paras) and SALUTATION.match(paras[first + 1].text)
            and _addresses(paras[first].text)):
        # the honoured guests one a line (尊敬的…总统，/ 尊敬的…主席，), then 女士们，先生们：: one salutation
        a, b = paras[first], paras[first + 1]
        both = Para(a.text + b.text, a.line, a.lines + b.lines, a.hints, a.raw + "\n" + b.raw, role="salutation")
        return paras[:first] + [both] + paras[first + 2:]
    if first is None or any(SALUTATION.match(p.text) for p in paras[first:first + 2]) or paras[first].hints.level:
        return paras
    para = paras[first]
    m = SALUTATION_RUN.match(para.text)
    if not m or len(m.group(1)) > SALUTATION_LONGEST or read_mark(para.text):
        return paras
    rest = m.group(2).strip()
    if m.group(1)[-1] in "，," and not rest:
        return paras
    head = Para(m.group(1), para.line, list(para.lines), para.hints, para.raw, role="salutation")
    out = paras[:first] + [head]
    if rest:
        out.append(Para(rest, para.line, list(para.lines), para.hints, para.raw))
    return out + paras[first + 1:]


#: the longest salutation run into the first paragraph (尊敬的…委员长、尊敬的…副主席、…，各位领导、…各位同学们，)
SALUTATION_LONGEST = 80
#: a note on where the text comes from is among its last lines
NOTE_LINES = 4
#: the most terms of address a salutation lists before its last line
ADDRESSES = 12


def _addresses(text: str) -> bool:
    """Whether a paragraph only lists terms of address (尊敬的…, 各位…, 全国同胞们), each closed by a comma
    (the last may be by 、: 各位代表、 / 同志们：): the first lines of a salutation."""
    terms = re.split(r"[，,]", text[:-1] + "，" if text.endswith("、") else text)
    return (text.endswith(("，", ",", "、")) and 1 <= len(terms) - 1 <= ADDRESSES and not SENTENCE_END.search(text)
            and all((t.startswith(("尊敬的", "亲爱的", "各位")) or re.fullmatch(ADDRESS, t)
                     or re.fullmatch(rf"{ROLE}[\u4e00-\u9fff·]{{0,8}}", t)) and len(t) <= 30
                    for t in terms[:-1]))            # (a guest by post and name: 维多利亚州总理肯尼特，)


def _named_author(author: str | None, byline: str | None) -> str | None:
    """A page's 作者 field as the speaker when it is a person's name (not a unit or a pen name list), and the
    text names no author of its own under its title (文 / 某某: an article's, as the field is then)."""
    return author if author and not byline and re.fullmatch(r"[\u4e00-\u9fff]{2,4}", author) else None


#: a date inside a subtitle or occasion: "2026年1月27日在…会议上", "二〇二六年一月二十七日在…会议上"
INNER_DATE = re.compile(r"(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日")
CN_DATE = re.compile(r"([〇零一二三四五六七八九]{4})年([一二三四五六七八九十]{1,2})月([一二三四五六七八九十]{1,3})日")


def _date_of(head: Header, page: PageMeta) -> str | None:
    """When the speech was given, where no date line says it: a date in its subtitle or title, else a
    news dateline's month and day in the year of the page's posting (the year before, if later)."""
    for text in (head.subtitle, head.title):
        m = INNER_DATE.search(text or "") or CN_DATE.search(text or "")
        if m:
            return f"{cn_to_int(m.group(1))}年{cn_to_int(m.group(2))}月{cn_to_int(m.group(3))}日"
    if page.dateline and page.date:
        y = INNER_DATE.search(page.date) or re.match(r"(\d{4})\D+(\d{1,2})\D+(\d{1,2})", page.date)
        if y:
            year, month, day = int(y.group(1)), *page.dateline
            if (month, day) > (int(y.group(2)), int(y.group(3))):
                year -= 1
            return f"{year}年{month}月{day}日"
    return None


def _noted_date(lines: list[Line]) -> str | None:
    """The date a note closing the text gives it (（这是…2018年6月29日在…时的讲话。）), or a date in brackets
    alone on one of its last lines (（一九九九年九月七日）, as a newspaper sets it under a speech): when it
    was said."""
    for line in lines[-NOTE_LINES:]:
        if SOURCE_NOTE.match(line.text) and (m := re.search(r"\d{4}年\d{1,2}月\d{1,2}日", line.text)):
            return m.group(0)
        if line.text[:1] in "（(" and DATE_LINE.match(line.text) and re.search("日[）)]$", line.text):
            return line.text.strip("（）()")
    return None


def _article_date(head, lines, published: str | None) -> str | None:
    """A signed article (署名文章: a byline, no salutation) is dated by its publication."""
    if not head.author or not published:
        return None
    opening = lines[head.used:head.used + 3]
    return (None if any(SALUTATION.match(line.text) or SALUTATION_RUN.match(line.text) for line in opening)
            else published)


def date_from_name(stem: str) -> str | None:
    """The date a file's name gives: 2013-06-18_标题 → 2013年6月18日, 20130618 → 2013年6月18日, 2019 → 2019年."""
    m = re.match(r"^((?:19|20)\d{2})[-_.年]?(\d{2})[-_.月]?(\d{2})(?!\d)", stem)
    if m and 1 <= int(m.group(2)) <= 12 and 1 <= int(m.group(3)) <= 31:
        return f"{m.group(1)}年{int(m.group(2))}月{int(m.group(3))}日"
    m = re.match(r"^((?:19|20)\d{2})(?:年)?(?:$|[-_.\s])", stem)
    return f"{m.group(1)}年" if m else None


#: a bare heading: a short line with no punctuation at all (结束语, 关于外交工作, 首先报告２００１年的工作),
#: or with its words joined by 、 only and up to 20 characters (今后五年建设和改革的目标、方针和任务)
WORDS = r"[\u4e00-\u9fff０-９\d“”《》·]"
#: a number alone on its line marking a section: a Chinese numeral (一 / 二), or two digits as posts set them
#: (01 / 02; never a page's number, which is not padded)
NUMERAL_ALONE = re.compile(rf"{CN_1_99}|0[1-9]|[1-9][0-9]")
#: marks that open a list item
BULLETS = ("——", "—", "·", *PULL_QUOTE)
#: how a finished paragraph ends
FINISHED = ("。", "！", "？", "：", "；", "”", "…")
BARE = re.compile(rf"^[\u4e00-\u9fff０-９\d“”《》·\s]{{2,16}}$|^(?=.{{2,20}}$){WORDS}+(?:、{WORDS}+)+$"
                  r"|^(?=.{4,24}$)[\u4e00-\u9fff“”《》]+\s*——\s*[\u4e00-\u9fff“”《》]+$")   # “百年梦”——靠百年道路实现


def _bare_heads(paras: list[Para]) -> dict[int, int | None]:
    """Bare headings: short unpunctuated lines standing alone between blank lines, in a text whose other
    parts are numbered (two numbered headings at least). Index → depth: 1 before the first top-level
    numbered heading, or alone after the last (结束语); None (a sub-head of the open part) between them.
    Three or more, one of them before the first numbered line, are the text's top level (0: above the
    numbered ladder), whether the numbered lines are headings alone or run into their text; so are three
    or more in a text with no numbered line (“百年梦”——靠百年道路实现 …)."""
    numbered = [i for i, p in enumerate(paras) if not p.is_gap and read_mark(p.text)]
    marks = [(i, cast(Mark, read_mark(paras[i].text))) for i in numbered if standalone(paras[i].text)]
    if len(numbered) == 1:
        return {}
    # a text that sets no blank line between its paragraphs (a page copied line by line) sets its heads
    # apart by standing between a finished sentence and a paragraph of prose
    dense = all(b.line - a.lines[-1] <= 1 for a, b in pairwise(paras) if not (a.is_gap or b.is_gap))
    found: list[int] = []
    for i, p in enumerate(paras):
        if (p.is_gap or p.hints.level is not None or p.hints.list_style or not BARE.match(p.text) or read_mark(p.text)
                or is_closing(p.text)):
            continue                # (a line the format numbers is a numbered one)
        before = paras[i - 1].lines[-1] if i else 0
        after = paras[i + 1].line if i + 1 < len(paras) else p.line + 2
        if dense:
            alone = 0 < i < len(paras) - 1 and paras[i - 1].text.endswith(FINISHED) and is_prose(paras[i + 1].text)
        else:
            alone = bool(i) and p.line - before > 1 and after - p.lines[-1] > 1
        if alone and not SALUTATION.match(p.text):
            found.append(i)
    if len(found) >= 3 and (not numbered or found[0] < numbered[0]):
        return dict.fromkeys(found, 0)     # (a text with no numbered lines: its heads, three or more)
    if not numbered:
        return {}
    if len(marks) < 2:
        return {}
    top_style = marks[0][1].style
    tops = [i for i, m in marks if m.style == top_style]
    after_last = [i for i in found if i > tops[-1]]
    return {i: 1 if i < tops[0] or (i > tops[-1] and len(after_last) == 1) else None for i in found}


def _preview(paras: list[Para]) -> set[int]:
    """The points a speech announces before it takes them (下边主要讲三个问题： / （一）…； / （二）…； /
    （三）…。 and then （一）如何对待… again): numbered lines 1, 2 … in a row after a line ending in ：, each one
    clause closed by ； or 。, a point of which heads a part of the same number further on — a list, not the
    headings (an enumeration after a colon, 一、…； / 二、…；, whose points head nothing, stays as it is)."""
    out: set[int] = set()
    for i, para in enumerate(paras[:-1]):
        if not para.text.endswith(("：", ":")):
            continue
        run: list[tuple[int, Mark]] = []
        for j in range(i + 1, len(paras)):
            mark = read_mark(paras[j].text)
            if (mark is None or mark.number != len(run) + 1 or paras[j].is_gap or len(paras[j].text) > PREVIEW
                    or not paras[j].text.endswith(("；", "。", ";")) or SENTENCE_END.search(paras[j].text[:-1])
                    or (run and mark.style != run[0][1].style)):
                break
            run.append((j, mark))
        if len(run) < 2:
            continue
        points = {(m.number, _point(m)) for _, m in run}
        if any((m := read_mark(p.text)) and m.style == run[0][1].style and (m.number, _point(m)) in points
               for p in paras[run[-1][0] + 1:]):
            out.update(j for j, _ in run)
    return out


def _point(mark: Mark) -> str:
    """The words of a numbered point that its part's heading repeats."""
    return mark.rest.rstrip("；。;")[:PREVIEW_KEY]


#: the most characters of a point a speech announces before it takes it
PREVIEW = 40
#: the characters of an announced point that its part's heading repeats
PREVIEW_KEY = 8


def _numeral_heads(paras: list[Para]) -> dict[int, int]:
    """Sections marked by a numeral alone on its line (一 / 二 / 三, or 01 / 02 / 03, standing between
    blank lines, with no heading text), numbered from one in order, two or more: index → number."""
    found = {}
    for i, p in enumerate(paras):
        if p.is_gap or not NUMERAL_ALONE.fullmatch(p.text.strip()):
            continue
        before = paras[i - 1].lines[-1] if i else 0
        after = paras[i + 1].line if i + 1 < len(paras) else p.line + 2
        if p.line - before > 1 and after - p.lines[-1] > 1:
            text = p.text.strip()
            found[i] = int(text) if text.isdigit() else cn_to_int(text)
    numbers = list(found.values())
    return found if len(numbers) >= 2 and numbers == list(range(1, len(numbers) + 1)) else {}


def _set_apart(paras: list[Para]) -> set[int]:
    """Paragraphs whose first sentence the format sets apart (bold before plain text: ``Hints.lead``),
    where the text does so twice or more (a convention, not one sentence's emphasis); not a numbered
    line, a list item (——, ●), a counted one (一是…) or talk (a sentence emphasised: 我认为…, 但…)."""
    found = {i for i, p in enumerate(paras) if p.hints.lead and not p.is_gap and not read_mark(p.text)
             and not p.text.startswith(BULLETS) and not COUNTED.match(p.text) and not talk(p.text)}
    return found if len(found) >= 2 else set()


def _lead_heads(paras: list[Para]) -> set[int]:
    """Indexes of paragraphs that open with a lead head (see drafter.structure.lead)."""
    texts = [None if p.is_gap or read_mark(p.text) or p.hints.level is not None or role_of(p.text) or is_closing(p.text)
             else p.text for p in paras]
    return lead_heads(texts, _sibling_firsts(paras))


def _sibling_firsts(paras: list[Para]) -> dict[int, str]:
    """The paragraphs right after a numbered heading, each with a key its siblings share: the heading's
    numbering style (its mark's, else its level in the format's outline) and the heading it is under."""
    firsts: dict[int, str] = {}
    ladder: list[tuple[str, int]] = []       # (style, paragraph index) of the headings open above
    for i, p in enumerate(paras):
        mark = None if p.is_gap else read_mark(p.text)
        if not mark and (p.is_gap or p.hints.level is None):
            continue
        style = mark.style if mark else f"level {p.hints.level}"
        styles = [s for s, _ in ladder]
        if style in styles:
            del ladder[styles.index(style):]
        firsts[i + 1] = f"{style} under {ladder[-1][1] if ladder else -1}"
        ladder.append((style, i))
    return firsts


#: the line an appendix of the document opens with: 附件1, 附件：…, 附录, 名词解释, 注释, 注：
APPENDIX = re.compile(r"^(?:附件\s*[0-9０-９一二三四五六七八九十]*\s*(?:[:：].{0,40})?|附录|名词解释|注释?)\s*[:：]?$")


def _appendix(paras: list[Para]) -> int:
    """Where an appendix of the document starts (附件1, 名词解释 … after half of the text, after the speech):
    its lines are kept as back matter, never headings; the number of paragraphs when there is none."""
    total = sum(len(p.text) for p in paras if not p.is_gap)
    before = 0
    for i, para in enumerate(paras):
        if para.is_gap:
            continue
        if i and before * 2 >= total and APPENDIX.match(para.text.strip()):
            return i
        before += len(para.text)
    return len(paras)


#: the most of a speech's text a closing of more than ``CLOSING_PARAGRAPHS`` paragraphs may hold (a turn
#: inside a speech opens with 同志们， too)
CLOSING_SHARE = 0.25
CLOSING_PARAGRAPHS = 3
#: the least text before a closing: a speech says something first
SPOKEN = 40
CLAUSE = re.compile("[，,；;]")
#: the longest exclamation that joins the last one in a call without hailing the hall (伟大的中国共产党万岁！)
CHEER = 40
#: a paragraph that opens hailing the hall (青年朋友们！…; 同学们，…; 各位新同学，…; not 作为校长，…)
HAILING = re.compile(rf"{ADDRESS}(?:[，、,]{ADDRESS})*[！!]|{HALL}[，,]|(?:各位|亲爱的|尊敬的)[^，,。！!]{{1,12}}[，,]")


#: a person's name alone, signing a text off over its date
SIGNATURE = re.compile(rf"(?={PERSON_START}){NAME}")
#: a signature closing a text with a colon between role and name (百年人寿董事长：何勇生)
SIGNED = re.compile(rf"^{ROLE}\s*[：:]\s*{NAME}$")


def _signed_off(speech: Speech) -> list[Paragraph]:
    """The lines signing a text off at its end, one line each: its date, its signature (a role and a name),
    or both; over a date, a name alone or a role alone signs it too (朱松纯 / 2022年12月31日)."""
    out: list[Paragraph] = []
    for p in reversed(list(speech.paragraphs())[-2:]):
        m = SPEAKER_LINE.match(p.text)
        dated = bool(out) and DATE_LINE.match(out[0].text) is not None
        if len(p.lines) != 1 or not (DATE_LINE.match(p.text) or (m and (m.group(2) or dated)) or SIGNED.match(p.text)
                                     or (dated and SIGNATURE.fullmatch(p.text))):
            break
        out.insert(0, p)
    return out


def _last_body(speech: Speech) -> tuple[list[Paragraph | Gap] | list[Paragraph], int]:
    """The blocks a closing may be taken from — the body of the last section, deepest (or the front of a
    speech with no sections) — and the first of them that may open it (not a run-in heading's own body)."""
    if speech.sections:
        last = speech.sections[-1]
        while last.children:
            last = last.children[-1]
        return last.body, (1 if last.run_in else 0)
    return speech.front, 1


def _to_closing(speech: Speech, body: list[Paragraph | Gap] | list[Paragraph], i: int) -> None:
    """Move the paragraphs of ``body`` from ``i`` on into the back matter as the closing."""
    closing = [p for p in body[i:] if isinstance(p, Paragraph)]
    for p in closing:
        p.role = "closing"
    speech.back[:0] = closing
    del body[i:]


def _mark_closing(speech: Speech) -> None:
    """Move the closing paragraphs (同志们，…; 以上发言…) at the very end into the back matter: from the first
    paragraph that opens a closing and leaves ``CLOSING_PARAGRAPHS`` paragraphs or ``CLOSING_SHARE`` of the
    speech's text at most from there (同志们， also opens a turn inside a speech with no numbered parts); a
    paragraph that only hails the hall (各位院士，同志们、朋友们！) opens each turn of some speeches, and the
    closing where it leaves ``CLOSING_PARAGRAPHS`` at most."""
    body, first = _last_body(speech)
    total = sum(len(p.text) for p in speech.paragraphs())
    tail = [0] * (len(body) + 1)           # characters from each block to the end
    for i in range(len(body) - 1, -1, -1):
        block = body[i]
        tail[i] = tail[i + 1] + (len(block.text) if isinstance(block, Paragraph) else 0)
    for i in range(first, len(body)):
        block = body[i]
        if not isinstance(block, Paragraph) or not all(isinstance(b, Paragraph) for b in body[i:]) \
                or total - tail[i] < SPOKEN:       # (a notice's only sentence, 请相互告知，谢谢！, is its text)
            continue
        if (is_closing(block.text) and (len(body) - i <= CLOSING_PARAGRAPHS or tail[i] <= CLOSING_SHARE * total)) \
                or (HAILED.fullmatch(block.text) and len(body) - i <= CLOSING_PARAGRAPHS):
            _to_closing(speech, body, i)
            return


def _mark_call(speech: Speech) -> None:
    """A speech with no closing found that ends on paragraphs ending in ！ (…向着…的伟大目标奋勇前进！; the
    cheers 中国共产党万岁！), before its date and signature if it is signed off: they are its closing, a
    call — where they hold ``CLOSING_SHARE`` of the text at most, something was said before them, and
    there are two of them or one of clauses (特此祝贺！ is a notice's last words). Before the last, only short
    ones (``CHEER``) or one that opens hailing the hall (青年朋友们！…) belong to the call: a report's last
    part may end in ！ too. A speech's body states; its last exclamations call."""
    if any(p.role == "closing" for p in speech.back):
        return
    body, first = _last_body(speech)
    total = sum(len(p.text) for p in speech.paragraphs())
    signed = [p for p in _signed_off(speech) if any(p is b for b in body)]     # its date, its signature after it
    i, size = len(body) - len(signed), 0
    end = i
    while i > first and isinstance(block := body[i - 1], Paragraph) and block.text.rstrip().endswith(("！", "!")) \
            and size + len(block.text) <= CLOSING_SHARE * total and total - size - len(block.text) >= SPOKEN \
            and (i == end or len(block.text) <= CHEER or HAILING.match(block.text)):
        i, size = i - 1, size + len(block.text)
        if i < end - 1 and HAILING.match(block.text):
            break                             # 青年朋友们！一代人有一代人的长征…！: the call starts here
    call = [p for p in body[i:end] if isinstance(p, Paragraph)]    # (every one of them is)
    if len(call) >= 2 or (call and CLAUSE.search(call[0].text)):
        _to_closing(speech, body, i)


def _mark_transition(speech: Speech) -> None:
    """A last opening paragraph that is all transition sentence gets the role "transition"."""
    opening = [p for p in speech.front if p.role == "opening"]
    if opening and transition_sentence(opening[-1].text) == opening[-1].text:
        opening[-1].role = "transition"

