"""Numbers as Polish and English content writes them: "2 499,00", "1.290", "1,290.50",
"czternastu", "dwadzieścia jeden", "dwa tysiące", "pół"."""

from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation

from consistency_lint.nlp.lexicon import Lexicon, language_profile

# Repetitions are bounded: the regex engine tries a pattern again from every digit of a run,
# and an unbounded one read to the run's end each time (a page of digits, or of "123 123 …",
# cost quadratic time). No amount is written with more digits or thousands groups.
MAX_DIGITS = 30
MAX_GROUPS = 10
# Digits with optional thousands groups (space, no-break space, dot, comma) and decimals.
DIGITS_PATTERN = (rf"\d{{1,3}}(?:[ \u00a0\u202f.,]\d{{3}}){{1,{MAX_GROUPS}}}"
                  rf"(?:[.,]\d{{1,2}})?(?!\d)|\d{{1,{MAX_DIGITS}}}(?:[.,]\d{{1,{MAX_DIGITS}}})?")
_THOUSANDS = re.compile(r"^\d{1,3}(?:([ \u00a0\u202f.,])\d{3})+(?:([.,])\d{1,2})?$")


def parse_digits(text: str, language: str) -> Decimal | None:
    """Decimal value of a digit string; None if it is not a number."""
    compact = text.strip()
    grouped = _THOUSANDS.match(compact)
    if grouped and (grouped.group(2) or not _looks_decimal(compact, grouped.group(1), language)):
        separator, decimal_separator = grouped.group(1), grouped.group(2)
        compact = compact.replace(separator, "")
        if decimal_separator:
            compact = compact.replace(decimal_separator, ".")
    else:
        compact = compact.replace(",", ".")
    try:
        return Decimal(compact)
    except InvalidOperation:
        return None


def _looks_decimal(text: str, separator: str, language: str) -> bool:
    """ "2,500" is two and a half in Polish (comma is the decimal sign) but 2500 in English."""
    return (separator == "," and text.count(",") == 1
            and language_profile(language).decimal_comma)


def parse_number_words(words: str, lexicon: Lexicon) -> Decimal | None:
    """Value of a sequence of number words; None if any word is not a numeral."""
    total = Decimal(0)
    group = Decimal(0)
    for word in words.lower().split():
        value = lexicon.numerals.get(word)
        if value is None:
            return None
        if value == 1000:
            total += (group or Decimal(1)) * value
            group = Decimal(0)
        else:
            group += value
    return total + group


def parse_number(text: str, lexicon: Lexicon) -> Decimal | None:
    if text[:1].isdigit():
        return parse_digits(text, lexicon.language)
    return parse_number_words(text, lexicon)
