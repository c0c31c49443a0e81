"""The HTML audit report: one self-contained file (no external CSS, JS or fonts) that works
offline, as an e-mail attachment and printed to PDF. Rendered with Jinja2 autoescaping, so
content from pages (`<script>`, `onerror=`) is shown as text and never runs."""

from __future__ import annotations

from collections import Counter, defaultdict
from typing import Any, TextIO

from jinja2 import Environment, PackageLoader, select_autoescape

from consistency_lint.model import Category, ChecklistState, Confidence, RunResult, Severity
from consistency_lint.report.verbosity import Verbosity

_ENVIRONMENT = Environment(
    loader=PackageLoader("consistency_lint.report", "templates"),
    autoescape=select_autoescape(default=True, default_for_string=True),
    trim_blocks=True,
    lstrip_blocks=True,
)
HEAT_LEVELS = 4


def write(result: RunResult, stream: TextIO, verbosity: Verbosity = Verbosity.NORMAL) -> None:
    stream.write(render_template("audit.html.j2", **context(result)))


def render_template(name: str, **values: Any) -> str:
    """One of the report templates, rendered with autoescaping."""
    return _ENVIRONMENT.get_template(name).render(**values)


def context(result: RunResult) -> dict[str, Any]:
    channels = list(dict.fromkeys(document.channel for document in result.documents))
    return {
        "result": result,
        "channels": channels,
        "categories": [category.value for category in Category],
        "severities": [severity.value for severity in Severity],
        "scorecards": _scorecards(result, channels),
        "checklist": _checklist(result),
        "matrix": result.fact_matrix,
        "heatmap": _heatmap(result, channels),
        "owners": sorted({result.owners[f.path] for f in result.findings
                          if f.path in result.owners}),
    }


def _scorecards(result: RunResult, channels: list[str]) -> list[dict[str, Any]]:
    cards = []
    for channel in channels:
        findings = [f for f in result.findings if f.channel == channel]
        checks = [entry for entry in result.checklist if entry.channel == channel]
        states = Counter(entry.state for entry in checks)
        passed = states[ChecklistState.PASSED]
        cards.append({
            "channel": channel,
            "documents": sum(1 for d in result.documents if d.channel == channel),
            "by_severity": Counter(f.severity.value for f in findings),
            "by_category": Counter(f.category.value for f in findings),
            "legal": f"{passed}/{len(checks)}" if checks else "—",
            "legal_rate": round(100 * passed / len(checks)) if checks else None,
            "legal_waived": states[ChecklistState.WAIVED],
        })
    return cards


def _checklist(result: RunResult) -> list[dict[str, Any]]:
    """One row per legal requirement: its basis, and which documents fail it, have it waived
    (with the reason) and pass it."""
    by_rule: dict[str, list[Any]] = defaultdict(list)
    for entry in result.checklist:
        by_rule[entry.rule].append(entry)
    rows = []
    for rule, entries in sorted(by_rule.items()):
        entries.sort(key=lambda entry: entry.path)
        rows.append({
            "rule": rule,
            "summary": entries[0].summary,
            "reference": entries[0].reference,
            "failed": [entry.path for entry in entries if entry.state is ChecklistState.FAILED],
            "waived": [entry for entry in entries if entry.state is ChecklistState.WAIVED],
            "passed": [entry.path for entry in entries if entry.state is ChecklistState.PASSED],
        })
    return rows


def _heatmap(result: RunResult, channels: list[str]) -> dict[str, Any]:
    counts: dict[tuple[str, str], int] = defaultdict(int)
    for fact in result.facts:
        if fact.subject and fact.confidence is not Confidence.LOW:
            counts[(fact.subject, fact.channel)] += 1
    subjects = sorted({subject for subject, _ in counts} | {f.subject for f in result.registry})
    peak = max(counts.values(), default=1)
    return {
        "subjects": subjects,
        "cells": {(subject, channel): (counts[(subject, channel)],
                                       -(-counts[(subject, channel)] * HEAT_LEVELS // peak))
                  for subject in subjects for channel in channels},
    }
