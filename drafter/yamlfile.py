"""Safe YAML files that remember where each value was written, for ``file:line:col`` messages."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from collections.abc import Sequence

import yaml

from drafter.errors import DrafterError


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


def position(path: Path | str, mark: yaml.Mark | None) -> str:
    if mark is None:
        return f"{path}:1:1"
    return f"{path}:{mark.line + 1}:{mark.column + 1}"


def read_yaml(path: str | os.PathLike[str]) -> YamlDoc:
    """Load a YAML file with the safe loader; any error names ``file:line:col``."""
    path = Path(path)
    try:
        text = path.read_bytes().decode("utf-8-sig")
    except FileNotFoundError:
        raise DrafterError("文件不存在 file not found", where=str(path)) from None
    except IsADirectoryError:
        raise DrafterError("这是一个目录，请给出文件 is a directory, give a file", where=str(path)) from None
    except UnicodeDecodeError as exc:
        raise DrafterError(f"不是 UTF-8 编码 not UTF-8 (byte {exc.start})", where=f"{path}:1:1") from None
    loader = yaml.SafeLoader(text)
    try:
        root = loader.get_single_node()
        data = loader.construct_document(root) if root is not None else None
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        what = "; ".join(x for x in (exc.context, exc.problem) if x)
        raise DrafterError(f"YAML 格式错误 malformed YAML: {what}", where=position(path, mark)) from None
    except yaml.YAMLError as exc:
        raise DrafterError(f"YAML 格式错误 malformed YAML: {exc}", where=f"{path}:1:1") from None
    finally:
        loader.dispose()
    duplicate = _duplicate_key(root)
    if duplicate is not None:
        raise DrafterError(f"重复的键 duplicate key '{duplicate.value}'", where=position(path, duplicate.start_mark))
    return YamlDoc(path, data, root)


def _duplicate_key(node: yaml.Node | None) -> yaml.Node | None:
    """The first key written twice in one mapping (PyYAML would silently keep the last)."""
    if isinstance(node, yaml.MappingNode):
        seen = set()
        for knode, vnode in node.value:
            if isinstance(knode, yaml.ScalarNode):
                if knode.value in seen:
                    return knode
                seen.add(knode.value)
            found = _duplicate_key(vnode)
            if found is not None:
                return found
    elif isinstance(node, yaml.SequenceNode):
        for child in node.value:
            found = _duplicate_key(child)
            if found is not None:
                return found
    return None
