"""Outline archetypes learnt from the documents, one per occasion.

Documents are grouped by occasion and genre (``OCCASIONS``: 政府工作报告, 述职, 主持词, 书信, 党课, 开班式,
纪念庆祝大会, 致辞, 座谈会, 总结表彰会, 动员部署会, 研讨发言, 工作会议 …), from the title, subtitle and
occasion, else a salutation to guests or heads of state (a 致辞), else the opening sentences (not for 纪念,
致辞 and 书信, which any opening may mention; 研讨 and 动员 by stronger words only); pull quotes or an
author note make a 署名文章. Each group gives one outline named for its
occasion: the title form (occasion and speaker as variables), the front and back matter most of its
documents have, and the sections of its most usual document (the median number of parts), with the
number of parts and of points under a part as ranges over the group; the description says how many
documents it was learnt from (an outline from one document says so), their typical length, and the
heading frames seen across them with counts. Sibling headings that share a frame become one heading
template with slots; the rest are one slot each, the source headings as examples.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from typing import Any

from drafter.mine.bank import addressed
from drafter.mine.corpus import Doc
from drafter.mine.frames import Frame
from drafter.mine.parallel import Group
from drafter.model import Section, Speech
from drafter.structure.roles import EDITED_NOTE

ARTICLE = ("article", "署名文章", "署名文章")
#: how a numbering style without a mark is named in an outline's description (a mark is quoted)
LADDER_NAMES = {"lead": "段首句", "none": "无编号"}
CODES = {"一、": "cn", "（一）": "pcn", "1．": "num", "（1）": "pnum", "第一，": "ord", "lead": "lead", "none": "plain"}
LABELS = ("部分标题", "要点标题", "小标题", "细目标题")
VARIABLES = {  # meta field: (variable, label)
    "title": ("title", "标题"), "subtitle": ("subtitle", "副标题"), "occasion": ("occasion", "会议名称"),
    "speaker": ("speaker", "讲话人"), "author": ("author", "作者"), "date": ("date", "日期"),
}

#: the salutation as a variable, where the documents share none
SALUTATION = ("salutation", "称呼")
#: a group of this many documents lists only heading frames seen in two of them
RECUR = 5
#: in a group of this many documents or more, a frame of the representative document's headings is the
#: outline's only where another document uses it too
SHARED = 3


#: slug, name, kind, what the title (or the opening) says
OCCASIONS = (
    ("gov-report", "政府工作报告", "政府工作报告",
     re.compile(r"政府工作报|报告政府工作|(?:代表|受)国务院.{0,50}(?:报告|提出)|全国人民代表大会.{0,30}(?:报告|提出关于)")),
    ("debrief", "述职报告", "述职报告", re.compile("述职")),
    # a report to a congress or an assembly (党代会报告, 计划报告, 常委会工作报告), as its title or genre says
    ("work-report", "工作报告", "工作报告", re.compile(r"工作报告|(?<!述职)报告$")),
    ("host-script", "会议主持词", "主持词", re.compile("主持词|主持稿")),
    ("letter", "书信", "书信", re.compile(r"回信|贺信|慰问信|感谢信|致[^，。]{1,30}的信")),
    ("party-lecture", "专题党课", "党课讲稿", re.compile("党课")),
    ("democratic-life", "民主生活会发言", "对照检查发言", re.compile("民主生活会|组织生活会|对照检查")),
    ("training-opening", "开班式讲话", "讲话稿", re.compile("开班|培训班|研修班|结业")),
    ("commemoration", "纪念庆祝大会讲话", "讲话稿",
     re.compile(r"(?:纪念|庆祝)[^，。]{0,30}(?:大会|座谈会|纪念会|集会|典礼)|周年(?:大会|纪念会|座谈会)")),
    # (a work meeting's opening session is the work meeting's: 在全国…工作会议开幕式上的讲话)
    ("address", "致辞", "致辞", re.compile(r"致[辞词]|贺[词辞]|欢迎[词辞]|答谢[词辞]|[开闭]幕[词辞]"
                                          r"|(?<!工作会议)[开闭]幕式|主旨(?:演讲|讲话)|峰会|论坛|博览会|典礼|团拜会")),
    ("symposium", "座谈会讲话", "讲话稿", re.compile("座谈")),
    ("commendation", "总结表彰会讲话", "讲话稿", re.compile("表彰|颁奖|总结大会")),
    ("mobilization", "动员部署会讲话", "讲话稿", re.compile("动员|部署会|推进会|推进大会|启动")),
    ("seminar-remarks", "研讨交流发言", "研讨交流发言", re.compile("研讨|交流|发言|心得|体会")),
    ("work-meeting", "工作会议讲话", "讲话稿", re.compile("工作会议|工作会|会议")),
)
#: occasions told by the title only: any opening may say 今年是…周年, name a 论坛, tell of a letter or of a
#: report (听取了…工作报告)
TITLE_ONLY = ("commemoration", "address", "letter", "work-report")
#: in the opening (no title told the occasion), only these words tell it: 交流, 发言, 启动 alone are any
#: speech's
OPENING_WORDS = {"seminar-remarks": re.compile("研讨|交流发言|心得|体会"),
                 "mobilization": re.compile("动员|部署会|推进会|推进大会")}
#: a salutation to guests or to heads of state: a ceremony's or a summit's address (尊敬的…总统，女士们，先生们)
GUESTS = re.compile(r"女士们|先生们|来宾|嘉宾|总统|国王|阁下|主席先生|总干事")
ADDRESS = next(o[:3] for o in OCCASIONS if o[0] == "address")
SPEECH = ("speech", "讲话", "讲话稿")
MEETING = re.compile(r"(?:召开|举行|举办)(?:了|这次)?([^，。；]{2,40}?(?:会议?|班|式))")


def occasion(doc: Doc) -> tuple[str, str, str]:
    """(slug, name, kind) of a document's occasion: from its title, subtitle, occasion and the genre the
    parser read (述职报告), else its opening sentences; a 署名文章 by that genre, its pull quotes or author
    note."""
    speech = doc.speech
    if speech.meta.kind == "署名文章" or any(
            p.role == "pull_quote" or (p.role == "author_note" and not EDITED_NOTE.match(p.text))
            for p in speech.front + speech.back):
        return ARTICLE               # (a note on how a speech was taken down is no article's)
    head = " ".join(filter(None, [*(speech.meta.text(f) for f in ("title", "subtitle", "occasion")), speech.meta.kind]))
    opening = "".join(u.text for u in doc.units[:6])
    called = MEETING.search(opening)           # 今天，我们召开全镇秋冬季森林防火工作会议
    salutation = " ".join(p.text for p in speech.front if p.role == "salutation")
    for text, titled in ((head, True), (called.group(1) if called else "", True),
                         (opening + (speech.transition or ""), False)):
        if not titled and GUESTS.search(salutation):
            return ADDRESS
        for slug, name, kind, words in OCCASIONS:
            if titled and text and words.search(text):
                return slug, name, kind
            if not titled and slug not in TITLE_ONLY and OPENING_WORDS.get(slug, words).search(text):
                return slug, name, kind
    return SPEECH


@dataclass(frozen=True)
class Shape:
    genre: tuple[str, str, str]
    ladder: tuple[str, ...]

    @property
    def id(self) -> str:
        return ("-".join([self.genre[0]] + [CODES.get(s, "part") for s in self.ladder]) if self.ladder
                else f"{self.genre[0]}-flat")


def ladder(speech: Speech) -> tuple[str, ...]:
    """The main numbering style at each depth (lead only where a depth has nothing else)."""
    by_depth: dict[int, Counter] = {}
    for s in speech.walk():
        by_depth.setdefault(s.depth, Counter())[s.style] += 1
    out = []
    for depth in sorted(by_depth):
        counts = by_depth[depth]
        numbered = [s for s in counts if s not in ("lead", "none")]
        pool = numbered or list(counts)
        out.append(max(pool, key=lambda s: (counts[s], -pool.index(s))))
    return tuple(out)


def mine_outlines(docs: list[Doc], groups: list[Group]) -> list[dict]:
    """One outline per occasion, sorted by id; a news report has none (its structure is the reporter's,
    though the formulas it quotes count), nor a document that is no speech (a 通知, a 方案), nor a
    fragment: a text of under ``FRAGMENT`` characters with no parts (an excerpt, a preview a page cut off;
    it would stand for its occasion, and take the place of the built-in outline, with an outline of
    nothing)."""
    from drafter.structure.parts import NEWS, OFFICIAL

    by_occasion: dict[tuple[str, str, str], list[Doc]] = {}
    for doc in docs:
        fragment = not doc.speech.sections and sum(len(u.text) for u in doc.units) < FRAGMENT
        if doc.speech.meta.kind not in (NEWS, OFFICIAL) and not fragment:
            by_occasion.setdefault(occasion(doc), []).append(doc)
    plain = _Anonymous(docs)
    return sorted((_outline(o, members, groups, plain) for o, members in by_occasion.items()), key=lambda o: o["id"])


#: a text of fewer characters and no parts is a fragment: no outline is learnt from it
FRAGMENT = 300


class _Anonymous:
    """Examples without local people's names: two characters before 同志 that one document of the corpus
    alone puts there, and that stand nowhere else (a given name, not 全体 or 广大), become ××
    (在玉雄同志安排部署的基础上 → 在××同志…); a name several documents use stays (习近平同志)."""

    NAMED = re.compile(r"([\u4e00-\u9fff]{2})(?=同志)")

    def __init__(self, docs: list[Doc]):
        seen: Counter[str] = Counter()
        for doc in docs:
            seen.update({name for u in doc.units if "同志" in u.text for name in _named(u.text)})
        once = {name for name, n in seen.items() if n == 1}
        text = "\n".join(u.text for doc in docs for u in doc.units) if once else ""
        alone, named = _places(text, once)
        self.local = {name for name in once if alone[name] <= named[name] + 1}

    def __call__(self, text: str) -> str:
        return self.NAMED.sub(lambda m: "××" if m.group(1) in self.local else m.group(1), text)


def _named(text: str):
    """The two Chinese characters before each 同志 of a text (as ``_Anonymous.NAMED`` finds them)."""
    i = text.find("同志", 2)
    while i >= 0:
        if all("\u4e00" <= c <= "\u9fff" for c in text[i - 2:i]):
            yield text[i - 2:i]
        i = text.find("同志", i + 2)


def _places(text: str, names: set[str]) -> tuple[Counter[str], Counter[str]]:
    """How often each two-character name stands in a text, and how often 同志 follows it, in one pass:
    a place the search steps over starts one character into the one it found."""
    alone: Counter[str] = Counter()
    named: Counter[str] = Counter()
    if not names:
        return alone, named
    for m in re.finditer("|".join(map(re.escape, sorted(names))), text):
        for q in (m.start(), m.start() + 1):
            name = text[q:q + 2]
            if name in names:
                alone[name] += 1
                named[name] += text.startswith("同志", q + 2)
    return alone, named


def _outline(kind: tuple[str, str, str], docs: list[Doc], groups: list[Group], plain: _Anonymous) -> dict:
    counts = [len(d.speech.sections) for d in docs]
    usual = sorted(counts)[len(counts) // 2]
    rep = max(docs, key=lambda d: (len(d.speech.sections) == usual, len(d.speech.headings()), -docs.index(d)))
    speech = rep.speech
    sh = Shape((kind[0], kind[1], kind[2]), ladder(speech))
    used: dict[str, str] = {}
    title = _title(speech, used)
    outline: dict[str, Any] = {"id": kind[0], "name": kind[1], "kind": kind[2],
               "description": _description(sh, docs, counts, groups), "mined_from": [d.name for d in docs]}
    body: dict = {"title": title}
    if speech.meta.subtitle:
        body["subtitle"] = _var("subtitle", used)
    # a field the title holds or a document gives; a byline (作者) only where half of them have one: a
    # speech has a speaker and a date, an author is a signed article's (not one report's byline)
    given = {f: sum(bool(d.speech.meta.text(f)) for d in docs) for f in ("speaker", "occasion", "author", "date")}
    meta = {f: _var(f, used) for f, n in given.items()
            if f in used or (n * 2 >= len(docs) if f == "author" else n > 0)}
    if meta:
        body["meta"] = meta
    outline["variables"] = [_variable(f, speech) for f in VARIABLES if f in used]
    outline.update(body)
    if sh.ladder:
        outline["numbering"] = list(sh.ladder)
    outline["front"] = _front(docs, plain)
    if outline["front"][0].get("text") == "{{ " + SALUTATION[0] + " }}":
        latest = next(d.speech.salutation for d in _latest_first(docs) if d.speech.salutation)
        outline["variables"].append({"name": SALUTATION[0], "label": SALUTATION[1], "example": latest})
    users = _frame_users(groups, docs)
    # the representative document's heading frames, where another document of a larger group uses them
    # too (关于{A} in one of four 工作会议 speeches frames no part of their outline)
    mine = [g for g in groups if g.doc == rep.name and g.kind == "heading"
            and (len(docs) < SHARED or len(users[g.pattern]) >= 2)]
    outline["sections"] = _part(speech.sections, 1, sh.ladder, mine, _usual(counts) or (0, 0),
                                _points(docs)) if speech.sections else []
    back = _back(docs, plain, flat=not speech.sections)
    if not speech.sections:
        outline["front"].append(_flat_body(docs))
    if back:
        outline["back"] = back
    return outline


def _flat_body(docs: list[Doc]) -> dict:
    """The body of a genre whose texts have no parts (a 致辞, a short address): its paragraphs, as many
    as its usual text has."""
    counts = sorted(sum(p.role not in ("salutation", "closing") for p in d.speech.paragraphs()) for d in docs)
    usual = counts[len(counts) // 2]
    spread = f"（各篇 {counts[0]}–{counts[-1]}）" if counts[0] != counts[-1] else ""
    return {"role": "body", "hint": f"正文：约 {usual} 段{spread}，不分部分，一段讲一层意思"}


def _var(field: str, used: dict[str, str]) -> str:
    used[field] = VARIABLES[field][0]
    return "{{ " + VARIABLES[field][0] + " }}"


def _variable(field: str, speech: Speech) -> dict:
    name, label = VARIABLES[field]
    out = {"name": name, "label": label}
    example = speech.meta.text(field)
    if example and field == "date":
        example = re.split(r"[，,；;]", example)[0]     # the time of a meeting, not its room (…下午4点，会议室四)
    if example:
        out["example"] = example
    return out


def _title(speech: Speech, used: dict[str, str]) -> str:
    """The title form: the title with its occasion and speaker as variables, else a variable."""
    title = speech.meta.text("title")
    occasion = speech.meta.text("occasion")
    speaker = (speech.meta.text("speaker") or "").split(" ")[0]
    if title and occasion and occasion in title:
        head, _, tail = title.partition(occasion)
        if speaker and head.startswith(speaker):
            head = _var("speaker", used) + _literal(head[len(speaker):])
        else:
            head = _literal(head)
        return head + _var("occasion", used) + _literal(tail)
    return _var("title", used)


def _literal(text: str) -> str:
    """Text as literal Jinja: braces written as expressions."""
    return "".join('{{ "' + ch + '" }}' if ch in "{}%#" else ch for ch in text)


def _points(docs: list[Doc]) -> dict[int, tuple[int, int]]:
    """The usual number of points under a part or point at each depth, over the documents."""
    out = {}
    level = [s for d in docs for s in d.speech.sections]
    depth = 1
    while level:
        usual = _usual([len(s.children) for s in level if s.children])
        if usual:
            out[depth] = usual
        level = [c for s in level for c in s.children]
        depth += 1
    return out


def _usual(values: list[int]) -> tuple[int, int] | None:
    """The usual range of a count over documents: from the lower to the upper quartile."""
    if not values:
        return None
    ordered = sorted(values)
    return ordered[(len(ordered) - 1) // 4], ordered[(3 * len(ordered)) // 4 if len(ordered) > 1 else 0]


def _description(sh: Shape, docs: list[Doc], counts: list[int], groups: list[Group]) -> str:
    usual, whole = _span(_usual(counts) or (0, 0)), _span((min(counts), max(counts)))
    span = f"一级 {usual} 部分" + ("" if usual == whole else f"（各篇 {whole}）")
    source = (f"仅据 1 篇{sh.genre[2]}归纳（只有一篇，结构仅供参考）" if len(docs) == 1
              else f"从 {len(docs)} 篇{sh.genre[2]}归纳")
    parts = [source + "：" + (span if max(counts) else "不分部分")]
    if sh.ladder:
        parts.append("编号 " + " ＞ ".join(LADDER_NAMES.get(style, f"“{style}”") for style in sh.ladder))
    sizes = sorted(sum(len(u.text) for u in d.units) for d in docs)
    parts.append(f"篇幅约 {sizes[(len(sizes) - 1) // 2]} 字"
                 + (f"（{sizes[0]}–{sizes[-1]}）" if len(sizes) > 1 else ""))
    names = {d.name for d in docs}
    frames = Counter(g.pattern for g in groups if g.doc in names and g.kind == "heading")
    where = _frame_users(groups, docs)
    least = 2 if len(docs) >= RECUR else 1         # in a large group a frame must recur to be listed
    frames = Counter({f: n for f, n in frames.items() if len(where[f]) >= least and _wordy(f)})
    if frames:
        seen = sorted(frames, key=lambda f: (-len(where[f]), -frames[f], f))[:6]
        parts.append("标题句式 " + "；".join(f"{f}（{len(where[f])} 篇：{'、'.join(sorted(where[f])[:3])}）"
                                            for f in seen))
    return "，".join(parts) + "。"


def _frame_users(groups: list[Group], docs: list[Doc]) -> dict[str, set[str]]:
    """The documents (of ``docs``) that use each heading frame."""
    names = {d.name for d in docs}
    users: dict[str, set[str]] = {}
    for g in groups:
        if g.doc in names and g.kind == "heading":
            users.setdefault(g.pattern, set()).add(g.doc)
    return users


def _wordy(pattern: str) -> bool:
    """Whether a frame's fixed text is words: some Chinese, no digits or Latin (not 201{A}, --{A})."""
    fixed = re.sub(r"\{[A-Z]\}", "", pattern)
    return any("\u4e00" <= c <= "\u9fff" for c in fixed) and not re.search(r"[0-9A-Za-z\-]", fixed)


def _span(low_high: tuple[int, int]) -> str:
    low, high = low_high
    return str(low) if low == high else f"{low}–{high}"


def _majority(docs: list[Doc], test) -> bool:
    return sum(1 for d in docs if test(d.speech)) * 2 > len(docs)


def _latest_first(docs: list[Doc]) -> list[Doc]:
    """The documents, the most recent first (an example shows today's practice), undated ones last."""
    return sorted(docs, key=lambda d: -(d.year or 0))


def _front(docs: list[Doc], plain: _Anonymous) -> list[dict]:
    front: list[dict[str, Any]] = []
    docs = _latest_first(docs)
    salutations = Counter(d.speech.salutation for d in docs if d.speech.salutation)
    if salutations and _majority(docs, lambda s: s.salutation):
        common, times = salutations.most_common(1)[0]          # (of as many, the latest document's)
        # one the documents share (同志们：), else a slot: one speech's hall (亲爱的2022届毕业生同学们：) is not
        # the next one's
        front.append({"role": "salutation", "text": _literal(common) if times >= 2 or len(docs) == 1
                      else "{{ " + SALUTATION[0] + " }}"})
    if _majority(docs, lambda s: any(p.role == "pull_quote" for p in s.front)):
        front.append({"role": "pull_quote", "hint": "导语：一两句提要，报纸文章用●标出"})
    front.append({"role": "opening", "hint": "开头：交代背景、依据和这次讲话的主题", "phrases": ["opening.context"]})
    examples = [t for d in docs if (t := d.speech.transition)]
    if examples and _majority(docs, lambda s: s.transition):
        front.append({"role": "transition", "hint": f"过渡句，例：{plain(examples[0])}", "phrases": ["transition"]})
    return front


def _back(docs: list[Doc], plain: _Anonymous, flat: bool = False) -> list[dict]:
    """The closing most documents have (any of them, for ``flat`` texts without parts, whose closing the
    parser marks less often: a last paragraph of thanks), and an author's note. A paragraph of terms of
    address alone (各位同事！) is no example of a closing: the call follows it."""
    back = []
    closings = [p.text for d in _latest_first(docs) for p in d.speech.closing if not addressed(p.text)]
    if closings and (flat or _majority(docs, lambda s: s.closing)):
        calls = [t for t in closings if t.startswith(("同志们", "同事们", "各位", "让我们"))]
        if calls:
            back.append({"role": "closing", "hint": f"结束语：号召，例：{_short(plain(calls[0]))}",
                         "phrases": ["closing.call"]})
        modest = [t for t in closings if t.startswith("以上")]
        if modest:
            back.append({"role": "closing", "hint": f"结束语，例：{plain(modest[0])}", "phrases": ["closing.modesty"]})
        if not back:
            back.append({"role": "closing", "hint": f"结束语，例：{_short(plain(closings[0]))}"})
    if _majority(docs, lambda s: any(p.role == "author_note" and not EDITED_NOTE.match(p.text) for p in s.back)):
        back.append({"role": "author_note", "hint": "作者简介：（作者系……）"})
    return back


def _short(text: str, size: int = 40) -> str:
    return text if len(text) <= size else text[:size] + "…"


def _part(sections: list[Section], depth: int, numbering: tuple[str, ...], groups: list[Group],
          span: tuple[int, int] | None = None, points: dict[int, tuple[int, int]] | None = None) -> dict:
    """One level of sections as an outline part: count, heading template and slots, then items;
    ``points``: the usual range of the number of points under a part or point at each depth, over the group."""
    n = len(sections)
    part: dict = {"count": n}
    if span:
        part["min"], part["max"] = min(span[0], n), max(span[1], n)
    styles = Counter(s.style for s in sections)
    style = max(styles, key=lambda s: (styles[s], s))
    if depth > len(numbering) or style != numbering[depth - 1]:
        part["style"] = style
    if sum(s.run_in for s in sections) * 2 > n:
        part["run_in"] = True
    lines = [s.line for s in sections if s.heading is not None]
    whole = next((g for g in groups if g.lines == lines and len(lines) == n), None)
    label = LABELS[min(depth, len(LABELS)) - 1]
    if whole:
        part["heading"] = _template(whole.frame)
        part["hint"] = f"排比句式：{whole.pattern}"
        part["slots"] = [{"name": name, "label": f"{label}{name.upper()}",
                          "example": [m.values[i] for m in whole.members]}
                         for i, name in enumerate(_names(whole.frame))]
    else:
        part["heading"] = "{{ heading }}"
        part["slots"] = [{"name": "heading", "label": label, "example": [s.title for s in sections]}]
    items = [_item(s, depth, numbering, groups, whole, style, label, points) for s in sections]
    _optional_past(items, part.get("min"))
    while items and not items[-1]:
        items.pop()
    if items:
        part["items"] = items
    return part


def _item(section: Section, depth: int, numbering, groups: list[Group], whole: Group | None, style: str,
          label: str, points: dict[int, tuple[int, int]] | None = None) -> dict:
    item: dict = {}
    group = None if whole else next((g for g in groups if section.heading is not None and section.line in g.lines
                                     and g.depth == section.depth), None)
    if group:
        values = next(m.values for m in group.members if m.line == section.line)
        item["heading"] = _template(group.frame)
        item["hint"] = f"排比句式：{group.pattern}"
        item["slots"] = [{"name": name, "label": f"{label}{name.upper()}", "example": values[i]}
                         for i, name in enumerate(_names(group.frame))]
    if section.style != style:
        item["style"] = section.style
    if section.children:
        children = _part(section.children, depth + 1, numbering, groups, points=points)
        if points and depth in points:
            low, high = points[depth]
            children["count"] = min(max(children["count"], low), high)
            children["min"], children["max"] = low, high
            if "items" in children:
                children["items"] = children["items"][:high]
                _optional_past(children["items"], low)
        item["children"] = children
    return item


def _optional_past(items: list[dict], least: int | None) -> None:
    """Items past the least number the documents had are the ones a shorter speech leaves out."""
    if least is not None:
        for item in items[least:]:
            item["optional"] = True


def _names(frame: Frame) -> list[str]:
    return [chr(ord("a") + i) for i in range(frame.slots)]


def _template(frame: Frame) -> str:
    names = _names(frame)
    out = [_literal(frame.parts[0])]
    for name, part in zip(names, frame.parts[1:], strict=False):
        out += ["{{ " + name + " }}", _literal(part)]
    return "".join(out)
