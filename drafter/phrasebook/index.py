"""The bank's index: one SQLite file in the cache, built from the YAML on first use and rebuilt
when a bank file changes (the key is every file's path, mtime and size), so a search never parses
the YAML.

Tables: ``entries`` (the columns searched and sorted on, and each entry as JSON), ``entries_fts``
(FTS5 trigram over the plain text: substrings of three characters or more), ``grams`` (each
entry's distinct character bigrams, and ``~``-prefixed bigrams of its pinyin initials: two-character
substrings and the candidates of near matches), and the same for the corpus ``sentences`` (from
``sentences.jsonl``, or else the entries' examples).

The cache folder is ``$DRAFTER_CACHE``, else ``$XDG_CACHE_HOME/drafter``, else ``~/.cache/drafter``.
Where it cannot be written the index is built in memory for the one run.
"""

from __future__ import annotations

import hashlib
import json
import os
import sqlite3
import tempfile
from pathlib import Path
from typing import Iterable

from drafter.phrasebook.bank import BankFile, read_entries, read_sentences
from drafter.phrasebook.entry import Entry

VERSION = 5            # bump when the tables change
KEEP = 8               # index files kept in the cache folder


def cache_dir() -> Path:
    if os.environ.get("DRAFTER_CACHE"):
        return Path(os.environ["DRAFTER_CACHE"])
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "drafter"


def key(files: Iterable[BankFile]) -> str:
    h = hashlib.sha1(f"phrasebook-index v{VERSION}".encode())
    for f in files:
        h.update(repr((f.origin, f.kind) + f.stamp()).encode("utf-8"))
    return h.hexdigest()[:20]


def open_index(files: list[BankFile]) -> sqlite3.Connection:
    """A read-only connection to the index of these bank files, building it when needed."""
    path = cache_dir() / "phrasebook" / f"{key(files)}.sqlite"
    if path.is_file():
        try:
            return _connect(path)
        except sqlite3.DatabaseError:
            pass
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".build-", suffix=".sqlite")
        os.close(fd)
    except OSError:
        db = sqlite3.connect(":memory:")
        build(db, files)
        return db
    try:
        db = sqlite3.connect(tmp)
        build(db, files)
        db.close()
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    _prune(path.parent)
    return _connect(path)


def _connect(path: Path) -> sqlite3.Connection:
    db = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    db.execute("SELECT 1 FROM meta").fetchall()
    return db


def _prune(folder: Path) -> None:
    files = sorted(folder.glob("*.sqlite"), key=lambda p: p.stat().st_mtime, reverse=True)
    for old in files[KEEP:]:
        try:
            old.unlink()
        except OSError:
            pass


def bigrams(text: str) -> set[str]:
    return {text[i:i + 2] for i in range(len(text) - 1) if "…" not in text[i:i + 2]}


def build(db: sqlite3.Connection, files: list[BankFile]) -> None:
    """Fill an empty database with the index of the bank files."""
    from drafter.phrasebook import pinyin

    entries = read_entries(files)
    use_pinyin = pinyin.available()
    db.executescript("""
        PRAGMA journal_mode=OFF; PRAGMA synchronous=OFF;
        CREATE TABLE meta(k TEXT PRIMARY KEY, v TEXT);
        CREATE TABLE entries(n INTEGER PRIMARY KEY, id TEXT UNIQUE, function TEXT, plain TEXT,
            docs INT, count INT, first INT, last INT, srcs TEXT, ini TEXT, py TEXT, syl TEXT, data TEXT);
        CREATE VIRTUAL TABLE entries_fts USING fts5(plain, content='entries', content_rowid='n',
            tokenize='trigram');
        CREATE TABLE grams(g TEXT, n INT, PRIMARY KEY(g, n)) WITHOUT ROWID;
        CREATE TABLE sentences(n INTEGER PRIMARY KEY, text TEXT, source TEXT, year INT, ini TEXT, py TEXT,
            syl TEXT);
        CREATE VIRTUAL TABLE sentences_fts USING fts5(text, content='sentences', content_rowid='n',
            tokenize='trigram');
        CREATE TABLE sgrams(g TEXT, n INT, PRIMARY KEY(g, n)) WITHOUT ROWID;
    """)
    rows, grams = [], []
    for n, e in enumerate(entries, 1):
        plain = e.plain
        syls = pinyin.syllables(plain) if use_pinyin else []
        ini, py = pinyin.initials(syls), "".join(syls)
        data = json.dumps(e.to_dict(), ensure_ascii=False)
        rows.append((n, e.id, e.function, plain, e.docs, e.count, e.first, e.last, "\n".join(e.sources),
                     ini, py, pinyin.pack(syls), data))
        grams += [(g, n) for g in bigrams(plain)]
        grams += [("~" + g, n) for g in bigrams(ini)]
    db.executemany("INSERT INTO entries VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)", rows)
    db.executemany("INSERT OR IGNORE INTO grams VALUES (?,?)", grams)
    db.execute("INSERT INTO entries_fts(entries_fts) VALUES ('rebuild')")
    sentences = list(read_sentences(files))
    kept = "corpus" if sentences else "examples"
    if not sentences:
        sentences = [(e.example, e.sources[0] if e.sources else "", e.first) for e in entries if e.example]
    seen, srows, sgrams = set(), [], []
    for text, source, year in sentences:
        if (text, source) in seen:
            continue
        seen.add((text, source))
        n = len(srows) + 1
        syls = pinyin.fast_syllables(text) if use_pinyin else []
        ini = pinyin.initials(syls)
        srows.append((n, text, source, year, ini, "".join(syls), pinyin.pack(syls)))
        sgrams += [(g, n) for g in bigrams(text)]
        sgrams += [("~" + g, n) for g in bigrams(ini)]
    db.executemany("INSERT INTO sentences VALUES (?,?,?,?,?,?,?)", srows)
    db.executemany("INSERT OR IGNORE INTO sgrams VALUES (?,?)", sgrams)
    db.execute("INSERT INTO sentences_fts(sentences_fts) VALUES ('rebuild')")
    db.execute("CREATE INDEX sentences_source ON sentences(source)")
    db.execute("CREATE INDEX entries_function ON entries(function)")
    functions = sorted({e.function for e in entries})
    years = [y for e in entries for y in (e.first, e.last) if y is not None]
    meta = {"version": str(VERSION), "sentences": kept, "pinyin": "1" if use_pinyin else "",
            "functions": json.dumps(functions, ensure_ascii=False),
            "years": json.dumps([min(years), max(years)] if years else []),
            "files": json.dumps([list(f.stamp()) for f in files], ensure_ascii=False)}
    db.executemany("INSERT INTO meta VALUES (?,?)", meta.items())
    db.commit()


def entry_of(data: str) -> Entry:
    return Entry.from_dict(json.loads(data))
