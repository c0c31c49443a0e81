"""The Dask executor: the per-document stage as dask.distributed tasks, on a LocalCluster
started for the run (`--executor dask`) or on an existing cluster (`--scheduler ADDRESS`).
Imported only when asked for, so that a run on one machine pays for none of it (asyncio,
signal handling, the client).

Dask workers read the files themselves: they must see the project at the same absolute path
(a shared file system) and have the same consistency-lint installed.
"""

from __future__ import annotations

import asyncio
import logging
import signal
import threading
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from typing import TYPE_CHECKING, TypeVar

from consistency_lint.errors import UsageError

if TYPE_CHECKING:
    from distributed import Client
    from distributed.security import Security

Work = TypeVar("Work")
Item = TypeVar("Item")
Result = TypeVar("Result")

CONNECT_TIMEOUT_SECONDS = 10


def run_tasks(process: Callable[[Work, list[Item]], Result], work: Work,
              chunks: Sequence[list[Item]], scheduler: str | None,
              workers: int) -> Iterator[Result]:
    """`process(work, chunk)` for every chunk, as Dask tasks; results as they complete.
    `work` is sent to every worker once, not with every task."""
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
        with _interrupts_ignored():
            # Failures reach the run as the tasks' exceptions; distributed's own logs would
            # only add tracebacks as an interrupted run stops.
            cluster = LocalCluster(n_workers=workers, threads_per_worker=1, processes=True,
                                   dashboard_address=None, silence_logs=logging.CRITICAL)
        try:
            with Client(cluster) as client:
                yield client
        except KeyboardInterrupt:
            # Requests cut short fail inside distributed's event loop as the cluster stops,
            # each logged with a traceback ("Task exception was never retrieved").
            logging.getLogger("asyncio").setLevel(logging.CRITICAL)
            raise
        finally:
            with _interrupts_ignored():  # a second Ctrl-C must not leave the workers running
                cluster.close()
        return
    security = _security(scheduler)
    _check_answers(scheduler, security)
    try:
        client = Client(scheduler, timeout=CONNECT_TIMEOUT_SECONDS, security=security)
    except (OSError, TimeoutError, ValueError) as error:
        raise UsageError(f"cannot reach the Dask scheduler at {scheduler}: {error}") from None
    with client:
        yield client


@contextmanager
def _interrupts_ignored() -> Iterator[None]:
    """Ctrl-C ignored inside, by this process and by the processes it starts there. A terminal
    sends Ctrl-C to every process of the job: LocalCluster workers started inside ignore it
    (each would print a traceback), this process gets it once they run and stops them, and
    a second Ctrl-C does not cut stopping them short."""
    if threading.current_thread() is not threading.main_thread():
        yield  # only the main thread may set signal handlers
        return
    previous = signal.signal(signal.SIGINT, signal.SIG_IGN)
    try:
        yield
    finally:
        signal.signal(signal.SIGINT, signal.SIG_DFL if previous is None else previous)


def _security(scheduler: str) -> Security:
    """Dask's TLS settings (`distributed.comm.tls.*` in its configuration), without which a
    tls:// scheduler cannot be reached."""
    from distributed.comm.addressing import parse_address
    from distributed.security import Security

    security = Security()
    if parse_address(scheduler)[0] == "tls" \
            and security.get_connection_args("client")["ssl_context"] is None:
        raise UsageError(f"--scheduler {scheduler}: tls:// needs Dask's TLS settings "
                         "(distributed.comm.tls.ca-file, .client.cert and .client.key)")
    return security


def _check_answers(scheduler: str, security: Security) -> None:
    """One connection and handshake with the scheduler, each within CONNECT_TIMEOUT_SECONDS:
    distributed's own timeout bounds the TCP connect but not the handshake after it, so a
    server that accepts and never answers (a wrong port, a proxy) would hold `Client()`."""
    from distributed.comm.core import connect

    async def handshake() -> None:
        comm = await connect(scheduler, timeout=CONNECT_TIMEOUT_SECONDS,
                             **security.get_connection_args("client"))
        await comm.close()

    try:
        asyncio.run(asyncio.wait_for(handshake(), 2 * CONNECT_TIMEOUT_SECONDS))
    except TimeoutError:
        raise UsageError(f"the Dask scheduler at {scheduler} accepted the connection but did "
                         f"not answer within {CONNECT_TIMEOUT_SECONDS} s") from None
    except OSError as error:
        raise UsageError(f"cannot reach the Dask scheduler at {scheduler}: {error}") from None
