"""Runs the compiled rules that apply to a document, each by the module of its kind
(`rules/kinds/`), over the document's units built once for them all."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import replace
from datetime import date

from consistency_lint.config import ALL_REGISTERS, STAFF_PROFILES, Config, TradeModel
from consistency_lint.model import Category, Document, Finding
from consistency_lint.nlp.analysis import AnalysedSegment
from consistency_lint.rules.compiled import CompiledRule
from consistency_lint.rules.kinds import KINDS
from consistency_lint.rules.trade import Trade, declared_trade, detected_trade
from consistency_lint.rules.units import DocumentUnits


class RuleEngine:
    """The rules of the configured packs, run on one document at a time."""

    def __init__(self, rules: Sequence[CompiledRule], profiles: Mapping[str, str | None],
                 today: date | None = None,
                 trades: Mapping[str, Sequence[TradeModel]] | None = None,
                 registers: Mapping[str, frozenset[str]] | None = None) -> None:
        self.profiles = profiles  # channel name -> tone profile
        self.registers = registers or {}  # channel name -> the registers it accepts
        # channel name -> what its settings, then the project's, say it sells and to whom
        self.trades = trades or {}
        # a rule against an obsolete reference applies from the day it became obsolete
        self.rules = [rule for rule in rules if today is None
                      or rule.model.applies_from is None or rule.model.applies_from <= today]
        self._applicable: dict[tuple[str, str | None, str, Trade],
                               tuple[CompiledRule, ...]] = {}

    @classmethod
    def for_config(cls, rules: Sequence[CompiledRule], config: Config,
                   today: date | None = None) -> RuleEngine:
        return cls(rules, {name: channel.settings.profile
                           for name, channel in config.channels.items()}, today,
                   {name: (channel.settings, config.model)
                    for name, channel in config.channels.items()},
                   {name: channel.registers for name, channel in config.channels.items()})

    def check(self, document: Document, segments: Sequence[AnalysedSegment]) -> list[Finding]:
        if not segments:
            return []  # unreadable or empty: an `input` finding says so, clauses cannot
        units = DocumentUnits.of(document, segments,
                                 read_by_staff=self.profiles.get(document.channel)
                                 in STAFF_PROFILES)
        return [_offering_compliant_wording(finding, rule)
                for rule in self.applicable(document, self.trade_of(units))
                for finding in KINDS[rule.model.kind].findings(rule, units)]

    def declared_trade(self, document: Document) -> Trade:
        """What the document's front matter, else its channel, else the project says it
        sells and to whom."""
        return declared_trade(document.metadata, *self.trades.get(document.channel, ()))

    def trade_of(self, units: DocumentUnits) -> Trade:
        """The declared trade, completed from the document's words."""
        document = units.document
        return detected_trade(self.declared_trade(document), units.index, document.words,
                              document.language)

    def applicable(self, document: Document, trade: Trade | None = None
                   ) -> tuple[CompiledRule, ...]:
        """The rules whose scope covers the document: the same for every document of one
        language, document type, channel and trade. Without `trade` (the legal checklist,
        which has no text to read), what is declared."""
        trade = self.declared_trade(document) if trade is None else trade
        scope = (document.language, document.doc_type, document.channel)
        rules = self._applicable.get((*scope, trade))
        if rules is None:
            rules = self._applicable[(*scope, trade)] = tuple(
                rule for rule in self.rules
                if self._applies(rule, *scope) and trade.admits(rule.model.applies_to))
        return rules

    def _applies(self, rule: CompiledRule, language: str, doc_type: str | None,
                 channel: str) -> bool:
        scope = rule.model.applies_to
        profile = self.profiles.get(channel)
        languages: set[str] = {rule.language} if scope.languages is None else set(scope.languages)
        registers = self.registers.get(channel, ALL_REGISTERS)
        return (language in languages
                and (scope.doc_types is None or doc_type in scope.doc_types)
                and (scope.channels is None or channel in scope.channels)
                and (scope.profiles is None or profile in scope.profiles)
                and (scope.register_refused is None or scope.register_refused not in registers)
                and (scope.registers_accepted is None
                     or registers >= set(scope.registers_accepted)))


def _offering_compliant_wording(finding: Finding, rule: CompiledRule) -> Finding:
    """A prohibited statement with the rule's compliant wording as its correction, where the
    statement is one line of the file written as it reads (an editor replaces it)."""
    wording = rule.compliant_wording()
    if (wording is None or finding.category is not Category.LEGAL_PROHIBITED
            or not finding.excerpt or not finding.span.holds_exactly(finding.excerpt)):
        return finding
    return replace(finding, suggestions=(wording,))
