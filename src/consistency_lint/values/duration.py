"""Durations: "14 dni", "czternastu dni", "dwa tygodnie", "24 miesiące", "2 lata",
"5–7 dni roboczych", "do 10 dni", "14-dniowy", and a unit named alone: "tydzień", "w ciągu
miesiąca", "rok". Weeks become days, years and quarters months; business days stay apart
from calendar days."""

from __future__ import annotations

import re
from collections.abc import Iterator
from decimal import Decimal
from functools import cache

from consistency_lint.model import BUSINESS_DAY, DAY, Bound, Value, ValueMatch, ValueType
from consistency_lint.nlp import morfeusz
from consistency_lint.nlp.lexicon import language_profile, lexicon
from consistency_lint.values.grammar import (
    bound_pattern,
    compile_pattern,
    numeric_values,
    range_pattern,
    unit_alternation,
    word_alternation,
)

CANONICAL_UNITS = {"day": (DAY, 1), "week": (DAY, 7), "month": ("month", 1),
                   "quarter": ("month", 3), "year": ("month", 12), "hour": ("hour", 1)}
# Words before a unit named alone that say which one it is, not how long: "w tym miesiącu",
# "każdy tydzień", "pierwszy rok" (as Morfeusz tags adjectives, pronouns among them).
_WHICH_ONE_TAGS = frozenset({"adj", "adja", "ppas", "pact"})
UNITS = frozenset({unit for unit, _ in CANONICAL_UNITS.values()} | {BUSINESS_DAY})


@cache
def pattern(language: str, words: bool) -> re.Pattern[str]:
    vocabulary = lexicon(language)
    unit = unit_alternation(vocabulary.duration_units)
    qualifier = word_alternation(
        vocabulary.business_day_qualifiers | vocabulary.calendar_day_qualifiers)
    return compile_pattern(
        f"(?:{bound_pattern(language)})?{range_pattern(language, words)}\\s*-?\\s*"
        f"(?:(?P<before>{qualifier})\\s+)?(?P<unit>{unit})(?:\\s+(?P<after>{qualifier}))?"
    )


def extract(text: str, language: str) -> Iterator[ValueMatch]:
    vocabulary = lexicon(language)

    ordinal_forms = language_profile(language).ordinal_unit_forms

    def canonical_unit(match: re.Match[str]) -> tuple[str, Decimal] | None:
        form = match.group("unit").lower()
        low = match.group("low")
        if form in ordinal_forms and low.isdigit() and int(low) > 1:
            return None  # "2027 roku" is a year, "13 roku życia" an ordinal
        base_unit = vocabulary.duration_units[form]
        qualifier = (match.group("before") or match.group("after") or "").lower()
        unit, factor = CANONICAL_UNITS[base_unit]
        if base_unit == "day" and qualifier in vocabulary.business_day_qualifiers:
            unit = BUSINESS_DAY
        return unit, Decimal(factor)

    yield from numeric_values(text, language, pattern, ValueType.DURATION, canonical_unit)
    yield from _compounds(text, language)
    yield from _implied_ones(text, language)


@cache
def _implied_one_pattern(language: str) -> re.Pattern[str] | None:
    """A unit named alone, after a bound word or not ("w ciągu miesiąca", "tydzień"); None
    for a language whose units are never named alone."""
    vocabulary = lexicon(language)
    if not vocabulary.implied_one:
        return None
    bounds = [word for word in (*vocabulary.at_least, *vocabulary.at_most)
              if word not in vocabulary.implied_one_not_after]
    return compile_pattern(f"(?:(?P<bound>{word_alternation(bounds)})\\s*)?"
                           f"(?P<unit>{word_alternation(vocabulary.implied_one)})"
                           r"(?!\s*\d)")  # "roku 2024" is a date


_LAST_WORD = re.compile(r"(\w+)\W*$")


def _implied_ones(text: str, language: str) -> Iterator[ValueMatch]:
    """One unit where a unit is named alone: "masz tydzień" (7 days), "w ciągu miesiąca"
    (at most a month). Without a bound word only the forms that say a length alone count
    ("do końca miesiąca" is a day, not a month), and not after a word that picks out which
    one ("co miesiąc", "w przyszłym tygodniu")."""
    compiled = _implied_one_pattern(language)
    if compiled is None:
        return
    vocabulary = lexicon(language)
    for match in compiled.finditer(text):
        form = match.group("unit").lower()
        bound_word = (match.group("bound") or "").lower().strip()
        if not bound_word and (form not in vocabulary.implied_one_alone
                               or _says_which_one(text[:match.start()], language)):
            continue
        unit, factor = CANONICAL_UNITS[vocabulary.duration_units[vocabulary.implied_one[form]]]
        bound = (Bound.AT_LEAST if bound_word in vocabulary.at_least
                 else Bound.AT_MOST if bound_word else Bound.EXACT)
        amount = Decimal(factor)
        value = Value(ValueType.DURATION, unit, amount, amount, bound)
        yield ValueMatch(match.start(), match.end(), match.group(), value)


def _says_which_one(before: str, language: str) -> bool:
    last = _LAST_WORD.search(before[-40:])
    if last is None:
        return False
    word = last.group(1).lower()
    vocabulary = lexicon(language)
    if word in vocabulary.implied_one_whole:  # "cały tydzień" is a week; "za cały rok" a
        # price's period, "co cały miesiąc" which: the word before the adjective decides
        earlier = _LAST_WORD.search(before[:len(before) - len(last.group(0))][-40:])
        return earlier is not None and earlier.group(1).lower() in vocabulary.implied_one_not_after
    return (word in vocabulary.implied_one_not_after
            or word in vocabulary.determiners
            or any(tag in _WHICH_ONE_TAGS for _lemma, tag in morfeusz.analyses(word)))


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
