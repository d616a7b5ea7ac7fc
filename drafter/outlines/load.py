"""Outlines: YAML files that describe the parts of a kind of speech (see ``outlines/schema.json``).

Loading validates an outline against the JSON Schema and reports each error as ``file:line:col``;
the outlines shipped with drafter are validated by the tests instead, so that ``drafter new`` does
not import jsonschema at every start. Finding one by id is the library's job
(``drafter.library.Library.outline``).
"""

from __future__ import annotations

import difflib
import os
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any
from collections.abc import Iterable, Sequence

from drafter.builtin import outline_schema
from drafter.errors import DrafterError, OutlineError
from drafter.zh import DEFAULT_LADDER, STYLES

if TYPE_CHECKING:
    from drafter.outlines.sandbox import Templates
    from drafter.yamlfile import YamlDoc

SUFFIX = ".yaml"


@dataclass(frozen=True)
class Problem:
    """One thing wrong with an outline, at ``file:line:col``."""

    where: str
    message: str

    def __str__(self) -> str:
        return f"{self.where}: {self.message}"

    @classmethod
    def of(cls, error: DrafterError, where: str) -> Problem:
        """A DrafterError as a problem, at its own place if it names one."""
        return cls(str(error.where) if error.where else where, error.message)


class KeptDoc:
    """An outline document as the cache keeps it: its data, and the place of each of its nodes
    (``YamlDoc.marks``), so ``where`` answers as the YAML document would without reading it again."""

    def __init__(self, path: Path, data: Any, marks: dict[tuple[Any, ...], tuple[str, int, int, int, int]]):
        self.path, self.data, self.marks = path, data, marks

    def where(self, path: Sequence[Any] = (), key: bool = False) -> str:
        """``file:line:col`` of the value at ``path`` (or of its key), or of its nearest written parent."""
        at: tuple[Any, ...] = ()
        kind, line, col, _, _ = self.marks[at]
        for i, step in enumerate(path):
            if kind == "map":
                below = at + (str(step),)
            elif kind == "seq" and isinstance(step, int) and step >= 0:
                below = at + (step,)
            else:
                break
            found = self.marks.get(below)
            if found is None:
                break
            at, kind = below, found[0]
            line, col = (found[3], found[4]) if key and i == len(path) - 1 else (found[1], found[2])
        return f"{self.path}:{line + 1}:{col + 1}"


@dataclass
class Outline:
    """A loaded, schema-valid outline, where it came from, and the templates its text may call
    (like a Jinja template's environment)."""

    doc: YamlDoc | KeptDoc
    templates: Templates
    origin: str = "文件"

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
    import json

    return json.loads(outline_schema().read_text(encoding="utf-8"))


#: the numbering styles an outline may give, as a problem lists them
STYLE_NAMES = " ".join([*STYLES[:-2], "第一个问题：", "第一部分", *STYLES[-2:]])


def schema_problems(doc: YamlDoc) -> list[Problem]:
    """Every JSON Schema error of an outline document, at the line and column it was written."""
    from jsonschema import Draft202012Validator

    validator = Draft202012Validator(schema())
    problems = []
    for error in sorted(validator.iter_errors(doc.data), key=lambda e: [str(p) for p in e.absolute_path]):
        path = tuple(error.absolute_path)
        label = ".".join(str(p) for p in path) or "（顶层）"
        if error.validator == "additionalProperties" and isinstance(error.instance, dict):
            known = list(error.schema.get("properties", {}))
            for extra in [k for k in error.instance if k not in known]:
                hint = difflib.get_close_matches(str(extra), known, n=1)
                also = f"；是否想写 '{hint[0]}'？" if hint else f"；可用：{', '.join(known)}"
                problems.append(Problem(doc.where(path + (extra,), key=True),
                                        f"{label}: 未知的字段 '{extra}'{also}"))
            continue
        if error.validator == "not":
            message = f"'{error.instance}' 是保留字，不能用作名称"
        elif error.validator == "anyOf" and str(error.schema.get("description", "")).startswith("编号样式"):
            message = f"'{error.instance}' 不是编号样式；可用：{STYLE_NAMES}"
        else:
            message = error.message
        problems.append(Problem(doc.where(path), f"{label}: {message}"))
    return problems


def read_outline(path: Path, schema: bool = True) -> tuple[YamlDoc | None, list[Problem]]:
    from drafter.yamlfile import read_yaml

    try:
        doc = read_yaml(path)
    except DrafterError as exc:
        return None, [Problem.of(exc, f"{path}:1:1")]
    if doc.data is None:
        return None, [Problem(f"{path}:1:1", "提纲文件是空的")]
    problems = schema_problems(doc) if schema else []
    if not problems and (not isinstance(doc.data, dict) or "id" not in doc.data):
        problems.append(Problem(doc.where(), "提纲没有 id"))
    if not problems and doc.data["id"] != path.name.removesuffix(SUFFIX):
        problems.append(Problem(doc.where(("id",)),
                                f"id '{doc.data['id']}' 与文件名 {path.name} 不一致"))
    return doc, problems


def load_outline(path: str | os.PathLike, templates: Templates, origin: str = "文件",
                 schema: bool = True) -> Outline:
    """Load and schema-check one outline file (``schema=False``: one shipped with drafter, checked by
    the tests); an OutlineError names the first problem's place. An outline that loads is kept in the
    cache (``drafter.cache``) until its file changes, so a later run neither parses nor checks it."""
    from drafter import cache

    path = Path(path)
    try:
        key = f"{cache.stamp([path])}\nschema={schema}"
    except OSError:
        key = None
    kept = cache.load("outline", key) if key else None
    if kept is not None:
        return Outline(KeptDoc(path, kept[0], kept[1]), templates, origin)
    doc, problems = read_outline(path, schema)
    if problems or doc is None:
        more = f"（另有 {len(problems) - 1} 处问题，运行 drafter outlines check {path}）" if len(problems) > 1 else ""
        raise OutlineError(problems[0].message + more, where=problems[0].where)
    if key:
        cache.store("outline", key, (doc.data, doc.marks()))
    return Outline(doc, templates, origin)
