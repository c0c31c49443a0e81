"""The table of periods and legal bounds (periods.yaml): a stated period keeps a legal
minimum only by its shortest calendar length and a maximum only by its longest."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
import yaml

from consistency_lint.model import ValueType
from consistency_lint.values.extraction import parse_value
from consistency_lint.values.periods import (
    LegalBounds,
    calendar_span,
    months_span,
    within,
    working_days_span,
)

TABLE = yaml.safe_load((Path(__file__).parent / "periods.yaml").read_text(encoding="utf-8"))


def _bounds(text: str) -> LegalBounds:
    kind, amount, unit = text.split()
    return LegalBounds(unit, **{kind: Decimal(amount)})


def _cases() -> list[Any]:
    return [pytest.param(statement, bound, keeps, id=f"{bound}: {statement}")
            for bound, rows in TABLE.items() for statement, keeps in rows]


@pytest.mark.parametrize(("statement", "bound", "keeps"), _cases())
def test_a_stated_period_keeps_a_legal_bound_only_however_the_calendar_falls(
        statement: str, bound: str, keeps: bool) -> None:
    value = parse_value(ValueType.DURATION, statement, "pl")
    assert value is not None, statement
    assert within(value, _bounds(bound)) is keeps


@pytest.mark.parametrize(("statement", "bound", "keeps"), _cases())
def test_breaking_a_bound_is_not_keeping_it(statement: str, bound: str, keeps: bool) -> None:
    """`below`/`above` (a prohibition's trigger) are the opposites of `at_least`/`at_most`."""
    value = parse_value(ValueType.DURATION, statement, "pl")
    assert value is not None
    kind, amount, unit = bound.split()
    opposite = {"at_least": "below", "at_most": "above"}[kind]
    assert within(value, LegalBounds(unit, **{opposite: Decimal(amount)})) is not keeps


@pytest.mark.parametrize(("count", "shortest", "longest"),
                         [(1, 1, 3), (5, 5, 7), (6, 8, 10), (10, 12, 14), (12, 16, 18),
                          (14, 18, 20), (0, 0, 0)])
def test_working_days_span_the_weekends_of_the_worst_start(
        count: int, shortest: int, longest: int) -> None:
    assert working_days_span(count) == (Decimal(shortest), Decimal(longest))


@pytest.mark.parametrize(("count", "shortest", "longest"),
                         [(1, 28, 31), (2, 59, 62), (6, 181, 184), (12, 365, 366),
                          (24, 730, 731), (48, 1461, 1461)])
def test_months_span_the_calendar_months_they_may_cover(
        count: int, shortest: int, longest: int) -> None:
    assert months_span(count) == (Decimal(shortest), Decimal(longest))


def test_amounts_that_are_no_periods_compare_as_stated() -> None:
    assert calendar_span(Decimal(49), "PLN", "EUR") == (Decimal(49), Decimal(49))
    assert calendar_span(Decimal(3), "day", "business_day") is None
    assert within(parse_value(ValueType.DURATION, "14 dni", "pl") or pytest.fail(),
                  LegalBounds("business_day", at_least=Decimal(10))) is False
