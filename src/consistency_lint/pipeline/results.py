"""What a run's result holds besides its findings: the summary, the legal checklist, the
fact matrix, and the rules' descriptions."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from datetime import date

from consistency_lint.checks.registry import documented_specs
from consistency_lint.checks.suppressions import waiver_reasons
from consistency_lint.facts.matrix import fact_matrix
from consistency_lint.model import (
    LEGAL_CATEGORIES,
    ChecklistEntry,
    ChecklistState,
    Document,
    Fact,
    Finding,
    MatrixRow,
    RegistryFact,
    RuleDescription,
    Summary,
    SuppressedFinding,
)
from consistency_lint.rules.engine import RuleEngine


def legal_checklist(engine: RuleEngine, documents: Iterable[Document],
                    findings: Iterable[Finding],
                    suppressed: Iterable[SuppressedFinding]) -> tuple[ChecklistEntry, ...]:
    """Every legal rule against every document it applies to: failed where a finding of it
    is reported, else waived where one was suppressed, else passed."""
    failed = {(finding.rule, finding.path) for finding in findings}
    waived = waiver_reasons(suppressed)
    return tuple(
        ChecklistEntry(rule.model.id, rule.model.reference, rule.spec.summary, document.path,
                       document.channel, *_checklist_state((rule.model.id, document.path),
                                                           failed, waived))
        for document in documents if document.segments
        for rule in engine.applicable(document) if rule.spec.category in LEGAL_CATEGORIES)


def _checklist_state(key: tuple[str, str], failed: set[tuple[str, str]],
                     waived: dict[tuple[str, str], str]) -> tuple[ChecklistState, str]:
    """The state and the waiver's reason; a reported finding outweighs a waived one."""
    if key in failed:
        return ChecklistState.FAILED, ""
    if key in waived:
        return ChecklistState.WAIVED, waived[key]
    return ChecklistState.PASSED, ""


def summarise(documents: Iterable[Document], findings: list[Finding]) -> Summary:
    return Summary(
        documents=sum(1 for _ in documents),
        findings=len(findings),
        by_severity=dict(sorted(Counter(f.severity.value for f in findings).items())),
        by_category=dict(sorted(Counter(f.category.value for f in findings).items())),
        by_channel=dict(sorted(Counter(f.channel for f in findings).items())),
    )


def audit_matrix(facts: Iterable[Fact], registry: Iterable[RegistryFact],
                 documents: Sequence[Document], today: date) -> tuple[MatrixRow, ...]:
    """The fact matrix as the audit report shows it: the channels of the reported documents
    in order of appearance, low-confidence attributions left out."""
    channels = list(dict.fromkeys(document.channel for document in documents))
    return tuple(fact_matrix(facts, registry, channels, today))


def rule_descriptions(findings: Iterable[Finding],
                      suppressed: Iterable[SuppressedFinding]) -> dict[str, RuleDescription]:
    """The built-in checks and pack rules that the findings, reported or suppressed, name, in
    their own words; a rule of a project's own pack goes undescribed."""
    named = {finding.rule for finding in findings} | {entry.finding.rule for entry in suppressed}
    if not named:
        return {}  # spares reading every built-in pack
    documented = documented_specs()
    return {rule: RuleDescription(spec.summary, spec.rationale, spec.severity, spec.category,
                                  spec.reference)
            for rule in sorted(named) if (spec := documented.get(rule)) is not None}
