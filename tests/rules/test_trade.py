"""What a document sells and to whom: declared in the configuration (project, channel) or
front matter, else read from its words; rules scoped by `applies_to` offers, audiences,
sectors and sellers; paragraphs and sections for businesses."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from consistency_lint.errors import ConfigError
from tests.conftest import lint, write_project

PACK = """pack: house
language: pl
applies_to: {audiences: [consumers]}
rules:
  - id: HOUSE-GOODS-RETURN
    category: legal-missing-clause
    applies_to: {offers: [goods]}
    message: Brak adresu zwrotów.
    why: Towar odsyła się na adres zwrotów.
    require:
      any: ["adres zwrotów"]
  - id: HOUSE-BANK-COMPLAINTS
    category: legal-missing-clause
    applies_to: {sectors: [financial], audiences: [consumers, businesses]}
    message: Brak informacji o Rzeczniku Finansowym.
    why: Podmiot rynku finansowego informuje o Rzeczniku Finansowym.
    require:
      any: ["Rzecznik Finansowy"]
"""
# a course: its words are of digital content, with goods named once in passing
COURSE = ("Kupujesz dostęp do kursu online.\n\nKurs online obejmuje lekcje i e-book do "
          "pobrania.\n\nDostęp do kursu dostaniesz e-mailem.\n\nNie wysyłamy towarów.\n")
SHOP = ("Towar wysyłamy kurierem.\n\nPaczkę odbierzesz w paczkomacie.\n\n"
        "Towar możesz odesłać w ciągu 14 dni.\n")


def _rules(tmp_path: Path, text: str, project: dict[str, Any] | None = None,
           channel: dict[str, Any] | None = None) -> list[str]:
    config = {"version": 1, "rules": ["house.yaml"], **(project or {}),
              "channels": {"docs": {"loader": "markdown", "paths": ["*.md"], **(channel or {})}}}
    write_project(tmp_path, config, {"house.yaml": PACK, "a.md": text})
    return [finding.rule for finding in lint(tmp_path).findings
            if finding.rule.startswith("HOUSE")]


@pytest.mark.parametrize(("text", "project", "channel", "found"), [
    (SHOP, {}, {}, ["HOUSE-GOODS-RETURN"]),  # read: goods
    (COURSE, {}, {}, []),  # read: digital content, goods only in passing
    ("Zapraszamy.\n", {}, {}, ["HOUSE-GOODS-RETURN"]),  # nothing to read: every rule applies
    (SHOP, {"offer": "services"}, {}, []),  # the project says what it sells
    (COURSE, {"offer": "services"}, {"offer": ["goods", "services"]},
     ["HOUSE-GOODS-RETURN"]),  # the channel's word beats the project's
    ("---\noffer: goods\n---\n" + COURSE, {}, {"offer": "services"},
     ["HOUSE-GOODS-RETURN"]),  # front matter beats the channel
    ("---\noffer: [subscription, goods]\n---\n" + COURSE, {}, {}, ["HOUSE-GOODS-RETURN"]),
    (SHOP, {"audience": "businesses"}, {}, []),  # the pack is for consumers
    (SHOP, {"audience": ["businesses", "consumers"]}, {}, ["HOUSE-GOODS-RETURN"]),
    ("---\nsector: financial\n---\n" + SHOP, {}, {},
     ["HOUSE-BANK-COMPLAINTS", "HOUSE-GOODS-RETURN"]),
])
def test_rules_apply_to_what_is_sold_and_to_whom(
        tmp_path: Path, text: str, project: dict[str, Any], channel: dict[str, Any],
        found: list[str]) -> None:
    assert sorted(_rules(tmp_path, text, project, channel)) == found


def test_a_bank_is_read_from_its_words_and_a_shop_naming_its_bank_is_not_one(
        tmp_path: Path) -> None:
    bank = ("Bank rozpatruje reklamacje dotyczące kredytów i pożyczek.\n\n"
            "Bank prowadzi rachunek płatniczy.\n\nBank jest nadzorowany przez Komisję "
            "Nadzoru Finansowego.\n\nMożesz też zwrócić się do Rzecznika Finansowego.\n")
    assert _rules(tmp_path / "bank", bank, {"offer": "services"}) == []
    shop = SHOP + "\nZapłacisz przelewem na rachunek w banku.\n"
    assert _rules(tmp_path / "shop", shop, {"offer": "services"}) == []
    assert _rules(tmp_path / "said", shop, {"offer": "services", "sector": "financial"}) == [
        "HOUSE-BANK-COMPLAINTS"]


def test_an_unknown_front_matter_name_is_reported_and_left_out(tmp_path: Path) -> None:
    config = {"version": 1, "rules": ["house.yaml"],
              "channels": {"docs": {"loader": "markdown", "paths": ["*.md"]}}}
    write_project(tmp_path, config, {"house.yaml": PACK,
                                     "a.md": "---\ntitle: Kurs\noffer: [course]\n---\n" + SHOP})
    assert [(f.rule, f.span.line, f.message) for f in lint(tmp_path).findings] == [
        ("INPUT-FRONT-MATTER", 3, "offer 'course' is not known (known: goods, services, "
         "digital-content, subscription); it is left out"),
        ("HOUSE-GOODS-RETURN", 5, "Brak adresu zwrotów.")]


@pytest.mark.parametrize(("settings", "line", "message"), [
    ("offer: course\n", 2, "offer.0: Input should be 'goods', 'services', 'digital-content' "
                           "or 'subscription'"),
    ("offer: []\n", 2, "offer: Value should have at least 1 item"),
    ("sector: [financial]\n", 2, "sector: Input should be 'general' or 'financial'"),
    ("channels:\n  docs:\n    loader: text\n    paths: ['*.txt']\n    audience: [firms]\n", 6,
     "channels.docs.audience.0: Input should be 'consumers', 'sole-traders' or 'businesses'"),
])
def test_invalid_trade_settings_stop_the_run(tmp_path: Path, settings: str, line: int,
                                             message: str) -> None:
    text = "version: 1\n" + settings
    if "channels" not in settings:
        text += "channels:\n  docs:\n    loader: text\n    paths: ['*.txt']\n"
    (tmp_path / "consistency-lint.yaml").write_text(text, encoding="utf-8")
    (tmp_path / "a.txt").write_text("Treść.\n", encoding="utf-8")
    with pytest.raises(ConfigError) as caught:
        lint(tmp_path)
    assert (caught.value.line, message in caught.value.message) == (line, True), caught.value


def _legal(tmp_path: Path, text: str) -> list[tuple[str, int]]:
    config = {"version": 1, "rules": ["builtin:pl-consumer-rights-2014"],
              "channels": {"web": {"loader": "markdown", "paths": ["*.md"],
                                   "doc_types": {"terms": ["*.md"]}}}}
    write_project(tmp_path, config, {"a.md": text})
    return [(f.rule, f.span.line) for f in lint(tmp_path).findings
            if f.rule in ("PL-KC-LIABILITY-CAP", "PL-CRA-WITHDRAWAL-DENIED-TO-SOLE-TRADERS",
                          "PL-CRA-JURISDICTION-CLAUSE")]


@pytest.mark.parametrize(("heading", "exempt"), [
    ("Postanowienia dotyczące Przedsiębiorców", True),
    ("Klienci niebędący konsumentami", True),
    ("Postanowienia dotyczące przedsiębiorców na prawach konsumenta", False),  # PNPK
    # sole traders left out, not in: the section is for the other businesses only
    ("Postanowienia dotyczące przedsiębiorców (z wyłączeniem przedsiębiorców na prawach "
     "konsumenta)", True),
    ("Klienci biznesowi, poza osobami fizycznymi prowadzącymi działalność na prawach "
     "konsumenta", True),
    ("Odpowiedzialność", False),
])
def test_sections_for_businesses_are_exempt_unless_they_name_sole_traders(
        tmp_path: Path, heading: str, exempt: bool) -> None:
    text = (f"# Regulamin\n\n## § 9. {heading}\n\n"
            "Spory rozstrzyga sąd właściwy dla siedziby Sprzedawcy.\n")
    assert _legal(tmp_path, text) == ([] if exempt else [("PL-CRA-JURISDICTION-CLAUSE", 5)])


def test_a_paragraph_opening_for_businesses_is_exempt_but_a_right_denied_to_all_is_not(
        tmp_path: Path) -> None:
    text = ("# Regulamin\n\n"
            "W przypadku Klientów będących przedsiębiorcami spory rozstrzyga sąd właściwy dla "
            "siedziby Sprzedawcy.\n\n"
            "Klientom niebędącym konsumentami prawo odstąpienia nie przysługuje, tak jak "
            "wszystkim kupującym na fakturę.\n\n"
            "Spory z klientami, także przedsiębiorcami, rozstrzyga sąd właściwy dla siedziby "
            "Sprzedawcy.\n")
    assert _legal(tmp_path, text) == [("PL-CRA-WITHDRAWAL-DENIED-TO-SOLE-TRADERS", 5),
                                      ("PL-CRA-JURISDICTION-CLAUSE", 7)]
