"""The legal checklist of a run (`pipeline.legal_checklist`): every legal requirement against
every document it applies to, passed, failed or waived by a suppression."""

from __future__ import annotations

from pathlib import Path

from consistency_lint.model import ChecklistState
from tests.conftest import lint, write_project

ODR = "Konsument może skorzystać z platformy ODR."
DIRECTIVE = "<!-- consistency-lint: disable=PL-CRA-ODR-PLATFORM{} -->"


def _odr_checklist(tmp_path: Path, files: dict[str, str]) -> list[tuple[str, str, str]]:
    config = {"version": 1, "rules": ["builtin:pl-consumer-rights-2014"],
              "channels": {"docs": {"loader": "markdown", "paths": ["*.md"]}}}
    write_project(tmp_path, config, files)
    return sorted((entry.path, entry.state.value, entry.waiver_reason)
                  for entry in lint(tmp_path).checklist if entry.rule == "PL-CRA-ODR-PLATFORM")


def test_suppressed_requirement_is_waived_with_its_reason_never_passed(tmp_path: Path) -> None:
    assert _odr_checklist(tmp_path, {
        "failed.md": f"{ODR}\n",
        "no-reason.md": f"{DIRECTIVE.format('')}\n{ODR}\n",
        "reason.md": f"{DIRECTIVE.format(' -- strona archiwalna')}\n{ODR}\n",
        "passed.md": "Zapraszamy do sklepu.\n",
    }) == [
        ("failed.md", ChecklistState.FAILED, ""),
        ("no-reason.md", ChecklistState.WAIVED, ""),
        ("passed.md", ChecklistState.PASSED, ""),
        ("reason.md", ChecklistState.WAIVED, "strona archiwalna"),
    ]


def test_a_reported_finding_outweighs_a_waived_one(tmp_path: Path) -> None:
    assert _odr_checklist(tmp_path, {
        "a.md": f"{DIRECTIVE.format(' -- archiwum')}\n{ODR}\n\nDrugi akapit.\n\n{ODR}\n",
    }) == [("a.md", ChecklistState.FAILED, "")]


def test_each_reason_of_a_waived_requirement_is_given_once(tmp_path: Path) -> None:
    waived = f"{DIRECTIVE.format(' -- archiwum')}\n{ODR}\n\n"
    assert _odr_checklist(tmp_path, {
        "a.md": f"{waived}{waived}{DIRECTIVE.format(' -- cytat z umowy')}\n{ODR}\n",
    }) == [("a.md", ChecklistState.WAIVED, "archiwum; cytat z umowy")]


def test_a_violation_the_baseline_hides_stays_failed_in_the_checklist(tmp_path: Path) -> None:
    _odr_checklist(tmp_path, {"a.md": f"{ODR}\n"})
    known = frozenset(finding.fingerprint for finding in lint(tmp_path).findings)
    result = lint(tmp_path, baseline=known)
    assert result.findings == ()
    assert [(entry.path, entry.state) for entry in result.checklist
            if entry.rule == "PL-CRA-ODR-PLATFORM"] == [("a.md", ChecklistState.FAILED)]
