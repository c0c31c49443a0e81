"""Product facts stated without naming a product, and the Omnibus lowest prior price:
exact findings."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from consistency_lint.model import Finding
from tests.conftest import keys, lint, write_project

CHANNELS = {
    "web": {"loader": "markdown", "paths": ["web/*.md"]},
    "kb": {"loader": "text", "paths": ["kb/*.txt"]},
    "faq": {"loader": "faq", "paths": ["faq/*.yaml"]},
}


def _registry(basic_term: str, premium_term: str) -> str:
    return ("subjects:\n"
            "  firma: {name: Telio sp. z o.o., aliases: [Telio]}\n"
            "  basic: {name: Pakiet Basic, aliases: [Basic]}\n"
            "  premium: {name: Pakiet Premium, aliases: [Premium]}\n"
            "facts:\n"
            "  - {subject: firma, attribute: hotline, value: 22 480 11 90}\n"
            f"  - {{subject: basic, attribute: contract_term, value: {basic_term}}}\n"
            f"  - {{subject: premium, attribute: contract_term, value: {premium_term}}}\n")


def _lint(tmp_path: Path, files: dict[str, str], registry: str | None) -> tuple[Finding, ...]:
    used = {name: channel for name, channel in CHANNELS.items()
            if any(path.startswith(f"{name}/") for path in files)}
    config: dict[str, object] = {"version": 1, "channels": used}
    if registry is not None:
        config["facts"] = "facts.yaml"
        files = {**files, "facts.yaml": registry}
    write_project(tmp_path, config, files)
    return tuple(f for f in lint(tmp_path, today=date(2026, 11, 30)).findings
                 if f.rule != "COVERAGE-REGISTRY-UNSTATED")


def test_an_unnamed_statement_of_a_value_all_products_share_is_compared(
        tmp_path: Path) -> None:
    findings = _lint(tmp_path, {
        "web/umowa.md": "# Umowa\n\nUmowę zawieramy na 24 miesiące.\n",
        "kb/umowa.txt": "Okres umowy to 24 miesiące, potem umowa wygasa.\n\n"
                        "Umowa na 36 miesięcy nie jest w ofercie.\n",
    }, _registry("24 miesiące", "24 miesiące"))
    assert keys(findings) == [("FACT-REGISTRY-MISMATCH", "fact-mismatch", "kb/umowa.txt", 3)]


def test_an_unnamed_statement_is_not_compared_when_products_differ(tmp_path: Path) -> None:
    files = {"kb/umowa.txt": "Okres umowy to 36 miesięcy.\n"}
    assert _lint(tmp_path, files, _registry("24 miesiące", "12 miesięcy")) == ()


def test_a_period_in_another_unit_is_not_the_shared_fact(tmp_path: Path) -> None:
    # the reminder two weeks before the end is no contract term of 14 days
    files = {"kb/umowa.txt": "Umowa na 24 miesiące wygasa sama; dwa tygodnie przed końcem "
                             "okresu umowy wysyłamy przypomnienie.\n"}
    assert _lint(tmp_path, files, _registry("24 miesiące", "24 miesiące")) == ()


def test_the_lowest_prior_price_is_compared_across_channels(tmp_path: Path) -> None:
    findings = _lint(tmp_path, {
        "web/promocja.md": "# Pakiet Premium taniej\n\nPakiet Premium kosztuje teraz 79 zł "
                           "miesięcznie. Najniższa cena z 30 dni przed obniżką: 99 zł.\n",
        "kb/promocja.txt": "Pakiet Premium jest w promocji za 79 zł miesięcznie. Najniższa "
                           "cena z ostatnich 30 dni przed obniżką wynosiła 109 zł.\n",
        "faq/faq.yaml": "- question: Ile kosztował Pakiet Premium przed promocją?\n"
                        "  answer: Najniższa cena Pakietu Premium z 30 dni przed obniżką "
                        "to 99 zł.\n",
    }, _registry("24 miesiące", "24 miesiące"))
    mismatches = [f for f in findings if f.category.value == "fact-mismatch"]
    assert keys(mismatches) == [("FACT-CHANNEL-MISMATCH", "fact-mismatch", "kb/promocja.txt", 1)]
    assert mismatches[0].message.startswith("lowest_prior_price of Pakiet Premium")


def test_a_wrong_window_of_the_lowest_price_is_reported_at_its_line(tmp_path: Path) -> None:
    config = {"version": 1, "rules": ["builtin:pl-consumer-rights-2014"],
              "channels": {"kb": CHANNELS["kb"]}}
    write_project(tmp_path, config, {"kb/promocja.txt": (
        "Pakiet Premium kosztuje teraz 79 zł miesięcznie.\n\n"
        "Najniższa cena z 30 dni przed obniżką wynosiła 99 zł.\n\n"
        "Najniższa cena z ostatnich 60 dni przed obniżką wynosiła 99 zł.\n\n"
        "Najniższa cena z 30 dni roboczych przed obniżką wynosiła 99 zł.\n\n"
        "Przez pierwsze trzy miesiące obniżka do 79 zł; najniższa cena z 30 dni: 99 zł.\n")})
    findings = lint(tmp_path, today=date(2026, 11, 30)).findings
    assert [key for key in keys(findings) if "LOWEST" in key[0]] == [
        ("PL-PRICE-LOWEST-WINDOW", "legal-prohibited", "kb/promocja.txt", 5),
        ("PL-PRICE-LOWEST-WINDOW-WORKING-DAYS", "legal-prohibited", "kb/promocja.txt", 7)]


def test_statements_in_a_unit_the_registry_value_lacks_are_compared_with_each_other(
        tmp_path: Path) -> None:
    # the registry gives the promotional price without "a month"; the documents with it
    registry = (_registry("24 miesiące", "24 miesiące")
                + "  - {subject: premium, attribute: promo_price, value: 79 zł}\n"
                + "attributes:\n  promo_price:\n    type: money\n"
                + "    cues: [\"cena promocyjna\", promocja]\n")
    findings = _lint(tmp_path, {
        "web/promocja.md": "# Promocja\n\nPakiet Premium w promocji: 79 zł miesięcznie.\n",
        "kb/promocja.txt": "Promocja: Pakiet Premium za 79 zł miesięcznie.\n",
        "faq/faq.yaml": "- question: Jaka jest promocja?\n"
                        "  answer: W promocji Pakiet Premium kosztuje 89 zł miesięcznie.\n",
    }, registry)
    mismatches = [f for f in findings if f.category.value == "fact-mismatch"]
    assert keys(mismatches) == [("FACT-CHANNEL-MISMATCH", "fact-mismatch", "faq/faq.yaml", 2)]


def test_a_period_takes_its_cue_from_the_sentence_before(tmp_path: Path) -> None:
    findings = _lint(tmp_path, {
        "web/reklamacje.md": "# Reklamacje\n\nReklamację rozpatrujemy w ciągu 14 dni.\n",
        "kb/reklamacje.txt": "Dziękujemy za zgłoszenie reklamacji. Odpowiemy w ciągu 21 dni "
                             "od jej otrzymania.\n",
    }, _registry("24 miesiące", "24 miesiące")
        + "  - {subject: firma, attribute: complaint_response_deadline, value: 14 dni}\n")
    assert keys(findings) == [("FACT-REGISTRY-MISMATCH", "fact-mismatch", "kb/reklamacje.txt", 1)]
    assert findings[0].confidence.value == "medium"
