"""What ``drafter parse`` shows on a terminal: a Speech as a tree.

Every piece of the speech's text goes through ``escape``: rich markup escaped, and control characters
shown as ``\\xNN`` (``drafter.controls.escape``), so no text in a file can recolour the terminal,
move its cursor or set its title.
"""

from __future__ import annotations

from drafter.model import Paragraph, Section, Speech, plain


def _short(text: str, width: int = 48) -> str:
    return text if len(text) <= width else text[: width - 1] + "…"


class Tree:
    """A tree of rich-markup labels drawn with guide lines, in time linear in its size (rich's own
    Tree lays out every node as a renderable: a thousand times slower on a long speech)."""

    def __init__(self, label: str):
        self.label = label
        self.children: list[Tree] = []

    def add(self, label: str) -> "Tree":
        child = Tree(label)
        self.children.append(child)
        return child

    def lines(self) -> list[str]:
        out = [self.label]
        stack = [(child, "", i == len(self.children) - 1) for i, child in reversed(list(enumerate(self.children)))]
        while stack:
            node, prefix, last = stack.pop()
            out.append(f"[dim]{prefix}{'└── ' if last else '├── '}[/dim]{node.label}")
            inner = prefix + ("    " if last else "│   ")
            n = len(node.children)
            stack.extend((child, inner, i == n - 1) for i, child in reversed(list(enumerate(node.children))))
        return out


def print_tree(speech: Speech) -> None:
    """Print the structure of a speech as a tree, then what was removed and any warnings."""
    from rich.console import Console
    from rich.markup import escape as markup_escape

    from drafter.controls import escape as control_escape

    def escape(text: str) -> str:
        return markup_escape(control_escape(text))

    from drafter.render.numbering import numbered

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
    if speech.transition and speech.opening[-1].role != "transition":
        front.add(f"[dim]过渡句 transition[/dim] {escape(speech.transition)}")

    def add(branch, section: Section) -> None:
        if section.heading is None:
            node = branch.add("[dim]（隐藏的部分 hidden part）[/dim]")
        else:
            tag = f"{section.style} {'run-in ' if section.run_in else ''}d{section.depth} L{section.line}"
            node = branch.add(f"[green]{escape(marks[id(section)])}[/green]{escape(section.title)} [dim]{escape(tag)}[/dim]")
        for block in section.body:
            if not isinstance(block, Paragraph):
                node.add(f"[red]隐藏 gap L{block.line}: {block.hidden_chars or '?'} 字[/red]")
            elif block.enumeration:
                node.add(f"[dim]列举 enumeration L{block.line}: {escape('…'.join(block.enumeration))}…[/dim]")
        for child in section.children:
            add(node, child)

    body = root.add("[cyan]正文 sections[/cyan]")
    for section in speech.sections:
        add(body, section)
    back = root.add("[cyan]结尾 back[/cyan]")
    for p in speech.back:
        back.add(f"[dim]{p.role} L{p.line}[/dim] {escape(_short(p.text))}")
    out = root.lines()
    if speech.removed:
        out.append(f"[yellow]删除的网页杂质 removed debris ({len(speech.removed)}):[/yellow]")
        out += [f"  L{r.line} [dim]{escape(r.why)}[/dim] {escape(_short(r.text, 60))}" for r in speech.removed]
    for w in speech.warnings:
        label = "注意" if "control character" in w else "编号异常"
        out.append(f"[red]{label} warning:[/red] {escape(w)}")
    console.print("\n".join(out), soft_wrap=True, highlight=False)
