"""A Markdown summary for `$GITHUB_STEP_SUMMARY` and merge-request comments."""

from __future__ import annotations

from typing import TextIO

from consistency_lint.model import RunResult, Severity
from consistency_lint.report.verbosity import Verbosity

ICONS = {Severity.ERROR: "🔴", Severity.WARNING: "🟡", Severity.INFO: "🔵"}


def write(result: RunResult, stream: TextIO, verbosity: Verbosity = Verbosity.NORMAL) -> None:
    summary = result.summary
    stream.write("## consistency-lint\n\n")
    counts = ", ".join(f"{count} {severity}" for severity, count in summary.by_severity.items())
    stream.write(f"**{summary.findings} finding(s)** in {summary.documents} document(s)"
                 f"{f' ({counts})' if counts else ''}.\n\n")
    if summary.by_category:
        stream.write("| category | findings |\n|---|---:|\n")
        for category, count in summary.by_category.items():
            stream.write(f"| {category} | {count} |\n")
        stream.write("\n")
    if not result.findings:
        return
    stream.write("| | location | rule | message |\n|---|---|---|---|\n")
    for finding in result.findings:
        location = f"`{finding.path}:{finding.span.line}`"
        stream.write(f"| {ICONS[finding.severity]} | {location} | `{finding.rule}` | "
                     f"{_cell(finding.message)} |\n")


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")
