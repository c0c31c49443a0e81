"""GitHub Actions workflow commands: one annotation per finding on the changed lines
(`::error file=...,line=...::message`). Paths are relative to the configuration file, which
should sit at the repository root for the annotations to land."""

from __future__ import annotations

from typing import TextIO

from consistency_lint.model import Finding, RunResult, Severity
from consistency_lint.report.verbosity import Verbosity

COMMANDS = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "notice"}


def write(result: RunResult, stream: TextIO, verbosity: Verbosity = Verbosity.NORMAL) -> None:
    for finding in result.findings:
        stream.write(annotation(finding) + "\n")


def annotation(finding: Finding) -> str:
    span = finding.span
    properties = {
        "file": finding.path,
        "line": str(span.line),
        "col": str(span.column),
        "endLine": str(span.end_line),
        "endColumn": str(span.end_column),
        "title": f"{finding.rule} [{finding.category.value}]",
    }
    joined = ",".join(f"{key}={_escape_property(value)}" for key, value in properties.items())
    return f"::{COMMANDS[finding.severity]} {joined}::{_escape_data(finding.message)}"


def _escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(text: str) -> str:
    return _escape_data(text).replace(":", "%3A").replace(",", "%2C")
