"""The HTML audit report, opened in a real headless Chromium: filters work, counts are right,
and content that contains HTML or JavaScript is shown as text and never executed."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest
from typer.testing import CliRunner

from consistency_lint.cli import app
from tests.conftest import write_project

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
PAYLOAD = ("Klient pisze: <script>document.title='pwned'</script> "
           "<img src=x onerror=\"document.title='pwned'\"> Skorzystaj z platformy ODR.")

pytestmark = pytest.mark.skipif(CHROMIUM is None, reason="Chromium is not installed "
                                "(.ci/run installs the Debian package)")


@pytest.fixture(scope="module")
def report(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("project")
    config = {"version": 1, "rules": ["builtin:pl-consumer-rights-2014"],
              "governance": {"require_owner": True},
              "channels": {"kb": {"loader": "text", "paths": ["kb/*.txt"]},
                           "web": {"loader": "html", "paths": ["web/*.html"]}}}
    write_project(root, config, {
        "kb/skrypt.txt": PAYLOAD + "\n\nZwrot towaru możliwy w ciągu 7 dni.\n",
        "web/index.html": "<p>Witamy w sklepie.</p>",
    })
    output = root / "report.html"
    result = CliRunner().invoke(app, ["check", str(root), "--format", "html", "--output",
                                      str(output), "--today", "2026-11-30"])
    assert result.exit_code == 1, result.output
    return output


def rendered_dom(report: Path, fragment: str = "", tmp: Path | None = None) -> str:
    profile = (tmp or report.parent) / "chromium-profile"
    command = [CHROMIUM or "chromium", "--headless", "--no-sandbox", "--disable-gpu",
               "--disable-quic", "--no-first-run", "--disable-background-networking",
               "--disable-component-update", "--disable-sync", f"--user-data-dir={profile}",
               "--virtual-time-budget=2000", "--dump-dom", f"file://{report}{fragment}"]
    completed = subprocess.run(command, capture_output=True, text=True, timeout=120, check=True)
    return completed.stdout


def _visible_findings(dom: str) -> list[str]:
    rows = re.findall(r'<tr class="finding"([^>]*)>', dom)
    return [re.search(r'data-severity="(\w+)"', row).group(1)  # type: ignore[union-attr]
            for row in rows if "display: none" not in row]


def test_all_findings_are_listed_with_the_right_counts(report: Path) -> None:
    dom = rendered_dom(report)
    assert sorted(_visible_findings(dom)) == ["error"] + ["warning"] * 3
    assert '<span id="shown-count">4 of 4 shown</span>' in dom
    assert '<strong id="total-findings">4</strong>' in dom


def test_filters_preset_from_the_address_hide_other_rows(report: Path) -> None:
    dom = rendered_dom(report, "#severity=warning&channel=kb")
    assert _visible_findings(dom) == ["warning"] * 2
    assert '<span id="shown-count">2 of 4 shown</span>' in dom


def test_content_with_html_or_javascript_is_shown_as_text_never_run(report: Path) -> None:
    dom = rendered_dom(report)
    assert "<title>consistency-lint audit report – 2026-11-30</title>" in dom
    assert "pwned" not in re.search(r"<title>(.*?)</title>", dom).group(1)  # type: ignore[union-attr]
    assert "&lt;script&gt;document.title='pwned'&lt;/script&gt;" in dom
    assert "<img src=\"x\"" not in dom and "<script>document.title" not in dom


def test_report_is_self_contained(report: Path) -> None:
    html = report.read_text(encoding="utf-8")
    assert not re.search(r"""(?:src|href)=["']https?://""", html)
    assert "<link" not in html and "@import" not in html


ODR = "Konsument może skorzystać z platformy ODR."


@pytest.fixture(scope="module")
def waiver_report(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """PL-CRA-ODR-PLATFORM reported in one document, suppressed without a reason in another,
    not broken in a third."""
    root = tmp_path_factory.mktemp("waivers")
    config = {"version": 1, "rules": ["builtin:pl-consumer-rights-2014"],
              "channels": {"kb": {"loader": "markdown", "paths": ["kb/*.md"]}}}
    write_project(root, config, {
        "kb/failed.md": f"{ODR}\n",
        "kb/waived.md": f"<!-- consistency-lint: disable=PL-CRA-ODR-PLATFORM -->\n{ODR}\n",
        "kb/passed.md": "Zapraszamy do sklepu.\n",
    })
    output = root / "report.html"
    result = CliRunner().invoke(app, ["check", str(root), "--format", "html", "--output",
                                      str(output), "--today", "2026-11-30"])
    assert result.exit_code == 0, result.output
    return output


def _cells(row: str) -> list[str]:
    """The text of each cell of a table row, tags dropped and spaces collapsed."""
    return [" ".join(re.sub(r"<[^>]+>", " ", cell).split())
            for cell in re.findall(r"<td[^>]*>(.*?)</td>", row, re.DOTALL)]


def _row(dom: str, row_class: str, rule: str) -> list[str]:
    rows = re.findall(rf'<tr class="{row_class}" data-rule="{rule}"[^>]*>(.*?)</tr>', dom,
                      re.DOTALL)
    assert len(rows) == 1, rows
    return _cells(rows[0])


def test_waivers_section_lists_the_suppressed_finding_with_its_reason(
        waiver_report: Path) -> None:
    cells = _row(rendered_dom(waiver_report), "waiver", "PL-CRA-ODR-PLATFORM")
    assert (cells[0], cells[1], cells[2], cells[4]) == (
        "kb/waived.md:2:1 kb", "warning", "PL-CRA-ODR-PLATFORM legal-prohibited",
        "no reason given")


def test_checklist_shows_the_waived_requirement_as_waived_not_passing(
        waiver_report: Path) -> None:
    cells = _row(rendered_dom(waiver_report), "check", "PL-CRA-ODR-PLATFORM")
    assert cells[2:] == ["1/3", "1", "fail: kb/failed.md waived: kb/waived.md — no reason given "
                                     "1 passing kb/passed.md"]


def test_scorecard_does_not_count_waived_checks_as_passed(waiver_report: Path) -> None:
    card = re.search(r"Legal checks passed: (.*?)</div>", rendered_dom(waiver_report)).group(1)  # type: ignore[union-attr]
    passed, total = map(int, re.search(r"(\d+)/(\d+)", card).groups())  # type: ignore[union-attr]
    assert total - passed == 2  # one failed, one waived
    assert re.sub(r"<[^>]+>", "", card).endswith(", 1 waived")


def test_findings_can_be_filtered_by_owner(tmp_path: Path) -> None:
    config = {"version": 1, "channels": {
        "kb": {"loader": "text", "paths": ["kb/*.txt"], "owner": "Dział Obsługi Klienta"},
        "web": {"loader": "text", "paths": ["web/*.txt"], "owner": "Zespół WWW"}}}
    root = write_project(tmp_path / "project", config, {
        "kb/a.txt": "Dziekujemy za zakupy.\n", "web/b.txt": "Dziekujemy i zapraszamy.\n"})
    output = tmp_path / "report.html"
    result = CliRunner().invoke(app, ["check", str(root), "--format", "html", "--output",
                                      str(output), "--today", "2026-11-30"])
    assert result.exit_code == 0, result.output
    dom = rendered_dom(output, "#owner=Zespół WWW", tmp=tmp_path)
    assert '<span id="shown-count">1 of 2 shown</span>' in dom
    assert re.findall(r'<tr class="finding"[^>]*data-owner="([^"]*)"(?![^>]*display: none)',
                      dom) == ["Zespół WWW"]
