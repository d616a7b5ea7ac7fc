"""What ``drafter outlines list/show`` and ``drafter new`` print: rich tables and trees."""

from __future__ import annotations

import re
from collections.abc import Iterable

from rich.console import Console
from rich.markup import escape
from rich.table import Table
from rich.tree import Tree

from drafter.cli.tree import FIELD_NAMES, ROLE_NAMES
from drafter.errors import DrafterError
from drafter.library import Entry
from drafter.model import Paragraph, Section, Speech, plain
from drafter.outlines.assemble import Key, assemble, value_keys
from drafter.outlines.expand import Item, Part, expand
from drafter.outlines.load import Outline
from drafter.render.numbering import numbered

ITEM_SLOT = re.compile(r"^(.*\.)(\d+)\.([A-Za-z_]\w*)$")


def outlines_table(entries: Iterable[Entry]) -> Table:
    """The outlines of the library, one short row each; ``outlines show`` gives the convention."""
    table = Table(title="提纲", caption="结构、惯例和出处：drafter outlines show 编号", show_lines=False)
    table.add_column("编号", no_wrap=True)
    for column in ("名称", "文种", "部分", "来源"):
        table.add_column(column, overflow="fold")
    for e in entries:
        where = e.origin                 # the file is in ``outlines show``: a path folded in a narrow column
        if e.shadows:
            where += f"\n覆盖：{', '.join(e.shadows)}"
        try:
            items = expand(e.outline) if e.outline else []
        except DrafterError as exc:
            e.error = str(exc)
        if e.error:
            table.add_row(e.id, f"[red]无法加载[/red]：{escape(e.error)}", "", "", escape(where))
            continue
        assert e.outline is not None   # an entry without an error has loaded
        part = items[0].part if items else None
        sections = str(len(items)) if part is None or part.min == part.max else f"{len(items)}（{part.min}–{part.max}）"
        names = "\n".join([e.outline.name, *e.outline.data.get("aliases", [])[:2]])
        if e.outline.mined_from:
            where += f"\n总结自 {len(e.outline.mined_from)} 篇"
        table.add_row(e.id, names, e.outline.kind or "", sections, escape(where))
    return table


def _label(part: Part | None, option: str | None) -> str:
    if part is None:
        return "0 条"
    if part.min == part.max or option is None:
        return f"{part.count} 条"
    return f"{part.count} 条（{option} 可调为 {part.min}–{part.max}）"


def _para(p: Paragraph) -> str:
    text = f"[bold]{ROLE_NAMES.get(p.role, p.role)}[/bold] {escape(p.text)}"
    return text + (f"  [dim]— {escape(p.hint)}[/dim]" if p.hint else "")


def outline_tree(outline: Outline) -> Tree:
    """The skeleton an outline gives with no values: headings numbered, placeholders 【shown】."""
    speech = assemble(outline)
    items = expand(outline)
    tree = Tree(f"[bold]{escape(plain(speech.meta.title))}[/bold]  [dim]{outline.id} · {outline.name}[/dim]")
    for field in ("subtitle", "speaker", "author", "occasion", "date"):
        value = getattr(speech.meta, field)
        if value:
            tree.add(f"[cyan]{FIELD_NAMES[field]}[/cyan] {escape(plain(value))}")
    front = tree.add("前言")
    for p in speech.front:
        front.add(_para(p))
    marks = {id(s): mark for s, _, mark in numbered(speech.sections, speech.numbering)}
    body = tree.add(f"正文：{_label(items[0].part if items else None, '--sections')}")
    _sections(body, speech.sections, items, marks)
    back = tree.add("结尾")
    for p in speech.back:
        back.add(_para(p))
    return tree


def _sections(node: Tree, sections: list[Section], items: list[Item], marks: dict[int, str]) -> None:
    for section, item in zip(sections, items, strict=True):
        run_in = "（与正文同段）" if section.run_in else ""
        hint = f"  [dim]— {escape(section.hint)}[/dim]" if section.hint else ""
        child = node.add(f"{escape(marks[id(section)])}{escape(section.title)}{run_in}{hint}")
        for block in section.body:
            if isinstance(block, Paragraph) and block.hint:
                child.add(f"[dim]正文 — {escape(block.hint)}[/dim]")
        if item.children:
            option = "--points" if item.depth == 1 else None
            sub = child.add(f"要点：{_label(item.children[0].part, option)}")
            _sections(sub, section.children, item.children, marks)


def variables_table(outline: Outline) -> Table:
    """The values an outline asks for: key (items as N), label, example, hint."""
    table = Table(title="要填的值（--set 键=值，或 --answers 文件）")
    table.add_column("键", no_wrap=True)
    for column in ("标签", "示例", "提示"):
        table.add_column(column, overflow="fold")
    groups: dict[tuple[str, str], list[tuple[int, Key]]] = {}
    for name, key in value_keys(outline).items():
        if key.spec is None:
            continue
        m = ITEM_SLOT.match(name) if key.index else None
        group = (m.group(1), m.group(3)) if m else (name, "")
        groups.setdefault(group, []).append((key.index, key))
    for (prefix, slot), members in groups.items():
        spec = members[0][1].spec or {}
        example = spec.get("example", "")
        if slot:
            indexes = [i for i, _ in members]
            shown = (f"{prefix}{indexes[0]}.{slot}" if len(indexes) == 1
                     else f"{prefix}N.{slot}（N={indexes[0]}–{indexes[-1]}）")
            if isinstance(example, list):
                example = "／".join(example[i - 1] for i in indexes if i <= len(example))
        else:
            shown = prefix
        table.add_row(shown, spec.get("label", ""), escape(str(example)), escape(spec.get("hint", "")))
    return table


def show(outline: Outline, console: Console) -> None:
    """Print an outline: where it comes from, its tree and its values."""
    console.print(f"[bold]{outline.id}[/bold]  {outline.name}（{outline.kind or ''}）")
    if outline.description:
        console.print(outline.description)
    if outline.mined_from:
        console.print(f"总结自：{', '.join(outline.mined_from)}")
    if outline.data.get("convention"):
        console.print(f"结构出处：{escape(outline.data['convention'])}")
    aliases = outline.data.get("aliases", [])
    if aliases:
        console.print(f"也可用：{outline.name}、{'、'.join(aliases)}")
    length = outline.data.get("length") or {}
    if length:
        usual = f"{length['minutes']} 分钟" if "minutes" in length else f"{length['chars']} 字"
        console.print(f"通常篇幅：{usual}（--minutes / --chars）")
    console.print(f"来源：{outline.origin}  {outline.path}")
    console.print(outline_tree(outline))
    console.print(variables_table(outline))


def todo(speech: Speech, console: Console) -> None:
    """The placeholders still to fill: values in a table, free-text paragraphs counted."""
    from drafter.cli.quick import left_to_fill

    values, texts = left_to_fill(speech)
    if values:
        table = Table(title=f"待填的值（{len(values)}）")
        for column in ("键", "标签", "提示"):
            table.add_column(column)
        for p in values:
            table.add_row(p.name, str(p), escape(p.hint or ""))
        console.print(table)
    else:
        console.print("所有的值都已填写。")
    if texts:
        console.print(texts)
