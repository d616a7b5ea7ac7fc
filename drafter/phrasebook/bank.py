"""Where a phrase bank's files are and how they are read.

A bank is every ``phrasebank/*.yaml`` of the library roots (built-in, ``DRAFTER_LIBRARY``,
``--library``), an entry of a higher-precedence root winning over one with the same id, plus the
optional ``phrasebank/sentences.jsonl`` (one ``{"text", "source", "year"}`` object a line: the corpus
sentences, for showing how a phrase was used and for searching when no entry matches).
Only this module knows about library roots; the index is built from what it returns.
"""

from __future__ import annotations

import json
import os
from dataclasses import dataclass, fields
from pathlib import Path
from collections.abc import Iterable, Iterator

from drafter.errors import DrafterError
from drafter.phrasebook.entry import Entry, entry_from_yaml

SENTENCES = "sentences.jsonl"
ENTRY_FIELDS = [f.name for f in fields(Entry)]


@dataclass(frozen=True)
class BankFile:
    path: Path
    origin: str           # which library root: 内置, DRAFTER_LIBRARY, --library
    kind: str             # "yaml" or "sentences"

    def stamp(self) -> tuple[str, int, int]:
        st = self.path.stat()
        return str(self.path), st.st_mtime_ns, st.st_size


def bank_files(folders: Iterable[tuple[Path, str]]) -> list[BankFile]:
    """The bank's files in ``folders`` (each ``phrasebank/`` folder with where it was named, highest
    precedence first, as ``Library.phrase_folders`` gives them)."""
    files = []
    for folder, origin in folders:
        files += [BankFile(p, origin, "yaml") for p in sorted(folder.glob("*.yaml"))]
        if (folder / SENTENCES).is_file():
            files.append(BankFile(folder / SENTENCES, origin, "sentences"))
    return files


def read_entries(files: Iterable[BankFile]) -> list[Entry]:
    """Every entry of the bank files, each id once (from its highest-precedence file), sorted by id;
    kept in the cache (``drafter.cache``) until a file changes, so a run need not parse the YAML."""
    from drafter import cache

    files = [f for f in files if f.kind == "yaml"]
    key = cache.stamp(f.path for f in files) + "\n" + "\n".join(f.origin for f in files)
    kept = cache.load("phrases", key)
    if kept is not None:
        return [Entry(*values) for values in kept]
    found: dict[str, Entry] = {}
    for f in files:
        for entry in read_bank_file(f.path, f.origin):
            found.setdefault(entry.id, entry)
    entries = [found[k] for k in sorted(found)]
    cache.store("phrases", key, [tuple(getattr(e, name) for name in ENTRY_FIELDS) for e in entries])
    return entries


def read_bank_file(path: Path, origin: str = "") -> list[Entry]:
    """The entries of one bank file. Read with libyaml when it is there (a large bank is megabytes);
    a malformed file or entry is read again with positions, for a ``file:line:col`` error."""
    import yaml

    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    try:
        data = yaml.load(path.read_bytes().decode("utf-8-sig"), Loader=loader)
    except (yaml.YAMLError, UnicodeDecodeError):
        data = _positioned(path).data          # raises the positioned error
    if data is None:
        return []
    if not isinstance(data, list):
        raise DrafterError("短语库文件应是条目列表", where=_positioned(path).where())
    out = []
    for i, raw in enumerate(data):
        entry = entry_from_yaml(raw, origin, str(path))
        if entry is None:
            raise DrafterError("条目缺少 id、function 或 text", where=_positioned(path).where((i,)))
        out.append(entry)
    return out


def _positioned(path: Path):
    from drafter.yamlfile import read_yaml

    return read_yaml(path)


def read_sentences(files: Iterable[BankFile]) -> Iterator[tuple[str, str, int | None]]:
    """(text, source, year) of every corpus sentence the bank keeps; a bad line is an error naming it."""
    for f in files:
        if f.kind != "sentences":
            continue
        with f.path.open(encoding="utf-8-sig") as fh:
            for number, line in enumerate(fh, 1):
                if not line.strip():
                    continue
                try:
                    obj = json.loads(line)
                    text, source, year = obj["text"], str(obj.get("source", "")), obj.get("year")
                    if not isinstance(text, str):
                        raise TypeError
                    year = int(year) if year is not None else None
                except (ValueError, KeyError, TypeError):
                    raise DrafterError("不是 {\"text\", \"source\", \"year\"} 形式的 JSON 行",
                                       where=f"{f.path}:{number}:1") from None
                yield text, source, year


def write_sentences(corpus: str | os.PathLike, out: str | os.PathLike) -> int:
    """Write ``sentences.jsonl`` for a folder of speeches, as the miner reads them: every sentence and
    heading with its ``file:line`` (the form of the bank's sources) and the year of the speech's date
    line where it has one. Returns the number of sentences written."""
    import re

    from drafter.mine.corpus import read_corpus

    found = read_corpus(corpus)
    lines = []
    for doc in found.docs:
        m = re.search(r"(19|20)\d\d", doc.speech.meta.text("date") or "")
        year = int(m.group()) if m else None
        for name in ("title", "subtitle"):
            text = doc.speech.meta.text(name)
            if text:
                line = doc.first_line if doc.first_line and name == "title" else _line_of(doc.speech.source, text)
                lines.append(json.dumps({"text": text, "source": f"{doc.file}:{line}", "year": year},
                                        ensure_ascii=False))
        for unit in doc.units:
            lines.append(json.dumps({"text": unit.text, "source": found.where(unit), "year": year},
                                    ensure_ascii=False))
    Path(out).write_text("\n".join(lines) + "\n", encoding="utf-8")
    return len(lines)


def _line_of(path, text: str) -> int:
    """The line of a text file where a title is written (1 where it cannot be told)."""
    try:
        head = Path(path).read_bytes()[:4000].decode("utf-8-sig", errors="ignore").splitlines()
    except (OSError, TypeError):
        return 1
    return next((i for i, line in enumerate(head, 1) if line.strip() and line.strip() in text), 1)
