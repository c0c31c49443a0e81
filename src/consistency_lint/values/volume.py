"""Data volumes: "10 GB", "500 MB", "1 TB", normalised to GB (decimal units)."""

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

_UNIT_HINT = re.compile(r"[KMGT]B", re.IGNORECASE)


@cache
def pattern(language: str, words: bool) -> re.Pattern[str]:
    units = alternation(lexicon(language).volume_units)
    return compile_pattern(f"(?:{bound_pattern(language)})?{range_pattern(language, words)}"
                           f"\\s*(?P<unit>{units})(?![\\w])")


def extract(text: str, language: str) -> Iterator[ValueMatch]:
    words = lexicon(language)
    if _UNIT_HINT.search(text) is None:
        return
    for match in numeric_matches(text, language, pattern):
        limits = bound_and_limits(match, words, words.volume_units[match.group("unit").upper()])
        if limits is not None:
            bound, low, high = limits
            value = Value(ValueType.VOLUME, "GB", low, high, bound)
            yield ValueMatch(match.start(), match.end(), match.group(), value)
