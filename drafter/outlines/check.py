"""Checking an outline: YAML and schema, then templates, names, counts and a trial assembly."""

from __future__ import annotations

import os
from pathlib import Path

from drafter.errors import DrafterError
from drafter.outlines.assemble import Assembler, assemble, example_values
from drafter.outlines.expand import expand
from drafter.outlines.load import Outline, Problem, read_outline
from drafter.outlines.sandbox import Templates


def check_outline(path: str | os.PathLike, templates: Templates) -> list[Problem]:
    """Everything wrong with an outline file: YAML, schema, templates, and a trial assembly."""
    path = Path(path)
    doc, problems = read_outline(path)
    if problems or doc is None:
        return problems
    return lint(Outline(doc, templates))


def lint(outline: Outline) -> list[Problem]:
    """Problems of a schema-valid outline: variables, items without headings, template errors and
    undeclared names (each item at its widest), unused variables, a trial run with the examples."""
    problems: list[Problem] = []
    names = [v["name"] for v in outline.variables]
    try:
        modules = outline.templates.modules
    except DrafterError as exc:
        return [Problem.of(exc, outline.where())]
    for i, name in enumerate(names):
        if name in names[:i]:
            problems.append(Problem(outline.where(("variables", i, "name")), f"变量重名：'{name}'"))
        if name in modules:
            problems.append(Problem(outline.where(("variables", i, "name")),
                                    f"变量名 '{name}' 与模板文件 {name}.j2 重名"))
    try:
        items = expand(outline, widest=True)
    except DrafterError as exc:
        return problems + [Problem.of(exc, outline.where())]
    parts = {id(i.part): i.part for top in items for i in top.walk()}
    for part in parts.values():
        if not part.min <= part.count <= part.max:
            problems.append(Problem(outline.where(part.path), f"条数 {part.count} 不在 min–max "
                                    f"{part.min}–{part.max} 之间"))
        listed = part.items[:part.max]
        required = sum(1 for layer in listed if not (isinstance(layer.spec, dict) and layer.spec.get("optional")))
        if listed and len(listed) == part.max and part.min < required:
            problems.append(Problem(outline.where(part.path),
                                    f"min {part.min} 少于必讲的 {required} 条：--sections/--points "
                                    f"取 {part.min} 时会截掉必讲的部分，请把可省略的标为 optional: true"))
    builder = Assembler(outline, {}, problems)
    builder.speech(items)
    for i, name in enumerate(names):
        if name not in builder.keys:
            problems.append(Problem(outline.where(("variables", i, "name")), f"变量没有用到：'{name}'"))
    if not problems:
        try:
            assemble(outline, example_values(outline))
        except DrafterError as exc:
            problems.append(Problem.of(exc, outline.where()))
    return list(dict.fromkeys(problems))
