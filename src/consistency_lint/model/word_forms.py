"""Forms of one word: Polish and English inflection changes a word's ending after a common
stem ("Polska", "Polski"; "czarny", "czarne"; "produkt", "produkty"; "term", "terms"). A
change inside the stem ("Polsce") is not told apart from another word."""

from __future__ import annotations

WORD_ENDINGS = frozenset({"", "a", "e", "i", "o", "u", "y", "ą", "ę", "ej", "ego", "ie", "ich",
                          "ów", "ami", "ach", "om", "s", "es"})
MIN_STEM = 3  # a shorter common start is chance ("do", "dom")


def common_start(first: str, second: str) -> int:
    """How many leading characters the two strings share."""
    common = 0
    for a, b in zip(first, second, strict=False):
        if a != b:
            break
        common += 1
    return common


def forms_of_one_word(first: str, second: str) -> bool:
    """Whether two words differ at most in an inflectional ending after a stem of
    MIN_STEM letters or more."""
    if first == second:
        return True
    common = common_start(first, second)
    return (common >= MIN_STEM and first[common:] in WORD_ENDINGS
            and second[common:] in WORD_ENDINGS)
