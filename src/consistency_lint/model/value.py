"""A normalised value ("2 499 zł" -> 2499.00 PLN) and where it was found in a text."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from enum import StrEnum

from consistency_lint.model.pickling import pickled_by_constructor


class ValueType(StrEnum):
    MONEY = "money"
    DURATION = "duration"
    PERCENT = "percent"
    PHONE = "phone"
    EMAIL = "email"
    URL = "url"
    HOURS = "hours"
    DATE = "date"
    VOLUME = "volume"
    NUMBER = "number"
    TEXT = "text"


class Bound(StrEnum):
    EXACT = "exact"
    RANGE = "range"
    AT_LEAST = "at_least"
    AT_MOST = "at_most"


@pickled_by_constructor
@dataclass(frozen=True, slots=True)
class Value:
    """Numeric values keep `low`/`high` and a unit; the others a canonical `text`."""

    type: ValueType
    unit: str = ""
    low: Decimal | None = None
    high: Decimal | None = None
    bound: Bound = Bound.EXACT
    text: str = ""

    def canonical(self) -> str:
        if self.low is None and self.high is None:
            return self.text
        unit = f" {self.unit}" if self.unit else ""
        if self.bound is Bound.RANGE:
            return f"{_number(self.low, self.type)}-{_number(self.high, self.type)}{unit}"
        if self.bound is Bound.AT_LEAST:
            return f">={_number(self.low, self.type)}{unit}"
        if self.bound is Bound.AT_MOST:
            return f"<={_number(self.high, self.type)}{unit}"
        return f"{_number(self.low, self.type)}{unit}"

    def agrees_with(self, other: Value) -> bool:
        """Whether two statements of the same fact can both be true.

        "w ciągu 14 dni" (at most 14) agrees with "14 dni"; "5 dni" lies within "3–5 dni";
        "do 10 dni" does not agree with "3–5 dni", whose upper end is 5. Opening hours are
        compared day by day, on the days both state: "sob. 9–14" says nothing against
        "pn.–pt. 8–20".
        """
        if (self.type, self.unit) != (other.type, other.unit):
            return False
        if self.canonical() == other.canonical():
            return True
        if self.type is ValueType.HOURS:
            mine, theirs = _days(self.text), _days(other.text)
            return all(mine[day] == theirs[day] for day in mine.keys() & theirs.keys())
        if self.low is None or other.low is None:
            return False
        return _bounds_agree(self, other) or _bounds_agree(other, self)


DAY_NAMES = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")  # as schedules write them


def _days(schedule: str) -> dict[str, str]:
    """ "mon-fri 08:00-20:00; sat 09:00-14:00" -> {"mon": "08:00-20:00", ..., "sat": ...}."""
    days: dict[str, str] = {}
    for item in schedule.split("; "):
        span, _, hours = item.partition(" ")
        first, _, last = span.partition("-")
        if first not in DAY_NAMES or (last and last not in DAY_NAMES):
            continue
        start, end = DAY_NAMES.index(first), DAY_NAMES.index(last or first)
        for day in DAY_NAMES[start:end + 1]:
            days[day] = hours
    return days


def _bounds_agree(first: Value, second: Value) -> bool:
    if first.bound is Bound.AT_MOST and second.bound in (Bound.EXACT, Bound.RANGE):
        return first.high == second.high
    if first.bound is Bound.AT_LEAST and second.bound in (Bound.EXACT, Bound.RANGE):
        return first.low == second.low
    if first.bound is Bound.RANGE and second.bound is Bound.EXACT:
        assert first.low is not None and first.high is not None and second.low is not None
        return first.low <= second.low <= first.high
    return False


def _number(value: Decimal | None, value_type: ValueType) -> str:
    if value is None:
        return "?"
    if value_type is ValueType.MONEY:
        return f"{value:.2f}"
    normalised = value.normalize()
    return f"{normalised:f}"


@pickled_by_constructor
@dataclass(frozen=True, slots=True)
class ValueMatch:
    """A value found at text[start:end]."""

    start: int
    end: int
    text: str
    value: Value
