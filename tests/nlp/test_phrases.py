"""The phrase matcher: the first compact occurrence, found in time linear in the text."""

from __future__ import annotations

from itertools import product

from hypothesis import given
from hypothesis import strategies as st

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
