"""One module per output format; every reporter renders the same RunResult. A reporter's
module is imported when its format is asked for (the HTML one brings Jinja2), so that the
command line starts fast."""

from __future__ import annotations

import importlib
from collections.abc import Callable
from enum import StrEnum
from typing import TYPE_CHECKING, TextIO, cast

from consistency_lint.report.verbosity import Verbosity

if TYPE_CHECKING:
    from consistency_lint.model import RunResult


class ReportFormat(StrEnum):
    RICH = "rich"
    JSON = "json"
    JUNIT = "junit"
    GITHUB = "github"
    MARKDOWN = "markdown"
    HTML = "html"
    SARIF = "sarif"


Reporter = Callable[["RunResult", TextIO, Verbosity], None]

_MODULES: dict[ReportFormat, str] = {
    ReportFormat.RICH: "terminal",
    ReportFormat.JSON: "json_report",
    ReportFormat.JUNIT: "junit",
    ReportFormat.GITHUB: "github",
    ReportFormat.MARKDOWN: "markdown",
    ReportFormat.HTML: "html",
    ReportFormat.SARIF: "sarif",
}


def reporter(report_format: ReportFormat) -> Reporter:
    """The `write` function of the format's module."""
    module = importlib.import_module(f"{__name__}.{_MODULES[report_format]}")
    return cast(Reporter, module.write)


__all__ = ["ReportFormat", "Reporter", "Verbosity", "reporter"]
