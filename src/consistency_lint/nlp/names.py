"""Forms of a name the dictionary does not know (a brand, a coined product name): as the
language of a profile inflects names, "Meblino", "Meblina", "Meblinie", "Zoolandii" of
"Zoolandia", never "meblino" or "Meblinno" (`name_inflection` in the language files)."""

from __future__ import annotations

from functools import cache

from consistency_lint.builtin_data import languages
from consistency_lint.nlp.lexicon import NameInflection, language_profile


def is_form_of(word: str, name: str) -> bool:
    """Whether `word` is `name` or one of its inflected forms, as written (capitals too)."""
    return any(_inflects_to(word, name, inflection) for inflection in _name_inflections())


def _inflects_to(word: str, name: str, inflection: NameInflection) -> bool:
    stem = name[:-1] if name[-1].lower() in inflection.stem_vowels else name
    endings = (*inflection.endings, name[len(stem):].lower())
    return word.startswith(stem) and word[len(stem):].lower() in endings


@cache
def _name_inflections() -> tuple[NameInflection, ...]:
    return tuple(language_profile(language).spelling.name_inflection
                 for language in languages()
                 if language_profile(language).spelling.name_inflection.endings)
