"""The phrase bank: mined phrases sorted by what they do in a speech, each with its provenance, years
and a score, the best of each function kept.

Where a phrase occurs and its shape say what it does (see ``drafter.mine.functions.FUNCTIONS``):
``triad``, ``formulation`` (a quoted numbered term) and ``quotation`` by shape (see their modules);
``frame`` from parallel headings and recurring gapped formulas; ``transition``, ``closing.call`` and
``closing.modesty`` from the speeches' own transition and closing sentences, merged into one
templated entry where sentences of several documents share a frame. A recurring formula (see
``drafter.mine.formulas``) is ``requirement`` when it starts with 要/必须, ``significance`` when it
names a need, a guarantee or a meaning (…的必然要求, 重大意义), ``opening.context`` when most of its
places are in openings, ``closing.call`` when they are in closings and it opens a sentence there or
makes a whole clause, ``idiom`` when it is a four-character phrase or a chain of them, ``measure``
when it opens a clause at most of its places, ``formulation`` when it is a term of one clause (新常态,
供给侧结构性改革), else ``formula``.

A formula that is an item of one same list at most of its places (香港特别行政区、|澳门特别行政区同胞), or a
short line of its own (a signature, an address), or a place or time qualifying a noun (新形势下|的) is no
entry; a clause-like one must be followed by a
clause boundary at some of its places (not a subject: 全体组工干部|要…). A transition or closing of one
speech is kept when short (a long one is that speech's own), with a title as a slot (以《{A}》为主题);
a phrase with slots fixes ``FIXED`` Chinese characters at least.

Each phrase is scored by how reusable it is: documents, spread over the years, how clearly its
edges are word boundaries, and for a short term how it holds together and how far it is from being
in every document; a function keeps its best ``max_per_function`` phrases (thresholds scale
with the corpus, see ``limits``) and, where the corpus reaches back further than ``RECENT_YEARS``, up
to a quarter as many again of its current ones (see ``_best``), so the bank stays a size a person can
browse however large the corpus. Slots print as {A}, {B}.
"""

from __future__ import annotations

import hashlib
import math
import re
from collections import Counter, defaultdict
from collections.abc import Iterator
from dataclasses import dataclass, field, replace

from drafter.mine.corpus import Corpus, Unit
from drafter.mine.bounds import Bounds, neighbours_across
from drafter.mine.frames import Frame
from drafter.mine.functions import FUNCTIONS
from drafter.mine.gapped import Gapped, anchored
from drafter.mine.ngrams import Formula, Sentences, surface
from drafter.mine.parallel import Group, parallel_sets
from drafter.mine.quotes import NUMBERED
from drafter.mine.text import CJK, GAP, canon, cjk_count
from drafter.mine.triads import triads
from drafter.structure.header import GREETING

__all__ = ["FUNCTIONS", "Phrase", "build_bank", "limits", "merged", "own_sentences"]

REQUIREMENT = re.compile(r"^(?:要|必须|务必|一定要|始终要|坚决)")
SIGNIFICANCE = re.compile(r"(?:(?:重大|重要|深远|现实)的?意义|的需要|必然要求|根本保证|重要保障|根本遵循|必由之路"
                          r"|重中之重|根本所在|关键所在|题中应有之义)$")
#: a time that opens a clause: since, after or during something (党的十八大以来, 新冠肺炎疫情发生后)
SINCE = re.compile(r"(?:以来|以后|之后|发生后|期间|前夕|之际)$")
CLAUSE_MARKS = re.compile("[，；：、“”]")
CLAUSE_ENDS = re.compile("[，；：]")
#: what follows a person's name: a title people are called by
PERSON_TITLE = re.compile(r"同志|老师|同学|先生|女士|书记|校长|主任|部长|市长|县长|区长|省长|局长|院长|总理|主席|委员长"
                          r"|教授|院士|记者|董事长|总经理|总裁|会长|秘书长|处长|司长|厅长|行长")
#: one term of address (各位来宾, 女士们, 尊敬的…, 大会主席先生), and what joins terms — narrower than the
#: parser's ``header.ADDRESS``, where 领导, 干部, 代表 end a term too (中国共产党领导 is no vocative)
VOCATIVE = re.compile(r"(?:尊敬的|亲爱的)?各位[\u4e00-\u9fff]{1,6}|(?:尊敬的|亲爱的)[^，、,]{1,20}"
                      r"|[\u4e00-\u9fff]{0,6}[们們]|[\u4e00-\u9fff]{1,12}(?:先生|女士|阁下)")
JOINTS = re.compile("[，、,和及与]")
#: two short words joined by a conjunction, and nothing else
PAIR = re.compile(r"^[\u4e00-\u9fff]{2,3}[和与及或][\u4e00-\u9fff]{2,3}$")
#: adverbs of manner that open a verb phrase (a closed class): 紧紧 and the like are reduplicated
MANNER = frozenset("认真 深入 切实 大力 积极 全面 持续 不断 坚决 牢固 始终 着力 努力 加快 扎实 稳步 "
                   "有效 充分 主动 自觉 严格 广泛 逐步 高度 坚定 全力 依法".split())
#: what closes the inside of a frame 在…: a localiser (在…上, 在…下, 团结在…周围, 在…的同时)
LOCALISED = re.compile(r"(?:[上下]|周围|同时|之际|期间)$")
#: a state's name (朝鲜民主主义人民共和国, 大不列颠及北爱尔兰联合王国)
STATE = re.compile(r"(?:共和国|王国|联邦|合众国|酋长国|公国)$")
#: a time and nothing else (从一九五三年起, 2019年以来): when, not what
WHEN = re.compile(r"^(?:从|自|到|在|于)?(?:\d{4}|[〇零一二三四五六七八九]{4})年(?:起|以来|以后|以前|开始|底|初|末)?$")
#: characters Chinese uses almost only to spell foreign names (斯, 尔, 坦 …), a closed class
TRANSLITERATION = frozenset("斯尔夫坦萨瓦塞索兹拉亚巴伊阿克罗维丁埃俄澳葡莫纳汗哈吉乌奥洛卡哥森芬荷匈捷柬缅菲"
                            "特雷黎尼欧")
#: a term ending in 们 of at most this many characters names people in the plural (同学们, 青年朋友们)
PLURAL = 6
MODESTY = re.compile(r"^以上.{0,20}?(?:不妥|指正|批评|评议|交流)")
CALL = re.compile(r"^(?:同志们|同事们|各位)")
#: an item of a list: the text between two separators
ITEM = re.compile(r"[^，、：；“”（）]*")
#: a title in a speech's own sentence is a slot (今天我以《{A}》为主题与大家做一交流)
TITLE = re.compile(r"《[^《》]+》")
#: a transition or closing of one speech longer than this is a one-off, not a pattern
ONE_OFF = 40
#: the least Chinese characters a phrase with slots fixes (not 关于{A}, 坚持{A})
FIXED = 4
CLAUSE = "，：“”"
#: what may stand before a phrase that opens a clause, and their last characters
LEADS = ("要", "必须", "并", "还要", "继续", "进一步")
LEAD_ENDS = frozenset(lead[-1] for lead in LEADS)
SLOT = "{{{}}}"
SLOTS = re.compile(r"\{[A-Z]\}")
#: functions whose entries are whole sentences, folded with their variants (see ``_fold_variants``)
SENTENCE_FUNCTIONS = ("opening.context", "transition", "closing.call", "closing.modesty")
#: how alike (rapidfuzz's ratio, 0–100) two sentences are when one is a variant of the other
VARIANT = 80
EXAMPLE = 60
#: the most sources an entry lists (one place per document first); its counts are all its places
MAX_SOURCES = 12
#: an entry not seen in the corpus's last ``RECENT_YEARS`` years is marked ``dated``
RECENT_YEARS = 5
#: functions of recurring formulas that are clauses: they open a clause and close one at most of their places
CLAUSAL = ("measure", "requirement", "formula", "significance", "opening.context")
#: the least share of a clause-like formula's places where a clause boundary follows it (not a subject)
STOPS = 0.3
#: a term ending in 地 followed by a clause boundary at fewer of its places is an adverb (有计划地…)
ADVERB_STOPS = 0.1
#: a corpus of at most this many documents keeps one-document transitions, closings, triads and frames
SMALL = 20


@dataclass
class Phrase:
    function: str
    text: str
    slots: list[str]
    places: list[Unit]                   # every occurrence
    example: str
    by: str | None = None
    id: str = ""
    key: str = field(default="", repr=False)
    strength: float = 1.0                # how clearly its edges are word boundaries (0.5–1)
    cohesion: float = 1.0                # for a short term: how it holds together (see drafter.mine.formulas)
    score: float = 0.0

    @property
    def docs(self) -> int:
        return len({u.doc for u in self.places})


def limits(ndocs: int, min_docs: int | None = None, max_per_function: int | None = None) -> tuple[int, int]:
    """The least documents a formula needs and the most phrases a function keeps, for a corpus of
    ``ndocs`` documents: two documents for a handful, growing as the square root (4 for 50, 10 for 400)."""
    if min_docs is None:
        min_docs = max(2, round(math.sqrt(ndocs) / 2))
    if max_per_function is None:
        max_per_function = 120
    return min_docs, max_per_function


def build_bank(corpus: Corpus, sents: Sentences, formulas: list[Formula], gapped: list[Gapped],
               groups: list[Group], bounds: Bounds, min_docs: int = 2, max_per_function: int = 120,
               strength: dict[str, float] | None = None, closes: dict[str, tuple[float, float]] | None = None,
               cohesion: dict[str, float] | None = None, every: bool = False,
               own: list[tuple[Phrase, str]] | None = None, recent_years: int = RECENT_YEARS) -> list[Phrase]:
    """Every phrase of the corpus, with stable ids, the best of each function, sorted by function then score.
    ``every``: ``min_docs`` holds for every function but quotations (the user set it), not only for formulas.
    ``closes`` gives per formula the share of its places followed by a clause boundary or a function
    character, and the share followed by a clause boundary; ``own``: ``own_sentences(corpus)`` if made
    already (in another process); ``recent_years``: what the corpus's last years are (see ``_best``)."""
    phrases: dict[tuple[str, str], Phrase] = {}
    strength = strength or {}
    for f in formulas:
        m = REQUIREMENT.match(f.canon)
        if m and len(f.canon) - m.end() < 5:
            continue                     # 要克服, 必须实行: a modal and a verb wait for their object
        text = surface(sents, f)
        if _listed(sents, f.places, f.canon) or _cut_list(sents, f.places, text):
            continue                     # an item of a list (平等、团结、|互助的社会主义民族关系), or a list
                                         # cut short (爱国主义、集体主义、社会主义|、共产主义)
        if len(text) <= 4 and (CALL.match(text) or sum(len(sents.texts[s]) == len(text) for s, _ in f.places) * 2
                               >= len(f.places)):
            continue                     # a line of its own or an address: a signature, a vocative (李克强, 各位代表)
        if len(text) <= PLURAL and text.endswith("们"):
            continue                     # people in the plural are addressed (同学们), not a formula
        if text.rsplit("，", 1)[-1].startswith("向"):
            continue                     # a clause that opens with the preposition 向 waits for its verb in the
                                         # next (…向各界人士|，表示诚挚的感谢)
        if _transliterated(text) or STATE.search(text):
            continue                     # a foreign name (巴基斯坦, 拉丁美洲), a state's: a name, not a formula
        if WHEN.match(text):
            continue                     # a time alone (从一九五三年起): when, not what
        if SAYS.search(text):
            continue                     # who says it, leading a quotation (习近平总书记强调, 我多次强调)
        if len(text) <= POSTED and OFFICE.search(text):
            continue                     # an office or a meeting by name (市教育局, 座谈会): a name, not a formula
        if len(text) <= POSTED and POST.search(text):
            continue                     # who, not what: a person by post (习近平总书记, 国务院总理), or the
                                         # words before one (贯彻习近平总书记|重要讲话精神)
        if len(text) <= 4 and _named(sents, f.places, len(f.canon)):
            continue                     # a person's name: 冯王亮老师, 江泽民同志, 国务院总理|李克强
        ends, stops = (closes or {}).get(f.canon, (1.0, 1.0))
        if _cut_short(text, stops):
            continue                     # a complement, a body, a clause cut short (see ``_cut_short``)
        if _inside_frame(sents, f.places, text):
            continue                     # the frame with its 在 or 以 is the unit
        if text[-1] in "上下" and _attributive(sents, f.places, len(text)):
            continue                     # a place or time that qualifies a noun (新形势下|的人民内部矛盾)
        if text[-1] == "地" and stops < ADVERB_STOPS:
            continue                     # an adverb waiting for its verb (有计划地|发展, 有步骤地|推进)
        if PAIR.match(text):
            continue                     # two words joined (中央与地方, 积极性和创造性, 意见和建议): a pair, not
                                         # a formula
        if len(text) == 4 and not stops and (text[:2] in MANNER or text[0] == text[1] != text[2] != text[3]):
            continue                     # an adverb and a verb, never at a clause's end: the verb waits for
                                         # its object (紧紧围绕|…, 牢固树立|…); 扎扎实实 is an adverb whole
        units = [u for s, _ in f.places for u in sents.units[s]]
        if addressed(text) or GREETING.match(text) or sum(u.role == "salutation" for u in units) * 2 > len(units):
            continue                     # terms of address, a greeting, a salutation (主席先生，各位同事): no formula
        if len(text) <= 3 and text[0] in "我你他她":
            continue                     # who thinks, not what (我相信, 我认为): a clause's subject and verb
        if len(text) == 3 and text[-1] in "性力":
            continue                     # the noun of a quality or a capacity (针对性, 优越性, 凝聚力, 战斗力): a
                                         # word, no formula
        leads = _leads(sents, [(s, i, i + len(text)) for s, i in f.places])
        opens = _opens(sents, f.places, len(text))
        function = _function(text, units, leads, opens)
        if function in CLAUSAL and not (opens and ends >= 0.5 and stops >= STOPS):
            continue                     # a clause opens and ends with it (…干部|要, …方向|，);
                                         # 继续实施积极|的财政政策 does not; nor does a subject
                                         # (全体组工干部|要…, 各级政府工作人员|必须…)
        _add(phrases, Phrase(function, text, [], units,
                             _example(sents, f.places[0][0], f.places[0][1], len(text)),
                             strength=strength.get(f.canon, 1.0), cohesion=(cohesion or {}).get(f.canon, 1.0)), f.canon)
    for g in gapped:
        grown = anchored(g, sents, bounds)
        if grown is None:
            continue
        left, right = grown
        if not _slot_worthy(g, sents, left, right):
            continue
        units = [u for s in g.sentences for u in sents.units[s]]
        s, a, b, end = g.places[0]
        a, end = a - left, end + right
        sentence = sents.writing(s)
        text = sentence[a:a + len(g.first) + left] + SLOT.format("A") + sentence[b:end]
        if _inside_frame(sents, [(s, x - left) for s, x, _, _ in g.places], text):
            continue                     # the inside of 在…下 with a slot (习近平{A}为核心的党中央坚强领导下), as
                                         # a formula's
        leads = _leads(sents, [(s, x - left, e + right) for s, x, _, e in g.places])
        function = _function(text, units, leads, False)
        _add(phrases, Phrase("frame" if function in ("formula", "measure", "idiom", "formulation") else function,
                             text, ["A"], units, _clip(sentence, a, end - a)),
             sents.texts[s][a:a + len(g.first) + left] + GAP + sents.texts[s][b:end])
    _shapes(phrases, corpus, bounds)
    _quoted(phrases)
    _frames(phrases, groups, corpus)
    for phrase, key in own if own is not None else own_sentences(corpus):
        _add(phrases, phrase, key)
    _fold_variants(phrases)
    return _ids(_best(list(phrases.values()), corpus, min_docs, max_per_function, every, recent_years))


def merged(phrases: list[Phrase], others: list[Phrase], docs: dict[int, int]) -> list[Phrase]:
    """A bank with the entries of another run over some of the same documents (``docs``: its document
    numbers to this corpus's) that it lacks — the same function and words — with ids renewed."""
    have = {(p.function, p.key) for p in phrases} | {(p.function, p.text) for p in phrases}
    added = [replace(p, id="", places=[replace(u, doc=docs[u.doc]) for u in p.places]) for p in others
             if (p.function, p.key) not in have and (p.function, p.text) not in have]
    return _ids(phrases + added)


#: a phrase ending in a verb of saying leads a quotation (…强调，"…"): who says it, not what; or tells that
#: someone spoke (作重要讲话): a news report's, not a speech's
SAYS = re.compile(r"(?:强调|指出|表示|讲话)$")
#: what names an office, a body, a meeting or a law (办公室, 二十国集团, 座谈会, 民族区域自治法; a local
#: bureau: 市教育局, 绍兴市教育局, not 新发展格局; a place's school: 绍兴市第一中学), closing a phrase of up to
#: ``POSTED`` characters
OFFICE = re.compile(r"(?:办公室|委员会|领导小组|工作组|会议|座谈会|研讨会|报告会|推进会|现场会|动员会|表彰会|生活会"
                    r"|集团|联合国|解放军|党派|协会|联盟)$|^[\u4e00-\u9fff]{0,4}[省市县区州镇乡][\u4e00-\u9fff]{1,6}[局厅委]$"
                    # a place's school or hospital by name (绍兴市第一中学; not 一流大学)
                    r"|^[\u4e00-\u9fff]{1,4}[省市县区][\u4e00-\u9fff]{0,6}(?:中学|小学|大学|学院|学校|医院)$"
                    # a law by name (民族区域自治法), not 方法, 执法, 依法
                    r"|^[\u4e00-\u9fff]{3,12}(?<![方办做看说想写用立执司守违依合非不手章效取])法$")
#: a post or form of address a person is named by (``PERSON_TITLE``), closing a phrase of up to ``POSTED``
#: characters
POST = re.compile(rf"(?:{PERSON_TITLE.pattern})$")
POSTED = 8
#: a post a person's name follows (中共中央政治局常委李克强, 党和国家领导人习近平), as the last item of a list of
#: names before it may (…常委李克强、栗战书、|汪洋)
NAMED_AFTER = re.compile(r"(?:常委|委员|领导人|秘书长|总理|主席|书记|部长|省长|市长|县长|区长|局长|院长|校长|主任)"
                         r"(?:[\u4e00-\u9fff]{2,3}、)*$")
#: the longest person's name
NAME = 3
#: a complement of degree after 得, cut from the verb before it (建设|得更加坚强)
DEGREE = re.compile(r"^得(?:更|很|越|十分|非常|最|较|太|比)")
#: words ending in 以 that are no preposition opening 以…为 (可以, 难以为继)
BOUND_YI = frozenset("可以 所以 加以 予以 难以 得以 足以 用以 借以 是以 据以 赖以".split())
#: a noun phrase whose head, after its only 的, is a bare noun of the most general kind (科学技术的发展)
BARE_HEAD = re.compile(r"^[^的，]{2,10}的(?:发展|成绩|比例关系|情况|问题)$")
#: what opens a phrase on such a head that says something: a preposition of time, a verb of having
HAVING = ("随着", "有", "取得", "获得")
#: a governing body named as a whole (党中央, 国务院, 省委, 市政府), as the last words of a phrase
BODY = re.compile(r"(?:党中央|中央|国务院|[省市县区]委|党委|[省市县区]政府)$")
#: characters that join what is added to a phrase: a slot opening with one splits the phrase
JOINERS = frozenset("的和与及而并但或之")


def _slot_worthy(g: Gapped, sents: Sentences, left: int, right: int) -> bool:
    """Whether a gapped formula's slot holds words, not a character of a split word: both parts have
    two characters or more, what fills the slot is two characters long on average (指明了{A}方向; not
    亚太经{A}领导人, 发挥了重要{A}作用) and does not open with a particle (not 赖以生存{A}家园)."""
    if min(len(g.first) + left, len(g.second) + right) < 2:
        return False
    fills = [b - a - len(g.first) for _, a, b, _ in g.places]
    if sum(fills) < 2 * len(fills) or min(fills) < 1:
        return False
    # a slot opened by a particle or conjunction at half of its places splits a phrase around what was
    # added to it (赖以生存{的地球}家园, 治理能力{和管理}水平): no frame
    joined = sum(sents.writing(s)[a + len(g.first)] in JOINERS for s, a, _, _ in g.places)
    return joined * 2 < len(g.places)


def _listed(sents: Sentences, places: list[tuple[int, int]], key: str) -> bool:
    """Whether a phrase is an item of one same list at most of its places, three at least: the same
    item (up to the next separator) stands beside it across a 、 (平等、团结、|互助的社会主义民族关系;
    香港特别行政区、|澳门特别行政区同胞; not 指明了{正确, 前进}方向、|提供了根本遵循). A four-character
    term is a 四字格 of its own there (拥政爱民、拥军优属)."""
    n = len(key)
    if len(places) < 3 or (n == 4 and "，" not in key):
        return False
    beside: Counter[str] = Counter()
    for s, i in places:
        t = sents.writing(s)
        if t[i - 1:i] == "、":
            beside["<" + ITEM.findall(t[:i - 1])[-1]] += 1
        if t[i + n:i + n + 1] == "、":
            beside[">" + _item(t, i + n + 1)] += 1
    return bool(beside) and beside.most_common(1)[0][1] * 2 > len(places)


def _item(text: str, at: int) -> str:
    """The item of a list that starts at ``at``: up to the next separator."""
    m = ITEM.match(text, at)
    return m.group(0) if m else ""


def _cut_list(sents: Sentences, places: list[tuple[int, int]], text: str) -> bool:
    """Whether a chain of items (joined by 、) goes on across another 、 at half of its places or more:
    a list is taken whole, not its first or last items (新闻出版、广播影视、文学艺术|、哲学社会科学); or a
    phrase of one clause is followed by 、 at more than half of its places (全力支持香港|、澳门…), where it
    is no four-character term (a 四字格 in a chain stands on its own: 攻坚克难、真抓实干) and the item after
    the 、 is none of its kind: an item as long as it (give or take two) or opening with its first character
    is one (坚持和加强党的全面领导、坚持和发展…; 增强忧患意识、保持赶考清醒)."""
    n = len(text)
    writings = [(sents.writing(s), i) for s, i in places]
    if "、" not in text:
        if n == 4 or CLAUSE_ENDS.search(text):
            return False
        cut = 0
        for t, i in writings:
            if t[i + n:i + n + 1] == "、":
                item = _item(t, i + n + 1)
                cut += abs(len(item) - n) > 2 and item[:1] != text[0]
        return cut * 2 > len(places)
    goes_on = sum(t[i - 1:i] == "、" or t[i + n:i + n + 1] == "、" for t, i in writings)
    return goes_on * 2 >= len(places)


def _opens(sents: Sentences, places: list[tuple[int, int]], n: int) -> bool:
    """Whether a phrase opens a clause at half of its places or more (after a boundary or 要/必须)."""
    opened = 0
    for s, i in places:
        text = sents.texts[s]
        k = i
        if i and text[i - 1] in LEAD_ENDS:
            for lead in LEADS:
                if text[max(0, i - len(lead)):i] == lead:
                    k = i - len(lead)
                    break
        opened += k == 0 or text[k - 1] in "，：“—"
    return opened * 2 >= len(places)


def _cut_short(text: str, stops: float) -> bool:
    """Whether a formula is no unit of its own (``stops``: the share of its places a clause boundary
    follows): a complement cut from its verb (建设|得更加坚强有力); a noun phrase on a bare head, the object
    of varying verbs (促进|国民经济的发展, 肯定|过去一年取得的成绩 — 随着经济的发展 and 有了很大的发展 say
    something); a body as the object of a verb, waiting for what of it is meant (坚决贯彻党中央|决策部署 —
    以习近平同志为核心的党中央 is whole, as is 我代表党中央, on its behalf); several clauses, the last cut
    inside a clause at most places (各界人士，表示衷心|的感谢; 决策部署，认真落实|…)."""
    if DEGREE.match(text) or (BARE_HEAD.match(text) and not text.startswith(HAVING)):
        return True
    if "，" in text:
        return stops < 0.5
    body = BODY.search(text)
    return body is not None and text[body.start() - 1:body.start()] not in ("", "的") and "代表" not in text


def _named(sents: Sentences, places: list[tuple[int, int]], n: int) -> bool:
    """Whether a term is followed by a title people are called by (同志, 老师, 书记 …) at half of its places
    or more — or, one of up to ``NAME`` characters, follows a post (or a list of names after one) there:
    a person's name (冯王亮老师, 李克强同志; 常委李克强, 领导人习近平、李克强)."""
    named = sum(bool(PERSON_TITLE.match(sents.texts[s], i + n)
                     or (n <= NAME and NAMED_AFTER.search(sents.texts[s][max(0, i - 30):i])))
                for s, i in places)
    return named * 2 >= len(places)


def _transliterated(text: str) -> bool:
    """Whether a term reads as a foreign name: two or more of its characters, and half of them, are ones
    Chinese uses almost only to spell foreign names."""
    spelled = sum(c in TRANSLITERATION for c in text)
    return spelled >= 2 and spelled * 2 >= len(text)


def addressed(text: str) -> bool:
    """Whether a sentence is terms of address only (女士们、先生们、同志们; 主席先生，各位同事): a vocative.
    Split at the joints first, each term read alone (one pattern over the whole would backtrack without end
    on a hostile line)."""
    return all(VOCATIVE.fullmatch(term) for term in JOINTS.split(text.rstrip("！!：:")))


def _inside_frame(sents: Sentences, places: list[tuple[int, int]], text: str) -> bool:
    """Whether a phrase is the inside of a frame whose opening word stands before it: of 在…下 / 在…上 /
    在…周围 (共同努力下, 和平共处五项原则的基础上, 党中央周围, 疫情防控的同时), or its tail (在深化、内化、
    转化|上下功夫); of 以…为… (毛泽东|思想为指导, 以|政治建设为统领, 以此|为契机)."""
    return bool((LOCALISED.search(text) and text[0] not in "在从于" and _inside_zai(sents, places, CLAUSE_MARKS))
                or (text[0] in "上下" and _inside_zai(sents, places, CLAUSE_ENDS))
                or ("为" in text and text[0] != "以" and _inside_yi(sents, places)))


def _inside_zai(sents: Sentences, places: list[tuple[int, int]], marks: re.Pattern) -> bool:
    """Whether 在 is in the part before a phrase (from the last of ``marks``) at half of its places or more."""
    inside = sum("在" in marks.split(sents.writing(s)[:i])[-1] for s, i in places)
    return inside * 2 >= len(places)


def _attributive(sents: Sentences, places: list[tuple[int, int]], n: int) -> bool:
    """Whether 的 follows a phrase (of ``n`` characters) at more than half of its places."""
    return sum(sents.writing(s)[i + n:i + n + 1] == "的" for s, i in places) * 2 > len(places)


def _inside_yi(sents: Sentences, places: list[tuple[int, int]]) -> bool:
    """Whether the clause before a phrase opens with 以 (after 要, 必须 …), or 以 stands right before it
    (推进以|人为本的新型城镇化), at half of its places or more."""
    inside = 0
    for s, i in places:
        part = CLAUSE_ENDS.split(sents.writing(s)[:i])[-1]
        lead = next((lead for lead in LEADS if part.startswith(lead)), "")
        inside += part[len(lead):].startswith("以") or (part.endswith("以") and part[-2:] not in BOUND_YI)
    return inside * 2 >= len(places)


def _best(phrases: list[Phrase], corpus: Corpus, min_docs: int, top: int, every: bool = False,
          recent_years: int = RECENT_YEARS) -> list[Phrase]:
    """Score every phrase seen in a speech (not only in notices, where the corpus has speeches); keep those
    seen in ``min_docs`` documents (the speeches' own sentences,
    shapes and frames in one, unless ``every``; a quotation in one), the best ``top`` of each function,
    and — where the corpus reaches back before its last ``recent_years`` years — a quarter as many more
    of the current ones: those that half of the recent documents use, in half of their documents or
    more (a writer writes now: 高质量发展, in every report since 2018, ranks below formulas that fifty
    years of reports share; 社会主义, in all of them, is no current formula)."""
    from drafter.structure.parts import OFFICIAL

    years = [d.year for d in corpus.docs]
    speeches = {d for d, doc in enumerate(corpus.docs) if doc.speech.meta.kind != OFFICIAL}
    if speeches:                         # a notice's own phrases (请相互告知) are no speech's
        phrases = [p for p in phrases if any(u.doc in speeches for u in p.places)]
    span = sorted({y for y in years if y is not None})
    recent = {d for d, y in enumerate(years) if y is not None and y > span[-1] - recent_years} if span else set()
    older = bool(span) and span[0] <= span[-1] - recent_years       # the corpus reaches back further
    by_function: dict[str, list[Phrase]] = defaultdict(list)
    for p in phrases:
        docs = {u.doc for u in p.places}
        dated = {years[d] for d in docs if years[d] is not None}
        spread = (len(dated) / len(docs)) if span and docs else 1.0
        # a short term that holds together loosely, or that nearly every document has, is a common
        # word more than a formula: it ranks lower (体制改革, 国民经济 below 攻坚克难, 来之不易)
        common = 1 - (len(docs) - 1) / len(corpus.docs) if p.cohesion < 1 else 1.0
        p.score = round(len(docs) * (0.5 + 0.5 * spread) * p.strength * p.cohesion * common, 3)
        by_function[p.function].append(p)
    out = []
    small = len(corpus.docs) <= SMALL
    for function, group in by_function.items():
        # a speech's own transition or closing, a triad or a heading frame counts from one document in a
        # small corpus, in a large one where it recurs, and from min_docs when the user set it; a
        # quotation counts from one document always
        own = function in ("transition", "closing.call", "closing.modesty", "quotation", "triad", "frame",
                           "formulation")
        group = [p for p in group
                 if ((own and not every and (small or p.docs >= 2)) or p.function == "quotation"
                     or p.docs >= min_docs)
                 and (not p.slots or cjk_count(SLOTS.sub("", p.text)) >= FIXED)]
        group.sort(key=lambda p: (-p.score, -p.docs, -len(p.places), p.key))
        out += group[:top]
        if older:
            uses = {p.key: len({u.doc for u in p.places} & recent) for p in group[top:]}
            current = [p for p in group[top:] if uses[p.key] * 2 >= max(len(recent), p.docs) and uses[p.key] >= 2]
            current.sort(key=lambda p: (-uses[p.key], -p.score, -p.docs, p.key))
            out += current[:max(1, top // 4)]
    return out


def _leads(sents: Sentences, spans: list[tuple[int, int, int]]) -> bool:
    """Whether a phrase, at one of its places (sentence, start, end) in a closing, opens the sentence
    (after a vocative such as 同志们，) or is a whole clause."""
    for s, a, b in spans:
        if not any(u.role == "closing" for u in sents.units[s]):
            continue
        text = sents.texts[s]
        if a == 0 or (text[a - 1] == "，" and CALL.fullmatch(text[:a - 1])):
            return True
        if (a == 0 or text[a - 1] in CLAUSE) and (b == len(text) or text[b] in CLAUSE):
            return True
    return False


def _function(text: str, units: list[Unit], leads: bool, opens: bool) -> str:
    plain = text.replace(SLOT.format("A"), "…")
    if triads(plain) == [(0, len(plain))]:
        return "triad"
    if NUMBERED.fullmatch(canon(plain)):
        return "formulation"
    if SIGNIFICANCE.search(plain):
        return "significance"
    clauses = canon(plain).split("，")
    if "…" not in plain and all(len(c) == 4 for c in clauses):
        return "idiom"                   # 矢志不渝, 此时此刻: wherever they stand, not an opening's words
    roles = Counter("opening" if u.role in ("opening", "transition") else u.role for u in units)
    if roles["opening"] * 3 >= 2 * len(units):
        return "opening.context"
    if CALL.match(plain) and roles["closing"] * 2 > len(units) and leads:
        return "closing.call"
    if REQUIREMENT.match(plain):
        return "requirement"
    if SINCE.search(plain) and len(clauses) == 1:
        return "formula"                 # a time (党的十八大以来, 改革开放以来): when, not what is done
    if opens and len(plain) >= 5:
        return "measure"
    if len(clauses) == 1 and len(plain) <= 14 and "…" not in plain and "的" not in plain[:3]:
        return "formulation"
    return "formula"


def _add(phrases: dict, phrase: Phrase, key: str) -> None:
    """Add a phrase, or its places to the one already there with the same function and text."""
    old = phrases.get((phrase.function, key))
    if old is None:
        phrase.key = key
        phrases[(phrase.function, key)] = phrase
    else:
        _absorb(old, phrase)


def _absorb(home: Phrase, other: Phrase) -> None:
    """The places of ``other`` added to ``home`` (each sentence once)."""
    seen = {(u.doc, u.line, u.text) for u in home.places}
    home.places += [u for u in other.places if (u.doc, u.line, u.text) not in seen]


def _shapes(phrases: dict, corpus: Corpus, bounds: Bounds) -> None:
    """Triads, formulations and quotations, as each document's sentences showed them (``Doc.shapes``).
    A triad whose lead-in, left out, ended inside a word (必|须对人民负责，为人民谋利益，接受人民监督) starts
    where the word does: the corpus binds the two characters (see ``Bounds.bound``)."""
    for doc in corpus.docs:
        for k, function, a, b, by in doc.shapes:
            unit = doc.units[k]
            if unit.role == "salutation" or addressed(unit.text) or addressed(unit.text[a:b]):
                continue                 # 女士们、先生们、朋友们: a salutation or a vocative, no triad
            if function == "triad":
                a = _word_start(unit.text, a, bounds)
            text = unit.text[a:b]
            _add(phrases, Phrase(function, text, [], [unit], _clip(unit.text, a, b - a), by),
                 canon(text) if function != "formulation" else unit.canon[a:b])
    sides = neighbours_across(_slices(corpus), [p.text for (function, _), p in phrases.items() if function == "triad"])
    for key, p in list(phrases.items()):
        if key[0] == "triad" and _goes_on(*sides[p.text]):
            del phrases[key]             # a list cut short where it recurs (…文学艺术|、哲学社会科学)
    for (function, _), p in phrases.items():
        if function == "quotation" and p.by is None:
            p.by = next((by for u in p.places for k, f, _, _, by in corpus.docs[u.doc].shapes
                         if f == "quotation" and by and corpus.docs[u.doc].units[k] is u), None)


def _slices(corpus: Corpus, size: int = 1 << 20) -> Iterator[str]:
    """The corpus's sentences as they are written, a line each, ``size`` characters or so at a time (each
    slice starting and ending with a newline)."""
    lines: list[str] = []
    length = 0
    for doc in corpus.docs:
        for unit in doc.units:
            lines.append(unit.text)
            length += len(unit.text) + 1
            if length >= size:
                yield "\n" + "\n".join(lines) + "\n"
                lines, length = [], 0
    if lines:
        yield "\n" + "\n".join(lines) + "\n"


def _goes_on(left: str, right: str) -> bool:
    """Whether a list goes on across a 、 before or after a text at half of its places in the corpus
    or more (``left``, ``right``: the characters beside each place, see ``neighbours``)."""
    goes_on = sum(a == "、" or b == "、" for a, b in zip(left, right, strict=True))
    return goes_on * 2 >= len(left) > 0


def _word_start(text: str, a: int, bounds: Bounds) -> int:
    """``a``, or the start of the word ``a`` is inside of (its characters are tight, see ``Bounds.tight``)."""
    while a > 0 and CJK.match(text[a - 1]) and CJK.match(text[a]) and bounds.tight(text[a - 1], text[a]):
        a -= 1
    return a


def _quoted(phrases: dict) -> None:
    """A formulation writers quote (“一国两制”, “四个意识”) is one entry: the same words found unquoted,
    under any function, are more of its places, not an entry of their own."""
    quoted = {p.text[1:-1]: p for (function, _), p in phrases.items()
              if function == "formulation" and p.text.startswith("“") and p.text.endswith("”")}
    for key, p in list(phrases.items()):
        q = quoted.get(p.text)
        if q is not None and q is not p:
            del phrases[key]
            _absorb(q, p)


def _frames(phrases: dict, groups: list[Group], corpus: Corpus) -> None:
    index = {d.name: i for i, d in enumerate(corpus.docs)}
    for g in groups:
        units = [Unit(index[g.doc], m.line, "heading", m.text, True) for m in g.members]
        text = _template(g.frame)
        _add(phrases, Phrase("frame", text, _names(g.frame), units, g.members[0].text), text)


def own_sentences(corpus: Corpus) -> list[tuple[Phrase, str]]:
    """Transitions and closings, with their keys: each sentence, or one template where several documents
    share a frame. A closing call opens with a vocative (同志们，…), or is the last sentence of a speech
    whose closing has a vocative line of its own (各位代表！)."""
    out: list[tuple[Phrase, str]] = []
    kinds = defaultdict(list)
    for doc in corpus.docs:
        lead_in = (doc.speech.transition or "").rstrip("。！？；")
        for unit in doc.units:
            if unit.role in ("opening", "transition") and unit.text == lead_in:
                kinds["transition"].append(unit)
            elif unit.role == "closing" and MODESTY.match(unit.text):
                kinds["closing.modesty"].append(unit)
            elif unit.role == "closing" and unit.first and CALL.match(unit.text) and not addressed(unit.text):
                kinds["closing.call"].append(unit)
        vocative = any(u.role == "closing" and CALL.match(u.text) and addressed(u.text) for u in doc.units)
        if vocative and doc.units and doc.units[-1].role == "closing" and not CALL.match(doc.units[-1].text):
            kinds["closing.call"].append(doc.units[-1])    # 各位代表！ … the last sentence calls
    for function, units in kinds.items():
        items = list(dict.fromkeys((i, u.text) for i, u in enumerate(units)))
        grouped = set()
        for frame, members in parallel_sets(items, _shared, overlap=1 / 3):
            docs = {units[i].doc for i, _ in members}
            if len(docs) < 2:
                continue
            grouped |= {i for i, _ in members}
            text = _template(frame)
            out.append((Phrase(function, text, _names(frame), [units[i] for i, _ in members], members[0][1]), text))
        for i, u in enumerate(units):
            text, n = TITLE.subn("《" + SLOT.format("A") + "》", u.text)
            if i in grouped or len(text) > ONE_OFF:
                continue                 # a long sentence of one speech is its own (在玉雄同志安排部署的基础上)
            out.append((Phrase(function, text, ["A"] if n else [], [u], u.text), canon(text)))
    return out


def _fold_variants(phrases: dict) -> None:
    """Sentences of one function that differ in a few words (…向大会作政府工作报告… beside …向大会报告政府
    工作…, a template beside its filled forms) are one entry: the one in most documents, with the places
    of all. Two are variants when ``VARIANT`` of their characters (slots aside) align."""
    from rapidfuzz import fuzz

    for function in SENTENCE_FUNCTIONS:
        entries = sorted(((k, p) for k, p in phrases.items() if k[0] == function),
                         key=lambda kp: (-kp[1].docs, kp[1].text))
        kept: list[tuple[str, Phrase]] = []
        for key, p in entries:
            bare = SLOTS.sub("", p.text)
            home = next((q for text, q in kept if fuzz.ratio(bare, text) >= VARIANT), None)
            if home is None:
                kept.append((bare, p))
                continue
            del phrases[key]
            _absorb(home, p)


def _shared(frame: Frame, members: list[tuple[int, str]]) -> bool:
    """Sentences of several documents share a template when it fixes four characters and a third of them."""
    return frame.literal >= 4 and frame.literal * 3 >= sum(len(t) for _, t in members) / len(members)


def _template(frame: Frame) -> str:
    return frame.pattern(SLOT)


def _names(frame: Frame) -> list[str]:
    return [chr(ord("A") + i) for i in range(frame.slots)]


def _example(sents: Sentences, s: int, i: int, n: int) -> str:
    return _clip(sents.writing(s), i, n)


def _clip(sentence: str, i: int, n: int) -> str:
    """The sentence around a phrase at ``i`` (length ``n``), cut to about ``EXAMPLE`` characters."""
    room = max(0, EXAMPLE - n) // 2
    start, end = max(0, i - room), min(len(sentence), i + n + room)
    return ("…" if start else "") + sentence[start:end] + ("…" if end < len(sentence) else "")


def _ids(phrases: list[Phrase]) -> list[Phrase]:
    """Ids from the function and a hash of the text, so they stay when the corpus grows; sorted."""
    taken: set[str] = set()
    for p in sorted(phrases, key=lambda p: (p.function, p.key)):
        digest = hashlib.sha1(p.key.encode("utf-8")).hexdigest()
        size = 6
        while f"{p.function}.{digest[:size]}" in taken:
            size += 1
        p.id = f"{p.function}.{digest[:size]}"
        taken.add(p.id)
    order = {f: i for i, f in enumerate(FUNCTIONS)}
    return sorted(phrases, key=lambda p: (order[p.function], -p.score, -p.docs, -len(p.places), p.key))
