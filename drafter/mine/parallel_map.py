"""The map of mining: a function over items in worker processes, results in the items' order.

``jobs`` is the number of processes (None or 0: all cores; 1: in this process). With
``scheduler`` (a Dask scheduler's address, ``tcp://host:8786``) the items go to that cluster's
workers instead, which must have drafter installed and see the same files at the same paths.
Results come back in the order of the items whatever the order the workers finish in, so the
output of mining depends neither on ``jobs`` nor on where it ran. ``progress(stage, done, total)``
is called after each item.
"""

from __future__ import annotations

import os
import re
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from typing import TypeVar

from drafter.errors import DrafterError

Progress = Callable[[str, int, int], None]
T = TypeVar("T")

#: seconds to wait for a scheduler to answer, and for it to have a worker
CONNECT_TIMEOUT = 10
#: ``tcp://host:port`` (or tls), the scheme and the port optional as in Dask
ADDRESS = re.compile(r"^(?:(?:tcp|tls)://)?(?P<host>[\w.-]+|\[[0-9a-fA-F:.]+\])(?::(?P<port>\d{1,5}))?$")
#: the port of a Dask scheduler whose address gives none
DASK_PORT = 8786


class SchedulerError(DrafterError):
    """A Dask scheduler that cannot be used: a bad address, no answer, no worker, no drafter there."""


class DaskMissing(SchedulerError):
    """``scheduler`` given, but Dask's distributed package is not installed here."""


class BadAddress(SchedulerError):
    """A scheduler address that is not ``tcp://host:port``."""


def cores() -> int:
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # pragma: no cover - not on Linux
        return os.cpu_count() or 1


def pmap(fn, items: Sequence, jobs: int | None = None, progress: Progress | None = None, stage: str = "", *,
         scheduler: str | None = None) -> Iterator:
    """``fn`` over ``items``, in order, in ``jobs`` processes or on the Dask cluster at ``scheduler``."""
    jobs = cores() if not jobs else jobs
    total = len(items)
    if progress:
        progress(stage, 0, total)
    if scheduler:
        outs: Iterable = _on_dask(fn, items, scheduler)
    elif jobs <= 1 or total <= 1:
        outs = map(fn, items)
    else:
        outs = _in_processes(fn, items, jobs)
    for i, out in enumerate(outs):
        if progress:
            progress(stage, i + 1, total)
        yield out


def beside(fn: Callable[[], T], jobs: int | None) -> Callable[[], T]:
    """``fn()`` run in a forked process while this one goes on, when ``jobs`` gives more than one
    process; call what is returned for its result. Where there is no fork, one process or the child
    fails, ``fn()`` runs here when the result is asked for."""
    import multiprocessing

    if (cores() if not jobs else jobs) <= 1 or "fork" not in multiprocessing.get_all_start_methods():
        return fn
    context = multiprocessing.get_context("fork")
    receive, send = context.Pipe(duplex=False)
    child = context.Process(target=_send, args=(fn, send), daemon=True)
    child.start()
    send.close()

    def result() -> T:
        try:
            out = receive.recv()
        except (EOFError, OSError):
            out = None
        finally:
            receive.close()
            child.join()
        return fn() if out is None else out[0]

    return result


def _send(fn, conn) -> None:
    """In the forked process: ``fn()``'s result, sent whole (nothing when it fails: the parent runs it)."""
    try:
        out = fn()
    except BaseException:
        conn.close()
        return
    conn.send((out,))
    conn.close()


def _in_processes(fn, items: Sequence, jobs: int) -> Iterator:
    from concurrent.futures import ProcessPoolExecutor
    import multiprocessing

    total = len(items)
    context = multiprocessing.get_context("fork" if "fork" in multiprocessing.get_all_start_methods() else "spawn")
    with ProcessPoolExecutor(max_workers=min(jobs, total), mp_context=context) as pool:
        yield from pool.map(fn, items, chunksize=max(1, total // (jobs * 8)))


def _on_dask(fn, items: Sequence, scheduler: str) -> Iterator:
    """``fn`` over ``items`` on a Dask cluster, in batches, each batch's results yielded in order."""
    try:
        from distributed import Client
    except ImportError:
        raise DaskMissing("--scheduler 需要 Dask，请先安装：pip install 'drafter[dask]'") from None
    client = _connect(Client, scheduler)
    with client:
        try:
            client.wait_for_workers(1, timeout=CONNECT_TIMEOUT)
        except TimeoutError:
            raise SchedulerError(f"Dask 调度器 {scheduler} 没有工作进程") from None
        _check_versions(client, scheduler)
        slots = sum(client.nthreads().values()) or 1
        size = max(1, len(items) // (slots * 8))
        pending = deque(client.submit(_batch, fn, batch, pure=False) for batch in chunks(items, size))
        while pending:
            yield from pending.popleft().result()


def _connect(client: Callable, scheduler: str):
    """A Dask client of ``scheduler``; a port that refuses or a host unknown fails at once, one that
    does not answer in ``CONNECT_TIMEOUT`` seconds after that."""
    import socket

    address = ADDRESS.match(scheduler)
    if not address:
        raise BadAddress(f"Dask 调度器地址有误：{scheduler}（应如 tcp://host:8786）")
    host, port = address["host"].strip("[]"), int(address["port"] or DASK_PORT)
    try:
        socket.create_connection((host, port), timeout=CONNECT_TIMEOUT).close()
        return client(scheduler, timeout=CONNECT_TIMEOUT, set_as_default=False)
    except (OSError, ValueError):
        raise SchedulerError(f"连不上 Dask 调度器 {scheduler}：请确认地址、端口，且调度器正在运行") from None


def _check_versions(client, scheduler: str) -> None:
    """Fail unless the scheduler and every worker import this version of drafter: a task they cannot
    unpickle would fail, or leave the cluster without workers and the map waiting for ever."""
    from drafter import __version__

    try:
        found = {client.run_on_scheduler(_version), *client.run(_version).values()}
    except Exception:   # what a worker fails with comes back as a bare Exception
        found = {None}
    if found != {__version__}:
        raise SchedulerError(f"Dask 集群 {scheduler} 的调度器或工作进程没有装 drafter {__version__}："
                             f"它们都要装与本机相同的版本")


def _version() -> str:
    """The version of drafter where this runs (on the scheduler or a worker)."""
    from drafter import __version__

    return __version__


def _batch(fn, items: list) -> list:
    """``fn`` over a batch of items, on a worker."""
    return [fn(item) for item in items]


def chunks(items: Iterable, size: int) -> Iterator[list]:
    batch: list = []
    for item in items:
        batch.append(item)
        if len(batch) == size:
            yield batch
            batch = []
    if batch:
        yield batch
