"""Per-language word lists (`rules/language/*.yaml`), with Polish lemmas expanded to every
inflected form by Morfeusz, so that "czternastu dni" and "dwóch tygodni" are understood."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from functools import cache
from typing import Any

from consistency_lint.builtin_data import load_builtin_yaml
from consistency_lint.nlp import morfeusz

SUPPORTED_LANGUAGES = ("pl", "en")
# One-letter forms ("r" of "rok", "d" of "dzień") collide with initials and "2026 r.".
MIN_GENERATED_FORM_LENGTH = 2


@dataclass(frozen=True)
class Lexicon:
    language: str
    abbreviations: frozenset[str]
    sentence_final_abbreviations: frozenset[str]
    numerals: dict[str, Decimal]
    duration_units: dict[str, str]
    business_day_qualifiers: frozenset[str]
    calendar_day_qualifiers: frozenset[str]
    currencies: dict[str, str]
    per_month_markers: tuple[str, ...]
    percent_markers: tuple[str, ...]
    volume_units: dict[str, Decimal]
    at_least: tuple[str, ...]
    at_most: tuple[str, ...]
    range_connectors: tuple[str, ...]
    months: dict[str, int]
    weekdays: dict[str, int]
    period_start_prepositions: frozenset[str]
    determiners: frozenset[str]
    period_start_lemmas: frozenset[str]


@cache
def lexicon(language: str) -> Lexicon:
    if language not in SUPPORTED_LANGUAGES:
        raise ValueError(f"unsupported language {language!r}")
    data: dict[str, Any] = load_builtin_yaml(f"language/{language}.yaml")
    expand = _expander(language)
    numerals = {form: Decimal(str(value)) for lemma_text, value in data["numerals"].items()
                for form in expand([lemma_text], [])}
    return Lexicon(
        language=language,
        abbreviations=frozenset(data["abbreviations"]),
        sentence_final_abbreviations=frozenset(data["sentence_final_abbreviations"]),
        numerals=numerals,
        duration_units={form: unit for unit, words in data["duration_units"].items()
                        for form in expand(words["lemmas"], words["forms"])},
        business_day_qualifiers=expand(**data["business_day_qualifiers"]),
        calendar_day_qualifiers=expand(**data["calendar_day_qualifiers"]),
        currencies={form: code for code, words in data["currencies"].items()
                    for form in expand(words["lemmas"], words["forms"])},
        per_month_markers=tuple(data["per_month_markers"]),
        percent_markers=tuple(data["percent_markers"]),
        volume_units={unit: Decimal(str(scale)) for unit, scale in data["volume_units"].items()},
        at_least=tuple(data["bounds"]["at_least"]),
        at_most=tuple(data["bounds"]["at_most"]),
        range_connectors=tuple(data["range_connectors"]),
        months={form: number for number, month in enumerate(data["months"], start=1)
                for form in expand([month], [])},
        weekdays={form: index for index, day in enumerate(data["weekdays"])
                  for form in expand(day["lemmas"], day["forms"])},
        period_start_prepositions=frozenset(data["period_start"]["prepositions"]),
        period_start_lemmas=frozenset(data["period_start"]["lemmas"]),
        determiners=expand(data["determiners"], []),
    )


def _expander(language: str) -> Any:
    def expand(lemmas: list[str], forms: list[str]) -> frozenset[str]:
        words = {form.lower() for form in forms} | {lemma_text.lower() for lemma_text in lemmas}
        if language == "pl":
            for lemma_text in lemmas:
                words |= {form for form in morfeusz.inflected_forms(lemma_text)
                          if len(form) >= MIN_GENERATED_FORM_LENGTH}
        return frozenset(words)
    return expand
