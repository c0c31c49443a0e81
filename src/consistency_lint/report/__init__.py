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
    """The table of report formats: each member is a `--format` value and names the module
    under report/ whose `write` renders it. Adding a format is its module and one line here."""

    RICH = "rich", "terminal"
    JSON = "json", "json_report"
    JUNIT = "junit", "junit"
    GITHUB = "github", "github"
    MARKDOWN = "markdown", "markdown"
    HTML = "html", "html"
    SARIF = "sarif", "sarif"
    GITLAB = "gitlab", "gitlab"
    RDJSON = "rdjson", "rdjson"

    module: str

    def __new__(cls, value: str, module: str) -> ReportFormat:
        member = str.__new__(cls, value)
        member._value_ = value
        member.module = module
        return member


Reporter = Callable[["RunResult", TextIO, Verbosity], None]


def reporter(report_format: ReportFormat) -> Reporter:
    """The `write` function of the format's module."""
    module = importlib.import_module(f"{__name__}.{report_format.module}")
    return cast(Reporter, module.write)


__all__ = ["ReportFormat", "Reporter", "Verbosity", "reporter"]
