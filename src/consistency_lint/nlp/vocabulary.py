"""Is a word a word? The dictionary of the language's morphology (its `LanguageProfile`)
knows it: Morfeusz 2 for Polish, pyspellchecker's packaged word list for English. Plus
suggestions: words typed without diacritics ("dziekujemy" -> "dziękujemy"), near misses
("isued" -> "issued"), words run together ("napewno" -> "na pewno").

Polish customer communication is full of English words, some with Polish endings
("cookies", "emailem", "newslettera", "voucheru"); `is_loanword` knows them from the
English word frequencies of wordfreq. wordfreq's Polish frequencies tell a word that Polish
writers use but the dictionary lacks ("geolokalizacji") from a typo nobody writes; they are
not proof of correctness (web text is full of "prosze"), so they only lower confidence.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Callable
from functools import cache, lru_cache
from itertools import product
from typing import TYPE_CHECKING, Protocol

from consistency_lint.nlp import morfeusz
from consistency_lint.nlp.lexicon import Derivation, language_profile

if TYPE_CHECKING:
    from spellchecker import SpellChecker

MAX_CANDIDATES = 512
# pyspellchecker tries every string two edits away from an unknown English word, some
# (54 n)^2 of them: over a second at 15 letters, ten at 40. Longer words get the words one
# edit away.
MAX_TWO_EDITS_CHARS = 12
WORD_CACHE_SIZE = 200_000  # distinct word forms remembered: a language's vocabulary, bounded
# Zipf frequency (log10 of occurrences per billion words) from which wordfreq's lists count a
# word as one of a language loanwords come from; 1.5 admits "adblocker" and keeps out noise.
LOANWORD_ZIPF = 1.5
# Zipf differences (a factor of 10 and of 3) that make a word lean to one language.
CLEARLY_MORE_FREQUENT = 1.0
SOMEWHAT_MORE_FREQUENT = 0.5
MIN_LOANWORD_STEM = 3
MIN_RUN_TOGETHER_REST = 3
_NOUN_PARTS = frozenset({"subst", "ger"})  # Morfeusz's nouns, verbal nouns included


class _Dictionary(Protocol):
    """A language's spelling dictionary, as its morphology (`LanguageProfile`) provides it."""

    def knows(self, word: str) -> bool: ...

    def corrections(self, word: str) -> list[str]: ...

    def is_acronym(self, word: str) -> bool: ...


class _MorfeuszDictionary:
    """Morfeusz 2 knows a word it can analyse; corrections restore missing diacritics."""

    def __init__(self, language: str) -> None:
        self._language = language

    def knows(self, word: str) -> bool:
        return morfeusz.knows_whole(word) if "-" in word else bool(morfeusz.analyses(word))

    def corrections(self, word: str) -> list[str]:
        return diacritic_suggestions(word, self._language)

    def is_acronym(self, word: str) -> bool:
        found = morfeusz.analyses(word.lower())
        return not found or any(sum(letter.isupper() for letter in lemma) >= 2
                                for lemma, _part_of_speech in found)


class _WordListDictionary:
    """pyspellchecker's packaged word list of the language; corrections are near misses."""

    def __init__(self, language: str) -> None:
        self._language = language

    def knows(self, word: str) -> bool:
        return word.lower() in _word_list(self._language)

    def corrections(self, word: str) -> list[str]:
        words = _word_list(self._language)
        if len(word) > MAX_TWO_EDITS_CHARS:  # one edit away only: see MAX_TWO_EDITS_CHARS
            return sorted(words.known(words.edit_distance_1(word.lower())))[:3]
        return sorted(words.candidates(word.lower()) or ())[:3]

    def is_acronym(self, word: str) -> bool:
        return not self.knows(word)


_DICTIONARIES: dict[str, Callable[[str], _Dictionary]] = {  # by morphology
    "morfeusz": _MorfeuszDictionary, "lookup": _WordListDictionary}


def is_known(word: str, language: str) -> bool:
    return _dictionary(language).knows(word)


def suggestions(word: str, language: str) -> list[str]:
    return _dictionary(language).corrections(word)


def diacritic_suggestions(word: str, language: str) -> list[str]:
    """Known words that differ from `word` only by the language's diacritics."""
    variants = language_profile(language).spelling.diacritics
    choices = [variants.get(letter.lower(), letter) for letter in word]
    count = 1
    for options in choices:
        count *= len(options)
        if count > MAX_CANDIDATES:  # at once: the product of a long word's choices is huge
            return []
    found = []
    for letters in product(*choices):
        candidate = "".join(_match_case(original, letter) for original, letter in zip(
            word, letters, strict=True))
        if candidate != word and is_known(candidate, language):
            found.append(candidate)
    return found


def is_loanword(word: str, language: str) -> bool:
    """A word of the language `language` borrows from, as such or with an ending of
    `language` ("cookies", "voucheru", "emailem")."""
    loanwords = language_profile(language).spelling.loanwords
    if loanwords is None:
        return False
    lowered = word.lower()
    if _is_word_of(lowered, loanwords.language):
        return True
    return any(lowered.endswith(ending) and len(lowered) - len(ending) >= MIN_LOANWORD_STEM
               and _is_word_of(lowered[: -len(ending)], loanwords.language)
               for ending in loanwords.endings)


def is_foreign_word(word: str, language: str) -> bool:
    """A word of the language `language` borrows from, far more frequent there than in
    `language` ("Home", "Site", "Type"): never a slip for a word of `language` ("Homę")."""
    loanwords = language_profile(language).spelling.loanwords
    return (loanwords is not None and _is_word_of(word.lower(), loanwords.language)
            and language_leaning(word.lower(), language, loanwords.language)
            == loanwords.language)


@lru_cache(maxsize=WORD_CACHE_SIZE)
def language_leaning(word: str, language: str, other: str) -> str | None:
    """`other` for a word far more frequent in that language's text than in `language`'s
    ("and", "required" in English against Polish), `language` for one more frequent in
    `language` ("do", "na"), None when it is both ("to", "order")."""
    theirs, ours = zipf_frequency(word, other), zipf_frequency(word, language)
    if theirs >= ours + CLEARLY_MORE_FREQUENT:
        return other
    if ours > theirs + SOMEWHAT_MORE_FREQUENT:
        return language
    return None


def in_usage(word: str, language: str) -> bool:
    """Whether web and book text of the language uses the word often enough to be more than
    a slip (never, for a language whose profile sets no `usage_zipf`)."""
    threshold = language_profile(language).spelling.usage_zipf
    return threshold is not None and zipf_frequency(word, language) >= threshold


def run_together(word: str, language: str) -> str | None:
    """ "w ogóle" for "wogóle": two words written as one, the first a short one."""
    lowered = word.lower()
    for head in language_profile(language).spelling.run_together_heads:
        rest = lowered[len(head):]
        if (lowered.startswith(head) and len(rest) >= MIN_RUN_TOGETHER_REST
                and is_known(rest, language)):
            return f"{word[:len(head)]} {word[len(head):]}"
    return None


@lru_cache(maxsize=WORD_CACHE_SIZE)
def derived(word: str, language: str) -> str | None:
    """How the language made `word` from words it knows, as its parts ("de- + identyfikować",
    "pobranie + -owa", "olej + wosk"), or None: a word the dictionary need not list."""
    derivation = language_profile(language).spelling.derivation
    if derivation is None:
        return None
    lowered = word.lower()
    return (_suffixed(lowered, language, derivation) or _prefixed(lowered, language, derivation)
            or _compound(lowered, language, derivation))


def _prefixed(word: str, language: str, derivation: Derivation) -> str | None:
    for prefix in derivation.prefixes:
        rest = word[len(prefix):]
        if word.startswith(prefix) and len(rest) > derivation.min_part and (
                _is_any_word(rest, language) or _suffixed(rest, language, derivation)
                or any(rest.startswith(inner) and _is_any_word(rest[len(inner):], language)
                       for inner in derivation.prefixes if len(rest) - len(inner) > 3)):
            return f"{prefix}- + {rest}"
    return None


def _suffixed(word: str, language: str, derivation: Derivation) -> str | None:
    for ending in derivation.endings:
        if not word.endswith(ending):
            continue
        base = word[:len(word) - len(ending)]
        for suffix in derivation.suffixes:
            stem = base[:len(base) - len(suffix)]
            if not base.endswith(suffix) or len(stem) < derivation.min_part:
                continue
            for dropped in derivation.noun_endings_dropped:
                if _is_noun(stem + dropped, language):
                    return f"{stem + dropped} + -{suffix}{ending}"
    return None


def _compound(word: str, language: str, derivation: Derivation) -> str | None:
    for at in range(derivation.min_compound_part,
                    len(word) - derivation.min_compound_part):
        first, second = word[:at], word[at + 1:]
        if word[at] in derivation.linking and _is_any_word(second, language) and any(
                _is_noun(first + dropped, language) for dropped in derivation.noun_endings_dropped):
            return f"{first} + {second}"
    return None


def _is_noun(word: str, language: str) -> bool:
    """A noun of the language (Morfeusz's parts of speech), or a word of the language it
    borrows from ("hash", "phishing")."""
    if language_profile(language).morphology == "morfeusz" and any(
            part in _NOUN_PARTS for _lemma, part in morfeusz.analyses(word)):
        return True
    loanwords = language_profile(language).spelling.loanwords
    return loanwords is not None and _is_word_of(word, loanwords.language)


def _is_any_word(word: str, language: str) -> bool:
    loanwords = language_profile(language).spelling.loanwords
    return is_known(word, language) or (loanwords is not None
                                        and _is_word_of(word, loanwords.language))


def is_acronym(word: str, language: str) -> bool:
    """A word in capitals that is an acronym ("KRS", "PDF", "RODO"), not a shouted word:
    the dictionary does not know it in lower case, or knows it as an acronym."""
    return _dictionary(language).is_acronym(word)


@lru_cache(maxsize=WORD_CACHE_SIZE)
def scripts(word: str) -> frozenset[str]:
    """The writing systems of a word's letters ("LATIN", "CYRILLIC", "GREEK")."""
    return frozenset(unicodedata.name(letter, "UNKNOWN").split()[0]
                     for letter in word if letter.isalpha())


@cache
def _dictionary(language: str) -> _Dictionary:
    return _DICTIONARIES[language_profile(language).morphology](language)


@cache
def _is_word_of(word: str, language: str) -> bool:
    return is_known(word, language) or zipf_frequency(word, language) >= LOANWORD_ZIPF


def _match_case(original: str, letter: str) -> str:
    return letter.upper() if original.isupper() else letter


@cache
def _word_list(language: str) -> SpellChecker:
    from spellchecker import SpellChecker  # here: its word list loads on first use

    return SpellChecker(language=language)


@cache
def zipf_frequency(word: str, language: str) -> float:
    """wordfreq's Zipf frequency, with wordfreq imported on first use (it loads slowly)."""
    from wordfreq import zipf_frequency as frequency  # here: see the docstring

    return float(frequency(word, language))
