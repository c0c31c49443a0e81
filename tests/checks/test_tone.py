"""Tone measures: syllables, FOG-PL, sentence splitting of "!!!", profile thresholds."""

from __future__ import annotations

from pathlib import Path

import pytest

from consistency_lint.checks.tone import syllables
from consistency_lint.model import Finding
from consistency_lint.nlp.lexicon import language_profile
from tests.conftest import lint, write_project


@pytest.mark.parametrize(
    ("word", "count"),
    [("nie", 1), ("dzień", 1), ("zwrot", 1), ("umowa", 3), ("odstąpienie", 4),
     ("reklamacja", 4), ("Dziękujemy", 4), ("konsumenckich", 4)],
)
def test_polish_syllables(word: str, count: int) -> None:
    readability = language_profile("pl").readability
    assert readability is not None
    assert syllables(word, readability) == count


def _tone(tmp_path: Path, profile: str, text: str) -> list[tuple[str, int]]:
    config = {"version": 1, "channels": {"docs": {"loader": "text", "paths": ["a.txt"],
                                                  "profile": profile}}}
    write_project(tmp_path, config, {"a.txt": text})
    return [(f.rule, f.span.line) for f in lint(tmp_path).findings if f.category.value == "tone"]


def test_exclamations_are_counted_per_sentence_and_per_profile(tmp_path: Path) -> None:
    text = "Super oferta!!\n\nZapraszamy!\n"
    assert _tone(tmp_path / "m", "marketing", text) == []
    assert _tone(tmp_path / "w", "web", text) == [("TONE-SHOUTING", 1)]
    assert _tone(tmp_path / "l", "letter", text) == [("TONE-SHOUTING", 1)]  # one per document


def test_emoji_only_where_the_profile_allows_them(tmp_path: Path) -> None:
    assert _tone(tmp_path / "m", "marketing", "Nowa kolekcja 😍\n") == []
    assert _tone(tmp_path / "f", "faq", "Nowa kolekcja 😍\n") == [("TONE-EMOJI", 1)]


def test_no_profile_means_no_tone_checks(tmp_path: Path) -> None:
    config = {"version": 1, "channels": {"docs": {"loader": "text", "paths": ["a.txt"]}}}
    write_project(tmp_path, config, {"a.txt": "UWAGA!!! PILNE!!!\n"})
    assert lint(tmp_path).findings == ()


def _tone_findings(tmp_path: Path, profile: str, text: str, loader: str = "text",
                   name: str = "a.txt", registers: list[str] | None = None) -> list[Finding]:
    channel = {"loader": loader, "paths": [name], "profile": profile,
               **({"registers": registers} if registers is not None else {})}
    config = {"version": 1, "rules": ["builtin:tone-pl"], "channels": {"docs": channel}}
    write_project(tmp_path, config, {name: text})
    return [f for f in lint(tmp_path).findings if f.category.value == "tone"]


def test_a_document_in_the_ty_register_is_one_finding_with_its_places(tmp_path: Path) -> None:
    text = ("Witaj,\n\nTwoje zamówienie zostało wysłane.\n\n"
            "Możesz sprawdzić jego status w Twoim koncie.\n")
    (finding,) = _tone_findings(tmp_path, "letter", text, registers=["formal"])
    assert (finding.rule, finding.span.line) == ("PL-TONE-INFORMAL-ADDRESS", 1)
    assert finding.message.endswith("(„Witaj”); 3 times in this document")
    assert [(r.line, r.value) for r in finding.related] == [
        (3, "Twoje zamówienie zostało wysłane."),
        (5, "Możesz sprawdzić jego status w Twoim koncie.")]


def test_formal_polite_requests_are_not_informal(tmp_path: Path) -> None:
    text = ("Prosimy zadzwonić na infolinię. Zmienił Pan adres dostawy, więc jesteśmy "
            "w kontakcie z kurierem. Prosimy mieć na uwadze, że ilość jest ograniczona.\n")
    assert _tone_findings(tmp_path, "letter", text) == []


def test_mixing_registers_is_reported_where_the_page_leaves_its_own(tmp_path: Path) -> None:
    text = ("Tutaj mogą Państwo dostosować usługi.\n\nOd Twojej ostatniej wizyty nastąpiły "
            "zmiany.\n\nW każdej chwili mogą Państwo wycofać zgodę.\n\nSprawdź też "
            "naszą ofertę.\n\nZapraszamy Pana do sklepu.\n")
    findings = _tone_findings(tmp_path, "web", text)
    assert [(f.rule, f.span.line) for f in findings] == [
        ("PL-TONE-MIXED-ADDRESS", 3), ("PL-TONE-MIXED-ADDRESS", 7)]
    assert "„Twojej”" in findings[0].message and "„Sprawdź”" in findings[1].message
    assert [related.line for related in findings[0].related] == [1]  # the page's own usage


def test_the_state_is_not_the_addressee(tmp_path: Path) -> None:
    text = "Możesz zamówić dostawę do każdego państwa Unii. Twoje dane są bezpieczne.\n"
    assert _tone_findings(tmp_path, "web", text) == []


def test_acronyms_titles_and_tick_bullets_are_not_shouting_or_emoji(tmp_path: Path) -> None:
    text = ("POTWIERDZENIE ZAMÓWIENIA\n\nDane spółki: KRS NIP REGON podano w stopce, "
            "faktura w PDF.\n\n✓ Darmowa dostawa\n✗ Brak opłat za zwrot\n")
    assert _tone_findings(tmp_path, "letter", text) == []
    shouting = "Prosimy o kontakt, TO BARDZO PILNA SPRAWA dla nas.\n"
    assert [f.rule for f in _tone_findings(tmp_path / "s", "letter", shouting)] == [
        "TONE-SHOUTING"]
    emoji = "Dziękujemy za zamówienie ✅ i zapraszamy ponownie.\n"
    assert [f.rule for f in _tone_findings(tmp_path / "e", "letter", emoji)] == ["TONE-EMOJI"]


def test_any_verb_addressing_one_person_as_ty_is_informal(tmp_path: Path) -> None:
    text = ("Ostatnio dodałeś adres e-mail. Wprowadź kod w oknie przeglądarki, a jeśli "
            "zapomniałeś hasła, zignoruj tę wiadomość.\n")
    (finding,) = _tone_findings(tmp_path, "letter", text, registers=["formal"])
    assert finding.message.endswith("(„dodałeś”); 2 times in this document")
    formal = "Prosimy podać kod, bądź zadzwonić. Kup teraz stał się hasłem sezonu.\n"
    assert _tone_findings(tmp_path / "f", "letter", formal, registers=["formal"]) == []


def test_interface_microcopy_speaks_to_nobody(tmp_path: Path) -> None:
    page = ("<main><h1>Regulamin</h1><p>Mogą Państwo odstąpić od umowy w ciągu 14 dni.</p>"
            "<p><a href=\"/formularz.pdf\">Pobierz formularz</a></p><p>Wróć</p>"
            "<p>Włącz lub wyłącz wszystkie usługi</p>"
            "<p>Szczegóły: <a href=\"/zwroty\">dowiedz się więcej</a>.</p></main>\n")
    assert _tone_findings(tmp_path, "web", page, loader="html", name="a.html") == []
    speaking = ("<main><p>Mogą Państwo odstąpić od umowy w ciągu 14 dni.</p>"
                "<p>Możesz też napisać do nas.</p></main>\n")
    assert [f.rule for f in _tone_findings(tmp_path / "s", "web", speaking, loader="html",
                                           name="a.html")] == ["PL-TONE-MIXED-ADDRESS"]
