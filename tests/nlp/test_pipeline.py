import pytest

from consistency_lint.nlp.pipeline import pipeline


def _sentences(text: str, language: str = "pl") -> list[str]:
    return [sentence.text for sentence in pipeline(language)(text).sents]


def test_polish_abbreviations_never_end_a_sentence() -> None:
    text = ("Sprzedawca: Velora sp. z o.o., ul. Składowa 12, tel. 22 417 30 30. "
            "Infolinia działa pn.–pt. w godz. 8–18, np. w sprawie zwrotu. Dziękujemy!")
    assert _sentences(text) == [
        "Sprzedawca: Velora sp. z o.o., ul. Składowa 12, tel. 22 417 30 30.",
        "Infolinia działa pn.–pt. w godz. 8–18, np. w sprawie zwrotu.",
        "Dziękujemy!",
    ]


def test_a_sentence_may_end_with_an_abbreviation_such_as_zl() -> None:
    assert _sentences("Rower kosztuje 6 499 zł. Dostawa jest bezpłatna.") == [
        "Rower kosztuje 6 499 zł.", "Dostawa jest bezpłatna."]


def test_a_date_written_with_full_stops_stays_in_its_sentence() -> None:
    assert _sentences("Promocja trwa 1–20.12.2026; od 21.12.2026 cena wynosi 49,90 zł. "
                      "Dziękujemy!") == [
        "Promocja trwa 1–20.12.2026; od 21.12.2026 cena wynosi 49,90 zł.", "Dziękujemy!"]


@pytest.mark.parametrize(
    ("word", "lemma"),
    [("zwrotu", "zwrot"), ("zwrotem", "zwrot"), ("zwroty", "zwrot"), ("dni", "dzień"),
     ("czternastu", "czternaście"), ("kosztuje", "kosztować"), ("sofy", "sofa"),
     ("Lido", "lido"), ("reklamację", "reklamacja"), ("dziekujemy", "dziekujemy")],
)
def test_morfeusz_lemmas(word: str, lemma: str) -> None:
    (token,) = pipeline("pl")(word)
    assert token.lemma_ == lemma


def test_english_lemmas_come_from_lookup_tables() -> None:
    doc = pipeline("en")("Refunds were returned within fourteen days.")
    assert [token.lemma_ for token in doc][:4] == ["refund", "be", "return", "within"]


def test_pipeline_is_built_once_per_language() -> None:
    assert pipeline("pl") is pipeline("pl")
