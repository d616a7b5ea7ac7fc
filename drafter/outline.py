"""Outlines: YAML files that describe the parts of a kind of speech (see ``outlines/schema.json``).

Loading validates an outline against the JSON Schema and reports each error as ``file:line:col``.
Finding one searches the library (built-in, ``DRAFTER_LIBRARY``, ``--library``); a user's outline
with the same id as a built-in one wins.
"""

from __future__ import annotations

import difflib
import json
import os
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any, Iterable

from drafter.errors import DrafterError
from drafter.library import builtin_root, search_dirs
from drafter.model import DEFAULT_LADDER
from drafter.yamlfile import YamlDoc, read_yaml

SUFFIX = ".yaml"


@dataclass(frozen=True)
class Problem:
    """One thing wrong with an outline, at ``file:line:col``."""

    where: str
    message: str

    def __str__(self) -> str:
        return f"{self.where}: {self.message}"

    @classmethod
    def of(cls, error: DrafterError, where: str) -> "Problem":
        """A DrafterError as a problem, at its own place if it names one."""
        return cls(str(error.where) if error.where else where, error.message)


@dataclass
class Outline:
    """A loaded, schema-valid outline and where it came from."""

    doc: YamlDoc
    origin: str = "文件 file"
    library: tuple[str, ...] = ()        # the --library dirs it was found with, for its templates

    @property
    def data(self) -> dict[str, Any]:
        return self.doc.data

    @property
    def path(self) -> Path:
        return self.doc.path

    @property
    def id(self) -> str:
        return self.data["id"]

    @property
    def name(self) -> str:
        return self.data["name"]

    @property
    def kind(self) -> str | None:
        return self.data.get("kind")

    @property
    def description(self) -> str | None:
        return self.data.get("description")

    @property
    def mined_from(self) -> list[str]:
        return self.data.get("mined_from", [])

    @property
    def variables(self) -> list[dict[str, Any]]:
        return self.data.get("variables", [])

    @property
    def numbering(self) -> tuple[str, ...]:
        return tuple(self.data.get("numbering") or DEFAULT_LADDER)

    def where(self, path: Iterable[Any] = (), key: bool = False) -> str:
        return self.doc.where(tuple(path), key)


@lru_cache(maxsize=1)
def schema() -> dict[str, Any]:
    """The outline JSON Schema shipped with drafter."""
    return json.loads((builtin_root() / "outlines" / "schema.json").read_text(encoding="utf-8"))


def schema_problems(doc: YamlDoc) -> list[Problem]:
    """Every JSON Schema error of an outline document, at the line and column it was written."""
    from jsonschema import Draft202012Validator

    validator = Draft202012Validator(schema())
    problems = []
    for error in sorted(validator.iter_errors(doc.data), key=lambda e: [str(p) for p in e.absolute_path]):
        path = tuple(error.absolute_path)
        label = ".".join(str(p) for p in path) or "(顶层 top level)"
        if error.validator == "additionalProperties" and isinstance(error.instance, dict):
            known = list(error.schema.get("properties", {}))
            for extra in [k for k in error.instance if k not in known]:
                hint = difflib.get_close_matches(str(extra), known, n=1)
                also = f"；是否想写 did you mean '{hint[0]}'?" if hint else f"；可用 allowed: {', '.join(known)}"
                problems.append(Problem(doc.where(path + (extra,), key=True), f"{label}: 未知的字段 unknown field '{extra}'{also}"))
            continue
        if error.validator == "not":
            message = f"'{error.instance}' 是保留字，不能用作名称 is a reserved name"
        else:
            message = error.message
        problems.append(Problem(doc.where(path), f"{label}: {message}"))
    return problems


def _read(path: Path) -> tuple[YamlDoc | None, list[Problem]]:
    try:
        doc = read_yaml(path)
    except DrafterError as exc:
        return None, [Problem.of(exc, f"{path}:1:1")]
    if doc.data is None:
        return None, [Problem(f"{path}:1:1", "文件是空的 empty outline")]
    problems = schema_problems(doc)
    if not problems and doc.data["id"] != path.name.removesuffix(SUFFIX):
        problems.append(Problem(doc.where(("id",)),
                                f"id '{doc.data['id']}' 与文件名不一致 does not match the file name {path.name}"))
    return doc, problems


def load_outline(path: str | os.PathLike, origin: str = "文件 file", library: Iterable[str] = ()) -> Outline:
    """Load and schema-check one outline file; a DrafterError names the first problem's place."""
    path = Path(path)
    doc, problems = _read(path)
    if problems:
        more = f"（另有 {len(problems) - 1} 处问题，运行 drafter outlines check {path}）" if len(problems) > 1 else ""
        raise DrafterError(problems[0].message + more, where=problems[0].where)
    return Outline(doc, origin, tuple(str(d) for d in library))


def check_outline(path: str | os.PathLike, library: Iterable[str] = ()) -> list[Problem]:
    """Everything wrong with an outline: YAML, schema, templates, and a trial assembly."""
    from drafter.assemble import lint

    path = Path(path)
    doc, problems = _read(path)
    if problems:
        return problems
    return lint(Outline(doc, library=tuple(str(d) for d in library)))


@dataclass
class Entry:
    """An outline file found in the library; ``outline`` is None when it does not load."""

    id: str
    path: Path
    origin: str
    outline: Outline | None = None
    error: str | None = None
    shadows: list[str] = field(default_factory=list)   # origins of same-id outlines it hides


def list_outlines(library: Iterable[str] = ()) -> list[Entry]:
    """Every outline in the library, sorted by id; each id once, from its highest-precedence root."""
    library = tuple(str(d) for d in library)
    entries: dict[str, Entry] = {}
    for folder, root in search_dirs("outlines", library):
        for path in sorted(folder.glob("*" + SUFFIX)):
            oid = path.name.removesuffix(SUFFIX)
            if oid in entries:
                entries[oid].shadows.append(root.origin)
                continue
            entry = Entry(oid, path, root.origin)
            try:
                entry.outline = load_outline(path, root.origin, library)
            except DrafterError as exc:
                entry.error = str(exc)
            entries[oid] = entry
    return [entries[k] for k in sorted(entries)]


def find_outline(name: str, library: Iterable[str] = ()) -> Outline:
    """The outline with this id (highest-precedence library first), or a path to an outline file."""
    library = tuple(str(d) for d in library)
    if name.endswith((SUFFIX, ".yml")) or os.sep in name or "/" in name:
        return load_outline(name, "文件 file", library)
    known: list[str] = []
    for folder, root in search_dirs("outlines", library):
        path = folder / (name + SUFFIX)
        if path.is_file():
            return load_outline(path, root.origin, library)
        known += [p.name.removesuffix(SUFFIX) for p in folder.glob("*" + SUFFIX)]
    known = sorted(set(known))
    close = difflib.get_close_matches(name, known, n=len(known), cutoff=0.3)
    ordered = close + [k for k in known if k not in close]
    raise DrafterError(f"未知的提纲 unknown outline '{name}'; 可用 known: {', '.join(ordered) or '（无 none）'}")
