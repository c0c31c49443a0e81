"""Finding phrases in analysed sentences the way people write them: in any inflected form
("zwrotu", "zwrotem"), without diacritics ("odstapienie") or with a typo ("odstąpienei").

A phrase matches where all of its words stand together (in any order, a word apart at most).
A word matches a token with the same lemma, the same lemma or form without Polish
diacritics, or, for words of six letters or more, a lemma that is nearly the same. A word
written `=jesteś` is an exact form: it matches that form only (with or without diacritics),
never another form of its lemma and never a near miss ("jesteśmy"); written with a capital
(`=Państwo`) it also matches only that case ("Państwo" the addressee, not "państwo" the state).
A word written `@2sg` is a grammatical feature: any verb addressing one person as "ty"
("możesz", "sprawdź", "dodałeś"), as Morfeusz analyses it; `@place` the name of a place
("Krakowie", "Irlandii"), as the dictionary's name types tell.
"""

from __future__ import annotations

import unicodedata
from bisect import bisect_left
from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from functools import cache, lru_cache
from typing import TYPE_CHECKING, Protocol

from rapidfuzz import fuzz

from consistency_lint.builtin_data import languages
from consistency_lint.nlp import morfeusz
from consistency_lint.nlp.analysis import Token
from consistency_lint.nlp.lexicon import language_profile
from consistency_lint.nlp.pipeline import pipeline

if TYPE_CHECKING:
    from spacy.tokens import Doc

EXACT_FORM = "="
FEATURE = "@"
FEATURES: dict[str, Callable[[str], bool]] = {"2sg": morfeusz.second_person_singular,
                                              "place": morfeusz.geographic_name}
FUZZY_MIN_LENGTH = 6
FUZZY_THRESHOLD = 85
PHRASE_SLACK = 1


@lru_cache(maxsize=200_000)
def fold(text: str) -> str:
    """Lower case without diacritics: "Odstąpić" -> "odstapic"."""
    return text.lower().translate(_fold_table())


def fold_keeping_case(text: str) -> str:
    """Without diacritics, case kept: "Państwo" -> "Panstwo"."""
    return text.translate(_fold_table())


@cache
def _fold_table() -> dict[int, str]:
    """Each letter with a diacritic in a language's profile, to the letter without it."""
    plain = {variant: letter for language in languages()
             for letter, variants in language_profile(language).spelling.diacritics.items()
             for variant in variants if variant != letter}
    return str.maketrans(plain | {variant.upper(): letter.upper()
                                  for variant, letter in plain.items()})


@dataclass(frozen=True)
class PhraseWord:
    keys: frozenset[str]  # its folded lemma and folded form; for an exact form, that form
    exact: bool = False
    cased: bool = False  # an exact form that must have this case too
    feature: str | None = None  # a grammatical feature (FEATURES) instead of keys


@dataclass(frozen=True)
class Phrase:
    text: str
    words: tuple[PhraseWord, ...]


@dataclass(frozen=True)
class PhraseMatch:
    phrase: Phrase
    first: int  # token indexes, inclusive
    last: int


class Positions(Protocol):
    """Where phrase words stand among some tokens (a sentence, a segment, a document)."""

    def positions_of(self, word: PhraseWord) -> list[int]: ...

    def match(self, phrase: Phrase) -> PhraseMatch | None: ...


class TokenIndex:
    """Positions of tokens by folded lemma and folded form.

    A word's positions are found once per index: index a whole document and look at its
    sentences through `window`, rather than indexing every sentence again for every rule.
    """

    def __init__(self, tokens: Sequence[Token]) -> None:
        self.tokens = tokens
        self.positions: dict[str, list[int]] = defaultdict(list)
        for position, token in enumerate(tokens):
            for key in {fold(token.lemma), fold(token.text)}:
                self.positions[key].append(position)
        self._forms: dict[bool, dict[str, list[int]]] = {}  # by case kept, on first need
        self._by_prefix: dict[str, set[str]] = defaultdict(set)
        for key in self.positions:
            if len(key) >= FUZZY_MIN_LENGTH - 1:
                self._by_prefix[key[:2]].add(key)
        # by identity (hashing a word or a phrase cost more than the lookup; compiled words
        # are interned), each entry beside the object it is for, so a reused id never hits
        self._occurrences: dict[int, tuple[PhraseWord, tuple[list[int], list[int]]]] = {}
        self._matches: dict[int, tuple[Phrase, PhraseMatch | None]] = {}

    def positions_of(self, word: PhraseWord) -> list[int]:
        """Where a phrase word stands: exactly, else nearly."""
        same, near = self.occurrences(word)
        return same or near

    def occurrences(self, word: PhraseWord) -> tuple[list[int], list[int]]:
        """Where a phrase word stands exactly, and where nearly (with a typo); the second is
        empty for exact forms and features. Remembered per word."""
        known = self._occurrences.get(id(word))
        if known is not None and known[0] is word:
            return known[1]
        found: tuple[list[int], list[int]]
        if word.feature is not None:
            has_feature = FEATURES[word.feature]
            found = ([position for position, token in enumerate(self.tokens)
                      if token.text.isalpha() and has_feature(token.text)], [])
        elif word.exact:
            forms = self._form_positions(word.cased)
            found = (sorted({position for key in word.keys
                             for position in forms.get(key, ())}), [])
        else:
            found = (self._same(word.keys), self._near(word.keys))
        self._occurrences[id(word)] = (word, found)
        return found

    def match(self, phrase: Phrase) -> PhraseMatch | None:
        """`find_phrase` here, once per phrase: the rules of a pack share their phrases."""
        known = self._matches.get(id(phrase))
        if known is None or known[0] is not phrase:
            known = self._matches[id(phrase)] = (phrase, find_phrase(phrase, self))
        return known[1]

    def window(self, first: int, end: int) -> TokenWindow:
        """The tokens `first` to `end` (exclusive), positioned from `first`."""
        return TokenWindow(self, first, end)

    def _form_positions(self, cased: bool) -> dict[str, list[int]]:
        """Positions by folded form (without the lemma), with or without case kept; built
        when a phrase first asks for an exact form."""
        if cased not in self._forms:
            folding = fold_keeping_case if cased else fold
            forms: dict[str, list[int]] = defaultdict(list)
            for position, token in enumerate(self.tokens):
                forms[folding(token.text)].append(position)
            self._forms[cased] = forms
        return self._forms[cased]

    def _same(self, keys: frozenset[str]) -> list[int]:
        return sorted({position for key in keys for position in self.positions.get(key, ())})

    def _near(self, keys: frozenset[str]) -> list[int]:
        return sorted({position for variant in keys if len(variant) >= FUZZY_MIN_LENGTH
                       for key in self._by_prefix.get(variant[:2], ())
                       if fuzz.ratio(key, variant) >= FUZZY_THRESHOLD
                       for position in self.positions[key]})


class TokenWindow:
    """A run of an index's tokens (one sentence of a document), found as an index of those
    tokens alone would find them: a word stands nearly only where it stands nowhere exactly
    in the run, though it may stand exactly elsewhere in the document."""

    def __init__(self, index: TokenIndex, first: int, end: int) -> None:
        self._index, self._first, self._end = index, first, end

    def positions_of(self, word: PhraseWord) -> list[int]:
        same, near = self._index.occurrences(word)
        return self._within(same) or self._within(near)

    def match(self, phrase: Phrase) -> PhraseMatch | None:
        return find_phrase(phrase, self)

    def _within(self, positions: list[int]) -> list[int]:
        first = self._first
        return [position - first for position in
                positions[bisect_left(positions, first):bisect_left(positions, self._end)]]


def check_phrase(text: str) -> None:
    """Raise ValueError for a phrase that cannot be compiled (an unknown `@feature`), without
    lemmatizing it."""
    for word in _phrase_words(text):
        if word.startswith(FEATURE) and word[1:] not in FEATURES:
            raise ValueError(f"unknown word feature `{word}` (known: "
                             f"{', '.join(FEATURE + name for name in FEATURES)})")


def _phrase_words(text: str) -> list[str]:
    """The words of a phrase, composed (NFC) as the text they are matched in is."""
    return unicodedata.normalize("NFC", text).split()


def compile_phrases(texts: Iterable[str], language: str) -> tuple[Phrase, ...]:
    """Phrases from their written form; a word written `=masz` matches only that exact form
    (not every form of its lemma "mieć"), one written `@2sg` a grammatical feature. Raises
    ValueError for an unknown feature."""
    phrases = []
    for text in texts:
        words: list[PhraseWord] = []
        check_phrase(text)
        for word in _phrase_words(text):
            if word.startswith(FEATURE):
                words.append(_interned(PhraseWord(frozenset(), feature=word[1:])))
            elif word.startswith(EXACT_FORM) and len(word) > 1:
                form = word[1:]
                cased = form != form.lower()
                key = fold_keeping_case(form) if cased else fold(form)
                words.append(_interned(PhraseWord(frozenset({key}), exact=True, cased=cased)))
            else:
                words.extend(_interned(PhraseWord(frozenset({fold(lemma), fold(form)})))
                             for lemma, form in _lemmatised(word, language))
        if words:
            phrases.append(Phrase(text, tuple(words)))
    return tuple(phrases)


def lemmatise_words(texts: Iterable[str], language: str) -> None:
    """Lemmatise the words of many phrases in one batch before they are compiled concept by
    concept: the pipeline's batches are several times faster than a call per word."""
    words = sorted({word for text in texts for word in _phrase_words(text)
                    if (word, language) not in _LEMMATISED})
    for word, doc in zip(words, pipeline(language).pipe(words), strict=True):
        _LEMMATISED[(word, language)] = _lemmas_and_forms(doc)


def _lemmatised(word: str, language: str) -> tuple[tuple[str, str], ...]:
    """(lemma, form) of each token of a phrase word, punctuation left out."""
    key = (word, language)
    if key not in _LEMMATISED:
        _LEMMATISED[key] = _lemmas_and_forms(pipeline(language)(word))
    return _LEMMATISED[key]


def _lemmas_and_forms(doc: Doc) -> tuple[tuple[str, str], ...]:
    return tuple((token.lemma_, token.text) for token in doc if not token.is_punct)


# both bounded by the packs' vocabulary
_LEMMATISED: dict[tuple[str, str], tuple[tuple[str, str], ...]] = {}
_INTERNED: dict[PhraseWord, PhraseWord] = {}


def _interned(word: PhraseWord) -> PhraseWord:
    """One object per distinct phrase word, so that indexes may know words by identity."""
    return _INTERNED.setdefault(word, word)


def find_phrase(phrase: Phrase, index: Positions) -> PhraseMatch | None:
    """The compact occurrence of the phrase that starts first, or None.

    Each position where a phrase word stands is tried as the start, taking for every word
    its first position from there on: linear in the number of positions, where trying
    every combination of positions grew with their product (and hung on long texts).
    """
    positions = []
    for word in phrase.words:
        found = index.positions_of(word)
        if not found:
            return None  # the other words need not be looked up
        positions.append(found)
    width = len(phrase.words) + PHRASE_SLACK
    for start in sorted({position for found in positions for position in found}):
        chosen = []
        for found in positions:
            at = bisect_left(found, start)
            if at == len(found):
                return None  # this word never stands at or after `start`, nor later
            chosen.append(found[at])
        first, last = min(chosen), max(chosen)
        if last - first <= width:
            return PhraseMatch(phrase, first, last)
    return None


def find_any(phrases: Iterable[Phrase], index: Positions) -> PhraseMatch | None:
    return next((match for phrase in phrases if (match := index.match(phrase))), None)
