"""Words written apart that the language writes as one, and how to tell: a negation and
the adjective, adverb or gerund it joins ("nie zależnie", "nie dotrzymanie"), a preposition
and the word it begins ("po za", "z pod", "do tąd"), a conjunction and the particle it
takes ("gdy by"). Every word is in the dictionary, so a spell checker passes them; the
parts of speech of the two, and of the word they make together, do not fit. The settings
(which parts, how often the joined word must be written) are the language's, in
`rules/confusions/<language>.yaml`.
"""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict

from consistency_lint.nlp import morfeusz
from consistency_lint.nlp.government import governable, governed_cases, only_preposition
from consistency_lint.nlp.twins import NOUN, parts
from consistency_lint.nlp.vocabulary import zipf_frequency


class NegationJoins(BaseModel):
    """A negation written together with words of `parts` in the `degree` ("niezależnie")."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    particle: str
    parts: tuple[str, ...]
    degree: str
    min_zipf: float
    unless_in_sentence: tuple[str, ...] = ()
    # parts the particle always joins, whatever their frequency, where the dictionary knows
    # the joined form ("niedotrzymanie"); a noun of the same form may stand beside them
    always: tuple[str, ...] = ()
    # parts the particle joins inside a noun phrase ("w przypadku niezgodności")
    in_phrase: tuple[str, ...] = ()
    # words before the particle that set what follows against something ("a nie porozumienie")
    unless_previous: tuple[str, ...] = ()


class Respelling(BaseModel):
    """A preposition or prefix written otherwise before words opening with one of `before`:
    "z" as "s" before a voiceless consonant ("spod", "stąd"), "w" as "we" ("we Wrocławiu")."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    plain: str
    written: str
    before: str


class SplitPrepositions(BaseModel):
    """A preposition written apart from the word it begins ("po za", "z pod", "do tąd")."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    joined_parts: frozenset[str]  # what the joined word is: a preposition, adverb, particle
    first_not: frozenset[str]  # what the first word may also be that makes it no preposition
    min_zipf: float
    # a word the preposition may govern counts as written apart when the joined word is
    # written this much more often (Zipf: 1.0 is ten times)
    governed_margin: float
    min_letters: int = 2
    assimilation: tuple[Respelling, ...] = ()


class SplitParticles(BaseModel):
    """A particle written apart from the conjunction it joins ("gdy by", "że by")."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    particles: frozenset[str]
    conjunctions: frozenset[str]  # the parts of speech the first word, and the whole, are
    min_zipf: float


def negation_joined(particle: str, word: str, sentence: frozenset[str],
                    joins: NegationJoins, language: str, before: str = "") -> str | None:
    """ "nie zależnie" -> "niezależnie": the particle before a word that is only an adjective
    or adverb in the positive degree, whose joined form the language writes; or a gerund.
    `sentence` holds the sentence's words, lower-cased, for the contrast that keeps them
    apart ("nie długo, lecz intensywnie"); `before` is the word before the particle."""
    if particle.lower() != joins.particle or not word.islower():
        return None  # "nie Lida": a name is never joined
    if before.lower() in joins.unless_previous or (before and only_preposition(before)):
        return None  # "a nie porozumienie"; "za nie odpowiedzialności": "nie" is "them"
    readings = morfeusz.readings(word)
    if not readings or set(joins.unless_in_sentence) & sentence:
        return None
    joined = particle + word
    if _always_joined(word, joined, joins) or _joined_in_phrase(before, word, joined, joins):
        return joined
    if not all(tag.split(":", 1)[0] in joins.parts and tag.rsplit(":", 1)[-1] == joins.degree
               for _lemma, tag in readings):
        return None
    return joined if zipf_frequency(joined.lower(), language) >= joins.min_zipf else None


def _always_joined(word: str, joined: str, joins: NegationJoins) -> bool:
    """ "nie dotrzymanie" -> "niedotrzymanie": a word of a part the particle always joins
    (a gerund; or a noun of its form), whose joined form the dictionary knows as one."""
    own = parts(word)
    always = own & set(joins.always)
    return bool(always) and own <= always | {NOUN} and bool(parts(joined.lower()) & always)


def _joined_in_phrase(before: str, word: str, joined: str, joins: NegationJoins) -> bool:
    """ "w przypadku nie zgodności", "z powodu nie obecności": a noun inside a noun phrase
    (after a noun in an oblique case), where the particle negates no verb and no predicate
    ("To nie wada"), and the dictionary knows the joined noun."""
    own = parts(word)
    if not own or not own <= set(joins.in_phrase) or not parts(joined.lower()) & own:
        return False
    readings = morfeusz.readings(before)
    return bool(readings) and all(
        tag.startswith(NOUN) and ":nom" not in tag.replace(".", ":") for _l, tag in readings)


def preposition_joined(preposition: str, word: str, split: SplitPrepositions,
                       language: str) -> str | None:
    """ "po za" -> "poza", "z pod" -> "spod", "do tąd" -> "dotąd": a preposition before a
    word it cannot govern (another preposition, an adverb, no word at all), where the two
    written together are a function word the language writes often; or a word it may
    govern, where the joined word is written far more often than the word alone ("na dal"
    for "nadal", "w cale"). "Za nim", "na razie" and "po polsku" are governed and no rarer
    than their joined word; "na pewno" and "po prostu" join into no word."""
    if not word.isalpha() or len(word) < split.min_letters or not preposition.isalpha():
        return None
    cases = governed_cases(preposition)
    if not cases or parts(preposition.lower()) & split.first_not:
        return None  # "Jak by wyglądała": "jak" is also an adverb, asking how
    governed = governable(word, cases, split.joined_parts)
    spellings = [preposition] + [item.written for item in split.assimilation
                                 if preposition.lower() == item.plain
                                 and word[0].lower() in item.before]
    for prefix in spellings:
        joined = (prefix + word).lower()
        written = zipf_frequency(joined, language)
        if (parts(joined) & split.joined_parts and written >= split.min_zipf and (
                not governed or written >= zipf_frequency(word.lower(), language)
                + split.governed_margin)):
            return joined
    return None


def particle_joined(conjunction: str, particle: str, split: SplitParticles,
                    language: str) -> str | None:
    """ "gdy by" -> "gdyby", "że by" -> "żeby": a conjunction and a particle written apart
    that the language writes as one conjunction; not "jak by", whose "jak" may ask how."""
    particle = particle.lower()
    if particle not in split.particles or not conjunction.isalpha():
        return None
    own = parts(conjunction.lower())
    if not own or not own <= split.conjunctions:
        return None
    joined = (conjunction + particle).lower()
    if parts(joined) & split.conjunctions and zipf_frequency(joined, language) >= split.min_zipf:
        return joined
    return None
