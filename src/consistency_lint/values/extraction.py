"""The extraction entry points: `extract_values` runs every value type's extractor over a
text, `parse_value` reads a registry entry, `units_of` names a type's units and
`check_units` refuses any other.

`extract_values` finds every value in a text; where two extractors claim overlapping text,
the more specific type wins (an e-mail address over the web address inside it, opening
hours over the numbers in them, money over a bare number).
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Callable, Iterable, Iterator
from dataclasses import replace
from heapq import merge
from urllib.parse import unquote

from consistency_lint.builtin_data import languages
from consistency_lint.model import Value, ValueMatch, ValueType
from consistency_lint.nlp.lexicon import lexicon
from consistency_lint.values import (
    date,
    duration,
    email,
    hours,
    money,
    number,
    percent,
    phone,
    url,
    volume,
)

Extractor = Callable[[str, str], Iterator[ValueMatch]]

EXTRACTORS: dict[ValueType, Extractor] = {  # in order of priority
    ValueType.EMAIL: email.extract,
    ValueType.URL: url.extract,
    ValueType.DATE: date.extract,
    ValueType.HOURS: hours.extract,
    ValueType.MONEY: money.extract,
    ValueType.PERCENT: percent.extract,
    ValueType.VOLUME: volume.extract,
    ValueType.DURATION: duration.extract,
    ValueType.PHONE: phone.extract,
    ValueType.NUMBER: number.extract,
}

def extract_values(text: str, language: str,
                   types: frozenset[ValueType] | None = None) -> list[ValueMatch]:
    """Non-overlapping values in `text`, in order of appearance. A number restated in words
    or digits, as formal terms write it ("czternastu (14) dni", "14 (czternaście) dni"), is
    read once, and the value's text covers both."""
    readable, restated = _one_restatement(text, language)
    accepted: list[ValueMatch] = []  # in order, none overlapping another
    for value_type, extractor in EXTRACTORS.items():
        if types is not None and value_type not in types:
            continue
        starts = [kept.start for kept in accepted]
        added: list[ValueMatch] = []
        for found in sorted(extractor(readable, language), key=lambda m: (m.start, -m.end)):
            if not (_overlaps(found, accepted, starts)
                    or (added and found.start < added[-1].end)):
                added.append(found)
        accepted = list(merge(accepted, added, key=lambda kept: kept.start))
    if restated:
        accepted = [_in_original(found, text, restated) for found in accepted]
    return sorted(accepted, key=lambda found: found.start)


def _overlaps(found: ValueMatch, accepted: list[ValueMatch], starts: list[int]) -> bool:
    """Whether `found` overlaps a match of `accepted` (in order, none overlapping another, so
    the last one starting before `found` ends is the only candidate): a bisection, where
    comparing with every match made a page of values quadratic."""
    before = bisect_left(starts, found.end) - 1
    return before >= 0 and accepted[before].end > found.start


_RESTATED = re.compile(r"(?P<words>\b[^\W\d_]+)\s*\((?P<digits>\d{1,4})\)"
                       r"|(?P<number>\b\d{1,4})\s*\((?P<spelled>[^\W\d_]+)\)")


def _one_restatement(text: str, language: str) -> tuple[str, dict[int, int]]:
    """`text` with the restating half of "czternastu (14)" or "14 (czternaście)" blanked out
    (same length, so offsets stay) when the word is a numeral, and for each number kept the
    offset where its restatement begins."""
    if "(" not in text:
        return text, {}
    numerals = lexicon(language).numerals
    characters = list(text)
    restated: dict[int, int] = {}
    for match in _RESTATED.finditer(text):
        if (match.group("words") or match.group("spelled")).lower() not in numerals:
            continue
        blanks: tuple[tuple[int, int], ...]
        if match.group("words") is not None:
            blanks = ((match.start("words"), match.start("digits")),
                      (match.end("digits"), match.end()))
            restated[match.start("digits")] = match.start()
        else:
            blanks = ((match.end("number"), match.end()),)
            restated[match.start()] = match.start()
        for start, end in blanks:
            characters[start:end] = " " * (end - start)
    return "".join(characters), restated


def _in_original(found: ValueMatch, text: str, restated: dict[int, int]) -> ValueMatch:
    start = min((origin for kept, origin in restated.items()
                 if found.start <= kept < found.end), default=found.start)
    return replace(found, start=start, text=text[start:found.end])


def parse_value(value_type: ValueType, text: str, language: str) -> Value | None:
    """The value a registry entry states, or None if `text` holds no value of that type."""
    if value_type is ValueType.TEXT:
        return text_value(text)
    matches = extract_values(text, language, frozenset({value_type}))
    return matches[0].value if matches else None


_IDENTIFIER = re.compile(r"^[\dA-Z][\dA-Z\s./-]*$")


def text_value(text: str) -> Value:
    """A `text` fact as compared: case and spacing ignored; an identifier ("525-000-12-34",
    "PL 12 1020 ...") compared by its letters and digits alone."""
    stripped = text.strip().rstrip(".,;:")
    if _IDENTIFIER.match(stripped) and any(character.isdigit() for character in stripped):
        return Value(ValueType.TEXT, text="".join(c for c in stripped.casefold() if c.isalnum()))
    return Value(ValueType.TEXT, text=" ".join(stripped.casefold().split()))


_LINK_SCHEMES = {"mailto:": ValueType.EMAIL, "tel:": ValueType.PHONE, "http://": ValueType.URL,
                 "https://": ValueType.URL}


def link_target(href: str, language: str) -> ValueMatch | None:
    """The address or number a link leads to ("mailto:pomoc@x.pl?subject=…",
    "tel:+48221234567", "https://x.pl/zwroty"), as a match of the whole target; None for
    another kind of link or a target that holds no such value."""
    target = href.strip()
    scheme = next((known for known in _LINK_SCHEMES if target.lower().startswith(known)), None)
    if scheme is None:
        return None
    value_type = _LINK_SCHEMES[scheme]
    if value_type is not ValueType.URL:
        target = unquote(target[len(scheme):].split("?", 1)[0])
    found = [match for match in EXTRACTORS[value_type](target, language)
             if value_type is not ValueType.PHONE or match.end - match.start >= len(target) - 1]
    return found[0] if len(found) == 1 else None


def units_of(value_type: ValueType) -> frozenset[str]:
    """The units values of this type are normalised to (what a rule's `units:` may name)."""
    if value_type is ValueType.DURATION:
        return duration.UNITS
    if value_type is ValueType.MONEY:
        return frozenset().union(*(money.units(language) for language in languages()))
    return {ValueType.PERCENT: frozenset({"%"}),
            ValueType.VOLUME: frozenset({"GB"})}.get(value_type, frozenset({""}))


def check_units(value_type: ValueType, units: Iterable[str]) -> None:
    """Raise ValueError naming the units that values of this type are never given in (a
    pack rule's or an attribute's `units:`)."""
    known = units_of(value_type)
    unknown = sorted(set(units) - known)
    if unknown:
        raise ValueError(f"unknown unit {', '.join(unknown)} for {value_type.value} values "
                         f"(known: {', '.join(sorted(known)) or 'none'})")
