"""Money: "2 499 zł", "1.290,00 PLN", "1290,-", "49 zł/mies.", "99 gr", "od 49 zł"."""

from __future__ import annotations

import re
from collections.abc import Iterator
from decimal import Decimal
from functools import cache

from consistency_lint.model import PER_MONTH, ValueMatch, ValueType
from consistency_lint.nlp.lexicon import language_profile, lexicon
from consistency_lint.values.grammar import (
    alternation,
    bound_pattern,
    compile_pattern,
    numeric_values,
    range_pattern,
    unit_alternation,
)

HUNDREDTH_SUFFIX = "/100"  # currency code "PLN/100" means grosze
MONTHLY = PER_MONTH


@cache
def pattern(language: str, words: bool) -> re.Pattern[str]:
    vocabulary = lexicon(language)
    currency = unit_alternation(vocabulary.currencies)
    per_month = alternation(vocabulary.per_month_markers)
    # a table's "39,99 zł / mies.": a slash marker written with a space after the slash
    spaced = alternation(marker[1:] for marker in vocabulary.per_month_markers
                         if marker.startswith("/"))
    return compile_pattern(
        f"(?:{bound_pattern(language)})?{range_pattern(language, words)}"
        f"(?:\\s*(?P<dash>,-)|\\s*(?P<currency>{currency}))"
        f"(?P<monthly>\\s*(?:{per_month}|/\\s+(?:{spaced})))?"
    )


def units(language: str) -> frozenset[str]:
    """The currency codes values are normalised to, each also per month ("PLN/month")."""
    codes = {code.removesuffix(HUNDREDTH_SUFFIX) for code in lexicon(language).currencies.values()}
    return frozenset(codes | {code + MONTHLY for code in codes})


def extract(text: str, language: str) -> Iterator[ValueMatch]:
    currencies = lexicon(language).currencies
    dash_currency = language_profile(language).dash_amount_currency  # "1290,-" in Polish: złoty

    def currency_unit(match: re.Match[str]) -> tuple[str, Decimal] | None:
        code = currencies.get((match.group("currency") or "").lower(), dash_currency)
        if code is None:
            return None
        scale = Decimal(1)
        if code.endswith(HUNDREDTH_SUFFIX):
            code, scale = code.removesuffix(HUNDREDTH_SUFFIX), Decimal("0.01")
        return code + (MONTHLY if match.group("monthly") else ""), scale

    yield from numeric_values(text, language, pattern, ValueType.MONEY, currency_unit)
