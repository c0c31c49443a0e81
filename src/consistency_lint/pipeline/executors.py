"""Where the per-document stage runs: in this process, in forked worker processes
(`--jobs N`), or as dask.distributed tasks (`--executor dask`) on a LocalCluster started for
the run or on an existing cluster (`--scheduler ADDRESS`), for archives too large for one
machine's cores.

The items are split into contiguous chunks, each handled by one task; results come back as
tasks complete, and the caller puts them back in order, so the report depends neither on
the number of workers nor on the executor. The Dask executor is `dask_executor.py`.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from functools import partial
from multiprocessing import get_context
from typing import Any, TypeVar

from consistency_lint.workers import Executor, Workers

Work = TypeVar("Work")
Item = TypeVar("Item")
Result = TypeVar("Result")

CHUNKS_PER_JOB = 4  # smaller chunks balance the load between workers
MAX_CHUNK_ITEMS = 250  # a task's results stay small on an archive of a million files


def run_chunks(process: Callable[[Work, list[Item]], Result], work: Work,
               items: Sequence[Item], workers: Workers,
               warm_up: Callable[[Work], None]) -> Iterator[Result]:
    """`process(work, chunk)` for every chunk of `items`, where `workers` says; results as
    they complete. `warm_up(work)` runs before worker processes are forked, so that they
    share what it builds instead of each building its own."""
    chunks = _chunks(items, workers.jobs)
    if workers.executor is Executor.DASK and chunks:
        from consistency_lint.pipeline.dask_executor import run_tasks  # only when asked for

        yield from run_tasks(process, work, chunks, workers.scheduler, workers.jobs)
        return
    if workers.jobs <= 1 or len(chunks) <= 1:
        yield from map(partial(process, work), chunks)
        return
    warm_up(work)
    context = get_context("fork")  # workers inherit the loaded pipelines and packs
    with ProcessPoolExecutor(max_workers=workers.jobs, mp_context=context,
                             initializer=_remember, initargs=(process, work)) as pool:
        yield from pool.map(_process_in_worker, chunks)


def _chunks(items: Sequence[Item], jobs: int) -> list[list[Item]]:
    if not items:
        return []
    size = min(MAX_CHUNK_ITEMS,
               max(1, math.ceil(len(items) / (max(jobs, 1) * CHUNKS_PER_JOB))))
    return [list(items[start:start + size]) for start in range(0, len(items), size)]


# Set once in each forked worker process by _remember: the task and what it works with.
_worker_task: list[tuple[Callable[[Any, list[Any]], Any], Any]] = []


def _remember(process: Callable[[Any, list[Any]], Any], work: Any) -> None:
    _worker_task.append((process, work))


def _process_in_worker(chunk: list[Any]) -> Any:
    process, work = _worker_task[0]
    return process(work, chunk)

