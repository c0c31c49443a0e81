"""Bare numbers ("500 punktów", "pięć"), for custom attributes of type `number`."""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cache

from consistency_lint.nlp.lexicon import lexicon
from consistency_lint.values.grammar import (
    bound_and_limits,
    bound_pattern,
    compile_pattern,
    numeric_matches,
    range_pattern,
)
from consistency_lint.values.model import Value, ValueMatch, ValueType


@cache
def pattern(language: str, words: bool) -> re.Pattern[str]:
    return compile_pattern(f"(?<![\\w.,:/-])(?:{bound_pattern(language)})?"
                           f"{range_pattern(language, words)}(?![\\w:/])")


def extract(text: str, language: str) -> Iterator[ValueMatch]:
    words = lexicon(language)
    for match in numeric_matches(text, language, pattern):
        limits = bound_and_limits(match, words)
        if limits is not None:
            bound, low, high = limits
            value = Value(ValueType.NUMBER, "", low, high, bound)
            yield ValueMatch(match.start(), match.end(), match.group(), value)
