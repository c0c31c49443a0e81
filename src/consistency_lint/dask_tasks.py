"""`--executor dask`: the per-document stage as dask.distributed tasks, on a LocalCluster
started for the run or on an existing cluster (`--scheduler ADDRESS`), for archives too
large for one machine's cores.

Each task handles one chunk of files and returns its outcomes; they are put back in file
order before anything is merged, so the report does not depend on which worker finished
first. Workers read the files themselves: they must see the project at the same absolute
path (a shared file system) and have the same consistency-lint installed.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from typing import TYPE_CHECKING, TypeVar

from consistency_lint.errors import UsageError

if TYPE_CHECKING:
    from distributed import Client

Work = TypeVar("Work")
Chunk = TypeVar("Chunk")
Result = TypeVar("Result")

CONNECT_TIMEOUT_SECONDS = 10


def run_tasks(process: Callable[[Work, Chunk], Result], work: Work, chunks: Sequence[Chunk],
              scheduler: str | None, workers: int) -> Iterator[Result]:
    """`process(work, chunk)` for every chunk, as tasks; results as they complete. `work`
    is sent to every worker once, not with every task."""
    with _client(scheduler, workers) as client:
        from distributed import as_completed

        shared = client.scatter(work, broadcast=True)
        futures = client.map(process, [shared] * len(chunks), chunks, pure=False)
        for future in as_completed(futures):
            yield future.result()


@contextmanager
def _client(scheduler: str | None, workers: int) -> Iterator[Client]:
    try:
        from distributed import Client, LocalCluster
    except ImportError:
        raise UsageError("--executor dask needs dask.distributed: "
                         "pip install 'consistency-lint[dask]'") from None
    if scheduler is None:
        with LocalCluster(n_workers=workers, threads_per_worker=1, processes=True,
                          dashboard_address=None, silence_logs=logging.ERROR) as cluster, \
                Client(cluster) as client:
            yield client
        return
    try:
        client = Client(scheduler, timeout=CONNECT_TIMEOUT_SECONDS)
    except (OSError, TimeoutError, ValueError) as error:
        raise UsageError(f"cannot reach the Dask scheduler at {scheduler}: {error}") from None
    with client:
        yield client
