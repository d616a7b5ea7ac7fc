"""Pinyin of bank text, computed once when the index or an export is built (pypinyin is slow to
import, so a search never imports it: the index stores each entry's syllables).

``syllables(text)`` gives one toneless syllable per character ('' for a character that is not a Han
character), so a match in the pinyin maps back to the characters to highlight.
"""

from __future__ import annotations

import re

HAN = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]+")
ASCII_QUERY = re.compile(r"^[a-zA-Z' ]+$")


#: every toneless syllable (ü written v), to tell a query of syllables from one of initials
SYLLABLES = frozenset("""
a ai an ang ao ba bai ban bang bao bei ben beng bi bian biang biao bie bin bing bo bong bu ca
cai can cang cao ce cei cen ceng cha chai chan chang chao che chen cheng chi chong chou chu chua
chuai chuan chuang chui chun chuo ci cong cou cu cuan cui cun cuo da dai dan dang dao de dei den
deng di dia dian diao die din ding diu dong dou du duan dui dun duo e ei en eng er fa fan fang
fei fen feng fiao fo fou fu ga gai gan gang gao ge gei gen geng gong gou gu gua guai guan guang
gui gun guo ha hai han hang hao he hei hen heng hong hou hu hua huai huan huang hui hun huo ji
jia jian jiang jiao jie jin jing jiong jiu ju juan jue jun ka kai kan kang kao ke kei ken keng
kong kou ku kua kuai kuan kuang kui kun kuo la lai lan lang lao le lei len leng li lia lian
liang liao lie lin ling liu lo long lou lu luan lun luo lv lve ma mai man mang mao me mei men
meng mi mian miao mie min ming miu mo mou mu na nai nan nang nao ne nei nen neng ni nia nian
niang niao nie nin ning niu nong nou nu nuan nun nuo nv nve o ou pa pai pan pang pao pei pen
peng pi pian piao pie pin ping po pou pu qi qia qian qiang qiao qie qin qing qiong qiu qu quan
que qun ran rang rao re ren reng ri rong rou ru rua ruan rui run ruo sa sai san sang sao se sen
seng sha shai shan shang shao she shei shen sheng shi shou shu shua shuai shuan shuang shui shun
shuo si song sou su suan sui sun suo ta tai tan tang tao te tei teng ti tian tiao tie ting tong
tou tu tuan tui tun tuo wa wai wan wang wei wen weng wo wong wu xi xia xian xiang xiao xie xin
xing xiong xiu xu xuan xue xun ya yan yang yao ye yi yin ying yo yong you yu yuan yue yun za zai
zan zang zao ze zei zen zeng zha zhai zhan zhang zhao zhe zhei zhen zheng zhi zhong zhou zhu
zhua zhuai zhuan zhuang zhui zhun zhuo zi zong zou zu zuan zui zun zuo
""".split())


def available() -> bool:
    try:
        import pypinyin  # noqa: F401  (is it there?)
    except ImportError:
        return False
    return True


def syllables(text: str) -> list[str]:
    """One pinyin syllable per character of ``text`` ('' for non-Han characters)."""
    from pypinyin import lazy_pinyin

    out = [""] * len(text)
    for m in HAN.finditer(text):
        for i, syl in enumerate(lazy_pinyin(m.group())):
            if m.start() + i < len(out):
                out[m.start() + i] = syl.replace("ü", "v")
    return out


_FAST: dict[str, str] = {}


def fast_syllables(text: str) -> list[str]:
    """Like ``syllables`` but each character alone, by its first reading: far quicker, for the many
    corpus sentences (a polyphone may get its less common reading)."""
    if not _FAST:
        import unicodedata

        from pypinyin.pinyin_dict import pinyin_dict

        for code, readings in pinyin_dict.items():
            first = readings.split(",")[0]
            plain = unicodedata.normalize("NFD", first).replace("u\u0308", "v")
            _FAST[chr(code)] = "".join(c for c in plain if not unicodedata.combining(c))
    return [_FAST.get(c, "") if HAN.match(c) else "" for c in text]


def initials(syls: list[str]) -> str:
    """The initials of the Han characters, punctuation left out (the form searched)."""
    return "".join(s[0] for s in syls if s)


def han_positions(syls: list[str]) -> list[int]:
    """Character index of each letter of ``initials(syls)``."""
    return [i for i, s in enumerate(syls) if s]


def syllabic(q: str) -> bool:
    """Whether q is whole syllables, the last perhaps cut short (genbenzunx): typed as pinyin, not
    as initials."""
    q = q.replace("'", "").replace(" ", "").lower()
    ok = [False] * (len(q) + 1)
    ok[0] = True
    for i in range(len(q)):
        if ok[i]:
            for j in range(i + 1, min(len(q), i + 6) + 1):
                if q[i:j] in SYLLABLES:
                    ok[j] = True
    if ok[len(q)]:
        return True
    last = max(i for i in range(len(q) + 1) if ok[i])
    return last > 0 and any(s.startswith(q[last:]) for s in SYLLABLES)


def is_pinyin_query(query: str) -> bool:
    return bool(ASCII_QUERY.match(query)) and any(c.isalpha() for c in query)


def pack(syls: list[str]) -> str:
    """Stored form: syllables joined by spaces, '-' for a non-Han character."""
    return " ".join(s or "-" for s in syls)


def unpack(packed: str) -> list[str]:
    return [("" if s == "-" else s) for s in packed.split(" ")] if packed else []


def match(query: str, syls: list[str]) -> tuple[int, int] | None:
    """The character span whose pinyin the query spells, each syllable by a prefix of itself:
    initials (ddzw), whole syllables (dandangzuowei) or a mix (dandzw); None if it spells none.
    (The index finds candidates for the first two forms.)"""
    q = query.replace(" ", "").replace("'", "").lower()
    if not q:
        return None
    n = len(syls)
    for start in range(n):
        if not syls[start]:
            continue
        end = _spell(q, syls, start)
        if end is not None:
            return start, end
    return None


def _spell(q: str, syls: list[str], i: int) -> int | None:
    """Consume q from syllable i on: each syllable by a non-empty prefix of itself. Returns the end
    character index, or None."""
    # iterative backtracking over prefix lengths, longest first
    stack = [(0, i)]
    while stack:
        pos, k = stack.pop()
        if pos == len(q):
            return k
        while 0 < pos and k < len(syls) and not syls[k]:
            k += 1                               # punctuation between syllables: skipped
        if k >= len(syls) or not syls[k]:
            continue
        s = syls[k]
        limit = 0
        while limit < len(s) and pos + limit < len(q) and q[pos + limit] == s[limit]:
            limit += 1
        for take in range(1, limit + 1):        # pushed shortest first, so longest is tried first
            stack.append((pos + take, k + 1))
    return None
