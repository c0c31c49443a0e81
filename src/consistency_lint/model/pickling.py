"""Fast pickling for the slotted dataclasses that worker processes send back to the main
process (pickle is used only there, between our own processes; the cache is plain data)."""

from __future__ import annotations

from dataclasses import fields
from typing import Any, TypeVar

_Slotted = TypeVar("_Slotted")


def pickled_by_constructor(cls: type[_Slotted]) -> type[_Slotted]:
    """Pickle a slotted dataclass as a call of its constructor.

    Python 3.11's generic `__setstate__` for slotted dataclasses looks up `fields()` for
    every object, which made unpickling worker results four times slower.
    """
    names = tuple(item.name for item in fields(cls))  # type: ignore[arg-type]

    def reduce(self: Any) -> tuple[type[_Slotted], tuple[Any, ...]]:
        return cls, tuple(getattr(self, name) for name in names)

    cls.__reduce__ = reduce  # type: ignore[method-assign]
    return cls
