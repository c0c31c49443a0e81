"""Where the per-document stage runs (`--jobs`, `--executor`, `--scheduler`); a module of
its own so that the command line can name executors without importing the pipeline."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum


class Executor(StrEnum):
    PROCESSES = "processes"  # forked worker processes on this machine
    DASK = "dask"  # dask.distributed workers: a LocalCluster, or a cluster's scheduler


@dataclass(frozen=True)
class Workers:
    """Where the per-document stage runs."""

    jobs: int = 1  # worker processes (on a LocalCluster too)
    executor: Executor = Executor.PROCESSES
    scheduler: str | None = None  # address of an existing Dask scheduler
