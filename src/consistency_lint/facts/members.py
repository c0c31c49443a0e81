"""Vocabularies of the set-valued attributes (carriers, payment methods and processors,
delivery countries, pickup options) and the members they find in a run of tokens.

The vocabularies live in `rules/facts/members.yaml`: each member is a canonical name with
its forms. A form's words are matched on lemmas, and a token stands for a word when the
word is its text, its lemma or any lemma Morfeusz knows for it: "Polski" (genitive of
"Polska") is the country, "polskiego" (only the adjective) is not; "kartą płatniczą" is
"karta płatnicza". A brand the dictionary does not know also matches with a case ending
("InPostem"). Where forms overlap, the longest wins ("szybki przelew" over "przelew").
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from functools import cache, cached_property, lru_cache
from typing import Any

from consistency_lint.builtin_data import load_builtin_yaml
from consistency_lint.model import Value, ValueType
from consistency_lint.nlp import morfeusz
from consistency_lint.nlp.analysis import Token
from consistency_lint.nlp.pipeline import pipeline

MEMBERS_FILE = "facts/members.yaml"
NOT_A_MEMBER = ""  # the name of the forms that look like members and are none
SEPARATOR = ", "  # between the members of a set value's text (no member holds one)
# What separates the items of a registry value: "karta płatnicza, BLIK i szybki przelew".
_ITEM_SEPARATORS = re.compile(r"\s*(?:[,;/+]|(?:^|(?<=\s))(?:i|oraz|lub|albo|and|or)(?=\s|$))\s*",
                              re.IGNORECASE)


@dataclass(frozen=True)
class Member:
    """A canonical member and its forms, each a tuple of words, each word the set of
    lower-cased spellings a token may stand for it by."""

    name: str
    forms: tuple[tuple[frozenset[str], ...], ...]
    named: bool  # a name counts wherever it stands; a term only beside a cue


_Form = tuple[frozenset[str], ...]


@dataclass(frozen=True)
class Vocabulary:
    attribute: str
    members: tuple[Member, ...]
    complete_cues: tuple[tuple[str, ...], ...]  # lemmatized, lower-cased
    ignored_cues: tuple[tuple[str, ...], ...]
    # a kind of member by the members that are ways of it ("płatność odroczona": PayPo, …)
    kinds: Mapping[str, frozenset[str]] = field(default_factory=dict)

    def same_offer(self, name: str) -> frozenset[str]:
        """The members that offer what `name` offers: itself, the ways of it if it is a
        kind, and its kind if it is a way of one. A registry listing PayPo offers deferred
        payment; a page naming deferred payment names what PayPo is."""
        found = {name, *self.kinds.get(name, ())}
        found.update(kind for kind, ways in self.kinds.items() if name in ways)
        return frozenset(found)

    @cached_property
    def by_first_word(self) -> dict[str, tuple[tuple[_Form, Member], ...]]:
        """The forms by each spelling of their first word, longest first: a token costs a
        few look-ups, not a pass over the vocabulary."""
        found: dict[str, list[tuple[_Form, Member]]] = {}
        for member in self.members:
            for form in member.forms:
                for spelling in form[0]:
                    found.setdefault(spelling, []).append((form, member))
        return {spelling: tuple(sorted(forms, key=lambda pair: -len(pair[0])))
                for spelling, forms in found.items()}


@dataclass(frozen=True)
class MemberMention:
    """A member named by tokens[first:last]."""

    first: int
    last: int
    member: Member


@cache
def vocabularies(language: str) -> dict[str, Vocabulary]:
    """The built-in vocabularies by attribute, with their forms lemmatized for `language`."""
    data: Any = load_builtin_yaml(MEMBERS_FILE)
    return {str(attribute): _vocabulary(str(attribute), entry, language)
            for attribute, entry in data["attributes"].items()}


def _vocabulary(attribute: str, entry: Any, language: str) -> Vocabulary:
    members = [Member(str(name), _forms((str(name), *map(str, forms)), language), named)
               for key, named in (("names", True), ("terms", False))
               for name, forms in (entry.get(key) or {}).items()]
    others = tuple(map(str, entry.get("others") or ()))
    if others:  # no member: a longer form that stops a member's shorter one
        members.append(Member(NOT_A_MEMBER, _forms(others, language), True))
    return Vocabulary(attribute, tuple(members),
                      lemmatized(tuple(map(str, entry.get("complete_cues") or ())), language),
                      lemmatized(tuple(map(str, entry.get("ignored_cues") or ())), language),
                      {str(kind): frozenset(map(str, ways))
                       for kind, ways in (entry.get("kinds") or {}).items()})


def _forms(texts: tuple[str, ...], language: str) -> tuple[tuple[frozenset[str], ...], ...]:
    nlp = pipeline(language)
    forms = []
    for text in dict.fromkeys(texts):
        words = tuple(frozenset({token.text.lower(), token.lemma_.lower()})
                      for token in nlp(text) if not token.is_punct)
        if words:
            forms.append(words)
    return tuple(sorted(forms, key=len, reverse=True))


@cache
def lemmatized(cues: tuple[str, ...], language: str) -> tuple[tuple[str, ...], ...]:
    """Cues as tuples of lower-cased lemmas."""
    nlp = pipeline(language)
    return tuple(found for found in (tuple(token.lemma_.lower() for token in nlp(cue)
                                           if not token.is_punct) for cue in cues) if found)


@cache
def partial_cues(language: str) -> tuple[tuple[str, ...], ...]:
    """Cues of a statement that lists only some of a set ("także", "między innymi")."""
    data: Any = load_builtin_yaml(MEMBERS_FILE)
    return lemmatized(tuple(str(cue) for cue in data["partial_cues"]), language)


@cache
def only_cues(language: str) -> frozenset[str]:
    """Words that make what follows the whole set ("wyłącznie", "tylko"), as lemmas."""
    data: Any = load_builtin_yaml(MEMBERS_FILE)
    return frozenset(word for cue in lemmatized(tuple(str(cue) for cue in data["only_cues"]),
                                                language) for word in cue)


@cache
def _name_endings() -> tuple[str, ...]:
    data: Any = load_builtin_yaml(MEMBERS_FILE)
    return tuple(sorted((str(ending) for ending in data["name_endings"]), key=len,
                        reverse=True))


@lru_cache(maxsize=200_000)  # bounded: a hostile page has any number of distinct words
def spellings(text: str, lemma: str) -> frozenset[str]:
    """What a token may stand for: its text, its lemma, the lemmas Morfeusz knows for it,
    and, for a word it does not know, the stem before a case ending ("inpostem", "blik-iem")."""
    lowered = text.lower()
    found = {lowered, lemma.lower()}
    analyses = morfeusz.analyses(text)
    found.update(candidate.lower() for candidate, _ in analyses)
    if not analyses:
        for ending in _name_endings():
            for suffix in (ending, f"-{ending}"):
                if lowered.endswith(suffix) and len(lowered) > len(suffix) + 1:
                    found.add(lowered[:-len(suffix)])
    return frozenset(found)


def find_members(tokens: Sequence[Token], vocabulary: Vocabulary) -> Iterator[MemberMention]:
    """The members named in `tokens`, left to right, the longest form at each place (one
    of the vocabulary's `others` is no member, and hides the shorter forms it holds)."""
    words = [spellings(token.text, token.lemma) for token in tokens]
    position = 0
    while position < len(tokens):
        best = _longest_at(words, position, vocabulary)
        if best is None:
            position += 1
            continue
        if best.member.name != NOT_A_MEMBER:
            yield best
        position = best.last


def _longest_at(words: list[frozenset[str]], position: int,
                vocabulary: Vocabulary) -> MemberMention | None:
    best: MemberMention | None = None
    index = vocabulary.by_first_word
    for spelling in sorted(words[position]):
        for form, member in index.get(spelling, ()):
            end = position + len(form)
            if end > len(words) or (best is not None and end <= best.last):
                continue
            if all(words[position + i] & word for i, word in enumerate(form)):
                best = MemberMention(position, end, member)
    return best


def set_value(attribute: str, text: str, language: str) -> Value | None:
    """A registry value of a set attribute ("karta płatnicza, BLIK i szybki przelew"): its
    items by canonical member; an item the vocabulary does not know is kept as written.
    None when it lists nothing."""
    vocabulary = vocabularies(language).get(attribute)
    nlp = pipeline(language)
    members: set[str] = set()
    for item in _ITEM_SEPARATORS.split(text):
        item = item.strip(" .")
        if not item or not any(character.isalnum() for character in item):
            continue
        found = set()
        if vocabulary is not None:
            tokens = [Token(t.idx, t.idx + len(t.text), t.text, t.lemma_) for t in nlp(item)]
            found = {mention.member.name for mention in find_members(tokens, vocabulary)}
        members |= found or {" ".join(item.split())}
    if not members:
        return None
    return Value(ValueType.SET, text=SEPARATOR.join(sorted(members, key=str.casefold)))


def members_of(value: Value) -> frozenset[str]:
    """The members a set value holds."""
    return frozenset(value.text.split(SEPARATOR)) if value.text else frozenset()
