"""The errors users see: each says what went wrong and where, as fields; the CLI prints one line.

``DrafterError`` is the family; subclasses name the kind of failure so a program (or the batch
runner) can tell them apart. ``where`` is a ``Place`` (file, line, column) or None.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_PLACE = re.compile(r"^(?P<path>.*?)(?::(?P<line>\d+))?(?::(?P<col>\d+))?$")


@dataclass(frozen=True)
class Place:
    """A location in a file: ``path``, and where known the 1-based ``line`` and ``col``."""

    path: str
    line: int | None = None
    col: int | None = None

    @classmethod
    def parse(cls, text: str) -> Place:
        """``file``, ``file:line`` or ``file:line:col`` as a Place."""
        m = _PLACE.match(text)
        assert m is not None  # the pattern matches any string
        line, col = m.group("line"), m.group("col")
        return cls(m.group("path"), int(line) if line else None, int(col) if col else None)

    def __str__(self) -> str:
        return ":".join(str(part) for part in (self.path, self.line, self.col) if part is not None)


class DrafterError(Exception):
    """An expected failure (bad input, missing file, unknown outline): a message and its place."""

    def __init__(self, message: str, *, where: str | Place | None = None):
        self.message = message
        self.where = Place.parse(where) if isinstance(where, str) else where
        super().__init__(f"{self.where}: {message}" if self.where else message)


class ReadError(DrafterError):
    """An input file that cannot be read or parsed (missing, empty, corrupt, wrong type)."""


class LimitError(DrafterError):
    """An input over one of drafter's budgets (size, depth, nodes, time)."""


class OutlineError(DrafterError):
    """An outline, template or value that does not fit its outline."""


class ProfileError(DrafterError):
    """A style profile that cannot be found or used."""


class LibraryError(DrafterError):
    """Something asked of the library that it does not hold (unknown outline, profile, phrase)."""


class OutputError(DrafterError):
    """An output that may not or cannot be written."""


class OutputExists(OutputError):
    """An output file that exists already (and --force was not given)."""


class PlanError(DrafterError):
    """A batch plan that cannot be used as a whole."""


class PlanRowError(DrafterError):
    """One row of a batch plan that cannot be made."""
