"""Rules as the engine runs them: a pack rule with its phrases compiled."""

from __future__ import annotations

from dataclasses import dataclass

from consistency_lint.nlp.phrases import Phrase
from consistency_lint.rules.model import ClauseModel, RuleModel
from consistency_lint.specs import CheckSpec

Concept = tuple[Phrase, ...]


@dataclass(frozen=True)
class CompiledClause:
    all: tuple[Concept, ...]
    any: tuple[Concept, ...]
    model: ClauseModel


@dataclass(frozen=True)
class CompiledRule:
    model: RuleModel
    spec: CheckSpec
    clause: CompiledClause
    unless: tuple[Concept, ...]
    language: str
    exempt_under: Concept = ()  # headings whose sections the rule's prohibition skips

    @property
    def forbids(self) -> bool:
        return self.model.forbid is not None
