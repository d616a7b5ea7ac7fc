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


def unguarded_imports(path: Path) -> list[tuple[int, str]]:
    """The third-party modules a file imports outside a ``try … except ImportError`` (an optional one is
    imported inside such a guard, and its absence is reported to the user), with their lines."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    guarded = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Try) and any(
                isinstance(h.type, ast.Name) and h.type.id in ("ImportError", "ModuleNotFoundError")
                for h in node.handlers):
            guarded |= {id(n) for stmt in node.body for n in ast.walk(stmt)}
    found = []
    for node in ast.walk(tree):
        if id(node) in guarded:
            continue
        if isinstance(node, ast.Import):
            names = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names = [node.module]
        else:
            continue
        found += [(node.lineno, top) for top in (name.split(".")[0] for name in names)
                  if top != "drafter" and top not in sys.stdlib_module_names]
    return found


def undeclared(path: Path, declared: set[str]) -> list[str]:
    """The imports of a file whose distribution is not among ``declared`` (normalised names)."""
    from importlib.metadata import packages_distributions

    owners = packages_distributions()
    return [f"{path.name}:{line} imports {top}, which no declared dependency installs"
            for line, top in unguarded_imports(path)
            if not {_normal(d) for d in owners.get(top, [top])} & declared]


def _normal(name: str) -> str:
    return name.lower().replace("_", "-").replace(".", "-")


def core_dependencies() -> set[str]:
    """The distributions ``pip install .`` installs for drafter itself (not its extras)."""
    import re

    tomllib = pytest.importorskip("tomllib")   # Python 3.11+
    project = tomllib.loads((PACKAGE.parent / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    return {_normal(re.match(r"[A-Za-z0-9._-]+", req).group()) for req in project["dependencies"]}


@pytest.mark.parametrize("path", MODULES, ids=[module_name(p) for p in MODULES])
def test_every_import_is_a_declared_dependency(path):
    """What the README's first command installs is enough: click came only with the test extras (through
    dask), and a fresh install met ModuleNotFoundError on its first command."""
    assert undeclared(path, core_dependencies()) == []


def test_the_dependency_rule_sees_an_undeclared_import(tmp_path):
    probe = tmp_path / "probe.py"
    probe.write_text("import click\nimport yaml\ntry:\n    import distributed\nexcept ImportError:\n    pass\n",
                     encoding="utf-8")
    assert [line for line, _ in unguarded_imports(probe)] == [1, 2]
    assert undeclared(probe, core_dependencies()) == ["probe.py:1 imports click, which no declared dependency "
                                                      "installs"]
