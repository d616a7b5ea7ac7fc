"""The Typer app: each command parses its options, resolves the library once, calls ``drafter.api``
and shows the result. Heavy modules (python-docx, Jinja, mining, rich) are imported inside the
commands that need them, so ``drafter --help`` starts fast.
"""

from __future__ import annotations

import functools
import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, TypeVar
from collections.abc import Callable

import typer

from drafter.cli import DEBUG_ENV, _finish_stdout, _interrupt_code, coerce, error_line, helpformat
from drafter.cli.usage import CLICK_ERROR
from drafter.errors import DrafterError

coerce.install()

if TYPE_CHECKING:
    from drafter.library import Library

# Options several commands share, declared once.
LIBRARY_HELP = "资料库目录，其中的提纲、模板优先于内置（可多次给出）"
LibraryDirs = Annotated[list[Path], typer.Option("--library", help=LIBRARY_HELP, metavar="目录")]
OutputFile = Annotated[str, typer.Option("-o", "--output", help="输出文件 (.docx .md .txt)；- 表示输出到屏幕",
                                         metavar="文件")]
Format = Annotated[str | None, typer.Option("--format", "-t", help="输出格式 docx|md|txt，默认按扩展名",
                                            metavar="格式")]
Style = Annotated[str, typer.Option("--style", "-s", help="版式：gbt9704、speech、windows-fonts 或 .yaml 文件",
                                    metavar="版式")]
ReferenceDoc = Annotated[Path | None, typer.Option("--reference-doc", help="用此 Word 文档的样式和页面设置",
                                                   metavar="文件")]
Force = Annotated[bool, typer.Option("--force", "-f", help="覆盖已存在的输出文件")]
LibraryOnly = Annotated[bool, typer.Option("--library-only",
                                           help="只看 --library 资料库里的（不含内置和 DRAFTER_LIBRARY 的）")]

CommandFunction = TypeVar("CommandFunction", bound=Callable[..., Any])


def failure(exc: BaseException) -> int:
    """Print a command's failure as one line and give its exit code: 1 for an expected failure (and
    disk or permission problems), 128 + the signal for an interrupt, 2 for a bug (whose traceback
    ``DRAFTER_DEBUG`` shows instead)."""
    if isinstance(exc, (DrafterError, OSError)):
        if isinstance(exc, BrokenPipeError):
            _finish_stdout()
        typer.echo(error_line(exc), err=True)
        return 1
    if isinstance(exc, KeyboardInterrupt):   # Ctrl-C, or SIGTERM turned into it by main
        typer.echo("drafter: 已中断", err=True)
        return _interrupt_code()
    if os.environ.get(DEBUG_ENV) or not isinstance(exc, Exception):
        raise exc
    text = " ".join(str(exc).split())[:300]   # a bug, not the user's mistake: still one line
    typer.echo(f"drafter: 内部错误：{type(exc).__name__}: {text}（请报告此问题；"
               f"设置 {DEBUG_ENV}=1 可显示调用栈）", err=True)
    return 2


def _one_line(command: Callable[..., Any]) -> Callable[..., Any]:
    """A command whose failures print one line (``failure``) and exit with its code."""

    @functools.wraps(command)
    def run(*args: Any, **kwargs: Any) -> Any:
        try:
            return command(*args, **kwargs)
        except (typer.Exit, typer.Abort, CLICK_ERROR):   # Typer's own: it reports them
            raise
        except (Exception, KeyboardInterrupt) as exc:
            raise typer.Exit(failure(exc)) from None

    return run


class App(typer.Typer):
    """A Typer app whose every command reports drafter's errors as one line, takes -h for help, and
    whose help is plain text (Typer's rich help imports rich and markdown-it at every ``--help``)."""

    def __init__(self, *args: Any, **kwargs: Any):
        kwargs.setdefault("rich_markup_mode", None)
        kwargs.setdefault("context_settings", {"help_option_names": ["-h", "--help"]})
        kwargs.setdefault("cls", helpformat.Group)
        super().__init__(*args, **kwargs)

    def command(self, *args: Any, **kwargs: Any) -> Callable[[CommandFunction], CommandFunction]:
        kwargs.setdefault("cls", helpformat.Command)
        register = super().command(*args, **kwargs)

        def decorator(function: CommandFunction) -> CommandFunction:
            register(_one_line(function))
            return function

        return decorator


app = App(
    name="drafter",
    help="讲话稿起草工具：解析讲话、生成提纲骨架、排版为 GB/T 9704 Word 文档。",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)


def _version(value: bool) -> None:
    if value:
        from drafter import __version__

        typer.echo(f"drafter {__version__}")
        raise typer.Exit()


@app.callback()
def _root(
    version: Annotated[bool, typer.Option("--version", "-V", callback=_version, is_eager=True,
                                          help="显示版本号并退出")] = False,
) -> None:
    """讲话稿起草工具 drafter。"""


def resolve(dirs: list[Path]) -> Library:
    """The library the command works with: built-in, DRAFTER_LIBRARY, then the --library dirs."""
    from drafter.library import Library

    return Library.resolve(dirs)


def fail(message: str, code: int = 1) -> None:
    """Print one error line to stderr and exit non-zero."""
    typer.echo(f"drafter: 错误：{message}", err=True)
    raise typer.Exit(code)


def _tell(speech) -> None:
    """What the user should know of a parse, one line each on stderr (the same for parse and format)."""
    from drafter.api import notices

    for line in notices(speech):
        typer.echo(f"drafter: {line}", err=True)


@app.command()
def parse(
    files: list[Path] = typer.Argument(..., help="讲话稿文件 (.txt .md .docx .html .doc .wps) 或文件夹，可给多个",
                                       metavar="文件"),
    json_out: bool = typer.Option(False, "--json", help="以 JSON 输出结构，每篇一行（JSON Lines）"),
):
    """解析讲话稿，显示其结构（标题、层次、删除的网页杂质、隐藏处、编号异常）；可一次解析多个文件和文件夹。"""
    from drafter.api import parse_many

    if sys.stdout is None:
        fail("标准输出已关闭")
    failed = 0
    several = len(files) > 1 or any(f.is_dir() for f in files)

    def converting(done: int, total: int) -> None:
        if not done:
            typer.echo(f"drafter: 正在把 .doc 等旧格式文件转为 .docx（{total} 批）……", err=True)

    for n, (path, speech) in enumerate(parse_many(files, converting)):
        if isinstance(speech, DrafterError):
            failed += 1
            typer.echo(error_line(speech), err=True)
            continue
        _tell(speech)
        if json_out:
            import json

            data = speech.to_dict()
            if several:
                data = {"file": str(path), **data}
            typer.echo(json.dumps(data, ensure_ascii=False, separators=(",", ":")))
        else:
            from drafter.cli.tree import print_tree

            if several:
                typer.echo(("\n" if n else "") + f"== {path} ==")
            print_tree(speech)
    if failed:
        raise typer.Exit(1)


@app.command("format")
def format_(
    file: Annotated[Path, typer.Argument(help="讲话稿文件 (.txt .md .docx .html .doc .wps)", metavar="文件")],
    output: OutputFile,
    fmt: Format = None,
    style: Style = "gbt9704",
    reference_doc: ReferenceDoc = None,
    force: Force = False,
    library: LibraryDirs = [],
):
    """把一篇讲话稿排版为 GB/T 9704 Word 文档（或带编号的文本、Markdown）。"""
    from drafter.api import format as format_file

    speech, written = format_file(file, output, fmt=fmt, style=style, reference_doc=reference_doc, force=force,
                                  library=resolve(library))
    _tell(speech)
    if written is not None:
        typer.echo(f"已写入 {written}", err=True)


outlines_app = App(help="提纲：列出、查看、检查。", no_args_is_help=True)
app.add_typer(outlines_app, name="outlines")


@outlines_app.command("list")
def outlines_list(library: LibraryDirs = [], library_only: LibraryOnly = False):
    """列出所有提纲及其来源（内置、DRAFTER_LIBRARY、--library）。"""
    from rich.console import Console

    from drafter.cli.outline_view import outlines_table

    origin = _origin(library_only, library)
    Console().print(outlines_table(e for e in resolve(library).outlines() if origin is None or e.origin == origin))


@outlines_app.command("show")
def outlines_show(
    outline: str = typer.Argument(..., help="提纲编号或提纲文件", metavar="提纲"),
    library: LibraryDirs = [],
):
    """显示一个提纲的结构树和要填的值（含各条槽位的 --set 键）。"""
    from rich.console import Console

    from drafter.cli.outline_view import show

    show(resolve(library).outline(outline), Console())


@outlines_app.command("check")
def outlines_check(
    files: list[Path] = typer.Argument(..., help="提纲文件 (.yaml)", metavar="文件"),
    library: LibraryDirs = [],
):
    """检查提纲文件（YAML、schema、模板），错误报为 file:line:col: message。"""
    from drafter.outlines.check import check_outline

    from drafter.outlines.sandbox import template_job

    templates = resolve(library).templates
    problems = []
    for f in files:
        with template_job():
            problems += check_outline(f, templates)
    for problem in problems:
        typer.echo(str(problem))
    if problems:
        raise typer.Exit(1)
    for f in files:                      # a line a file: a list of them on one line outgrows the terminal
        typer.echo(f"没有问题：{f}")


def _can_prompt(no_input: bool) -> bool:
    """Ask for missing values only when a person is at the terminal."""
    return not no_input and sys.stdin.isatty()


def _ask(var: dict) -> str:
    """Prompt for one variable on stderr; Enter leaves it as a placeholder."""
    example = f"，例：{var['example']}" if var.get("example") else ""
    return typer.prompt(f"{var['label']} {var['name']}（回车留作占位{example}）",
                        default="", show_default=False, err=True)


@app.command()
def new(
    outline: Annotated[str, typer.Argument(help="提纲编号（drafter outlines list）或提纲文件", metavar="提纲")],
    output: OutputFile,
    sets: list[str] = typer.Option([], "--set", help="名称=值（可多次），如 occasion=全市组织工作会议；"
                                                     "每条的槽位如 sections.2.points.1.action=筑牢思想根基",
                                   metavar="名称=值"),
    answers: Path | None = typer.Option(None, "--answers", help="答案文件 (YAML)，--set 优先", metavar="文件"),
    no_input: bool = typer.Option(False, "--no-input", help="不询问缺少的值"),
    strict: bool = typer.Option(False, "--strict", help="缺少任何变量即报错（列出全部）"),
    sections: int | None = typer.Option(None, "--sections", help="一级部分的数量（提纲允许的范围内）", metavar="个数"),
    points: int | None = typer.Option(None, "--points", help="每部分的要点数（提纲允许的范围内）", metavar="个数"),
    variant: list[str] = typer.Option([], "--variant",
                                      help="标题说法：N（各部分都用第 N 种）或 sections.2=N（只换这一条），可多次",
                                      metavar="说法"),
    topic: str | None = typer.Option(None, "--topic",
                                     help="主题，如 安全生产：提示里优先引用与之相关的短语，并填入 topic 值",
                                     metavar="主题"),
    minutes: float | None = typer.Option(None, "--minutes", help="讲话时长（分钟），按每分钟约 220 字定篇幅",
                                         metavar="分钟"),
    chars: int | None = typer.Option(None, "--chars", help="篇幅（字数），与 --minutes 二选一", metavar="字数"),
    fmt: Format = None,
    style: Style = "gbt9704",
    reference_doc: ReferenceDoc = None,
    force: Force = False,
    library: LibraryDirs = [],
):
    """按提纲生成讲话稿骨架：标题、称呼、开头、各部分标题、占位与写作提示、结尾。"""
    from drafter.cli.quick import make_new

    make_new(outline, output, sets=sets, answers=answers, ask=_ask if _can_prompt(no_input) else None,
             strict=strict, sections=sections, points=points, variant=variant, topic=topic, minutes=minutes,
             chars=chars, fmt=fmt, style=style, reference_doc=reference_doc, force=force, library=library)


@app.command()
def batch(
    plan: Path = typer.Argument(..., help="计划表 (.csv .tsv .xlsx .yaml)："
                                          "每行一份骨架，列为 outline、output、style 和各个值", metavar="计划表"),
    out_dir: Path = typer.Option(..., "-o", "--output", help="输出目录（不存在则创建）", metavar="目录"),
    fmt: str | None = typer.Option(None, "--format", "-t",
                                   help="输出格式 docx|md|txt，默认 docx（output 列的扩展名优先）", metavar="格式"),
    style: str = typer.Option("gbt9704", "--style", "-s", help="版式（style 列优先）：gbt9704、speech … 或 .yaml 文件",
                              metavar="版式"),
    reference_doc: ReferenceDoc = None,
    force: Force = False,
    strict: bool = typer.Option(False, "--strict", help="某行缺少变量即该行报错"),
    jobs: int | None = typer.Option(None, "--jobs", "-j", help="并行进程数，默认每个核一个", metavar="个数"),
    report: Path | None = typer.Option(None, "--report", help="把逐行明细写入此 CSV 文件", metavar="文件"),
    quiet: bool = typer.Option(False, "--quiet", "-q", help="不显示进度和汇总，只报错误"),
    library: LibraryDirs = [],
):
    """按计划表批量生成骨架：每行一份，某行出错只报该行（计划表:行号），其余照常生成。"""
    from drafter.cli.quick import make_batch

    code = make_batch(plan, out_dir, fmt=fmt, style=style, reference_doc=reference_doc, force=force, strict=strict,
                      jobs=jobs, report=report, quiet=quiet, library=library)
    if code:
        raise typer.Exit(code)


@app.command()
def mine(
    folder: Path = typer.Argument(..., help="讲话稿文件夹（递归读取 .txt .md .docx .doc .wps .html 等）",
                                  metavar="文件夹"),
    output: Path = typer.Option(..., "-o", "--output", help="输出的资料库目录", metavar="目录"),
    force: bool = typer.Option(False, "--force", "-f",
                               help="目录已存在时重写 drafter 生成的文件"),
    jobs: int | None = typer.Option(None, "--jobs", "-j", min=1, help="并行进程数（默认每个核一个）", metavar="个数"),
    min_docs: int | None = typer.Option(None, "--min-docs", min=1, help="短语至少见于几篇（默认随语料增长）",
                                        metavar="篇数"),
    max_per_function: int | None = typer.Option(None, "--max-per-function", min=1,
                                                help="每种功能保留几条（外加近年常用的）", metavar="条数"),
    scheduler: str | None = typer.Option(None, "--scheduler",
                                         help="在此 Dask 集群上读入，如 tcp://host:8786", metavar="地址"),
    quiet: bool = typer.Option(False, "--quiet", "-q", help="不显示进度"),
):
    """从一批讲话稿中归纳提纲、排比句式和常用短语，写成资料库（--library 可用）。"""
    from contextlib import nullcontext

    from rich.console import Console

    from drafter.api import mine as mine_folder
    from drafter.cli.batch_view import progress_bar, wants_progress
    from drafter.cli.mine_view import mine_table, stage_progress
    from drafter.mine.parallel_map import BadAddress, DaskMissing

    shown = progress_bar("读入文件", unit="篇") if wants_progress(quiet) else nullcontext(None)
    try:
        with shown as bar:
            result = mine_folder(folder, output, force=force, jobs=jobs, min_docs=min_docs,
                                 max_per_function=max_per_function, progress=stage_progress(bar),
                                 scheduler=scheduler)
    except (DaskMissing, BadAddress) as exc:     # a usage mistake, as an unknown option is
        fail(str(exc), 2)
    for skipped in result.skipped:
        typer.echo(f"drafter: 跳过 {skipped.name}：{skipped.reason}", err=True)
    Console().print(mine_table(result, str(output)))


phrases_app = App(help="短语库：搜索、列出、查看、导出。", no_args_is_help=True)
app.add_typer(phrases_app, name="phrases")

# Options the phrases commands share.
PhraseFunction = Annotated[str | None, typer.Option("--function",
                                                    help="只看这一功能，如 opening.context；closing 即 closing.*",
                                                    metavar="功能")]
Since = Annotated[int | None, typer.Option("--since", help="只看此年及以后用过的", metavar="年份")]
Until = Annotated[int | None, typer.Option("--until", help="只看此年及以前用过的", metavar="年份")]
Source = Annotated[str | None, typer.Option("--source", help="只看来源（文件名:行）含此文字的", metavar="文字")]
Wide = Annotated[bool, typer.Option("--wide", help="来源写全")]
JsonLines = Annotated[bool, typer.Option("--json", help="输出 JSON Lines，每行一条"
                                                       "（格式见 drafter/phrasebook/search-result.schema.json）")]
NoPager = Annotated[bool, typer.Option("--no-pager", help="在终端也不分页")]


def _origin(library_only: bool, library: list[Path]) -> str | None:
    """The origin whose entries alone are shown (``--library-only``), or None; a usage mistake without
    ``--library``."""
    if not library_only:
        return None
    if not library:
        fail("--library-only 要与 --library 资料库目录一起用（如 --library mylib/ --library-only）", 2)
    from drafter.library import FROM_OPTION

    return FROM_OPTION


def _book(library: list[Path]) -> Any:
    """The phrase book of the library, through its index (built, with a note, when the bank changed)."""

    def building() -> None:
        typer.echo("drafter: 正在为短语库建立索引（只在短语库改动后做一次）……", err=True)

    return resolve(library).phrasebook(on_build=building)


def _json_lines(items) -> None:
    import json

    out = sys.stdout
    for rank, item in enumerate(items, 1):
        out.write(json.dumps(item.to_dict(rank) if hasattr(item, "match") else item, ensure_ascii=False) + "\n")


@phrases_app.command("search")
def phrases_search(
    query: list[str] = typer.Argument(..., help="要找的词句：汉字、拼音全拼或首字母（ddzw），多个词用空格分开",
                                      metavar="词句"),
    function: PhraseFunction = None,
    since: Since = None,
    until: Until = None,
    source: Source = None,
    limit: int = typer.Option(20, "--limit", "-n", help="最多显示几条", metavar="条数"),
    json_out: JsonLines = False,
    wide: Wide = False,
    no_pager: NoPager = False,
    library: LibraryDirs = [],
    library_only: LibraryOnly = False,
):
    """搜索短语库（原文、拼音、相近）；短语库中没有时列出语料中的句子。"""
    text = " ".join(query)
    origin = _origin(library_only, library)
    result = _book(library).search(text, function, since, until, source, limit, origin=origin)
    if json_out:
        _json_lines(result.hits)
        if not result.hits:
            raise typer.Exit(1)
        return
    if not result.hits:
        fail(f"没有找到“{text}”")
    from drafter.cli.phrases_view import emit, search_text, terminal

    width, _, color = terminal()
    emit(search_text(result, width, color, wide), pager=not no_pager)


@phrases_app.command("list")
def phrases_list(
    function: PhraseFunction = None,
    since: Since = None,
    until: Until = None,
    source: Source = None,
    limit: int | None = typer.Option(None, "--limit", "-n", help="最多显示几条（默认：屏幕上 500 条，--json 全部）",
                                     metavar="条数"),
    json_out: JsonLines = False,
    wide: Wide = False,
    no_pager: NoPager = False,
    library: LibraryDirs = [],
    library_only: LibraryOnly = False,
):
    """列出短语库中的短语（可按功能、年份、来源筛选）。"""
    origin = _origin(library_only, library)
    book = _book(library)
    if json_out:
        _json_lines([e.to_dict() for e in book.entries(function, since, until, source, limit, origin=origin)])
        return
    shown = limit if limit is not None else 500
    rows = book.entries(function, since, until, source, shown + 1, origin=origin)
    if not rows:
        fail("没有符合条件的短语")
    from drafter.cli.phrases_view import emit, list_text, terminal

    total = len(rows) if len(rows) <= shown else book.count(function, since, until, source, origin)
    title = f"短语库（{total} 条）" if total <= shown else f"短语库（共 {total} 条，显示前 {shown} 条；-n 可调）"
    width, _, color = terminal()
    emit(list_text(rows[:shown], title, width, color, wide), pager=not no_pager)


@phrases_app.command("show")
def phrases_show(
    phrase_id: str = typer.Argument(..., help="短语编号（如 formula.a46ec1）或短语全文（如 稳中求进）", metavar="短语"),
    json_out: JsonLines = False,
    no_pager: NoPager = False,
    library: LibraryDirs = [],
):
    """显示一条短语：全文、槽位、出现篇数与次数、逐年走势、全部来源及其原句。"""
    book = _book(library)
    entry = book.get(phrase_id)
    sentences = book.sentences_of(entry)
    if json_out:
        d = entry.to_dict()
        d["sentences"] = [{"source": s, "text": t} for s, t in sentences]
        _json_lines([d])
        return
    from drafter.cli.phrases_view import emit, entry_text, terminal

    width, _, color = terminal()
    emit(entry_text(entry, sentences, book.pinyin_of(entry.id), width, color), pager=not no_pager)


@phrases_app.command("functions")
def phrases_functions(library: LibraryDirs = [], library_only: LibraryOnly = False):
    """列出短语库中的功能及各自的条数（--function 可用的值）。"""
    from drafter.cli.phrases_view import emit, functions_text, terminal

    origin = _origin(library_only, library)
    width, _, color = terminal()
    emit(functions_text(_book(library).function_counts(origin), width, color), pager=False)


@phrases_app.command("export")
def phrases_export(
    output: Path = typer.Option(..., "-o", "--output", help="输出文件，如 素材库.html", metavar="文件"),
    html: bool = typer.Option(False, "--html", help="即 --format html"),
    fmt: str | None = typer.Option(None, "--format", "-t",
                                   help="html（可离线打开的网页）、docx（素材汇编）或 csv；默认按扩展名",
                                   metavar="格式"),
    function: PhraseFunction = None,
    since: Since = None,
    until: Until = None,
    title: str = typer.Option("讲话稿素材库", "--title", help="网页或文档的标题", metavar="标题"),
    style: Style = "gbt9704",
    force: Force = False,
    library: LibraryDirs = [],
    library_only: LibraryOnly = False,
):
    """导出短语库：一个离线可用的网页（可搜索、筛选、复制），或素材汇编 Word 文档，或 CSV 表格。"""
    from drafter.phrasebook.export import export

    fmt = "html" if html else (fmt or output.suffix.lstrip(".").lower())
    if fmt not in ("html", "docx", "csv"):
        fail(f"不支持的导出格式“{fmt}”，可用：html、docx、csv")
    origin = _origin(library_only, library)
    book = _book(library)
    entries = book.entries(function, since, until, origin=origin)
    profile = resolve(library).profile(style) if fmt == "docx" else None
    written = export(book, entries, output, fmt, title=title, force=force, profile=profile)
    typer.echo(f"已导出 {len(entries)} 条到 {written}", err=True)


def run_app() -> int:
    """Run the Typer app on the command line; its exit code (expected errors raised outside a
    command, in option parsing or start-up, are one line and 1; a usage mistake is one line and 2)."""
    from drafter.cli.usage import usage_line

    try:
        code = app(prog_name="drafter", standalone_mode=False)
        return code if isinstance(code, int) else 0
    except SystemExit as exc:
        return exc.code if isinstance(exc.code, int) else (0 if exc.code is None else 1)
    except CLICK_ERROR as exc:
        ctx = getattr(exc, "ctx", None)
        if ctx is not None and exc.format_message() == ctx.get_help():
            exc.show()                 # a command group run without a command: its help, as click shows it
        else:
            typer.echo(usage_line(exc), err=True)
        return exc.exit_code
    except typer.Abort:
        typer.echo("drafter: 已取消", err=True)
        return 1
    except (DrafterError, OSError) as exc:
        typer.echo(error_line(exc), err=True)
        return 1
    except KeyboardInterrupt:
        typer.echo("drafter: 已中断", err=True)
        return _interrupt_code()
    return 0
