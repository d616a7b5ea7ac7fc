"""Timing shared by the benchmarks: the best of several rounds, each the mean of ``repeat`` calls."""

from __future__ import annotations

import time
from collections.abc import Callable


def best_of(fn: Callable[[], object], repeat: int, rounds: int = 5) -> float:
    """Seconds per call of ``fn``: the fastest of ``rounds`` rounds of ``repeat`` calls each."""
    times = []
    for _ in range(rounds):
        start = time.perf_counter()
        for _ in range(repeat):
            fn()
        times.append((time.perf_counter() - start) / repeat)
    return min(times)
