"""What a rule sees around a sentence: headings, a list's lead-in, business sections, and
negated words that keep their negation."""

from __future__ import annotations

from pathlib import Path

from consistency_lint.nlp import morfeusz
from tests.conftest import lint, write_project


def _legal(tmp_path: Path, text: str, doc_type: str = "terms") -> list[tuple[str, int]]:
    config = {"version": 1, "rules": ["builtin:pl-consumer-rights-2014"],
              "channels": {"web": {"loader": "markdown", "paths": ["*.md"],
                                   "doc_types": {doc_type: ["*.md"]}}}}
    write_project(tmp_path, config, {"a.md": text})
    return [(f.rule, f.span.line) for f in lint(tmp_path).findings
            if f.category.value.startswith("legal")]


def test_a_lists_lead_in_and_its_items_are_one_statement(tmp_path: Path) -> None:
    carrier = ("# Dostawa\n\nSprzedawca nie ponosi odpowiedzialności za:\n\n"
               "- opóźnienia i uszkodzenia spowodowane przez firmę kurierską,\n"
               "- siłę wyższą.\n")
    assert ("PL-CRA-CARRIER-DAMAGE-EXCLUDED", 5) in _legal(tmp_path / "a", carrier, "delivery")
    exceptions = ("# Zwroty\n\nPrawo odstąpienia nie przysługuje przy:\n\n"
                  "- aukcjach publicznych (art. 38 pkt 11 ustawy),\n"
                  "- towarach wyprodukowanych według specyfikacji konsumenta.\n")
    assert [rule for rule, _ in _legal(tmp_path / "b", exceptions, "returns")
            if rule.endswith("EXCLUSION")] == []


def test_business_sections_are_exempt_from_consumer_prohibitions(tmp_path: Path) -> None:
    text = ("# Regulamin\n\n## § 9. Postanowienia dotyczące przedsiębiorców\n\n"
            "Spory rozstrzyga sąd właściwy dla siedziby Sprzedawcy.\n\n## § 10. Spory\n\n"
            "Wszelkie spory rozstrzyga sąd właściwy dla siedziby Sprzedawcy.\n")
    assert [finding for finding in _legal(tmp_path, text)
            if finding[0] == "PL-CRA-JURISDICTION-CLAUSE"] == [
        ("PL-CRA-JURISDICTION-CLAUSE", 9)]


def test_a_rule_may_read_business_sections_and_its_exception_anywhere(tmp_path: Path) -> None:
    denial = ("# Regulamin\n\n## § 9. Postanowienia dotyczące przedsiębiorców\n\n"
              "Prawo odstąpienia nie przysługuje Klientom niebędącym konsumentami.\n")
    exception = "\n## § 10. Przedsiębiorca na prawach konsumenta\n\nMa prawo odstąpienia.\n"

    def sole_traders(folder: str, text: str) -> list[tuple[str, int]]:
        return [finding for finding in _legal(tmp_path / folder, text)
                if finding[0] == "PL-CRA-WITHDRAWAL-DENIED-TO-SOLE-TRADERS"]

    assert sole_traders("a", denial) == [("PL-CRA-WITHDRAWAL-DENIED-TO-SOLE-TRADERS", 5)]
    assert sole_traders("b", denial + exception) == []


def test_a_required_clause_may_stand_in_the_heading_above(tmp_path: Path) -> None:
    text = ("# Regulamin\n\n## 7. Prawo odstąpienia od umowy\n\n"
            "Termin biegnie od dnia zawarcia umowy.\n")
    assert "PL-CRA-PERIOD-START-STATED" not in [rule for rule, _ in _legal(tmp_path, text)]


def test_a_negated_participle_keeps_its_negation() -> None:
    assert (morfeusz.lemma("nieużywany"), morfeusz.lemma("nieużywane"),
            morfeusz.lemma("używany")) == ("nieużywać", "nieużywać", "używać")


def test_a_legal_finding_ends_with_compliant_wording(tmp_path: Path) -> None:
    config = {"version": 1, "rules": ["builtin:pl-consumer-rights-2014"],
              "channels": {"web": {"loader": "markdown", "paths": ["*.md"]}}}
    write_project(tmp_path, config, {"a.md": "Koszty wysyłki nie podlegają zwrotowi.\n"})
    (finding,) = [f for f in lint(tmp_path).findings if f.category.value.startswith("legal")]
    assert finding.message == (
        "Po odstąpieniu trzeba zwrócić także koszt dostawy (do wysokości najtańszego zwykłego "
        "sposobu). („Koszty wysyłki nie podlegają zwrotowi”) Zgodnie z prawem, np.: „Zwracamy "
        "koszt dostawy, z wyjątkiem dodatkowych kosztów droższego sposobu dostawy wybranego "
        "przez Klienta.”")


def test_formal_terms_wording_a_colon_label_and_a_restated_number(tmp_path: Path) -> None:
    text = ("# Regulamin\n\n§ 5 ust. 1. Termin na odstąpienie od umowy: 7 dni.\n\n"
            "§ 5 ust. 2. Od umowy może Pan odstąpić w terminie siedmiu (7) dni.\n\n"
            "§ 5 ust. 3. Konsument może odstąpić od umowy w terminie czternastu (14) dni.\n")
    assert [finding for finding in _legal(tmp_path, text)
            if finding[0] == "PL-CRA-WITHDRAWAL-PERIOD-SHORT"] == [
        ("PL-CRA-WITHDRAWAL-PERIOD-SHORT", 3), ("PL-CRA-WITHDRAWAL-PERIOD-SHORT", 5)]
