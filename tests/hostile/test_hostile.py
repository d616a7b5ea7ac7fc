"""The bad-input suite (issue 13): hostile and careless input through the real CLI, as subprocesses
with a memory and time limit. Every case exits non-zero with one line and no traceback, within the
limits, leaving no temporary file and touching nothing outside the output folder."""

from __future__ import annotations

import os
import re
import resource
import signal
import subprocess
import sys
import time
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
MEMORY = 1 << 30          # 1 GB of address space
SECONDS = 20              # of CPU time


def _limits() -> None:
    resource.setrlimit(resource.RLIMIT_AS, (MEMORY, MEMORY))
    resource.setrlimit(resource.RLIMIT_CPU, (SECONDS, SECONDS))
    signal.signal(signal.SIGINT, signal.SIG_DFL)


def env(**extra: str) -> dict[str, str]:
    out = {**os.environ, "PYTHONPATH": str(ROOT), "COLUMNS": "200", **extra}
    out.pop("DRAFTER_LIBRARY", None)
    return out


def drafter(*args: str, cwd: Path, extra_env: dict[str, str] | None = None, timeout: float = 60,
            stdout=subprocess.PIPE) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "drafter.cli", *args], cwd=cwd, env=env(**(extra_env or {})),
                          stdout=stdout, stderr=subprocess.PIPE, text=True, timeout=timeout, preexec_fn=_limits)


def snapshot(folder: Path, skip: str = "out") -> dict[str, tuple[int, int]]:
    """Every file under ``folder`` (links not followed) but the output folder: its size and mtime."""
    found = {}
    for path in folder.rglob("*"):
        rel = path.relative_to(folder)
        if rel.parts and rel.parts[0] == skip:
            continue
        st = path.lstat()
        found[str(rel)] = (st.st_size, st.st_mtime_ns)
    return found


def no_temporaries(folder: Path) -> None:
    left = [p for p in folder.rglob("*.part")]
    assert not left, left


def one_line_failure(result: subprocess.CompletedProcess, *needles: str) -> None:
    assert result.returncode not in (0, -9, -24), (result.returncode, result.stderr[-2000:])
    assert "Traceback" not in result.stderr, result.stderr[-3000:]
    lines = [line for line in result.stderr.splitlines() if line.strip()]
    assert len(lines) == 1, result.stderr[-3000:]
    for needle in needles:
        assert needle in lines[0], lines[0]


# --- the files the cases use -------------------------------------------------------------------

def bomb(levels: int = 9) -> str:
    lines = ['a0: &a0 ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    for i in range(1, levels + 1):
        lines.append(f"a{i}: &a{i} [" + ",".join([f"*a{i - 1}"] * 9) + "]")
    return "\n".join(lines) + "\n"


YAML_CASES = {
    "bomb": (bomb(), "别名展开太多"),
    "self": ("a: &x [1, *x]\n", "引用了包含它自身的节点"),
    "deep": ("a: " + "[" * 500 + "]" * 500 + "\n", "超过 100 层"),
    "date": ("occasion: 全市会议\ndate: 2025-02-30\n", "不是有效的日期"),
}

TEMPLATE_CASES = {
    "mul": "{{ 'a' * 10**9 }}",
    "occasion": "{{ occasion * 100000000 }}",
    "range": "{% for i in range(100000) %}{% for j in range(100000) %}{% endfor %}{% endfor %}",
    "recursive": "{% macro f(n) %}{{ f(n) }}{% endmacro %}{{ f(1) }}",
    "exponential": "{% macro f(n) %}{% if n > 0 %}{{ f(n-1) }}{{ f(n-1) }}{% endif %}{% endmacro %}{{ f(40) }}",
    "center": "{{ 'x'|center(10**9) }}",
    "format": "{{ '%0999999999d' % 1 }}",
    "include-self": "{% include 'self.j2' %}",
    "include-link": "{% include 'leak.j2' %}",
}


def hostile_library(root: Path) -> Path:
    """A library with one hostile outline per template case, a wide outline and a bomb outline."""
    lib = root / "lib"
    (lib / "outlines").mkdir(parents=True)
    (lib / "templates").mkdir()
    (root / "secret.txt").write_text("SECRET", encoding="utf-8")
    (lib / "templates" / "leak.j2").symlink_to(root / "secret.txt")
    (lib / "templates" / "self.j2").write_text("{% include 'self.j2' %}", encoding="utf-8")
    for name, source in TEMPLATE_CASES.items():
        (lib / "outlines" / f"t-{name}.yaml").write_text(
            f"id: t-{name}\nname: t\ntitle: x\nvariables:\n  - {{name: occasion, label: 会议}}\n"
            f"sections:\n  - heading: |-\n      {source}\n", encoding="utf-8")
    (lib / "outlines" / "wide.yaml").write_text(
        "id: wide\nname: t\ntitle: x\nsections:\n  count: 1000\n  heading: h\n  children:\n"
        "    count: 1000\n    heading: p\n    children: {count: 1000, heading: q}\n", encoding="utf-8")
    (lib / "outlines" / "bomb.yaml").write_text("id: bomb\nname: t\ntitle: x\n" + bomb(), encoding="utf-8")
    return lib


@pytest.fixture
def work(tmp_path):
    (tmp_path / "out").mkdir()
    (tmp_path / "keep.txt").write_text("不要动 do not touch", encoding="utf-8")
    yield tmp_path
    no_temporaries(tmp_path)


def check(work: Path, args: list[str], *needles: str, extra_env: dict[str, str] | None = None) -> None:
    before = snapshot(work)
    start = time.monotonic()
    result = drafter(*args, cwd=work, extra_env=extra_env)
    assert time.monotonic() - start < SECONDS
    one_line_failure(result, *needles)
    assert snapshot(work) == before
    assert not list((work / "out").iterdir())


# --- YAML: answers, plans, style profiles, outlines ------------------------------------------------

@pytest.mark.parametrize("case", sorted(YAML_CASES))
def test_yaml_answers(work, case):
    text, message = YAML_CASES[case]
    (work / "answers.yaml").write_text(text, encoding="utf-8")
    check(work, ["new", "meeting-speech", "--answers", "answers.yaml", "-o", "out/a.docx", "--no-input"],
          "answers.yaml:", message)


@pytest.mark.parametrize("case", sorted(YAML_CASES))
def test_yaml_plan(work, case):
    text, message = YAML_CASES[case]
    if case == "date":
        text = "- outline: meeting-speech\n  date: 2025-02-30\n"
    (work / "plan.yaml").write_text(text, encoding="utf-8")
    check(work, ["batch", "plan.yaml", "-o", "out"], "plan.yaml:", message)


@pytest.mark.parametrize("case", sorted(YAML_CASES))
def test_yaml_style_profile(work, case):
    text, message = YAML_CASES[case]
    (work / "style.yaml").write_text(text, encoding="utf-8")
    check(work, ["new", "meeting-speech", "-s", "style.yaml", "-o", "out/a.docx", "--no-input"],
          "style.yaml:", message)


def test_a_bomb_outline_is_one_line_and_the_library_still_lists(work):
    hostile_library(work)
    check(work, ["new", "bomb", "--library", "lib", "-o", "out/a.docx", "--no-input"], "bomb.yaml:", "别名")
    listed = drafter("outlines", "list", "--library", "lib", cwd=work)
    assert listed.returncode == 0, listed.stderr
    assert "meeting-speech" in listed.stdout


# --- templates and outlines -----------------------------------------------------------------------

@pytest.mark.parametrize("case", sorted(TEMPLATE_CASES))
def test_hostile_templates(work, case):
    hostile_library(work)
    args = ["new", f"t-{case}", "--library", "lib", "-o", "out/a.docx", "--no-input"]
    if "occasion" in TEMPLATE_CASES[case]:
        args += ["--set", "occasion=全市组织工作会议"]
    check(work, args, f"t-{case}.yaml:")


def test_an_outline_of_a_billion_items(work):
    hostile_library(work)
    check(work, ["new", "wide", "--library", "lib", "-o", "out/a.docx", "--no-input"], "超过 500")


# --- input files ----------------------------------------------------------------------------------

def test_dev_zero_as_answers_and_behind_a_txt_link(work):
    (work / "zero.txt").symlink_to("/dev/zero")
    check(work, ["new", "meeting-speech", "--answers", "/dev/zero", "-o", "out/a.docx"], "/dev/zero", "不是普通文件")
    check(work, ["parse", "zero.txt"], "zero.txt", "不是普通文件")
    check(work, ["format", "zero.txt", "-o", "out/a.docx"], "zero.txt", "不是普通文件")


def test_a_fifo_as_input_is_refused_without_waiting(work):
    os.mkfifo(work / "pipe.txt")
    check(work, ["parse", "pipe.txt"], "pipe.txt", "不是普通文件")


def test_a_zip_bomb(work):
    import docx

    good = work / "good.docx"
    document = docx.Document()
    document.add_paragraph("一、总体要求")
    document.save(good)
    with zipfile.ZipFile(good) as src, zipfile.ZipFile(work / "bomb.docx", "w", zipfile.ZIP_DEFLATED) as dst:
        for item in src.infolist():
            dst.writestr(item, src.read(item))
        with dst.open("word/document2.xml", "w", force_zip64=True) as out:
            for _ in range(1024):
                out.write(b"\0" * (1 << 20))
    good.unlink()
    check(work, ["parse", "bomb.docx"], "bomb.docx", "压缩炸弹")
    check(work, ["format", "bomb.docx", "-o", "out/a.docx"], "bomb.docx", "压缩炸弹")


def test_a_text_file_over_the_size_limit(work):
    (work / "big.txt").write_bytes("同志们：\n".encode() * 200_000)   # 2.2 MB
    check(work, ["parse", "big.txt"], "big.txt", "DRAFTER_MAX_INPUT_MB", extra_env={"DRAFTER_MAX_INPUT_MB": "1"})
    (work / "corpus").mkdir()
    (work / "big.txt").rename(work / "corpus" / "big.txt")
    result = drafter("mine", "corpus", "-o", "out/lib", cwd=work, extra_env={"DRAFTER_MAX_INPUT_MB": "1"})
    assert result.returncode != 0 and "Traceback" not in result.stderr
    assert "big.txt" in result.stderr


# --- output targets -------------------------------------------------------------------------------

def test_special_targets_are_refused_even_with_force(work):
    os.mkfifo(work / "out" / "fifo.md")
    (work / "out" / "folder.md").mkdir()
    for target in ("out/fifo.md", "out/folder.md"):
        for force in ([], ["--force"]):
            before = snapshot(work, skip="")
            result = drafter("new", "meeting-speech", "-o", target, "--no-input", *force, cwd=work)
            one_line_failure(result, target)
            assert snapshot(work, skip="") == before
    assert (work / "out" / "fifo.md").is_fifo()


def test_a_dangling_link_is_not_followed(work):
    link = work / "out" / "a.md"
    link.symlink_to(work / "elsewhere.md")
    result = drafter("new", "meeting-speech", "-o", "out/a.md", "--no-input", cwd=work)
    one_line_failure(result, "out/a.md")
    assert link.is_symlink() and not (work / "elsewhere.md").exists()
    forced = drafter("new", "meeting-speech", "-o", "out/a.md", "--no-input", "--force", cwd=work)
    assert forced.returncode == 0, forced.stderr
    assert not link.is_symlink() and not (work / "elsewhere.md").exists()   # the link itself was replaced


def test_closed_stdout(work):
    result = subprocess.run([sys.executable, "-m", "drafter.cli", "new", "meeting-speech", "-o", "-", "-t", "md",
                             "--no-input"], cwd=work, env=env(), stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                            text=True, preexec_fn=lambda: (_limits(), os.close(1)), timeout=60)
    one_line_failure(result, "标准输出")
    (work / "s.txt").write_text("关于加强组织建设的讲话\n\n同志们：\n一、提高认识\n", encoding="utf-8")
    parsed = subprocess.run([sys.executable, "-m", "drafter.cli", "parse", "s.txt"], cwd=work, env=env(),
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True,
                            preexec_fn=lambda: (_limits(), os.close(1)), timeout=60)
    one_line_failure(parsed, "标准输出")


# --- control characters ---------------------------------------------------------------------------

def test_control_characters_are_removed_with_a_warning(work):
    (work / "ctl.txt").write_text("关于加强\x0b组织建设的讲话\n\n同志们：\n\x1b[31m今天\x1b[0m我们召开会议。\x0c\n"
                                  "一、提高认识\n要把思想统一起来\x07。\n", encoding="utf-8")
    formatted = drafter("format", "ctl.txt", "-o", "out/ctl.docx", cwd=work)
    assert formatted.returncode == 0, formatted.stderr
    tree = drafter("parse", "ctl.txt", cwd=work)
    assert tree.returncode == 0 and "\x1b" not in tree.stdout
    assert "第4行：去掉了" in tree.stderr and "控制字符" in tree.stderr
    made = drafter("new", "meeting-speech", "--set", "occasion=全市\x0b会议\x1b[2J", "-o", "out/new.docx",
                   "--no-input", cwd=work)
    assert made.returncode == 0, made.stderr
    assert "--set occasion" in made.stderr and "\x1b" not in made.stderr


# --- batch ----------------------------------------------------------------------------------------

def test_a_bad_row_fails_alone(work):
    long_name = "讲" * 100 + ".docx"              # 305 bytes
    rows = [
        "outline,output,title,occasion",
        "meeting-speech,ok1.docx,,全市会议",
        "meeting-speech,,,全市\x0b会议",                           # a control character in a cell
        f"meeting-speech,{long_name},,全市会议",                    # a name over 255 bytes
        "meeting-speech,CON.docx,,全市会议",                        # a Windows device name
        "meeting-speech,,,全市会议",
        "meeting-speech,ok2.docx,,全市会议",
    ]
    (work / "plan.csv").write_text("\n".join(rows) + "\n", encoding="utf-8")
    (work / "plan2.yaml").write_text(
        "- outline: signed-article\n  headline: '" + "🎉" * 100 + "'\n"                 # an emoji title
        "- outline: signed-article\n  headline: '" + "很长的标题" * 60 + "'\n"           # 300 characters
        "- outline: signed-article\n  output: nul\n"
        "- outline: signed-article\n  output: ok.docx\n", encoding="utf-8")
    result = drafter("batch", "plan.csv", "-o", "out", cwd=work)
    assert "Traceback" not in result.stderr
    assert result.returncode == 1
    made = sorted(p.name for p in (work / "out").iterdir())
    assert "ok1.docx" in made and "ok2.docx" in made
    assert "plan.csv:4:" in result.stderr and "plan.csv:5:" in result.stderr
    assert "plan.csv:3: 警告：" in result.stderr
    second = drafter("batch", "plan2.yaml", "-o", "out2", cwd=work)
    assert "Traceback" not in second.stderr
    names = sorted(p.name for p in (work / "out2").iterdir())
    assert "ok.docx" in names
    assert all(len(n.encode("utf-8")) <= 255 for n in names)
    assert len(names) == 3, (names, second.stderr)          # the emoji and the long title are written
    assert second.returncode == 1 and "plan2.yaml:5:" in second.stderr


def test_sigterm_stops_a_batch_with_a_summary_and_no_temporary_file(work):
    rows = ["outline,output,occasion"] + [f"meeting-speech,s{i}.docx,会议{i}" for i in range(200)]
    (work / "plan.csv").write_text("\n".join(rows) + "\n", encoding="utf-8")
    for sig, code in ((signal.SIGTERM, 143), (signal.SIGINT, 130)):
        out = work / f"out-{sig}"
        process = subprocess.Popen([sys.executable, "-m", "drafter.cli", "batch", "plan.csv", "-o", str(out)],
                                   cwd=work, env=env(), stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                                   preexec_fn=_limits)
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline and (not out.is_dir() or len(list(out.glob("*.docx"))) < 3):
            time.sleep(0.05)
        process.send_signal(sig)
        _stdout, stderr = process.communicate(timeout=30)
        assert process.returncode == code, stderr
        assert "Traceback" not in stderr and "Exception" not in stderr, stderr
        written = len(list(out.glob("*.docx")))
        assert re.search(rf"已生成 {written} 份（.*），失败 0 行，未处理 {200 - written} 行", stderr), stderr
        assert not list(out.glob(".*")), list(out.iterdir())


def test_two_batch_runs_into_one_folder_never_overwrite_each_other(work):
    rows = ["outline,output,occasion"] + [f"meeting-speech,s{i}.md,会议{i}" for i in range(15)]
    (work / "plan_a.csv").write_text("\n".join(rows) + "\n", encoding="utf-8")
    (work / "plan_b.csv").write_text("\n".join(rows).replace("会议", "大会") + "\n", encoding="utf-8")
    for attempt in range(4):
        out = work / f"out{attempt}"
        runs = [subprocess.Popen([sys.executable, "-m", "drafter.cli", "batch", plan, "-o", str(out)], cwd=work,
                                 env=env(), stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                                 preexec_fn=_limits) for plan in ("plan_a.csv", "plan_b.csv")]
        results = [(r, *r.communicate(timeout=120)) for r in runs]
        reported = []
        for _process, _stdout, stderr in results:
            assert "Traceback" not in stderr
            failed = set(int(n) for n in re.findall(r"plan_[ab]\.csv:(\d+):", stderr))
            assert all("已存在" in line for line in stderr.splitlines() if "plan_" in line), stderr
            reported.append(failed)
        for i in range(15):
            line = i + 2
            assert (line in reported[0]) != (line in reported[1]), (i, reported)   # exactly one run wrote it
            text = (out / f"s{i}.md").read_text(encoding="utf-8")
            wrote_a = line not in reported[0]
            assert (f"会议{i}" in text) == wrote_a and (f"大会{i}" in text) != wrote_a
        assert not list(out.glob(".*"))


def test_a_printable_line_has_no_control_character_to_scrub():
    """``scrub`` leaves printable text alone without a search: it holds nothing CONTROL takes."""
    from drafter.controls import CONTROL, scrub

    assert not [c for c in map(chr, range(0x110000)) if c.isprintable() and CONTROL.match(c)]
    assert scrub("正文\x1b[31m红字\x00") == ("正文红字", "去掉了 2 个控制字符（\\x00 \\x1b）")
    assert scrub("各位代表：\u3000今天") == ("各位代表：\u3000今天", None)
