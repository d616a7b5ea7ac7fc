"""drafter's plain options are converted without pydantic, to the same values Typer gives."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path
from typing import Optional

import typer
from typer.testing import CliRunner

from drafter.cli import coerce

REPO = Path(__file__).resolve().parents[2]


def test_plain_annotations_and_the_rest():
    assert coerce._plain(str) == (str, False) and coerce._plain(Optional[int]) == (int, False)  # noqa: UP045
    assert coerce._plain(list[Path]) == (Path, True) and coerce._plain(bool)[1] is False
    assert coerce._plain(float) == (float, False) and coerce._plain(complex) is None
    assert coerce._plain(list[list[str]]) is None


def test_values_are_those_typer_gives_and_bad_ones_are_usage_errors(tmp_path):
    app = typer.Typer()

    @app.command()
    def go(name: str, count: int | None = typer.Option(None), where: Path = typer.Option(Path(".")),
           tags: list[str] = typer.Option([]), flag: bool = typer.Option(False, "--flag"),
           ratio: float = typer.Option(1.0), low: int = typer.Option(1, min=1)):
        print(repr((name, count, where, tags, flag, ratio, low)))

    coerce.install()
    result = CliRunner().invoke(app, ["x", "--count", "3", "--where", "a/b", "--tags", "p", "--tags", "q",
                                      "--flag", "--ratio", "2.5", "--low", "2"])
    assert result.exit_code == 0, result.output
    assert result.output.strip() == repr(("x", 3, Path("a/b"), ["p", "q"], True, 2.5, 2))
    assert CliRunner().invoke(app, ["x", "--count", "three"]).exit_code == 2
    assert CliRunner().invoke(app, ["x", "--low", "0"]).exit_code == 2        # a constrained one: Typer's own


def test_drafter_new_loads_nothing_heavy_it_does_not_use(tmp_path):
    code = ("import sys; sys.argv = ['drafter', 'new', 'meeting-speech', '-o', sys.argv[1], '--no-input', '-t', 'md'];"
            "from drafter.cli import app\ntry:\n    app()\nexcept SystemExit:\n    pass\n"
            "print('LOADED:', ' '.join(m for m in ('pydantic', 'jsonschema', 'xml.sax.saxutils', 'urllib.request', "
            "'http.client', "
            "'ssl', 'docx') if m in sys.modules), file=sys.stderr)")
    proc = subprocess.run([sys.executable, "-c", code, str(tmp_path / "a.md")], capture_output=True, text=True,
                          env={"PATH": "/usr/bin:/bin", "PYTHONPATH": str(REPO), "DRAFTER_CACHE": ""})
    loaded = [line for line in proc.stderr.splitlines() if line.startswith("LOADED:")]
    assert loaded == ["LOADED: "], proc.stderr
