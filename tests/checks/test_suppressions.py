"""Inline suppressions in every format: scope, reason, unused and unknown ones."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from consistency_lint.cli import app
from consistency_lint.report.json_report import write
from tests.conftest import keys, lint, write_project

GOVERNED = {"governance": {"require_owner": True}}
ODR = "Konsument może skorzystać z platformy ODR."
PACK = {"rules": ["builtin:pl-consumer-rights-2014"]}


def _lint(tmp_path: Path, loader: str, name: str, content: str,
          extra: dict[str, object] | None = None) -> list[tuple[str, int]]:
    config = {"version": 1, **PACK, **(extra or {}),
              "channels": {"docs": {"loader": loader, "paths": [name]}}}
    write_project(tmp_path, config, {name: content})
    return [(rule, line) for rule, _, _, line in keys(lint(tmp_path).findings)]


@pytest.mark.parametrize(
    ("loader", "name", "content"),
    [
        ("html", "a.html",
         f"<p>{ODR}</p>\n<!-- consistency-lint: disable=PL-CRA-ODR-PLATFORM -- archiwum -->\n"
         f"<p>{ODR}</p>\n"),
        ("markdown", "a.md",
         f"{ODR}\n\n<!-- consistency-lint: disable=PL-CRA-ODR-PLATFORM -- archiwum -->\n{ODR}\n"),
        ("faq", "a.yaml",
         f"- question: Spory?\n  answer: {ODR}\n"
         "# consistency-lint: disable=PL-CRA-ODR-PLATFORM -- archiwum\n"
         f"- question: Spór?\n  answer: {ODR}\n"),
        ("template", "a.txt.j2",
         f"{ODR}\n\n{{# consistency-lint: disable=PL-CRA-ODR-PLATFORM -- archiwum #}}\n{ODR}\n"),
    ],
    ids=["html", "markdown", "yaml-faq", "jinja"],
)
def test_directive_silences_only_the_next_segment(tmp_path: Path, loader: str, name: str,
                                                  content: str) -> None:
    findings = _lint(tmp_path, loader, name, content)
    assert [rule for rule, _ in findings] == ["PL-CRA-ODR-PLATFORM"]
    assert findings[0][1] in (1, 2)


def test_file_scope_and_front_matter(tmp_path: Path) -> None:
    text = ("---\nlint_disable: [FRESHNESS-NO-OWNER]\n---\n"
            "<!-- consistency-lint: disable-file=legal-prohibited -- strona archiwalna -->\n"
            f"{ODR}\n\n{ODR}\n")
    assert _lint(tmp_path, "markdown", "a.md", text, GOVERNED) == []


def test_reason_is_kept_in_the_json_report(tmp_path: Path) -> None:
    directive = "<!-- consistency-lint: disable=PL-CRA-ODR-PLATFORM -- strona archiwalna -->"
    content = f"{directive}\n{ODR}\n"
    config = {"version": 1, **PACK, "channels": {"docs": {"loader": "markdown", "paths": ["a.md"]}}}
    write_project(tmp_path, config, {"a.md": content})
    stream = io.StringIO()
    write(lint(tmp_path), stream)
    report = json.loads(stream.getvalue())
    assert report["findings"] == []
    assert [(s["rule"], s["line"], s["reason"]) for s in report["suppressed"]] == [
        ("PL-CRA-ODR-PLATFORM", 2, "strona archiwalna")]


def test_unused_and_unknown_suppressions_are_reported(tmp_path: Path) -> None:
    text = ("<!-- consistency-lint: disable=PL-CRA-ODR-PLATFORM -- archiwum -->\n"
            "Treść bez problemów.\n\n"
            "<!-- consistency-lint: disable=NO-SUCH-RULE -->\nTreść.\n")
    findings = _lint(tmp_path, "markdown", "a.md", text)
    assert findings == [("SUPPRESSION-UNUSED", 1), ("SUPPRESSION-UNUSED", 4)]


HOUSE_PACK = """pack: house
language: pl
rules:
  - id: HOUSE-VOUCHER
    category: legal-prohibited
    message: Bon tylko na życzenie klienta.
    why: Zwrot pieniędzy następuje tym samym sposobem, jakim klient zapłacił.
    forbid:
      all: [bon]
"""


@pytest.mark.parametrize(
    ("content", "directive_line", "waived_line"),
    [
        (f"<!-- consistency-lint: disable=PL-CRA-ODR-PLATFORM -->\n{ODR}\n", 1, 2),
        (f"<!-- consistency-lint: disable=PL-CRA-ODR-PLATFORM --  -->\n{ODR}\n", 1, 2),
        (f"Dostawa.\n\n<!-- consistency-lint: disable-file=legal-prohibited -->\n{ODR}\n", 3, 4),
        (f"---\nowner: zespół prawny\nlint_disable: [PL-CRA-ODR-PLATFORM]\n---\n{ODR}\n", 3, 5),
    ],
    ids=["rule-id", "blank-reason", "category", "front-matter"],
)
def test_legal_suppression_without_reason_is_reported_at_the_directive(
        tmp_path: Path, content: str, directive_line: int, waived_line: int) -> None:
    write_project(tmp_path, {"version": 1, **PACK, "channels": {
        "docs": {"loader": "markdown", "paths": ["a.md"]}}}, {"a.md": content})
    result = lint(tmp_path)
    assert keys(result.findings) == [
        ("SUPPRESSION-WITHOUT-REASON", "input", "a.md", directive_line)]
    assert keys([entry.finding for entry in result.suppressed]) == [
        ("PL-CRA-ODR-PLATFORM", "legal-prohibited", "a.md", waived_line)]


@pytest.mark.parametrize(
    ("content", "extra"),
    [
        (f"<!-- consistency-lint: disable=PL-CRA-ODR-PLATFORM -- strona archiwalna -->\n{ODR}\n",
         {}),
        (f"---\nlint_disable: [PL-CRA-ODR-PLATFORM]\nlint_disable_reason: archiwum\n---\n{ODR}\n",
         {}),
        ("---\nlint_disable: [FRESHNESS-NO-OWNER]\n---\nDostawa w dwa dni.\n", GOVERNED),
    ],
    ids=["inline-reason", "front-matter-reason", "not-a-legal-rule"],
)
def test_suppression_with_a_reason_or_of_another_category_is_not_reported(
        tmp_path: Path, content: str, extra: dict[str, object]) -> None:
    assert _lint(tmp_path, "markdown", "a.md", content, extra) == []


def test_project_pack_legal_rule_needs_a_reason_too(tmp_path: Path) -> None:
    config = {"version": 1, "rules": ["house.yaml"],
              "channels": {"docs": {"loader": "markdown", "paths": ["a.md"]}}}
    write_project(tmp_path, config, {"house.yaml": HOUSE_PACK, "a.md": (
        "<!-- consistency-lint: disable=HOUSE-VOUCHER -->\nZwrot w formie bonu.\n")})
    result = lint(tmp_path)
    assert keys(result.findings) == [("SUPPRESSION-WITHOUT-REASON", "input", "a.md", 1)]
    assert [entry.finding.rule for entry in result.suppressed] == ["HOUSE-VOUCHER"]


def test_reasonless_legal_suppression_is_reported_even_when_it_silences_nothing(
        tmp_path: Path) -> None:
    text = "<!-- consistency-lint: disable=PL-CRA-ODR-PLATFORM -->\nTreść bez problemów.\n"
    assert _lint(tmp_path, "markdown", "a.md", text) == [
        ("SUPPRESSION-UNUSED", 1), ("SUPPRESSION-WITHOUT-REASON", 1)]


def test_a_directive_naming_the_rule_itself_does_not_hide_it(tmp_path: Path) -> None:
    text = ("<!-- consistency-lint: disable=SUPPRESSION-WITHOUT-REASON,PL-CRA-ODR-PLATFORM -->\n"
            f"{ODR}\n")
    assert _lint(tmp_path, "markdown", "a.md", text) == [("SUPPRESSION-WITHOUT-REASON", 1)]


def test_message_names_the_legal_rules_and_how_to_give_a_reason(tmp_path: Path) -> None:
    write_project(tmp_path, {"version": 1, **PACK, "channels": {
        "docs": {"loader": "markdown", "paths": ["a.md"]}}}, {"a.md": (
            "<!-- consistency-lint: disable=FRESHNESS-NO-OWNER,PL-CRA-ODR-PLATFORM,"
            f"legal-missing-clause -->\n{ODR}\n")})
    assert [finding.message for finding in lint(tmp_path).findings] == [
        "suppression of legal rule(s) PL-CRA-ODR-PLATFORM, legal-missing-clause gives no "
        "reason: write it after the ids (`disable=ID -- reason`), or in front matter as "
        "`lint_disable_reason:`"]


@pytest.mark.parametrize(
    ("options", "exit_code"),
    [(["--fail-on", "warning"], 1), (["--fail-on", "error"], 0)],
)
def test_reasonless_legal_suppression_fails_a_run_at_warning(
        tmp_path: Path, options: list[str], exit_code: int) -> None:
    write_project(tmp_path, {"version": 1, **PACK, "channels": {
        "docs": {"loader": "markdown", "paths": ["a.md"]}}}, {
            "a.md": f"<!-- consistency-lint: disable=PL-CRA-ODR-PLATFORM -->\n{ODR}\n"})
    result = CliRunner().invoke(app, ["check", str(tmp_path), "--format", "json",
                                      "--today", "2026-11-30", *options])
    assert result.exit_code == exit_code, result.output


@pytest.mark.parametrize(("override", "severities"), [("error", ["error"]), ("off", [])])
def test_severity_override_applies_to_findings_about_suppressions(
        tmp_path: Path, override: str, severities: list[str]) -> None:
    write_project(tmp_path, {
        "version": 1, **PACK, "severity": {"SUPPRESSION-WITHOUT-REASON": override},
        "channels": {"docs": {"loader": "markdown", "paths": ["a.md"]}}}, {
            "a.md": f"<!-- consistency-lint: disable=PL-CRA-ODR-PLATFORM -->\n{ODR}\n"})
    assert [finding.severity.value for finding in lint(tmp_path).findings] == severities
