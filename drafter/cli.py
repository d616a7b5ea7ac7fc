"""The drafter command line: a thin Typer skin over the library API.

Heavy modules (python-docx, Jinja, mining) are imported inside the commands that need them, so
``drafter --help`` starts fast.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Optional

import typer

from drafter.errors import DrafterError

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

        typer.echo(json.dumps(speech_to_dict(speech), ensure_ascii=False, indent=1))
    else:
        print_tree(speech)


@app.command("format")
def format_(
    file: Path = typer.Argument(..., help="讲话稿文件 (.txt .md .docx)"),
    output: str = typer.Option(..., "-o", "--output", help="输出文件 (.docx .md .txt)；- 表示输出到屏幕"),
    fmt: Optional[str] = typer.Option(None, "--format", "-t", help="输出格式 docx|md|txt，默认按扩展名"),
    style: str = typer.Option("gbt9704", "--style", "-s", help="版式：gbt9704、speech、windows-fonts 或 .yaml 文件"),
    reference_doc: Optional[Path] = typer.Option(None, "--reference-doc", help="用此 Word 文档的样式和页面设置"),
    force: bool = typer.Option(False, "--force", "-f", help="覆盖已存在的输出文件"),
    library: list[Path] = typer.Option([], "--library", help="资料库目录（可多次给出）"),
):
    """把一篇讲话稿排版为 GB/T 9704 Word 文档（或带编号的文本、Markdown）。"""
    from drafter.structure import read_speech
    from drafter.render import write

    speech = read_speech(file)
    written = write(speech, output, fmt=fmt, style=style, reference_doc=reference_doc, force=force,
                    library=library)
    if written is not None:
        typer.echo(f"已写入 wrote {written}", err=True)


def main() -> None:
    """Console entry point: run the app, turning expected errors into one line and exit 1."""
    try:
        app()
    except DrafterError as exc:
        typer.echo(f"drafter: 错误 error: {exc}", err=True)
        sys.exit(1)
    except KeyboardInterrupt:
        typer.echo("drafter: 已中断 interrupted", err=True)
        sys.exit(130)


if __name__ == "__main__":
    main()
