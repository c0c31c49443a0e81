"""GitLab Code Quality report: a JSON array of issues that a merge request shows beside the
changed lines (`artifacts: reports: codequality:`). GitLab requires description,
check_name, fingerprint, severity and location (path, lines.begin) of each issue; it tells
issues apart by fingerprint, which is ours (stable across line shifts, unique per finding)."""

from __future__ import annotations

import json
from typing import Any, TextIO

from consistency_lint.model import Finding, RunResult, Severity
from consistency_lint.report.verbosity import Verbosity

# GitLab's scale is info, minor, major, critical, blocker; an error fails the pipeline
# (`--fail-on error`), which is what GitLab calls critical.
SEVERITIES = {Severity.ERROR: "critical", Severity.WARNING: "major", Severity.INFO: "info"}


def write(result: RunResult, stream: TextIO, verbosity: Verbosity = Verbosity.NORMAL) -> None:
    json.dump([issue(finding) for finding in result.findings], stream, ensure_ascii=False,
              indent=2)
    stream.write("\n")


def issue(finding: Finding) -> dict[str, Any]:
    return {
        "type": "issue",
        "description": finding.message,
        "check_name": finding.rule,
        "fingerprint": finding.fingerprint,
        "severity": SEVERITIES[finding.severity],
        "location": {"path": finding.path,
                     "lines": {"begin": finding.span.line, "end": finding.span.end_line}},
    }
