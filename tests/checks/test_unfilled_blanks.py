"""Blanks left unfilled in published content, and what is not one."""

from __future__ import annotations

from pathlib import Path

from tests.conftest import lint, write_project


def _blanks(tmp_path: Path, text: str, loader: str = "text",
            name: str = "a.txt") -> list[tuple[int, str]]:
    config = {"version": 1, "channels": {"docs": {"loader": loader, "paths": [name]}}}
    write_project(tmp_path, config, {name: text})
    return [(f.span.line, f.excerpt) for f in lint(tmp_path).findings
            if f.rule == "TEMPLATE-UNFILLED-BLANK"]


def test_a_generators_blanks_are_found_where_they_stand(tmp_path: Path) -> None:
    text = ("Sprzedawcą jest [NAZWA FIRMY], NIP [●].\n\nKontakt: [adres email], tel. XXX.\n\n"
            "Dostępne metody płatności: [lista metod – np. BLIK, karta].\n\n"
            "Lorem ipsum dolor sit amet.\n\nTermin dostawy: DO UZUPEŁNIENIA.\n\n"
            "Adres siedziby: ..................\n\n"
            "Promocja trwa do __.__.2024, wynajem na minimum [X] dni.\n\n"
            "ul. Przykładowa 1, 00-000 Miasto, tel. +48 000 000 000. Tekst tekst tekst.\n\n"
            "Zobacz też: Produkt 1, Produkt 2, Produkt 3. Próba kończy się DD.MM.RRRR.\n")
    assert _blanks(tmp_path, text) == [
        (1, "[NAZWA FIRMY]"), (1, "[●]"), (3, "[adres email]"), (3, "XXX"),
        (5, "[lista metod – np. BLIK, karta]"), (7, "Lorem ipsum"), (9, "DO UZUPEŁNIENIA"),
        (11, ".................."), (13, "__.__.2024"), (13, "[X]"), (15, "00-000"),
        (15, "000 000 000"), (15, "Tekst tekst tekst"),
        (17, "Produkt 1, Produkt 2, Produkt 3"), (17, "DD.MM.RRRR")]


def test_placeholders_checkboxes_footnotes_links_and_the_model_form_are_not_blanks(
        tmp_path: Path) -> None:
    text = ("Dzień dobry [[imie]], zamówienie {numer} jest gotowe [1].\n\n"
            "[x] Akceptuję regulamin. [ ] Chcę otrzymywać newsletter. [X] 5 dni\n\n"
            "Kapitał 100 000,00 zł, saldo 0,00 zł, czynne 00.00-24.00.\n\n"
            "Data urodzenia (DD.MM.RRRR). Krok 1: zaloguj się, krok 2: zapłać.\n\n"
            "Tak mówi regulamin [...] i tyle.\n\n"
            "Wzór formularza odstąpienia od umowy\n\n"
            "Imię i nazwisko konsumenta: ……………………, data: ..........\n")
    assert _blanks(tmp_path, text) == []
    markdown = "Zobacz [regulamin](https://example.pl/regulamin).\n"
    assert _blanks(tmp_path / "md", markdown, loader="markdown", name="a.md") == []


def test_a_mention_of_the_model_form_exempts_nothing_after_it(tmp_path: Path) -> None:
    text = ("Dziękujemy za zamówienie. W załączniku przesyłamy wzór formularza odstąpienia "
            "od umowy.\n\n"
            "Numer zamówienia: [DO UZUPEŁNIENIA]\n\n"
            "Przesyłkę nadamy kurierem, numer listu przewozowego: XXX.\n")
    assert _blanks(tmp_path, text) == [(3, "[DO UZUPEŁNIENIA]"), (5, "XXX")]


def test_the_form_under_a_heading_ends_at_the_next_heading_of_its_level(tmp_path: Path) -> None:
    text = ("# Potwierdzenie zamówienia\n\n"
            "## Wzór formularza odstąpienia od umowy\n\n"
            "Adresat: ....................\n\n"
            "### Dane konsumenta\n\n"
            "Imię i nazwisko konsumenta: ....................\n\n"
            "## Dostawa\n\n"
            "Termin dostawy: DO UZUPEŁNIENIA.\n")
    assert _blanks(tmp_path, text, loader="markdown", name="a.md") == [
        (13, "DO UZUPEŁNIENIA")]


def test_a_form_titled_by_a_paragraph_ends_at_its_last_line(tmp_path: Path) -> None:
    text = ("Wzór formularza odstąpienia od umowy\n\n"
            "(formularz ten należy wypełnić i odesłać tylko w przypadku chęci odstąpienia "
            "od umowy)\n\n"
            "– Adresat: [tu przedsiębiorca powinien wpisać nazwę i adres]\n\n"
            "– Data zawarcia umowy(*)/odbioru(*): ..........\n\n"
            "– Podpis konsumenta(-ów): ..........\n\n"
            "(*) Niepotrzebne skreślić.\n\n"
            "Zwrot należności nastąpi na konto: [NUMER KONTA]\n")
    assert _blanks(tmp_path, text) == [(13, "[NUMER KONTA]")]


def test_running_text_after_a_form_without_its_last_line_is_checked(tmp_path: Path) -> None:
    text = ("<p><strong>Formularz odstąpienia od umowy</strong></p>\n"
            "<p>Imię i nazwisko: ..........</p>\n"
            "<p>Dziękujemy za zakupy w naszym sklepie.</p>\n"
            "<p>Kontakt: [adres email]</p>\n")
    assert _blanks(tmp_path, text, loader="html", name="a.html") == [(4, "[adres email]")]
