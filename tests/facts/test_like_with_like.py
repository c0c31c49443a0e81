"""Attribution a compliance officer can sign: roles, variants, bounds, identifiers, schedules.

Each case is a real-shaped sentence of shop content and the exact facts or findings it gives.
"""

from __future__ import annotations

from pathlib import Path

from consistency_lint.model import Finding, ValueType
from tests.conftest import lint, write_project

REGISTRY = ("subjects:\n  shop: {name: Sklep Domovita, aliases: [Domovita]}\n"
            "  lido: {name: Sofa Lido, aliases: [sofa Lido]}\n")


def _project(tmp_path: Path, files: dict[str, str], registry: str = REGISTRY) -> None:
    channels = {name: {"loader": "text", "paths": [f"{name}/*.txt"]} for name in ("web", "kb")
                if any(path.startswith(f"{name}/") for path in files)}
    config = {"version": 1, "facts": "facts.yaml", "channels": channels}
    write_project(tmp_path, config, {"facts.yaml": registry, **files})


def _facts(tmp_path: Path, text: str) -> list[tuple[str, str, str, str]]:
    """(attribute, role, stated text, label) of every value the page states (the members
    of sets it names, "InPost", are tested in tests/checks/test_fact_sets.py)."""
    _project(tmp_path, {"web/a.txt": text})
    return [(f.attribute, f.role, f.text, f.label) for f in lint(tmp_path).facts
            if f.value.type is not ValueType.SET]


def _mismatches(tmp_path: Path, files: dict[str, str],
                registry: str = REGISTRY) -> list[tuple[str, str, int]]:
    _project(tmp_path, files, registry)
    findings: tuple[Finding, ...] = lint(tmp_path).findings
    return [(f.rule, f.path, f.span.line) for f in findings
            if f.category.value == "fact-mismatch"]


def test_a_weekday_and_saturday_schedule_is_one_fact(tmp_path: Path) -> None:
    assert _facts(tmp_path, "Infolinia czynna pn.–pt. 8–20, a w soboty 9–14.\n") == [
        ("opening_hours", "", "pn.–pt. 8–20, a w soboty 9–14", "")]


def test_a_schedule_is_compared_as_a_week_a_day_alone_on_that_day(tmp_path: Path) -> None:
    registry = REGISTRY + ("facts:\n  - {subject: shop, attribute: opening_hours, "
                           "value: \"pn.–pt. 8–20, sob. 9–14\"}\n")
    assert _mismatches(tmp_path / "a", {"web/a.txt": "W soboty infolinia czynna 9–14.\n",
                                        "kb/b.txt": "Infolinia czynna pn.–pt. 8–20.\n"},
                       registry) == [("FACT-REGISTRY-MISMATCH", "kb/b.txt", 1)]
    assert _mismatches(tmp_path / "b", {"web/a.txt": "Infolinia czynna pn.–pt. 9–17.\n"},
                       registry) == [("FACT-REGISTRY-MISMATCH", "web/a.txt", 1)]


def test_a_list_of_carriers_is_variants_compared_only_with_the_same_carrier(
        tmp_path: Path) -> None:
    page = "Dostawa InPost: 12,99 zł; DPD: 16,99 zł; kurier pobraniowy: 21,99 zł.\n"
    assert _facts(tmp_path / "facts", page) == [
        ("delivery_cost", "", "12,99 zł", "inpost"), ("delivery_cost", "", "16,99 zł", "dpd"),
        ("delivery_cost", "", "21,99 zł", "pobraniowy")]
    assert _mismatches(tmp_path / "same", {"web/a.txt": page, "kb/b.txt": page}) == []
    other = "Dostawa InPost: 13,99 zł; DPD: 16,99 zł.\n"
    assert _mismatches(tmp_path / "other", {"web/a.txt": page, "kb/b.txt": other}) == [
        ("FACT-CHANNEL-MISMATCH", "kb/b.txt", 1), ("FACT-CHANNEL-MISMATCH", "web/a.txt", 1)]


def test_variants_no_label_sets_apart_contradict_each_other(tmp_path: Path) -> None:
    page = "Infolinia: 22 350 40 50.\n\nInfolinia: 22 350 40 50.\n\nInfolinia: 22 350 40 59.\n"
    assert _mismatches(tmp_path, {"web/a.txt": page}) == [
        ("FACT-CHANNEL-MISMATCH", "web/a.txt", 5)]


def test_thresholds_return_costs_and_regular_prices_are_not_prices_or_delivery(
        tmp_path: Path) -> None:
    page = ("Od 1 500 zł dostawa gratis. Koszt zwrotu towaru wynosi 15 zł.\n\n"
            "Sofa Lido. Cena regularna: 2 999 zł. Cena: 2 499 zł.\n")
    assert _facts(tmp_path, page) == [
        ("free_delivery_threshold", "", "Od 1 500 zł", ""), ("price", "", "2 499 zł", "")]


def test_the_most_specific_cue_wins_a_custom_regular_price(tmp_path: Path) -> None:
    registry = REGISTRY + "attributes:\n  regular_price: {type: money, cues: [cena regularna]}\n"
    _project(tmp_path, {"web/a.txt": "Sofa Lido. Cena regularna: 2 999 zł.\n"}, registry)
    assert [(f.subject, f.attribute, f.text) for f in lint(tmp_path).facts] == [
        ("lido", "regular_price", "2 999 zł")]


def test_contact_addresses_carry_the_role_their_cues_give(tmp_path: Path) -> None:
    page = ("Reklamacje: reklamacje@domovita.pl. Inspektor ochrony danych: iod@domovita.pl. "
            "Kontakt: sklep@domovita.pl.\n")
    assert [(attribute, role, text) for attribute, role, text, _ in _facts(tmp_path, page)] \
        == [("contact_email", "complaints", "reklamacje@domovita.pl"),
            ("contact_email", "data_protection", "iod@domovita.pl"),
            ("contact_email", "", "sklep@domovita.pl")]


def test_several_addresses_are_a_set_and_roles_are_compared_only_with_their_own(
        tmp_path: Path) -> None:
    web = "Reklamacje: reklamacje@domovita.pl. Kontakt: sklep@domovita.pl.\n"
    kb = "Reklamacje przyjmujemy pod adresem reklamacje@domovita.pl.\n"
    assert _mismatches(tmp_path / "a", {"web/a.txt": web, "kb/b.txt": kb}) == []
    wrong = "Reklamacje przyjmujemy pod adresem reklamacja@domovita.pl.\n"
    # a near miss of an address stated as often: one finding, at the place later in path
    # order, naming the other among its related places
    assert _mismatches(tmp_path / "b", {"web/a.txt": web, "kb/b.txt": wrong}) == [
        ("FACT-CHANNEL-MISMATCH", "web/a.txt", 1)]


def test_pickup_hours_are_not_hotline_hours(tmp_path: Path) -> None:
    assert _mismatches(tmp_path, {
        "web/a.txt": "Infolinia czynna pn.–pt. 8–20.\n",
        "kb/b.txt": "Odbiór osobisty w punkcie: pn.–pt. 10–18.\n"}) == []


def test_the_statutory_period_and_a_longer_voluntary_one_are_two_facts(tmp_path: Path) -> None:
    page = ("Ustawowo masz 14 dni na odstąpienie od umowy, a u nas możesz zwrócić towar nawet "
            "w ciągu 30 dni.\n")
    assert [(attribute, role) for attribute, role, *_ in _facts(tmp_path / "f", page)] == [
        ("withdrawal_period", ""), ("withdrawal_period", "voluntary")]
    assert _mismatches(tmp_path / "m", {"web/a.txt": page,
                                        "kb/b.txt": "Na odstąpienie od umowy masz 14 dni.\n"}) \
        == []


def test_a_refund_counted_from_the_withdrawal_is_the_refund_deadline(tmp_path: Path) -> None:
    page = ("Sprzedawca dokonuje zwrotu płatności niezwłocznie, nie później niż w terminie "
            "czternastu dni od dnia otrzymania oświadczenia o odstąpieniu od umowy.\n")
    assert [attribute for attribute, *_ in _facts(tmp_path, page)] == ["refund_deadline"]


def test_identifiers_and_third_parties_are_never_the_hotline(tmp_path: Path) -> None:
    page = ("Sklep Domovita sp. z o.o., NIP 525 000 12 34, REGON 012 345 678, KRS 0000123456, "
            "numer konta 12 1020 3040 0000 1234 5678 9012. Numer zamówienia: 123 456 789.\n\n"
            "Możesz skorzystać z pomocy rzecznika konsumentów, tel. 800 889 866.\n\n"
            "Infolinia: 22 350 40 50.\n")
    facts = [(attribute, text) for attribute, _role, text, _ in _facts(tmp_path, page)]
    assert [fact for fact in facts if fact[0] == "hotline"] == [("hotline", "22 350 40 50")]
    assert [fact for fact in facts if fact[0] != "hotline"] == [  # identifiers of their own
        ("nip", "525 000 12 34"), ("regon", "012 345 678"), ("krs", "0000123456"),
        ("bank_account", "12 1020 3040 0000 1234 5678 9012")]


def test_text_facts_of_the_registry_are_extracted_and_compared(tmp_path: Path) -> None:
    registry = REGISTRY + (
        "facts:\n  - {subject: shop, attribute: nip, value: \"525-000-12-33\"}\n"
        "attributes:\n  nip: {type: text, scope: company, cues: [NIP]}\n")
    files = {"web/a.txt": "Sprzedawca: Domovita sp. z o.o., NIP: 525 000 12 35.\n",
             "kb/b.txt": "Dane do faktury: NIP 5250001233.\n"}
    assert sorted(_mismatches(tmp_path, files, registry)) == [  # and its check digit fails
        ("FACT-IDENTIFIER-CHECK-DIGIT", "web/a.txt", 1), ("FACT-REGISTRY-MISMATCH", "web/a.txt", 1)]


def test_an_adjective_of_obligation_labels_no_variant(tmp_path: Path) -> None:
    """"należne kwoty" (the amounts due) are every amount: "należny" tells no variant of
    the refund deadline apart, so the statement is the plain fact, compared with the
    registry's."""
    page = ("Płatność zwracamy w terminie 14 dni od odstąpienia.\n\n"
            "Należne kwoty zwracamy w terminie 15 dni od dnia otrzymania oświadczenia.\n")
    assert _facts(tmp_path / "facts", page) == [
        ("refund_deadline", "", "w terminie 14 dni", ""),  # "zwracać płatność"
        ("refund_deadline", "", "w terminie 15 dni", "")]
    assert _facts(tmp_path / "inside", "Zwrot należnej kwoty nastąpi w ciągu 14 dni, a zwrot "
                  "kosztów dostawy w ciągu 7 dni.\n") == [
        ("refund_deadline", "", "w ciągu 14 dni", ""),
        ("withdrawal_period", "", "w ciągu 7 dni", "")]
    registry = REGISTRY + ("facts:\n  - {subject: shop, attribute: refund_deadline, "
                           "value: \"14 dni\"}\n")
    assert _mismatches(tmp_path / "registry", {"web/a.txt": page}, registry) == [
        ("FACT-REGISTRY-MISMATCH", "web/a.txt", 3)]


def test_a_classifying_adjective_still_labels_a_variant(tmp_path: Path) -> None:
    page = "Ekspresowa dostawa kosztuje 25 zł, a dostawa standardowa 15 zł.\n"
    assert _facts(tmp_path, page) == [("delivery_cost", "", "25 zł", "ekspresowy"),
                                      ("delivery_cost", "", "15 zł", "standardowy")]
