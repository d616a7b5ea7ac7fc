"""Safe YAML files that remember where each value was written, for ``file:line:col`` messages."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from collections.abc import Sequence

import yaml

from drafter.errors import LimitError, ReadError
from drafter.io import read_input


@dataclass
class YamlDoc:
    """The data of a YAML file and its node tree (for positions)."""

    path: Path
    data: Any
    root: yaml.Node | None

    def where(self, path: Sequence[Any] = (), key: bool = False) -> str:
        """``file:line:col`` of the value at ``path`` (or of its key), or of its nearest written parent."""
        node, mark = self.root, self.root.start_mark if self.root else None
        for i, step in enumerate(path):
            found = None
            if isinstance(node, yaml.MappingNode):
                for knode, vnode in node.value:
                    if isinstance(knode, yaml.ScalarNode) and knode.value == str(step):
                        found, mark = vnode, (knode if key and i == len(path) - 1 else vnode).start_mark
                        break
            elif isinstance(node, yaml.SequenceNode) and isinstance(step, int) and 0 <= step < len(node.value):
                found = node.value[step]
                mark = found.start_mark
            if found is None:
                break
            node = found
        return position(self.path, mark)

    def marks(self) -> dict[tuple[Any, ...], tuple[str, int, int, int, int]]:
        """Every node by its path (mapping keys as text, sequence indexes as numbers): its kind
        ("map", "seq" or ""), the 0-based line and column of its value and of its key; so ``where`` can
        be answered without the node tree (``drafter.outlines.load.KeptDoc``)."""
        found: dict[tuple[Any, ...], tuple[str, int, int, int, int]] = {}

        def walk(node: yaml.Node, path: tuple[Any, ...], key: yaml.Mark) -> None:
            kind = "map" if isinstance(node, yaml.MappingNode) else "seq" if isinstance(node, yaml.SequenceNode) else ""
            found[path] = (kind, node.start_mark.line, node.start_mark.column, key.line, key.column)
            if kind == "map":
                for knode, vnode in node.value:
                    if isinstance(knode, yaml.ScalarNode) and path + (knode.value,) not in found:
                        walk(vnode, path + (knode.value,), knode.start_mark)
            elif kind == "seq":
                for i, child in enumerate(node.value):
                    walk(child, path + (i,), child.start_mark)

        if self.root is not None:
            walk(self.root, (), self.root.start_mark)
        return found


def position(path: Path | str, mark: yaml.Mark | yaml._yaml.Mark | None) -> str:
    if mark is None:
        return f"{path}:1:1"
    return f"{path}:{mark.line + 1}:{mark.column + 1}"


#: the most nodes that aliases may add to a document (a "billion laughs" bomb adds billions).
MAX_ALIAS_NODES = 10_000
#: the deepest nesting a document may have, after aliases are expanded.
MAX_DEPTH = 100


#: the most nodes a document may write (before aliases): a few MB of YAML, a few seconds to read.
MAX_NODES = 250_000

if getattr(yaml, "__with_libyaml__", False) and hasattr(yaml, "cyaml"):
    # libyaml scans and parses (ten times faster); composing stays in Python, where it is budgeted
    from yaml._yaml import CParser

    class _Parser(yaml.composer.Composer, CParser, yaml.constructor.SafeConstructor, yaml.resolver.Resolver):
        def __init__(self, text: str):
            CParser.__init__(self, text)
            yaml.composer.Composer.__init__(self)
            yaml.constructor.SafeConstructor.__init__(self)
            yaml.resolver.Resolver.__init__(self)
else:  # pragma: no cover - PyYAML without libyaml
    _Parser = yaml.SafeLoader  # type: ignore[misc, assignment]  # the pure-Python stand-in for the class above


class _Loader(_Parser):
    """The safe loader with budgets: nesting depth is counted as nodes are composed (so 500 levels
    are one clear error, not a RecursionError), so are the nodes written, an alias to a node still
    being composed (a node that contains itself) is refused, and a value the constructor cannot make
    (``2025-02-30``, an integer of 10,000 digits) is an error at its place."""

    def __init__(self, text: str, path: Path):
        super().__init__(text)
        self.path = path
        self.depth = 0
        self.nodes = 0
        self.open_anchors: set[str] = set()

    def compose_node(self, parent, index):
        event = self.peek_event()
        assert event is not None   # a node is composed only when its event is next
        self.nodes += 1
        if self.nodes > MAX_NODES:
            raise LimitError(f"YAML 节点太多：超过 {MAX_NODES} 个", where=position(self.path, event.start_mark))
        if isinstance(event, yaml.AliasEvent):
            if event.anchor in self.open_anchors:
                raise LimitError(f"别名 *{event.anchor} 引用了包含它自身的节点",
                                 where=position(self.path, event.start_mark))
            return super().compose_node(parent, index)
        self.depth += 1
        if self.depth > MAX_DEPTH:
            raise LimitError(f"YAML 嵌套太深：超过 {MAX_DEPTH} 层",
                             where=position(self.path, event.start_mark))
        anchor = getattr(event, "anchor", None)
        if anchor is not None:
            self.open_anchors.add(anchor)
        try:
            return super().compose_node(parent, index)
        finally:
            self.depth -= 1
            self.open_anchors.discard(anchor)

    def construct_object(self, node, deep=False):
        try:
            return super().construct_object(node, deep)
        except (ValueError, OverflowError) as exc:
            what = f"无效的值 '{_short(node.value)}'" if isinstance(node, yaml.ScalarNode) else "无效的值"
            if node.tag.endswith(":timestamp"):
                what = f"不是有效的日期 '{_short(node.value)}'（写成文字请加引号）"
            raise yaml.constructor.ConstructorError(None, None, f"{what}: {exc}", node.start_mark) from None


def _short(text: str, width: int = 40) -> str:
    return text if len(text) <= width else text[:width] + "…"


def read_yaml(path: str | os.PathLike[str]) -> YamlDoc:
    """Load a YAML file with the safe loader and its budgets; any error names ``file:line:col``."""
    path = Path(path)
    data_bytes = read_input(path)
    try:
        text = data_bytes.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise ReadError(f"不是 UTF-8 编码（第 {exc.start} 字节）", where=f"{path}:1:1") from None
    loader = _Loader(text, path)
    try:
        root = loader.get_single_node()
        if root is not None:
            _check_nodes(root, path)
        data = loader.construct_document(root) if root is not None else None
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        what = "; ".join(x for x in (exc.context, exc.problem) if x)
        raise ReadError(f"YAML 格式错误：{what}", where=position(path, mark)) from None
    except yaml.YAMLError as exc:
        raise ReadError(f"YAML 格式错误：{exc}", where=f"{path}:1:1") from None
    except RecursionError:   # a last guard; the budgets above refuse such documents first
        raise LimitError(f"YAML 嵌套太深（上限 {MAX_DEPTH} 层）", where=f"{path}:1:1") from None
    finally:
        loader.dispose()
    return YamlDoc(path, data, root)


def _check_nodes(root: yaml.Node, path: Path) -> None:
    """Budgets over the composed node graph, each node visited once (an alias is the same node object
    as its anchor, so nothing is expanded): the nodes aliases add, the depth after expansion, and a key
    written twice in one mapping (PyYAML would silently keep the last)."""
    size: dict[int, int] = {}     # node -> nodes under it, aliases expanded
    depth: dict[int, int] = {}    # node -> levels under it, aliases expanded

    def visit(node: yaml.Node) -> None:
        key = id(node)
        if key in size:
            return
        if isinstance(node, yaml.MappingNode):
            children = [n for pair in node.value for n in pair]
            seen = set()
            for knode, _ in node.value:
                if isinstance(knode, yaml.ScalarNode) and knode.tag != "tag:yaml.org,2002:merge":
                    if knode.value in seen:
                        raise ReadError(f"重复的键 '{_short(knode.value)}'",
                                        where=position(path, knode.start_mark))
                    seen.add(knode.value)
        elif isinstance(node, yaml.SequenceNode):
            children = node.value
        else:
            children = []
        size[key], depth[key] = 0, 0      # a cycle would meet these zeros; the loader refuses cycles
        for child in children:
            visit(child)
        size[key] = 1 + sum(size[id(c)] for c in children)
        depth[key] = 1 + max((depth[id(c)] for c in children), default=0)
        if size[key] > written + MAX_ALIAS_NODES:
            raise LimitError(f"YAML 别名展开太多：超过 {MAX_ALIAS_NODES} 个额外节点"
                             f"（写了 {written} 个，展开为 {size[key]} 个）", where=position(path, node.start_mark))
        if depth[key] > MAX_DEPTH:
            raise LimitError(f"YAML 别名展开后嵌套太深：超过 {MAX_DEPTH} 层",
                             where=position(path, node.start_mark))

    written = _count_written(root)
    visit(root)


def _count_written(root: yaml.Node) -> int:
    """Distinct nodes of the document (each anchored node once, however often it is aliased)."""
    seen: set[int] = set()
    stack = [root]
    while stack:
        node = stack.pop()
        if id(node) in seen:
            continue
        seen.add(id(node))
        if isinstance(node, yaml.MappingNode):
            stack.extend(n for pair in node.value for n in pair)
        elif isinstance(node, yaml.SequenceNode):
            stack.extend(node.value)
    return len(seen)
