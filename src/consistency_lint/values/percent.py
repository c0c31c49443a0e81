"""Percentages: "5%", "5 %", "0,5 proc.", "do 20 procent"."""

from __future__ import annotations

import re
from collections.abc import Iterator
from decimal import Decimal
from functools import cache

from consistency_lint.model import ValueMatch, ValueType
from consistency_lint.nlp.lexicon import lexicon
from consistency_lint.values.grammar import (
    alternation,
    bound_pattern,
    compile_pattern,
    numeric_values,
    range_pattern,
)


@cache
def pattern(language: str, words: bool) -> re.Pattern[str]:
    markers = alternation(lexicon(language).percent_markers)
    return compile_pattern(f"(?:{bound_pattern(language)})?{range_pattern(language, words)}"
                           f"\\s*(?:{markers})(?![\\w])")


def extract(text: str, language: str) -> Iterator[ValueMatch]:
    lowered = text.lower()
    if any(marker in lowered for marker in lexicon(language).percent_markers):
        yield from numeric_values(text, language, pattern, ValueType.PERCENT,
                                  lambda _match: ("%", Decimal(1)))
