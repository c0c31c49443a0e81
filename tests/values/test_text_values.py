"""Names and addresses (`text` facts) as compared: a part of the registry's text agrees with
it, a near miss of it disagrees, and words after a cue that are like neither are no statement
of the fact at all, never compared."""

from __future__ import annotations

import pytest

from consistency_lint.values.extraction import text_value

REGISTRY_ADDRESS = "ul. Składowa 12, 61-897 Poznań"
REGISTRY_NAME = "Domilo sp. z o.o."


@pytest.mark.parametrize(("stated", "registry", "comparable", "agree"), [
    ("Składowa 12", REGISTRY_ADDRESS, True, True),  # a part of the address
    ("Składowa 21", REGISTRY_ADDRESS, True, False),  # a near miss: two digits swapped
    ("ul. Składowa 12, 61-987 Poznań", REGISTRY_ADDRESS, True, False),
    ("w Poznaniu", REGISTRY_ADDRESS, False, False),  # no statement of the address
    ("Domilo sp. z o.o. z siedzibą w Poznaniu", REGISTRY_NAME, True, True),
    ("Domillo sp. z o.o.", REGISTRY_NAME, True, False),
    ("nieodpłatnie świadczy usługi prowadzenia konta Klienta", REGISTRY_NAME, False, False),
    ("Polski", "Polska, Czechy i Słowacja", True, True),  # another form of one word
    ("783-184-25-15", "7831842515", True, True),  # identifiers by their digits
    ("783-184-25-51", "7831842515", True, False),
    # an international form is the national number behind its country code
    ("05 1140 2004 0000 3417 2846 5193", "PL05 1140 2004 0000 3417 2846 5193", True, True),
    ("PL 783-184-25-15", "783-184-25-15", True, True),
    ("06 1140 2004 0000 3417 2846 5193", "PL05 1140 2004 0000 3417 2846 5193", True, False),
    ("prowadzonego przez Sąd Rejonowy", "0000918273", False, False),
    # a time or a number in words: the same words, another number, is another statement
    ("13:00 wysyłamy tego samego dnia", "13:00", True, True),
    ("14:00 wysyłamy tego samego dnia", "13:00", True, False),
    ("do 9:30", "10:00", True, False),
    ("pakiet 5 lekcji", "pakiet 10 lekcji", True, False),
    ("ul. Leśna 5", "ul. Składowa 12", False, False),  # other words: no statement of it
    ("ul. Prosta 12/14", "13:00", False, False),  # numbers written otherwise
])
def test_text_values_compare_as_parts_and_near_misses(stated: str, registry: str,
                                                      comparable: bool, agree: bool) -> None:
    mine, theirs = text_value(stated), text_value(registry)
    assert mine.comparable_with(theirs) is comparable
    assert theirs.comparable_with(mine) is comparable
    assert mine.agrees_with(theirs) is agree
