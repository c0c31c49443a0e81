"""Diacritic twins and what the words around one say about it.

A word and its twin differ only by diacritics ("tą"/"tę", "cała"/"całą", "morze"/"może",
"piec"/"pięć"): both are words, so a spell checker passes either. The sentence tells them
apart: an adjective agrees with its noun in number, case and gender ("całą fakturę"), a
numeral counts a noun in the genitive plural ("pięć dni"), a subject wants a finite verb
("Klienci mają prawo"). Morfeusz's tags give every reading of a word; a twin is suspected
only where the word has no reading that fits and the twin has one.
"""

from __future__ import annotations

import unicodedata
from functools import lru_cache

from consistency_lint.nlp import morfeusz
from consistency_lint.nlp.frames import GERUND_TAG, VERB_TAGS
from consistency_lint.nlp.lexicon import language_profile
from consistency_lint.nlp.vocabulary import WORD_CACHE_SIZE, zipf_frequency

Triple = tuple[str, str, str]  # number, case, gender
ADJECTIVE, NOUN, NUMERAL = "adj", "subst", "num"
FINITE = frozenset({"fin", "praet", "bedzie"})
NOMINAL = frozenset({"subst", "ppron3", "ppron12", "depr"})  # what alone may be a subject
# readings that make a word a verb first: "ma wadę", "można kartą"
VERBAL = VERB_TAGS - {GERUND_TAG}
INFINITIVE, PREPOSITION = "inf", "prep"
PRONOUN_OF_THIRD, THIRD_PERSON = "ppron3", "ter"


@lru_cache(maxsize=WORD_CACHE_SIZE)
def twins(word: str, language: str) -> tuple[str, ...]:
    """The known words that differ from `word` by the diacritic of one letter, added or taken
    away ("cała" -> "całą", "rożnymi" -> "różnymi"), of two in a word typed without any
    ("piec" -> "pięć"), or by one spelling of a sound for another ("morze" -> "może"). Not
    every combination: the dictionary is asked a few dozen times per word, not hundreds."""
    spelling = language_profile(language).spelling
    once = _one_diacritic(word, spelling.diacritics)
    typed_plain = all(_plain(letter) == letter for letter in word)
    twice = [two for one in once for two in _one_diacritic(one, spelling.diacritics)
             if typed_plain and sum(a != b for a, b in zip(two, word, strict=True)) == 2]
    candidates = (*once, *twice, *_respelled(word, spelling.homophones))
    return tuple(dict.fromkeys(candidate for candidate in candidates
                               if candidate != word and morfeusz.knows(candidate)))


def _one_diacritic(word: str, diacritics: dict[str, str]) -> list[str]:
    """`word` with one letter's diacritic added, taken away or changed."""
    found = []
    for index, letter in enumerate(word):
        plain = _plain(letter)
        for other in {plain, *diacritics.get(plain.lower(), "")}:
            other = other.upper() if letter.isupper() else other
            if other != letter:
                found.append(word[:index] + other + word[index + 1:])
    return found


def _plain(letter: str) -> str:
    if letter in "łŁ":
        return "l" if letter == "ł" else "L"
    return "".join(part for part in unicodedata.normalize("NFD", letter)
                   if not unicodedata.combining(part))


def _respelled(word: str, homophones: tuple[tuple[str, str], ...]) -> list[str]:
    """`word` with one spelling of a sound replaced by another, at each place it stands."""
    found = []
    for first, second in homophones:
        for old, new in ((first, second), (second, first)):
            start = word.find(old)
            while start >= 0:
                found.append(word[:start] + new + word[start + len(old):])
                start = word.find(old, start + 1)
    return found


@lru_cache(maxsize=WORD_CACHE_SIZE)
def triples(surface: str, part: str) -> frozenset[Triple]:
    """The (number, case, gender) triples of the word read as `part` of speech."""
    found: set[Triple] = set()
    for _lemma, tag in morfeusz.readings(surface):
        fields = tag.split(":")
        if fields[0] != part or len(fields) < 4:
            continue
        for number in fields[1].split("."):
            for case in fields[2].split("."):
                for gender in fields[3].split("."):
                    found.add((number, case, gender))
    return frozenset(found)


def parts(surface: str) -> frozenset[str]:
    return morfeusz.parts_of_speech(surface)


def agreeing_twin(word: str, noun: str, language: str) -> str | None:
    """The twin of an adjective that agrees with the noun after it where the word does not:
    "te fakturę" -> "tę", "cała kwotę" -> "całą"."""
    nouns = triples(noun, NOUN)
    own = triples(word, ADJECTIVE)
    if not nouns or not own or own & nouns or parts(noun) - {NOUN} or parts(word) & VERBAL:
        return None  # "ma wadę", "można kartą": a verb first
    return next((twin for twin in twins(word, language) if triples(twin, ADJECTIVE) & nouns),
                None)


def agreeing_noun_twin(word: str, adjective: str, following: str, language: str) -> str | None:
    """The twin of a noun that agrees with the adjective after it where the word does not:
    "zapłacić karta kredytową" -> "kartą"; not where the adjective opens the next noun's
    phrase ("opłata dodatkową kwotą")."""
    if parts(word) != {NOUN} or parts(adjective) != {ADJECTIVE}:
        return None
    own, described = triples(word, NOUN), triples(adjective, ADJECTIVE)
    if not own or not described or own & described:
        return None
    if following and triples(following, NOUN) & described:
        return None
    return next((twin for twin in twins(word, language) if triples(twin, NOUN) & described),
                None)


def agrees(word: str, noun: str) -> bool:
    """Whether the word may be an adjective of the noun after it."""
    return bool(triples(word, ADJECTIVE) & triples(noun, NOUN))


def counting_twin(word: str, noun: str, language: str) -> str | None:
    """The numeral twin of a word before a noun in the genitive: "piec dni", "pól roku"."""
    if NUMERAL in parts(word) or not any(case == "gen" for _n, case, _g in triples(noun, NOUN)):
        return None
    return next((twin for twin in twins(word, language) if NUMERAL in parts(twin)), None)


def verb_twin(word: str, language: str) -> str | None:
    """The finite-verb twin, of another lemma, of a word that is no verb ("morze" -> "może")."""
    if parts(word) & (FINITE | {INFINITIVE}):
        return None
    lemmas = {lemma for lemma, _ in morfeusz.readings(word)}
    verbs = [twin for twin in twins(word, language) if _commoner(twin, word, language)
             and any(tag.split(":", 1)[0] in FINITE and lemma not in lemmas
                     for lemma, tag in morfeusz.readings(twin))]
    # the third person first: what a text says of a customer or an order ("może")
    verbs.sort(key=lambda twin: not any(f":{THIRD_PERSON}:" in tag
                                        for _l, tag in morfeusz.readings(twin)))
    return verbs[0] if verbs else None


def predicate_twin(word: str, subject: str, language: str) -> str | None:
    """The twin of a word that is no verb which is a finite verb of the subject before it:
    "Klient morze" -> "może" (third person, singular), "Klienci maja" -> "mają"."""
    if parts(word) & (FINITE | {INFINITIVE}) or not parts(subject) <= NOMINAL:
        return None  # "Biegaj zimą", "jak zwykłą": no subject but a noun alone
    numbers = {number for number, case, _g in triples(subject, NOUN) if case == "nom"}
    numbers |= {tag.split(":")[1] for _l, tag in morfeusz.readings(subject)
                if tag.startswith(PRONOUN_OF_THIRD) and ":nom" in tag}
    lemmas = {lemma for lemma, _ in morfeusz.readings(word)}
    return next((twin for twin in twins(word, language) if _commoner(twin, word, language)
                 and any(_third_person_of(tag, numbers) and lemma not in lemmas
                         for lemma, tag in morfeusz.readings(twin))), None)


def _commoner(twin: str, word: str, language: str) -> bool:
    """Whether the language writes the twin more than the word: "mają" than "maja", not
    "maił" (of a verb hardly anyone writes) than "mail"."""
    return zipf_frequency(twin.lower(), language) > zipf_frequency(word.lower(), language)


def _third_person_of(tag: str, numbers: set[str]) -> bool:
    fields = tag.split(":")
    return fields[0] in FINITE and len(fields) > 2 and fields[1] in numbers and (
        fields[0] == "praet" or fields[2] == THIRD_PERSON)


def same_word(word: str, twin: str) -> bool:
    """Whether the two are forms of one lemma ("zwykłą", "zwykła"): inflection, no slip."""
    return bool({lemma for lemma, _ in morfeusz.readings(word)}
                & {lemma for lemma, _ in morfeusz.readings(twin)})


def is_nominative(surface: str) -> bool:
    return any(case == "nom" for _n, case, _g in triples(surface, NOUN)) or any(
        tag.startswith("ppron") and ":nom" in tag for _l, tag in morfeusz.readings(surface))
