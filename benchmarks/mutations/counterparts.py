"""Whether a mutated value has a counterpart: the same value stated at another place of the
source (any file, the registry included).

A comparison can only catch a changed value that something else states: a link to a page
that the project names once, changed to another page, is indistinguishable from a link that
was always there; a service price or a retention period stated once, changed, is just another
price or period. Mutants of values stated nowhere else are therefore counted apart ("no
counterpart") and left out of `ref recall`, the recall of what a comparison can see; `recall`
still counts every mutant.

The test is textual and generous, never the tool's own reading: a number has a counterpart
when the same number with a unit of the same kind is written anywhere else ("14 dni" in a
complaint clause is a counterpart of "14 dni" in a withdrawal clause, though they are
different facts), so `ref recall` can only be too strict, never excuse a miss that attribution
should have avoided. A list member has one when the same name is written elsewhere, a dropped
condition when its event ("od zaksięgowania …") or its threshold amount is.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Iterable, Iterator

from benchmarks.mutations.operators import (
    COUNTRIES,
    DIGIT_RUN,
    EMAIL,
    LIST_NAME_PATTERNS,
    PAYMENT_PHRASE,
    PERIOD_CONDITION,
    QUANTITY,
    THRESHOLD_CONDITION,
    URL,
    WORD_VALUES,
    word_quantity,
)

# one stated value: where it lies in a text, and the keys it may be known by elsewhere
Keyed = tuple[int, int, frozenset[str]]
Finder = Callable[[str], Iterator[Keyed]]


def _url(text: str) -> str:
    text = re.sub(r"^https?://", "", text.lower()).rstrip("/.,;:")
    return text.removeprefix("www.")


def _digits(text: str) -> str:
    return re.sub(r"\D", "", text).removeprefix("48")


def _whole(pattern: re.Pattern[str], normalise: Callable[[str], str]) -> Finder:
    def find(text: str) -> Iterator[Keyed]:
        for match in pattern.finditer(text):
            yield match.start(), match.end(), frozenset({normalise(match.group())})
    return find


_UNIT_KINDS = (("zł", "money"), ("pln", "money"), ("gr", "money"), ("eur", "euro"),
               ("%", "percent"), ("proc", "percent"), ("dni", "day"), ("dzie", "day"),
               ("tydz", "week"), ("tygod", "week"), ("miesi", "month"), ("lat", "year"),
               ("rok", "year"), ("godz", "hour"), ("minut", "minute"), ("szt", "piece"),
               ("rat", "instalment"), ("gb", "gb"), ("mb", "mb"), ("km", "km"), ("kg", "kg"))


def _unit_kind(unit: str) -> str:
    unit = unit.lower()
    return next((kind for prefix, kind in _UNIT_KINDS if unit.startswith(prefix)), unit)


def _amount(digits: str, fraction: str | None) -> str:
    number = re.sub(r"\D", "", digits.replace("&nbsp;", ""))
    cents = (fraction or "").strip(",").ljust(2, "0")
    return number if cents in ("", "00") else f"{number},{cents}"


def _quantity_keys(match: re.Match[str]) -> Iterator[tuple[str, str]]:
    """(group, key) for each number of a quantity: its value and its unit's kind."""
    kind = _unit_kind(match.group("unit"))
    for group, fraction in (("a", "af"), ("b", "bf")):
        if match.group(group) is not None:
            yield group, f"{_amount(match.group(group), match.group(fraction))} {kind}"


def _word_keys(match: re.Match[str]) -> frozenset[str]:
    value, _genitive = WORD_VALUES[match.group("word").lower()]
    return frozenset({f"{value} {_unit_kind(match.group('unit'))}"})


def _numbers(text: str) -> Iterator[Keyed]:
    """Each number of a quantity, in digits or in words."""
    for match in QUANTITY.finditer(text):
        for group, key in _quantity_keys(match):
            yield match.start(group), match.end(group), frozenset({key})
    for match in word_quantity().finditer(text):
        yield match.start("word"), match.end("word"), _word_keys(match)


def _quantities(text: str) -> Iterator[Keyed]:
    """Each whole quantity ("3–5 dni"), known by each of its numbers: `working-days` changes
    the unit of the whole."""
    for match in QUANTITY.finditer(text):
        yield (match.start(), match.end(),
               frozenset(key for _group, key in _quantity_keys(match)))
    for match in word_quantity().finditer(text):
        yield match.start(), match.end(), _word_keys(match)


def _members(text: str) -> Iterator[Keyed]:
    """Each carrier, payment method or country, keyed by its name in any case."""
    for pattern in LIST_NAME_PATTERNS:
        for match in pattern.finditer(text):
            name = match.group()
            row = next((forms[0] for forms in COUNTRIES if name in forms), name)
            yield match.start(), match.end(), frozenset({row.lower()})
    for match in PAYMENT_PHRASE.finditer(text):
        yield match.start(), match.end(), frozenset({match.group().lower()})


def _events(text: str) -> Iterator[Keyed]:
    """Each start event of a period, keyed by its first word ("zaksięgowania")."""
    for match in PERIOD_CONDITION.finditer(text):
        words = re.findall(r"\w+", match.group("condition").lower())
        event = next(word for word in words[1:]
                     if word not in ("dnia", "chwili", "momentu", "daty"))
        yield (*match.span("condition"), frozenset({event}))


def _conditions(text: str) -> Iterator[Keyed]:
    """Each condition of a promise: a period's start event, or a free-delivery threshold
    known by its amount ("200 money", stated elsewhere as any number with its unit)."""
    yield from _events(text)
    numbers = list(_numbers(text))  # read once, not once per threshold
    for match in THRESHOLD_CONDITION.finditer(text):
        start, end = match.span("condition")
        yield start, end, frozenset(key for begin, stop, keys in numbers
                                    if start <= begin and stop <= end for key in keys)


def _stated_conditions(text: str) -> Iterator[Keyed]:
    yield from _events(text)
    yield from _numbers(text)


# operator -> (the values a site may lie in, the values counted as stated)
FINDERS: dict[str, tuple[Finder, Finder]] = {
    operator: (find, find) for operator, find in (
        ("url", _whole(URL, _url)),
        ("email-domain", _whole(EMAIL, str.lower)),
        ("email-local", _whole(EMAIL, str.lower)),
        ("digit-swap", _whole(DIGIT_RUN, _digits)),
        ("number", _numbers),
        ("working-days", _quantities),
        ("list-item", _members))}
FINDERS["drop-condition"] = (_conditions, _stated_conditions)


class Counterparts:
    """The values of each kind stated in a source's texts, as a multiset of keys."""

    def __init__(self, texts: Iterable[str]) -> None:
        texts = list(texts)
        self._stated = {operator: Counter(key for text in texts
                                          for _start, _end, keys in stated(text)
                                          for key in keys)
                        for operator, (_locate, stated) in FINDERS.items()}

    def has_counterpart(self, operator: str, text: str, start: int, end: int) -> bool:
        """Whether the value at text[start:end] is stated at another place too (true when
        the operator or the value is not classified: counted, never excused)."""
        if operator not in FINDERS:
            return True
        locate, _stated = FINDERS[operator]
        for begin, stop, keys in locate(text):
            if begin < end and start < stop:
                return any(self._stated[operator][key] > 1 for key in keys)
        return True
