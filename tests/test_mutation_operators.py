"""The mutation benchmark's operators (benchmarks/mutations/operators.py): each finds its
sites in text a reader sees and writes a plausible other value there."""

from __future__ import annotations

import pytest
from benchmarks.mutations.counterparts import Counterparts
from benchmarks.mutations.operators import OPERATORS, other_domain, polish_numeral


def _changes(operator: str, text: str) -> list[tuple[str, str]]:
    return [(site.old, site.new) for site in OPERATORS[operator](text)]


@pytest.mark.parametrize(("operator", "text", "expected"), [
    ("number", "Dostawa kosztuje 39 zł, od 1 000 zł gratis.", [("39", "58"), ("1 000", "1 300")]),
    ("number", "Wysyłka w 3–5 dni roboczych.", [("3", "2"), ("5", "7")]),
    ("number", "<b>6&nbsp;499 zł</b>", [("6&nbsp;499", "6&nbsp;799")]),
    ("number", "w terminie dziesięciu dni", [("dziesięciu", "piętnastu")]),
    ("number", "art. 27 ustawy, tel. 22 417 30 30", []),
    ("digit-swap", "Infolinia 22 417 30 30, NIP 7831876543.",
     [("22 417 30 30", "22 417 30 03"), ("7831876543", "7831876534")]),
    ("email-domain", "napisz na pomoc@velora.pl.", [("velora.pl", "velora.com.pl")]),
    ("email-local", "napisz na pomoc@velora.pl.", [("pomoc", "kontakt")]),
    ("url", "zob. https://www.velora.pl/regulamin.html",
     [("www.velora.pl", "www.velora.com.pl"), ("regulamin", "regulamin2")]),
    ("hours", "czynna pn.–pt. 8:00–18:00", [("18", "19"), ("pt", "sob")]),
    ("hours", "od poniedziałku do piątku w godz. 8–18", [("18", "19"), ("piątku", "soboty")]),
    ("hours", "Zamówienia do godziny 14:00 wysyłamy", [("14", "15")]),
    ("number-in-words", "Masz 14 dni, zwrot w ciągu 14 dni, 2 raty",
     [("14", "czternaście"), ("14", "czternastu"), ("2", "dwie")]),
    ("working-days", "3–5 dni roboczych, zwrot w 14 dni",
     [("dni roboczych", "dni"), ("dni", "dni roboczych")]),
    ("list-item", "Wysyłamy przez InPost i DPD, płatność BLIK.",
     [("InPost", "DHL"), ("DPD", "DHL"), ("BLIK", "PayU")]),
    ("list-item", "Dostawa na terenie Polski.", [("Polski", "Czech")]),
    ("drop-condition", "Zwrot w ciągu 14 dni od otrzymania oświadczenia.",
     [(" od otrzymania oświadczenia", "")]),
    ("drop-condition", "Darmowa dostawa przy zamówieniach od 200 zł.",
     [(" przy zamówieniach od 200 zł", "")]),
])
def test_operator_finds_its_sites_and_changes_them(operator: str, text: str,
                                                   expected: list[tuple[str, str]]) -> None:
    assert _changes(operator, text) == expected


def test_markup_no_reader_sees_is_left_alone() -> None:
    text = "---\nlast_reviewed: 2026\n---\n<p class='x 14 dni'>{{ order.total }} 14 dni</p>"
    assert [site.start for site in OPERATORS["number"](text)] == [text.rindex("14")]


@pytest.mark.parametrize(("value", "genitive", "feminine", "words"), [
    (14, False, False, "czternaście"), (14, True, False, "czternastu"),
    (24, False, False, "dwadzieścia cztery"), (2, False, True, "dwie"),
    (22, True, True, "dwudziestu dwóch"), (30, False, False, "trzydzieści"),
])
def test_polish_numeral(value: int, genitive: bool, feminine: bool, words: str) -> None:
    assert polish_numeral(value, genitive, feminine) == words


@pytest.mark.parametrize(("domain", "other"), [
    ("velora.pl", "velora.com.pl"), ("x.com.pl", "x.pl"), ("x.com", "x.pl")])
def test_other_domain_is_a_near_miss(domain: str, other: str) -> None:
    assert other_domain(domain) == other


def _has_counterpart(operator: str, texts: list[str], needle: str) -> bool:
    """Whether the value around the first `needle` of texts[0] has a counterpart."""
    start = texts[0].index(needle)
    return Counterparts(texts).has_counterpart(operator, texts[0], start, start + len(needle))


@pytest.mark.parametrize(("operator", "texts", "needle", "expected"), [
    # stated once: a changed link is indistinguishable from one that was always there
    ("url", ["zob. https://www.velora.pl/regulamin.html", "nic"], "regulamin", False),
    # the same page, written without the scheme, in another file
    ("url", ["zob. https://www.velora.pl/regulamin.html", "www.velora.pl/regulamin.html"],
     "regulamin", True),
    ("email-domain", ["pomoc@velora.pl", "Napisz: POMOC@velora.pl"], "velora.pl", True),
    ("email-local", ["pomoc@velora.pl", "kontakt@velora.pl"], "pomoc", False),
    # a phone number with and without the country prefix and spaces is one value
    ("digit-swap", ["tel. 22 417 30 30", "+48224173030"], "22 417 30 30", True),
    # a number with a unit of the same kind anywhere else, whatever fact it states there
    ("number", ["Zwrot w ciągu 14 dni.", "Reklamacje: 14 dni."], "14", True),
    ("number", ["Przegląd kosztuje 249 zł.", "Zwrot w ciągu 249 dni."], "249", False),
    ("number", ["Masz czternaście dni.", "Zwrot: 14 dni."], "czternaście", True),
    ("working-days", ["3–5 dni roboczych", "Dostawa: 5 dni."], "dni", True),
    ("list-item", ["Wysyłamy do Czech.", "Kraje: Czechy, Polska."], "Czech", True),
    ("list-item", ["Wysyłamy kurierem DPD.", "Kurier InPost."], "DPD", False),
    # a dropped condition: its event, or its threshold amount, stated elsewhere
    ("drop-condition", ["Zwrot w ciągu 14 dni od zaksięgowania wpłaty.",
                        "Wysyłka 2 dni od zaksięgowania płatności."], " od zaksięgowania", True),
    ("drop-condition", ["Darmowa dostawa przy zamówieniach od 200 zł.", "Próg: 200 zł."],
     " przy zamówieniach", True),
    ("drop-condition", ["Darmowa dostawa przy zamówieniach od 200 zł.", "nic"],
     " przy zamówieniach", False),
])
def test_a_mutated_value_counts_only_when_another_place_states_it(
        operator: str, texts: list[str], needle: str, expected: bool) -> None:
    assert _has_counterpart(operator, texts, needle) is expected
