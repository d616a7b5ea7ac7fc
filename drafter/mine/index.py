"""An index of the corpus: n-gram tables, built level by level with numpy.

Every distinct sentence of the corpus (canonical form, see ``drafter.mine.text``) is laid end to end
in one array of code points, once however often it occurs, a newline between sentences; each sentence
knows how often it occurs and in which documents, so counts are of occurrences and text repeated
across documents (a quotation, a set phrase of the genre, a document kept in two versions) costs its
length once. For n = 1, 2, … every position where an n-gram of Chinese characters (with inner ， and
quotes) starts gets a key: for n = 1 its character, for n + 1 the n-gram's number in the level below
and the character after it. Sorting the keys (with the position packed in their low bits, so each
gram's positions come in corpus order) gives each distinct n-gram's positions, its count and its
document count in one pass, without scanning the text per n-gram. An (n+1)-gram is keyed only where
both of its n-grams occur in ``min_docs`` documents or more (Apriori), so the tables stay small and the
work is linear in the corpus. As the keys sort by the shorter gram's number, then the character, each
level's grams are in the order of their code points. A text of up to ``HASHED`` characters is looked up
by a 64-bit rolling hash, made for a level's grams when the level is first asked; a longer one (looked
up rarely: the rest of a formula beside an edge character) by binary search in its level's order, with
no table (the long levels hold most of the grams of a corpus that repeats long passages).

For every recurring n-gram a level keeps: count, documents, a representative position, and what its
neighbours say about its edges: how many occurrences meet a *break* on the left and on the right (a
clause boundary, or a neighbour not bound to the edge character — two characters are bound when the
corpus pairs them at least ``BOUND_TIMES`` times and in at least ``BOUND_SHARE`` of either one's
pairs) and whether the neighbour is the same everywhere (then the n-gram never stands alone: it is
part of a longer unit). Whether it is *closed* (no one-character extension has the same documents)
comes from the next level.
"""

from __future__ import annotations

from bisect import bisect_left
from dataclasses import dataclass, field, fields
from collections.abc import Iterable, Iterator
from functools import cached_property
from typing import NamedTuple

import numpy as np

from drafter.mine.text import FUNCTION

MAX_N = 48
#: texts of up to this many characters are looked up by hash, longer ones by binary search
HASHED = 6
BOUND_TIMES = 3
BOUND_SHARE = 0.1
#: function characters that never make a word with the character before them
PARTICLE = "的和与及或了等"
#: edge statistics are gathered for grams of this many characters and more (formulas start at three)
STATS_FROM = 3
#: numerals belong to what follows them (三|中全会 is no edge), as does a closing quote
NUMERALS = "〇零一二三四五六七八九十百千万两"
#: particles that are a break on either side of a formula wherever they stand (和 may be 和平)
BREAK = "的了"
_MUL = np.uint64(0x9E3779B97F4A7C15)
_MIX = np.uint64(0xBF58476D1CE4E5B9)
COMMA = ord("，")
CLOSE_QUOTE = ord("”")
#: positions handled at a time where a whole-text int64 array would be needed
CHUNK = 1 << 18
DE = ord("的")
#: bits of ``Index.doc``: the sentence occurs more than once, it is in several documents; its first document
#: above them
REPEATED, SEVERAL, FIRST = 1, 2, 2


def code_points(text: str) -> np.ndarray:
    """The code points of a text: two bytes a character where every one is under 0x10000 (UTF-16 without
    surrogates), else four."""
    code = np.frombuffer(text.encode("utf-16-le"), dtype=np.uint16)
    return code if len(code) == len(text) else np.frombuffer(text.encode("utf-32-le"), dtype=np.uint32)


def bits(mask: int) -> Iterator[int]:
    """The set bits of a mask (a set of documents: bit d, document d), lowest first, one step a set bit."""
    while mask:
        low = mask & -mask
        yield low.bit_length() - 1
        mask ^= low


def _cjk(code: np.ndarray) -> np.ndarray:
    return ((code >= 0x3400) & (code <= 0x9FFF)) | ((code >= 0xF900) & (code <= 0xFAFF))


#: bits of the flags of a position: its character is Chinese, a word character (Chinese, a digit or a
#: letter), a particle, a function character, 的; a break or (for a function character) a break
#: left of a gram starting there; bound to the character before; the character before is Chinese; a
#: gram may hold it (Chinese, ， or a quote)
(IS_CJK, IS_WORD, IS_PARTICLE, IS_FUNCTION, IS_DE, IS_LEFT_BREAK, IS_LEFT_FUNC, IS_BOUND_BEFORE,
 IS_PREV_CJK, IS_GRAM) = (1 << k for k in range(10))


def _flags(cjk: np.ndarray, word: np.ndarray, particle: np.ndarray, function: np.ndarray, left_break: np.ndarray,
           left_func: np.ndarray, bound: np.ndarray, de: np.ndarray, gram: np.ndarray) -> np.ndarray:
    """One uint16 of flags per position (one gather per occurrence instead of one per property)."""
    flags = cjk.astype(np.uint16)
    for bit, mask, at in ((IS_WORD, word, 0), (IS_PARTICLE, particle, 0), (IS_FUNCTION, function, 0), (IS_DE, de, 0),
                          (IS_LEFT_BREAK, left_break, 0), (IS_LEFT_FUNC, left_func, 0),
                          (IS_BOUND_BEFORE, bound[:-1], 1), (IS_PREV_CJK, cjk[:-1], 1), (IS_GRAM, gram, 0)):
        marks = mask.astype(np.uint16)         # arithmetic on every position: no boolean indexing
        marks *= np.uint16(bit)
        flags[at:] |= marks
    return flags


def _mix(code: np.ndarray) -> np.ndarray:
    """The hash of each character alone (as ``Index.hash_of`` makes it)."""
    out = code.astype(np.uint64)
    out += np.uint64(1)
    out *= _MIX
    return out


def _among(small: np.ndarray, chars: Iterable[str]) -> np.ndarray:
    """Whether each code point (at most 0xFFFF) is one of ``chars``."""
    table = np.zeros(0x10000, bool)
    table[[ord(c) for c in chars]] = True
    return table[small]


def _where(mask: np.ndarray) -> np.ndarray:
    """The int32 positions where ``mask`` holds, made a slice at a time (no int64 array of the text's size)."""
    parts = [np.flatnonzero(mask[a:a + CHUNK]).astype(np.int32) + np.int32(a) for a in range(0, len(mask), CHUNK)]
    return np.concatenate(parts) if parts else np.zeros(0, np.int32)


def _pack(key: np.ndarray, pos: np.ndarray, pbits: int) -> None:
    """Each key (under 2**(64 - pbits)) with its position in its low ``pbits`` bits, in place."""
    key <<= np.uint64(pbits)
    np.bitwise_or(key, pos, out=key, dtype=np.uint64, casting="unsafe")


def _unpack(key: np.ndarray, pbits: int) -> np.ndarray:
    """The positions of sorted packed keys; the keys keep their high bits (in place)."""
    ps = np.empty(len(key), np.int32)
    np.bitwise_and(key, np.uint64((1 << pbits) - 1), out=ps, dtype=np.uint64, casting="unsafe")
    key >>= np.uint64(pbits)
    return ps


def _regroup(key: np.ndarray, pos: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Keys too large to pack with a position: sorted, with each key's positions in corpus order."""
    order = np.argsort(key)
    key = key[order]
    packed = np.cumsum(_starts(key), dtype=np.uint64)
    packed <<= np.uint64(32)
    np.bitwise_or(packed, pos[order], out=packed, dtype=np.uint64, casting="unsafe")
    del order
    packed.sort()
    return _unpack(packed, 32), key


class Extra(NamedTuple):
    """Of some positions, those whose sentence occurs more than once (indexes ``at``) and how many
    occurrences beyond one each stands for (``more``)."""

    at: np.ndarray
    more: np.ndarray

    def add(self, totals: np.ndarray, group: np.ndarray, mask: np.ndarray | None = None) -> None:
        """Add to per-group occurrence counts the extra occurrences (``group``: the group of each of them;
        only where ``mask``, of all the positions, holds)."""
        more = self.more if mask is None else self.more * mask[self.at]
        totals += np.bincount(group, more, minlength=len(totals)).astype(totals.dtype)


def _slices(counts: np.ndarray) -> Iterator[tuple[int, int]]:
    """Ranges of consecutive groups (of ``counts`` places each) holding ``CHUNK`` places at most, or one group."""
    reach = np.cumsum(counts)                       # places up to the end of each group
    a = 0
    while a < len(counts):
        b = max(a + 1, int(np.searchsorted(reach, reach[a] - counts[a] + CHUNK, "right")))
        yield a, b
        a = b


def _offsets(counts: np.ndarray) -> np.ndarray:
    """Where each group of ``counts`` places starts, and the end (int32: places are positions of the text)."""
    out = np.zeros(len(counts) + 1, np.int32)
    np.cumsum(counts, out=out[1:])
    return out


def _starts(key: np.ndarray) -> np.ndarray:
    """Where each new value of a sorted array starts."""
    new = np.empty(len(key), bool)
    new[:1] = True
    np.not_equal(key[1:], key[:-1], out=new[1:])
    return new


def _bound(code: np.ndarray, cjk: np.ndarray, extra_of) -> np.ndarray:
    """Per position: whether text[i] and text[i+1] are bound Chinese characters (see the module's docstring).
    ``extra_of(positions)``: those that stand for more than one occurrence (see ``Index.extra``)."""
    pos = _where(cjk[:-1] & cjk[1:])
    left, right = code[pos], code[pos + 1]
    extra = extra_of(pos)
    after = np.bincount(left, minlength=0x10000)
    before = np.bincount(right, minlength=0x10000)
    if extra is not None:
        extra.add(after, left[extra.at])
        extra.add(before, right[extra.at])
    del extra
    key = left.astype(np.uint64)                  # Chinese characters are under 0x10000
    key <<= np.uint64(16)
    key |= right
    del left, right
    pbits = max(1, len(code).bit_length())
    _pack(key, pos, pbits)                        # sorted with the position in the low bits: no argsort
    del pos
    key.sort()
    order = _unpack(key, pbits)
    starts = np.flatnonzero(_starts(key))
    pairs, places = key[starts], np.diff(starts, append=len(key))
    del key
    counts = places.copy()
    extra = extra_of(order)
    if extra is not None:
        extra.add(counts, np.searchsorted(starts, extra.at, "right") - 1)
    del extra, starts
    bound = (counts >= BOUND_TIMES) & ((counts >= BOUND_SHARE * after[pairs >> np.uint64(16)])
                                       | (counts >= BOUND_SHARE * before[pairs & np.uint64(0xFFFF)]))
    out = np.zeros(len(code), bool)
    out[order] = np.repeat(bound, places)
    return out


@dataclass
class Edges:
    """What the neighbours of a level's grams say of their edges: of every gram while the level is built,
    of its open grams only (a break on both sides at half of their places or more: the only ones the
    formulas consider) once it is closed, and let go once the formulas are picked (``Index.forget_edges``)."""

    left_open: np.ndarray     # occurrences with a break on the left
    right_open: np.ndarray
    left_fixed: np.ndarray    # bool: the same Chinese character before every occurrence
    right_fixed: np.ndarray
    right_end: np.ndarray     # occurrences followed by a clause boundary or a particle
    right_punct: np.ndarray   # occurrences followed by a clause boundary or a function character other than 的
    left_top: np.ndarray      # occurrences of the commonest one-character extension on the left
    right_top: np.ndarray     # (by a Chinese character other than a function character)
    grams: np.ndarray | None = None     # int32: the grams these are of, in order (None: every gram)

    def of(self, grams: np.ndarray) -> Edges:
        """The figures of some grams only (of every gram's figures)."""
        return Edges(**{f.name: getattr(self, f.name)[grams] for f in fields(self) if f.name != "grams"},
                     grams=grams)


@dataclass
class Level:
    """The recurring n-grams of one length (by their key: the shorter gram's number, then the character)."""

    n: int
    tf: np.ndarray            # occurrences (a position of a repeated sentence counts its every occurrence)
    df: np.ndarray            # documents (under ``STATS_FROM`` characters, at least ``min_docs`` where kept)
    rep: np.ndarray           # a position of the first occurrence in corpus order
    closed: np.ndarray        # bool: no one-character longer n-gram has the same documents
    edges: Edges | None       # None once the formulas are picked
    occ: np.ndarray           # int32: positions in the text (of the distinct sentences), grouped by n-gram
    start: np.ndarray         # int32: offsets of each n-gram's group in ``occ`` (len + 1)
    hashes: tuple[np.ndarray, np.ndarray] | None = field(default=None, init=False, repr=False)   # sorted, grams

    def by_hash(self, code: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """The grams' hashes sorted, and the gram of each (made when first asked; ``code``: the index's)."""
        if self.hashes is None:
            h = _mix(code[self.rep])
            for k in range(1, self.n):
                h *= _MUL
                h += _mix(code[self.rep + k])
            order = np.argsort(h).astype(np.int32)
            self.hashes = (h[order], order)
        return self.hashes

    def find(self, code: np.ndarray, hashes: np.ndarray) -> np.ndarray:
        """Index of the gram of each hash in this level, or -1 (``code``: the index's code points)."""
        sorted_hashes, grams = self.by_hash(code)
        if not len(sorted_hashes):
            return np.full(len(hashes), -1, np.int64)
        i = np.minimum(np.searchsorted(sorted_hashes, hashes), len(sorted_hashes) - 1)
        return np.where(sorted_hashes[i] == hashes, grams[i], -1)


@dataclass(frozen=True)
class Docs:
    """The documents of each sentence: its first, and where it is in several, all of them (``listed``
    from ``offsets[s]`` to ``offsets[s + 1]``; an empty range for a sentence of one document)."""

    first: np.ndarray        # int32
    several: np.ndarray      # bool
    offsets: np.ndarray      # int64, one more than the sentences
    listed: np.ndarray       # int32

    @classmethod
    def build(cls, masks: list[int]) -> Docs:
        sizes = np.fromiter((m.bit_count() for m in masks), dtype=np.int64, count=len(masks))
        several = sizes > 1
        first = np.fromiter(((m & -m).bit_length() - 1 for m in masks), dtype=np.int32, count=len(masks))
        listed = [d for s in np.flatnonzero(several).tolist() for d in bits(masks[s])]
        offsets = np.concatenate(([0], np.cumsum(np.where(several, sizes, 0))))
        return cls(first, several, offsets, np.asarray(listed, dtype=np.int32))

    def count(self, sentences: np.ndarray) -> np.ndarray:
        """How many documents each sentence is in."""
        return np.maximum(self.offsets[sentences + 1] - self.offsets[sentences], 1)

    def expand(self, groups: np.ndarray, sentences: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """(group, document) for each document of each sentence of several, beside its group."""
        counts = self.offsets[sentences + 1] - self.offsets[sentences]
        total = int(counts.sum())
        ends = np.cumsum(counts)
        at = np.repeat(self.offsets[sentences] - (ends - counts), counts) + np.arange(total)
        return np.repeat(groups, counts), self.listed[at]


@dataclass
class Index:
    code: np.ndarray               # code points of the text: the distinct sentences, newline-separated, with a
                                   # newline at both ends (uint16, or uint32 where some are over 0xFFFF)
    sid: np.ndarray | None         # sentence of each position (uint16 under 65,535 sentences), while building
    doc: np.ndarray                # per position: its sentence's first document (shifted by ``FIRST``), the
                                   # bits SEVERAL (it is in several) and REPEATED (it occurs more than once)
    unit_start: np.ndarray         # int64 start of each sentence in the text
    docs: int
    weight: np.ndarray             # int32: occurrences of each sentence in the corpus
    sentence_docs: Docs
    size: int                      # characters of the corpus, each occurrence of a sentence counted
    levels: dict[int, Level] = field(default_factory=dict)
    _seen: dict[str, tuple[int, int]] = field(default_factory=dict, repr=False)   # lookups made

    # -- building --------------------------------------------------------------------------------

    @classmethod
    def build(cls, texts: list[str], weights: list[int], masks: list[int], ndocs: int,
              min_docs: int = 2, max_n: int = MAX_N) -> Index:
        """The index of distinct sentences ``texts``, each standing for ``weights[s]`` occurrences in the
        documents of ``masks[s]`` (bit d set: in document d): counts are of occurrences, documents are
        counted once."""
        code = code_points("\n" + "\n".join(texts) + "\n")
        lengths = np.fromiter((len(t) + 1 for t in texts), dtype=np.int64, count=len(texts))
        unit_start = np.concatenate(([1], 1 + np.cumsum(lengths)[:-1])) if len(texts) else np.zeros(0, np.int64)
        wide = np.uint16 if len(texts) < 0xFFFF else np.int32       # two bytes a position where they do
        sid = np.zeros(len(code), dtype=wide)
        if len(texts):
            sid[1:] = np.repeat(np.arange(len(texts), dtype=wide), lengths)
        weight = np.asarray(weights, dtype=np.int32)
        docs = Docs.build(masks)
        doc = np.zeros(len(code), dtype=np.int16 if ndocs < 1 << (15 - FIRST) else np.int32)
        if len(texts):
            doc[1:] = np.repeat((docs.first << FIRST) | np.where(docs.several, SEVERAL, 0)
                                | np.where(weight > 1, REPEATED, 0), lengths)
        index = cls(code, sid, doc, unit_start, ndocs, weight, docs, 1 + int(lengths @ weight))
        index._levels(min_docs, max_n)
        index.sid = None                   # two or four bytes a position: after building, looked up
        return index

    def sentence_of(self, positions: np.ndarray) -> np.ndarray:
        """The sentence of each position (from the table while building, by binary search after)."""
        return self.sid[positions] if self.sid is not None else self.units_at(positions)

    def extra(self, positions: np.ndarray, doc: np.ndarray | None = None) -> Extra | None:
        """Those of ``positions`` that stand for more than one occurrence (``doc``: their ``self.doc``
        if read already), or None."""
        if not self.repeated:
            return None
        at = np.flatnonzero((self.doc[positions] if doc is None else doc) & REPEATED)
        return Extra(at, self.weight[self.sentence_of(positions[at])] - 1) if len(at) else None

    @cached_property
    def repeated(self) -> bool:
        """Whether some sentence occurs more than once."""
        return bool(len(self.weight)) and int(self.weight.max()) > 1

    def _levels(self, min_docs: int, max_n: int) -> None:
        code = self.code
        size = len(code)
        cjk = _cjk(code)
        ok = cjk | (code == COMMA) | (code == ord("“")) | (code == ord("”"))
        # a neighbour that is a digit or a letter belongs to the gram's unit (2019年, 5G), no break
        word = cjk | ((code >= 48) & (code <= 57)) | ((code | 32) >= 97) & ((code | 32) <= 122) | (code == 0x3007) \
            | ((code >= 0xFF10) & (code <= 0xFF19)) | (code == ord("％")) | (code == ord("%")) | (code == ord("."))
        bound = _bound(code, cjk, self.extra)
        small = np.minimum(code, 0xFFFF).astype(np.uint16)
        is_function = _among(small, FUNCTION) & cjk
        particle = _among(small, BREAK) & cjk
        numeral = _among(small, NUMERALS) & cjk
        numeral |= code == CLOSE_QUOTE     # “十五五”|时期: a quoted term belongs to what follows it too
        del small
        # a break left of a gram starting at p: text[p-1] is no Chinese character, or is not bound to text[p]
        left_break = np.concatenate(([True], (~word[:-1] | cjk[:-1] & ~bound[:-1] | particle[:-1]) & ~numeral[:-1]))
        left_func = np.concatenate(([True], (~word[:-1] | (cjk[:-1] & ~bound[:-1] & is_function[:-1]) | particle[:-1])
                                    & ~numeral[:-1]))
        del numeral
        flags = _flags(cjk, word, particle, is_function, left_break, left_func, bound, code == DE, ok)
        del word, particle, is_function, left_break, left_func, bound, cjk
        # characters by number, in the order of their code points (those a gram may hold are under 0x10000)
        present = np.zeros(0x10000, bool)
        present[code[ok]] = True
        chars = int(present.sum())
        char_id = (np.cumsum(present, dtype=np.int32) - 1).astype(np.uint16)
        del present

        def cid(at: np.ndarray) -> np.ndarray:
            """The number of the character at each of ``at`` (one a gram may hold)."""
            return char_id[code[at] if code.dtype == np.uint16 else np.minimum(code[at], 0xFFFF)]

        pbits = max(1, int(size).bit_length())
        pos = _where(ok)
        del ok
        key, top = cid(pos).astype(np.uint64), chars
        prev = None
        at, stopped = None, np.zeros(0, np.int32)
        for n in range(1, max_n + 1):
            if not len(pos):
                break
            # each gram's positions in corpus order: sorted with the position in the key's low bits
            if top < 1 << (64 - pbits):
                _pack(key, pos, pbits)
                del pos
                key.sort()
                ps = _unpack(key, pbits)
            else:
                ps, key = _regroup(key, pos)
                del pos
            new = _starts(key)
            del key
            starts = np.flatnonzero(new)
            gid = np.cumsum(new, dtype=np.int32)
            gid -= 1
            doc = self.doc[ps]
            df = self._documents(ps, doc, new, starts, gid, min_docs if n < STATS_FROM else None)
            extra = self.extra(ps, doc)
            del new, doc
            count = np.diff(starts, append=len(ps)).astype(np.int32)     # positions of each gram
            tf = count.copy()
            if extra is not None:
                extra.add(tf, gid[extra.at])
            keep = df >= min_docs
            kept = int(keep.sum())
            ktf, kcount = tf[keep], count[keep]
            taken = keep[gid]
            kps = ps[taken]                            # occurrences of the recurring grams, grouped
            del taken
            kstarts = np.concatenate(([0], np.cumsum(kcount)[:-1])) if kept else np.zeros(0, np.int64)
            stats = {k: np.zeros(kept, np.int32) for k in ("left_open", "right_open", "right_end", "right_punct")}
            stats.update(left_fixed=np.zeros(kept, bool), right_fixed=np.zeros(kept, bool))
            if n >= STATS_FROM and kept:
                beyond = self._kept(extra, gid, keep, starts, kstarts)
                stats.update(self._edges(kps, kstarts, kcount, n, flags, beyond))
            del extra
            rep = np.minimum.reduceat(kps, kstarts) if kept else np.zeros(0, np.int32)
            if n < 3:                                  # never shown (see ``_prune``): no occurrences kept
                kps = np.zeros(0, np.int32)
            edges = Edges(left_top=np.zeros(kept, np.int32), right_top=np.zeros(kept, np.int32), **stats)
            level = Level(n, tf=ktf, df=df[keep], rep=rep, closed=np.ones(kept, bool), edges=edges, occ=kps,
                          start=_offsets(kcount) if n >= 3 else np.zeros(kept + 1, np.int32))
            del kps, rep, stats, edges
            self.levels[n] = level
            if prev is not None:
                self._close(prev, ps[starts], df, tf, flags)
            del starts
            # per position (in corpus order): the kept gram's slot at this level, -1 elsewhere (one
            # array for all levels: this level's positions are the last's that went on, the rest reset)
            slot = np.full(len(keep), -1, np.int32)
            slot[keep] = np.arange(kept, dtype=np.int32)
            if at is None:
                at = np.full(size + 1, -1, np.int32)
            at[stopped] = -1
            at[ps] = slot[gid]
            prev = (level, at)
            del gid, slot, df, tf, count, keep
            # next level: positions whose gram and the gram one further both recur
            freq = at >= 0
            more = ps < size - 1 - n
            more &= freq[ps]
            more &= freq[ps + 1]
            more &= (flags[np.minimum(ps + n, size - 1)] & IS_GRAM) > 0
            del freq
            pos = ps[more]
            stopped = ps[~more]
            del ps, more
            key = at[pos].astype(np.uint64)
            key *= np.uint64(chars)
            key += cid(pos + n)
            top = kept * chars
        if prev is not None:
            self._prune(prev[0])

    @staticmethod
    def _kept(extra: Extra | None, gid: np.ndarray, keep: np.ndarray, starts: np.ndarray,
              kstarts: np.ndarray) -> Extra | None:
        """The extra occurrences of a level's positions, of those kept (indexes among the kept)."""
        if extra is None:
            return None
        group = gid[extra.at]
        take = keep[group]
        slot = np.cumsum(keep) - 1
        at, group = extra.at[take], group[take]
        return Extra(kstarts[slot[group]] + (at - starts[group]), extra.more[take]) if len(at) else None

    def _edges(self, kps: np.ndarray, kstarts: np.ndarray, kcount: np.ndarray, n: int, flags: np.ndarray,
               extra: Extra | None) -> dict[str, np.ndarray]:
        """``_edge_stats`` a slice of grams at a time (no arrays of every occurrence at once)."""
        parts = []
        for a, b in _slices(kcount):
            first, last = int(kstarts[a]), int(kstarts[b - 1] + kcount[b - 1])
            more = None
            if extra is not None:
                i, j = np.searchsorted(extra.at, (first, last))
                more = Extra(extra.at[i:j] - first, extra.more[i:j]) if j > i else None
            parts.append(self._edge_stats(kps[first:last], kstarts[a:b] - first, kcount[a:b], n, flags, more))
        return {k: np.concatenate([p[k] for p in parts]) for k in parts[0]}

    def _edge_stats(self, kps: np.ndarray, kstarts: np.ndarray, kcount: np.ndarray, n: int,
                    flags: np.ndarray, extra: Extra | None) -> dict[str, np.ndarray]:
        """Per recurring gram (occurrences ``kps`` grouped at ``kstarts``, ``kcount`` of them; ``extra``:
        those that stand for more): its breaks and fixed neighbours."""
        code = self.code
        kgid = np.repeat(np.arange(len(kcount), dtype=np.int32), kcount)
        at, end = flags[kps], kps + n             # what is known at the gram's start, and of the character after it
        after = flags[end]
        lfix = self._fixed(code[kps - 1], kstarts, (at & IS_PREV_CJK) > 0)
        rfix = self._fixed(code[end], kstarts, (after & IS_CJK) > 0)
        lb = (np.where(lfix[kgid], at & IS_LEFT_FUNC, at & IS_LEFT_BREAK) > 0)
        del at
        free, stop = (after & IS_WORD) == 0, (after & IS_PARTICLE) > 0
        loose = (after & (IS_CJK | IS_BOUND_BEFORE)) == IS_CJK
        function = (after & IS_FUNCTION) > 0
        rb = np.where(rfix[kgid], free | (loose & function) | stop, free | loose | stop)

        def total(mask: np.ndarray) -> np.ndarray:
            out = np.add.reduceat(mask, kstarts, dtype=np.int32)
            if extra is not None:
                extra.add(out, kgid[extra.at], mask)
            return out

        return dict(left_open=total(lb), right_open=total(rb), right_end=total(free | stop),
                    right_punct=total(free | function & ((after & IS_DE) == 0)), left_fixed=lfix, right_fixed=rfix)

    def _documents(self, ps: np.ndarray, doc: np.ndarray, new: np.ndarray, starts: np.ndarray, gid: np.ndarray,
                   enough: int | None = None) -> np.ndarray:
        """The documents of each group of positions ``ps`` (grouped, in corpus order within a group; ``new``
        marks each group's first; ``doc``: their ``self.doc``). Sentences come in the order of their first
        document, so a group's first documents change where a new one starts; a group with a sentence of
        several documents counts all its sentences' documents, each once (one sentence: that sentence's
        count). With ``enough``, a group whose first documents reach it keeps that count (a lower bound:
        for grams never shown, whose documents only decide whether they recur)."""
        several = (doc & SEVERAL).astype(bool)
        first = doc >> FIRST
        change = new.copy()
        change[1:] |= first[1:] != first[:-1]
        df = np.add.reduceat(change, starts, dtype=np.int32)
        del change, first
        if not several.any():
            return df
        holds = np.bincount(gid[several], minlength=len(starts)) > 0
        del several
        if enough is not None:
            holds &= df < enough
        mixed = np.flatnonzero(holds)
        ends = np.append(starts[1:], len(ps))[mixed]
        lowest, highest = self.sentence_of(ps[starts[mixed]]), self.sentence_of(ps[ends - 1])
        alone = lowest == highest                        # every place in one sentence
        df[mixed[alone]] = self.sentence_docs.count(lowest[alone])
        hard, ends = mixed[~alone], ends[~alone]
        for a, b in _slices(ends - starts[hard]):      # the rest a slice of groups at a time
            df[hard[a:b]] = self._union(ps, hard[a:b], starts[hard[a:b]], ends[a:b])
        return df

    def _union(self, ps: np.ndarray, groups: np.ndarray, starts: np.ndarray, ends: np.ndarray) -> np.ndarray:
        """The documents of each group (``ps[starts[k]:ends[k]]``), every document of every sentence once."""
        lengths = ends - starts
        at = np.repeat(starts - (np.cumsum(lengths) - lengths), lengths) + np.arange(int(lengths.sum()))
        group, where = np.repeat(np.arange(len(groups), dtype=np.int64), lengths), ps[at]
        del at
        doc = self.doc[where]
        many = (doc & SEVERAL).astype(bool)
        sentence, gm = self.sentence_of(where[many]), group[many]
        again = np.zeros(len(sentence), bool)            # the same sentence again in a group
        again[1:] = (gm[1:] == gm[:-1]) & (sentence[1:] == sentence[:-1])
        gx, dx = self.sentence_docs.expand(gm[~again], sentence[~again])
        pairs = np.concatenate((group[~many], gx))
        pairs *= self.docs
        pairs += np.concatenate((doc[~many] >> FIRST, dx))
        pairs.sort()
        pairs = pairs[_starts(pairs)]
        pairs //= self.docs
        return np.bincount(pairs, minlength=len(groups))

    @staticmethod
    def _fixed(chars: np.ndarray, starts: np.ndarray, cjk: np.ndarray) -> np.ndarray:
        """Per group (sorted by group): whether every neighbour is the same Chinese character."""
        lo = np.minimum.reduceat(chars, starts)
        hi = np.maximum.reduceat(chars, starts)
        allcjk = np.minimum.reduceat(cjk.astype(np.int8), starts) > 0
        return (lo == hi) & allcjk

    def _close(self, prev: tuple, reps: np.ndarray, df: np.ndarray, tf: np.ndarray, flags: np.ndarray) -> None:
        """For the grams one shorter: whether a longer gram (at ``reps``, a position of each, with counts
        ``df`` and ``tf``) extends them with the same number of documents, and how often their commonest
        extension by a content character occurs. A longer gram has one prefix and one suffix, and its
        added character is Chinese or a function character wherever it occurs: one position says it all."""
        level, at = prev
        edges = level.edges
        assert edges is not None
        n = level.n + 1
        best = np.zeros(len(level.tf), np.int32)
        for right in (True, False):
            # the longer gram's prefix (added on the right), suffix (on the left)
            shorter, added, top = (at[reps], reps + (n - 1), edges.right_top) if right \
                else (at[reps + 1], reps, edges.left_top)
            sel = shorter >= 0
            kind = flags[added] & (IS_CJK | IS_FUNCTION)
            grown = sel & (kind > 0)    # by a Chinese character: by ， or a quote is no longer text
            np.maximum.at(best, shorter[grown], df[grown])
            sel &= kind == IS_CJK       # not by ，, a quote or a function character (新常态|的 is no longer unit)
            np.maximum.at(top, shorter[sel], tf[sel])
        level.closed = best < level.df
        self._prune(level)

    @staticmethod
    def _prune(level: Level) -> None:
        """Keep the occurrences only of grams that may be shown: closed ones, or open ones (with a break on
        both sides at half of their places), of three characters or more; and the edge figures of the
        open ones only."""
        edges = level.edges
        assert edges is not None and edges.grams is None
        open_ = (edges.left_open * 2 >= level.tf) & (edges.right_open * 2 >= level.tf)
        level.edges = edges.of(np.flatnonzero(open_).astype(np.int32))
        if level.n < 3:
            level.occ, level.start = np.zeros(0, np.int32), np.zeros(len(level.tf) + 1, np.int32)
            return
        show = level.closed | open_
        count = np.diff(level.start)
        take = np.repeat(show, count)
        level.occ = level.occ[take]
        level.start = _offsets(np.where(show, count, 0))

    def forget_edges(self) -> None:
        """Let the levels' edge figures go (once the formulas have read them)."""
        for level in self.levels.values():
            level.edges = None

    # -- reading ---------------------------------------------------------------------------------

    @property
    def text(self) -> str:
        """The text laid out (made when asked: the index keeps its code points only)."""
        return self._decode(self.code)

    def gram(self, level: Level, i: int) -> str:
        p = int(level.rep[i])
        return self._decode(self.code[p:p + level.n])

    @staticmethod
    def _decode(code: np.ndarray) -> str:
        return code.tobytes().decode("utf-16-le" if code.itemsize == 2 else "utf-32-le")

    @staticmethod
    def hash_of(text: str) -> np.uint64:
        """The hash the index gives a text (as numpy computes it, modulo 2**64)."""
        h, mask, mul, mix = 0, (1 << 64) - 1, int(_MUL), int(_MIX)
        for k, ch in enumerate(text):
            m = ((ord(ch) + 1) * mix) & mask
            h = m if k == 0 else (h * mul + m) & mask
        return np.uint64(h)

    def lookup(self, text: str) -> tuple[int, int]:
        """(count, documents) of a text in the index (0, 0 when it recurs in fewer than two)."""
        seen = self._seen.get(text)
        if seen is None:
            seen = self._seen[text] = self._find(text)
        return seen

    def _find(self, text: str) -> tuple[int, int]:
        level = self.levels.get(len(text))
        if level is None or not text or not len(level.tf):
            return 0, 0
        gram = self._hashed(level, text) if len(text) <= HASHED else self._search(level, text)
        return (int(level.tf[gram]), int(level.df[gram])) if gram >= 0 else (0, 0)

    def _hashed(self, level: Level, text: str) -> int:
        """The number of the gram ``text`` in its level, by its hash, or -1."""
        return int(level.find(self.code, np.array([self.hash_of(text)], np.uint64))[0])

    def _search(self, level: Level, text: str) -> int:
        """The number of the gram ``text`` in its level, by binary search in the level's order (that of
        the grams' code points, as Python orders strings), or -1."""
        i = bisect_left(range(len(level.tf)), text, key=lambda g: self.gram(level, g))
        return i if i < len(level.tf) and self.gram(level, i) == text else -1

    def counts_at(self, starts: np.ndarray, n: int) -> np.ndarray:
        """The count of the n-gram at each position of ``starts`` (0 where it recurs in fewer than two)."""
        level = self.levels.get(n)
        if level is None or not len(level.tf) or not len(starts):
            return np.zeros(len(starts), np.int64)
        h = _mix(self.code[starts])
        for k in range(1, n):
            h *= _MUL
            h += _mix(self.code[starts + k])
        i = level.find(self.code, h)
        return np.where(i >= 0, level.tf[i], 0)

    def positions(self, level: Level, i: int) -> np.ndarray:
        return level.occ[level.start[i]:level.start[i + 1]]

    def units_at(self, positions: np.ndarray) -> np.ndarray:
        """The sentence of each position."""
        return np.searchsorted(self.unit_start, positions, side="right") - 1
