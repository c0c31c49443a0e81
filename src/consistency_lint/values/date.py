"""Dates: "1.10.2026", "01.10.2026 r.", "1 października 2026 r.", "2026-10-01" -> ISO."""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import date
from functools import cache

from consistency_lint.model import Value, ValueMatch, ValueType
from consistency_lint.nlp.lexicon import lexicon
from consistency_lint.values.grammar import compile_pattern, has_digits, word_alternation

_YEAR_SUFFIX = r"(?:\s*r\.)?"


@cache
def pattern(language: str) -> re.Pattern[str]:
    month_name = word_alternation(lexicon(language).months)
    return compile_pattern(
        r"(?<![\d.])(?:"
        rf"(?P<d1>\d{{1,2}})\.(?P<m1>\d{{1,2}})\.(?P<y1>\d{{4}}){_YEAR_SUFFIX}"
        rf"|(?P<d2>\d{{1,2}})\s+(?P<m2>{month_name})\s+(?P<y2>\d{{4}}){_YEAR_SUFFIX}"
        r"|(?P<y3>\d{4})-(?P<m3>\d{2})-(?P<d3>\d{2})"
        r")(?![\d])"
    )


def extract(text: str, language: str) -> Iterator[ValueMatch]:
    if not has_digits(text):
        return
    months = lexicon(language).months
    for match in pattern(language).finditer(text):
        groups = match.groupdict()
        for index in "123":
            if groups[f"y{index}"]:
                month_text = groups[f"m{index}"]
                month = int(month_text) if month_text.isdigit() else months[month_text.lower()]
                found = _valid_date(int(groups[f"y{index}"]), month, int(groups[f"d{index}"]))
                if found is not None:
                    value = Value(ValueType.DATE, text=found.isoformat())
                    yield ValueMatch(match.start(), match.end(), match.group(), value)


def days_named(text: str, language: str) -> list[date]:
    """The days `text` names ("od 21.12.2026 cena 49,90 zł": 2026-12-21)."""
    return [date.fromisoformat(match.value.text) for match in extract(text, language)]


def days_from(text: str, language: str) -> list[date]:
    """The days `text` names as the start of something ("od 01.03.2027 dostawa kosztuje
    12,99 zł"), after a preposition of a start (`period_start` of the language profile),
    not those it names as an end ("do 31.01.2027")."""
    prepositions = lexicon(language).period_start_prepositions
    return [date.fromisoformat(match.value.text) for match in extract(text, language)
            if (before := _LAST_WORD.search(text[:match.start])) is not None
            and before.group(1).lower() in prepositions]


_LAST_WORD = re.compile(r"(\w+)\W*$")


def _valid_date(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None
