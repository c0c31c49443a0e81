"""SARIF 2.1.0 for code-scanning dashboards (GitHub code scanning, Azure DevOps, IDEs).

Suppressed findings are included with an `inSource` suppression and their reason, as SARIF
expects; fingerprints go into `partialFingerprints` so that dashboards track findings
across runs."""

from __future__ import annotations

import json
from typing import Any, TextIO
from urllib.parse import quote

from consistency_lint.model import Finding, RuleDescription, RunResult, Severity
from consistency_lint.report.verbosity import Verbosity

SARIF_SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
LEVELS = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "note"}
FINGERPRINT_KEY = "consistencyLint/v1"


def write(result: RunResult, stream: TextIO, verbosity: Verbosity = Verbosity.NORMAL) -> None:
    json.dump(as_sarif(result), stream, ensure_ascii=False, indent=2)
    stream.write("\n")


def as_sarif(result: RunResult) -> dict[str, Any]:
    findings = [(finding, None) for finding in result.findings] + [
        (entry.finding, entry.reason) for entry in result.suppressed]
    rule_ids = sorted({finding.rule for finding, _ in findings})
    return {
        "$schema": SARIF_SCHEMA,
        "version": "2.1.0",
        "runs": [{
            "tool": {"driver": {
                "name": "consistency-lint",
                "version": result.metadata.tool_version,
                "rules": [_rule(rule_id, result.rules.get(rule_id)) for rule_id in rule_ids],
            }},
            "columnKind": "unicodeCodePoints",
            "results": [_result(finding, reason, rule_ids.index(finding.rule))
                        for finding, reason in findings],
        }],
    }


def _rule(rule_id: str, description: RuleDescription | None) -> dict[str, Any]:
    if description is None:  # a rule of a project's own pack
        return {"id": rule_id}
    descriptor: dict[str, Any] = {
        "id": rule_id,
        "shortDescription": {"text": description.summary},
        "fullDescription": {"text": description.rationale},
        "defaultConfiguration": {"level": LEVELS[description.severity]},
        "properties": {"category": description.category.value},
    }
    if description.reference:
        descriptor["properties"]["reference"] = description.reference
    return descriptor


def _result(finding: Finding, reason: str | None, rule_index: int) -> dict[str, Any]:
    region: dict[str, Any] = {
        "startLine": finding.span.line,
        "startColumn": finding.span.column,
        "endLine": finding.span.end_line,
        "endColumn": max(finding.span.end_column, finding.span.column),
    }
    if finding.excerpt:
        region["snippet"] = {"text": finding.excerpt}
    result: dict[str, Any] = {
        "ruleId": finding.rule,
        "ruleIndex": rule_index,
        "level": LEVELS[finding.severity],
        "message": {"text": finding.message},
        "locations": [_location(finding.path, region)],
        "partialFingerprints": {FINGERPRINT_KEY: finding.fingerprint},
        "properties": {"category": finding.category.value, "channel": finding.channel,
                       "confidence": finding.confidence.value,
                       **({"docType": finding.doc_type} if finding.doc_type else {})},
    }
    if finding.related:
        result["relatedLocations"] = [
            {**_location(related.path, {"startLine": related.line}), "id": index,
             "message": {"text": f"{related.channel}: {related.value or ''}".strip()}}
            for index, related in enumerate(finding.related)]
    if reason is not None:
        result["suppressions"] = [{"kind": "inSource", "justification": reason}]
    return result


def _location(path: str, region: dict[str, Any]) -> dict[str, Any]:
    return {"physicalLocation": {"artifactLocation": {"uri": quote(path)}, "region": region}}
