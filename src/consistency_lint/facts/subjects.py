"""Finding registry subjects in sentences: by lemmas ("sofy Lido" is "Sofa Lido") and
fuzzily ("Velora Citty E5"), longest name first."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from rapidfuzz import fuzz

from consistency_lint.facts.registry import Subject
from consistency_lint.nlp.analysis import Token
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
                              " ".join(t.lower_ for t in tokens))
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
        lemma = tokens[index].lemma.lower()
        for entry in self._by_first_lemma.get(lemma, ()):
            window = tokens[index:index + len(entry.lemmas)]
            if tuple(t.lemma.lower() for t in window) == entry.lemmas or tuple(
                    t.text.lower() for t in window) == tuple(entry.surface.split()):
                return SubjectMention(entry.subject, index, len(entry.lemmas))
        for entry in self._by_prefix.get(tokens[index].text[:3].lower(), ()):
            window = tokens[index:index + len(entry.lemmas)]
            if len(entry.lemmas) < 2 or len(window) < len(entry.lemmas):
                continue
            surface = " ".join(t.text.lower() for t in window)
            if fuzz.ratio(surface, entry.surface) >= FUZZY_THRESHOLD:
                return SubjectMention(entry.subject, index, len(entry.lemmas))
        return None
