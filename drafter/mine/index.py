"""An index of the corpus: hashed n-gram tables, built level by level with numpy.

Every sentence of every document (canonical form, see ``drafter.mine.text``) is laid end to end in
one array of code points, a newline between sentences. For n = 1, 2, … every position where an
n-gram of Chinese characters (with inner ， and quotes) starts gets a 64-bit rolling hash; sorting the hashes
(with the document of each position) gives each distinct n-gram's occurrences, its count and its
document count in one pass, without scanning the text per n-gram. An (n+1)-gram is hashed only where
both of its n-grams occur in two documents or more (Apriori), so the tables stay small and the work
is linear in the corpus.

For every recurring n-gram a level keeps: count, documents, a representative position, and what its
neighbours say about its edges: how many occurrences meet a *break* on the left and on the right (a
clause boundary, or a neighbour not bound to the edge character — two characters are bound when the
corpus pairs them at least ``BOUND_TIMES`` times and in at least ``BOUND_SHARE`` of either one's
pairs) and whether the neighbour is the same everywhere (then the n-gram never stands alone: it is
part of a longer unit). Whether it is *closed* (no one-character extension has the same documents)
comes from the next level.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np

MAX_N = 48
BOUND_TIMES = 3
BOUND_SHARE = 0.1
#: a pair seen this often has a say in whether a formula ends on a free character
KNOWN_TIMES = 6
#: function characters (a general, closed class of Chinese)
FUNCTION = "的之和与及或在对把被将向以为于要是了等"
#: function characters that never make a word with the character before them
PARTICLE = "的和与及或了等"
#: edge statistics are gathered for grams of this many characters and more (formulas start at three)
STATS_FROM = 3
#: numerals belong to what follows them (三|中全会 is no edge)
NUMERALS = "〇零一二三四五六七八九十百千万两"
#: particles that are a break on either side of a formula wherever they stand (和 may be 和平)
BREAK = "的了"
_MUL = np.uint64(0x9E3779B97F4A7C15)
_MIX = np.uint64(0xBF58476D1CE4E5B9)
COMMA = ord("，")
DE = ord("的")


def _cjk(code: np.ndarray) -> np.ndarray:
    return ((code >= 0x3400) & (code <= 0x9FFF)) | ((code >= 0xF900) & (code <= 0xFAFF))


@dataclass
class Level:
    """The recurring n-grams of one length, sorted by hash."""

    n: int
    hash: np.ndarray          # uint64, sorted
    tf: np.ndarray            # occurrences
    df: np.ndarray            # documents
    rep: np.ndarray           # a position of the first occurrence in corpus order
    left_open: np.ndarray     # occurrences with a break on the left
    right_open: np.ndarray
    left_fixed: np.ndarray    # bool: the same Chinese character before every occurrence
    right_fixed: np.ndarray
    closed: np.ndarray        # bool: no one-character longer n-gram has the same documents
    right_end: np.ndarray     # occurrences followed by a clause boundary or a particle
    right_punct: np.ndarray   # occurrences followed by a clause boundary or a function character other than 的
    left_top: np.ndarray      # occurrences of the commonest one-character extension on the left
    right_top: np.ndarray     # (by a Chinese character other than a function character)
    occ: np.ndarray           # int32: positions of every occurrence, grouped by n-gram
    start: np.ndarray         # int64: offsets of each n-gram's group in ``occ`` (len + 1)

    def find(self, hashes: np.ndarray) -> np.ndarray:
        """Index of each hash in this level, or -1."""
        i = np.searchsorted(self.hash, hashes)
        i = np.minimum(i, len(self.hash) - 1) if len(self.hash) else np.zeros_like(i)
        hit = (self.hash[i] == hashes) if len(self.hash) else np.zeros(len(hashes), bool)
        return np.where(hit, i, -1)


@dataclass
class Index:
    text: str                      # all sentences, newline-separated, with a newline at both ends
    code: np.ndarray               # uint32 code points of ``text``
    doc: np.ndarray                # int32 document of each position (-1 on separators)
    unit_start: np.ndarray         # int64 start of each sentence in ``text``
    docs: int
    levels: dict[int, Level] = field(default_factory=dict)
    bound_at: np.ndarray | None = None   # bool: text[i] and text[i+1] are bound
    known_at: np.ndarray | None = None   # bool: the pair text[i], text[i+1] is common enough to say
    _tables: dict = field(default_factory=dict, repr=False)

    # -- building --------------------------------------------------------------------------------

    @classmethod
    def build(cls, texts: list[str], docs_of: list[int], ndocs: int, min_docs: int = 2, max_n: int = MAX_N) -> Index:
        text = "\n" + "\n".join(texts) + "\n"
        code = np.frombuffer(text.encode("utf-32-le"), dtype=np.uint32)
        lengths = np.fromiter((len(t) + 1 for t in texts), dtype=np.int64, count=len(texts))
        unit_start = np.concatenate(([1], 1 + np.cumsum(lengths)[:-1])) if len(texts) else np.zeros(0, np.int64)
        doc = np.full(len(code), -1, dtype=np.int32)
        if len(texts):
            per = np.repeat(np.asarray(docs_of, dtype=np.int32), lengths)
            doc[1:1 + len(per)] = per
            doc[unit_start + lengths - 1] = -1
        index = cls(text, code, doc, unit_start, ndocs)
        index._levels(min_docs, max_n)
        return index

    def _levels(self, min_docs: int, max_n: int) -> None:
        code = self.code
        size = len(code)
        cjk = _cjk(code)
        ok = cjk | (code == COMMA) | (code == ord("“")) | (code == ord("”"))
        # a neighbour that is a digit or a letter belongs to the gram's unit (2019年, 5G), no break
        word = cjk | ((code >= 48) & (code <= 57)) | ((code | 32) >= 97) & ((code | 32) <= 122) | (code == 0x3007) \
            | ((code >= 0xFF10) & (code <= 0xFF19)) | (code == ord("％")) | (code == ord("%")) | (code == ord("."))
        small = np.minimum(code, 0xFFFF)
        mixed = (code.astype(np.uint64) + np.uint64(1)) * _MIX
        # bound pairs, from the counts of every pair of adjacent Chinese characters
        valid = cjk[:-1] & cjk[1:]
        pair = np.where(valid, mixed[:-1] * _MUL + mixed[1:], np.uint64(0))
        _, inverse, counts = np.unique(pair, return_inverse=True, return_counts=True)
        pc = np.where(valid, counts[inverse.reshape(-1)], 0)
        del pair, inverse, counts
        after = np.bincount(small[:-1][valid], minlength=0x10000)
        before = np.bincount(small[1:][valid], minlength=0x10000)
        a_n, b_n = after[small[:-1]], before[small[1:]]
        bound = valid & (pc >= BOUND_TIMES) & ((pc >= BOUND_SHARE * a_n) | (pc >= BOUND_SHARE * b_n))
        del a_n, b_n
        known = valid & (pc >= KNOWN_TIMES)
        del pc, after, before
        self.bound_at = np.concatenate((bound, [False]))
        self.known_at = np.concatenate((known, [False]))   # a pair seen often enough to judge
        self._cjk_at = cjk
        function = np.zeros(0x10000, bool)
        function[[ord(c) for c in FUNCTION]] = True
        is_function = function[small] & cjk
        function[:] = False
        function[[ord(c) for c in BREAK]] = True
        particle = function[small] & cjk
        # a break left of a gram starting at p: text[p-1] is no Chinese character, or is not bound to text[p]
        function[:] = False
        function[[ord(c) for c in NUMERALS]] = True
        numeral = function[small] & cjk
        left_break = np.concatenate(([True], (~word[:-1] | cjk[:-1] & ~bound | particle[:-1]) & ~numeral[:-1]))
        left_func = np.concatenate(([True], (~word[:-1] | (cjk[:-1] & ~bound & is_function[:-1]) | particle[:-1])
                                    & ~numeral[:-1]))
        del bound

        pos = np.nonzero(ok)[0].astype(np.int32)
        h = mixed[pos]
        hmap = np.empty(size, np.uint64)
        prev = None
        for n in range(1, max_n + 1):
            if not len(pos):
                break
            # positions are in corpus order, so a stable sort keeps each gram's documents in order
            order = np.argsort(h, kind="stable")
            hs, ps = h[order], pos[order]
            ds = self.doc[ps]
            new = np.empty(len(hs), bool)
            new[0] = True
            new[1:] = hs[1:] != hs[:-1]
            starts = np.nonzero(new)[0]
            pairnew = new.copy()
            pairnew[1:] |= ds[1:] != ds[:-1]
            df = np.add.reduceat(pairnew.astype(np.int32), starts)
            del pairnew, ds
            tf = np.diff(np.append(starts, len(hs)))
            gid = np.cumsum(new, dtype=np.int32) - 1
            del new
            keep = df >= min_docs
            keep_occ = keep[gid]
            kept = int(keep.sum())
            ktf = tf[keep]
            kps = ps[keep_occ]                         # occurrences of the recurring grams, grouped
            kstarts = np.concatenate(([0], np.cumsum(ktf)[:-1])) if kept else np.zeros(0, np.int64)
            stats = {k: np.zeros(kept, np.int64) for k in ("left_open", "right_open", "right_end", "right_punct")}
            stats.update(left_fixed=np.zeros(kept, bool), right_fixed=np.zeros(kept, bool))
            if n >= STATS_FROM and kept:
                kgid = np.repeat(np.arange(kept, dtype=np.int32), ktf)
                end = kps + n                      # the character after the gram
                lfix = self._fixed(code[kps - 1], kstarts, cjk[kps - 1])
                rfix = self._fixed(code[end], kstarts, cjk[end])
                lb = np.where(lfix[kgid], left_func[kps], left_break[kps])
                rb = np.where(rfix[kgid],
                              ~word[end] | (cjk[end] & ~self.bound_at[end - 1] & is_function[end]) | particle[end],
                              ~word[end] | (cjk[end] & ~self.bound_at[end - 1]) | particle[end])
                stats.update(
                    left_open=np.add.reduceat(lb.astype(np.int32), kstarts),
                    right_open=np.add.reduceat(rb.astype(np.int32), kstarts),
                    right_end=np.add.reduceat((~word[end] | particle[end]).astype(np.int32), kstarts),
                    right_punct=np.add.reduceat((~word[end] | is_function[end] & (code[end] != DE)).astype(np.int32),
                                                kstarts),
                    left_fixed=lfix, right_fixed=rfix)
                del lb, rb, end, kgid
            rep = np.minimum.reduceat(kps, kstarts) if kept else np.zeros(0, np.int32)
            level = Level(n, hash=hs[starts][keep], tf=ktf, df=df[keep], rep=rep, closed=np.ones(kept, bool),
                          left_top=np.zeros(kept, np.int64), right_top=np.zeros(kept, np.int64), occ=kps,
                          start=np.concatenate(([0], np.cumsum(ktf))), **stats)
            self.levels[n] = level
            if prev is not None:
                self._close(prev, ps, df[gid], tf[gid], is_function | ~cjk)
            # per position (in corpus order): the kept gram's slot at this level
            slot = np.full(len(keep), -1, np.int32)
            slot[keep] = np.arange(kept)
            at = np.full(size + 1, -1, np.int32)
            at[ps] = slot[gid]
            prev = (level, at)
            del order, hs, gid, slot, starts
            # next level: positions whose gram and the gram one further both recur
            freq = at >= 0
            nxt = pos[pos + n < size - 1]
            nxt = nxt[freq[nxt] & freq[nxt + 1] & ok[nxt + n]]
            hmap[pos] = h
            h = hmap[nxt] * _MUL + mixed[nxt + n]
            pos = nxt
        if prev is not None:
            self._prune(prev[0])

    @staticmethod
    def _fixed(chars: np.ndarray, starts: np.ndarray, cjk: np.ndarray) -> np.ndarray:
        """Per group (sorted by group): whether every neighbour is the same Chinese character."""
        lo = np.minimum.reduceat(chars, starts)
        hi = np.maximum.reduceat(chars, starts)
        allcjk = np.minimum.reduceat(cjk.astype(np.int8), starts) > 0
        return (lo == hi) & allcjk

    def _close(self, prev: tuple, ps: np.ndarray, dfpos: np.ndarray, tfpos: np.ndarray, weak: np.ndarray) -> None:
        """For the grams one shorter: whether a longer gram extends them with the same number of
        documents, and how often their commonest extension by a content character occurs."""
        level, at = prev
        n = level.n + 1
        best = np.zeros(len(level.hash), np.int64)
        for shorter, added, top in ((at[ps], ps + n - 1, level.right_top), (at[ps + 1], ps, level.left_top)):
            sel = shorter >= 0          # the longer gram's prefix (added on the right), suffix (on the left)
            grown = sel & self._cjk_at[added]      # by a Chinese character: by ， or a quote is no longer text
            np.maximum.at(best, shorter[grown], dfpos[grown])
            sel &= ~weak[added]          # not by ，, a quote or a function character (新常态|的 is no longer unit)
            np.maximum.at(top, shorter[sel], tfpos[sel])
        level.closed = best < level.df
        self._prune(level)

    @staticmethod
    def _prune(level: Level) -> None:
        """Keep the occurrences only of grams that may be shown: closed ones, or ones with open edges,
        of three characters or more."""
        if level.n < 3:
            level.occ, level.start = np.zeros(0, np.int32), np.zeros(len(level.hash) + 1, np.int64)
            return
        show = level.closed | ((level.left_open * 2 >= level.tf) & (level.right_open * 2 >= level.tf))
        counts = np.where(show, level.tf, 0)
        take = np.repeat(show, level.tf)
        level.occ = level.occ[take]
        level.start = np.concatenate(([0], np.cumsum(counts)))

    # -- reading ---------------------------------------------------------------------------------

    def gram(self, level: Level, i: int) -> str:
        p = int(level.rep[i])
        return self.text[p:p + level.n]

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
        level = self.levels.get(len(text))
        if level is None or not text:
            return 0, 0
        table = self._tables.get(level.n)
        if table is None:
            table = self._tables[level.n] = dict(zip(level.hash.tolist(),
                                                     zip(level.tf.tolist(), level.df.tolist(), strict=True),
                                                     strict=True))
        return table.get(int(self.hash_of(text)), (0, 0))

    def positions(self, level: Level, i: int) -> np.ndarray:
        return level.occ[level.start[i]:level.start[i + 1]]

    def units_at(self, positions: np.ndarray) -> np.ndarray:
        """The sentence of each position."""
        return np.searchsorted(self.unit_start, positions, side="right") - 1
