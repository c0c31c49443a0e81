"""SARIF 2.1.0, validated against the official OASIS schema kept in the fixtures."""

from __future__ import annotations

import io
import json
from pathlib import Path

import jsonschema

from consistency_lint.report.sarif import write
from tests.conftest import FIXTURES, lint, write_project

SCHEMA = json.loads((FIXTURES / "sarif" / "sarif-schema-2.1.0.json").read_text(encoding="utf-8"))
SAMPLES = Path(__file__).parent.parent.parent / "samples"


def _sarif(root: Path) -> dict[str, object]:
    stream = io.StringIO()
    write(lint(root, with_rule_descriptions=True), stream)  # as `--format sarif` asks
    report: dict[str, object] = json.loads(stream.getvalue())
    return report


def test_sample_report_is_valid_sarif_2_1_0() -> None:
    report = _sarif(SAMPLES)
    jsonschema.Draft4Validator(SCHEMA).validate(report)
    run = report["runs"][0]  # type: ignore[index]
    assert run["tool"]["driver"]["name"] == "consistency-lint"
    assert len(run["results"]) == 25


def test_results_carry_rule_level_region_fingerprint_and_related_locations() -> None:
    run = _sarif(SAMPLES)["runs"][0]  # type: ignore[index]
    outdated = next(r for r in run["results"] if r["ruleId"] == "FACT-OUTDATED")
    assert outdated["level"] == "error"
    assert outdated["locations"][0]["physicalLocation"] == {
        "artifactLocation": {"uri": "kb/sprzedaz-telefoniczna.md"},
        "region": {"startLine": 10, "startColumn": 49, "endLine": 10, "endColumn": 57,
                   "snippet": {"text": "Rower elektryczny Velora City E5 kosztuje teraz "
                                       "6 199 zł."}}}
    assert len(outdated["partialFingerprints"]["consistencyLint/v1"]) == 32
    assert outdated["relatedLocations"][0]["physicalLocation"]["artifactLocation"] == {
        "uri": "facts.yaml"}
    rule = run["tool"]["driver"]["rules"][outdated["ruleIndex"]]
    assert rule["id"] == "FACT-OUTDATED" and rule["defaultConfiguration"] == {"level": "error"}


def test_suppressed_findings_are_reported_as_suppressed(tmp_path: Path) -> None:
    config = {"version": 1, "rules": ["builtin:pl-consumer-rights-2014"],
              "channels": {"docs": {"loader": "markdown", "paths": ["a.md"]}}}
    write_project(tmp_path, config, {
        "a.md": "<!-- consistency-lint: disable=PL-CRA-ODR-PLATFORM -- archiwum -->\n"
                "Skorzystaj z platformy ODR.\n"})
    report = _sarif(tmp_path)
    jsonschema.Draft4Validator(SCHEMA).validate(report)
    (result,) = report["runs"][0]["results"]  # type: ignore[index]
    assert result["suppressions"] == [{"kind": "inSource", "justification": "archiwum"}]
