"""A normalised value ("2 499 zł" -> 2499.00 PLN) and where it was found in a text."""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal
from enum import StrEnum

from rapidfuzz import fuzz

from consistency_lint.model.pickling import pickled_by_constructor
from consistency_lint.model.word_forms import forms_of_one_word


class ValueType(StrEnum):
    MONEY = "money"
    DURATION = "duration"
    PERCENT = "percent"
    PHONE = "phone"
    EMAIL = "email"
    URL = "url"
    HOURS = "hours"
    DATE = "date"
    VOLUME = "volume"
    NUMBER = "number"
    TEXT = "text"
    SET = "set"  # members of a vocabulary (carriers, payment methods): one member per fact


class Bound(StrEnum):
    EXACT = "exact"
    RANGE = "range"
    AT_LEAST = "at_least"
    AT_MOST = "at_most"


class Reading(StrEnum):
    """How a customer reads a value of an attribute (`rules/facts/attributes.yaml`).

    PLAIN: as written. GRANTED: a period the customer is granted (withdrawal, warranty) is
    that period: "w terminie 10 dni" grants 10 days, it is no "at most 10" that fits inside
    14. DEADLINE: a period the business keeps (delivery, refund, an answer) promises its last
    day: "7 dni" and "w ciągu 7 dni" promise the same, "6 dni" does not agree with "5–7 dni".
    MONTHLY: an amount paid every month (a subscription fee) is per month whether or not its
    statement says so: "39,99 zł" in a column "Abonament miesięczny" is "39,99 zł miesięcznie".
    """

    PLAIN = "plain"
    GRANTED = "granted"
    DEADLINE = "deadline"
    MONTHLY = "monthly"


PER_MONTH = "/month"  # the suffix of a money unit paid every month ("PLN/month")


DAY = "day"
BUSINESS_DAY = "business_day"
# Units that count the same thing, so that a value in one contradicts a value in the other
# ("14 dni" and "14 dni roboczych" are different periods); other pairs of units (hours and
# days, złoty and euro) are not compared at all.
_COUNTS_OF_ONE_THING = (frozenset({DAY, BUSINESS_DAY}),)


@pickled_by_constructor
@dataclass(frozen=True, slots=True)
class Value:
    """Numeric values keep `low`/`high` and a unit; the others a canonical `text`. A period
    may keep the event it is counted from (`anchor`, a concept of
    `rules/facts/anchors.yaml`: "14 dni od zawarcia umowy" is 14 days from the contract)."""

    type: ValueType
    unit: str = ""
    low: Decimal | None = None
    high: Decimal | None = None
    bound: Bound = Bound.EXACT
    text: str = ""
    anchor: str = ""

    def canonical(self) -> str:
        return f"{self.amount()} from {self.anchor}" if self.anchor else self.amount()

    def amount(self) -> str:
        """The canonical value without the event a period is counted from."""
        if self.low is None and self.high is None:
            return self.text
        unit = f" {self.unit}" if self.unit else ""
        if self.bound is Bound.RANGE:
            return f"{_number(self.low, self.type)}-{_number(self.high, self.type)}{unit}"
        if self.bound is Bound.AT_LEAST:
            return f">={_number(self.low, self.type)}{unit}"
        if self.bound is Bound.AT_MOST:
            return f"<={_number(self.high, self.type)}{unit}"
        return f"{_number(self.low, self.type)}{unit}"

    def as_read(self, reading: Reading) -> Value:
        """The value as a customer reads it: a granted "w terminie 14 dni" is 14 days; a
        deadline's "14 dni" is "at the latest on day 14"."""
        if self.low is None or self.high is None:
            return self
        if (reading is Reading.MONTHLY and self.type is ValueType.MONEY
                and not self.unit.endswith(PER_MONTH)):
            return Value(self.type, self.unit + PER_MONTH, self.low, self.high, self.bound,
                         self.text)
        if reading is Reading.GRANTED and self.bound is Bound.AT_MOST:
            return Value(self.type, self.unit, self.high, self.high, Bound.EXACT, self.text,
                         self.anchor)
        if reading is Reading.DEADLINE and self.bound is Bound.EXACT:
            return Value(self.type, self.unit, self.high, self.high, Bound.AT_MOST, self.text,
                         self.anchor)
        return self

    def comparable_with(self, other: Value) -> bool:
        """Whether the two values can be compared at all: the same type and unit, or units
        that count the same thing (days and working days); two texts when both are
        identifiers, or when one is a part or a near miss of the other (`_texts_comparable`)."""
        if self.type is not other.type:
            return False
        if self.type is ValueType.TEXT:
            return _texts_comparable(self.text, other.text)
        return self.unit == other.unit or any(
            {self.unit, other.unit} <= units for units in _COUNTS_OF_ONE_THING)

    def agrees_with(self, other: Value, reading: Reading = Reading.PLAIN) -> bool:
        """Whether a customer told either statement of the same fact would expect the same.

        "w ciągu 14 dni" (at most 14) agrees with "14 dni"; "5 dni" lies within "3–5 dni"
        when read plainly, but not for a period granted (a range grants no one period) or a
        deadline (whose promise is its last day); "do 10 dni" does not agree with "3–5 dni",
        whose upper end is 5. Days and working days never agree. Periods counted from
        different events ("od zawarcia umowy", "od wydania towaru") never agree; one that does
        not say from when agrees on its amount alone (`checks/fact_checks.py` reports a start
        event that a whole channel leaves out). Opening hours are compared as a week
        (`_schedules_agree`). A text agrees with a text it is a part of ("Składowa 12" with
        "ul. Składowa 12, 61-897 Poznań"): a statement may give part of an address or name.
        """
        if (self.type, self.unit) != (other.type, other.unit):
            return False
        if self.anchor and other.anchor and self.anchor != other.anchor:
            return False
        if self.type is ValueType.TEXT:
            return _text_contains(self.text, other.text) or _text_contains(other.text, self.text)
        mine, theirs = self.as_read(reading), other.as_read(reading)
        if mine.amount() == theirs.amount():
            return True
        if self.type is ValueType.HOURS:
            return _schedules_agree(self.text, other.text)
        if mine.low is None or theirs.low is None:
            return False
        within = reading is Reading.PLAIN
        return _bounds_agree(mine, theirs, within) or _bounds_agree(theirs, mine, within)


# How alike two texts must be (rapidfuzz's ratio, of the whole or of the shorter against the
# best part of the longer) to be two statements of one name or address, one of them mistyped
# or changed ("Składowa 21" for "ul. Składowa 12, …", "Domillo sp. z o.o."). Less alike, the
# words after a cue are something else ("Sprzedawca nieodpłatnie świadczy usługi …"), no
# statement of the fact, and never compared.
TEXT_RESEMBLANCE = 85
_NOT_A_WORD = re.compile(r"[\W_]+")


def _is_identifier(text: str) -> bool:
    """An identifier as `text_value` keeps it: letters and digits alone, a digit among them."""
    return text.isalnum() and any(character.isdigit() for character in text)


_COUNTRY_PREFIX = re.compile(r"^[a-z]{2}(?=\d)")


def _national(identifier: str) -> str:
    """An identifier without the country code an international form puts before it: the
    IBAN "PL05 1140 …" is the account "05 1140 …", the EU VAT number "PL5250001234" the NIP
    "525-000-12-34"."""
    return _COUNTRY_PREFIX.sub("", identifier)


def _texts_comparable(first: str, second: str) -> bool:
    if _is_identifier(first) or _is_identifier(second):
        return _is_identifier(first) and _is_identifier(second)
    return (_text_contains(first, second) or _text_contains(second, first)
            or _same_words_other_numbers(first, second)
            or max(fuzz.ratio(first, second), fuzz.partial_ratio(first, second))
            >= TEXT_RESEMBLANCE)


_NUMBER = re.compile(r"\d+")


def _same_words_other_numbers(first: str, second: str) -> bool:
    """Whether one text is a part of the other once every number in both is any number:
    "14:00 wysyłamy tego samego dnia" states the cut-off "13:00", another hour; two short
    texts of digits resemble each other too little for their likeness to say so. A text of
    numbers alone is a part only where the other writes numbers alike ("13:00" is no part
    of "ul. Prosta 12/14")."""
    if not (_NUMBER.search(first) and _NUMBER.search(second)):
        return False
    first, second = _NUMBER.sub("0", first.strip()), _NUMBER.sub("0", second.strip())
    return any(_numbers_in(part, whole) if not any(c.isalpha() for c in part)
               else _text_contains(whole, part)
               for part, whole in ((first, second), (second, first)))


def _numbers_in(part: str, whole: str) -> bool:
    """Whether numbers written as `part` ("0:0") stand in `whole` on their own ("do 0:0",
    not "0/0" nor "0:0:0")."""
    return re.search(rf"(?<![\w/.:,-]){re.escape(part)}(?![\w/.:,-]\w)", whole) is not None


def _text_contains(whole: str, part: str) -> bool:
    """Whether `part` stands in `whole` as whole words, punctuation aside, each word in any
    of its forms ("Polski" in "Polska, Czechy i Słowacja")."""
    if _is_identifier(whole) or _is_identifier(part):
        return _national(whole) == _national(part)
    words, within = _NOT_A_WORD.sub(" ", part).split(), _NOT_A_WORD.sub(" ", whole).split()
    return bool(words) and any(
        all(forms_of_one_word(word, other) for word, other in
            zip(words, within[start:start + len(words)], strict=True))
        for start in range(len(within) - len(words) + 1))


DAY_NAMES = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")  # as schedules write them


def _schedules_agree(first: str, second: str) -> bool:
    """Two weekly schedules agree when they open on the same days at the same hours: "pn.–pt.
    8–20" is not "pn.–sob. 8–20", nor "pn.–pt. 8–20, sob. 9–15" (Saturday closed in one).
    A statement of single days only ("w soboty 9–14") speaks of those days and is compared
    on them alone. A day given two different hours in one statement ("pn.–sob. 8–20, sob.
    9–15") keeps both, so it agrees with no schedule that gives it one."""
    mine, theirs = _days(first), _days(second)
    if _single_days(first) or _single_days(second):
        return all(mine[day] == theirs[day] for day in mine.keys() & theirs.keys())
    return mine == theirs


def of_these_days_only(schedule: str) -> str:
    """The schedule with each of its days given alone ("mon-fri 08:00-20:00" -> "mon
    08:00-20:00; tue 08:00-20:00; …"): it then speaks of those days only, as a statement of
    single days does (a schedule table's row, "Poniedziałek – piątek | 8:00–20:00", says
    nothing of Saturday)."""
    return "; ".join(f"{day} {hours}" for day, all_hours in _days(schedule).items()
                     for hours in sorted(all_hours))


def _days(schedule: str) -> dict[str, frozenset[str]]:
    """ "mon-fri 08:00-20:00; sat 09:00-14:00" -> {"mon": {"08:00-20:00"}, ..., "sat": ...}."""
    days: dict[str, frozenset[str]] = {}
    for first, last, hours in _items(schedule):
        start, end = DAY_NAMES.index(first), DAY_NAMES.index(last)
        for day in DAY_NAMES[start:end + 1]:
            days[day] = days.get(day, frozenset()) | {hours}
    return days


def _single_days(schedule: str) -> bool:
    return all(first == last for first, last, _ in _items(schedule))


def _items(schedule: str) -> list[tuple[str, str, str]]:
    """The (first day, last day, hours) of each item of a schedule, days as `DAY_NAMES`."""
    items = []
    for item in schedule.split("; "):
        span, _, hours = item.partition(" ")
        first, _, last = span.partition("-")
        if first in DAY_NAMES and (last or first) in DAY_NAMES:
            items.append((first, last or first, hours))
    return items


def _bounds_agree(first: Value, second: Value, within: bool) -> bool:
    if first.bound is Bound.AT_MOST and second.bound in (Bound.EXACT, Bound.RANGE):
        return first.high == second.high
    if first.bound is Bound.AT_LEAST and second.bound in (Bound.EXACT, Bound.RANGE):
        return first.low == second.low
    if within and first.bound is Bound.RANGE and second.bound is Bound.EXACT:
        assert first.low is not None and first.high is not None and second.low is not None
        return first.low <= second.low <= first.high
    return False


def _number(value: Decimal | None, value_type: ValueType) -> str:
    if value is None:
        return "?"
    if value_type is ValueType.MONEY:
        return f"{value:.2f}"
    normalised = value.normalize()
    return f"{normalised:f}"


@pickled_by_constructor
@dataclass(frozen=True, slots=True)
class ValueMatch:
    """A value found at text[start:end]."""

    start: int
    end: int
    text: str
    value: Value
