"""reviewdog's Diagnostic Format (rdjson): `consistency-lint check --format rdjson | reviewdog
-f=rdjson -reporter=github-pr-review` comments on a pull request's changed lines, with the
findings' corrections as suggested changes. reviewdog counts columns in UTF-8 bytes, so the
run reads the lines findings are on (`RunResult.source_lines`) to count them so."""

from __future__ import annotations

import json
from collections.abc import Mapping
from typing import Any, TextIO

from consistency_lint.model import Finding, RunResult, Severity, Span
from consistency_lint.model.columns import encoded_column
from consistency_lint.report.verbosity import Verbosity

SOURCE = {"name": "consistency-lint"}
SEVERITIES = {Severity.ERROR: "ERROR", Severity.WARNING: "WARNING", Severity.INFO: "INFO"}


def write(result: RunResult, stream: TextIO, verbosity: Verbosity = Verbosity.NORMAL) -> None:
    json.dump(as_rdjson(result), stream, ensure_ascii=False, indent=2)
    stream.write("\n")


def as_rdjson(result: RunResult) -> dict[str, Any]:
    return {"source": SOURCE, "diagnostics": [
        _diagnostic(finding, result.source_lines) for finding in result.findings]}


def _diagnostic(finding: Finding, lines: Mapping[tuple[str, int], str]) -> dict[str, Any]:
    where = _range(finding.path, finding.span, lines)
    diagnostic: dict[str, Any] = {
        "message": finding.message,
        "location": {"path": finding.path, "range": where},
        "severity": SEVERITIES[finding.severity],
        "source": SOURCE,
        "code": {"value": finding.rule},
    }
    if finding.suggestions:
        diagnostic["suggestions"] = [{"range": where, "text": finding.suggestions[0]}]
    if finding.related:
        diagnostic["related_locations"] = [
            {"message": related.value or "", "location": {
                "path": related.path, "range": {"start": {"line": related.line}}}}
            for related in finding.related]
    return diagnostic


def _range(path: str, span: Span, lines: Mapping[tuple[str, int], str]) -> dict[str, Any]:
    return {"start": _position(path, span.line, span.column, lines),
            "end": _position(path, span.end_line, span.end_column, lines)}


def _position(path: str, line: int, column: int,
              lines: Mapping[tuple[str, int], str]) -> dict[str, int]:
    text = lines.get((path, line))
    return {"line": line,
            "column": column if text is None else encoded_column(text, column, "utf-8")}
