"""The one module that knows the order of the steps: discover, load, check, report."""

from __future__ import annotations

import time
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from consistency_lint import __version__
from consistency_lint.cache import DocumentCache
from consistency_lint.changes import ChangeScope, change_scope
from consistency_lint.checks.context import CheckContext, Corpus
from consistency_lint.checks.doc_types import doc_type_warnings
from consistency_lint.checks.registry import build_checks
from consistency_lint.checks.ruleset import RuleSet
from consistency_lint.checks.suppressions import waiver_reasons
from consistency_lint.config import Config
from consistency_lint.discovery import discover
from consistency_lint.errors import UsageError
from consistency_lint.facts.registry import load_registry
from consistency_lint.git_changes import has_uncommitted_changes, head_commit
from consistency_lint.globs import PatternError, check_pattern, matches
from consistency_lint.model import (
    LEGAL_CATEGORIES,
    ChecklistEntry,
    ChecklistState,
    Document,
    Finding,
    RunMetadata,
    RunResult,
    Summary,
    SuppressedFinding,
)
from consistency_lint.nlp.pipeline import PipelineUnavailableError
from consistency_lint.processing import DocumentOutcome, DocumentWork, process_documents
from consistency_lint.rules.engine import RuleEngine
from consistency_lint.rules.loading import load_packs, pack_digests
from consistency_lint.timing import PhaseSeconds, timed
from consistency_lint.workers import Workers

ProgressCallback = Callable[[int, int], None]  # (documents done, total)


@dataclass(frozen=True)
class RunOptions:
    today: date
    channels: tuple[str, ...] = ()
    only: tuple[str, ...] = ()
    argv: tuple[str, ...] = ()
    changed_since: str | None = None  # git ref: report what changed since (`--changed-since`)
    workers: Workers = field(default_factory=Workers)  # where the per-document stage runs
    use_cache: bool = False  # reuse per-document results from the user cache (cache.py)
    baseline: frozenset[str] | None = None  # fingerprints to hide (`--baseline`)
    cache_project: Path | None = None  # whose cache folder to use (default: the config's root)


def run(config: Config, options: RunOptions,
        on_progress: ProgressCallback | None = None) -> RunResult:
    """Lint the project described by `config`; raise ConsistencyLintError for bad setup."""
    started = time.perf_counter()
    _validate_channel_names(config, options.channels)
    registry = load_registry(config)
    rules = RuleSet.for_run(config, load_packs(config), options.today, options.baseline)
    context = CheckContext(config, options.today, registry, rules)
    checks = build_checks(context)  # reads the dictionary once, before the workers start
    requests = discover(config)
    _validate_only(options.only, [request.relative_path for request in requests])
    digests = pack_digests(config)
    changes = change_scope(config, options.changed_since,
                           lambda at_ref: _fingerprints_at_ref(at_ref, options, config.root))
    work = DocumentWork(config, registry, rules.packs.rules, checks.document, frozenset(
        r.relative_path for r in requests
        if _in_scope(r.relative_path, r.channel, options, changes)),
        DocumentCache.for_config(config, digests, DocumentOutcome, options.cache_project)
        if options.use_cache else None)
    try:
        stage = process_documents(requests, work, options.workers, on_progress)
    except PipelineUnavailableError as error:
        raise config.error(str(error), ("pipelines",)) from None
    corpus = Corpus(tuple(stage.documents), stage.facts.facts, stage.facts.document_subjects,
                    registry, stage.facts.stale_copies, work.reported_paths)
    seconds: PhaseSeconds = defaultdict(float, stage.seconds)
    with timed(seconds, "comparison"):
        findings = [finding for check in checks.corpus for finding in check(corpus)]
    in_scope = corpus.reported
    judgement = rules.judge(stage.findings + findings, in_scope,
                            lambda finding: _in_scope(finding.path, finding.channel, options,
                                                      changes))
    # The audit's checklist sees every violation, also those the report leaves out below
    # because the change did not make them or the baseline accepts them.
    findings, baseline_outcome = rules.baselined(
        [finding for finding in judgement.findings if changes.reports(finding)])
    metadata = RunMetadata(
        today=options.today.isoformat(),
        config=config.source,
        ruleset_sha256=rules.digest(),
        argv=options.argv,
        tool_version=__version__,
        packs=digests,
        git_commit=(commit := head_commit(config.root)),
        git_uncommitted_changes=commit is not None and has_uncommitted_changes(config.root),
        seconds=round(time.perf_counter() - started, 2),
        phase_seconds={phase: round(spent, 2) for phase, spent in seconds.items()},
    )
    facts = tuple(fact for fact in corpus.facts
                  if _in_scope(fact.path, fact.channel, options, changes))
    return RunResult(metadata, tuple(in_scope), tuple(findings), summarise(in_scope, findings),
                     facts, registry.facts, judgement.suppressed, baseline_outcome,
                     legal_checklist(rules.engine, in_scope, judgement.findings,
                                     judgement.suppressed),
                     (*changes.warnings, *doc_type_warnings(findings)))


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


def _validate_channel_names(config: Config, names: tuple[str, ...]) -> None:
    unknown = sorted(set(names) - set(config.channels))
    if unknown:
        known = ", ".join(config.channels)
        raise UsageError(f"unknown channel {', '.join(unknown)} (configured: {known})")


def _validate_only(patterns: tuple[str, ...], paths: list[str]) -> None:
    """Each `--only` pattern must be usable and match a content file: a typo must not turn
    a check into a silent pass."""
    for pattern in patterns:
        try:
            check_pattern(pattern)
        except PatternError as error:
            raise UsageError(f"--only: {error}") from None
        if not any(matches(path, [pattern]) for path in paths):
            raise UsageError(f"--only `{pattern}` matches no content file of any channel")


def _in_scope(path: str, channel: str, options: RunOptions, changes: ChangeScope) -> bool:
    if options.channels and channel not in options.channels:
        return False
    if not changes.checks(path):
        return False
    return not options.only or matches(path, options.only)


def _fingerprints_at_ref(config_at_ref: Config, options: RunOptions,
                         project: Path) -> frozenset[str]:
    """The fingerprints of every finding of the project at the `--changed-since` ref,
    checked as this run is (same date and workers; the project's cache folder, as results
    only depend on file contents and settings)."""
    result = run(config_at_ref, RunOptions(today=options.today, workers=options.workers,
                                           use_cache=options.use_cache, cache_project=project))
    return frozenset(finding.fingerprint for finding in result.findings)
