"""Finding phrases in analysed sentences the way people write them: in any inflected form
("zwrotu", "zwrotem"), without diacritics ("odstapienie") or with a typo ("odstąpienei").

A phrase matches where all of its words stand together (in any order, a word apart at most).
A word matches a token with the same lemma (any lemma Morfeusz reads the token as, not only
the one it picks: "wady" is "wada" as well as "wad"), the same lemma or form without Polish
diacritics, or, for words of six letters or more, a lemma that is nearly the same. A word
written `=jesteś` is an exact form: it matches that form only (with or without diacritics),
never another form of its lemma and never a near miss ("jesteśmy"); written with a capital
(`=Państwo`) it also matches only that case ("Państwo" the addressee, not "państwo" the state).
A word written `@2sg` is a grammatical feature: any verb addressing one person as "ty"
("możesz", "sprawdź", "dodałeś"), as Morfeusz analyses it; `@minus` a number written with a
minus sign ("-84" of "-84%"). A word written as a CSS selector, `<del>`, `.old-price` or
`{text-decoration:line-through}`, is markup: any word inside such an element of an HTML page
(`Segment.markup`). `@place` is the name of a place ("Krakowie", "Irlandii"), as the
dictionary's name types tell.

A preposition governs the phrase word after it, which must stand after it in the text too:
"opłata za zwrot" (a fee for returning) is not "zwrot opłaty za dostawę" (a fee paid back).
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_left, bisect_right
from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, replace
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
MARKUP_BRACKETS = (("<", ">"), (".", ""), ("{", "}"))  # a tag, a class, a declaration
# a hyphen, a minus sign or an en dash before the digits
_MINUS_NUMBER = re.compile(r"[-\u2212\u2013]\d+(?:[.,]\d+)?")


def _second_person_singular(text: str) -> bool:
    return text.isalpha() and morfeusz.second_person_singular(text)


def _minus_number(text: str) -> bool:
    return _MINUS_NUMBER.fullmatch(text) is not None


FEATURES: dict[str, Callable[[str], bool]] = {"2sg": _second_person_singular,
                                              "minus": _minus_number,
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
    governs: bool = False  # a preposition: the next phrase word stands after it in the text
    markup: bool = False  # its key is a selector of the markup around a word


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
            for key in _keys(token):
                self.positions[key].append(position)
        self._forms: dict[bool, dict[str, list[int]]] = {}  # by case kept, on first need
        self._markup: dict[str, list[int]] | None = None  # by selector, on first need
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
                      if has_feature(token.text)], [])
        elif word.markup:
            found = (self._markup_positions().get(next(iter(word.keys)), []), [])
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

    def _markup_positions(self) -> dict[str, list[int]]:
        """Positions by the selectors of the markup around them; built when a phrase first
        asks for markup."""
        if self._markup is None:
            markup: dict[str, list[int]] = defaultdict(list)
            for position, token in enumerate(self.tokens):
                for selector in token.markup:
                    markup[selector].append(position)
            self._markup = markup
        return self._markup

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


def _keys(token: Token) -> set[str]:
    """A token's folded form and lemma, and, for a token Morfeusz lemmatised, every other
    lemma Morfeusz reads it as: "wady" stands for "wada" though its chosen lemma is "wad"."""
    return {fold(token.text)} | {fold(lemma) for lemma in morfeusz.every_lemma(token.text,
                                                                             token.lemma)}


class MaskedPositions:
    """Some positions of an index, the others left out (the words of a document that do not
    speak to its reader: `rules.units.DocumentUnits.unaddressed`)."""

    def __init__(self, index: Positions, left_out: frozenset[int]) -> None:
        self._index, self._left_out = index, left_out

    def positions_of(self, word: PhraseWord) -> list[int]:
        return [position for position in self._index.positions_of(word)
                if position not in self._left_out]

    def match(self, phrase: Phrase) -> PhraseMatch | None:
        return find_phrase(phrase, self)


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
        written = _phrase_words(text)
        for number, word in enumerate(written):
            if word.startswith(FEATURE):
                words.append(_interned(PhraseWord(frozenset(), feature=word[1:])))
            elif _is_selector(word):
                words.append(_interned(PhraseWord(frozenset({word.lower()}), markup=True)))
            elif word.startswith(EXACT_FORM) and len(word) > 1:
                form = word[1:]
                cased = form != form.lower()
                key = fold_keeping_case(form) if cased else fold(form)
                words.append(_interned(PhraseWord(frozenset({key}), exact=True, cased=cased)))
            else:
                words.extend(_interned(PhraseWord(frozenset({fold(lemma), fold(form)})))
                             for lemma, form in _lemmatised(word, language))
            if number + 1 < len(written) and _governs(word, language):
                words[-1] = _interned(replace(words[-1], governs=True))
        if words:
            phrases.append(Phrase(text, tuple(words)))
    return tuple(phrases)


def _governs(word: str, language: str) -> bool:
    """Whether a phrase word governs the next: a preposition (only Morfeusz's languages know)
    or a focus particle of the language."""
    form = word.removeprefix(EXACT_FORM).lower()
    profile = language_profile(language)
    return form in profile.focus_particles or (
        profile.morphology == "morfeusz" and morfeusz.is_preposition(form))


def _is_selector(word: str) -> bool:
    """Whether a phrase word names markup: `<del>`, `.old-price`, `{color:red}`."""
    return len(word) > 2 and any(word.startswith(opening) and word.endswith(closing)
                                 and word[1].isalpha() for opening, closing in MARKUP_BRACKETS)


def lemmatise_words(texts: Iterable[str], language: str) -> None:
    """Lemmatise the words of many phrases in one batch before they are compiled concept by
    concept: the pipeline's batches are several times faster than a call per word."""
    words = sorted({word for text in texts for word in _phrase_words(text)
                    if (word, language) not in _LEMMATISED and not _is_selector(word)})
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
        chosen: list[int] = []
        for number, found in enumerate(positions):
            governed = number > 0 and phrase.words[number - 1].governs
            at = bisect_right(found, chosen[-1]) if governed else bisect_left(found, start)
            if at == len(found):
                return None  # this word never stands at or after `start` (or after its
                # preposition, which later starts do not move back), nor later
            chosen.append(found[at])
        first, last = min(chosen), max(chosen)
        if last - first <= width:
            return PhraseMatch(phrase, first, last)
    return None


def find_any(phrases: Iterable[Phrase], index: Positions) -> PhraseMatch | None:
    return next((match for phrase in phrases if (match := index.match(phrase))), None)
