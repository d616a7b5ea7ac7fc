"""Hypothesis strategies that write whole speeches as raw text, with the structure they were written with."""

from __future__ import annotations

from dataclasses import dataclass, field

from hypothesis import strategies as st

from drafter.zh import chinese_numeral

PHRASES = [
    "坚持以人民为中心", "深入学习贯彻党的二十大精神", "扎实推进基层党组织建设", "持续深化干部人事制度改革",
    "不断提升组织工作质量", "着力加强年轻干部培养", "切实压紧压实主体责任", "全面加强人才队伍建设",
    "统筹推进各项重点任务", "认真落实会议部署要求", "大力弘扬求真务实作风", "积极营造干事创业氛围",
    "牢固树立正确用人导向", "进一步健全考核评价机制", "推动各项政策落地见效", "筑牢基层战斗堡垒",
    "强化政治引领作用", "优化营商发展环境", "完善基层治理体系", "抓好作风建设",
    "夯实党建工作基础", "激发干部担当作为", "提高服务群众水平", "加强监督检查力度",
]
OPENERS = ["今年以来", "近年来", "实践证明", "总的来看", "从全市情况看", "客观地讲", "必须看到",
           "事实证明", "当前", "长期以来", "从实践看", "同时", "此外", "另外", "总体而言", "具体来说",
           "一方面", "归根到底", "说到底", "换句话说", "由此可见", "为此", "对此", "据统计"]
LADDERS = [("一、", "（一）", "1．", "（1）"), ("一、", "第一，"), ("一、", "1．"), ("（一）", "1．"),
           ("一、", "（一）")]
DEBRIS_HEAD = ["发布时间:2024-03-05 09:12:33", "下面是小编为大家整理的讲话稿,供大家参考。", "当前位置:首页>范文>讲话稿"]
DEBRIS_TAIL = ["推荐访问:", "版权所有:某某范文网 2005-2024 未经授权禁止复制", "下载本文档"]


def mark(style: str, n: int) -> str:
    cn = chinese_numeral(n)
    return {"一、": f"{cn}、", "（一）": f"({cn})", "1．": f"{n}.", "（1）": f"({n})", "第一，": f"第{cn},"}[style]


@dataclass
class Written:
    text: str
    headings: list[tuple[int, int, str, bool, str]] = field(default_factory=list)  # line, depth, style, run_in, text
    title: str | None = None
    occasion: str | None = None


@st.composite
def sentence(draw, opener: str | None = None) -> str:
    parts = draw(st.lists(st.sampled_from(PHRASES), min_size=3, max_size=5))
    comma = draw(st.sampled_from([",", "，"]))
    return (opener + comma if opener else "") + comma.join(parts) + "。"


@st.composite
def speeches(draw) -> Written:
    """A whole speech: title block, salutation, opening, nested numbered sections, closing, page debris."""
    ladder = draw(st.sampled_from(LADDERS))
    openers = iter(draw(st.permutations(OPENERS)))
    lines: list[str] = []
    out = Written("")
    blank = draw(st.booleans())

    def emit(text: str) -> int:
        lines.append(text)
        if blank:
            lines.append("")
        return len(lines) - (1 if blank else 0)

    def paragraph() -> str:
        first = draw(sentence(next(openers, None)))
        return first + "".join(draw(st.lists(sentence(), min_size=1, max_size=2)))

    if draw(st.booleans()):
        for d in draw(st.lists(st.sampled_from(DEBRIS_HEAD), max_size=2, unique=True)):
            emit(d)
    if draw(st.booleans()):
        occasion = draw(st.sampled_from(["全市组织工作会议", "全县基层党建工作推进会", "专题读书班结业式"]))
        out.title, out.occasion = f"在{occasion}上的讲话", occasion
        emit(out.title)
        emit("（2024年3月5日）")
        emit("同志们:")
    emit(paragraph())
    emit("下面,我讲几点意见。")

    def section(depth: int) -> None:
        count = draw(st.integers(1, 3))
        for n in range(1, count + 1):
            style = ladder[depth - 1]
            head = draw(st.sampled_from(PHRASES)) + "，" + draw(st.sampled_from(PHRASES))
            run_in = depth > 1 and draw(st.booleans())
            if run_in:
                line = emit(mark(style, n) + head + "。" + paragraph())
            else:
                line = emit(mark(style, n) + head)
                if draw(st.booleans()) or depth == len(ladder):
                    emit(paragraph())
            out.headings.append((line, depth, style, run_in, head))
            if depth < len(ladder) and draw(st.booleans()):
                section(depth + 1)

    section(1)
    emit("同志们,让我们" + draw(st.sampled_from(PHRASES)) + "。")
    if draw(st.booleans()):
        for d in draw(st.lists(st.sampled_from(DEBRIS_TAIL), max_size=2, unique=True)):
            emit(d)
    out.text = "\n".join(lines)
    return out
