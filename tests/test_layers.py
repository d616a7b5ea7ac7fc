"""The import rule of ARCHITECTURE.md: arrows point inward (face → middle → core), and only the face
(drafter/cli/) imports rich or typer."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[1] / "drafter"
MIDDLE = {"drafter.library", "drafter.api", "drafter.batch"}
TERMINAL = ("rich", "typer", "click")


def module_name(path: Path) -> str:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def layer(module: str) -> str:
    if module == "drafter.cli" or module.startswith("drafter.cli."):
        return "face"
    return "middle" if module in MIDDLE else "core"


def imports(path: Path) -> list[tuple[int, str]]:
    """Every module a file imports, at any depth (inside functions too), with its line."""
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found += [(node.lineno, alias.name) for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found.append((node.lineno, node.module))
    return found


MODULES = sorted(PACKAGE.rglob("*.py"))
RANK = {"core": 0, "middle": 1, "face": 2}


def violations(path: Path, module: str) -> list[str]:
    here = layer(module)
    wrong = []
    for line, target in imports(path):
        if target.split(".")[0] in TERMINAL and here != "face":
            wrong.append(f"{path.name}:{line} imports {target} outside drafter/cli/")
        if target.startswith("drafter") and RANK[layer(target)] > RANK[here]:
            wrong.append(f"{path.name}:{line}: {here} imports {layer(target)} module {target}")
    return wrong


@pytest.mark.parametrize("path", MODULES, ids=[module_name(p) for p in MODULES])
def test_imports_point_inward(path):
    assert violations(path, module_name(path)) == []


def test_the_rule_sees_violations(tmp_path):
    """A core module importing the face, the middle or rich inside a function is caught."""
    probe = tmp_path / "model.py"
    probe.write_text("def _x():\n    from drafter.cli import app\n    import drafter.api\n    import rich.table\n",
                     encoding="utf-8")
    assert len(violations(probe, "drafter.model")) == 3
    assert violations(probe, "drafter.cli.tree") == []


def test_the_api_loads_nothing_heavy():
    code = ("import sys, drafter.api; "
            "print(' '.join(m for m in ('rich', 'typer', 'openpyxl', 'jsonschema', 'docx', 'distributed')"
            " if m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == ""
