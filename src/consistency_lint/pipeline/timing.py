"""Seconds a run spends per phase, for the time split that the benchmark reports."""

from __future__ import annotations

import time
from collections import defaultdict
from collections.abc import Iterator
from contextlib import contextmanager
from typing import TypeVar

PhaseSeconds = defaultdict[str, float]
_Item = TypeVar("_Item")


@contextmanager
def timed(seconds: PhaseSeconds, phase: str) -> Iterator[None]:
    """Add the time spent inside the block to `seconds[phase]`."""
    started = time.perf_counter()
    try:
        yield
    finally:
        seconds[phase] += time.perf_counter() - started


def timed_items(items: Iterator[_Item], seconds: PhaseSeconds, phase: str) -> Iterator[_Item]:
    """Yield from `items`, counting only the time spent producing each item (not the time
    the consumer spends between items)."""
    while True:
        with timed(seconds, phase):
            try:
                item = next(items)
            except StopIteration:
                return
        yield item
