"""Rules as the engine runs them: a pack rule with its phrases, compiled on first use.

Compiling a phrase lemmatizes it with the language pipeline; a run whose documents all come
from the cache never needs the phrases, so it never pays for them.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache, cached_property

from consistency_lint.model import Document, Finding, Span
from consistency_lint.nlp.clause_reading import Role
from consistency_lint.nlp.lexicon import language_profile
from consistency_lint.nlp.phrases import Phrase, compile_phrases, lemmatise_words
from consistency_lint.rules.pack_schema import ClauseModel, FrameModel, RuleModel
from consistency_lint.specs import CheckSpec

Concept = tuple[Phrase, ...]
ConceptTexts = tuple[str, ...]  # the phrasings of one concept, as the pack writes them


@dataclass(frozen=True)
class CompiledClause:
    all: tuple[Concept, ...]
    any: tuple[Concept, ...]
    model: ClauseModel


@dataclass(frozen=True)
class SlotTexts:
    """A frame's slot as the pack writes it: a concept's phrasings, or a role's nouns and
    the person its verbs speak in."""

    texts: ConceptTexts
    person: str | None = None


@dataclass(frozen=True)
class FrameTexts:
    all: tuple[SlotTexts, ...]
    any: tuple[SlotTexts, ...]
    none: tuple[SlotTexts, ...]
    model: FrameModel


@dataclass(frozen=True)
class Slot:
    """A compiled slot: it holds in a clause where one of its phrases stands, or (for a
    role) where a verb speaks in the role's person."""

    concept: Concept
    person: str | None = None


@dataclass(frozen=True)
class CompiledFrame:
    all: tuple[Slot, ...]
    any: tuple[Slot, ...]
    none: tuple[Slot, ...]
    model: FrameModel


@dataclass(frozen=True)
class CompiledRule:
    model: RuleModel
    spec: CheckSpec
    language: str
    all_texts: tuple[ConceptTexts, ...]
    any_texts: tuple[ConceptTexts, ...]
    unless_texts: tuple[ConceptTexts, ...]
    exempt_texts: ConceptTexts = ()  # headings whose sections the rule's prohibition skips
    frame_texts: tuple[FrameTexts, ...] = ()  # a frame rule's frames, a require's `said_as`
    roles: tuple[Role, ...] = ()  # the pack's roles, by which a frame finds a clause's actor

    @cached_property
    def clause(self) -> CompiledClause:
        return CompiledClause(self._concepts(self.all_texts), self._concepts(self.any_texts),
                              self.model.clause)

    @cached_property
    def frames(self) -> tuple[CompiledFrame, ...]:
        return tuple(CompiledFrame(self._slots(frame.all), self._slots(frame.any),
                                   self._slots(frame.none), frame.model)
                     for frame in self.frame_texts)

    def _slots(self, slots: tuple[SlotTexts, ...]) -> tuple[Slot, ...]:
        return tuple(Slot(concept(slot.texts, self.language), slot.person) for slot in slots)

    @cached_property
    def unless(self) -> tuple[Concept, ...]:
        return self._concepts(self.unless_texts)

    @cached_property
    def exempt_under(self) -> Concept:
        return concept(self.exempt_texts, self.language)

    def _concepts(self, texts: tuple[ConceptTexts, ...]) -> tuple[Concept, ...]:
        return tuple(concept(phrasings, self.language) for phrasings in texts)

    def message(self, language: str, matched: str = "") -> str:
        """The rule's message, the words that matched, and for a legal finding compliant
        wording to use instead: the rule's first passing example."""
        message = self.model.message
        parts = [message if isinstance(message, str) else message.in_language(language)]
        if matched:
            parts.append(matched)
        wording = self.compliant_wording()
        if wording is not None:
            parts.append(f"{language_profile(language).compliant_wording_lead} „{wording}”")
        return " ".join(parts)

    def compliant_wording(self) -> str | None:
        """For a legal rule, wording that complies: its first passing example."""
        examples = self.model.examples
        if self.model.category.value.startswith("legal") and examples is not None:
            return examples.pass_[0].text
        return None

    def missing_from(self, document: Document) -> Finding:
        """The finding that `document` lacks what the rule requires: at its first line."""
        return self.spec.finding(document, Span.point(document.first_line),
                                 self.message(document.language))


def compile_now(rules: Iterable[CompiledRule]) -> None:
    """Compile the phrases of `rules` now (before worker processes fork and share them),
    their words lemmatised in one batch per language; cheap once they are compiled."""
    concepts = [(phrasings, rule.language) for rule in rules
                for phrasings in (*rule.all_texts, *rule.any_texts, *rule.unless_texts,
                                  rule.exempt_texts,
                                  *(slot.texts for frame in rule.frame_texts
                                    for slot in (*frame.all, *frame.any, *frame.none)))]
    texts_by_language: dict[str, list[str]] = {}
    for phrasings, language in concepts:
        texts_by_language.setdefault(language, []).extend(phrasings)
    for language, texts in texts_by_language.items():
        lemmatise_words(texts, language)
    for phrasings, language in concepts:
        concept(phrasings, language)


@cache
def concept(phrasings: ConceptTexts, language: str) -> Concept:
    """The compiled phrases of one concept, once per process."""
    return compile_phrases(phrasings, language)
