"""Roles and labelled variants: which registry values a statement is compared with.

The registry may give a fact a `role:` (what the value is for) and a `label:` (which variant:
a carrier, a country, a plan). A statement is compared with the registry values of its own
kind; one whose role or label the registry does not list is compared with the plain value,
so that a role or a label never hides a mismatch. Where the registry itself speaks of no
roles (or no variants) of a fact, a statement's role (or a variant's label in a list of
variants) is the text's own distinction, which the registry cannot settle: it is left to
the comparison across documents, as before.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import cache

from consistency_lint.model import Fact, RegistryFact
from consistency_lint.nlp import morfeusz
from consistency_lint.nlp.analysis import Token
from consistency_lint.nlp.pipeline import pipeline


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
    among the words of the other ("inpost paczkomat" and "paczkomat")."""
    if not stated or not declared:
        return False
    mine, theirs = set(stated.split()), set(declared.split())
    return mine <= theirs or theirs <= mine


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
        if variant and len(plain) == len(of_role):
            return []  # a list of variants the registry does not know: not settled here
    elif variant:
        return plain  # the unlabelled values of a list are the fact itself
    return plain or of_role


def _of_role(versions: Sequence[RegistryFact], role: str) -> list[RegistryFact]:
    """The values of `role`; for a role the registry does not list, the values without a
    role when the registry lists roles of the fact, else none."""
    own = [version for version in versions if version.role == role]
    if own or not role:
        return own
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
    not know ("DPD") or whose lemma here is a name, or common words written with capitals
    where no sentence starts, two or more together (a name of several words, not a polite
    "Pan"). Common nouns ("dzień", "umowa", "paczka") never are."""
    token = tokens[position]
    if not _capitalised(token.text):
        return False
    if token.lemma[:1].isupper() or not morfeusz.analyses(token.text):
        return True
    return _capital_inside(tokens, position) and (
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
