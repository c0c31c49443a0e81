"""Which subject and attribute each stated value is given."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from consistency_lint.facts.attribution import _occurrences
from consistency_lint.model import Fact
from tests.conftest import lint, write_project

REGISTRY = (
    "subjects:\n"
    "  shop: {name: Sklep Meblino, aliases: [Meblino]}\n"
    "  lido: {name: Sofa Lido, aliases: [sofa Lido]}\n"
    "  nova: {name: Fotel Nova}\n"
    "facts:\n"
    "  - {subject: shop, attribute: hotline, value: 22 350 40 50}\n"
    "attributes:\n"
    "  loyalty_points: {type: number, cues: [punkt lojalnościowy, punkty]}\n"
)


def _facts(tmp_path: Path, loader: str, name: str, content: str,
           registry: str = REGISTRY) -> list[tuple[object, ...]]:
    config = {"version": 1, "facts": "facts.yaml",
              "channels": {"docs": {"loader": loader, "paths": [name]}}}
    write_project(tmp_path, config, {"facts.yaml": registry, name: content})
    return [_row(fact) for fact in lint(tmp_path).facts]


def _row(fact: Fact) -> tuple[object, ...]:
    return (fact.subject, fact.attribute, fact.value.canonical(), fact.span.line,
            fact.confidence.value)


def test_product_page_subject_price_warranty_and_company_delivery(tmp_path: Path) -> None:
    page = ("# Sofa Lido\n\nCena: 2 499 zł. Gwarancja producenta: 24 miesiące.\n\n"
            "Wysyłka w 5–7 dni roboczych, dostawa kosztuje 149 zł.\n")
    assert _facts(tmp_path, "markdown", "lido.md", page) == [
        ("lido", "price", "2499.00 PLN", 3, "high"),
        ("lido", "warranty_period", "24 month", 3, "high"),
        ("shop", "delivery_time", "5-7 business_day", 5, "high"),
        ("shop", "delivery_cost", "149.00 PLN", 5, "high"),
    ]


def test_inflected_and_misspelt_subject_names_in_a_sentence(tmp_path: Path) -> None:
    text = ("Cena sofy Lido to 2 499 zł, a fotela Nova 899 zł.\n\n"
            "Sofa LIDO 3-os. kosztuje 2 599 zł.\n\nFotel Novva kosztuje 999 zł.\n")
    assert _facts(tmp_path, "text", "ceny.txt", text) == [
        ("lido", "price", "2499.00 PLN", 1, "high"),
        ("nova", "price", "899.00 PLN", 1, "high"),  # right after its name
        ("lido", "price", "2599.00 PLN", 3, "high"),
        ("nova", "price", "999.00 PLN", 5, "high"),
    ]


def test_free_delivery_threshold_needs_a_lower_bound(tmp_path: Path) -> None:
    text = ("Koszt dostawy wynosi 39 zł; przy zamówieniach powyżej 1000 zł dostawa jest "
            "bezpłatna.\n")
    assert _facts(tmp_path, "text", "dostawa.txt", text) == [
        ("shop", "delivery_cost", "39.00 PLN", 1, "high"),
        ("shop", "free_delivery_threshold", ">=1000.00 PLN", 1, "high"),
    ]


@pytest.mark.parametrize("text", [
    "Jeśli wartość zamówienia osiągnie 999 zł, dostawa będzie bezpłatna.\n",
    "Gdy koszyk przekroczy 999 zł, wysyłka jest darmowa.\n",
    "Nie płacisz za dostawę, jeśli zamówienie wynosi co najmniej 999 zł.\n",
])
def test_an_amount_in_the_condition_of_free_delivery_is_its_threshold(
        tmp_path: Path, text: str) -> None:
    assert _facts(tmp_path, "text", "dostawa.txt", text) == [
        ("shop", "free_delivery_threshold", ">=999.00 PLN", 1, "high"),
    ]


def test_a_condition_of_something_else_is_no_threshold(tmp_path: Path) -> None:
    text = "Jeśli zamówisz do 12:00, dostawa kosztuje 15 zł.\n"
    assert _facts(tmp_path, "text", "dostawa.txt", text) == [
        ("shop", "delivery_cost", "15.00 PLN", 1, "high"),
    ]


def test_a_total_of_amounts_stated_beside_it_is_no_fact(tmp_path: Path) -> None:
    text = ("Sofa Lido kosztuje 2 499 zł, a dostawa 149 zł, czyli razem zapłacisz "
            "2 648 zł.\n")
    assert _facts(tmp_path, "text", "a.txt", text) == [
        ("lido", "price", "2499.00 PLN", 1, "high"),
        ("shop", "delivery_cost", "149.00 PLN", 1, "high"),
    ]


def test_specific_cues_beat_generic_ones_and_claimed_cues_are_skipped(tmp_path: Path) -> None:
    text = ("Odpowiedź na reklamację wysyłamy w ciągu 14 dni.\n\n"
            "Zwrócimy wszystkie płatności, w tym koszt dostawy, w ciągu 14 dni od otrzymania "
            "oświadczenia.\n")
    assert _facts(tmp_path, "text", "a.txt", text) == [
        ("shop", "complaint_response_deadline", "<=14 day", 1, "high"),
        ("shop", "refund_deadline", "<=14 day from receipt", 3, "medium"),
    ]


def test_faq_question_is_the_cue_for_its_answer(tmp_path: Path) -> None:
    faq = "- question: Jaki jest numer infolinii?\n  answer: 22 350 40 50\n"
    assert _facts(tmp_path, "faq", "faq.yaml", faq) == [
        ("shop", "hotline", "+48223504050", 2, "medium")]


def test_a_price_without_a_product_is_kept_with_low_confidence(tmp_path: Path) -> None:
    assert _facts(tmp_path, "text", "a.txt", "Przegląd kosztuje 249 zł.\n") == [
        ("", "price", "249.00 PLN", 1, "low")]


def test_custom_attribute_from_the_registry(tmp_path: Path) -> None:
    text = "# Fotel Nova\n\nZa zakup otrzymasz 500 punktów lojalnościowych.\n"
    assert _facts(tmp_path, "markdown", "nova.md", text) == [
        ("nova", "loyalty_points", "500", 3, "high")]


def test_template_placeholders_are_not_facts(tmp_path: Path) -> None:
    letter = "Do zapłaty: {{ order.total }} zł. Infolinia: 22 350 40 50.\n"
    assert _facts(tmp_path, "template", "list.txt.j2", letter) == [
        ("shop", "hotline", "+48223504050", 1, "high")]


@given(lemmas=st.lists(st.sampled_from(["koszt", "dostawa", "zwrot", "x"]), max_size=12),
       cue=st.lists(st.sampled_from(["koszt", "dostawa", "zwrot"]), min_size=1, max_size=3))
def test_cue_occurrences_are_every_place_its_words_stand_in_a_row(lemmas: list[str],
                                                                  cue: list[str]) -> None:
    expected = [start for start in range(len(lemmas) - len(cue) + 1)
                if lemmas[start:start + len(cue)] == cue]
    assert list(_occurrences(lemmas, tuple(cue))) == expected


def test_the_first_months_of_an_offer_are_its_introductory_period(tmp_path: Path) -> None:
    """A cue matches every lemma the dictionary reads a word as ("pierwsze" is "pierwszy"
    though the tagger keeps "pierwsze"); the lowest price's window of days beside it and a
    year named with "roku" are not that period."""
    text = ("Sofa Lido kosztuje 99 zł miesięcznie przez pierwsze trzy miesiące; najniższa cena "
            "z ostatnich 30 dni wynosiła 129 zł.\n\nDo 2027 roku sofa Lido kosztuje przez "
            "pierwsze 6 miesięcy 89 zł.\n")
    assert [row for row in _facts(tmp_path, "text", "oferta.txt", text)
            if row[1] == "introductory_period"] == [
        ("lido", "introductory_period", "3 month", 1, "high"),
        ("lido", "introductory_period", "6 month", 3, "high"),
    ]


def test_an_amount_right_after_a_product_name_is_its_price(tmp_path: Path) -> None:
    """"Sofa Lido za 2 499 zł … z dostawą" names the sofa's price, not a delivery cost; an
    amount away from the name keeps its own cue."""
    text = ("Sofa Lido za 2 499 zł i Fotel Nova (899 zł) – z dostawą i wniesieniem do "
            "domu.\n\nDostawa kosztuje 149 zł.\n")
    assert _facts(tmp_path, "text", "newsletter.txt", text) == [
        ("lido", "price", "2499.00 PLN", 1, "high"),
        ("nova", "price", "899.00 PLN", 1, "high"),
        ("shop", "delivery_cost", "149.00 PLN", 3, "high"),
    ]


def test_a_schedule_under_the_customer_service_heading_is_its_opening_hours(
        tmp_path: Path) -> None:
    page = ("<html><body><main><p>Sofa Lido.</p></main><footer><h2>Biuro obsługi klienta</h2>"
            "\n<p>tel. 22 350 40 50</p>\n<p>pn.–pt. 8:00–18:00</p></footer></body></html>\n")
    assert [row for row in _facts(tmp_path, "html", "a.html", page)
            if row[1] == "opening_hours"] == [
        ("shop", "opening_hours", "mon-fri 08:00-18:00", 3, "medium")]


def test_an_amount_alone_on_a_product_card_is_its_price(tmp_path: Path) -> None:
    page = ("<html><body><ul><li><h3>Sofa Lido</h3>\n<p>Wygodna sofa do salonu.</p>\n"
            "<p class=\"price\">2 499 zł</p></li><li><h3>Fotel Nova</h3>\n"
            "<p>899 zł (-10%)</p></li></ul>\n<h2>Dostawa</h2>\n<p>49 zł</p>\n"
            "</body></html>\n")
    assert _facts(tmp_path, "html", "a.html", page) == [
        ("lido", "price", "2499.00 PLN", 3, "medium"),
        ("nova", "price", "899.00 PLN", 4, "medium"),  # a discount in brackets aside
        ("shop", "delivery_cost", "49.00 PLN", 6, "medium"),
    ]


def test_the_delivery_cost_a_refund_includes_says_nothing_of_its_period(
        tmp_path: Path) -> None:
    """The refund clause every shop's terms have names the cost of delivery and the
    cheapest way of delivery: neither makes its 14 days a delivery time."""
    text = ("Zwrócimy wszystkie płatności, w tym koszt ich dostarczenia (do wysokości "
            "najtańszego zwykłego sposobu dostawy), nie później niż w terminie 14 dni.\n")
    assert [row[1] for row in _facts(tmp_path, "text", "zwroty.txt", text)] == [
        "refund_deadline"]


def test_the_items_of_a_list_of_variants_are_as_near_their_cue_as_the_first(
        tmp_path: Path) -> None:
    text = ("Paczki kurierem DPD doręczamy w Polsce w ciągu 1–2 dni roboczych, przesyłki "
            "gabarytowe z wniesieniem na piętro przez firmę Raben – w ciągu 3–5 dni "
            "roboczych, a paczki do Czech i na Słowację – w ciągu 4–6 dni roboczych.\n")
    assert [row for row in _facts(tmp_path, "text", "dostawa.txt", text)
            if row[1] == "delivery_time"] == [
        ("shop", "delivery_time", "1-2 business_day", 1, "high"),
        ("shop", "delivery_time", "3-5 business_day", 1, "high"),
        ("shop", "delivery_time", "4-6 business_day", 1, "high"),
    ]


def test_a_gerund_after_a_preposition_leaves_its_clause_to_the_cue(tmp_path: Path) -> None:
    rows = _facts(tmp_path, "text", "sofa.txt", "Dostawa: Raben, 149 zł z wniesieniem.\n")
    assert [row for row in rows if row[1] == "delivery_cost"] == [
        ("shop", "delivery_cost", "149.00 PLN", 1, "high")]


def test_an_identifier_before_a_line_its_sentence_runs_on_into_is_no_phone(
        tmp_path: Path) -> None:
    text = "Sklep Meblino, NIP 894-318-27-28, REGON 021847639\nInfolinia: 22 350 40 50\n"
    assert [row for row in _facts(tmp_path, "text", "stopka.txt", text)
            if row[1] == "hotline"] == [("shop", "hotline", "+48223504050", 2, "high")]


def test_a_relative_clause_describing_a_periods_start_is_part_of_the_start(
        tmp_path: Path) -> None:
    text = ("Masz 14 dni od dnia, w którym Ty lub wskazana przez Ciebie osoba (inna niż "
            "kurier) odebrała paczkę, na odstąpienie od umowy.\n")
    assert _facts(tmp_path, "text", "zwroty.txt", text) == [
        ("shop", "withdrawal_period", "14 day", 1, "high")]


@pytest.mark.parametrize(("text", "expected"), [
    ("Dostawa od 12,99 zł, darmowa od 199 zł.",
     [("delivery_cost", ">=12.99 PLN"), ("free_delivery_threshold", ">=199.00 PLN")]),
    ("Dostawa kosztuje 15 zł, a od 199 zł jest darmowa.",
     [("delivery_cost", "15.00 PLN"), ("free_delivery_threshold", ">=199.00 PLN")]),
    ("Darmowa dostawa od 199 zł, poniżej dostawa kosztuje 12,99 zł.",
     [("free_delivery_threshold", ">=199.00 PLN"), ("delivery_cost", "12.99 PLN")]),
])
def test_a_free_delivery_cue_belongs_to_the_amount_it_stands_by(
        tmp_path: Path, text: str, expected: list[tuple[str, str]]) -> None:
    assert [(row[1], row[2]) for row in _facts(tmp_path, "text", "dostawa.txt", text + "\n")
            ] == expected


def test_a_cue_whose_words_only_modifiers_part_stands_together(tmp_path: Path) -> None:
    text = ("W przypadku odstąpienia od umowy zwrócimy wszystkie otrzymane od Państwa "
            "płatności, w tym koszty dostarczenia towaru, niezwłocznie, a w każdym przypadku "
            "nie później niż 14 dni od dnia, w którym zostaliśmy poinformowani o Państwa "
            "decyzji o wykonaniu prawa odstąpienia od niniejszej umowy.\n")
    assert _facts(tmp_path, "text", "regulamin.txt", text) == [
        ("shop", "refund_deadline", "<=14 day from receipt", 1, "medium")]


def test_a_definition_lists_term_is_the_cue_of_its_description(tmp_path: Path) -> None:
    page = ("<html><body><dl><dt>Infolinia</dt><dd>22 350 40 50</dd>"
            "<dt>NIP</dt><dd>894-318-27-28</dd></dl></body></html>\n")
    rows = _facts(tmp_path, "html", "kontakt.html", page)
    assert [(row[1], row[2]) for row in rows] == [
        ("hotline", "+48223504050"), ("nip", "8943182728")]


def test_an_aside_in_brackets_keeps_no_cue_from_the_value(tmp_path: Path) -> None:
    text = ("Zwrot pieniędzy (kwoty zapłaconej za towar, w tym kosztów jego dostarczenia do "
            "Ciebie najtańszym zwykłym sposobem oferowanym w naszym sklepie internetowym) "
            "nastąpi w ciągu 14 dni.\n")
    assert _facts(tmp_path, "text", "zwroty.txt", text) == [
        ("shop", "refund_deadline", "<=14 day", 1, "high")]


def test_what_the_reader_is_told_not_to_say_is_no_statement(tmp_path: Path) -> None:
    text = ("Nie mów klientowi, że „ustawa daje 30 dni na odstąpienie od umowy”. "
            "Mów: „Ma Pan 14 dni na odstąpienie od umowy”.\n")
    assert _facts(tmp_path, "text", "kb.txt", text) == [
        ("shop", "withdrawal_period", "14 day", 1, "high")]


def test_a_cue_beyond_the_periods_clause_is_not_brought_nearer_by_its_start(
        tmp_path: Path) -> None:
    text = ("Towar odeślij na adres ul. Składowa 12, 61-897 Poznań najpóźniej w ciągu 14 dni "
            "od dnia, w którym odstąpiłeś od umowy; wystarczy, że nadasz przesyłkę przed "
            "upływem tego terminu.\n")
    assert [row for row in _facts(tmp_path, "text", "zwroty.txt", text)
            if row[1] != "street_address"] == [
        ("shop", "goods_return_period", "14 day from withdrawal", 1, "medium")]


def test_a_coined_one_word_name_is_found_in_its_inflected_forms(tmp_path: Path) -> None:
    registry = REGISTRY.replace("  nova: {name: Fotel Nova}\n",
                                "  nova: {name: Fotel Nova}\n  kivora: {name: Kivora}\n")
    text = "Cena Kivory to 1 299 zł.\n\nW Kivorze zmieścisz 40 kg, a kosztuje ona 1 399 zł.\n"
    assert _facts(tmp_path, "text", "ceny.txt", text, registry) == [
        ("kivora", "price", "1299.00 PLN", 1, "high"),
        ("kivora", "price", "1399.00 PLN", 3, "high"),
    ]


def test_a_cue_of_several_words_stands_in_one_heading_not_across_two(tmp_path: Path) -> None:
    registry = REGISTRY + ("  extended_return_period:\n    {type: duration, scope: company,\n"
                           "     cues: [\"przedłużony termin zwrotu\", \"na zwrot\"]}\n")
    page = "# Zwroty\n\n## Gwarancja na meble\n\nSofa Lido: gwarancja producenta 24 miesiące.\n"
    assert _facts(tmp_path, "markdown", "kb.md", page, registry) == [
        ("lido", "warranty_period", "24 month", 5, "high")]


def test_a_declared_attributes_cue_in_the_sentence_before_is_no_more_specific(
        tmp_path: Path) -> None:
    registry = REGISTRY + ("  renewal_term:\n    {type: duration, scope: company,\n"
                           "     cues: [odnowienie, \"odnawia się\"]}\n")
    text = ("W planie rocznym wyłącz automatyczne odnowienie przed końcem okresu. Od umowy "
            "możesz też odstąpić w ciągu 14 dni od jej zawarcia.\n")
    assert _facts(tmp_path, "text", "faq.txt", text, registry) == [
        ("shop", "withdrawal_period", "14 day from contract", 1, "high")]


def test_a_column_whose_header_ends_with_a_bound_gives_its_cells_that_bound(
        tmp_path: Path) -> None:
    table = ("## Dostawa\n\n| Opcja | Cena | Darmowa od |\n|---|---|---|\n"
             "| Kurier | 19 zł | 299 zł |\n")
    assert [row for row in _facts(tmp_path, "markdown", "dostawa.md", table)
            if row[1] != "carriers"] == [
        ("shop", "delivery_cost", "19.00 PLN", 5, "high"),
        ("shop", "free_delivery_threshold", ">=299.00 PLN", 5, "high"),
    ]


def test_an_amount_per_month_is_the_monthly_fee_whatever_its_column_says(
        tmp_path: Path) -> None:
    registry = REGISTRY.replace(
        "  nova: {name: Fotel Nova}\n", "  nova: {name: Fotel Nova}\n  start: {name: Plan Start}\n"
    ).replace("facts:\n", "facts:\n  - {subject: start, attribute: monthly_fee, value: 29 zł}\n")
    table = ("## Abonament\n\n| Plan | Cena |\n|---|---|\n| Plan Start | 29 zł / mies. |\n\n"
             "W Planie Start płacisz 29 zł co miesiąc, zamiast 39 zł / mies.\n")
    assert _facts(tmp_path, "markdown", "cennik.md", table, registry) == [
        ("start", "monthly_fee", "29.00 PLN/month", 5, "high"),
        ("start", "monthly_fee", "29.00 PLN/month", 7, "high"),
    ]
