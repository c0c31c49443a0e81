"""Fact comparisons across channels and against the registry: exact findings."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from consistency_lint.model import Finding
from tests.conftest import keys, lint, write_project

REGISTRY = (
    "subjects:\n"
    "  shop: {name: Sklep Meblino, aliases: [Meblino]}\n"
    "  lido: {name: Sofa Lido}\n"
    "facts:\n"
    "  - {subject: shop, attribute: hotline, value: 22 350 40 50}\n"
    "  - {subject: shop, attribute: delivery_time, value: 5–7 dni roboczych}\n"
    "  - {subject: lido, attribute: price, value: 2 499 zł, effective_from: 2026-10-01}\n"
    "  - {subject: lido, attribute: price, value: 2 399 zł, effective_from: 2026-06-01,\n"
    "     effective_until: 2026-09-30}\n"
)
CHANNELS = {
    "web": {"loader": "markdown", "paths": ["web/*.md"]},
    "faq": {"loader": "faq", "paths": ["faq/*.yaml"]},
    "kb": {"loader": "text", "paths": ["kb/*.txt"]},
}


def _lint(tmp_path: Path, files: dict[str, str], registry: bool = True,
          today: date = date(2026, 11, 30)) -> tuple[Finding, ...]:
    used = {name: channel for name, channel in CHANNELS.items()
            if any(path.startswith(f"{name}/") for path in files)}
    config: dict[str, object] = {"version": 1, "channels": used}
    if registry:
        config["facts"] = "facts.yaml"
        files = {**files, "facts.yaml": REGISTRY}
    write_project(tmp_path, config, files)
    return tuple(f for f in lint(tmp_path, today=today).findings
                 if f.rule != "COVERAGE-REGISTRY-UNSTATED")  # tested on its own below


def test_registry_facts_no_document_states_are_information(tmp_path: Path) -> None:
    config = {"version": 1, "facts": "facts.yaml", "channels": {"kb": CHANNELS["kb"]}}
    write_project(tmp_path, config, {"facts.yaml": REGISTRY,
                                     "kb/lido.txt": "Sofa Lido kosztuje 2 499 zł.\n"})
    findings = lint(tmp_path, today=date(2026, 11, 30)).findings
    assert [(f.rule, f.severity.value, f.path, f.span.line, f.message) for f in findings] == [
        ("COVERAGE-REGISTRY-UNSTATED", "info", "facts.yaml", 5, "the registry declares "
         "hotline of Sklep Meblino (22 350 40 50), but no document states it"),
        ("COVERAGE-REGISTRY-UNSTATED", "info", "facts.yaml", 6, "the registry declares "
         "delivery_time of Sklep Meblino (5–7 dni roboczych), but no document states it")]


def test_registry_mismatch_outdated_and_agreeing_statements(tmp_path: Path) -> None:
    findings = _lint(tmp_path, {
        "web/lido.md": "# Sofa Lido\n\nCena: 2 499 zł. Dostawa w 5–7 dni roboczych.\n",
        "kb/lido.txt": "Sofa Lido kosztuje 2 399 zł.\n\nInfolinia: 22 350 40 55.\n",
        "faq/faq.yaml": "- question: Ile trwa dostawa?\n  answer: Dostawa trwa do 14 dni "
                        "roboczych.\n",
    })
    assert keys(findings) == [
        ("FACT-REGISTRY-MISMATCH", "fact-mismatch", "faq/faq.yaml", 2),
        ("FACT-OUTDATED", "fact-mismatch", "kb/lido.txt", 1),
        ("FACT-REGISTRY-MISMATCH", "fact-mismatch", "kb/lido.txt", 3),
    ]
    outdated = findings[1]
    assert outdated.message == ("price of Sofa Lido: stated 2 399 zł, valid until 2026-09-30; "
                                "now 2 499 zł")
    assert (outdated.span.column, outdated.span.end_column) == (20, 28)
    assert [(r.path, r.line, r.value) for r in outdated.related] == [("facts.yaml", 7, "2 499 zł")]


def test_the_registry_value_valid_on_today_is_the_reference(tmp_path: Path) -> None:
    files = {"kb/lido.txt": "Sofa Lido kosztuje 2 399 zł.\n"}
    assert _lint(tmp_path, files, today=date(2026, 9, 1)) == ()


def test_channels_disagreeing_without_registry_point_at_the_minority(tmp_path: Path) -> None:
    findings = _lint(tmp_path, {
        "web/kontakt.md": "# Kontakt\n\nInfolinia: 22 350 40 50.\n",
        "kb/kontakt.txt": "Numer infolinii: +48 22 350 40 50.\n",
        "faq/faq.yaml": "- question: Jak się skontaktować?\n  answer: Zadzwoń na infolinię "
                        "22 350 40 59.\n",
    }, registry=False)
    assert keys(findings) == [("FACT-CHANNEL-MISMATCH", "fact-mismatch", "faq/faq.yaml", 2)]
    assert sorted((r.path, r.line) for r in findings[0].related) == [
        ("kb/kontakt.txt", 1), ("web/kontakt.md", 3)]
    assert findings[0].confidence.value == "high"


def test_a_mismatch_is_as_sure_as_its_least_sure_attribution(tmp_path: Path) -> None:
    # the web page states the number fifteen words after its cue: a medium attribution
    findings = _lint(tmp_path, {
        "web/kontakt.md": "# Kontakt\n\nInfolinia, z której mogą korzystać wszyscy klienci "
                          "naszego sklepu internetowego i partnerzy, to 22 350 40 50.\n",
        "kb/kontakt.txt": "Numer infolinii: 22 350 40 59.\n",
    }, registry=False)
    assert [(f.path, f.confidence.value) for f in findings] == [
        ("kb/kontakt.txt", "medium"), ("web/kontakt.md", "medium")]


def test_without_a_majority_every_side_is_reported(tmp_path: Path) -> None:
    findings = _lint(tmp_path, {
        "web/kontakt.md": "# Kontakt\n\nInfolinia: 22 350 40 50.\n",
        "kb/kontakt.txt": "Numer infolinii: 22 350 40 59.\n",
    }, registry=False)
    assert keys(findings) == [
        ("FACT-CHANNEL-MISMATCH", "fact-mismatch", "kb/kontakt.txt", 1),
        ("FACT-CHANNEL-MISMATCH", "fact-mismatch", "web/kontakt.md", 3),
    ]


def test_values_in_other_units_or_with_low_confidence_are_not_compared(tmp_path: Path) -> None:
    findings = _lint(tmp_path, {
        "kb/a.txt": "Dostawa trwa 48 godzin.\n\nPrzegląd kosztuje 249 zł.\n",
    })
    assert findings == ()


def test_calendar_days_are_not_working_days(tmp_path: Path) -> None:
    """ "14 dni" is another period than "5–7 dni roboczych", not one that cannot be compared."""
    findings = _lint(tmp_path, {"kb/a.txt": "Dostawa trwa 7 dni.\n"})
    assert keys(findings) == [("FACT-REGISTRY-MISMATCH", "fact-mismatch", "kb/a.txt", 1)]


def test_a_deadline_promises_its_last_day(tmp_path: Path) -> None:
    """Against "5–7 dni roboczych": "do 7" and "7" promise the same day, "6" and "do 10" do
    not."""
    findings = _lint(tmp_path, {
        "kb/a.txt": "Dostawa trwa do 7 dni roboczych.\n",
        "kb/b.txt": "Dostawa trwa 7 dni roboczych.\n",
        "kb/c.txt": "Dostawa trwa 6 dni roboczych.\n",
        "kb/d.txt": "Dostawa trwa do 10 dni roboczych.\n",
    })
    assert keys(findings) == [("FACT-REGISTRY-MISMATCH", "fact-mismatch", "kb/c.txt", 1),
                              ("FACT-REGISTRY-MISMATCH", "fact-mismatch", "kb/d.txt", 1)]


def test_a_granted_period_is_that_period(tmp_path: Path) -> None:
    """ "w terminie 10 dni" grants 10 days: it contradicts "masz 14 dni" elsewhere; "w ciągu 14
    dni" and "14 dni" are one period (one value in the vote, which so has a majority)."""
    findings = _lint(tmp_path, {
        "kb/a.txt": "Masz 14 dni na odstąpienie od umowy.\n",
        "kb/b.txt": "Konsument może w terminie 14 dni odstąpić od umowy.\n",
        "kb/c.txt": "Odstąpienie od umowy jest możliwe w ciągu 14 dni.\n",
        "kb/d.txt": "Konsument może w terminie 10 dni odstąpić od umowy.\n",
        "kb/e.txt": "Na odstąpienie od umowy masz 14 dni.\n",
    }, registry=False)
    assert keys(findings) == [("FACT-CHANNEL-MISMATCH", "fact-mismatch", "kb/d.txt", 1)]


def test_coverage_gap_on_a_product_page_silent_on_its_price(tmp_path: Path) -> None:
    findings = _lint(tmp_path, {
        "web/lido.md": "# Sofa Lido\n\nCena: 2 499 zł.\n",
        "kb/lido.txt": "Sofa Lido\n\nSofa z funkcją spania.\n",
    })
    assert keys(findings) == [("COVERAGE-GAP", "coverage-gap", "kb/lido.txt", 1)]
    assert findings[0].message == ("channel `kb` has a page about Sofa Lido but never states its "
                                   "price (registry: 2 499 zł)")


def test_values_of_another_measure_make_no_list_of_variants(tmp_path: Path) -> None:
    """Years read as a delivery time beside "4–7 dni roboczych" are no second variant of it:
    the working days are still the delivery time, and compared with the registry."""
    findings = _lint(tmp_path, {
        "kb/a.txt": "Termin realizacji zamówienia wynosi 4–7 dni roboczych.\n\nSprzedawca "
                    "odpowiada za brak zgodności ujawniony w ciągu dwóch lat od dostarczenia "
                    "towaru.\n",
    })
    assert keys(findings) == [("FACT-REGISTRY-MISMATCH", "fact-mismatch", "kb/a.txt", 1)]
    assert "stated 4–7 dni roboczych" in findings[0].message
