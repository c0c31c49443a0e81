"""Roles and labelled variants: which registry values a statement is compared with.

The registry may give a fact a `role:` (what the value is for) and a `label:` (which variant:
a carrier, a country, a plan). A statement is compared with the registry values of its own
kind; one whose role or label the registry does not list is compared with the plain value,
so that a role or a label never hides a mismatch; one that names no variant agrees with the
plain value or with any variant. Where the registry itself speaks of no
roles (or no variants) of a fact, a statement's role (or a variant's label in a list of
variants) is the text's own distinction, which the registry cannot settle: it is left to
the comparison across documents, as before.
"""

from __future__ import annotations

from collections.abc import Container, Iterable, Sequence
from dataclasses import dataclass
from functools import cache

from consistency_lint.facts.attributes import Attribute
from consistency_lint.model import Fact, RegistryFact, ValueType
from consistency_lint.model.word_forms import forms_of_one_word
from consistency_lint.nlp import morfeusz
from consistency_lint.nlp.analysis import Token
from consistency_lint.nlp.lexicon import lexicon
from consistency_lint.nlp.pipeline import pipeline

MAX_LABEL_WORDS = 4
# A word that is also a preposition, conjunction, particle or verb as itself ("do", "bez",
# "być") is never part of a label, though the dictionary knows a noun of that spelling too.
NOT_LABEL_PARTS_OF_SPEECH = frozenset({
    "prep", "conj", "comp", "qub", "part", "interj", "inf", "fin", "praet", "impt", "bedzie",
    "pred", "adv", "ppron12", "ppron3", "siebie"})


@dataclass(frozen=True)
class LabelWords:
    """What may label a variant of one attribute's value: a word that tells variants apart
    (`distinguishing`, `qualifies_cue`) or a word of one of the registry's labels; never a
    cue or role word of the attribute, a determiner or a form of address, nor a subject's
    name (`named` positions) but for a word of the registry's labels ("w planie rocznym",
    the subject's alias "plan roczny", is the yearly variant)."""

    unlabelled: frozenset[str]
    cue_words: frozenset[str]
    registry_words: frozenset[str]

    @classmethod
    def of(cls, attribute: Attribute, language: str,
           registry_words: frozenset[str]) -> LabelWords:
        return cls(_not_label_words(attribute, language), _cue_words(attribute, language),
                   registry_words)

    def passes(self, tokens: Sequence[Token], position: int, named: Container[int]) -> bool:
        token = tokens[position]
        lemma = token.lemma.lower()
        if lemma in self.registry_words:
            return _names_a_thing(lemma) and self._may_label(token, lemma)
        return (position not in named and _names_a_thing(lemma)
                and self._may_label(token, lemma)
                and (distinguishing(tokens, position)
                     or qualifies_cue(tokens, position, self.cue_words)))

    def _may_label(self, token: Token, lemma: str) -> bool:
        return self.unlabelled.isdisjoint(
            morfeusz.every_lemma(token.text.lower(), lemma, verbal=False))


@cache
def _cue_words(attribute: Attribute, language: str) -> frozenset[str]:
    return frozenset(word.lower() for cue in attribute.cue_lemmas(language) for word in cue)


@cache
def _not_label_words(attribute: Attribute, language: str) -> frozenset[str]:
    """The attribute's cue and role words, the determiners and the units of values (the
    "zł" of "(49 zł, 3–5 dni roboczych)" names no variant): they never make a label."""
    words = set(_cue_words(attribute, language))
    words |= {word for _, cues in attribute.role_lemmas(language) for cue in cues
              for word in cue}
    units = lexicon(language).currencies.keys() | lexicon(language).duration_units.keys()
    words |= {word.lower() for word in units}
    words |= {token.lemma_.lower() for token in pipeline(language)(" ".join(sorted(units)))}
    return frozenset(words | lexicon(language).determiners)


def _names_a_thing(lemma: str) -> bool:
    """A noun, adjective or a word the dictionary does not know (a brand: "InPost")."""
    if not lemma.isalpha() or len(lemma) < 2:
        return False
    return not any(part in NOT_LABEL_PARTS_OF_SPEECH for candidate, part
                   in morfeusz.analyses(lemma) if candidate.lower() == lemma)


@cache
def label_lemmas(label: str, language: str) -> str:
    """A registry label as statements' labels are written: lower-cased lemmas, sorted."""
    if not label.strip():
        return ""
    words = {token.lemma_.lower() for token in pipeline(language)(label)
             if token.text.isalnum()}
    return " ".join(sorted(words))


def labels_match(stated: str, declared: str) -> bool:
    """Whether a statement's label names the registry's variant: the words of one are all
    among the words of the other ("inpost paczkomat" and "paczkomat"), in any of their
    forms (the tagger reads "w Czechach" as "czech", the registry's "Czechy" as "czechy")."""
    if not stated or not declared:
        return False
    mine, theirs = stated.split(), declared.split()
    return _words_among(mine, theirs) or _words_among(theirs, mine)


def _words_among(part: Sequence[str], whole: Sequence[str]) -> bool:
    return all(any(_one_word(word, other) for other in whole) for word in part)


def _one_word(first: str, second: str) -> bool:
    """Forms of one word: by their endings, or by a lemma the dictionary gives both, which
    a name's irregular forms need ("do Niemiec" is tagged "niemiec", the registry's
    "Niemcy" "niemcy"; a label is lower-cased, and names are read capitalised too)."""
    return forms_of_one_word(first, second) or not _dictionary_lemmas(first).isdisjoint(
        _dictionary_lemmas(second))


@cache
def _dictionary_lemmas(word: str) -> frozenset[str]:
    return morfeusz.lemmas(word) | morfeusz.lemmas(word.capitalize())


def shared_labels(facts: Iterable[Fact]) -> dict[tuple[str, str, str, str], str]:
    """For each (subject, attribute, role, label) stated, the label its variant is compared
    under across documents: one page writes "Paczkomat InPost", another "InPost", and both
    name one variant. A label whose words include those of exactly one shorter label stated
    for the fact takes it; one that includes several ("inpost dpd") or none keeps its own."""
    labels: dict[tuple[str, str, str], set[str]] = {}
    for fact in facts:
        if fact.label:
            labels.setdefault((fact.subject, fact.attribute, fact.role), set()).add(fact.label)
    shared: dict[tuple[str, str, str, str], str] = {}
    for (subject, attribute, role), stated in labels.items():
        for label in stated:
            words = set(label.split())
            shorter = [other for other in stated
                       if other != label and set(other.split()) < words]
            minimal = [other for other in shorter
                       if not any(set(third.split()) < set(other.split()) for third in shorter)]
            shared[(subject, attribute, role, label)] = (
                minimal[0] if len(minimal) == 1 else label)
    return shared


def counterparts(versions: Sequence[RegistryFact], fact: Fact,
                 variant: bool) -> list[RegistryFact]:
    """The registry values (all dates) that `fact` is compared with; [] for none. `variant`:
    the fact is one of several values its document gives of the fact (a list of variants)."""
    of_role = _of_role(versions, fact.role)
    if not of_role:
        return []
    plain = [version for version in of_role if not version.label]
    if fact.label:
        named = [version for version in of_role if labels_match(fact.label, version.label)]
        if named:
            return named
        # a variant the registry does not list: its plain value, if any (a label never
        # hides a mismatch); never another variant's
        return plain
    if variant and not plain:
        return []  # an unlabelled list where the registry knows only variants: not settled
    # a statement that names no variant may state any of them ("dostawa z wniesieniem
    # kosztuje 149 zł", the carrier named a sentence before): the plain value first; not a
    # part of the plain value, though (a week's Saturday, labelled "sobota", says nothing
    # of a statement's weekdays)
    return plain + [version for version in of_role if version.label
                    and not any(_part_of(version, whole) for whole in plain)]


def _part_of(version: RegistryFact, whole: RegistryFact) -> bool:
    """Whether a labelled opening-hours value gives some days of the plain week as it does."""
    return (version.value.type is ValueType.HOURS and version.value != whole.value
            and version.value.agrees_with(whole.value))


def _of_role(versions: Sequence[RegistryFact], role: str) -> list[RegistryFact]:
    """The values of `role`; for a role the registry does not list, the values without a
    role when the registry lists roles of the fact, else none. A statement that names no
    role where the registry gives the fact only for roles ("terminem płatności 21 dni", the
    registry's term for wholesale) states one of theirs."""
    own = [version for version in versions if version.role == role]
    if own:
        return own
    if not role:
        return list(versions)
    if any(version.role for version in versions):
        return [version for version in versions if not version.role]
    return []


# After these a capital letter starts a sentence, a list item or a quotation: it names
# nothing by itself.
_OPENERS = frozenset({".", "!", "?", ":", ";", "„", "\"", "“", "(", "–", "-", "—", "•", "*",
                      "|", "»", "«"})


def distinguishing(tokens: Sequence[Token], position: int) -> bool:
    """Whether the word at `position` can tell variants apart: a name (a carrier, a country,
    a brand, a plan: "InPost", "Niemcy", "Plan Max"): a capitalised word the dictionary does
    not know ("DPD") or whose lemma here is a name; where no sentence starts, a capitalised
    word the dictionary knows as a name ("do Niemiec"), or common words written with
    capitals two or more together (a name of several words). Common nouns ("dzień",
    "umowa", "paczka") never are; forms of address ("Pan") are determiners."""
    token = tokens[position]
    if not _capitalised(token.text):
        return False
    known = morfeusz.analyses(token.text)
    if token.lemma[:1].isupper() or not known:
        return True
    if not _capital_inside(tokens, position):
        return False  # a sentence's first word: a name only if read as one here
    return any(lemma[:1].isupper() for lemma, _ in known) or (
        _capital_inside(tokens, position - 1) or _capital_inside(tokens, position + 1))


def qualifies_cue(tokens: Sequence[Token], position: int, cue_words: frozenset[str]) -> bool:
    """Whether the word at `position` is an adjective (or a word the dictionary does not
    know) standing beside a cue word: it tells variants of the thing the cue names apart
    ("kurier pobraniowy", "dostawa ekspresowa")."""
    known = morfeusz.analyses(tokens[position].text.lower())
    if known and not any(part == "adj" for _, part in known):
        return False
    return any(tokens[near].lemma.lower() in cue_words for near in (position - 1, position + 1)
               if 0 <= near < len(tokens))


def _capital_inside(tokens: Sequence[Token], position: int) -> bool:
    """A capitalised word where no sentence, item or quotation starts."""
    return (0 < position < len(tokens) and _capitalised(tokens[position].text)
            and tokens[position - 1].text not in _OPENERS)


def _capitalised(text: str) -> bool:
    return any(character.isupper() for character in text)
