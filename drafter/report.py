"""What ``drafter parse`` shows: a Speech as a JSON-ready dict, or as a tree in the terminal."""

from __future__ import annotations

from drafter.model import Meta, Paragraph, Section, Speech, plain


def _enumerations(speech: Speech) -> list[dict]:
    from drafter.structure.roles import enumeration

    found = []
    for p in speech.paragraphs():
        markers = enumeration(p.text)
        if markers:
            found.append({"line": p.line, "markers": markers})
    return found


def _heading(s: Section) -> dict:
    return {"line": s.line, "depth": s.depth, "style": s.style, "text": s.title, "run_in": s.run_in,
            "after_gap": s.after_gap}


def speech_to_dict(speech: Speech) -> dict:
    """The parse result in the shape of ``drafter parse --json``."""
    from drafter.structure import transition

    def texts(paras: list[Paragraph]) -> list[str]:
        return [p.text for p in paras]

    joined = [{"lines": list(p.lines)} for p in speech.paragraphs() if len(p.lines) > 1]
    return {
        "meta": {name: speech.meta.text(name) for name in Meta.FIELDS},
        "headings": [_heading(s) for s in speech.headings()],
        "removed": [{"line": r.line, "text": r.text, "why": r.why} for r in speech.removed],
        "gaps": [{"line": g.line, "hidden_chars": g.hidden_chars} for g in speech.gaps()],
        "warnings": list(speech.warnings),
        "salutation": speech.salutation,
        "opening": texts(speech.opening),
        "transition": transition(speech),
        "closing": texts(speech.closing),
        "pull_quotes": texts([p for p in speech.front if p.role == "pull_quote"]),
        "author_note": next((p.text for p in speech.back if p.role == "author_note"), None),
        "joined": joined,
        "enumerations": _enumerations(speech),
    }


def _short(text: str, width: int = 48) -> str:
    return text if len(text) <= width else text[: width - 1] + "…"


def print_tree(speech: Speech) -> None:
    """Print the structure of a speech as a rich tree, then what was removed and any warnings."""
    from rich.console import Console
    from rich.markup import escape
    from rich.tree import Tree

    from drafter.render.numbering import numbered
    from drafter.structure import transition
    from drafter.structure.roles import enumeration

    console = Console()
    marks = {id(s): mark for s, _, mark in numbered(speech.sections, None)}
    meta = speech.meta
    root = Tree(f"[bold]{escape(plain(meta.title) or '（无标题 no title）')}[/bold]")
    for name, label in (("subtitle", "副题"), ("speaker", "讲话人"), ("occasion", "场合"), ("author", "作者"),
                        ("date", "日期"), ("source", "来源")):
        if meta.text(name):
            root.add(f"[dim]{label}[/dim] {escape(meta.text(name))}")
    front = root.add("[cyan]开头 front[/cyan]")
    for p in speech.front:
        front.add(f"[dim]{p.role} L{p.line}[/dim] {escape(_short(p.text))}")
    if transition(speech) and speech.opening[-1].role != "transition":
        front.add(f"[dim]过渡句 transition[/dim] {escape(transition(speech))}")

    def add(branch, section: Section) -> None:
        if section.heading is None:
            node = branch.add("[dim]（隐藏的部分 hidden part）[/dim]")
        else:
            tag = f"{section.style} {'run-in ' if section.run_in else ''}d{section.depth} L{section.line}"
            node = branch.add(f"[green]{escape(marks[id(section)])}[/green]{escape(section.title)} [dim]{escape(tag)}[/dim]")
        for block in section.body:
            if not isinstance(block, Paragraph):
                node.add(f"[red]隐藏 gap L{block.line}: {block.hidden_chars or '?'} 字[/red]")
            elif enumeration(block.text):
                node.add(f"[dim]列举 enumeration L{block.line}: {'…'.join(enumeration(block.text))}…[/dim]")
        for child in section.children:
            add(node, child)

    body = root.add("[cyan]正文 sections[/cyan]")
    for section in speech.sections:
        add(body, section)
    back = root.add("[cyan]结尾 back[/cyan]")
    for p in speech.back:
        back.add(f"[dim]{p.role} L{p.line}[/dim] {escape(_short(p.text))}")
    console.print(root)
    if speech.removed:
        console.print(f"[yellow]删除的网页杂质 removed debris ({len(speech.removed)}):[/yellow]")
        for r in speech.removed:
            console.print(f"  L{r.line} [dim]{escape(r.why)}[/dim] {escape(_short(r.text, 60))}")
    for w in speech.warnings:
        console.print(f"[red]编号异常 warning:[/red] {escape(w)}")
