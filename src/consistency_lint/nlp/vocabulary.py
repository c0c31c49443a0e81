"""Is a word a word? Polish: Morfeusz 2 can analyse it. English: pyspellchecker's packaged
word list knows it. Plus suggestions: Polish words typed without diacritics ("dziekujemy" ->
"dziękujemy"), English near misses ("isued" -> "issued")."""

from __future__ import annotations

from functools import cache
from itertools import product

from spellchecker import SpellChecker

from consistency_lint.nlp import morfeusz

_DIACRITIC_VARIANTS = {"a": "aą", "c": "cć", "e": "eę", "l": "lł", "n": "nń", "o": "oó",
                       "s": "sś", "z": "zżź"}
MAX_CANDIDATES = 512


def is_known(word: str, language: str) -> bool:
    if language == "pl":
        return bool(morfeusz.analyses(word))
    return word.lower() in _english()


def suggestions(word: str, language: str) -> list[str]:
    if language == "pl":
        return diacritic_suggestions(word)
    return sorted(_english().candidates(word.lower()) or ())[:3]


def diacritic_suggestions(word: str) -> list[str]:
    """Known Polish words that differ from `word` only by diacritics."""
    choices = [_DIACRITIC_VARIANTS.get(letter.lower(), letter) for letter in word]
    count = 1
    for options in choices:
        count *= len(options)
    if count > MAX_CANDIDATES:
        return []
    found = []
    for letters in product(*choices):
        candidate = "".join(_match_case(original, letter) for original, letter in zip(
            word, letters, strict=True))
        if candidate != word and morfeusz.analyses(candidate):
            found.append(candidate)
    return found


def _match_case(original: str, letter: str) -> str:
    return letter.upper() if original.isupper() else letter


@cache
def _english() -> SpellChecker:
    return SpellChecker(language="en")
