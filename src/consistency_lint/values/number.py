"""Bare numbers ("500 punktów", "pięć"), for custom attributes of type `number`."""

from __future__ import annotations

import re
from collections.abc import Iterator
from decimal import Decimal
from functools import cache

from consistency_lint.model import ValueMatch, ValueType
from consistency_lint.values.grammar import (
    bound_pattern,
    compile_pattern,
    numeric_values,
    range_pattern,
)


@cache
def pattern(language: str, words: bool) -> re.Pattern[str]:
    return compile_pattern(f"(?<![\\w.,:/-])(?:{bound_pattern(language)})?"
                           f"{range_pattern(language, words)}(?![\\w:/])")


def extract(text: str, language: str) -> Iterator[ValueMatch]:
    yield from numeric_values(text, language, pattern, ValueType.NUMBER,
                              lambda _match: ("", Decimal(1)))
