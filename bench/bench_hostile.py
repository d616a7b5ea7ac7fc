"""Benchmark: work that must grow no faster than its input, each case at 1×, 10× and 100× size.

    python bench/bench_hostile.py [--base 1.0]

Cases (issue 13): breaking a long title into lines; finding unnumbered lead heads among many
paragraphs that share a frame (and parsing a .docx of that many paragraphs); writing a long speech as
.docx; the tree view of ``drafter parse`` beside its JSON; a first line of terms of address joined by 和
(the salutation's pattern) and the miner's check of a vocative on such a line. Each line shows the
seconds at each size and the ratios t(10×)/t(1×) and t(100×)/t(10×): about 10 is linear, about 100
quadratic. ``--base`` scales the 1× sizes (0.1 for a quick look).
"""

from __future__ import annotations

import argparse
import io
import json
import sys
import time
import zipfile
from pathlib import Path
from xml.sax.saxutils import escape

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from drafter import parse_text  # noqa: E402
from drafter.library import Library  # noqa: E402
from drafter.mine.bank import addressed  # noqa: E402
from drafter.render import render  # noqa: E402
from drafter.render.titlebreak import break_title  # noqa: E402
from drafter.structure.lead import lead_heads  # noqa: E402

PHRASE = "关于在全市范围内深入开展党的二十届三中全会精神学习宣传贯彻暨推进机关党建高质量发展工作的实施意见"
BODY = "要坚持以习近平新时代中国特色社会主义思想为指导，深入贯彻落实党的二十届三中全会精神，推动各项工作落地见效。"


def timed(fn) -> float:
    start = time.perf_counter()
    fn()
    return time.perf_counter() - start


def title(n: int) -> None:
    break_title([(PHRASE * (n // len(PHRASE) + 1))[:n]], 22)


def lead_texts(n: int) -> list[str]:
    """Paragraphs that all open with a short head sharing a frame: one long run of candidates."""
    return [f"加强第{i}项建设。{BODY}" for i in range(n)]


def speech_text(n: int, heading_every: int = 9) -> str:
    """A speech of about ``n`` lines: headings four levels deep (at most 9 siblings, as Chinese
    numbering allows), each leaf followed by body paragraphs."""
    nums = "一二三四五六七八九"
    marks = [lambda i: f"{nums[i]}、", lambda i: f"（{nums[i]}）", lambda i: f"{i + 1}．", lambda i: f"（{i + 1}）"]
    lines = ["关于加强机关党建工作的讲话", "", "同志们：", "今天我们召开会议，主要任务是总结工作、部署任务。"]
    leaves = 9 ** 4
    per_leaf = max(heading_every - 1, -(-n // leaves))
    previous = None
    for leaf in range(leaves):
        if len(lines) >= n:
            break
        digits = [leaf // 9 ** 3 % 9, leaf // 81 % 9, leaf // 9 % 9, leaf % 9]
        for level, d in enumerate(digits):
            if previous is None or digits[:level + 1] != previous[:level + 1]:
                lines.append(f"{marks[level](d)}要在第{leaf}方面持续用力")
        previous = digits
        lines += [BODY] * per_leaf
    return "\n".join(lines[:n]) + "\n"


def docx_of(texts: list[str]) -> bytes:
    """A .docx of one paragraph per text, its XML written directly (python-docx appends quadratically)."""
    import docx

    blank = io.BytesIO()
    docx.Document().save(blank)
    body = "".join(f"<w:p><w:r><w:t>{escape(t)}</w:t></w:r></w:p>" for t in texts)
    out = io.BytesIO()
    with zipfile.ZipFile(blank) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for item in src.infolist():
            data = src.read(item)
            if item.filename == "word/document.xml":
                head, _, rest = data.decode("utf-8").partition("<w:body>")
                data = (head + "<w:body>" + body + rest[rest.index("<w:sectPr"):]).encode("utf-8")
            dst.writestr(item, data)
    return out.getvalue()


def parse_docx(n: int, folder: Path) -> callable:
    from drafter.structure import read_speech

    path = folder / f"lead{n}.docx"
    path.write_bytes(docx_of(["关于加强机关党建工作的讲话", "同志们："] + lead_texts(n)))
    return lambda: read_speech(path)


def tree_view(speech) -> None:
    """``drafter parse``'s tree of the speech, printed to a string instead of the terminal."""
    import rich.console

    import drafter.cli.tree as tree

    sink = rich.console.Console(file=io.StringIO(), width=100, force_terminal=False)
    saved = rich.console.Console
    rich.console.Console = lambda *a, **k: sink
    try:
        tree.print_tree(speech)
    finally:
        rich.console.Console = saved


def main() -> None:
    import tempfile

    parser = argparse.ArgumentParser()
    parser.add_argument("--base", type=float, default=1.0, help="scale of the 1× sizes")
    args = parser.parse_args()
    profile = Library.resolve().profile("gbt9704")
    folder = Path(tempfile.mkdtemp(prefix="bench_hostile."))

    def size(n: float) -> int:
        return max(int(n * args.base), 10)

    cases = [
        ("title breaking (chars)", size(200), lambda n: (lambda: title(n))),
        ("lead heads (paragraphs)", size(500), lambda n: (lambda t=lead_texts(n): lead_heads(t))),
        ("parse .docx, lead heads (paras)", size(500), lambda n: parse_docx(n, folder)),
        ("docx writer (lines)", size(1000),
         lambda n: (lambda s=parse_text(speech_text(n)): render(s, "docx", profile))),
        ("parse --json (lines, 1/3 headings)", size(1000),
         lambda n: (lambda s=parse_text(speech_text(n, 3)): json.dumps(s.to_dict(), ensure_ascii=False, indent=2))),
        ("parse tree view (lines, 1/3 headings)", size(1000),
         lambda n: (lambda s=parse_text(speech_text(n, 3)): tree_view(s))),
        ("salutation of joined terms (chars)", size(60),
         lambda n: (lambda t="先生和" * (n // 3) + "X\n" + BODY: parse_text(t))),
        ("vocative check in mining (chars)", size(60), lambda n: (lambda t="们和" * (n // 2) + "X": addressed(t))),
    ]
    print(f"{'case':<40}{'1×':>10}{'10×':>10}{'100×':>10}{'10×/1×':>9}{'100×/10×':>10}")
    for name, n, make in cases:
        times = [timed(make(n * k)) for k in (1, 10, 100)]
        r1 = times[1] / max(times[0], 1e-6)
        r2 = times[2] / max(times[1], 1e-6)
        print(f"{name + f' {n}':<40}" + "".join(f"{t:>9.3f}s" for t in times) + f"{r1:>9.1f}{r2:>10.1f}", flush=True)


if __name__ == "__main__":
    main()
