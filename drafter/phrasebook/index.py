"""The bank's index: one SQLite file in the cache, built from the YAML on first use and rebuilt
when a bank file changes (the key is every file's path, mtime and size), so a search never parses
the YAML.

Tables: ``entries`` (only the columns searched and sorted on, so a scan is short), ``details``
(each entry as JSON, its sources), ``entries_syl`` (pinyin syllables, one per character),
``entries_fts`` / ``entries_pyfts`` (FTS5 trigram over the plain text and over the initials and full
pinyin: substrings of three characters or letters or more), ``grams`` (each entry's characters,
character bigrams and ``~``-prefixed bigrams of its initials: short substrings, the rarest character
of an ordered query, the candidates of near misses), ``gramfreq`` (how many texts hold each term:
the rarest ones are looked up first); the same for the corpus ``sentences`` (from
``sentences.jsonl``, or else the entries' examples).

A large bank's files are read in parallel (``$DRAFTER_INDEX_WORKERS`` sets how many processes).
The cache folder is ``$DRAFTER_CACHE``, else ``$XDG_CACHE_HOME/drafter``, else ``~/.cache/drafter``.
Where it cannot be written the index is built in memory for the one run.
"""

from __future__ import annotations

import json
import os
import sqlite3
import tempfile
from pathlib import Path
from collections.abc import Iterable

from drafter.cache import cache_dir, checksum, user_cache_dir
from drafter.phrasebook.bank import BankFile, read_bank_file, read_sentences

VERSION = 8            # bump when the tables change
KEEP = 8               # index files kept in the cache folder


def index_dir() -> Path:
    """Where index files are kept: the cache folder; with ``DRAFTER_CACHE`` set empty, the user's (an
    index is a file SQLite reads, it cannot be kept nowhere)."""
    return (cache_dir() or user_cache_dir()) / "phrasebook"


def stamps(files: Iterable[BankFile]) -> str:
    """What the index was built from: every file's origin, kind, path, mtime and size."""
    return json.dumps([[f.origin, f.kind, *f.stamp()] for f in files], ensure_ascii=False)


def key(files: Iterable[BankFile]) -> str:
    """The index file's name for these bank files (zlib's checksums: hashlib would load OpenSSL, a
    noticeable part of a search's start-up; the stamps themselves are checked on opening)."""
    text = f"phrasebook-index v{VERSION} " + stamps(files)
    return checksum(text)


def open_index(files: list[BankFile], on_build=None) -> sqlite3.Connection:
    """A read-only connection to the index of these bank files, building it when needed (after
    calling ``on_build()``, so a command can say why this once it takes a while)."""
    path = index_dir() / f"{key(files)}.sqlite"
    if path.is_file():
        try:
            db = _connect(path)
            if db.execute("SELECT v FROM meta WHERE k = 'files'").fetchone() == (stamps(files),):
                return db
            db.close()
        except sqlite3.DatabaseError:
            pass
    if on_build is not None:
        on_build()
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


def prepare(path: Path, origin: str, use_pinyin: bool) -> list[tuple]:
    """The index rows of one bank file, before numbering: (id, function, plain, docs, count, first,
    last, ini, py, data, srcs, syl, grams, origin). The slow part of a build (YAML, pinyin), so it may run
    in a worker process, one file each."""
    from drafter.phrasebook import pinyin

    out = []
    for e in read_bank_file(path, origin):
        plain = e.plain
        syl = pinyin.syllables(plain) if use_pinyin else []
        ini = pinyin.initials(syl)
        out.append((e.id, e.function, plain, e.docs, e.count, e.first, e.last, ini, "".join(syl),
                    json.dumps(e.to_dict(), ensure_ascii=False), "\n".join(e.sources), pinyin.pack(syl),
                    sorted(grams_of(plain, ini)), origin))
    return out


def workers(files: list[BankFile]) -> int:
    """How many processes prepare the files: ``$DRAFTER_INDEX_WORKERS``, else one for a small bank
    and up to four (one a core) for a bank of more than 4 MB."""
    if os.environ.get("DRAFTER_INDEX_WORKERS", "").isdigit():
        return max(1, int(os.environ["DRAFTER_INDEX_WORKERS"]))
    yaml_files = [f for f in files if f.kind == "yaml"]
    if len(yaml_files) < 2 or sum(f.path.stat().st_size for f in yaml_files) < 4_000_000:
        return 1
    return max(1, min(4, os.cpu_count() or 1, len(yaml_files)))


def _prepared(files: list[BankFile], use_pinyin: bool):
    """Each YAML file's prepared rows, in the files' order (so precedence holds)."""
    yaml_files = [f for f in files if f.kind == "yaml"]
    n = workers(files)
    if n == 1:
        for f in yaml_files:
            yield prepare(f.path, f.origin, use_pinyin)
        return
    from concurrent.futures import ProcessPoolExecutor

    with ProcessPoolExecutor(max_workers=n) as pool:
        yield from pool.map(prepare, [f.path for f in yaml_files], [f.origin for f in yaml_files],
                            [use_pinyin] * len(yaml_files))


def build(db: sqlite3.Connection, files: list[BankFile]) -> None:
    """Fill an empty database with the index of the bank files, one file at a time (a large bank
    is never all in memory at once; files are prepared in parallel where the bank is large)."""
    from drafter.phrasebook import pinyin

    use_pinyin = pinyin.available()
    db.executescript(SCHEMA)
    ids: set[str] = set()
    n = 0
    for prepared in _prepared(files, use_pinyin):     # highest precedence first: its ids win
        rows, details, syls, grams = [], [], [], []
        for pid, function, plain, docs, count, first, last, ini, full, data, srcs, syl, terms, origin in prepared:
            if pid in ids:
                continue
            ids.add(pid)
            n += 1
            rows.append((n, pid, function, plain, docs, count, first, last, ini, full, origin))
            details.append((n, data, srcs))
            syls.append((n, syl))
            grams += [(g, n) for g in terms]
        db.executemany("INSERT INTO entries VALUES (?,?,?,?,?,?,?,?,?,?,?)", rows)
        db.executemany("INSERT INTO details VALUES (?,?,?)", details)
        db.executemany("INSERT INTO entries_syl VALUES (?,?)", syls)
        db.executemany("INSERT OR IGNORE INTO grams VALUES (?,?)", grams)
    kept = "corpus" if any(f.kind == "sentences" for f in files) else "examples"
    if kept == "corpus":
        sentences = ((*s, f.origin) for f in files if f.kind == "sentences" for s in read_sentences([f]))
    else:
        sentences = ((json.loads(d)["example"], (srcs or "").split("\n")[0], y, origin)
                     for d, srcs, y, origin in db.execute("SELECT details.data, details.srcs, entries.last, "
                                                          "entries.origin FROM details JOIN entries USING (n)")
                                              .fetchall())
    seen: set[int] = set()
    m = 0
    batch: list = []

    def flush():
        db.executemany("INSERT INTO sentences VALUES (?,?,?,?,?,?,?)", [b[0] for b in batch])
        db.executemany("INSERT INTO sentences_syl VALUES (?,?)", [b[1] for b in batch])
        db.executemany("INSERT OR IGNORE INTO sgrams VALUES (?,?)", [g for b in batch for g in b[2]])
        batch.clear()

    for text, source, year, origin in sentences:
        if not text or hash((text, source)) in seen:
            continue
        seen.add(hash((text, source)))
        m += 1
        syl = pinyin.fast_syllables(text) if use_pinyin else []
        ini = pinyin.initials(syl)
        batch.append(((m, text, source, year, ini, "".join(syl), origin), (m, pinyin.pack(syl)),
                      [(g, m) for g in grams_of(text, ini)]))
        if len(batch) >= 5000:
            flush()
    flush()
    db.executescript("""
        INSERT INTO entries_fts(entries_fts) VALUES ('rebuild');
        INSERT INTO entries_pyfts(entries_pyfts) VALUES ('rebuild');
        INSERT INTO sentences_fts(sentences_fts) VALUES ('rebuild');
        INSERT INTO sentences_pyfts(sentences_pyfts) VALUES ('rebuild');
        CREATE TABLE gramfreq(g TEXT PRIMARY KEY, df INT) WITHOUT ROWID;
        INSERT INTO gramfreq SELECT g, count(*) FROM grams GROUP BY g;
        CREATE TABLE sgramfreq(g TEXT PRIMARY KEY, df INT) WITHOUT ROWID;
        INSERT INTO sgramfreq SELECT g, count(*) FROM sgrams GROUP BY g;
        CREATE INDEX sentences_source ON sentences(source);
        CREATE INDEX entries_rank ON entries(docs DESC, count DESC);
    """)
    functions = [r[0] for r in db.execute("SELECT DISTINCT function FROM entries ORDER BY function")]
    lo, hi = db.execute("SELECT min(first), max(last) FROM entries").fetchone()
    meta = {"version": str(VERSION), "sentences": kept, "pinyin": "1" if use_pinyin else "",
            "functions": json.dumps(functions, ensure_ascii=False),
            "years": json.dumps([lo, hi] if lo is not None else []),
            "files": stamps(files)}
    db.executemany("INSERT INTO meta VALUES (?,?)", meta.items())
    db.commit()


def grams_of(text: str, ini: str) -> set[str]:
    """The index terms of a text: its characters, its bigrams, ``~`` and the bigrams of its initials."""
    out = {c for c in text if c != "…" and not c.isspace()}
    out |= bigrams(text)
    out |= {"~" + g for g in bigrams(ini)}
    return out


SCHEMA = """
    PRAGMA journal_mode=OFF; PRAGMA synchronous=OFF;
    CREATE TABLE meta(k TEXT PRIMARY KEY, v TEXT);
    CREATE TABLE entries(n INTEGER PRIMARY KEY, id TEXT UNIQUE, function TEXT, plain TEXT,
        docs INT, count INT, first INT, last INT, ini TEXT, py TEXT, origin TEXT);
    CREATE TABLE details(n INTEGER PRIMARY KEY, data TEXT, srcs TEXT);
    CREATE TABLE entries_syl(n INTEGER PRIMARY KEY, syl TEXT);
    CREATE VIRTUAL TABLE entries_fts USING fts5(plain, content='entries', content_rowid='n', tokenize='trigram');
    CREATE VIRTUAL TABLE entries_pyfts USING fts5(ini, py, content='entries', content_rowid='n', tokenize='trigram');
    CREATE TABLE grams(g TEXT, n INT, PRIMARY KEY(g, n)) WITHOUT ROWID;
    CREATE TABLE sentences(n INTEGER PRIMARY KEY, text TEXT, source TEXT, year INT, ini TEXT, py TEXT, origin TEXT);
    CREATE TABLE sentences_syl(n INTEGER PRIMARY KEY, syl TEXT);
    CREATE VIRTUAL TABLE sentences_fts USING fts5(text, content='sentences', content_rowid='n', tokenize='trigram');
    CREATE VIRTUAL TABLE sentences_pyfts USING fts5(ini, py, content='sentences', content_rowid='n', tokenize='trigram');
    CREATE TABLE sgrams(g TEXT, n INT, PRIMARY KEY(g, n)) WITHOUT ROWID;
"""  # noqa: E501  (the schema's text stays as it is)

