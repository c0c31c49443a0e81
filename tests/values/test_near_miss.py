"""The near-miss table: each pair is read independently, then tested for a near miss (both
ways: a near miss is symmetric)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml

from consistency_lint.model import Value, ValueType
from consistency_lint.values.extraction import link_target, parse_value
from consistency_lint.values.near_miss import is_contact, near_miss, swapped, url_near_miss

TABLE = yaml.safe_load((Path(__file__).parent / "near_miss.yaml").read_text(encoding="utf-8"))
CASES = [pytest.param(ValueType(type_name), first, second, expected,
                      id=f"{type_name}-{first}~{second}")
         for type_name, pairs in TABLE.items() for first, second, expected in pairs]


def _value(value_type: ValueType, text: str) -> Value:
    value = parse_value(value_type, text, "pl")
    assert value is not None, text
    return value


@pytest.mark.parametrize(("value_type", "first", "second", "expected"), CASES)
def test_near_miss(value_type: ValueType, first: str, second: str, expected: bool) -> None:
    a, b = _value(value_type, first), _value(value_type, second)
    assert near_miss(a, b) is expected
    assert near_miss(b, a) is expected


def test_values_of_other_types_are_no_near_miss() -> None:
    phone = _value(ValueType.PHONE, "22 211 47 80")
    identifier = _value(ValueType.TEXT, "22 211 47 81")
    assert not near_miss(phone, identifier)


@pytest.mark.parametrize(("text", "contact"), [
    ("527-301-44-86", True), ("Edukarta sp. z o.o.", False), ("12345", False)])
def test_identifiers_in_digits_are_contacts(text: str, contact: bool) -> None:
    assert is_contact(_value(ValueType.TEXT, text)) is contact


def test_a_swap_is_told_from_a_changed_digit() -> None:
    number = _value(ValueType.PHONE, "22 211 47 80")
    assert swapped(number, _value(ValueType.PHONE, "22 211 47 08"))
    assert not swapped(number, _value(ValueType.PHONE, "22 211 47 81"))


@pytest.mark.parametrize(("href", "expected"), [
    ("mailto:Pomoc@Edukarta.pl?subject=Reklamacja", ("email", "pomoc@edukarta.pl")),
    ("mailto:pomoc%40edukarta.pl", ("email", "pomoc@edukarta.pl")),
    ("tel:+48222114780", ("phone", "+48222114780")),
    ("tel:22-211-47-80", ("phone", "+48222114780")),
    ("https://www.edukarta.pl/cennik/", ("url", "edukarta.pl/cennik")),
    ("/cennik", None), ("javascript:void(0)", None), ("mailto:", None), ("tel:112", None)])
def test_link_targets(href: str, expected: Any) -> None:
    found = link_target(href, "pl")
    assert (None if found is None else (found.value.type.value, found.value.text)) == expected


@pytest.mark.parametrize(("first", "second", "expected"), [
    ("https://www.x.pl/regulamin", "https://x.com/regulamin", True),  # the host
    ("https://x.pl/pomoc/zwroty-towarow/", "https://x.pl/pomoc/zwroty-towarow2", True),
    ("x.pl/polityka#pliki-cookie", "x.pl/polityka#pliki-cokie", True),  # the fragment
    ("x.pl/privacy/firefox", "x.pl/privacy/websites", False),  # two pages of one site
    ("x.pl/terms/v1", "x.pl/terms/v2", False),  # numbered versions
    ("x.pl/p/sofa-123", "x.pl/p/sofa-1234", False),  # two products' numbers
    ("x.pl/pomoc/zwroty", "x.pl/pomoc/zwroty2", True),  # a digit where there was none
    ("x.pl/faq?utm=mail", "x.pl/faq?utm=web", False),  # the query is no other page
    ("x.pl/a/faq", "x.pl/b/faq2", False),  # two segments differ
    ("x.pl/kb/abc", "x.pl/kb/abd", True),
    ("x.pl/kb/ab", "x.pl/kb/ac", False),  # too short to tell a slip from another page
    ("support.x.pl/kb", "www.x.pl/kb", False),  # another host of the business
    ("x.pl/p/krzeslo-czarne", "x.pl/p/krzeslo-czarny", False),  # two products
    ("x.pl/produkt/sofa", "x.pl/produkty/sofa", False),  # forms of one word
    ("x.pl/regulamin", "x.pl/regulamn", True),  # a letter left out
])
def test_url_near_miss(first: str, second: str, expected: bool) -> None:
    a, b = _value(ValueType.URL, first), _value(ValueType.URL, second)
    assert url_near_miss(a, b) is expected
    assert url_near_miss(b, a) is expected
