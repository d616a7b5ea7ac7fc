"""``drafter mine --scheduler``: the per-document map on a Dask cluster that the test starts (two worker
processes on a real tcp:// address) gives the same bytes as a local run; a scheduler that cannot be
used, or Dask not installed, is one line."""

from __future__ import annotations

import os
import socket
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from drafter.cli import app
from drafter.mine.parallel_map import pmap

# CI installs the test extra, which holds dask[distributed]: there the test never skips.
distributed = pytest.importorskip("distributed") if not os.environ.get("CI") else __import__("distributed")

SEEDS = Path(__file__).resolve().parents[2] / "examples" / "corpus"


@pytest.fixture(scope="module")
def scheduler():
    """The address of a local cluster of two worker processes, closed after the module."""
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True, host="127.0.0.1",
                                  dashboard_address=None) as cluster:
        yield cluster.scheduler_address


def tree(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def mine(*args: str):
    return CliRunner().invoke(app, ["mine", str(SEEDS), *args], env={"COLUMNS": "200"})


def test_mining_on_dask_writes_the_bytes_of_a_local_run(scheduler, tmp_path):
    assert scheduler.startswith("tcp://127.0.0.1:")
    local, remote = tmp_path / "local", tmp_path / "dask"
    assert mine("-o", str(local), "--jobs", "1").exit_code == 0
    run = mine("-o", str(remote), "--scheduler", scheduler)
    assert run.exit_code == 0, run.output
    assert "读入文档" in run.stdout and run.stderr == ""
    assert tree(remote) == tree(local)
    assert len(tree(local)) > 5


def test_pmap_on_dask_keeps_the_items_order_and_tells_progress(scheduler):
    told = []
    items = list(range(100))
    out = list(pmap(str, items, progress=lambda stage, done, total: told.append((stage, done, total)),
                    stage="read", scheduler=scheduler))
    assert out == [str(i) for i in items]
    assert told[0] == ("read", 0, 100) and told[-1] == ("read", 100, 100) and len(told) == 101


def test_a_drafter_other_than_this_one_on_the_cluster_is_one_line(scheduler, tmp_path, monkeypatch):
    monkeypatch.setattr("drafter.__version__", "0.0.0-not-this")
    run = mine("-o", str(tmp_path / "out"), "--scheduler", scheduler)
    assert run.exit_code == 1
    assert run.stderr.strip() == (f"drafter: 错误：Dask 集群 {scheduler} 的调度器或工作进程没有装 drafter "
                                  f"0.0.0-not-this：它们都要装与本机相同的版本")


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def test_a_scheduler_that_does_not_answer_is_one_line(tmp_path):
    address = f"tcp://127.0.0.1:{free_port()}"
    run = mine("-o", str(tmp_path / "out"), "--scheduler", address)
    assert run.exit_code == 1
    assert run.stderr == f"drafter: 错误：连不上 Dask 调度器 {address}：请确认地址、端口，且调度器正在运行\n"
    assert not (tmp_path / "out").exists()


@pytest.mark.parametrize("address", ["tcp://", "http://host:8786", "host:port"])
def test_a_malformed_address_is_a_usage_mistake(address, tmp_path):
    run = mine("-o", str(tmp_path / "out"), "--scheduler", address)
    assert run.exit_code == 2
    assert run.stderr == f"drafter: 错误：Dask 调度器地址有误：{address}（应如 tcp://host:8786）\n"


def test_without_dask_the_scheduler_option_says_how_to_install_it(tmp_path, monkeypatch):
    monkeypatch.setitem(sys.modules, "distributed", None)        # import distributed fails
    run = mine("-o", str(tmp_path / "out"), "--scheduler", "tcp://127.0.0.1:8786")
    assert run.exit_code == 2
    assert run.stderr == "drafter: 错误：--scheduler 需要 Dask，请先安装：pip install 'drafter[dask]'\n"
