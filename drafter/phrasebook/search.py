"""Searching the bank through its index.

A query is tried in tiers, each ranked below the one before it:

1. ``substring`` — the text holds the query (spaces removed);
2. ``words``     — the text holds each space-separated word of the query (压实 责任);
3. ``ordered``   — the text holds every character of the query in order, close together (担当作为 →
   敢于担当、善于作为);
4. ``pinyin``    — the query spells the pinyin of a stretch of the text: initials (gbzx) or whole
   syllables (genbenzunxun); then its initials in order, close together (yszr → 压实防火责任);
5. ``near``      — a near miss (one character in four wrong, left out or added; pinyin initials too),
   scored with rapidfuzz; or all characters but one in order in a short stretch (压实责壬 → 压实防火责任),
   or all initials in order in a short stretch (yszr → 压实防火责任).

Scores are in [0, 1]: 0.9–1 for a substring (1 when the query is the whole text), 0.8–0.9 words,
0.7–0.8 ordered, 0.6–0.7 pinyin (0.65 and up: spelt outright), below 0.6 near (its likeness × 0.6).
Within a tier, entries seen in more documents come first (near and ordered matches: closer first).
Tiers 1, 2 and the spelt pinyin hold the query, 3 and the initials in order hold it apart, 5 nearly.
Entries that hold the query come first (then those that hold it apart); when there are none, the corpus
sentences the bank keeps that hold it (then apart); when there are none either, entries that hold it apart
or nearly, then such sentences.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from collections.abc import Iterable
from typing import Any

from drafter.errors import DrafterError
from drafter.phrasebook.entry import Entry
from drafter.phrasebook import pinyin as py

TIERS = ("substring", "words", "ordered", "pinyin", "near")
CANDIDATES = 600


@dataclass
class Sentence:
    text: str
    source: str
    year: int | None = None


@dataclass
class Hit:
    match: str                                  # one of TIERS
    score: float
    spans: list[tuple[int, int]]                # character spans of the text (Entry.plain) matched
    entry: Entry | None = None
    sentence: Sentence | None = None
    n: int = 0                                  # row in the index
    key: tuple = ()                             # how it ranks within its tier

    @property
    def kind(self) -> str:
        return "entry" if self.entry is not None else "sentence"

    @property
    def text(self) -> str:
        if self.entry is not None:
            return self.entry.plain
        assert self.sentence is not None   # a hit holds an entry or a sentence
        return self.sentence.text

    def to_dict(self, rank: int) -> dict:
        d = {"kind": self.kind, "rank": rank, "match": self.match, "score": self.score,
             "spans": [list(s) for s in self.spans]}
        if self.entry is not None:
            d.update(self.entry.to_dict())
        else:
            assert self.sentence is not None
            d.update({"text": self.sentence.text, "source": self.sentence.source, "year": self.sentence.year})
        return d


@dataclass
class Result:
    query: str
    hits: list[Hit] = field(default_factory=list)
    fallback: bool = False                      # hits are corpus sentences: no entry matched
    sentences_from: str = "corpus"              # "corpus" (sentences.jsonl) or "examples"


@dataclass
class Filters:
    functions: list[str] | None = None
    since: int | None = None
    until: int | None = None
    source: str | None = None
    origin: str | None = None          # only the entries (and sentences) of the library of this origin

    def entries_sql(self) -> tuple[str, list]:
        parts: list[str] = []
        args: list[object] = []
        if self.functions is not None:
            parts.append(f"function IN ({','.join('?' * len(self.functions))})")
            args += self.functions
        if self.since is not None:
            parts.append("last >= ?")
            args.append(self.since)
        if self.until is not None:
            parts.append("first <= ?")
            args.append(self.until)
        if self.source:
            parts.append("n IN (SELECT n FROM details WHERE instr(srcs, ?) > 0)")
            args.append(self.source)
        if self.origin:
            parts.append("origin = ?")
            args.append(self.origin)
        return " AND ".join(parts) or "1", args

    def sentences_sql(self) -> tuple[str, list]:
        parts: list[str] = []
        args: list[object] = []
        if self.since is not None:
            parts.append("year >= ?")
            args.append(self.since)
        if self.until is not None:
            parts.append("year <= ?")
            args.append(self.until)
        if self.source:
            parts.append("instr(source, ?) > 0")
            args.append(self.source)
        if self.origin:
            parts.append("origin = ?")
            args.append(self.origin)
        return " AND ".join(parts) or "1", args


def _fts(q: str) -> str:
    return '"' + q.replace('"', '""') + '"'


def _glob(q: str) -> str:
    return "*" + "*".join(f"[{c}]" if c in "*?[]" else c for c in q) + "*"


def occurrences(needle: str, text: str) -> list[tuple[int, int]]:
    out, i = [], text.find(needle)
    while needle and i >= 0:
        out.append((i, i + len(needle)))
        i = text.find(needle, i + len(needle))
    return out


def ordered_spans(q: str, text: str) -> list[tuple[int, int]] | None:
    """The characters of q found in order in text, in the shortest window; None if not all are."""
    best = None
    start = text.find(q[0])
    while start >= 0:
        pos, spans = start, []
        for c in q:
            pos = text.find(c, pos)
            if pos < 0:
                return _merge(best) if best else None
            spans.append((pos, pos + 1))
            pos += 1
        if best is None or spans[-1][1] - spans[0][0] < best[-1][1] - best[0][0]:
            best = spans
        start = text.find(q[0], start + 1)
    return _merge(best) if best else None


def _merge(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    out: list[tuple[int, int]] = []
    for s, e in sorted(spans):
        if out and s <= out[-1][1]:
            out[-1] = (out[-1][0], max(e, out[-1][1]))
        else:
            out.append((s, e))
    return out


def near_cutoff(length: int) -> float:
    """The least rapidfuzz partial_ratio for a near miss: about one character in four wrong."""
    wrong = max(1, length // 4)
    return 100.0 * (length - wrong) / length - 0.5


class Searcher:
    """Runs the tiers over one table, entries or sentences. Its rows are (n, text, …, ini)."""

    def __init__(self, db, table: str, textcol: str, grams: str, cols: str, where: str, args: list):
        self.db, self.table, self.textcol, self.grams = db, table, textcol, grams
        self.cols, self.where, self.args = cols, where, args

    def rows(self, cond: str, cargs: list, order: str, limit: int) -> list[tuple]:
        sql = (f"SELECT {self.cols} FROM {self.table} WHERE ({cond}) AND ({self.where}) "
               f"ORDER BY {order} LIMIT ?")
        return self.db.execute(sql, cargs + self.args + [limit]).fetchall()

    def syllables(self, n: int) -> list[str]:
        row = self.db.execute(f"SELECT syl FROM {self.table}_syl WHERE n = ?", (n,)).fetchone()
        return py.unpack(row[0]) if row else []

    def contains(self, q: str) -> tuple[str, list]:
        """The condition: the text holds q (trigram index, or the character/bigram terms)."""
        if len(q) >= 3:
            return f"n IN (SELECT rowid FROM {self.table}_fts WHERE {self.table}_fts MATCH ?)", [_fts(q)]
        return f"n IN (SELECT n FROM {self.grams} WHERE g = ?)", [q]

    def spells(self, q: str) -> tuple[str, list]:
        """The condition: the initials (gbzx) or, for a query of syllables, the full pinyin
        (genbenzunxun) hold q."""
        if len(q) >= 3:
            match = _fts(q) if py.syllabic(q) else f"ini : {_fts(q)}"
            return f"n IN (SELECT rowid FROM {self.table}_pyfts WHERE {self.table}_pyfts MATCH ?)", [match]
        return f"n IN (SELECT n FROM {self.grams} WHERE g = ?)", ["~" + q]       # two initials

    def frequencies(self, terms: Iterable[str]) -> dict[str, int]:
        """How many texts hold each term (0 for none)."""
        terms = sorted(set(terms))
        found = dict(self.db.execute(f"SELECT g, df FROM {self.grams.replace('grams', 'gramfreq')} "
                                     f"WHERE g IN ({','.join('?' * len(terms))})", terms).fetchall())
        return {t: found.get(t, 0) for t in terms}

    def rarest(self, chars: str) -> str:
        """The character of chars with the fewest texts (the others are checked on those)."""
        df = self.frequencies(chars)
        return min(df, key=df.__getitem__)

    def near(self, q: str, prefix: str, limit: int) -> list[tuple]:
        """Candidates of near misses: texts holding the query's rarest bigrams, those holding more of
        them first. With up to w characters wrong, at most 2w bigrams are spoilt, so the 2w + 1
        rarest bigrams that exist hold every text within reach."""
        df = self.frequencies(prefix + g for g in _bigrams(q))
        wrong = max(1, len(q) // 4)
        rare = sorted((g for g in df if df[g]), key=df.__getitem__)[:2 * wrong + 1]
        if not rare:
            return []
        sql = (f"SELECT {', '.join('t.' + c.strip() for c in self.cols.split(','))} FROM "
               f"(SELECT n, count(*) AS c FROM {self.grams} WHERE g IN ({','.join('?' * len(rare))}) "
               f"GROUP BY n ORDER BY c DESC LIMIT {CANDIDATES * 4}) AS g "
               f"JOIN (SELECT * FROM {self.table} WHERE {self.where}) AS t ON t.n = g.n ORDER BY g.c DESC LIMIT ?")
        return self.db.execute(sql, rare + self.args + [limit]).fetchall()


def _ordered_but_one(q: str, text: str) -> list[tuple[int, int]] | None:
    """The characters of q but one, in order within a short window of text (压实责壬 → 压实防火责任)."""
    if len(q) < 4 or sum(c in text for c in q) < len(q) - 1:
        return None
    best = None
    for i in range(len(q)):
        spans = ordered_spans(q[:i] + q[i + 1:], text)
        if spans and spans[-1][1] - spans[0][0] <= 2 * len(q) and (
                best is None or spans[-1][1] - spans[0][0] < best[-1][1] - best[0][0]):
            best = spans
    return best


def _likeness(q: str, target: str, cutoff: float):
    """rapidfuzz's best alignment of q with a stretch of target (a target shorter than q is compared
    whole, so 根本… is not a perfect match of 根本尊循)."""
    fuzz = _fuzz()
    if len(target) < len(q):
        score = fuzz.ratio(q, target, score_cutoff=cutoff)
        return _Alignment(score, 0, len(target)) if score else None
    return fuzz.partial_ratio_alignment(q, target, score_cutoff=cutoff)


def _fuzz():
    global _FUZZ
    if _FUZZ is None:
        from rapidfuzz import fuzz

        _FUZZ = fuzz
    return _FUZZ


_FUZZ: Any = None


@dataclass
class _Alignment:
    score: float
    dest_start: int
    dest_end: int


def _bigrams(text: str) -> set[str]:
    return {text[i:i + 2] for i in range(len(text) - 1)}


def run_tiers(s: Searcher, query: str, limit: int, order: str, make, with_pinyin: bool,
              rank_key, loose: bool = False) -> list[Hit]:
    """Hits over one table, best first, at most ``limit``: those that hold the query (substring,
    words, pinyin spelt out) and, when there are some, those that hold it apart (characters or
    initials in order, close together); with ``loose``, those that hold it apart or nearly (near
    misses)."""
    words = query.split()
    q = "".join(words)
    hits: list[Hit] = []
    taken: set[int] = set()

    def add(found: list[Hit]) -> None:
        for h in found:
            if len(hits) < limit:
                hits.append(h)

    def fresh(rows):
        for r in rows:
            if r[0] not in taken:
                taken.add(r[0])
                yield r

    if not q:
        return hits
    want = lambda: limit - len(hits) + len(taken)  # noqa: E731
    pinyin_query = py.is_pinyin_query(query)
    pq = q.replace("'", "").lower()
    if not loose:
        # 1. substring
        cond, cargs = s.contains(q)
        tier = []
        for r in fresh(s.rows(cond, cargs, order, want())):
            text = r[1]
            tier.append(make(r, "substring", 0.9 + 0.1 * len(q) / max(len(text), 1), occurrences(q, text)))
        add(tier)
        # 2. every word
        if len(words) > 1 and len(hits) < limit:
            conds, cargs = [], []
            for w in words:
                c, a = s.contains(w)
                conds.append(c)
                cargs += a
            tier = []
            for r in fresh(s.rows(" AND ".join(conds), cargs, order, want())):
                text = r[1]
                spans: list[tuple[int, int]] | None = _merge([sp for w in words for sp in occurrences(w, text)])
                tier.append(make(r, "words", 0.8 + 0.1 * sum(len(w) for w in words) / max(len(text), 1), spans))
            add(tier)
        # 4. pinyin
        if pinyin_query and with_pinyin and len(pq) >= 2 and len(hits) < limit:
            tier = []
            cond, cargs = s.spells(pq)
            for r in fresh(s.rows(cond, cargs, order, 2 * want() + 10)):
                span = py.match(pq, s.syllables(r[0]))
                if span:
                    tier.append(make(r, "pinyin", 0.65 + 0.05 * (span[1] - span[0]) / max(len(r[1]), 1), [span]))
            add(tier)
    if loose or hits:
        # held apart: after what holds the query, or on its own in the loose phase
        # 3. every character in order
        if len(q) >= 2 and not pinyin_query and len(hits) < limit:
            tier = []
            rare = f"n IN (SELECT n FROM {s.grams} WHERE g = ?) AND {s.textcol} GLOB ?"
            for r in fresh(s.rows(rare, [s.rarest(q), _glob(q)], order, 4 * want() + 40)):
                spans = ordered_spans(q, r[1])
                if spans and spans[-1][1] - spans[0][0] <= 3 * len(q):
                    width = spans[-1][1] - spans[0][0]
                    tier.append(make(r, "ordered", 0.7 + 0.1 * len(q) / width, spans))
                else:
                    taken.discard(r[0])
            tier.sort(key=lambda h: (-round(h.score, 2),) + rank_key(h))
            add(tier)
        # 4b. initials in order, close together (yszr → 压实防火责任), as characters in order are above
        if pinyin_query and with_pinyin and len(pq) >= 3 and not py.syllabic(pq) and len(hits) < limit:
            tier = []
            for r in fresh(s.rows("ini GLOB ?", [_glob(pq)], order, 4 * want() + 40)):
                spans = ordered_spans(pq, r[-1])
                where = py.han_positions(s.syllables(r[0])) if spans else []
                if spans and where and spans[-1][1] - spans[0][0] <= 2 * len(pq):
                    chars = _merge([(where[a], where[b - 1] + 1) for a, b in spans])
                    tier.append(make(r, "pinyin", 0.6 + 0.05 * len(pq) / (spans[-1][1] - spans[0][0]), chars))
                else:
                    taken.discard(r[0])
            tier.sort(key=lambda h: (-round(h.score, 2),) + rank_key(h))
            add(tier)
    if loose:
        # 5. near misses
        if len(hits) < limit and ((len(q) >= 3 and not pinyin_query)
                                  or (pinyin_query and with_pinyin and len(pq) >= 3)):
            add(_near(s, q, pq, pinyin_query, make, rank_key, taken))
    for h in hits:
        h.score = round(h.score, 3)
    return hits


def _near(s: Searcher, q: str, pq: str, pinyin_query: bool, make, rank_key, taken: set[int]) -> list[Hit]:
    """Near misses, closest first: of the text, or for a pinyin query of the initials."""
    cutoff = near_cutoff(len(pq if pinyin_query else q))
    tier = []
    rows = s.near(pq, "~", CANDIDATES) if pinyin_query else s.near(q, "", CANDIDATES)
    for r in rows:
        if r[0] in taken:
            continue
        if pinyin_query:
            a = _likeness(pq, r[-1], cutoff)              # the initials column
            if a is None:
                spans = ordered_spans(pq, r[-1]) if len(pq) >= 4 else None
                where = py.han_positions(s.syllables(r[0])) if spans else []
                if spans and spans[-1][1] - spans[0][0] <= 2 * len(pq) and where:
                    width = spans[-1][1] - spans[0][0]
                    chars = [(where[s], where[e - 1] + 1) for s, e in spans]
                    tier.append(make(r, "near", 0.5 * len(pq) / width, _merge(chars)))
                continue
            if a.score >= 100:
                continue
            where = py.han_positions(s.syllables(r[0]))
            span = (where[a.dest_start], where[max(a.dest_end - 1, a.dest_start)] + 1) if where else (0, 0)
        else:
            a = _likeness(q, r[1], cutoff)
            if a is None:
                spans = _ordered_but_one(q, r[1])
                if spans:
                    width = spans[-1][1] - spans[0][0]
                    tier.append(make(r, "near", 0.5 * (len(q) - 1) / max(width, len(q) - 1), spans))
                continue
            if a.score >= 100:
                continue
            span = (a.dest_start, a.dest_end)
        tier.append(make(r, "near", 0.6 * a.score / 100, [span]))
    tier.sort(key=lambda h: (-round(h.score, 3),) + rank_key(h))
    return tier


class Phrasebook:
    """The bank of a library, through its index: search, look-up, listing."""

    def __init__(self, folders: Iterable[tuple[Path, str]], on_build=None):
        from drafter.phrasebook.bank import bank_files
        from drafter.phrasebook.index import open_index

        self.files = bank_files(folders)
        self.db = open_index(self.files, on_build)
        self.meta = dict(self.db.execute("SELECT k, v FROM meta").fetchall())

    def close(self) -> None:
        self.db.close()

    # ---- what the bank has
    def functions(self) -> list[str]:
        return json.loads(self.meta["functions"])

    def function_counts(self, origin: str | None = None) -> list[tuple[str, int]]:
        """Each function with its number of entries (of the library of ``origin`` only, if given)."""
        where, args = self.filters(origin=origin).entries_sql()
        return self.db.execute(f"SELECT function, count(*) FROM entries WHERE {where} GROUP BY function "
                               "ORDER BY function", args).fetchall()

    def _precedence(self) -> tuple[str, list[str | int]]:
        """An SQL rank of an entry's library, and its arguments: the library of highest precedence first
        (a user's own --library before the built-in one, as its outlines and templates are)."""
        origins = list(dict.fromkeys(f.origin for f in self.files))       # highest precedence first
        if len(origins) < 2:
            return "", []
        return "CASE origin " + "WHEN ? THEN ? " * len(origins) + "END, ", \
            [x for k, o in enumerate(origins) for x in (o, k)]

    def __len__(self) -> int:
        return self.db.execute("SELECT count(*) FROM entries").fetchone()[0]

    def resolve_function(self, name: str | None) -> list[str] | None:
        """The functions a ``--function`` value means: itself, or those under it (closing →
        closing.call, closing.modesty). An unknown name is an error that lists the valid ones."""
        if name is None:
            return None
        valid = self.functions()
        if name in valid:
            return [name]
        under = [f for f in valid if f.startswith(name.rstrip(".") + ".")]
        if under:
            return under
        raise DrafterError(f"没有功能“{name}”，可用的有：{'、'.join(valid)}")

    def filters(self, function=None, since=None, until=None, source=None, origin=None) -> Filters:
        return Filters(self.resolve_function(function), since, until, source, origin)

    # ---- search
    def search(self, query: str, function: str | None = None, since: int | None = None,
               until: int | None = None, source: str | None = None, limit: int = 20,
               fallback: bool = True, origin: str | None = None) -> Result:
        f = self.filters(function, since, until, source, origin)
        result = Result(query, sentences_from=self.meta.get("sentences", "corpus"))
        where, args = f.entries_sql()
        s = Searcher(self.db, "entries", "plain", "grams", "n, plain, docs, count, id, ini", where, args)

        def make(r, match, score, spans):
            return Hit(match, score, spans, n=r[0], key=(-r[2], -r[3], r[4]))

        order, key = "docs DESC, count DESC, length(plain), id", lambda h: h.key
        pinyin = bool(self.meta.get("pinyin"))
        # entries that hold the query, else corpus sentences that do, else entries that hold it apart or
        # nearly, else such sentences
        result.hits = run_tiers(s, query, limit, order, make, pinyin, key)
        if not result.hits and fallback:
            result.hits = self.search_sentences(query, f, limit)
        if not result.hits:
            result.hits = run_tiers(s, query, limit, order, make, pinyin, key, loose=True)
        if not result.hits and fallback:
            result.hits = self.search_sentences(query, f, limit, loose=True)
        result.fallback = bool(result.hits) and result.hits[0].sentence is not None
        self._fill(result.hits)
        return result

    def _fill(self, hits: list[Hit]) -> None:
        """The entries of entry hits, read from the index once the ranking is done."""
        ns = [h.n for h in hits if h.sentence is None]
        if not ns:
            return
        rows = dict(self.db.execute(f"SELECT n, data FROM details WHERE n IN ({','.join('?' * len(ns))})", ns))
        for h in hits:
            if h.sentence is None:
                h.entry = Entry.from_dict(json.loads(rows[h.n]))

    def search_sentences(self, query: str, f: Filters, limit: int, loose: bool = False) -> list[Hit]:
        where, args = f.sentences_sql()
        s = Searcher(self.db, "sentences", "text", "sgrams", "n, text, source, year, ini", where, args)

        def make(r, match, score, spans):
            return Hit(match, score, spans, sentence=Sentence(r[1], r[2], r[3]), n=r[0], key=(len(r[1]), r[0]))

        return run_tiers(s, query, limit, "length(text), n", make, bool(self.meta.get("pinyin")),
                         lambda h: h.key, loose=loose)

    # ---- entries
    def get(self, pid: str) -> Entry:
        """The entry with this id, or else the one whose text it is (quoted or not; of several, the one in
        most documents)."""
        row = self.db.execute("SELECT data FROM details JOIN entries USING (n) WHERE id = ?", (pid,)).fetchone()
        row = row or self.db.execute(
            "SELECT data FROM details JOIN entries USING (n) WHERE plain IN (?, ?) ORDER BY docs DESC, count DESC, id",
            (pid, f"“{pid.strip('“”')}”")).fetchone()
        if row:
            return Entry.from_dict(json.loads(row[0]))
        from rapidfuzz import process

        ids = [r[0] for r in self.db.execute("SELECT id FROM entries")]
        close = [m[0] for m in process.extract(pid, ids, limit=5, score_cutoff=60)]
        hint = f"；相近的有：{'、'.join(close)}" if close else f"；drafter phrases search {pid} 查找含它的短语和句子"
        raise DrafterError(f"没有编号或全文为 {pid} 的短语{hint}")

    def entries(self, function=None, since=None, until=None, source=None, limit: int | None = None,
                origin: str | None = None) -> list[Entry]:
        """The entries, by function, then library (see ``_precedence``), then documents and count."""
        where, args = self.filters(function, since, until, source, origin).entries_sql()
        rank, rank_args = self._precedence()
        sql = (f"SELECT data FROM entries JOIN details USING (n) WHERE {where} "
               f"ORDER BY function, {rank}docs DESC, count DESC, id")
        if limit is not None:
            sql += f" LIMIT {int(limit)}"
        return [Entry.from_dict(json.loads(r[0])) for r in self.db.execute(sql, args + rank_args)]

    def count(self, function=None, since=None, until=None, source=None, origin=None) -> int:
        where, args = self.filters(function, since, until, source, origin).entries_sql()
        return self.db.execute(f"SELECT count(*) FROM entries WHERE {where}", args).fetchone()[0]

    def sentences_of(self, entry: Entry) -> list[tuple[str, str | None]]:
        """(source, the sentence there that holds the entry) for every source of an entry."""
        pieces = sorted((p for p in entry.plain.split("…") if p), key=len, reverse=True)
        out = []
        for source in entry.sources:
            texts = [r[0] for r in self.db.execute("SELECT text FROM sentences WHERE source = ?", (source,))]
            best = next((t for p in pieces for t in texts if p in t), texts[0] if texts else None)
            out.append((source, best))
        return out

    def pinyin_of(self, pid: str) -> list[str]:
        row = self.db.execute("SELECT syl FROM entries_syl JOIN entries USING (n) WHERE id = ?", (pid,)).fetchone()
        return py.unpack(row[0]) if row else []
