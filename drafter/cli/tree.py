"""What ``drafter parse`` shows on a terminal: a Speech as a tree.

Every piece of the speech's text goes through ``escape``: rich markup escaped, and control characters
shown as ``\\xNN`` (``drafter.controls.escape``), so no text in a file can recolour the terminal,
move its cursor or set its title.
"""

from __future__ import annotations

from drafter.model import Paragraph, Section, Speech, plain
from drafter.zh import UNNUMBERED


#: what each paragraph role is called on the screen
ROLE_NAMES = {"salutation": "称呼", "opening": "开头", "transition": "过渡", "pull_quote": "导语", "closing": "结尾",
              "author_note": "文末说明", "appendix": "附件", "body": "正文"}
#: what each title-block field is called on the screen
FIELD_NAMES = {"subtitle": "副题", "speaker": "讲话人", "occasion": "场合", "author": "作者", "date": "讲话日期",
               "published": "发布日期", "source": "来源"}


class Tree:
    """A tree of rich-markup labels drawn with guide lines, in time linear in its size (rich's own
    Tree lays out every node as a renderable: a thousand times slower on a long speech). A label wraps
    under its guide lines to the width; a preview (``cut``) is cut to one line with …."""

    def __init__(self, label: str, cut: bool = False):
        self.label = label
        self.cut = cut
        self.children: list[Tree] = []

    def add(self, label: str, cut: bool = False) -> Tree:
        child = Tree(label, cut)
        self.children.append(child)
        return child

    def lines(self, console, width: int) -> list:
        """The tree's lines as rich Texts of at most ``width`` cells."""
        from rich.text import Text

        out = _fit(console, Text.from_markup(self.label), Text(""), Text(""), width, self.cut)
        stack = [(child, "", i == len(self.children) - 1) for i, child in reversed(list(enumerate(self.children)))]
        while stack:
            node, prefix, last = stack.pop()
            inner = prefix + ("    " if last else "│   ")
            out += _fit(console, Text.from_markup(node.label), Text(prefix + ("└── " if last else "├── "), "dim"),
                        Text(inner, "dim"), width, node.cut)
            n = len(node.children)
            stack.extend((child, inner, i == n - 1) for i, child in reversed(list(enumerate(node.children))))
        return out


def _fit(console, label, first, rest, width: int, cut: bool) -> list:
    """``label`` after the guide ``first``, cut to the width or wrapped onto lines after the guide ``rest``."""
    room = max(width - first.cell_len, 10)
    if label.cell_len <= room:
        return [first + label]
    if cut:
        label.truncate(room, overflow="ellipsis")
        return [first + label]
    lines = label.wrap(console, room, overflow="fold")
    return [(first if k == 0 else rest) + line for k, line in enumerate(lines)]


def print_tree(speech: Speech) -> None:
    """Print the structure of a speech as a tree, then what was removed."""
    from rich.console import Console
    from rich.markup import escape as markup_escape
    from rich.text import Text

    from drafter.controls import escape as control_escape

    def escape(text: str) -> str:
        return markup_escape(control_escape(text))

    from drafter.render.numbering import numbered

    console = Console()
    marks = {id(s): mark for s, _, mark in numbered(speech.sections, None)}
    meta = speech.meta
    root = Tree(f"[bold]{escape(plain(meta.title) or '（无标题）')}[/bold]")
    if meta.kind:
        root.add(f"[dim]类型[/dim] {escape(meta.kind)}")
    for name, label in FIELD_NAMES.items():
        if value := meta.text(name):
            root.add(f"[dim]{label}[/dim] {escape(value)}")
    if speech.parts:
        parts = root.add(f"[cyan]本页包含 {len(speech.parts)} 篇[/cyan]")
        for k, part in enumerate(speech.parts, 1):
            who = "，".join(filter(None, [part.title, part.speaker])) or "（无标题）"
            parts.add(f"{k}. {escape(who)} [dim]第{part.first_line}–{part.last_line}行，"
                      f"{len(part.speech.headings())} 个标题[/dim]")
    front = root.add("[cyan]开头[/cyan]")
    for p in speech.front:
        front.add(f"[dim]{ROLE_NAMES.get(p.role, p.role)} 第{p.line}行[/dim] {escape(p.text)}", cut=True)
    if speech.transition and speech.opening[-1].role != "transition":
        front.add(f"[dim]过渡句[/dim] {escape(speech.transition)}")

    def add(branch, section: Section) -> None:
        if section.heading is None:
            node = branch.add("[dim]（隐藏的部分）[/dim]")
        else:
            style = "无编号" if section.style in UNNUMBERED else section.style      # lead, none: codes, not words
            tag = f"{style} {'段首标题 ' if section.run_in else ''}第{section.depth}级 第{section.line}行"
            node = branch.add(f"[green]{escape(marks[id(section)])}[/green]{escape(section.title)} "
                              f"[dim]{escape(tag)}[/dim]")
        for block in section.body:
            if not isinstance(block, Paragraph):
                node.add(f"[red]隐藏 第{block.line}行：{block.hidden_chars or '?'} 字[/red]")
            elif block.enumeration:
                node.add(f"[dim]列举 第{block.line}行：{escape('…'.join(block.enumeration))}…[/dim]")
        for child in section.children:
            add(node, child)

    body = root.add("[cyan]正文[/cyan]")
    for section in speech.sections:
        add(body, section)
    back = root.add("[cyan]结尾[/cyan]")
    for p in speech.back:
        back.add(f"[dim]{ROLE_NAMES.get(p.role, p.role)} 第{p.line}行[/dim] {escape(p.text)}", cut=True)
    if speech.removed:
        removed = root.add(f"[yellow]删除的网页杂质（{len(speech.removed)} 行）[/yellow]")
        for r in speech.removed:
            removed.add(f"第{r.line}行 [dim]{escape(r.why)}[/dim] {escape(r.text)}", cut=True)
    # numbering anomalies and other warnings are told on stderr, in Chinese (drafter.api.notices)
    console.print(Text("\n").join(root.lines(console, console.width)), soft_wrap=True, highlight=False)
