"""The event a period is counted from ("od zawarcia umowy", "od otrzymania oświadczenia"),
as a concept of `rules/facts/anchors.yaml`: part of what a period promises (`Value.anchor`).

Words are matched by every lemma the dictionary gives them, not only the one the tagger
chose: "od objęcia towaru w posiadanie" must find "objęcie" whatever the sentence around it.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Sequence
from dataclasses import replace
from functools import cache, lru_cache
from typing import Any

from consistency_lint.builtin_data import load_builtin_yaml
from consistency_lint.model import Fact, ValueType
from consistency_lint.nlp import morfeusz
from consistency_lint.nlp.analysis import Sentence, Token
from consistency_lint.nlp.lexicon import lexicon
from consistency_lint.nlp.pipeline import pipeline

MAX_EVENT_WORDS = 5  # "od dnia otrzymania Twojego oświadczenia"
Word = frozenset[str]  # the lower-cased form of a word and each of its lemmas


def words_of(tokens: Sequence[Token]) -> list[Word]:
    return [_word(token.text, token.lemma) for token in tokens]


@lru_cache(maxsize=100_000)  # bounded: a hostile text has as many words as it likes
def _word(text: str, lemma: str = "") -> Word:
    forms = {text.lower(), lemma.lower()} - {""}
    return frozenset(forms | {candidate.lower() for candidate, _ in morfeusz.analyses(text)})


@cache
def _phrases() -> tuple[tuple[str, tuple[Word, ...]], ...]:
    """(concept, the words of one of its phrases), for every phrase of the vocabulary."""
    data: Any = load_builtin_yaml("facts/anchors.yaml")["anchors"]
    return tuple((str(concept), tuple(_word(word) for word in str(phrase).split()))
                 for concept, phrases in data.items() for phrase in phrases)


@cache
def _counting() -> frozenset[str]:
    data: Any = load_builtin_yaml("facts/anchors.yaml")["counting"]
    return frozenset(form for word in data for form in _word(str(word)))


@cache
def _event_ends() -> frozenset[str]:
    data: Any = load_builtin_yaml("facts/anchors.yaml")["event_ends"]
    return frozenset(str(word) for word in data)


@cache
def _relative_openers() -> frozenset[str]:
    data: Any = load_builtin_yaml("facts/anchors.yaml")["relative_openers"]
    return frozenset(str(word) for word in data)


def opens_relative(tokens: Sequence[Token], at: int) -> bool:
    """Whether a relative clause that describes the event starts at `at`, after its comma:
    "od dnia, w którym Konsument wszedł w posiadanie towaru", "od chwili, kiedy…"."""
    for position in (at, at + 1):  # a preposition may come first ("w którym")
        if position < len(tokens) and tokens[position].lemma.lower() in _relative_openers():
            return True
    return False


def ends_event(token: Token) -> bool:
    """Whether the token ends the event a period is counted from: punctuation, or a word
    that returns to the period's own clause ("… od zawarcia umowy na odstąpienie")."""
    return (not any(character.isalnum() for character in token.text)
            or token.text.lower() in _event_ends())


def anchor_after(words: Sequence[Word], language: str) -> str:
    """The concept of the event that `words` (right after a period, to the end of its
    clause) count the period from; "" when they name none."""
    if not words or not words[0] & lexicon(language).period_start_prepositions:
        return ""
    window = words[1:1 + MAX_EVENT_WORDS]
    best: tuple[int, int, str] | None = None
    for concept, phrase in _phrases():
        at = _found_at(window, phrase)
        if at is not None and (best is None or (at, -len(phrase)) < best[:2]):
            best = (at, -len(phrase), concept)
    return best[2] if best else ""


@cache
def implied_anchors(attribute: str) -> frozenset[str]:
    """The starts a customer assumes for a period of `attribute` that names none."""
    data: Any = load_builtin_yaml("facts/anchors.yaml")["implied"]
    return frozenset(str(concept) for concept in data.get(attribute, ()))


@cache
def possible_anchors(attribute: str) -> frozenset[str] | None:
    """The only starts a period of `attribute` is counted from; None: any."""
    data: Any = load_builtin_yaml("facts/anchors.yaml")["counted_only_from"]
    found = data.get(attribute)
    return None if found is None else frozenset(str(concept) for concept in found)


def sentence_anchor(words: Sequence[Word], language: str) -> str:
    """The one start event a sentence names after a preposition ("…w ciągu doby od
    zaksięgowania płatności, czyli do 24 godzin"); "" for none, or for two different ones."""
    prepositions = lexicon(language).period_start_prepositions
    found = {anchor_after(words[at:], language) for at, word in enumerate(words)
             if word & prepositions} - {""}
    return found.pop() if len(found) == 1 else ""


def anchor_in_text(text: str, language: str) -> str:
    """The event a registry value counts its period from ("14 dni od zawarcia umowy")."""
    words = [_word(token.text, token.lemma_) for token in pipeline(language)(text)]
    prepositions = lexicon(language).period_start_prepositions
    start = next((i for i, word in enumerate(words) if word & prepositions), None)
    return "" if start is None else anchor_after(words[start:], language)


def counted_from(words: Sequence[Word], language: str) -> str:
    """The start a sentence gives a period stated before it: a verb of counting ("biec",
    "rozpoczynać się", "liczyć"; `counting` in anchors.yaml), then a start event; "" for a
    sentence that gives none."""
    counting = _counting()
    verb = next((i for i, word in enumerate(words) if word & counting), None)
    if verb is None:
        return ""
    prepositions = lexicon(language).period_start_prepositions
    for at in range(verb + 1, len(words)):
        if words[at] & prepositions:
            found = anchor_after(words[at:], language)
            if found:
                return found
    return ""


def with_stated_starts(stated: Sequence[tuple[int, Fact]], sentences: Sequence[Sentence],
                       language: str) -> list[Fact]:
    """The facts of one paragraph (each with the offset of its value, in order), a period that
    does not say from when given the start that a later sentence of the paragraph states
    without a period of its own: "Konsument może w terminie 14 dni odstąpić od umowy. Bieg
    terminu rozpoczyna się od objęcia towaru w posiadanie." counts the 14 days from the
    delivery. Bisections: a paragraph of many sentences and periods stays linear."""
    facts = [fact for _, fact in stated]
    periods = [(offset, i) for i, (offset, fact) in enumerate(stated)
               if fact.value.type is ValueType.DURATION]
    offsets = [offset for offset, _ in periods]
    for sentence in sentences:
        before = bisect_left(offsets, sentence.start)
        if before == 0 or (before < len(offsets) and offsets[before] < sentence.end):
            continue  # no period before it, or one of its own
        last = periods[before - 1][1]
        if facts[last].value.anchor:
            continue
        start = counted_from(words_of(sentence.tokens), language)
        if start:
            facts[last] = replace(facts[last], value=replace(facts[last].value, anchor=start))
    return facts


def _found_at(window: Sequence[Word], phrase: tuple[Word, ...]) -> int | None:
    """Where the phrase's first word stands in `window`, its other words after it in order;
    None when it is not there."""
    first = next((i for i, word in enumerate(window) if word & phrase[0]), None) if phrase else None
    at = first
    for word in phrase[1:]:
        if at is None:
            return None
        at = next((i for i in range(at + 1, len(window)) if window[i] & word), None)
    return first if at is not None else None
