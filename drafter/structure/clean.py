"""Cleaning raw source lines: web-page debris, page metadata, hidden-text gaps and broken lines.

The rules are about web pages, not about any one speech: a page wraps a speech in navigation,
publishing metadata, download and share prompts, a copyright footer and lists of related pages.
Every line dropped is reported with a reason; nothing else is dropped.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from drafter.ingest import Hints, SourceLine
from drafter.structure.normalize import normalize
from drafter.model import Removed
from drafter.zh import has_hanzi

GAP = re.compile(r"^[-—－=*.·…\s]*[(（【\[]?\s*(?:此处|以下|中间|部分内容)?(?:已)?隐藏\s*(\d+)?\s*(?:个)?字.*$")

#: page metadata: "发布时间:…", "来源:中国组织人事报 时间:… 编辑:…", "更新时间:2025-08 来源:网友投稿"
META_KEY = (r"(?:发布时间|发布日期|发表时间|更新时间|上传时间|时间|日期|来源|出处|作者|编辑|责任编辑|责编|"
            r"浏览(?:次数)?|阅读(?:量)?|点击(?:量)?|字数|字号|栏目|分类)")
META_LINE = re.compile(rf"^(?:{META_KEY}\s*[:：].*|"
                       rf"\d{{4}}[-/.]\d{{1,2}}[-/.]\d{{1,2}}(?:\s+\d{{1,2}}:\d{{2}}(?::\d{{2}})?)?"
                       rf".*(?:下载|作者|来源|浏览|上传|阅读).*)$")
META_FIELD = re.compile(rf"({META_KEY})\s*[:：]\s*(\S+(?: \d{{1,2}}:\d{{2}}(?::\d{{2}})?)?)")
#: a line that is only a date, as a speech's date line may be: (2023-11-26)
DATE_ONLY = re.compile(r"^[（(]?\d{4}[-/.]\d{1,2}(?:[-/.]\d{1,2})?[）)]?$")
DATE = re.compile(r"\d{4}[-/.年]\d{1,2}(?:[-/.月]\d{1,2}日?)?")
#: metadata values that say nothing (uploaded by a member, contributed by a reader, …)
EMPTY_VALUES = {"网友投稿", "会员上传", "佚名", "网络", "互联网", "admin", "匿名", "本站", "网友", "用户上传"}

#: lines a page adds around any article
DEBRIS = [
    (re.compile(r"小编.{0,12}(?:整理|收集|分享|精心|推荐|为)"), "编辑按语 site editor's note"),
    (re.compile(r"^(?:简介|摘要|导读)\s*[:：].{0,40}(?:小编|整理了|为你|为大家|文库)"), "网站简介 site blurb"),
    (re.compile(r"^(?:免责)?声明\s*[:：]|版权所有|版权声明|版权归|未经(?:授权|许可).{0,10}(?:禁止|不得)"
                r"|ICP备|Powered by|All Rights Reserved|侵权", re.I), "版权声明 copyright"),
    (re.compile(r"^下载|下载本文|下载文档|点此处?下载|下载到(?:自己)?(?:电脑|本地)|word格式文档"
                r"|文档为\s*doc|\.docx?$|全文下载|免费下载|请勿使用迅雷", re.I), "下载提示 download prompt"),
    (re.compile(r"^(?:当前位置|您的位置|您现在的位置|所在位置)\s*[:：]|^(?:首页|主页)\s*[>＞»›]"
                r"|^[^。，>＞»›]{1,12}(?:\s*[>＞»›]\s*[^。，>＞»›]{1,12}){2,}$"), "导航 breadcrumb"),
    (re.compile(r"分享到|扫一扫|点击(?:底部|右上角)|打开微信|微信扫|关注(?:我们|公众号)"), "分享提示 share prompt"),
]
#: a line that is only one of these words starts or belongs to the page's footer of related links
FOOTER = re.compile(r"^(?:推荐访问|相关推荐|热点推荐|热门推荐|猜你喜欢|相关范文推荐|相关范文|相关文章|相关阅读"
                    r"|推荐阅读|延伸阅读|热门文章|最新文章|上一篇|下一篇|返回顶部|返回列表|更多精彩|精彩推荐)"
                    r"\s*[:：]?.{0,40}$")
NAV_WORDS = re.compile(r"^(?:分享|收藏|点赞|打印|关闭|评论|返回|举报|纠错|字号|大|中|小|默认|复制链接|在线阅读"
                       r"|加入收藏|设为首页|x|×|关闭窗口|打印本页|打印文章|返回顶部)$", re.I)


@dataclass
class Line:
    """A source line after normalisation, with what cleaning found it to be."""

    no: int
    raw: str
    text: str
    hints: Hints = field(default_factory=Hints)


@dataclass
class PageMeta:
    source: str | None = None
    date: str | None = None
    author: str | None = None


@dataclass
class Cleaned:
    lines: list[Line]                       # non-blank lines kept, normalised (gaps included)
    removed: list[Removed] = field(default_factory=list)
    page: PageMeta = field(default_factory=PageMeta)


def gap_size(text: str) -> tuple[bool, int | None]:
    """Whether a line is a hidden-text marker, and how many characters it says were hidden."""
    if "隐藏" not in text or len(text) > 60:
        return False, None
    m = GAP.match(text)
    if not m:
        return False, None
    return True, int(m.group(1)) if m.group(1) else None


def debris_reason(text: str) -> str | None:
    """Why a normalised line is page debris, or None if it may be speech text."""
    if len(text) <= 400:
        for pattern, why in DEBRIS:
            if pattern.search(text):
                return why
    if len(text) <= 90 and META_LINE.match(text):
        return "页面信息 page metadata"
    controls = [c for c in re.split(r"[【】\[\]｜|:：\s]+", text) if c]
    if controls and all(NAV_WORDS.match(c) for c in controls):
        return "页面按钮 page control"
    return None


def page_metadata(text: str, page: PageMeta) -> None:
    """Keep source, date and author from a page-metadata line."""
    for key, value in META_FIELD.findall(text):
        value = value.strip()
        if value in EMPTY_VALUES:
            continue
        if key in ("来源", "出处") and not page.source:
            page.source = value
        elif key == "作者" and not page.author:
            page.author = value
        elif ("时间" in key or "日期" in key) and not page.date:
            m = DATE.search(value)
            page.date = m.group(0) if m else value
    if not page.date:
        m = re.match(r"^(\d{4}-\d{1,2}-\d{1,2})", text)
        if m:
            page.date = m.group(1)


def clean(source: list[SourceLine]) -> Cleaned:
    """Normalise lines, drop and report debris, keep page metadata; blank lines are dropped silently."""
    out = Cleaned(lines=[])
    lines = [Line(s.no, s.text, normalize(s.text), s.hints) for s in source]
    body_seen = False
    in_footer = False
    for line in lines:
        text = line.text
        if not text:
            continue
        is_gap, _ = gap_size(text)
        if is_gap:
            out.lines.append(line)
            continue
        why = None
        if re.fullmatch(r"(?:toc|目录)\d?", line.hints.style or ""):
            why = "目录 table of contents"
        elif in_footer:
            why = "页脚 page footer"
        elif FOOTER.match(text) and len(text) <= 40:
            why, in_footer = "相关链接 related links", True
        else:
            why = debris_reason(text)
            if why is None and not has_hanzi(text) and not DATE_ONLY.match(text) and (not body_seen or len(text) <= 40):
                why = "非正文 not Chinese text"
        if why:
            if "metadata" in why or "页面信息" in why:
                page_metadata(text, out.page)
            out.removed.append(Removed(line.no, line.raw.strip(), why))
            continue
        if len(text) > 40 and re.search(r"[。！？]", text):
            body_seen = True
        out.lines.append(line)
    return out
