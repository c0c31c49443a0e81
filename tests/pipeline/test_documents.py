"""Workers change nothing but speed: one process, a pool of forked processes and Dask
workers (a LocalCluster, or a running scheduler) give byte-identical reports, whatever
order the chunks of files come back in."""

from __future__ import annotations

import io
import json
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import Any, TypeVar

import pytest
from distributed import LocalCluster
from typer.testing import CliRunner

from consistency_lint.cli import app
from consistency_lint.config import load_config
from consistency_lint.pipeline import RunOptions, dask_executor, run
from consistency_lint.report.json_report import write
from consistency_lint.workers import Executor, Workers
from tests.conftest import TODAY

SAMPLES = Path(__file__).parent.parent.parent / "samples"
Work = TypeVar("Work")
Chunk = TypeVar("Chunk")
Result = TypeVar("Result")


def _report(workers: Workers) -> str:
    stream = io.StringIO()
    write(run(load_config(SAMPLES), RunOptions(today=TODAY, workers=workers)), stream)
    return stream.getvalue()


@pytest.fixture(scope="module")
def single_process_report() -> str:
    return _report(Workers(1))


def test_two_worker_processes_give_the_same_report_as_one(single_process_report: str) -> None:
    assert _report(Workers(2)) == single_process_report
    report: dict[str, Any] = json.loads(single_process_report)
    assert len(report["findings"]) == 25 and len(report["documents"]) == 18


def test_dask_workers_on_a_local_cluster_give_the_same_report(
        single_process_report: str) -> None:
    assert _report(Workers(2, Executor.DASK)) == single_process_report


def test_chunks_finishing_in_reverse_order_give_the_same_report(
        single_process_report: str, monkeypatch: pytest.MonkeyPatch) -> None:
    def last_chunk_first(process: Callable[[Work, Chunk], Result], work: Work,
                         chunks: Sequence[Chunk], scheduler: str | None,
                         workers: int) -> Iterator[Result]:
        assert len(chunks) > 1
        return (process(work, chunk) for chunk in reversed(chunks))

    monkeypatch.setattr(dask_executor, "run_tasks", last_chunk_first)
    assert _report(Workers(2, Executor.DASK)) == single_process_report


def _check_json(*options: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(app, ["check", str(SAMPLES), "--format", "json", "--today",
                                      TODAY.isoformat(), "--no-cache", "--quiet", *options])
    return result.exit_code, result.stdout, result.stderr


def test_scheduler_option_runs_on_an_existing_cluster() -> None:
    with LocalCluster(n_workers=1, threads_per_worker=1, dashboard_address=None) as cluster:
        code, scheduled, _ = _check_json("--scheduler", cluster.scheduler_address)
    _, local, _ = _check_json("--jobs", "1")
    assert code == 1  # the samples hold errors
    assert json.loads(scheduled)["findings"] == json.loads(local)["findings"]


def test_unreachable_scheduler_is_one_clear_error(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(dask_executor, "CONNECT_TIMEOUT_SECONDS", 1)
    code, stdout, stderr = _check_json("--scheduler", "tcp://127.0.0.1:9")
    assert code == 2 and stdout == ""
    assert "cannot reach the Dask scheduler at tcp://127.0.0.1:9" in stderr
    assert "Traceback" not in stderr
