"""The event a period is counted from (`facts/anchors.py`), and the attribute a period's
clause gives it (issue 23: values keep their meaning, attribution)."""

from __future__ import annotations

from pathlib import Path

import pytest

from consistency_lint.facts.anchors import anchor_in_text
from tests.facts.test_attribution import _facts


@pytest.mark.parametrize(("text", "anchor"), [
    ("14 dni od zawarcia umowy", "contract"),
    ("14 dni od dnia otrzymania oświadczenia o odstąpieniu", "receipt"),
    ("14 dni od Twojego oświadczenia", "receipt"),
    ("14 dni od otrzymania towaru", "delivery"),
    ("14 dni od objęcia rzeczy w posiadanie", "delivery"),
    ("2 lata od wydania", "delivery"),
    ("3–5 dni roboczych od zaksięgowania wpłaty", "payment"),
    ("w ciągu 14 dni od odstąpienia", "withdrawal"),
    ("14 dni", ""),
    ("14 dni od dnia, w którym", ""),
    ("1–2 dni robocze od zaliczenia ostatniego modułu", ""),
])
def test_the_event_a_period_is_counted_from(text: str, anchor: str) -> None:
    assert anchor_in_text(text, "pl") == anchor


def test_each_period_gets_the_attribute_of_its_clause(tmp_path: Path) -> None:
    text = ("Konsument może w terminie 14 dni odstąpić od umowy. Bieg terminu rozpoczyna się "
            "od objęcia towaru w posiadanie.\n\n"
            "Sprzedawca, nie później niż w terminie 14 dni od dnia otrzymania oświadczenia, "
            "zwróci Konsumentowi wszystkie płatności. Konsument odsyła towar w ciągu 14 dni od "
            "odstąpienia.\n\n"
            "Sprzedawca odpowiada za brak zgodności ujawniony w ciągu dwóch lat od wydania "
            "towaru.\n")
    assert _facts(tmp_path, "text", "regulamin.txt", text) == [
        ("shop", "withdrawal_period", "14 day from delivery", 1, "high"),
        ("shop", "refund_deadline", "<=14 day from receipt", 3, "high"),  # the event skipped
        ("shop", "goods_return_period", "14 day from withdrawal", 3, "high"),
        ("shop", "liability_period", "24 month from delivery", 5, "high"),
    ]


def test_no_period_of_the_business_in_an_age_a_notice_or_a_certificate(tmp_path: Path) -> None:
    text = ("Konto mogą założyć osoby, które ukończyły 18 lat.\n\n"
            "O zmianie regulaminu informujemy co najmniej 7 dni przed jej wejściem w życie.\n\n"
            "Certyfikat trafia na Twoje konto w ciągu 1–2 dni roboczych.\n\n"
            "Prosimy o zgodę na dostarczanie pliku przed upływem 14 dni.\n\n"
            "Za wady odpowiadamy przez 2 lata od dostawy.\n")
    facts = _facts(tmp_path, "text", "a.txt", text)
    assert facts == [
        ("shop", "terms_change_notice", ">=7 day", 3, "high"),
        ("shop", "liability_period", "24 month from delivery", 9, "high"),
    ]


def test_the_event_ends_where_the_clause_resumes(tmp_path: Path) -> None:
    text = ("Masz 14 dni od zawarcia umowy na odstąpienie od niej bez podania przyczyny.\n\n"
            "Pieniądze oddamy w ciągu 14 dni od Twojego oświadczenia.\n")
    assert _facts(tmp_path, "text", "faq.txt", text) == [
        ("shop", "withdrawal_period", "14 day from contract", 1, "high"),
        ("shop", "refund_deadline", "<=14 day from receipt", 3, "high"),
    ]
