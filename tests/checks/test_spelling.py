"""Spelling and brand terminology: what is flagged, what never is."""

from __future__ import annotations

from pathlib import Path

from consistency_lint.model import Finding
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


def _words(tmp_path: Path, text: str, **options: str) -> list[tuple[str, int, str, str]]:
    """(word, line, severity, confidence) of every spelling finding."""
    config = {"version": 1, "dictionary": "slownik.txt",
              "channels": {"docs": {"loader": "text", "paths": ["*.txt"], **options}}}
    write_project(tmp_path, config, {"slownik.txt": "wideo-czat\n", "a.txt": text})
    return [(f.excerpt, f.span.line, f.severity.value, f.confidence.value)
            for f in lint(tmp_path).findings if f.category.value == "spelling"]


def test_loanwords_and_their_polish_endings_are_words(tmp_path: Path) -> None:
    text = ("Strona używa plików cookies. Zapisz się na newsletter, a kod vouchera i "
            "potwierdzenie wyślemy emailem; dodatki do voucheru wyłączy adblocker.\n")
    assert _words(tmp_path, text) == []


def test_hyphenated_compounds_are_checked_whole_first(tmp_path: Path) -> None:
    text = ("Sklep e-commerce oferuje wideo-czat i flagi biało-czerwone, "
            "lecz nie dostawe-ekspres.\n")
    assert _words(tmp_path, text) == [("dostawe", 1, "warning", "high")]


def test_abbreviations_latin_and_acronym_plurals_are_not_typos(tmp_path: Path) -> None:
    text = ("Ustawa (Dz.U. 2020 poz. 287 z późn. zm.) de facto obowiązuje. Cena (z uwzgl. "
            "upustu) dotyczy plików PDFs i APIs.\n")
    assert _words(tmp_path, text) == []


def test_typos_missing_diacritics_and_run_together_words_stay_warnings(
        tmp_path: Path) -> None:
    text = ("Prosze wylaczyc adblocker. Alert stanu magazynoweo został anulowany.\n\n"
            "Wogóle nie wiem, czy napewno dotrze.\n")
    assert _words(tmp_path, text) == [
        ("Prosze", 1, "warning", "high"), ("wylaczyc", 1, "warning", "high"),
        ("magazynoweo", 1, "warning", "medium"),
        ("Wogóle", 3, "warning", "high"), ("napewno", 3, "warning", "high")]


def test_a_word_with_letters_of_two_alphabets_is_flagged_even_capitalised(
        tmp_path: Path) -> None:
    word = "Zam\N{CYRILLIC SMALL LETTER EF}wienie"  # lookalikes: INPUT-MIXED-SCRIPT
    (finding,) = _findings_of(tmp_path, f"Dziękujemy za {word}.\n")
    assert finding.message == f"“{word}” mixes letters of different alphabets " \
        "(Cyrillic and Latin)"
    assert finding.severity.value == "warning"


def test_a_word_polish_writers_use_but_the_dictionary_lacks_is_info(tmp_path: Path) -> None:
    assert _words(tmp_path, "Skrypty geolokalizacji ładują się później.\n") == [
        ("geolokalizacji", 1, "info", "low")]


def test_an_unknown_word_recurring_in_three_documents_is_info(tmp_path: Path) -> None:
    config = {"version": 1, "channels": {"docs": {"loader": "text", "paths": ["*.txt"]}}}
    files = {f"{name}.txt": "Zamów w systemie Kwarcopol taniej.\n" for name in "abc"}
    write_project(tmp_path, config, {**files, "d.txt": "Zamów magazynoweo.\n"})
    findings = [(f.path, f.severity.value, f.message) for f in lint(tmp_path).findings]
    recurring = ("unknown word “Kwarcopol” (a name? add it to the dictionary)")
    assert sorted(findings) == [
        *[(f"{name}.txt", "info", recurring) for name in "abc"],
        ("d.txt", "warning", "unknown word “magazynoweo”")]


def test_platform_placeholders_are_masked_per_channel(tmp_path: Path) -> None:
    text = ("Witaj {imie}, zamówienie %(zamowienie)s na %wydarzenie% i [[wysylka]] "
            "jest opłacone.\n")
    assert _words(tmp_path, text) == []
    assert [word for word, *_ in _words(tmp_path, text, placeholders=["braces"])] == [
        "zamowienie", "wysylka"]


def _findings_of(tmp_path: Path, text: str) -> list[Finding]:
    config = {"version": 1, "channels": {"docs": {"loader": "text", "paths": ["a.txt"]}}}
    write_project(tmp_path, config, {"a.txt": text})
    return [f for f in lint(tmp_path).findings if f.category.value == "spelling"]


def test_a_dictionary_word_is_never_a_misspelt_brand(tmp_path: Path) -> None:
    text = "Sklep mebli Meblino. Sofa Lido, a nie Lida; nie Meblinno i nie Lidoo.\n"
    assert [(rule, column) for rule, _line, column, _severity in _findings(tmp_path, text)] \
        == [("TERMINOLOGY-BRAND-SPELLING", 49), ("SPELLING-UNKNOWN-WORD", 64)]  # "Lido" is
    # a word Morfeusz knows, so not a brand to protect; "Lidoo" is a plain unknown word


def test_an_untranslated_english_sentence_in_a_polish_page(tmp_path: Path) -> None:
    text = ("Podaj adres dostawy.\n\nShipping and billing address do not match.\n\n"
            "Zapisz się na newsletter i pobierz voucher online.\n\nBlack Friday Sale\n")
    assert [(f.rule, f.span.line) for f in _findings_of(tmp_path, text)] == [
        ("SPELLING-UNTRANSLATED", 3)]


def test_an_archaic_form_standing_for_a_modern_word_without_diacritics(
        tmp_path: Path) -> None:
    (finding,) = _findings_of(tmp_path, "Możesz nadal sie zarejestrować.\n")
    assert finding.message == "“sie” is an archaic form; did you mean “się”?"


def test_a_dictionary_saved_in_decomposed_unicode_still_covers_the_word(
        tmp_path: Path) -> None:
    config = {"version": 1, "dictionary": "slownik.txt",
              "channels": {"docs": {"loader": "text", "paths": ["a.txt"]}}}
    decomposed = "Kwarcopolż".replace("ż", "z\u0307")  # as some macOS editors save it
    write_project(tmp_path, config, {"slownik.txt": decomposed + "\n",
                                     "a.txt": "Zamów u nas Kwarcopolż dziś.\n"})
    assert lint(tmp_path).findings == ()


def test_a_form_the_dictionary_calls_archaic_but_texts_use_is_no_slip(tmp_path: Path) -> None:
    """Morfeusz marks "wraz" (of "wraz z") archaic; "wraź" is rarer still, no correction."""
    assert _findings_of(tmp_path, "Fakturę wyślemy wraz z towarem.\n") == []


def test_an_english_word_gets_no_polish_suggestion(tmp_path: Path) -> None:
    """"Home" of a collection's name is no slip for "Homę"."""
    assert _findings_of(tmp_path, "Zobacz nową kolekcję Home w naszym sklepie.\n") == []


def test_a_preposition_written_apart_gets_the_joined_word_with_its_assimilated_prefix(
        tmp_path: Path) -> None:
    config = {"version": 1, "channels": {"docs": {"loader": "text", "paths": ["a.txt"]}}}
    write_project(tmp_path, config, {"a.txt": "Paczkę odbierzesz Z pod drzwi i z tąd.\n"})
    assert [(f.rule, f.span.column, f.message) for f in lint(tmp_path).findings
            if f.rule == "SPELLING-REAL-WORD"] == [
        ("SPELLING-REAL-WORD", 19, "“Z pod”: did you mean “Spod”?"),
        ("SPELLING-REAL-WORD", 33, "“z tąd”: did you mean “stąd”?")]
