"""Finding registry subjects in sentences: by lemmas ("sofy Lido" is "Sofa Lido"), a word at
any lemma the dictionary reads it as ("Karty podarunkowe", tagged as the card game "karty",
are "karta podarunkowa"), a one-word name no dictionary knows in its inflected forms ("w
Zoolandii" is "Zoolandia"), and fuzzily ("Velora Citty E5"), longest name first."""

from __future__ import annotations

from bisect import bisect_left
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from rapidfuzz import fuzz

from consistency_lint.facts.registry import Subject
from consistency_lint.nlp import morfeusz
from consistency_lint.nlp.analysis import Token
from consistency_lint.nlp.names import is_form_of
from consistency_lint.nlp.pipeline import pipeline

FUZZY_THRESHOLD = 90


@dataclass(frozen=True, slots=True)
class SubjectMention:
    subject: str
    token_index: int
    length: int


@dataclass(frozen=True)
class _Name:
    subject: str
    lemmas: tuple[str, ...]
    surface: str
    coined: str = ""  # the name as written, when it is one word no dictionary knows


class SubjectMatcher:
    """Matches the names and aliases of registry subjects in tokenised text."""

    def __init__(self, subjects: Iterable[Subject], language: str) -> None:
        nlp = pipeline(language)
        self._by_first_lemma: dict[str, list[_Name]] = defaultdict(list)
        self._by_prefix: dict[str, list[_Name]] = defaultdict(list)
        for subject in subjects:
            for name in subject.names:
                tokens = [t for t in nlp(name) if not t.is_punct]
                if not tokens:
                    continue
                entry = _Name(subject.id, tuple(t.lemma_.lower() for t in tokens),
                              " ".join(t.lower_ for t in tokens),
                              tokens[0].text if len(tokens) == 1
                              and not morfeusz.knows(tokens[0].text) else "")
                self._by_first_lemma[entry.lemmas[0]].append(entry)
                self._by_prefix[entry.surface[:3]].append(entry)
        for entries in (*self._by_first_lemma.values(), *self._by_prefix.values()):
            entries.sort(key=lambda entry: -len(entry.lemmas))

    def find(self, tokens: Sequence[Token]) -> list[SubjectMention]:
        """Non-overlapping mentions, longest names first."""
        mentions: list[SubjectMention] = []
        taken: set[int] = set()
        for index in range(len(tokens)):
            if index in taken:
                continue
            mention = self._match_at(tokens, index)
            if mention is not None:
                mentions.append(mention)
                taken.update(range(index, index + mention.length))
        return mentions

    def _match_at(self, tokens: Sequence[Token], index: int) -> SubjectMention | None:
        named = [entry for lemma in _readings(tokens[index])
                 for entry in self._by_first_lemma.get(lemma, ())
                 if _names(entry, tokens[index:index + len(entry.lemmas)])]
        if named:
            entry = max(named, key=lambda entry: len(entry.lemmas))
            return SubjectMention(entry.subject, index, len(entry.lemmas))
        for entry in self._by_prefix.get(tokens[index].text[:3].lower(), ()):
            window = tokens[index:index + len(entry.lemmas)]
            if entry.coined and _inflects(tokens[index].text, entry.coined):
                return SubjectMention(entry.subject, index, 1)
            if len(entry.lemmas) < 2 or len(window) < len(entry.lemmas):
                continue
            surface = " ".join(t.text.lower() for t in window)
            if fuzz.ratio(surface, entry.surface) >= FUZZY_THRESHOLD:
                return SubjectMention(entry.subject, index, len(entry.lemmas))
        return None


def _names(entry: _Name, window: Sequence[Token]) -> bool:
    """Whether the tokens are the name: word by word at one of their lemmas, or as
    written."""
    return len(window) == len(entry.lemmas) and (
        all(name in _readings(token) for name, token in zip(entry.lemmas, window, strict=True))
        or tuple(token.text.lower() for token in window) == tuple(entry.surface.split()))


def _inflects(text: str, name: str) -> bool:
    """Whether a word no dictionary knows is an inflected form of a coined name ("Zoolandii",
    "Zoolandią" of "Zoolandia"; not "Zoolander")."""
    return text != name and is_form_of(text, name) and not morfeusz.knows(text)


def _readings(token: Token) -> frozenset[str]:
    """The lemmas a token stands at: the tagger's, and the dictionary's other readings of
    it, not the verb a verbal noun comes from."""
    return morfeusz.every_lemma(token.text.lower(), token.lemma.lower(), verbal=False)


def named_subject(mentions: Sequence[SubjectMention], position: int,
                  first_value: int | None = None) -> str | None:
    """The subject a value at token `position` belongs to, of those its sentence names.

    One subject named: that one. A sentence that names several lists them each with its
    values, in one order throughout: "Plan A – 10 zł, Plan B – 20 zł" names each before its
    values, "10 zł za Plan A albo 20 zł za Plan B" after them. Which order is read from
    whether the first subject or the first value (`first_value`) comes first; a value then
    belongs to the subject named nearest on that side (else the nearest on the other).
    Without `first_value`, the nearest subject; of two as near, the earlier."""
    if not mentions:
        return None
    at = bisect_left([mention.token_index for mention in mentions], position)
    before, after = mentions[at - 1] if at else None, mentions[at] if at < len(mentions) else None
    if first_value is not None and len({mention.subject for mention in mentions}) > 1:
        preferred = before if mentions[0].token_index < first_value else after
        chosen = preferred or before or after
    elif before is None or after is None:
        chosen = before or after
    else:
        chosen = (before if position - before.token_index <= after.token_index - position
                  else after)
    return chosen.subject if chosen is not None else None
