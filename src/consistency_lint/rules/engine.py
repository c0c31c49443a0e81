"""Runs the compiled rules that apply to a document, each by the module of its kind
(`rules/kinds/`), over the document's units built once for them all."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import date

from consistency_lint.config import Config
from consistency_lint.model import Document, Finding
from consistency_lint.nlp.analysis import AnalysedSegment
from consistency_lint.rules.compiled import CompiledRule
from consistency_lint.rules.kinds import KINDS
from consistency_lint.rules.units import DocumentUnits


class RuleEngine:
    """The rules of the configured packs, run on one document at a time."""

    def __init__(self, rules: Sequence[CompiledRule], profiles: Mapping[str, str | None],
                 today: date | None = None) -> None:
        self.profiles = profiles  # channel name -> tone profile
        # a rule against an obsolete reference applies from the day it became obsolete
        self.rules = [rule for rule in rules if today is None
                      or rule.model.applies_from is None or rule.model.applies_from <= today]
        self._applicable: dict[tuple[str, str | None, str], tuple[CompiledRule, ...]] = {}

    @classmethod
    def for_config(cls, rules: Sequence[CompiledRule], config: Config,
                   today: date | None = None) -> RuleEngine:
        return cls(rules, {name: channel.settings.profile
                           for name, channel in config.channels.items()}, today)

    def check(self, document: Document, segments: Sequence[AnalysedSegment]) -> list[Finding]:
        if not segments:
            return []  # unreadable or empty: an `input` finding says so, clauses cannot
        units = DocumentUnits.of(document, segments)
        return [finding for rule in self.applicable(document)
                for finding in KINDS[rule.model.kind].findings(rule, units)]

    def applicable(self, document: Document) -> tuple[CompiledRule, ...]:
        """The rules whose scope covers the document (also for the legal checklist): the
        same for every document of one language, document type and channel."""
        scope = (document.language, document.doc_type, document.channel)
        rules = self._applicable.get(scope)
        if rules is None:
            rules = self._applicable[scope] = tuple(
                rule for rule in self.rules if self._applies(rule, *scope))
        return rules

    def _applies(self, rule: CompiledRule, language: str, doc_type: str | None,
                 channel: str) -> bool:
        scope = rule.model.applies_to
        profile = self.profiles.get(channel)
        languages: set[str] = {rule.language} if scope.languages is None else set(scope.languages)
        return (language in languages
                and (scope.doc_types is None or doc_type in scope.doc_types)
                and (scope.channels is None or channel in scope.channels)
                and (scope.profiles is None or profile in scope.profiles))
