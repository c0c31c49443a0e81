"""Opening hours: "pn.–pt. 8:00–20:00", "od poniedziałku do piątku w godz. 8-20",
"pn.-pt. 9-17, sob. 10-14", "pn.–pt. 8–20, a w soboty 9–14" or, read aloud, "od poniedziałku
do piątku od ósmej do dwudziestej" -> "mon-fri 08:00-20:00; sat 10:00-14:00"."""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cache

from consistency_lint.model.value import DAY_NAMES, Value, ValueMatch, ValueType
from consistency_lint.nlp.lexicon import lexicon
from consistency_lint.values.grammar import compile_pattern, has_digits, word_alternation

_DIGIT_TIME = r"\d{1,2}(?:[:.]\d{2})?"
_TIME_PREFIX = r"(?:,?\s*:?\s*(?:w\s+)?(?:godz(?:\.|inach|iny)?|hours|from|od)?\s*(?:od\s+)?)"
_DASH = r"\s*(?:[–—-]|do|to)\s*"


@cache
def _day_range(language: str) -> str:
    day = word_alternation(lexicon(language).weekdays)
    return rf"(?:(?:od|from)\s+)?{day}(?:{_DASH}{day})?"


@cache
def _time(language: str) -> str:
    """A time in digits, or an hour of the clock in words ("ósmej", "dwudziestej pierwszej")."""
    words = lexicon(language).clock_hours
    if not words:
        return _DIGIT_TIME
    word = word_alternation(words)
    return rf"(?:{_DIGIT_TIME}|{word}(?:\s+{word})?)"


def _schedule_item(language: str, named: bool) -> str:
    """One "days hours" item; `named` puts the parts in groups `days`, `open`, `close`."""
    def group(name: str) -> str:
        return f"?P<{name}>" if named else "?:"
    time = _time(language)
    return (rf"({group('days')}{_day_range(language)}){_TIME_PREFIX}"
            rf"({group('open')}{time}){_DASH}({group('close')}{time})(?!\d)")


@cache
def pattern(language: str) -> re.Pattern[str]:
    """A schedule: one item, then more joined by a comma, semicolon, "oraz", the end of a
    sentence ("… 8–20. W soboty 9–15") or only a space (the lines of a footer's list)."""
    joiner = r"(?:\s*[,;.]\s*(?:(?:a|oraz|and)\s+)?|\s+(?:oraz|i|a|and)\s+|\s+)(?:w\s+)?"
    return compile_pattern(f"{_schedule_item(language, named=True)}"
                           f"(?:{joiner}{_schedule_item(language, named=False)})*")


@cache
def _item_pattern(language: str) -> re.Pattern[str]:
    return compile_pattern(_schedule_item(language, named=True))


def extract(text: str, language: str) -> Iterator[ValueMatch]:
    if not has_digits(text) and not lexicon(language).clock_hours:
        return
    for match in pattern(language).finditer(text):
        items = _item_pattern(language).finditer(match.group())
        value = Value(ValueType.HOURS, text="; ".join(_describe(item, language) for item in items))
        yield ValueMatch(match.start(), match.end(), match.group(), value)


def _describe(match: re.Match[str], language: str) -> str:
    found = _weekday_indexes(match.group("days"), lexicon(language).weekdays)
    days = DAY_NAMES[found[0]] + (f"-{DAY_NAMES[found[-1]]}" if len(found) > 1 else "")
    return (f"{days} {_clock(match.group('open'), language)}-"
            f"{_clock(match.group('close'), language)}")


def _weekday_indexes(text: str, weekdays: dict[str, int]) -> list[int]:
    indexes = []
    for token in re.findall(r"[^\W\d_]+\.?", text.lower()):
        index = weekdays.get(token, weekdays.get(token.rstrip(".")))
        if index is not None:
            indexes.append(index)
    return indexes


def _clock(text: str, language: str) -> str:
    if not text[0].isdigit():  # words: the tens and the units add up
        words = lexicon(language).clock_hours
        return f"{sum(words.get(word, 0) for word in text.lower().split()):02d}:00"
    hour, _, minute = text.replace(".", ":").partition(":")
    return f"{int(hour):02d}:{int(minute or 0):02d}"
