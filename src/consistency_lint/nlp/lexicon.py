"""Languages as data: one `rules/language/<language>.yaml` per language gives its profile
(what the language does differently: number format, morphology, spelling, readability) and
its word lists, with lemmas expanded to every inflected form where the morphology inflects,
so that "czternastu dni" and "dwóch tygodni" are understood. Adding a language is adding a
file; code asks the profile, never which language it is."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from decimal import Decimal
from functools import cache
from typing import Any, Literal

from pydantic import TypeAdapter

from consistency_lint.builtin_data import languages, load_builtin_yaml
from consistency_lint.nlp import morfeusz

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
    clock_hours: dict[str, int]  # "ósmej" -> 8: hours of the clock said as ordinals
    period_start_prepositions: frozenset[str]
    determiners: frozenset[str]
    period_start_lemmas: frozenset[str]
    # "w ciągu miesiąca", "masz tydzień": a unit named alone is one of it (form -> unit
    # word) after a bound word, or alone in the forms of `implied_one_alone`, unless a word
    # of `implied_one_not_after` before it picks out which one ("co miesiąc", "w roku")
    implied_one: dict[str, str] = field(default_factory=dict)
    implied_one_alone: frozenset[str] = frozenset()
    implied_one_not_after: frozenset[str] = frozenset()
    # Adjectives of a whole one, which pick out none: "masz cały tydzień" is a week
    implied_one_whole: frozenset[str] = frozenset()


@dataclass(frozen=True)
class Loanwords:
    """Words of another language accepted as such or with one of `endings` ("voucher-u")."""

    language: str
    endings: tuple[str, ...]


@dataclass(frozen=True)
class NameInflection:
    """How a name inflects: its stem drops a final `stem_vowels` letter, takes `endings`."""

    stem_vowels: str
    endings: tuple[str, ...]


@dataclass(frozen=True)
class Derivation:
    """How the language makes words the dictionary need not list: a prefix before a word; a
    noun (its final `noun_endings_dropped` letters dropped) with a suffix and an ending; two
    words joined by a linking vowel. A stem is at least `min_part` letters, each word of a
    compound `min_compound_part`."""

    prefixes: tuple[str, ...]
    noun_endings_dropped: tuple[str, ...]
    suffixes: tuple[str, ...]
    endings: tuple[str, ...]
    linking: tuple[str, ...]
    min_part: int
    min_compound_part: int


@dataclass(frozen=True)
class SpellingProfile:
    diacritics: dict[str, str]  # a letter -> the letters it may stand for, typed plain
    archaic_forms: bool  # report forms the dictionary marks archaic
    run_together_heads: tuple[str, ...]
    loanwords: Loanwords | None
    untranslated: str | None  # a sentence in this language is a string left untranslated
    abbreviation_goes_on: re.Pattern[str] | None  # matched after a word: an abbreviation
    usage_zipf: float | None  # from this frequency in the language, a word is in use
    name_inflection: NameInflection
    derivation: Derivation | None = None
    homophones: tuple[tuple[str, str], ...] = ()  # spellings of one sound ("rz", "ż")


@dataclass(frozen=True)
class Readability:
    """A FOG-style readability formula: the share of words of `hard_word_syllables` or more
    syllables, counted as the `vowels` left after removing `non_syllabic` ones."""

    name: str
    hard_word_syllables: int
    vowels: str
    non_syllabic: re.Pattern[str]


@dataclass(frozen=True)
class LanguageProfile:
    """What a language does differently; the words it uses are in its `Lexicon`."""

    language: str
    name: str  # in messages ("Polish")
    morphology: Literal["morfeusz", "lookup"]
    decimal_comma: bool  # "2,500" is two and a half
    dash_amount_currency: str | None  # "1290,-" is an amount in this currency
    duration_compounds: dict[str, str]  # "14-dniowy": adjective stem -> duration unit
    negations: frozenset[str]
    clause_conjunctions: frozenset[str]
    spelling: SpellingProfile
    readability: Readability | None
    compliant_wording_lead: str  # before a legal rule's compliant example in its message
    # Verbs that say nothing of what a clause is about ("masz na to 14 dni", "wynosi"):
    # a clause whose only verbs are these takes its meaning from a cue nearby (nlp.frames).
    # Optional, as a language file of before them still reads.
    # a business's legal forms: their words in capitals name, they do not shout
    legal_forms: tuple[str, ...] = ()
    light_verbs: frozenset[str] = frozenset()
    condition_conjunctions: frozenset[str] = frozenset()  # "jeśli", "gdy": a circumstance
    # Words that, after a focus particle, announce a condition after a comma ("tylko wtedy,
    # gdy"): the condition belongs to their clause (nlp/clause_reading.py). Optional.
    condition_correlatives: frozenset[str] = frozenset()
    # Words after a comma that open a subordinate clause ("…, że firma nie ponosi …"): the
    # clauses a rule frame must hold in (nlp/clause_reading.py). Optional, like the above.
    clause_openers: frozenset[str] = frozenset()
    # Particles that restrict the word after them ("tylko konsumentom", "wyłącznie bonem"): in
    # a phrase they govern that word, which must follow them in the text too ("Konsument
    # ponosi jedynie …" is not "jedynie konsument"). Optional, like the above.
    focus_particles: frozenset[str] = frozenset()
    # Verbs of saying: what a negated one introduces ("Nie mów, że „o sposobie decyduje
    # sklep”") is what the text tells its reader not to say, not what it says. Optional.
    speech_verbs: frozenset[str] = frozenset()
    # Words of comparison: a negation two words before one ("nie później niż 14 dni", "no
    # later than") states a bound, and negates nothing. Optional.
    comparison_words: frozenset[str] = frozenset()
    # Conjunctions that join two predicates ("wysyłamy kurierem DPD i nie wysyłamy mebli"):
    # each has its own scope of negation. Optional.
    coordinators: frozenset[str] = frozenset()
    # What a clause says may, must or cannot be: lemmas, or lemmas in order a word apart at
    # most ("mieć prawo", "zastrzegać prawo"), by modality ("may", "must"); a negation just
    # before one of "may" makes "cannot".
    modality: dict[str, tuple[str, ...]] = field(default_factory=dict)
    # Forms of a unit that after a whole number make it an ordinal or a date, not a length:
    # "w 2027 roku", "poniżej 13 roku życia" (a length says "2 lata", "w ciągu 1 roku").
    ordinal_unit_forms: frozenset[str] = frozenset()


@cache
def language_profile(language: str) -> LanguageProfile:
    return TypeAdapter(LanguageProfile).validate_python(_language_data(language))


@cache
def in_every_language(words: Literal["negations", "clause_conjunctions"]) -> frozenset[str]:
    """A word list of every language at once, for text whose language is not at hand (and
    text of one language quotes another)."""
    return frozenset().union(*(getattr(language_profile(language), words)
                               for language in languages()))


def _language_data(language: str) -> dict[str, Any]:
    if language not in languages():
        raise ValueError(f"unsupported language {language!r}")
    return load_builtin_yaml(f"language/{language}.yaml")


@cache
def lexicon(language: str) -> Lexicon:
    data = _language_data(language)
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
        clock_hours={form: int(hour) for lemma_text, hour in data.get("clock_hours", {}).items()
                     for form in expand([lemma_text], [])},
        period_start_prepositions=frozenset(data["period_start"]["prepositions"]),
        period_start_lemmas=frozenset(data["period_start"]["lemmas"]),
        determiners=expand(data["determiners"], []),
        implied_one=_implied_one(language, data.get("implied_one", {}), _LENGTH_CASES),
        implied_one_alone=frozenset(
            _implied_one(language, data.get("implied_one", {}), _ALONE_CASES)),
        implied_one_not_after=frozenset(data.get("implied_one", {}).get("not_after", ())),
        implied_one_whole=expand(data.get("implied_one", {}).get("whole", []), []),
    )


# A length of time is said in these cases: "masz tydzień", "przez rok" alone, and "w ciągu
# miesiąca" after a bound word (alone, a genitive is a part of it: "do końca miesiąca").
_ALONE_CASES = frozenset({"nom", "acc"})
_LENGTH_CASES = _ALONE_CASES | {"gen"}


def _implied_one(language: str, data: dict[str, Any], cases: frozenset[str]) -> dict[str, str]:
    """The forms of the units that, named alone, state one of them: for an inflected
    language, each unit lemma's singular forms in `cases`; else the forms listed."""
    if language_profile(language).morphology != "morfeusz":
        return {form.lower(): form.lower() for form in data.get("forms", ())}
    return {form: lemma_text for lemma_text in data.get("lemmas", ())
            for form in morfeusz.singular_forms(lemma_text, cases)}


def _expander(language: str) -> Any:
    inflects = language_profile(language).morphology == "morfeusz"

    def expand(lemmas: list[str], forms: list[str]) -> frozenset[str]:
        words = {form.lower() for form in forms} | {lemma_text.lower() for lemma_text in lemmas}
        if inflects:
            for lemma_text in lemmas:
                words |= {form for form in morfeusz.inflected_forms(lemma_text)
                          if len(form) >= MIN_GENERATED_FORM_LENGTH}
        return frozenset(words)
    return expand
