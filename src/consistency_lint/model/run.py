"""A run's result, the one value every reporter renders: its metadata, the documents,
findings, facts, summary, legal checklist, baseline outcome, fact matrix and the
descriptions of the rules its findings name."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from enum import StrEnum

from consistency_lint.model.document import Document
from consistency_lint.model.fact import Fact, MatrixRow, RegistryFact
from consistency_lint.model.finding import Finding, RuleDescription, SuppressedFinding
from consistency_lint.model.pickling import pickled_by_constructor


@pickled_by_constructor
@dataclass(frozen=True, slots=True)
class Summary:
    documents: int
    findings: int
    by_severity: Mapping[str, int]
    by_category: Mapping[str, int]
    by_channel: Mapping[str, int]


@dataclass(frozen=True)
class RunMetadata:
    today: str
    config: str
    ruleset_sha256: str
    argv: tuple[str, ...]
    tool_version: str
    packs: tuple[tuple[str, str], ...] = ()  # (pack reference, sha256 of its file)
    git_commit: str | None = None
    git_uncommitted_changes: bool = False
    seconds: float = 0.0
    phase_seconds: Mapping[str, float] = field(default_factory=dict)


@dataclass(frozen=True)
class BaselineOutcome:
    """Findings the baseline hid, and baseline entries that no longer occur (fixed)."""

    hidden: int
    fixed: int


class ChecklistState(StrEnum):
    """Where a document stands on a legal requirement. A waived requirement (its finding
    suppressed) is neither passed nor failed: an audit must see every exception."""

    PASSED = "passed"
    FAILED = "failed"
    WAIVED = "waived"


@pickled_by_constructor
@dataclass(frozen=True, slots=True)
class ChecklistEntry:
    """A legal requirement applied to one document, and where the document stands on it."""

    rule: str
    reference: str | None
    summary: str
    path: str
    channel: str
    state: ChecklistState
    waiver_reason: str = ""  # the suppression's reason, as written; "" when none was given


@dataclass(frozen=True)
class RunResult:
    """Everything a reporter needs; every output format renders this one value."""

    metadata: RunMetadata
    documents: tuple[Document, ...]
    findings: tuple[Finding, ...]
    summary: Summary
    facts: tuple[Fact, ...] = ()
    registry: tuple[RegistryFact, ...] = ()
    suppressed: tuple[SuppressedFinding, ...] = ()
    baseline: BaselineOutcome | None = None
    checklist: tuple[ChecklistEntry, ...] = ()
    warnings: tuple[str, ...] = ()  # `file:line: message` lines for standard error
    fact_matrix: tuple[MatrixRow, ...] = ()  # as the audit shows it, channels in order
    # the built-in rules that the findings and suppressed findings name, by id
    rules: Mapping[str, RuleDescription] = field(default_factory=dict)
    owners: Mapping[str, str] = field(default_factory=dict)  # who answers for each file
    # (path, line) → the text of the lines findings start and end on, for the formats that
    # count columns in bytes (`with_source_lines`)
    source_lines: Mapping[tuple[str, int], str] = field(default_factory=dict)
