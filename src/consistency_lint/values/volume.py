"""Data volumes: "10 GB", "500 MB", "1 TB", normalised to GB (decimal units)."""

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

_UNIT_HINT = re.compile(r"[KMGT]B", re.IGNORECASE)


@cache
def pattern(language: str, words: bool) -> re.Pattern[str]:
    units = alternation(lexicon(language).volume_units)
    return compile_pattern(f"(?:{bound_pattern(language)})?{range_pattern(language, words)}"
                           f"\\s*(?P<unit>{units})(?![\\w])")


def extract(text: str, language: str) -> Iterator[ValueMatch]:
    if _UNIT_HINT.search(text) is None:
        return
    scales = lexicon(language).volume_units

    def in_gigabytes(match: re.Match[str]) -> tuple[str, Decimal]:
        return "GB", scales[match.group("unit").upper()]

    yield from numeric_values(text, language, pattern, ValueType.VOLUME, in_gigabytes)
