"""Memory management while mining: large arrays given back to the system when freed, the heap's free
pages between stages, and Python's cycle collector paused.

glibc's malloc serves a freed large block's size from its heap afterwards (its mmap threshold grows
with each such block, up to 32 MB), so the index's temporaries stay in the process once freed and
the peak grows with each level's. A fixed threshold (``LARGE``) keeps every block of that size or more
in its own mapping, returned on free: on the government work reports the peak falls from about 90 to
77 MB for about 2% more time (at 1 MB: 71 MB for 4–5%; each block mapped anew costs its page faults).
Elsewhere (no glibc) nothing changes.

What a stage frees in small blocks stays in the heap too, and the next stage's peak adds to it: the
free pages are given back between stages (``give_back_free_pages``, glibc's ``malloc_trim``). On the
reports the peak falls from about 86–90 to 79 MB, for a few milliseconds.

Reading a corpus makes millions of small objects (lines, sentences, units) and next to no reference
cycles, yet the cycle collector runs after every 700 new objects and walks the young ones each time:
a tenth of the time of mining the reports. It is paused while mining (``cycles_paused``) and runs as
before afterwards; what cycles mining leaves are collected then.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import functools
import gc
import sys
from collections.abc import Iterator
from contextlib import contextmanager

#: blocks of this many bytes or more are mapped on their own (glibc's M_MMAP_THRESHOLD): the index's
#: largest arrays
LARGE = 1 << 22
M_MMAP_THRESHOLD = -3


@functools.cache
def _libc():
    """glibc, on Linux (None elsewhere or where it cannot be loaded); looked up once."""
    if not sys.platform.startswith("linux"):
        return None
    try:
        return ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6")
    except OSError:
        return None


def give_back_large_blocks() -> bool:
    """Set glibc's mmap threshold to ``LARGE`` for this process; whether it was set."""
    try:
        return bool(_libc().mallopt(M_MMAP_THRESHOLD, LARGE))
    except AttributeError:                 # no libc, or a libc without mallopt (musl)
        return False


def give_back_free_pages() -> bool:
    """Give the heap's free pages back to the system (glibc's malloc_trim); whether it could."""
    try:
        _libc().malloc_trim(0)
        return True
    except AttributeError:                 # no libc, or a libc without malloc_trim
        return False


@contextmanager
def cycles_paused() -> Iterator[None]:
    """Python's cycle collector paused for the block (as it was afterwards); processes forked meanwhile
    (the map's workers, the side process) start with it paused too."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()
