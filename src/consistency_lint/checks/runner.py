"""Runs the checks and applies, in one place, what the configuration says about findings:
severity overrides (or `off`), which findings are reported, and stable fingerprints."""

from __future__ import annotations

import hashlib
import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import replace

from consistency_lint.checks import CHECKS, CORPUS_CHECKS, SPECS
from consistency_lint.checks.context import CheckContext, Corpus
from consistency_lint.config import Config
from consistency_lint.model import Category, Document, Finding, Severity, SuppressedFinding
from consistency_lint.specs import CheckSpec

_DIGITS = re.compile(r"\d+")


def validate_severity_overrides(config: Config, pack_rules: Sequence[CheckSpec] = ()) -> None:
    """Every key under `severity:` must name a known rule (built in or from a configured
    pack) or a category."""
    known = {*SPECS, *(spec.id for spec in pack_rules), *(c.value for c in Category)}
    for key in config.model.severity:
        if key not in known:
            raise config.error(
                f"severity: `{key}` is neither a rule id nor a category "
                "(see `consistency-lint rules list`)",
                ("severity", key),
            )


def run_checks(documents: Iterable[Document], corpus: Corpus,
               context: CheckContext) -> list[Finding]:
    """Per-document checks on `documents`; cross-document checks on the whole corpus."""
    findings: list[Finding] = []
    for document in documents:
        for check in CHECKS:
            findings.extend(check.run(document, context))
    for corpus_check in CORPUS_CHECKS:
        findings.extend(corpus_check.run(corpus, context))
    return findings


def apply_severity_overrides(findings: Iterable[Finding], config: Config) -> list[Finding]:
    adjusted = []
    for finding in findings:
        override = config.severity_override(finding.rule, finding.category)
        if override == "off":
            continue
        adjusted.append(replace(finding, severity=Severity(override)) if override else finding)
    return adjusted


def with_fingerprints(findings: Iterable[Finding]) -> list[Finding]:
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


def suppressed_with_fingerprints(
        entries: Iterable[SuppressedFinding]) -> tuple[SuppressedFinding, ...]:
    """Suppressed findings, sorted and fingerprinted like reported ones (a baseline or an
    audit can follow them)."""
    ordered = sorted(entries, key=lambda entry: entry.finding.sort_key)
    fingerprinted = with_fingerprints(entry.finding for entry in ordered)
    return tuple(SuppressedFinding(finding, entry.reason)
                 for finding, entry in zip(fingerprinted, ordered, strict=True))


def ruleset_digest(config: Config, pack_rules: Sequence[CheckSpec] = ()) -> str:
    """Identifies the effective rule set: every check and pack rule with its effective
    severity."""
    lines = []
    specs = {**SPECS, **{spec.id: spec for spec in pack_rules}}
    for spec in sorted(specs.values(), key=lambda spec: spec.id):
        override = config.severity_override(spec.id, spec.category)
        lines.append(f"{spec.id} {spec.category} {override or spec.severity}")
    return hashlib.sha256("\n".join(lines).encode()).hexdigest()
