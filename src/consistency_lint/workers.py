"""Where the per-document stage runs (`--jobs`, `--executor`, `--scheduler`); a module of
its own so that the command line can name executors without importing the pipeline."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from consistency_lint.errors import UsageError

# The transports dask.distributed speaks without extra packages and across machines
# (`ucx://` and `ws://` need more packages, `inproc://` is one process's own).
SCHEDULER_SCHEMES = ("tcp", "tls")
DEFAULT_SCHEME = "tcp"  # what Dask reads `HOST:PORT` as
MAX_PORT = 65535


class Executor(StrEnum):
    PROCESSES = "processes"  # forked worker processes on this machine
    DASK = "dask"  # dask.distributed workers: a LocalCluster, or a cluster's scheduler


@dataclass(frozen=True)
class Workers:
    """Where the per-document stage runs."""

    jobs: int = 1  # worker processes (on a LocalCluster too)
    executor: Executor = Executor.PROCESSES
    scheduler: str | None = None  # address of an existing Dask scheduler


def checked_scheduler(address: str) -> str:
    """`address` when it is `SCHEME://HOST:PORT` (or `HOST:PORT`) with a scheme of
    SCHEDULER_SCHEMES; else UsageError, before any work starts."""
    scheme, separator, location = address.partition("://")
    if not separator:
        scheme, location = DEFAULT_SCHEME, address
    if scheme not in SCHEDULER_SCHEMES:
        raise UsageError(f"--scheduler {address}: the {scheme}:// transport is not supported "
                         f"(use {' or '.join(f'{known}://' for known in SCHEDULER_SCHEMES)})")
    host, _, port = location.rpartition(":")
    if not host or not (port.isascii() and port.isdigit() and 0 < int(port) <= MAX_PORT):
        raise UsageError(f"--scheduler {address}: not an address such as tcp://10.0.0.5:8786")
    return address
