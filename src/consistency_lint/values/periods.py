"""A stated period against a period the law fixes: how long, in calendar terms, a period
the text states may turn out to be, and whether it keeps a legal bound whatever the
calendar does.

The law counts in calendar days and months (art. 111–115 k.c.); texts often say working
days or months where the law says days, or days where it says years. A stated period is
therefore an interval, its SHORTEST and LONGEST calendar length:

- working days: the weekends they may span, counting from the worst weekday (10 working
  days from a Monday are 12 calendar days, from a Saturday 14). Public holidays are not
  counted, so the longest length is the least a reader may have to wait;
- months: the calendar months they may span (one month is 28 to 31 days, six months 181
  to 184), and days read as months the other way round (30 days are 30/31 to 30/28 of a
  month);
- weeks are seven days and hours a 24th of a day, whatever the calendar.

A legal MINIMUM is kept only if the shortest length reaches it, a legal MAXIMUM only if the
longest stays within it: `at_least`/`at_most` hold when every reading keeps the bound,
`below`/`above` when some reading breaks it (a prohibition's trigger).
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import ROUND_CEILING, Decimal
from functools import cache

from consistency_lint.model import BUSINESS_DAY, DAY, Value

MONTH = "month"
HOUR = "hour"
WORKING_WEEK = 5  # working days in a week
WEEKEND = 2  # days off between two working weeks
HOURS_PER_DAY = Decimal(24)
# Month lengths over one leap-year cycle: a run of months starting anywhere in it is as
# long as some run of the same months in any other cycle.
_CYCLE = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31] * 3 + [
    31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
_SHORTEST_MONTH, _LONGEST_MONTH = Decimal(min(_CYCLE)), Decimal(max(_CYCLE))

PERIOD_UNITS = frozenset({DAY, BUSINESS_DAY, MONTH, HOUR})

Span = tuple[Decimal, Decimal]  # (shortest, longest)


@dataclass(frozen=True)
class LegalBounds:
    """What a rule demands of a period (or amount), in `unit`: a minimum or maximum it must
    keep (`at_least`, `at_most`), or one it must break (`below`, `above`), or an amount it
    must not be (`other_than`)."""

    unit: str | None = None  # None: compare the stated numbers as they are
    at_least: Decimal | None = None
    at_most: Decimal | None = None
    below: Decimal | None = None
    above: Decimal | None = None
    other_than: Decimal | None = None


def within(value: Value, bounds: LegalBounds) -> bool:
    """Whether the period the customer is told (the value's upper end: "do 10 dni" is 10,
    "5–7 dni" is 7) meets `bounds` however the calendar falls; a value without an amount
    always does."""
    if value.high is None:
        return True
    span = calendar_span(value.high, value.unit, bounds.unit)
    if span is None:
        return False
    shortest, longest = span
    return ((bounds.at_least is None or shortest >= bounds.at_least)
            and (bounds.at_most is None or longest <= bounds.at_most)
            and (bounds.below is None or shortest < bounds.below)
            and (bounds.above is None or longest > bounds.above)
            and (bounds.other_than is None
                 or not shortest == longest == bounds.other_than))


def calendar_span(amount: Decimal, unit: str, target: str | None) -> Span | None:
    """The shortest and longest length, in `target` (calendar days, months or hours), of a
    period of `amount` in `unit`; the amount itself when the units are the same, `target`
    is None or either is no period's unit (an amount of money, a percentage); None when
    `target` is working days, which no other period converts to."""
    if target is None or unit == target or not {unit, target} <= PERIOD_UNITS:
        return amount, amount
    days = _in_days(amount, unit)
    if target == DAY:
        return days
    if target == HOUR:
        return days[0] * HOURS_PER_DAY, days[1] * HOURS_PER_DAY
    if target == MONTH:
        return days[0] / _LONGEST_MONTH, days[1] / _SHORTEST_MONTH
    return None


def _in_days(amount: Decimal, unit: str) -> Span:
    """A period in one of PERIOD_UNITS, in calendar days."""
    if unit == DAY:
        return amount, amount
    if unit == HOUR:
        return amount / HOURS_PER_DAY, amount / HOURS_PER_DAY
    if unit == BUSINESS_DAY:
        return working_days_span(_whole(amount))
    whole = int(amount)  # months
    part = amount - whole
    shortest, longest = months_span(whole)
    return shortest + part * _SHORTEST_MONTH, longest + part * _LONGEST_MONTH


def working_days_span(count: int) -> Span:
    """Calendar days that `count` working days take: from a Monday, the weekends between
    the working weeks only (10 -> 12); from a Saturday, a weekend first and after every
    working week begun (10 -> 14)."""
    if count <= 0:
        return Decimal(0), Decimal(0)
    shortest = count + WEEKEND * ((count - 1) // WORKING_WEEK)
    longest = count + WEEKEND * -(-count // WORKING_WEEK)
    return Decimal(shortest), Decimal(longest)


@cache
def months_span(count: int) -> Span:
    """Calendar days that `count` consecutive months take, from the shortest run (from
    February of a common year) to the longest (July and August together)."""
    if count <= 0:
        return Decimal(0), Decimal(0)
    cycle = _CYCLE * (count // len(_CYCLE) + 2)
    lengths = [sum(cycle[start:start + count]) for start in range(len(_CYCLE))]
    return Decimal(min(lengths)), Decimal(max(lengths))


def _whole(amount: Decimal) -> int:
    """A part of a working day is a working day begun."""
    return int(amount.to_integral_value(rounding=ROUND_CEILING))
