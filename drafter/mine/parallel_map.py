"""The map of mining: a function over items in worker processes, results in the items' order.

``jobs`` is the number of processes (None or 0: all cores; 1: in this process). Results come back
in the order of the items whatever the order the workers finish in, so the output of mining does
not depend on ``jobs``. ``progress(stage, done, total)`` is called after each item.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Iterator, Sequence

Progress = Callable[[str, int, int], None]


def cores() -> int:
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # pragma: no cover - not on Linux
        return os.cpu_count() or 1


def pmap(fn, items: Sequence, jobs: int | None = None, progress: Progress | None = None, stage: str = "") -> Iterator:
    """``fn`` over ``items``, in order, in ``jobs`` processes."""
    jobs = cores() if not jobs else jobs
    total = len(items)
    if progress:
        progress(stage, 0, total)
    if jobs <= 1 or total <= 1:
        for i, item in enumerate(items):
            out = fn(item)
            if progress:
                progress(stage, i + 1, total)
            yield out
        return
    from concurrent.futures import ProcessPoolExecutor
    import multiprocessing

    context = multiprocessing.get_context("fork" if "fork" in multiprocessing.get_all_start_methods() else "spawn")
    with ProcessPoolExecutor(max_workers=min(jobs, total), mp_context=context) as pool:
        for i, out in enumerate(pool.map(fn, items, chunksize=max(1, total // (jobs * 8)))):
            if progress:
                progress(stage, i + 1, total)
            yield out


def chunks(items: Iterable, size: int) -> Iterator[list]:
    batch: list = []
    for item in items:
        batch.append(item)
        if len(batch) == size:
            yield batch
            batch = []
    if batch:
        yield batch
