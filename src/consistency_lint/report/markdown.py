"""A Markdown summary for `$GITHUB_STEP_SUMMARY` and merge-request comments."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TextIO

from consistency_lint.model import Finding, RunResult, Severity, Summary, SuppressedFinding
from consistency_lint.report.verbosity import Verbosity

ICONS = {Severity.ERROR: "🔴", Severity.WARNING: "🟡", Severity.INFO: "🔵"}


def write(result: RunResult, stream: TextIO, verbosity: Verbosity = Verbosity.NORMAL) -> None:
    """Blocks (heading, counts, tables) separated by one blank line."""
    blocks = ["## consistency-lint\n", _counts(result.summary)]
    if result.summary.by_category:
        blocks.append(_categories(result.summary))
    if result.findings:
        blocks.append(_findings(result.findings))
    if result.suppressed:
        blocks.append("### Suppressed findings\n")
        blocks.append(_waivers(result.suppressed))
    stream.write("\n".join(blocks))


def _counts(summary: Summary) -> str:
    counts = ", ".join(f"{count} {severity}" for severity, count in summary.by_severity.items())
    return (f"**{summary.findings} finding(s)** in {summary.documents} document(s)"
            f"{f' ({counts})' if counts else ''}.\n")


def _categories(summary: Summary) -> str:
    return "| category | findings |\n|---|---:|\n" + "".join(
        f"| {category} | {count} |\n" for category, count in summary.by_category.items())


def _findings(findings: Sequence[Finding]) -> str:
    return "| | location | rule | message |\n|---|---|---|---|\n" + "".join(
        f"| {ICONS[finding.severity]} | {_location(finding)} | `{finding.rule}` | "
        f"{_cell(finding.message)} |\n" for finding in findings)


def _waivers(suppressed: Sequence[SuppressedFinding]) -> str:
    """Every suppressed finding, so that a reviewer sees each exception and why it was made."""
    return "| location | rule | message | reason |\n|---|---|---|---|\n" + "".join(
        f"| {_location(entry.finding)} | `{entry.finding.rule}` | {_cell(entry.finding.message)} "
        f"| {_cell(entry.reason) if entry.reason else '*no reason given*'} |\n"
        for entry in suppressed)


def _location(finding: Finding) -> str:
    return f"`{finding.path}:{finding.span.line}`"


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")
