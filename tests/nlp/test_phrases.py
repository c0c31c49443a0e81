"""The phrase matcher: the first compact occurrence, found in time linear in the text."""

from __future__ import annotations

from itertools import product

from hypothesis import given
from hypothesis import strategies as st

from consistency_lint.nlp import morfeusz
from consistency_lint.nlp.analysis import Token
from consistency_lint.nlp.phrases import (
    PHRASE_SLACK,
    Phrase,
    PhraseMatch,
    PhraseWord,
    TokenIndex,
    compile_phrases,
    find_phrase,
)

WORDS = ["zwrot", "bon", "tylko", "pieniądz", "x"]
morfeusz.lemmas("zwrot")  # the index reads Morfeusz: its dictionary loads before timed examples


def _tokens(words: list[str]) -> list[Token]:
    tokens, offset = [], 0
    for word in words:
        tokens.append(Token(offset, offset + len(word), word, word))
        offset += len(word) + 1
    return tokens


def _every_combination(phrase: Phrase, index: TokenIndex) -> PhraseMatch | None:
    """The matcher as it used to be written: every combination of positions."""
    positions = [index.positions_of(word) for word in phrase.words]
    best = None
    for occurrence in product(*positions):
        first, last = min(occurrence), max(occurrence)
        if last - first <= len(phrase.words) + PHRASE_SLACK and (
                best is None or first < best.first):
            best = PhraseMatch(phrase, first, last)
    return best


@given(sentence=st.lists(st.sampled_from(WORDS), max_size=14),
       phrase_words=st.lists(st.sampled_from(WORDS[:4]), min_size=1, max_size=3))
def test_the_match_is_the_one_every_combination_would_give(sentence: list[str],
                                                           phrase_words: list[str]) -> None:
    phrase = Phrase(" ".join(phrase_words),
                    tuple(PhraseWord(frozenset({w})) for w in phrase_words))
    index = TokenIndex(_tokens(sentence))
    assert find_phrase(phrase, index) == _every_combination(phrase, index)


def test_phrase_words_repeated_160_times_in_one_sentence() -> None:
    (phrase,) = compile_phrases(["zwrot pieniędzy wyłącznie bonem"], "pl")
    sentence = ["zwrot", "pieniądz", "wyłącznie", "inny"] * 160 + ["bon"]
    match = find_phrase(phrase, TokenIndex(_tokens(sentence)))
    assert match is not None and (match.first, match.last) == (636, 640)


def test_an_exact_form_matches_that_form_only() -> None:
    (phrase,) = compile_phrases(["=jesteś"], "pl")
    assert find_phrase(phrase, TokenIndex(_tokens(["jesteśmy", "gotowi"]))) is None
    assert find_phrase(phrase, TokenIndex(_tokens(["czy", "jestes", "gotowy"]))) == \
        PhraseMatch(phrase, 1, 1)


# near misses of "odstąpienie" beside the word itself: a window must fall back to them only
# where the word itself is not in the window
NEAR_WORDS = ["odstapienie", "odstapienei", "odstapieniu", "termin", "dni", "x"]


@given(document=st.lists(st.sampled_from(NEAR_WORDS), min_size=1, max_size=20),
       bounds=st.tuples(st.integers(0, 20), st.integers(0, 20)),
       phrase_words=st.lists(st.sampled_from(NEAR_WORDS[:5]), min_size=1, max_size=2))
def test_a_window_of_a_document_finds_what_an_index_of_its_tokens_finds(
        document: list[str], bounds: tuple[int, int], phrase_words: list[str]) -> None:
    first, end = sorted(min(bound, len(document)) for bound in bounds)
    tokens = _tokens(document)
    phrase = Phrase(" ".join(phrase_words),
                    tuple(PhraseWord(frozenset({w})) for w in phrase_words))
    window, alone = TokenIndex(tokens).window(first, end), TokenIndex(tokens[first:end])
    assert [window.positions_of(w) for w in phrase.words] == \
        [alone.positions_of(w) for w in phrase.words]
    assert window.match(phrase) == alone.match(phrase)


def test_a_window_falls_back_to_a_near_miss_the_document_has_the_word_elsewhere() -> None:
    word = PhraseWord(frozenset({"odstapienie"}))
    index = TokenIndex(_tokens(["odstapienie", "termin", "odstapienei"]))
    assert index.positions_of(word) == [0]
    assert index.window(1, 3).positions_of(word) == [1]


def _analysed(words: list[str]) -> list[Token]:
    """Tokens as the Polish pipeline lemmatises them (Morfeusz's chosen lemma)."""
    return [Token(token.start, token.end, token.text, morfeusz.lemma(token.text))
            for token in _tokens(words)]


def test_a_word_matches_a_token_any_of_whose_readings_has_its_lemma() -> None:
    """ "wady" is chosen as "wad" (the mineral), yet it is the commonest form of "wada"."""
    (phrase,) = compile_phrases(["wada"], "pl")
    for form in ["wady", "wadę", "wadą", "wad"]:
        assert find_phrase(phrase, TokenIndex(_analysed(["towar", "ma", form]))) == \
            PhraseMatch(phrase, 2, 2), form


def test_no_word_matches_a_reading_as_a_function_word_pronoun_or_positive_of_a_negation(
) -> None:
    for phrase_text, words in [("on", ["nie", "ma"]), ("oda", ["od", "dnia"]),
                               ("używać", ["towar", "nieużywany"])]:
        (phrase,) = compile_phrases([phrase_text], "pl")
        assert find_phrase(phrase, TokenIndex(_analysed(words))) is None, phrase_text


def test_a_selector_matches_the_words_inside_that_markup() -> None:
    old_price, badge = compile_phrases([".old-price", "@minus =%"], "pl")
    tokens = _tokens(["Sofa", "2499", "zł", "-84", "%"])
    tokens[1:3] = [Token(t.start, t.end, t.text, t.lemma, frozenset({"<span>", ".old-price"}))
                   for t in tokens[1:3]]
    index = TokenIndex(tokens)
    assert find_phrase(old_price, index) == PhraseMatch(old_price, 1, 1)
    assert find_phrase(badge, index) == PhraseMatch(badge, 3, 4)
    assert find_phrase(old_price, TokenIndex(_tokens(["old-price", "2499"]))) is None


def test_the_minus_feature_is_a_signed_number_only() -> None:
    (badge,) = compile_phrases(["@minus"], "pl")
    assert find_phrase(badge, TokenIndex(_tokens(["22-350", "minus", "-", "84"]))) is None
    assert find_phrase(badge, TokenIndex(_tokens(["\u221215,5"]))) == PhraseMatch(badge, 0, 0)


def test_a_focus_particle_governs_the_word_after_it_as_a_preposition_does() -> None:
    """ "tylko konsumentom" restricts the consumers; in "Konsument ponosi tylko koszty" the
    particle restricts the costs, and the phrase is not there."""
    (phrase,) = compile_phrases(["tylko konsumentom"], "pl")
    assert find_phrase(phrase, TokenIndex(_analysed(["Konsument", "ponosi", "tylko",
                                                     "koszty"]))) is None
    assert find_phrase(phrase, TokenIndex(_analysed(["przysługuje", "tylko",
                                                     "konsumentom"]))) == PhraseMatch(phrase, 1, 2)
