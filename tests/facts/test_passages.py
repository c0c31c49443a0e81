"""Stale copies: near-duplicate sentences across channels with another number or negation."""

from pathlib import Path

from consistency_lint.model import Finding
from tests.conftest import keys, lint, write_project

SENTENCE = "Zamówienia opłacone do godziny 14:00 wysyłamy kurierem tego samego dnia roboczego."
CONFIG = {"version": 1, "channels": {"web": {"loader": "text", "paths": ["web/*.txt"]},
                                     "kb": {"loader": "text", "paths": ["kb/*.txt"]}}}


def _stale(tmp_path: Path, web: str, kb: str) -> list[tuple[str, str, str, int]]:
    write_project(tmp_path, CONFIG, {"web/a.txt": web + "\n", "kb/b.txt": kb + "\n"})
    return [key for key in keys(lint(tmp_path).findings) if key[0] == "FACT-STALE-COPY"]


def test_a_changed_clock_time_is_a_stale_copy(tmp_path: Path) -> None:
    assert _stale(tmp_path, SENTENCE, SENTENCE.replace("14:00", "12:00")) == [
        ("FACT-STALE-COPY", "fact-mismatch", "kb/b.txt", 1)]


def test_a_dropped_negation_is_a_stale_copy(tmp_path: Path) -> None:
    web = "Produktów z wyprzedaży nie można zwrócić w sklepie stacjonarnym bez paragonu."
    kb = "Produktów z wyprzedaży można zwrócić w sklepie stacjonarnym bez paragonu."
    assert _stale(tmp_path, web, kb) == [("FACT-STALE-COPY", "fact-mismatch", "kb/b.txt", 1)]


def test_same_values_written_differently_are_not_a_stale_copy(tmp_path: Path) -> None:
    web = "W sprawie zamówienia prosimy dzwonić na infolinię pod numer 22 350 40 50 codziennie."
    kb = "W sprawie zamówienia prosimy dzwonić na infolinię pod numer +48 22 350 40 50 codziennie."
    assert _stale(tmp_path, web, kb) == []


def test_different_sentences_with_different_numbers_are_not_compared(tmp_path: Path) -> None:
    web = "Sofa Lido ma trzy lata gwarancji i darmowy montaż w całej Polsce od zaraz."
    kb = "Zamówienia opłacone do godziny 12:00 wysyłamy kurierem tego samego dnia roboczego."
    assert _stale(tmp_path, web, kb) == []


def _stale_findings(tmp_path: Path, files: dict[str, str], *,
                    html_first: bool = True) -> list[Finding]:
    channels = {"web": {"loader": "html", "paths": ["web/*.html"]},
                "kb": {"loader": "text", "paths": ["kb/*.txt"]}}
    ordered = channels if html_first else dict(reversed(channels.items()))
    write_project(tmp_path, {"version": 1, "channels": ordered}, files)
    return [f for f in lint(tmp_path).findings if f.rule == "FACT-STALE-COPY"]


WRAPPED = ("<html><body>\n<p>Zamówienia opłacone do godziny\n14:00 wysyłamy kurierem tego samego"
           "\ndnia roboczego.</p>\n</body></html>\n")


def test_a_stale_copy_names_the_line_of_the_differing_value_in_a_wrapped_sentence(
        tmp_path: Path) -> None:
    found = _stale_findings(tmp_path, {"web/a.html": WRAPPED,
                                       "kb/b.txt": SENTENCE.replace("14:00", "12:00") + "\n"})
    assert keys(found) == [("FACT-STALE-COPY", "fact-mismatch", "kb/b.txt", 1)]
    assert [(r.path, r.line) for r in found[0].related] == [("web/a.html", 3)]
    assert "web/a.html:3 (web)" in found[0].message


def test_the_copy_that_differs_from_the_others_is_reported_once(tmp_path: Path) -> None:
    config = {"version": 1, "channels": {channel: {"loader": "text", "paths": [f"{channel}/*.txt"]}
                                         for channel in ("web", "kb", "app")}}
    write_project(tmp_path, config, {"web/a.txt": SENTENCE.replace("14:00", "12:00") + "\n",
                                     "kb/b.txt": SENTENCE + "\n", "app/c.txt": SENTENCE + "\n"})
    found = [f for f in lint(tmp_path).findings if f.rule == "FACT-STALE-COPY"]
    assert keys(found) == [("FACT-STALE-COPY", "fact-mismatch", "web/a.txt", 1)]
    assert [r.path for r in found[0].related] == ["kb/b.txt"]


def test_a_wrapped_stale_copy_names_its_own_differing_line(tmp_path: Path) -> None:
    found = _stale_findings(tmp_path, {"web/a.html": WRAPPED.replace("14:00", "12:00"),
                                       "kb/b.txt": SENTENCE + "\n"}, html_first=False)
    assert keys(found) == [("FACT-STALE-COPY", "fact-mismatch", "web/a.html", 2)]
    assert [(r.path, r.line) for r in found[0].related] == [("kb/b.txt", 1)]
    assert "different number or negation at line 3:" in found[0].message


REPEATED = ("W ramach usługi adres IP klienta jest tymczasowo zapisywany w dziennikach "
            "serwera przez {} dni.")
ONE_DOCUMENT = {"version": 1, "channels": {"web": {"loader": "text", "paths": ["web/*.txt"]}}}


def _stale_in_one(tmp_path: Path, *lines: str) -> list[tuple[str, str, str, int]]:
    write_project(tmp_path, ONE_DOCUMENT, {"web/a.txt": "\n\n".join(lines) + "\n",
                                           "web/b.txt": REPEATED.format(60) + "\n"})
    return [key for key in keys(lint(tmp_path).findings) if key[0] == "FACT-STALE-COPY"]


def test_a_sentence_repeated_in_one_document_with_another_number_is_a_stale_copy(
        tmp_path: Path) -> None:
    assert _stale_in_one(tmp_path, REPEATED.format(90), "Inne zdanie o czymś innym.",
                         REPEATED.format(135)) == [
        ("FACT-STALE-COPY", "fact-mismatch", "web/a.txt", 5)]


def test_working_days_in_one_copy_of_a_repeated_sentence_are_a_stale_copy(
        tmp_path: Path) -> None:
    assert _stale_in_one(tmp_path, REPEATED.format(90),
                         REPEATED.format("90").replace("dni", "dni roboczych")) == [
        ("FACT-STALE-COPY", "fact-mismatch", "web/a.txt", 3)]


def test_a_sentence_repeated_in_one_document_with_the_same_number_is_no_finding(
        tmp_path: Path) -> None:
    assert _stale_in_one(tmp_path, REPEATED.format(90), REPEATED.format("dziewięćdziesiąt")
                         ) == []


def test_items_of_a_list_of_tiers_are_not_stale_copies_of_each_other(tmp_path: Path) -> None:
    tier = "Przesyłka kurierska ważąca do {} kg kosztuje {} zł brutto za paczkę."
    assert _stale_in_one(tmp_path, tier.format(5, 10), tier.format(10, 15),
                         tier.format(30, 25)) == []


def test_sentences_of_one_document_that_differ_in_a_word_are_not_compared(
        tmp_path: Path) -> None:
    assert _stale_in_one(tmp_path, REPEATED.format(90),
                         REPEATED.format(30).replace("serwera", "poczty")) == []


def test_the_same_sentence_in_two_documents_of_one_channel_is_not_compared(
        tmp_path: Path) -> None:
    """Pages of one channel are often made from one template (a product page each)."""
    assert _stale_in_one(tmp_path, REPEATED.format(90)) == []


def test_a_short_copy_whose_days_became_working_days_is_a_stale_copy(tmp_path: Path) -> None:
    heading = "Zasady zwrotu kosztów w ciągu 30 dni."
    assert _stale(tmp_path, heading, heading.replace("dni", "dni roboczych")) == [
        ("FACT-STALE-COPY", "fact-mismatch", "kb/b.txt", 1)]


def test_a_short_sentence_about_another_unit_is_not_a_stale_copy(tmp_path: Path) -> None:
    assert _stale(tmp_path, "Zasady zwrotu kosztów w ciągu 30 dni.",
                  "Zasady zwrotu kosztów dostawy: 30 zł.") == []


def test_a_company_line_with_one_more_address_is_not_a_stale_copy(tmp_path: Path) -> None:
    web = "Sklep Meblino sp. z o.o., ul. Długa 5, 00-001 Warszawa, NIP 527-301-44-81 www.meblino.pl"
    kb = "Sprzedawca: Sklep Meblino sp. z o.o., ul. Długa 5, 00-001 Warszawa, NIP 527-301-44-81."
    assert _stale(tmp_path, web, kb) == []
