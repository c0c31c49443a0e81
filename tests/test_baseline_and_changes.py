"""Adopting the tool on an existing repository: baselines and `--changed-since`."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

from typer.testing import CliRunner

from consistency_lint.cli import app
from consistency_lint.report import ReportFormat, Verbosity, reporter
from tests.conftest import FIXTURES, lint, single_channel_config, write_project

SHOP = FIXTURES / "projects" / "shop"
runner = CliRunner()


def _check(project: Path, *args: str) -> tuple[int, dict[str, object]]:
    result = runner.invoke(app, ["check", str(project), "--format", "json", *args])
    return result.exit_code, json.loads(result.stdout) if result.stdout else {}


def _rules(report: dict[str, object]) -> list[tuple[str, str]]:
    return [(f["rule"], f["path"]) for f in report["findings"]]  # type: ignore[index, union-attr]


def test_baseline_hides_known_findings_and_counts_fixed_ones(tmp_path: Path) -> None:
    project = tmp_path / "shop"
    shutil.copytree(SHOP, project)
    baseline = tmp_path / "baseline.json"
    assert runner.invoke(app, ["baseline", str(project), "--output", str(baseline)]).exit_code == 0
    code, report = _check(project, "--baseline", str(baseline))
    assert (code, _rules(report), report["baseline"]) == (0, [], {"hidden": 2, "fixed": 0})

    letter = project / "letters" / "wysylka.txt.j2"
    text = letter.read_text(encoding="utf-8")
    letter.write_text("Nowa linia na górze.\n\n" + text.replace("order.numer", "order.number")
                      + "\n{{ customer.emial }}\n", encoding="utf-8")
    code, report = _check(project, "--baseline", str(baseline))
    assert code == 1
    assert _rules(report) == [("TEMPLATE-UNKNOWN-VARIABLE", "letters/wysylka.txt.j2")]
    assert report["baseline"] == {"hidden": 1, "fixed": 1}


def test_a_file_that_is_not_a_baseline_is_a_usage_error(tmp_path: Path) -> None:
    bogus = tmp_path / "bogus.json"
    bogus.write_text("[1, 2]", encoding="utf-8")
    result = runner.invoke(app, ["check", str(SHOP), "--baseline", str(bogus)])
    assert result.exit_code == 2
    assert "not a consistency-lint baseline" in result.stderr


def test_changed_since_reports_only_changed_files(tmp_path: Path) -> None:
    project = tmp_path / "shop"
    shutil.copytree(SHOP, project)

    def git(*args: str) -> None:
        subprocess.run(["git", "-C", str(project), *args], check=True, capture_output=True)

    git("init", "-q")
    git("-c", "user.email=t@example.com", "-c", "user.name=t", "add", ".")
    git("-c", "user.email=t@example.com", "-c", "user.name=t", "commit", "-qm", "initial")
    kontakt = project / "web" / "kontakt.html"
    kontakt.write_text(kontakt.read_text(encoding="utf-8") + "\n", encoding="utf-8")
    code, report = _check(project, "--changed-since", "HEAD")
    assert (code, _rules(report)) == (0, [("FRESHNESS-NO-OWNER", "web/kontakt.html")])
    result = runner.invoke(app, ["check", str(project), "--changed-since", "no-such-ref"])
    assert (result.exit_code, result.stderr) == (2, (
        "error: --changed-since: `no-such-ref` is not a commit in this repository; fetch it "
        "first: git fetch origin no-such-ref\n"))


def test_the_audit_report_notes_uncommitted_changes_beside_the_commit(tmp_path: Path) -> None:
    project = write_project(tmp_path / "shop", single_channel_config("text", "*.txt"),
                            {"a.txt": "Treść.\n"})

    def git(*args: str) -> None:
        subprocess.run(["git", "-C", str(project), "-c", "user.email=t@example.com",
                        "-c", "user.name=t", *args], check=True, capture_output=True)

    git("init", "-q")
    git("add", ".")
    git("commit", "-qm", "initial")
    clean = lint(project).metadata
    (project / "a.txt").write_text("Treść zmieniona.\n", encoding="utf-8")
    edited = lint(project)
    assert (clean.git_commit, clean.git_uncommitted_changes) == (edited.metadata.git_commit,
                                                                False)
    assert edited.metadata.git_uncommitted_changes is True
    report = tmp_path / "audit.html"
    with report.open("w", encoding="utf-8") as stream:
        reporter(ReportFormat.HTML)(edited, stream, Verbosity.NORMAL)
    assert "with uncommitted changes: the documents below are not exactly this commit" in (
        report.read_text(encoding="utf-8"))
