"""Is a word a word? Polish: Morfeusz 2 can analyse it. English: pyspellchecker's packaged
word list knows it. Plus suggestions: Polish words typed without diacritics ("dziekujemy" ->
"dziękujemy"), English near misses ("isued" -> "issued"), words run together ("napewno" ->
"na pewno").

Polish customer communication is full of English words, some with Polish endings
("cookies", "emailem", "newslettera", "voucheru"); `is_loanword` knows them from the
English word frequencies of wordfreq. wordfreq's Polish frequencies tell a word that Polish
writers use but the dictionary lacks ("geolokalizacji") from a typo nobody writes; they are
not proof of correctness (web text is full of "prosze"), so they only lower confidence.
"""

from __future__ import annotations

import unicodedata
from functools import cache, lru_cache
from itertools import product
from typing import TYPE_CHECKING

from consistency_lint.nlp import morfeusz

if TYPE_CHECKING:
    from spellchecker import SpellChecker

_DIACRITIC_VARIANTS = {"a": "aą", "c": "cć", "e": "eę", "l": "lł", "n": "nń", "o": "oó",
                       "s": "sś", "z": "zżź"}
MAX_CANDIDATES = 512
# pyspellchecker tries every string two edits away from an unknown English word, some
# (54 n)^2 of them: over a second at 15 letters, ten at 40. Longer words get the words one
# edit away.
MAX_TWO_EDITS_CHARS = 12
WORD_CACHE_SIZE = 200_000  # distinct word forms remembered: a language's vocabulary, bounded
# Zipf frequency (log10 of occurrences per billion words) from which wordfreq's English lists
# count a word as English; 1.5 admits "adblocker" and keeps out one-off noise.
ENGLISH_ZIPF = 1.5
# From this Zipf frequency in Polish text an unknown word is written by many people.
POLISH_USAGE_ZIPF = 1.0
# Zipf differences (a factor of 10 and of 3) that make a word lean to one language.
CLEARLY_MORE_FREQUENT = 1.0
SOMEWHAT_MORE_FREQUENT = 0.5
# Polish case and number endings a loanword takes: "voucher-u", "newsletter-a", "email-em".
LOANWORD_ENDINGS = ("a", "u", "em", "om", "y", "ach", "ami", "ów", "owi", "ie", "e", "i")
# The words a run-together pair starts with ("wogóle" = "w ogóle", "niewiem" = "nie wiem").
RUN_TOGETHER_HEADS = ("w", "z", "na", "po", "do", "od", "nie", "co", "za", "przede", "tym",
                      "bez", "przy", "jak", "coraz", "ze", "we")


def is_known(word: str, language: str) -> bool:
    if language == "pl":
        return morfeusz.knows_whole(word) if "-" in word else bool(morfeusz.analyses(word))
    return word.lower() in _english()


def suggestions(word: str, language: str) -> list[str]:
    if language == "pl":
        return diacritic_suggestions(word)
    english = _english()
    if len(word) > MAX_TWO_EDITS_CHARS:  # one edit away only: see MAX_TWO_EDITS_CHARS
        return sorted(english.known(english.edit_distance_1(word.lower())))[:3]
    return sorted(english.candidates(word.lower()) or ())[:3]


def diacritic_suggestions(word: str) -> list[str]:
    """Known Polish words that differ from `word` only by diacritics."""
    choices = [_DIACRITIC_VARIANTS.get(letter.lower(), letter) for letter in word]
    count = 1
    for options in choices:
        count *= len(options)
        if count > MAX_CANDIDATES:  # at once: the product of a long word's choices is huge
            return []
    found = []
    for letters in product(*choices):
        candidate = "".join(_match_case(original, letter) for original, letter in zip(
            word, letters, strict=True))
        if candidate != word and morfeusz.analyses(candidate):
            found.append(candidate)
    return found


def is_loanword(word: str) -> bool:
    """An English word, as such or with a Polish ending ("cookies", "voucheru", "emailem")."""
    lowered = word.lower()
    if _is_english(lowered):
        return True
    return any(lowered.endswith(ending) and len(lowered) - len(ending) >= 3
               and _is_english(lowered[: -len(ending)]) for ending in LOANWORD_ENDINGS)


@lru_cache(maxsize=WORD_CACHE_SIZE)
def language_leaning(word: str) -> str | None:
    """ "en" for a word far more frequent in English text than in Polish ("and", "required"),
    "pl" for one more frequent in Polish ("do", "na"), None when it is both ("to", "order")."""
    english, polish = zipf_frequency(word, "en"), zipf_frequency(word, "pl")
    if english >= polish + CLEARLY_MORE_FREQUENT:
        return "en"
    if polish > english + SOMEWHAT_MORE_FREQUENT:
        return "pl"
    return None


def in_polish_usage(word: str) -> bool:
    """Whether Polish web and book text uses the word often enough to be more than a slip."""
    return zipf_frequency(word, "pl") >= POLISH_USAGE_ZIPF


def run_together(word: str) -> str | None:
    """ "w ogóle" for "wogóle": two Polish words written as one, the first a short one."""
    lowered = word.lower()
    for head in RUN_TOGETHER_HEADS:
        rest = lowered[len(head):]
        if lowered.startswith(head) and len(rest) >= 3 and morfeusz.analyses(rest):
            return f"{word[:len(head)]} {word[len(head):]}"
    return None


def is_acronym(word: str, language: str) -> bool:
    """A word in capitals that is an acronym ("KRS", "PDF", "RODO"), not a shouted word:
    the dictionary does not know it in lower case, or knows it as an acronym."""
    if language != "pl":
        return word.lower() not in _english()
    found = morfeusz.analyses(word.lower())
    return not found or any(sum(letter.isupper() for letter in lemma) >= 2
                            for lemma, _part_of_speech in found)


@lru_cache(maxsize=WORD_CACHE_SIZE)
def scripts(word: str) -> frozenset[str]:
    """The writing systems of a word's letters ("LATIN", "CYRILLIC", "GREEK")."""
    return frozenset(unicodedata.name(letter, "UNKNOWN").split()[0]
                     for letter in word if letter.isalpha())


@cache
def _is_english(word: str) -> bool:
    return word in _english() or zipf_frequency(word, "en") >= ENGLISH_ZIPF


def _match_case(original: str, letter: str) -> str:
    return letter.upper() if original.isupper() else letter


@cache
def _english() -> SpellChecker:
    from spellchecker import SpellChecker  # here: its word list loads on first use

    return SpellChecker(language="en")


@cache
def zipf_frequency(word: str, language: str) -> float:
    """wordfreq's Zipf frequency, with wordfreq imported on first use (it loads slowly)."""
    from wordfreq import zipf_frequency as frequency  # here: see the docstring

    return float(frequency(word, language))
