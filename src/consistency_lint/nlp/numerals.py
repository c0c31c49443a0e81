"""Whether a numeral and the noun it counts agree, and the words that would.

A Polish numeral either agrees with its noun in case and gender ("cztery tygodnie", "obie
strony": `congr` in Morfeusz's tags) or governs it in the genitive plural ("pięć tygodni":
`rec`). Every word of "cztery tygodni" or "oba strony" is in the dictionary, so a spell
checker passes them; the tags of the two words, read together, do not fit.
"""

from __future__ import annotations

from functools import lru_cache

from consistency_lint.nlp import morfeusz
from consistency_lint.nlp.vocabulary import WORD_CACHE_SIZE

NUMERAL, NOUN, GERUND = "num", "subst", "ger"
AGREES, GOVERNS = "congr", "rec"
PLURAL, GENITIVE = "pl", "gen"


def _fields(tag: str) -> list[set[str]]:
    return [set(field.split(".")) for field in tag.split(":")]


def _fits(numeral_tag: str, noun_tag: str) -> bool:
    """Whether a numeral of `numeral_tag` may count a noun of `noun_tag`."""
    numeral, noun = _fields(numeral_tag), _fields(noun_tag)
    if len(numeral) < 5 or len(noun) < 4 or not numeral[3] & noun[3]:
        return False
    if AGREES in numeral[4]:
        return PLURAL in noun[1] and bool(numeral[2] & noun[2])
    # the genitive, plural but for "półtora roku", "pół godziny"
    return GOVERNS in numeral[4] and GENITIVE in noun[2]


def _only(word: str, part: str) -> bool:
    """Whether the word is only ever `part`, or a gerund beside it ("pięć" is also the
    genitive plural of the gerund of "piąć", which nobody writes before a noun)."""
    return morfeusz.parts_of_speech(word.lower()) <= {part, GERUND}


def _tags(word: str, part: str) -> list[str]:
    return [tag for _lemma, tag in morfeusz.readings(word.lower()) if tag.startswith(part + ":")]


def counts(numeral: str, noun: str) -> bool | None:
    """Whether the numeral may count the noun after it; None when the two are not a numeral
    and a noun only ("trzy z pięciu", "dwa lata" of "latać", a name)."""
    numerals, nouns = _tags(numeral, NUMERAL), _tags(noun, NOUN)
    if not numerals or not nouns or not _only(numeral, NUMERAL):
        return None
    if morfeusz.parts_of_speech(noun.lower()) != {NOUN}:
        return None
    return any(_fits(numeral_tag, noun_tag) for numeral_tag in numerals for noun_tag in nouns)


@lru_cache(maxsize=WORD_CACHE_SIZE)
def agreeing_phrase(numeral: str, noun: str) -> str | None:
    """The two words as they agree: the numeral in the form the noun wants ("oba strony" ->
    "obie strony", "cztery klienci" -> "czterej klienci"), else the noun in the form the
    numeral wants; None if they agree, or are not a numeral and its noun."""
    if counts(numeral, noun) is not False:
        return None
    numeral_tags, noun_tags = _tags(numeral, NUMERAL), _tags(noun, NOUN)
    for lemma in _lemmas(numeral, numeral_tags):
        for form, tag in _forms(lemma, NUMERAL):
            if any(_fits(tag, noun_tag) for noun_tag in noun_tags):
                return f"{_cased(form, numeral)} {noun}"
    for lemma in _lemmas(noun, noun_tags):
        # the plural first: "pięć tygodni", not the genitive singular "półtora" wants
        for form, tag in sorted(_forms(lemma, NOUN), key=lambda item: ":pl:" not in item[1]):
            if any(_fits(numeral_tag, tag) for numeral_tag in numeral_tags):
                return f"{numeral} {_cased(form, noun)}"
    return None


def _lemmas(word: str, tags: list[str]) -> list[str]:
    return list(dict.fromkeys(lemma for lemma, tag in morfeusz.readings(word.lower())
                              if tag in tags))


def _forms(lemma: str, part: str) -> list[tuple[str, str]]:
    return [(form, tag) for form, tag in morfeusz.generated(lemma) if tag.startswith(part + ":")]


def _cased(form: str, written: str) -> str:
    return form[:1].upper() + form[1:] if written[:1].isupper() else form
