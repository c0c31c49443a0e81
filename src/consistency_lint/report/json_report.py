"""The JSON report, schema version 1 (CONTRACT §6): same input, same bytes but `run`."""

from __future__ import annotations

import json
from collections.abc import Mapping
from typing import Any, TextIO

from consistency_lint.model import Document, Fact, Finding, RunResult
from consistency_lint.report.verbosity import Verbosity

SCHEMA_VERSION = 1


def write(result: RunResult, stream: TextIO, verbosity: Verbosity = Verbosity.NORMAL) -> None:
    """JSON has one shape whatever the verbosity."""
    json.dump(as_dict(result), stream, ensure_ascii=False, indent=2)
    stream.write("\n")


def as_dict(result: RunResult) -> dict[str, Any]:
    metadata = result.metadata
    summary = result.summary
    return {
        "schema": SCHEMA_VERSION,
        "tool": {"name": "consistency-lint", "version": metadata.tool_version},
        "run": {
            "today": metadata.today,
            "config": metadata.config,
            "ruleset_sha256": metadata.ruleset_sha256,
            "argv": list(metadata.argv),
        },
        "documents": [_document(document) for document in result.documents],
        "facts": [_fact(fact) for fact in result.facts],
        "findings": [_finding(finding, result.owners) for finding in result.findings],
        "suppressed": [{**_finding(entry.finding, result.owners), "reason": entry.reason}
                       for entry in result.suppressed],
        **({"baseline": {"hidden": result.baseline.hidden, "fixed": result.baseline.fixed}}
           if result.baseline else {}),
        "summary": {
            "documents": summary.documents,
            "findings": summary.findings,
            "by_severity": dict(summary.by_severity),
            "by_category": dict(summary.by_category),
            "by_channel": dict(summary.by_channel),
        },
    }


def _document(document: Document) -> dict[str, Any]:
    return {
        "path": document.path,
        "channel": document.channel,
        "doc_type": document.doc_type,
        "language": document.language,
        "sha256": document.sha256,
        "words": document.words,
    }


def _fact(fact: Fact) -> dict[str, Any]:
    return {
        "subject": fact.subject,
        "attribute": fact.attribute,
        "text": fact.text,
        "value": fact.value.canonical(),
        "path": fact.path,
        "line": fact.span.line,
        "column": fact.span.column,
        "channel": fact.channel,
        "confidence": fact.confidence.value,
    }


def _finding(finding: Finding, owners: Mapping[str, str]) -> dict[str, Any]:
    span = finding.span
    return {
        "rule": finding.rule,
        "category": finding.category.value,
        "severity": finding.severity.value,
        "message": finding.message,
        "path": finding.path,
        "line": span.line,
        "column": span.column,
        "end_line": span.end_line,
        "end_column": span.end_column,
        "channel": finding.channel,
        "doc_type": finding.doc_type,
        "excerpt": finding.excerpt,
        "reference": finding.reference,
        "fingerprint": finding.fingerprint,
        "confidence": finding.confidence.value,
        "owner": owners.get(finding.path),
        "suggestions": list(finding.suggestions),
        "related": [
            {"path": r.path, "line": r.line, "channel": r.channel, "value": r.value}
            for r in finding.related
        ],
    }
