"""One module per output format; every reporter renders the same RunResult."""

from __future__ import annotations

from collections.abc import Callable
from enum import StrEnum
from typing import TextIO

from consistency_lint.model import RunResult
from consistency_lint.report import (
    github,
    html,
    json_report,
    junit,
    markdown,
    sarif,
    terminal,
)
from consistency_lint.report.verbosity import Verbosity


class ReportFormat(StrEnum):
    RICH = "rich"
    JSON = "json"
    JUNIT = "junit"
    GITHUB = "github"
    MARKDOWN = "markdown"
    HTML = "html"
    SARIF = "sarif"


Reporter = Callable[[RunResult, TextIO, Verbosity], None]

REPORTERS: dict[ReportFormat, Reporter] = {
    ReportFormat.RICH: terminal.write,
    ReportFormat.JSON: json_report.write,
    ReportFormat.JUNIT: junit.write,
    ReportFormat.GITHUB: github.write,
    ReportFormat.MARKDOWN: markdown.write,
    ReportFormat.HTML: html.write,
    ReportFormat.SARIF: sarif.write,
}

__all__ = ["REPORTERS", "ReportFormat", "Reporter", "Verbosity"]
