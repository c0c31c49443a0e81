"""A Markdown summary for `$GITHUB_STEP_SUMMARY` and merge-request comments.

File names, messages, reasons and rule ids come from the content repository, so each is
written so that it renders as the literal text it is: a file named `# All checks passed`
or `![x](https://…)` must not become a heading, an image, a link or HTML in the summary,
nor end a table row early."""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import TextIO

from consistency_lint.model import Finding, RunResult, Severity, Summary, SuppressedFinding
from consistency_lint.model.terminal_text import visible
from consistency_lint.report.verbosity import Verbosity

ICONS = {Severity.ERROR: "🔴", Severity.WARNING: "🟡", Severity.INFO: "🔵"}
# CommonMark lets a backslash make any ASCII punctuation character literal, and only those
# characters start Markdown syntax inside a line (`#`, `!`, `[`, `<`, `*`, `|`, `` ` ``, ...).
_ASCII_PUNCTUATION = re.compile(r"[!-/:-@\[-`{-~]")
_BACKTICK_RUNS = re.compile("`+")


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
        f"| {ICONS[finding.severity]} | {_location(finding)} | {code_span(finding.rule)} | "
        f"{literal_text(finding.message)} |\n" for finding in findings)


def _waivers(suppressed: Sequence[SuppressedFinding]) -> str:
    """Every suppressed finding, so that a reviewer sees each exception and why it was made."""
    return "| location | rule | message | reason |\n|---|---|---|---|\n" + "".join(
        f"| {_location(entry.finding)} | {code_span(entry.finding.rule)} | "
        f"{literal_text(entry.finding.message)} "
        f"| {literal_text(entry.reason) if entry.reason else '*no reason given*'} |\n"
        for entry in suppressed)


def _location(finding: Finding) -> str:
    return code_span(f"{finding.path}:{finding.span.line}")


def literal_text(text: str) -> str:
    """`text` as literal Markdown in a table cell: every ASCII punctuation character
    backslash-escaped (this also keeps `|` from ending the cell)."""
    return _ASCII_PUNCTUATION.sub(lambda match: "\\" + match.group(), _one_line(text))


def code_span(text: str) -> str:
    """`text` as a code span in a table cell, where nothing but backticks and `|` is syntax:
    the fence is one backtick longer than any run inside, padded with spaces when the text
    starts or ends with a backtick or a space (the renderer strips one of each), and `|` is
    escaped, which tables undo even inside code."""
    text = _one_line(text).replace("|", "\\|")
    fence = "`" * (1 + max((len(run) for run in _BACKTICK_RUNS.findall(text)), default=0))
    padding = " " if text[:1] in ("`", " ") or text[-1:] in ("`", " ") else ""
    return f"{fence}{padding}{text}{padding}{fence}"


def _one_line(text: str) -> str:
    """A table row is one line: newlines become spaces, other control characters `\\xNN`."""
    return visible(text).replace("\n", " ")
