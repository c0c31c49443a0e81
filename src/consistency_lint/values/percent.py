"""Percentages: "5%", "5 %", "0,5 proc.", "do 20 procent"."""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cache

from consistency_lint.nlp.lexicon import lexicon
from consistency_lint.values.grammar import (
    alternation,
    bound_and_limits,
    bound_pattern,
    compile_pattern,
    numeric_matches,
    range_pattern,
)
from consistency_lint.values.model import Value, ValueMatch, ValueType


@cache
def pattern(language: str, words: bool) -> re.Pattern[str]:
    markers = alternation(lexicon(language).percent_markers)
    return compile_pattern(f"(?:{bound_pattern(language)})?{range_pattern(language, words)}"
                           f"\\s*(?:{markers})(?![\\w])")


def extract(text: str, language: str) -> Iterator[ValueMatch]:
    words = lexicon(language)
    lowered = text.lower()
    if not any(marker in lowered for marker in words.percent_markers):
        return
    for match in numeric_matches(text, language, pattern):
        limits = bound_and_limits(match, words)
        if limits is not None:
            bound, low, high = limits
            value = Value(ValueType.PERCENT, "%", low, high, bound)
            yield ValueMatch(match.start(), match.end(), match.group(), value)
