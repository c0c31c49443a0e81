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
            "Adres siedziby: ..................\n")
    assert _blanks(tmp_path, text) == [
        (1, "[NAZWA FIRMY]"), (1, "[●]"), (3, "[adres email]"), (3, "XXX"),
        (5, "[lista metod – np. BLIK, karta]"), (7, "Lorem ipsum"), (9, "DO UZUPEŁNIENIA"),
        (11, "..................")]


def test_placeholders_checkboxes_footnotes_links_and_the_model_form_are_not_blanks(
        tmp_path: Path) -> None:
    text = ("Dzień dobry [[imie]], zamówienie {numer} jest gotowe [1].\n\n"
            "[x] Akceptuję regulamin. [ ] Chcę otrzymywać newsletter.\n\n"
            "Tak mówi regulamin [...] i tyle.\n\n"
            "Wzór formularza odstąpienia od umowy\n\n"
            "Imię i nazwisko konsumenta: ……………………, data: ..........\n")
    assert _blanks(tmp_path, text) == []
    markdown = "Zobacz [regulamin](https://example.pl/regulamin).\n"
    assert _blanks(tmp_path / "md", markdown, loader="markdown", name="a.md") == []
