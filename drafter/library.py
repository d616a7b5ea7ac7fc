"""The library: where outlines, templates, style profiles and phrase banks are found.

A library root is a directory holding ``outlines/``, ``templates/`` (with ``templates/styles/``) and
``phrasebank/``. A ``Library`` is resolved once, at the edge, from these roots in this order, later
ones winning when two hold the same file:

1. the built-in library shipped with drafter (``drafter/_library`` in a wheel, the repository root
   in a source checkout);
2. the directories in the ``DRAFTER_LIBRARY`` environment variable (``os.pathsep``-separated);
3. the ``--library DIR`` options, in the order given.

Like Jinja's ``Environment``, it hands out what it holds (``outline``, ``outlines``, ``profile``,
``templates``, ``phrases``) and says "unknown X; did you mean …" in one way for all of them.
"""

from __future__ import annotations

import difflib
import os
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING, Any
from collections.abc import Callable, Iterable, Mapping

from drafter.builtin import builtin_root
from drafter.errors import DrafterError, LibraryError

if TYPE_CHECKING:
    from drafter.outlines.load import Outline
    from drafter.outlines.sandbox import Templates
    from drafter.phrasebook import Entry as PhraseEntry, Phrasebook

ENV = "DRAFTER_LIBRARY"
BUILTIN = "内置"
FROM_ENV = ENV
FROM_OPTION = "--library"
OUTLINE_SUFFIX = ".yaml"
STYLES_DIR = "templates/styles"


@dataclass(frozen=True)
class Root:
    """One library directory and where it was named."""

    path: Path
    origin: str          # BUILTIN, FROM_ENV or FROM_OPTION


@dataclass
class Entry:
    """An outline file found in the library; ``outline`` is None when it does not load."""

    id: str
    path: Path
    origin: str
    outline: Outline | None = None
    error: str | None = None
    shadows: list[str] = field(default_factory=list)   # origins of same-id outlines it hides

    @property
    def aliases(self) -> list[str]:
        """The names besides the id that find this outline: its name, then its aliases."""
        if self.outline is None:
            return []
        return [self.outline.name, *self.outline.data.get("aliases", [])]


def unknown(what: str, name: str, known: Iterable[str]) -> LibraryError:
    """The one way to say a name is not in the library: the closest known names first, then the rest."""
    names = sorted(set(known))
    close = difflib.get_close_matches(name, names, n=len(names), cutoff=0.3) if names else []
    ordered = close + [k for k in names if k not in close]
    return LibraryError(f"未知的{what}“{name}”；可用：{'、'.join(ordered) or '（无）'}")


class Library:
    """The resolved library roots, lowest precedence first, and what they hold."""

    def __init__(self, roots: list[Root]):
        self.roots = roots
        self._phrases: tuple[PhraseEntry, ...] | None = None     # read once: a batch quotes the bank in every row
        self._profiles: dict[str, dict[str, Any]] = {}

    @classmethod
    def resolve(cls, extra: Iterable[str | os.PathLike] = (), env: Mapping[str, str] | None = None) -> Library:
        """Built-in, then ``DRAFTER_LIBRARY``, then ``extra`` (``--library``). A directory named twice
        keeps only its last (highest) place; a named directory that does not exist is an error, so a
        typo in ``--library`` is not silently ignored."""
        env = os.environ if env is None else env
        named = [Root(builtin_root(), BUILTIN)]
        for entry in env.get(ENV, "").split(os.pathsep):
            if entry.strip():
                named.append(Root(_existing(entry.strip(), FROM_ENV), FROM_ENV))
        for directory in extra:
            named.append(Root(_existing(directory, FROM_OPTION), FROM_OPTION))
        roots: list[Root] = []
        for root in named:
            roots = [r for r in roots if r.path != root.path] + [root]
        return cls(roots)

    def dirs(self, kind: str) -> list[tuple[Path, Root]]:
        """The existing ``kind`` subdirectories (``outlines``, ``templates``, ``templates/styles`` …),
        highest precedence first, each with its root."""
        found = []
        for root in reversed(self.roots):
            folder = root.path / kind
            if folder.is_dir():
                found.append((folder, root))
        return found

    # -- templates and outlines

    @cached_property
    def templates(self) -> Templates:
        """The sandboxed Jinja environment over every ``templates/`` folder."""
        from drafter.outlines.sandbox import Templates

        return Templates([folder for folder, _ in self.dirs("templates")])

    def outline(self, name: str) -> Outline:
        """The outline with this id (highest-precedence root first), an outline file's path, or an
        outline's Chinese name or alias (``党课``, ``主持词``) when no id is spelt so — your library's
        before the built-in one where both have the name (a mined 工作会议讲话)."""
        from drafter.outlines.load import load_outline

        if name.endswith((OUTLINE_SUFFIX, ".yml")) or os.sep in name or "/" in name:
            return load_outline(name, self.templates)
        known: list[str] = []
        for folder, root in self.dirs("outlines"):
            path = folder / (name + OUTLINE_SUFFIX)
            if path.is_file():
                return load_outline(path, self.templates, root.origin, schema=root.origin != BUILTIN)
            known += [p.name.removesuffix(OUTLINE_SUFFIX) for p in folder.glob("*" + OUTLINE_SUFFIX)]
        wanted = _alias_form(name)
        order = {folder: k for k, (folder, _) in enumerate(self.dirs("outlines"))}
        for entry in sorted(self.outlines(), key=lambda e: order.get(e.path.parent, len(order))):
            if entry.outline is not None and wanted in {_alias_form(n) for n in entry.aliases}:
                return entry.outline         # a name two outlines share finds the one of the higher root
        names = [n for e in self.outlines() for n in e.aliases[:1]]
        raise unknown("提纲", name, known + names)

    def outlines(self) -> list[Entry]:
        """Every outline in the library, sorted by id; each id once, from its highest-precedence root."""
        from drafter.outlines.load import load_outline

        entries: dict[str, Entry] = {}
        for folder, root in self.dirs("outlines"):
            for path in sorted(folder.glob("*" + OUTLINE_SUFFIX)):
                oid = path.name.removesuffix(OUTLINE_SUFFIX)
                if oid in entries:
                    entries[oid].shadows.append(root.origin)
                    continue
                entry = Entry(oid, path, root.origin)
                try:
                    entry.outline = load_outline(path, self.templates, root.origin, schema=root.origin != BUILTIN)
                except DrafterError as exc:
                    entry.error = str(exc)
                entries[oid] = entry
        return [entries[k] for k in sorted(entries)]

    # -- style profiles

    def profile_path(self, name: str) -> Path:
        """The file of a named profile, or ``name`` itself when it is a .yaml file."""
        if name.endswith((".yaml", ".yml")) and Path(name).is_file():
            return Path(name)
        for folder, _ in self.dirs(STYLES_DIR):
            candidate = folder / f"{name}.yaml"
            if candidate.is_file():
                return candidate
        raise unknown("版式", name, self.profiles())

    def profiles(self) -> list[str]:
        """Names of every profile found."""
        return sorted({p.stem for d, _ in self.dirs(STYLES_DIR) for p in d.glob("*.yaml")})

    def profile(self, name: str) -> dict[str, Any]:
        """The named profile (or a .yaml path) with everything it extends merged in."""
        from drafter.render.profiles import load_profile

        if name not in self._profiles:             # read once per library: a batch asks for it every row
            self._profiles[name] = load_profile(name, self.profile_path)
        return self._profiles[name]

    # -- phrase bank

    def phrase_folders(self) -> list[tuple[Path, str]]:
        """The ``phrasebank/`` folders, highest precedence first, each with where it was named."""
        return [(folder, root.origin) for folder, root in self.dirs("phrasebank")]

    def phrasebook(self, on_build: Callable[[], None] | None = None) -> Phrasebook:
        """The phrase bank as a book to search, through its on-disk index (``on_build`` is called when
        the index has to be built first)."""
        from drafter.phrasebook import Phrasebook

        return Phrasebook(self.phrase_folders(), on_build=on_build)

    def phrases(self) -> tuple[PhraseEntry, ...]:
        """Every phrase of the library, each id once (from its highest-precedence root), sorted by id;
        read once, and the same tuple every time (a batch quotes the bank in every row, and the hints
        prepare it once: ``drafter.outlines.hints``)."""
        from drafter.phrasebook.bank import bank_files, read_entries

        if self._phrases is None:
            self._phrases = tuple(read_entries(bank_files(self.phrase_folders())))
        return self._phrases


def _alias_form(name: str) -> str:
    """A name as compared with aliases: no spaces, no 《》 or quotes, Latin letters in lower case."""
    return "".join(c for c in name if not c.isspace() and c not in "《》“”\"'").lower()


def _existing(entry: str | os.PathLike, origin: str) -> Path:
    path = Path(entry).expanduser()
    if not path.is_dir():
        raise LibraryError(f"资料库目录不存在（来自 {origin}）", where=str(path))
    return path.resolve()
