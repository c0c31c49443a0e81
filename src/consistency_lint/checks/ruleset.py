"""The rule set of a run, built once: every check's and pack rule's spec, and, in one
place, what the configuration says about findings: severity overrides (or `off`),
suppressions, stable fingerprints and the baseline."""

from __future__ import annotations

import hashlib
import re
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, replace
from datetime import date

from consistency_lint.baseline import apply_baseline
from consistency_lint.checks.registry import SPECS, finalised
from consistency_lint.checks.suppressions import apply_suppressions
from consistency_lint.config import Config
from consistency_lint.model import (
    BaselineOutcome,
    Category,
    Document,
    Finding,
    Severity,
    SuppressedFinding,
)
from consistency_lint.rules.engine import RuleEngine
from consistency_lint.rules.loading import Packs
from consistency_lint.specs import CheckSpec

_DIGITS = re.compile(r"\d+")


@dataclass(frozen=True)
class Judgement:
    """The findings to report (fingerprinted, sorted) and those suppressed inline."""

    findings: list[Finding]
    suppressed: tuple[SuppressedFinding, ...]


@dataclass(frozen=True)
class RuleSet:
    config: Config
    packs: Packs
    engine: RuleEngine  # the configured packs' rules, for the run's date
    specs: dict[str, CheckSpec]  # built-in checks, then the packs' rules, by id
    baseline: frozenset[str] | None = None  # fingerprints to hide (`--baseline`)

    @classmethod
    def for_run(cls, config: Config, packs: Packs, today: date,
                baseline: frozenset[str] | None = None) -> RuleSet:
        """The run's rule set; ConfigError when `severity:` names an unknown rule."""
        specs = {**SPECS, **{rule.spec.id: rule.spec for rule in packs.rules}}
        _validate_severity_overrides(config, specs)
        return cls(config, packs, RuleEngine.for_config(packs.rules, config, today), specs,
                   baseline)

    def judge(self, findings: Iterable[Finding], documents: Sequence[Document],
              reported: Callable[[Finding], bool]) -> Judgement:
        """The checks' findings about `documents` once every check's last steps, the
        configuration and the documents' suppressions have applied; only those for which
        `reported` holds are kept."""
        kept = [finding for finding in self._overridden(finalised(findings, "finalise"))
                if reported(finding)]
        categories = {spec.id: spec.category for spec in self.specs.values()}
        silenced = apply_suppressions(kept, documents, categories)
        reportable = silenced.kept + self._overridden(silenced.about_directives)
        return Judgement(_with_fingerprints(finalised(reportable, "finalise_reported")),
                         _suppressed_with_fingerprints(silenced.suppressed))

    def baselined(self, findings: list[Finding]) -> tuple[list[Finding],
                                                           BaselineOutcome | None]:
        """`findings` without those the baseline accepts, and what it hid and no longer
        sees; all of them, and no outcome, without a baseline."""
        if self.baseline is None:
            return findings, None
        return apply_baseline(findings, self.baseline)

    def digest(self) -> str:
        """Identifies the effective rule set: every check and pack rule with its effective
        severity."""
        lines = []
        for spec in sorted(self.specs.values(), key=lambda spec: spec.id):
            override = self.config.severity_override(spec.id, spec.category)
            lines.append(f"{spec.id} {spec.category} {override or spec.severity}")
        return hashlib.sha256("\n".join(lines).encode()).hexdigest()

    def _overridden(self, findings: Iterable[Finding]) -> list[Finding]:
        adjusted = []
        for finding in findings:
            override = self.config.severity_override(finding.rule, finding.category)
            if override == "off":
                continue
            adjusted.append(replace(finding, severity=Severity(override)) if override
                            else finding)
        return adjusted


def _validate_severity_overrides(config: Config, specs: dict[str, CheckSpec]) -> None:
    """Every key under `severity:` must name a known rule (built in or from a configured
    pack) or a category."""
    known = {*specs, *(category.value for category in Category)}
    for key in config.model.severity:
        if key not in known:
            raise config.error(
                f"severity: `{key}` is neither a rule id nor a category "
                "(see `consistency-lint rules list`)",
                ("severity", key),
            )


def _with_fingerprints(findings: Iterable[Finding]) -> list[Finding]:
    """Sorted findings, each with a fingerprint that ignores line numbers.

    The fingerprint hashes rule, path and what was found (the excerpt, else the message with
    its numbers masked, so "reviewed 658 days ago" stays the same finding tomorrow);
    repeated identical findings in one file are told apart by their order of appearance.
    """
    ordered = sorted(findings, key=lambda finding: finding.sort_key)
    seen: Counter[tuple[str, str, str]] = Counter()
    result = []
    for finding in ordered:
        key = (finding.rule, finding.path, finding.excerpt or _DIGITS.sub("#", finding.message))
        seen[key] += 1
        digest = hashlib.sha256("\x1f".join((*key, str(seen[key]))).encode()).hexdigest()
        result.append(replace(finding, fingerprint=digest[:32]))
    return result


def _suppressed_with_fingerprints(
        entries: Iterable[SuppressedFinding]) -> tuple[SuppressedFinding, ...]:
    """Suppressed findings, sorted and fingerprinted like reported ones (a baseline or an
    audit can follow them)."""
    ordered = sorted(entries, key=lambda entry: entry.finding.sort_key)
    fingerprinted = _with_fingerprints(entry.finding for entry in ordered)
    return tuple(SuppressedFinding(finding, entry.reason)
                 for finding, entry in zip(fingerprinted, ordered, strict=True))
