"""The terminal report (Rich): findings grouped by file, then a channel x severity table."""

from __future__ import annotations

from itertools import groupby
from typing import TextIO

from rich.console import Console
from rich.table import Table
from rich.text import Text

from consistency_lint.model import Finding, RunResult, Severity
from consistency_lint.model.terminal_text import visible
from consistency_lint.report.verbosity import Verbosity

SEVERITY_STYLES = {Severity.ERROR: "bold red", Severity.WARNING: "yellow", Severity.INFO: "cyan"}
SEVERITIES = (Severity.ERROR, Severity.WARNING, Severity.INFO)


def write(result: RunResult, stream: TextIO, verbosity: Verbosity = Verbosity.NORMAL) -> None:
    console = Console(file=stream, highlight=False, soft_wrap=True)
    for path, findings in groupby(result.findings, key=lambda finding: finding.path):
        _write_file(console, path, list(findings))
    if verbosity is Verbosity.VERBOSE:
        _write_documents(console, result)
        _write_suppressed(console, result)
    if verbosity is not Verbosity.QUIET:
        _write_summary(console, result)


def _write_file(console: Console, path: str, findings: list[Finding]) -> None:
    first = findings[0]
    header = Text(visible(path), style="bold underline")
    header.append(visible(f"  ({first.channel}{', ' + first.doc_type if first.doc_type else ''})"),
                  style="dim")
    console.print(header)
    for finding in findings:
        line = Text("  ")
        line.append(visible(f"{path}:{finding.span.line}:{finding.span.column}"), style="bold")
        line.append("  ")
        line.append(f"{finding.severity.value:<7}", style=SEVERITY_STYLES[finding.severity])
        line.append(visible(f" {finding.rule}"), style="magenta")
        line.append(f" [{finding.category.value}]", style="dim")
        line.append(visible(f"  {finding.message}"))
        console.print(line)
        if finding.excerpt:
            console.print(Text(visible(f"      │ {finding.excerpt}"), style="dim"))
        for related in finding.related:
            value = f" = {related.value}" if related.value else ""
            console.print(Text(visible(f"      ↳ {related.path}:{related.line} "
                                       f"({related.channel}){value}"), style="dim"))
    console.print()


def _write_documents(console: Console, result: RunResult) -> None:
    table = Table(title="Documents", title_justify="left")
    for column in ("path", "channel", "doc_type", "language", "words"):
        table.add_column(column, justify="right" if column == "words" else "left")
    for document in result.documents:
        table.add_row(*(Text(visible(cell)) for cell in (
            document.path, document.channel, document.doc_type or "—", document.language,
            str(document.words))))
    console.print(table)


def _write_suppressed(console: Console, result: RunResult) -> None:
    for entry in result.suppressed:
        finding = entry.finding
        reason = f" — {entry.reason}" if entry.reason else ""
        console.print(Text(visible(f"suppressed {finding.path}:{finding.span.line}:"
                                   f"{finding.span.column} {finding.rule}{reason}"), style="dim"))


def _write_summary(console: Console, result: RunResult) -> None:
    counts: dict[tuple[str, Severity], int] = {}
    for finding in result.findings:
        key = (finding.channel, finding.severity)
        counts[key] = counts.get(key, 0) + 1
    channels = sorted({document.channel for document in result.documents}
                      | {finding.channel for finding in result.findings})
    table = Table(title="Findings by channel", title_justify="left")
    table.add_column("channel")
    for severity in SEVERITIES:
        table.add_column(severity.value, justify="right", style=SEVERITY_STYLES[severity])
    table.add_column("total", justify="right", style="bold")
    for channel in channels:
        row = [counts.get((channel, severity), 0) for severity in SEVERITIES]
        table.add_row(Text(visible(channel)), *(str(n) for n in row), str(sum(row)))
    console.print(table)
    summary = result.summary
    suppressed = f", {len(result.suppressed)} suppressed" if result.suppressed else ""
    baseline = result.baseline
    baselined = (f"; the baseline hid {baseline.hidden}, {baseline.fixed} of its findings are "
                 "fixed" if baseline else "")
    console.print(f"{summary.findings} finding(s) in {summary.documents} document(s)"
                  f"{suppressed}{baselined}.")
