"""Durations: "14 dni", "czternastu dni", "dwa tygodnie", "24 miesiące", "2 lata",
"5–7 dni roboczych", "do 10 dni", "14-dniowy". Weeks become days, years become months;
business days stay apart from calendar days."""

from __future__ import annotations

import re
from collections.abc import Iterator
from decimal import Decimal
from functools import cache

from consistency_lint.model import BUSINESS_DAY, DAY, Value, ValueMatch, ValueType
from consistency_lint.nlp.lexicon import language_profile, lexicon
from consistency_lint.values.grammar import (
    bound_pattern,
    compile_pattern,
    numeric_values,
    range_pattern,
    word_alternation,
)

CANONICAL_UNITS = {"day": (DAY, 1), "week": (DAY, 7), "month": ("month", 1),
                   "year": ("month", 12), "hour": ("hour", 1)}
UNITS = frozenset({unit for unit, _ in CANONICAL_UNITS.values()} | {BUSINESS_DAY})


@cache
def pattern(language: str, words: bool) -> re.Pattern[str]:
    vocabulary = lexicon(language)
    unit = word_alternation(vocabulary.duration_units)
    qualifier = word_alternation(
        vocabulary.business_day_qualifiers | vocabulary.calendar_day_qualifiers)
    return compile_pattern(
        f"(?:{bound_pattern(language)})?{range_pattern(language, words)}\\s*-?\\s*"
        f"(?:(?P<before>{qualifier})\\s+)?(?P<unit>{unit})(?:\\s+(?P<after>{qualifier}))?"
    )


def extract(text: str, language: str) -> Iterator[ValueMatch]:
    vocabulary = lexicon(language)

    def canonical_unit(match: re.Match[str]) -> tuple[str, Decimal]:
        base_unit = vocabulary.duration_units[match.group("unit").lower()]
        qualifier = (match.group("before") or match.group("after") or "").lower()
        unit, factor = CANONICAL_UNITS[base_unit]
        if base_unit == "day" and qualifier in vocabulary.business_day_qualifiers:
            unit = BUSINESS_DAY
        return unit, Decimal(factor)

    yield from numeric_values(text, language, pattern, ValueType.DURATION, canonical_unit)
    yield from _compounds(text, language)


@cache
def _compound_pattern(language: str) -> re.Pattern[str] | None:
    """ "14-dniowy", "30-dniowego", "2-letnia": number-unit compound adjectives, by the stems
    of the language's profile (None for a language that has none)."""
    stems = language_profile(language).duration_compounds
    if not stems:
        return None
    return re.compile(rf"(?<![\w])(?P<low>\d{{1,3}})-(?P<stem>{'|'.join(stems)})\w*",
                      re.IGNORECASE)


def _compounds(text: str, language: str) -> Iterator[ValueMatch]:
    compound = _compound_pattern(language)
    if compound is None:
        return
    units = language_profile(language).duration_compounds
    for match in compound.finditer(text):
        unit, factor = CANONICAL_UNITS[units[match.group("stem").lower()]]
        amount = Decimal(match.group("low")) * factor
        value = Value(ValueType.DURATION, unit, amount, amount)
        yield ValueMatch(match.start(), match.end(), match.group(), value)
