"""An outline learnt from several documents gives the usual number of parts (a range over the middle
half of them, not one odd document's count) and names its numbering in Chinese."""

from __future__ import annotations

from drafter.mine import mine_corpus
from drafter.zh import chinese_numeral

TOPICS = "党建 经济 民生 安全 生态 文化 教育 科技 交通 农业 水利 卫生".split()
PLACES = "东城 西城 南岗 北湖 中山 江滨".split()


def write_meetings(folder, parts: list[int]) -> None:
    """One work-meeting speech per count, each with that many numbered parts."""
    for i, n in enumerate(parts):
        p = PLACES[i]
        lines = [f"在{p}区工作会议上的讲话", "", "同志们：", f"今天{p}区召开会议，主要任务是部署{p}全年工作。"]
        for k in range(n):
            t = TOPICS[(k + i) % len(TOPICS)]
            lines += [f"{chinese_numeral(k + 1)}、切实抓好{t}工作",
                      f"{p}要把{t}摆在突出位置，{p}的{t}任务务必落实到位。"]
        lines.append(f"同志们，让我们团结一心，努力完成{p}全年目标任务！")
        (folder / f"{i}.txt").write_text("\n".join(lines) + "\n", encoding="utf-8")


def test_the_parts_range_is_the_usual_one_and_the_whole_range_is_said(tmp_path):
    write_meetings(tmp_path, [1, 3, 3, 3, 4, 12])
    [outline] = mine_corpus(tmp_path).outlines
    assert (outline["sections"]["min"], outline["sections"]["max"]) == (3, 4)
    assert outline["description"].startswith("从 6 篇讲话稿归纳：一级 3–4 部分（各篇 1–12），编号 “一、”，")
