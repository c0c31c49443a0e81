"""Spelling and brand terminology: what is flagged, what never is."""

from __future__ import annotations

from pathlib import Path

from tests.conftest import lint, write_project

REGISTRY = ("subjects:\n  shop: {name: Sklep Meblino, aliases: [Meblino]}\n"
            "  lido: {name: Sofa Lido}\n")


def _findings(tmp_path: Path, text: str, language: str = "pl",
              loader: str = "text", name: str = "a.txt") -> list[tuple[str, int, int, str]]:
    config = {"version": 1, "language": language, "facts": "facts.yaml",
              "dictionary": "slownik.txt",
              "channels": {"docs": {"loader": loader, "paths": [name]}}}
    write_project(tmp_path, config, {"facts.yaml": REGISTRY, "slownik.txt": "Shimano\n",
                                     name: text})
    return [(f.rule, f.span.line, f.span.column, f.severity.value)
            for f in lint(tmp_path).findings if f.category.value in ("spelling", "terminology")]


def test_missing_diacritics_get_a_suggestion(tmp_path: Path) -> None:
    config = {"version": 1, "channels": {"docs": {"loader": "text", "paths": ["a.txt"]}}}
    write_project(tmp_path, config, {"a.txt": "Bardzo dziekujemy za zakup.\n"})
    (finding,) = lint(tmp_path).findings
    assert (finding.rule, finding.span.column, finding.message) == (
        "SPELLING-UNKNOWN-WORD", 8, "unknown word “dziekujemy”; did you mean “dziękujemy”?")


def test_well_edited_text_dictionary_registry_names_and_placeholders_pass(
        tmp_path: Path) -> None:
    text = ("Sofa Lido od Meblino ma napęd Shimano. Kontakt: pomoc@meblino.pl, "
            "www.meblino.pl, kod ABC123, NIP 1234567890.\n")
    assert _findings(tmp_path, text) == []
    letter = "Dzień dobry {{ customer.fristname }}, dziękujemy za zakup.\n"
    assert _findings(tmp_path, letter, loader="template", name="a.txt.j2") == []


def test_unknown_capitalised_word_mid_sentence_is_info(tmp_path: Path) -> None:
    assert _findings(tmp_path, "Rower wyprodukowała firma Kowaltex.\n") == [
        ("SPELLING-UNKNOWN-WORD", 1, 27, "info")]


def test_doubled_word(tmp_path: Path) -> None:
    assert _findings(tmp_path, "Zwrot jest możliwy w w ciągu 14 dni.\n") == [
        ("SPELLING-DOUBLED-WORD", 1, 22, "warning")]


def test_brand_near_misses_but_not_inflected_forms(tmp_path: Path) -> None:
    text = "Kupuj w Meblinno. Sklepy meblino są otwarte. W Meblinie i od Mebliny taniej.\n"
    assert _findings(tmp_path, text) == [
        ("TERMINOLOGY-BRAND-SPELLING", 1, 9, "warning"),
        ("TERMINOLOGY-BRAND-SPELLING", 1, 26, "warning"),
    ]


def test_english_documents_use_the_english_word_list(tmp_path: Path) -> None:
    text = "Thank you for your order. Refunds are isued within fourteen days.\n"
    assert _findings(tmp_path, text, language="en") == [("SPELLING-UNKNOWN-WORD", 1, 39,
                                                         "warning")]
