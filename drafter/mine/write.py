"""Writing a mined library: ``outlines/*.yaml`` and ``phrasebank/<function>.yaml``.

Every file starts with a ``MARK`` comment, so a later run with ``force`` knows which files are
drafter's: it rewrites those and removes the ones no longer produced, and never touches a file
someone wrote by hand. Output is deterministic: keys in a fixed order, entries sorted, no times.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING

import yaml

from drafter.errors import OutputError, OutputExists
from drafter.io import write_text
from drafter.mine.memory import cycles_paused

if TYPE_CHECKING:
    from drafter.mine import MineResult

MARK = "# 由 drafter mine 生成"
KINDS = ("outlines", "phrasebank")


class _Flow(list):
    """A list written on one line."""


if TYPE_CHECKING:
    _SafeDumper = yaml.SafeDumper
else:
    _SafeDumper = getattr(yaml, "CSafeDumper", yaml.SafeDumper)


class _Dumper(_SafeDumper):
    """A safe dumper of its own (libyaml's where PyYAML has it: the same text, ten times faster), so
    the flow-list representer does not leak into yaml.SafeDumper."""


class _FlowMap(dict):
    """A mapping written on one line."""


_Dumper.add_representer(_Flow, lambda d, v: d.represent_sequence("tag:yaml.org,2002:seq", v, flow_style=True))
_Dumper.add_representer(_FlowMap, lambda d, v: d.represent_mapping("tag:yaml.org,2002:map", v, flow_style=True))


def dump(data, header: str = "") -> str:
    """YAML text of mined data, with the drafter mark and an optional comment line."""
    body = yaml.dump(data, Dumper=_Dumper, allow_unicode=True, sort_keys=False, width=1000, default_flow_style=False)
    return f"{MARK}{'；' + header if header else ''}\n{body}"


@cycles_paused()
def library_files(result: MineResult) -> dict[str, str]:
    """Relative path → text of every file of the mined library (the cycle collector paused: see
    ``drafter.mine.memory``)."""
    files = {}
    for outline in result.outlines:
        text = dump(outline, "提纲：drafter new " + outline["id"] + " --library DIR")
        files[f"outlines/{outline['id']}.yaml"] = "# yaml-language-server: $schema=schema.json\n" + text
    by_function: dict[str, list] = {}
    for p in result.phrases:
        by_function.setdefault(p.function, []).append(phrase_entry(p, result))
    for function, entries in by_function.items():
        files[f"phrasebank/{function}.yaml"] = dump(entries, f"短语库：{function}，{len(entries)} 条")
    return dict(sorted(files.items()))


def phrase_entry(p, result: MineResult) -> dict:
    """One bank entry: id, function, text (slots as {A}), slots, seen {docs, count}, the kinds of its
    documents (讲话稿, 政府工作报告: the hints of a skeleton quote its own kind's first), years {first,
    last, by_year} of its dated documents, dated (not seen in the corpus's last ``recent_years``
    years), score, sources (file:line, one per document first, at most ``MAX_SOURCES``), example, by."""
    from drafter.mine.bank import MAX_SOURCES

    files = result.files
    years = result.years
    entry = {"id": p.id, "function": p.function, "text": p.text}
    if p.slots:
        entry["slots"] = _Flow(p.slots)
    entry["seen"] = {"docs": p.docs, "count": len(p.places)}
    entry["kinds"] = _Flow(sorted({result.kinds[u.doc] for u in p.places}))
    by_year: dict[int, set] = {}
    for u in p.places:
        if years[u.doc] is not None:
            by_year.setdefault(years[u.doc], set()).add(u.doc)
    if by_year:
        entry["years"] = {"first": min(by_year), "last": max(by_year),
                          "by_year": _FlowMap((y, len(by_year[y])) for y in sorted(by_year))}
        latest = max(y for y in years if y is not None)
        if max(by_year) <= latest - result.recent_years:
            entry["dated"] = True
    entry["score"] = p.score
    order = list(dict.fromkeys((u.doc, u.line) for u in sorted(p.places, key=lambda u: (u.doc, u.line))))
    first: dict[int, tuple[int, int]] = {}
    for place in order:
        first.setdefault(place[0], place)
    chosen = set(list(first.values())[:MAX_SOURCES])
    chosen |= set([place for place in order if place not in chosen][:MAX_SOURCES - len(chosen)])
    shown = [f"{files[d]}:{line}" for d, line in order if (d, line) in chosen]
    entry["sources"] = _Flow(shown)
    entry["example"] = p.example
    if p.by:
        entry["by"] = p.by
    return entry


def write_library(result: MineResult, folder: str | os.PathLike, force: bool = False) -> list[Path]:
    """Write the mined library into ``folder``; an existing non-empty folder needs ``force``.
    Returns the files written."""
    root = check_folder(folder, force)
    files = library_files(result)
    for rel in files:
        path = root / rel
        if os.path.lexists(path) and not _ours(path):
            raise OutputError("不是 drafter 生成的文件，不覆盖：先把它移走", where=str(path))
    for kind in KINDS:
        for path in sorted((root / kind).glob("*.yaml")) if (root / kind).is_dir() else []:
            if f"{kind}/{path.name}" not in files and _ours(path):
                path.unlink()
    written = []
    for rel, text in files.items():
        path = root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        written.append(write_text(path, text, force=True))
    return written


def check_folder(folder: str | os.PathLike, force: bool) -> Path:
    """The library folder to write, if it may be: new, empty, or (with ``force``) a folder of drafter's."""
    root = Path(folder)
    if os.path.lexists(root) and not root.is_dir():
        raise OutputError("输出路径不是目录", where=str(root))
    if root.is_dir() and any(root.iterdir()) and not force:
        raise OutputExists("输出目录已存在且不空：加 --force 重写 drafter 生成的文件", where=str(root))
    return root


def _ours(path: Path) -> bool:
    if path.is_symlink() or not path.is_file():
        return False
    try:
        with path.open(encoding="utf-8") as f:
            head = f.read(len(MARK) + 80)
    except (OSError, UnicodeDecodeError):
        return False
    return MARK in head
