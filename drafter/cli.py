"""The drafter command line: a thin Typer skin over the library API.

Heavy modules (python-docx, Jinja, mining) are imported inside the commands that need them, so
``drafter --help`` starts fast.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated, Optional

import typer

from drafter.errors import DrafterError

# Options several commands share, declared once.
LIBRARY_HELP = "资料库目录，其中的提纲、模板优先（可多次给出）library dir, wins over built-in (repeatable)"
Library = Annotated[list[Path], typer.Option("--library", help=LIBRARY_HELP)]
OutputFile = Annotated[str, typer.Option("-o", "--output", help="输出文件 (.docx .md .txt)；- 表示输出到屏幕")]
Format = Annotated[Optional[str], typer.Option("--format", "-t", help="输出格式 docx|md|txt，默认按扩展名")]
Style = Annotated[str, typer.Option("--style", "-s", help="版式：gbt9704、speech、windows-fonts 或 .yaml 文件")]
ReferenceDoc = Annotated[Optional[Path], typer.Option("--reference-doc", help="用此 Word 文档的样式和页面设置")]
Force = Annotated[bool, typer.Option("--force", "-f", help="覆盖已存在的输出文件")]

app = typer.Typer(
    name="drafter",
    help="讲话稿起草工具：解析讲话、生成提纲骨架、排版为 GB/T 9704 Word 文档。",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)


@app.callback()
def _root() -> None:
    """讲话稿起草工具 drafter."""


def fail(message: str, code: int = 1) -> None:
    """Print one error line to stderr and exit non-zero."""
    typer.echo(f"drafter: 错误 error: {message}", err=True)
    raise typer.Exit(code)


@app.command()
def parse(
    file: Path = typer.Argument(..., help="讲话稿文件 (.txt .md .docx)"),
    json_out: bool = typer.Option(False, "--json", help="以 JSON 输出结构"),
):
    """解析一篇讲话稿，显示其结构（标题、层次、删除的网页杂质、隐藏处、编号异常）。"""
    from drafter.structure import read_speech
    from drafter.report import speech_to_dict, print_tree

    speech = read_speech(file)
    if json_out:
        import json

        typer.echo(json.dumps(speech_to_dict(speech), ensure_ascii=False, indent=2))
    else:
        print_tree(speech)


@app.command("format")
def format_(
    file: Annotated[Path, typer.Argument(help="讲话稿文件 (.txt .md .docx)")],
    output: OutputFile,
    fmt: Format = None,
    style: Style = "gbt9704",
    reference_doc: ReferenceDoc = None,
    force: Force = False,
    library: Library = [],
):
    """把一篇讲话稿排版为 GB/T 9704 Word 文档（或带编号的文本、Markdown）。"""
    from drafter.structure import read_speech
    from drafter.render import write

    speech = read_speech(file)
    if speech.is_empty():
        fail(f"{file}: 去掉网页杂质后没有正文 no speech text left after removing page debris "
             f"({len(speech.removed)} lines removed; see drafter parse {file})")
    written = write(speech, output, fmt=fmt, style=style, reference_doc=reference_doc, force=force,
                    library=library)
    if written is not None:
        typer.echo(f"已写入 wrote {written}", err=True)


outlines_app = typer.Typer(help="提纲：列出、查看、检查 outlines: list, show, check.", no_args_is_help=True)
app.add_typer(outlines_app, name="outlines")


@outlines_app.command("list")
def outlines_list(library: Library = []):
    """列出所有提纲及其来源（内置、DRAFTER_LIBRARY、--library）。"""
    from rich.console import Console

    from drafter.outline import list_outlines
    from drafter.outline_view import outlines_table

    Console().print(outlines_table(list_outlines(library)))


@outlines_app.command("show")
def outlines_show(
    outline: str = typer.Argument(..., help="提纲 id 或提纲文件 outline id or file"),
    library: Library = [],
):
    """显示一个提纲的结构树和要填的值（含各条槽位的 --set 键）。"""
    from rich.console import Console

    from drafter.outline import find_outline
    from drafter.outline_view import show

    show(find_outline(outline, library), Console())


@outlines_app.command("check")
def outlines_check(
    files: list[Path] = typer.Argument(..., help="提纲文件 outline files (.yaml)"),
    library: Library = [],
):
    """检查提纲文件（YAML、schema、模板），错误报为 file:line:col: message。"""
    from drafter.outline import check_outline

    problems = [p for f in files for p in check_outline(f, library)]
    for problem in problems:
        typer.echo(str(problem))
    if problems:
        raise typer.Exit(1)
    typer.echo(f"没有问题 OK: {', '.join(str(f) for f in files)}")


def _can_prompt(no_input: bool) -> bool:
    """Ask for missing values only when a person is at the terminal."""
    return not no_input and sys.stdin.isatty()


@app.command()
def new(
    outline: Annotated[str, typer.Argument(help="提纲 id（drafter outlines list）或提纲文件 outline id or file")],
    output: OutputFile,
    sets: list[str] = typer.Option([], "--set", help="名称=值（可多次），如 occasion=全市组织工作会议；每条的槽位如 sections.2.points.1.action=筑牢思想根基"),
    answers: Optional[Path] = typer.Option(None, "--answers", help="答案文件 (YAML)，--set 优先 answers file; --set wins"),
    no_input: bool = typer.Option(False, "--no-input", help="不询问缺少的值 never prompt"),
    strict: bool = typer.Option(False, "--strict", help="缺少任何变量即报错（列出全部）error listing every missing value"),
    sections: Optional[int] = typer.Option(None, "--sections", help="一级部分的数量（提纲允许的范围内）"),
    points: Optional[int] = typer.Option(None, "--points", help="每部分的要点数（提纲允许的范围内）"),
    fmt: Format = None,
    style: Style = "gbt9704",
    reference_doc: ReferenceDoc = None,
    force: Force = False,
    library: Library = [],
):
    """按提纲生成讲话稿骨架：标题、称呼、开头、各部分标题、占位与写作提示、结尾。"""
    from rich.console import Console

    from drafter.assemble import assemble
    from drafter.outline import find_outline
    from drafter.outline_view import todo
    from drafter.render import write
    from drafter.values import gather

    if output != "-" and Path(output).exists() and not force:
        fail(f"{output}: 输出文件已存在，加 --force 覆盖 output exists; use --force to overwrite")
    chosen = find_outline(outline, library)
    values = gather(answers, sets)
    if _can_prompt(no_input):
        for var in chosen.variables:
            if var["name"] not in values:
                example = f"，例 e.g. {var['example']}" if var.get("example") else ""
                answer = typer.prompt(f"{var['label']} {var['name']}（回车留作占位 Enter leaves a placeholder{example}）",
                                      default="", show_default=False, err=True)
                if answer.strip():
                    values[var["name"]] = answer.strip()
    speech = assemble(chosen, values, sections=sections, points=points, strict=strict)
    written = write(speech, output, fmt=fmt, style=style, reference_doc=reference_doc, force=force, library=library)
    console = Console(stderr=True)
    if written is not None:
        console.print(f"已生成 wrote {written}（提纲 outline {chosen.id}）")
    todo(speech, console)


@app.command()
def batch(
    plan: Path = typer.Argument(..., help="计划表 plan (.csv .tsv .xlsx .yaml)：每行一份骨架，列为 outline、output、style 和各个值"),
    out_dir: Path = typer.Option(..., "-o", "--output", help="输出目录（不存在则创建）output folder"),
    fmt: Optional[str] = typer.Option(None, "--format", "-t", help="输出格式 docx|md|txt，默认 docx（output 列的扩展名优先）"),
    style: str = typer.Option("gbt9704", "--style", "-s", help="版式（style 列优先）：gbt9704、speech … 或 .yaml 文件"),
    reference_doc: ReferenceDoc = None,
    force: Force = False,
    strict: bool = typer.Option(False, "--strict", help="某行缺少变量即该行报错 a row missing a value fails"),
    library: Library = [],
):
    """按计划表批量生成骨架：每行一份，某行出错只报该行（计划表:行号），其余照常生成。"""
    from rich.console import Console

    from drafter.batch import results_table, run_plan, summary

    results = run_plan(plan, out_dir, style=style, reference_doc=reference_doc, force=force, library=library,
                       strict=strict, fmt=fmt)
    for result in results:
        if not result.ok:
            typer.echo(result.problem, err=True)
    console = Console()
    console.print(results_table(results))
    console.print(summary(results, out_dir))
    if not all(r.ok for r in results):
        raise typer.Exit(1)


@app.command()
def mine(
    folder: Path = typer.Argument(..., help="讲话稿文件夹（递归读取 .txt .md .docx）folder of speeches"),
    output: Path = typer.Option(..., "-o", "--output", help="输出的资料库目录 library folder to write"),
    force: bool = typer.Option(False, "--force", "-f", help="目录已存在时重写 drafter 生成的文件 rewrite drafter's files"),
    jobs: Optional[int] = typer.Option(None, "--jobs", "-j", min=1, help="并行进程数（默认全部核心）worker processes"),
    min_docs: Optional[int] = typer.Option(None, "--min-docs", min=1, help="短语至少见于几篇（默认随语料增长）least documents"),
    max_per_function: Optional[int] = typer.Option(None, "--max-per-function", min=1,
                                                   help="每种功能最多保留几条 most phrases per function"),
):
    """从一批讲话稿中归纳提纲、排比句式和常用短语，写成资料库（--library 可用）。"""
    from rich.console import Console

    from drafter.mine import mine_corpus, write_library
    from drafter.mine.summary import mine_table

    if output.exists() and (not output.is_dir() or any(output.iterdir())) and not force:
        fail(f"{output}: 输出目录已存在，加 --force 重写 drafter 生成的文件 output folder exists; use --force")
    result = mine_corpus(folder, jobs=jobs, min_docs=min_docs, max_per_function=max_per_function)
    for skipped in result.skipped:
        typer.echo(f"drafter: 跳过 skipped {skipped.name}: {skipped.reason}", err=True)
    if not result.documents:
        fail(f"{folder}: 没有能读入的讲话稿 nothing could be read")
    write_library(result, output, force=force)
    Console().print(mine_table(result, str(output)))


phrases_app = typer.Typer(help="短语库：列出、搜索、查看 phrase bank: list, search, show.", no_args_is_help=True)
app.add_typer(phrases_app, name="phrases")


@phrases_app.command("list")
def phrases_list(
    function: Optional[str] = typer.Option(None, "--function", help="只列出这一功能，如 opening.context"),
    library: Library = [],
):
    """列出短语库中的短语（可按功能筛选）。"""
    from rich.console import Console

    from drafter.mine.summary import phrases_table
    from drafter.phrases import load_phrases

    rows = [p for p in load_phrases(library) if function is None or p.function == function]
    if function and not rows:
        fail(f"没有功能为 {function} 的短语 no phrases with function '{function}'")
    Console().print(phrases_table(rows, f"短语库 phrase bank（{len(rows)} 条）"))


@phrases_app.command("search")
def phrases_search(
    query: str = typer.Argument(..., help="要找的词句，如 根本遵循 text to look for"),
    function: Optional[str] = typer.Option(None, "--function", help="只在这一功能中找"),
    limit: int = typer.Option(20, "--limit", "-n", help="最多显示几条 at most this many"),
    library: Library = [],
):
    """搜索短语库：包含所找词句的排在前面，其次是相近的。"""
    from rich.console import Console

    from drafter.mine.summary import phrases_table
    from drafter.phrases import load_phrases, search

    found = search(load_phrases(library), query, function, limit)
    if not found:
        fail(f"没有找到 no phrase matches '{query}'")
    Console().print(phrases_table(found, f"搜索 search: {query}", scores=True))


@phrases_app.command("show")
def phrases_show(
    phrase_id: str = typer.Argument(..., help="短语编号 phrase id"),
    library: Library = [],
):
    """显示一条短语：全文、槽位、出现篇数与次数、全部来源、例句。"""
    from drafter.phrases import find_phrase, load_phrases

    p = find_phrase(load_phrases(library), phrase_id)
    lines = [f"编号 id: {p.id}", f"功能 function: {p.function}", f"短语 text: {p.text}"]
    if p.slots:
        lines.append(f"槽位 slots: {', '.join(p.slots)}")
    if p.by:
        lines.append(f"出处 by: {p.by}")
    lines += [f"出现 seen: {p.docs} 篇 docs, {p.count} 次 times", f"例句 example: {p.example}",
              f"来源 sources ({p.origin}: {p.path}):"] + [f"  {s}" for s in p.sources]
    typer.echo("\n".join(lines))


def main() -> None:
    """Console entry point: run the app, turning expected errors into one line and exit 1."""
    try:
        app()
    except DrafterError as exc:
        typer.echo(f"drafter: 错误 error: {exc}", err=True)
        sys.exit(1)
    except OSError as exc:  # a disk or permission problem the commands did not foresee: still one line
        where = f"{exc.filename}: " if exc.filename else ""
        typer.echo(f"drafter: 错误 error: {where}{exc.strerror or exc}", err=True)
        sys.exit(1)
    except KeyboardInterrupt:
        typer.echo("drafter: 已中断 interrupted", err=True)
        sys.exit(130)


if __name__ == "__main__":
    main()
