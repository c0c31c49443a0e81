"""Regular-expression building blocks shared by the value extractors, built per lexicon.

Patterns are assembled from the lexicon's word lists (inflected forms included) and compiled
once per language; every word alternation is anchored on word boundaries.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator
from decimal import Decimal
from functools import cache, lru_cache

from consistency_lint.model import Bound, Value, ValueMatch, ValueType
from consistency_lint.nlp.lexicon import Lexicon, lexicon
from consistency_lint.values.numbers import DIGITS_PATTERN, parse_number

WORD_START = r"(?<![\w])"
# "dwadzieścia jeden tysięcy dwieście": bounded like the digits (numbers.MAX_DIGITS), lest
# "dwa dwa dwa …" be read from every word to the end of the run.
MAX_NUMBER_WORDS = 10
WORD_END = r"(?![\w])"


def alternation(words: Iterable[str]) -> str:
    """A regex alternation of literal words, longest first (so "dniach" beats "dni")."""
    ordered = sorted({word for word in words if word}, key=lambda word: (-len(word), word))
    return "|".join(re.escape(word) for word in ordered)


def word_alternation(words: Iterable[str]) -> str:
    """Like `alternation`, for words: no match inside a longer word (a trailing dot or
    symbol in a form such as "pn." or "€" is its own boundary)."""
    return f"(?:{WORD_START}(?:{alternation(words)})(?:(?<=[.\\W])|{WORD_END}))"


def unit_alternation(words: Iterable[str]) -> str:
    """Like `word_alternation`, for a unit after a number, which real pages also write
    glued to its digits: "24h", "199zł", "14dni"."""
    return f"(?:(?:(?<=\\d)|{WORD_START})(?:{alternation(words)})(?:(?<=[.\\W])|{WORD_END}))"


@cache
def number_pattern(language: str, words: bool) -> str:
    """Digits, or (when `words`) a run of number words ("dwadzieścia jeden")."""
    if not words:
        return f"(?:{DIGITS_PATTERN})"
    numeral = word_alternation(lexicon(language).numerals)
    return f"(?:{DIGITS_PATTERN}|{numeral}(?:\\s+{numeral}){{0,{MAX_NUMBER_WORDS - 1}}})"


_WORD = re.compile(r"[^\W\d_]+")


@lru_cache(maxsize=256)
def has_number_words(text: str, language: str) -> bool:
    """Whether `text` has a number written in words; patterns without the long alternation
    of numeral forms are much faster, and most texts need none."""
    numerals = lexicon(language).numerals
    return any(word in numerals for word in _WORD.findall(text.lower()))


_DIGIT = re.compile(r"\d")


def has_digits(text: str) -> bool:
    return _DIGIT.search(text) is not None


def may_hold_numbers(text: str, language: str) -> bool:
    return has_digits(text) or has_number_words(text, language)


@cache
def bound_pattern(language: str) -> str:
    words = lexicon(language)
    return f"(?P<bound>{word_alternation((*words.at_least, *words.at_most))})\\s*"


@cache
def range_pattern(language: str, words: bool) -> str:
    """ "N", "N–M", "N do M" with the numbers in groups `low` and `high`."""
    number = number_pattern(language, words)
    connectors = alternation(lexicon(language).range_connectors)
    # a number glued to a letter is part of a code or a model name ("E5", "A4"), not a value
    return (f"(?<![^\\W\\d_])(?P<low>{number})"
            f"(?:\\s*(?:{connectors})\\s*(?P<high>{number}))?")


def bound_and_limits(
    match: re.Match[str], lexicon_: Lexicon, scale: Decimal = Decimal(1)
) -> tuple[Bound, Decimal, Decimal] | None:
    """Bound kind and the (low, high) limits of a match built from `range_pattern`."""
    low = parse_number(match.group("low"), lexicon_)
    high_text = match.group("high")
    high = parse_number(high_text, lexicon_) if high_text else low
    if low is None or high is None:
        return None
    low, high = low * scale, high * scale
    bound_word = (match.groupdict().get("bound") or "").lower().strip()
    if high_text:
        return (Bound.RANGE, low, high) if low < high else None
    if bound_word in lexicon_.at_least:
        return Bound.AT_LEAST, low, high
    if bound_word in lexicon_.at_most:
        return Bound.AT_MOST, low, high
    return Bound.EXACT, low, high


def numeric_matches(text: str, language: str,
                    pattern: Callable[[str, bool], re.Pattern[str]]) -> Iterator[re.Match[str]]:
    """Matches of a numeric value pattern, built with number words only if the text has
    some; nothing at all for a text without numbers."""
    if not may_hold_numbers(text, language):
        return iter(())
    return pattern(language, has_number_words(text, language)).finditer(text)


UnitAndScale = Callable[[re.Match[str]], tuple[str, Decimal] | None]


def numeric_values(text: str, language: str,
                   pattern: Callable[[str, bool], re.Pattern[str]], value_type: ValueType,
                   unit_and_scale: UnitAndScale) -> Iterator[ValueMatch]:
    """Values of one numeric type: each match of `pattern` with its bound and limits, in the
    unit (and scaled by the factor) that `unit_and_scale` reads from the match; a match for
    which it returns None is not a value."""
    vocabulary = lexicon(language)
    for match in numeric_matches(text, language, pattern):
        unit = unit_and_scale(match)
        if unit is None:
            continue
        limits = bound_and_limits(match, vocabulary, unit[1])
        if limits is not None:
            bound, low, high = limits
            value = Value(value_type, unit[0], low, high, bound)
            yield ValueMatch(match.start(), match.end(), match.group(), value)


def compile_pattern(pattern: str) -> re.Pattern[str]:
    return re.compile(pattern, re.IGNORECASE)
