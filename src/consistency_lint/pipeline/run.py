"""The one module that knows the order of the steps: discover, load, check, report."""

from __future__ import annotations

import time
from collections import defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import date
from pathlib import Path

from consistency_lint import __version__
from consistency_lint.changes import ChangeScope, change_scope
from consistency_lint.checks.context import CheckContext, Corpus
from consistency_lint.checks.protocol import CorpusCheck
from consistency_lint.checks.registry import build_checks, warnings_for_stderr
from consistency_lint.checks.ruleset import RuleSet
from consistency_lint.config import Config
from consistency_lint.discovery import discover
from consistency_lint.errors import UsageError
from consistency_lint.facts.propagation import Statements
from consistency_lint.facts.registry import load_registry
from consistency_lint.git_changes import has_uncommitted_changes, head_commit
from consistency_lint.globs import PatternError, check_pattern, literal_path, matches
from consistency_lint.loaders import LoadRequest
from consistency_lint.model import NOT_PROPAGATED, Fact, Finding, RunMetadata, RunResult
from consistency_lint.nlp.pipeline import PipelineUnavailableError
from consistency_lint.owners import owner_matches, owners_of
from consistency_lint.pipeline.cache import DocumentCache
from consistency_lint.pipeline.documents import (
    DocumentWork,
    ProgressCallback,
    corpus_of,
    process_documents,
)
from consistency_lint.pipeline.outcome import DocumentOutcome
from consistency_lint.pipeline.propagation import (
    FactsRun,
    Replaced,
    languages_of,
    placed,
    replaced_since,
)
from consistency_lint.pipeline.results import (
    audit_matrix,
    legal_checklist,
    rule_descriptions,
    summarise,
)
from consistency_lint.pipeline.source_lines import finding_lines
from consistency_lint.pipeline.timing import PhaseSeconds, timed
from consistency_lint.rules.loading import load_packs, pack_digests
from consistency_lint.workers import Workers


@dataclass(frozen=True)
class RunOptions:
    today: date
    channels: tuple[str, ...] = ()
    only: tuple[str, ...] = ()
    argv: tuple[str, ...] = ()
    changed_since: str | None = None  # git ref: report what changed since (`--changed-since`)
    owner: str | None = None  # report only the findings of this owner's files (`--owner`)
    workers: Workers = field(default_factory=Workers)  # where the per-document stage runs
    use_cache: bool = False  # reuse per-document results from the user cache (cache.py)
    baseline: frozenset[str] | None = None  # fingerprints to hide (`--baseline`)
    cache_project: Path | None = None  # whose cache folder to use (default: the config's root)
    # What only some report formats show, computed only when asked for:
    with_fact_matrix: bool = False  # the fact matrix (the HTML audit)
    with_rule_descriptions: bool = False  # each named rule's docs (SARIF)
    with_source_lines: bool = False  # the lines findings are on (columns in bytes: rdjson)
    # For an editor: unsaved text, by the content file it stands for (a file holding the
    # editor's buffer), and runs on each keystroke that leave the corpus checks out.
    overlay: Mapping[str, Path] = field(default_factory=dict)
    documents_only: bool = False


def run(config: Config, options: RunOptions,
        on_progress: ProgressCallback | None = None) -> RunResult:
    """Lint the project described by `config`; raise ConsistencyLintError for bad setup."""
    started = time.perf_counter()
    _validate_channel_names(config, options.channels)
    registry = load_registry(config)
    rules = RuleSet.for_run(config, load_packs(config), options.today, options.baseline)
    # built once, before the workers start (the spelling check reads the dictionary)
    checks = build_checks(CheckContext(config, options.today, registry, rules))
    requests = [replace(request, path=options.overlay.get(request.relative_path, request.path))
                for request in discover(config)]
    _validate_only(options.only, [request.relative_path for request in requests])
    scope = _Scope(options, change_scope(config, options.changed_since, lambda at_ref:
                                         _fingerprints_at_ref(at_ref, options, config.root)))
    work = DocumentWork(config, registry, rules.packs.rules, checks.document, frozenset(
        r.relative_path for r in requests if scope.checks(r.relative_path, r.channel)))
    seconds: PhaseSeconds = defaultdict(float)
    stage_checks = (*checks.document_ids, *(rule.spec.id for rule in rules.engine.rules))
    outcomes = _outcomes(requests, work, options, stage_checks, seconds, on_progress)
    with timed(seconds, "stale copies"):
        corpus = corpus_of(outcomes, registry, work.reported_paths)
    owners = owners_of(config, corpus.documents,
                       files=(registry.source,) if registry.source else ())
    replaced = _replaced(config, options, corpus, seconds)
    corpus = replace(corpus, changes=placed(replaced.changes, owners))
    with timed(seconds, "comparison"):
        found = _findings(outcomes, () if options.documents_only else checks.corpus, corpus)
    judgement = rules.judge(found, corpus.reported, scope.covers)
    # The audit's checklist sees every violation, also those the report leaves out below
    # because the change did not make them or the baseline accepts them.
    findings, baseline_outcome = rules.baselined(
        [finding for finding in judgement.findings if scope.changes.reports(finding)
         and (options.owner is None or owner_matches(owners.get(finding.path, ""),
                                                       options.owner))])
    facts = tuple(fact for fact in corpus.facts if scope.covers(fact))
    return RunResult(
        _metadata(config, options, rules, started, seconds), corpus.reported,
        tuple(findings), summarise(corpus.reported, findings), facts, registry.facts,
        judgement.suppressed, baseline_outcome,
        legal_checklist(rules.engine, corpus.reported, judgement.findings,
                        judgement.suppressed),
        (*_change_warnings(scope.changes, replaced), *warnings_for_stderr(findings)),
        audit_matrix(facts, registry.facts, corpus.reported, options.today)
        if options.with_fact_matrix else (),
        rule_descriptions(findings, judgement.suppressed)
        if options.with_rule_descriptions else {},
        owners,
        finding_lines(config.root, findings, config.max_file_bytes)
        if options.with_source_lines else {})


def _change_warnings(scope: ChangeScope, replaced: Replaced) -> tuple[str, ...]:
    """What `--changed-since` could not do. Both steps read the project at the ref: when
    it cannot be read, the scope's warning says so once for both."""
    return scope.warnings or tuple(f"--changed-since: {warning}"
                                   for warning in replaced.warnings)


def _replaced(config: Config, options: RunOptions, corpus: Corpus,
              seconds: PhaseSeconds) -> Replaced:
    """What `--changed-since` replaced, and where the old values are still stated."""
    if options.changed_since is None:
        return Replaced(())
    now = Statements(corpus.facts, corpus.registry.facts, corpus.registry.source or "",
                     languages_of(corpus.documents))
    how = FactsRun(options.workers, options.use_cache, options.cache_project or config.root)
    with timed(seconds, "changes"):
        return replaced_since(config, options.changed_since, now, corpus.documents,
                              options.today, how, seconds)


def _outcomes(requests: Sequence[LoadRequest], work: DocumentWork, options: RunOptions,
              stage_checks: Sequence[str], seconds: PhaseSeconds,
              on_progress: ProgressCallback | None) -> list[DocumentOutcome]:
    config = work.config
    cache = DocumentCache.for_config(config, pack_digests(config), stage_checks,
                                     options.cache_project) \
        if options.use_cache else None
    try:
        return process_documents(requests, work, options.workers, cache, seconds, on_progress,
                                 unsaved=options.overlay.keys())
    except PipelineUnavailableError as error:
        raise config.error(str(error), ("pipelines",)) from None


def _findings(outcomes: Sequence[DocumentOutcome], corpus_checks: Sequence[CorpusCheck],
              corpus: Corpus) -> list[Finding]:
    """The document checks' findings, then the corpus checks'."""
    return [*(finding for outcome in outcomes for finding in outcome.findings),
            *(finding for check in corpus_checks for finding in check(corpus))]


def _metadata(config: Config, options: RunOptions, rules: RuleSet, started: float,
              seconds: PhaseSeconds) -> RunMetadata:
    return RunMetadata(
        today=options.today.isoformat(),
        config=config.source,
        ruleset_sha256=rules.digest(),
        argv=options.argv,
        tool_version=__version__,
        packs=pack_digests(config),
        git_commit=(commit := head_commit(config.root)),
        git_uncommitted_changes=commit is not None and has_uncommitted_changes(config.root),
        seconds=round(time.perf_counter() - started, 2),
        phase_seconds={phase: round(spent, 2) for phase, spent in seconds.items()},
    )


def _validate_channel_names(config: Config, names: tuple[str, ...]) -> None:
    unknown = sorted(set(names) - set(config.channels))
    if unknown:
        known = ", ".join(config.channels)
        raise UsageError(f"unknown channel {', '.join(unknown)} (configured: {known})")


def _validate_only(patterns: tuple[str, ...], paths: list[str]) -> None:
    """Each `--only` pattern must be usable and match a content file: a typo must not turn
    a check into a silent pass."""
    known = frozenset(paths)
    for pattern in patterns:
        try:
            check_pattern(pattern)
        except PatternError as error:
            raise UsageError(f"--only: {error}") from None
        literal = literal_path(pattern)
        if literal not in known and not any(matches(path, [pattern]) for path in paths):
            raise UsageError(f"--only `{pattern}` matches no content file of any channel")


@dataclass(frozen=True)
class _Scope:
    """What the run reports on: the files of `--channel` and `--only` that the change
    (`--changed-since`) touches, and their findings and facts."""

    options: RunOptions
    changes: ChangeScope

    def covers(self, item: Finding | Fact) -> bool:
        if isinstance(item, Finding) and item.rule == NOT_PROPAGATED:
            return self.selects(item.path, item.channel)  # in any file, touched or not
        return self.checks(item.path, item.channel)

    def selects(self, path: str, channel: str) -> bool:
        """Whether `--channel` and `--only` let the file through."""
        options = self.options
        if options.channels and channel not in options.channels:
            return False
        return not options.only or matches(path, options.only)

    def checks(self, path: str, channel: str) -> bool:
        return self.changes.checks(path) and self.selects(path, channel)


def _fingerprints_at_ref(config_at_ref: Config, options: RunOptions,
                         project: Path) -> frozenset[str]:
    """The fingerprints of every finding of the project at the `--changed-since` ref,
    checked as this run is (same date and workers; the project's cache folder, as results
    only depend on file contents and settings)."""
    result = run(config_at_ref, RunOptions(today=options.today, workers=options.workers,
                                           use_cache=options.use_cache, cache_project=project))
    return frozenset(finding.fingerprint for finding in result.findings)
