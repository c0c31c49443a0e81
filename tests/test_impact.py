"""`impact`: the change plan of a change since a git ref, or of the registry's dated values
in a window, on git repositories built here (no network): which values changed, which places
already state the new one, and, by owner, which still state the old one."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from consistency_lint.cli import app
from consistency_lint.owners import CodeOwners
from tests.conftest import commit_project, write_project
from tests.report.test_html_report import CHROMIUM, rendered_dom

runner = CliRunner()
CONFIG = {"version": 1, "facts": "facts.yaml",
          "channels": {"web": {"loader": "html", "paths": ["web/*.html"], "owner": "Zespół WWW"},
                       "kb": {"loader": "markdown", "paths": ["kb/*.md"]},
                       "letters": {"loader": "text", "paths": ["letters/*.txt"]}}}
REGISTRY = """subjects:
  shop: {name: Sklep Meblino, aliases: [Meblino]}
facts:
  - {subject: shop, attribute: delivery_cost, value: "9,99 zł"}
  - {subject: shop, attribute: hotline, value: "22 350 40 50"}
"""
DATED = REGISTRY + """  - {subject: shop, attribute: free_delivery_threshold, value: "199 zł",
     effective_until: 2026-12-31}
  - {subject: shop, attribute: free_delivery_threshold, value: "249 zł",
     effective_from: 2027-01-01}
"""
WEB = "<p>Dostawa kosztuje 9,99 zł.</p>\n<p>Darmowa dostawa od 199 zł.</p>\n"
KB = "---\nowner: Dział Obsługi Klienta\n---\n# Dostawa\n\nKoszt dostawy: 9,99 zł.\n"
LETTER = "Dzień dobry,\n\nprzypominamy, że dostawa kosztuje 9,99 zł.\nInfolinia: 22 350 40 50.\n"
FILES = {"facts.yaml": REGISTRY, "web/dostawa.html": WEB, "kb/dostawa.md": KB,
         "letters/przypomnienie.txt": LETTER, "CODEOWNERS": "letters/ @listy\n"}


def _git(root: Path, *args: str) -> None:
    subprocess.run(["git", "-C", str(root), "-c", "user.email=t@example.com",
                    "-c", "user.name=t", *args], check=True, capture_output=True)


def _edit(root: Path, name: str, old: str, new: str) -> None:
    path = root / name
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new), encoding="utf-8")


def _plan(root: Path, *args: str) -> dict[str, Any]:
    result = runner.invoke(app, ["impact", str(root), "--format", "json", "--no-cache",
                                 "--today", "2026-11-30", *args])
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)  # type: ignore[no-any-return]


StalePlace = tuple[str, int, str | None]  # path, line, owner


def _summary(plan: dict[str, Any]) -> list[tuple[str, str, str, str, list[StalePlace]]]:
    """Per change: attribute, old, new, where it changed, and the stale places with owners."""
    return [(change["attribute"], change["old"], change["new"],
             f"{change['source']['path']}:{change['source']['line']}",
             [(place["path"], place["line"], place["owner"]) for place in change["stale"]])
            for change in plan["changes"]]


@pytest.fixture
def shop(tmp_path: Path) -> Path:
    return commit_project(tmp_path / "shop", CONFIG, FILES)


def test_a_page_changed_alone_leaves_the_registry_kb_and_letter_stale(shop: Path) -> None:
    _edit(shop, "web/dostawa.html", "kosztuje 9,99 zł", "kosztuje 12,99 zł")
    plan = _plan(shop, "--since", "HEAD")
    assert _summary(plan) == [("delivery_cost", "9,99 zł", "12,99 zł", "web/dostawa.html:1", [
        ("facts.yaml", 4, None), ("kb/dostawa.md", 6, "Dział Obsługi Klienta"),
        ("letters/przypomnienie.txt", 3, "@listy")])]
    assert plan["summary"] == {"changes": 1, "stale": 3, "by_owner": {
        "(no owner)": 1, "@listy": 1, "Dział Obsługi Klienta": 1}}


def test_places_changed_with_it_are_updated_and_not_stale(shop: Path) -> None:
    _edit(shop, "web/dostawa.html", "kosztuje 9,99 zł", "kosztuje 12,99 zł")
    _edit(shop, "kb/dostawa.md", "9,99 zł", "12,99 zł")
    _edit(shop, "facts.yaml", "9,99 zł", "12,99 zł")
    plan = _plan(shop, "--since", "HEAD")
    assert _summary(plan) == [("delivery_cost", "9,99 zł", "12,99 zł", "facts.yaml:4", [
        ("letters/przypomnienie.txt", 3, "@listy")])]
    assert [(place["path"], place["line"]) for place in plan["changes"][0]["updated"]] == [
        ("kb/dostawa.md", 6), ("web/dostawa.html", 1)]


def test_a_file_moved_and_changed_in_one_commit_is_followed(shop: Path) -> None:
    _git(shop, "mv", "kb/dostawa.md", "kb/dostawa-i-zwroty.md")
    _edit(shop, "kb/dostawa-i-zwroty.md", "9,99 zł", "12,99 zł")
    _git(shop, "commit", "-qam", "Nowa cena dostawy w bazie wiedzy")
    plan = _plan(shop, "--since", "HEAD~1")
    assert _summary(plan) == [("delivery_cost", "9,99 zł", "12,99 zł", "kb/dostawa-i-zwroty.md:6",
                               [("facts.yaml", 4, None), ("letters/przypomnienie.txt", 3, "@listy"),
                                ("web/dostawa.html", 1, "Zespół WWW")])]


def test_a_change_reverted_later_changes_nothing(shop: Path) -> None:
    _edit(shop, "letters/przypomnienie.txt", "22 350 40 50", "22 350 40 60")
    _git(shop, "commit", "-qam", "Nowy numer")
    _edit(shop, "letters/przypomnienie.txt", "22 350 40 60", "22 350 40 50")
    _git(shop, "commit", "-qam", "Jednak stary numer")
    assert _plan(shop, "--since", "HEAD~2")["changes"] == []


def test_the_owner_filter_keeps_that_owners_places(shop: Path) -> None:
    _edit(shop, "facts.yaml", "9,99 zł", "12,99 zł")
    plan = _plan(shop, "--since", "HEAD", "--owner", "@listy")
    assert _summary(plan) == [("delivery_cost", "9,99 zł", "12,99 zł", "facts.yaml:4", [
        ("letters/przypomnienie.txt", 3, "@listy")])]


def test_dated_registry_values_give_the_campaign_calendar(tmp_path: Path) -> None:
    shop = write_project(tmp_path / "shop", CONFIG, {**FILES, "facts.yaml": DATED})
    expected = [("free_delivery_threshold", "199 zł", "249 zł", "facts.yaml:8",
                 [("web/dostawa.html", 2, "Zespół WWW")])]
    assert _summary(_plan(shop, "--on", "2027-01-01")) == expected
    assert _summary(_plan(shop, "--between", "2026-12-01", "2027-01-31")) == expected
    assert _plan(shop, "--between", "2026-12-01", "2026-12-31")["changes"] == []
    assert _plan(shop, "--on", "2027-01-01")["changes"][0]["effective"] == "2027-01-01"


def test_markdown_plan_groups_the_stale_places_by_owner(shop: Path) -> None:
    _edit(shop, "facts.yaml", "22 350 40 50", "22 350 40 60")
    result = runner.invoke(app, ["impact", str(shop), "--since", "HEAD", "--format", "markdown",
                                 "--no-cache", "--today", "2026-11-30"])
    assert result.exit_code == 0
    assert result.stdout.splitlines()[-1] == (
        "| \\@listy | `letters/przypomnienie.txt:4` | letters | Infolinia\\: 22 350 40 50\\. |")


def test_one_window_is_required(shop: Path) -> None:
    for args in ([], ["--since", "HEAD", "--on", "2027-01-01"],
                 ["--between", "2027-02-01", "2027-01-01"]):
        result = runner.invoke(app, ["impact", str(shop), *args])
        assert result.exit_code == 2
        assert len(result.stderr.splitlines()) == 1 and result.stderr.startswith("error: impact:")


def test_findings_carry_their_files_owner_and_can_be_filtered_by_it(shop: Path) -> None:
    _edit(shop, "web/dostawa.html", "kosztuje 9,99 zł", "kosztuje 12,99 zł")
    args = ["check", str(shop), "--format", "json", "--no-cache", "--today", "2026-11-30",
            "--changed-since", "HEAD"]
    report = json.loads(runner.invoke(app, args).stdout)
    stale = [(f["path"], f["line"], f["owner"]) for f in report["findings"]
             if f["rule"] == "FACT-CHANGE-NOT-PROPAGATED"]
    assert stale == [("facts.yaml", 4, None), ("kb/dostawa.md", 6, "Dział Obsługi Klienta"),
                     ("letters/przypomnienie.txt", 3, "@listy")]
    mine = json.loads(runner.invoke(app, [*args, "--owner", "dział obsługi klienta"]).stdout)
    assert [(f["rule"], f["path"]) for f in mine["findings"]] == [
        ("FACT-CHANGE-NOT-PROPAGATED", "kb/dostawa.md")]


def test_codeowners_last_matching_pattern_wins() -> None:
    owners = CodeOwners.parse("# właściciele\n* @wszyscy\n[Sekcja]\n/kb/ @cc @kb  # baza\n"
                              "kb/archiwum/\n*.html @www\n")
    assert [owners.owner_of(path) for path in ("README.md", "kb/a.md", "kb/archiwum/b.md",
                                               "web/kb/x.html")] == [
        "@wszyscy", "@cc, @kb", "", "@www"]


@pytest.mark.skipif(CHROMIUM is None, reason="Chromium is not installed")
def test_the_html_plan_shows_the_stale_places_as_text(shop: Path, tmp_path: Path) -> None:
    _edit(shop, "letters/przypomnienie.txt", "Dzień dobry,", "<script>document.title='x'</script>")
    _git(shop, "commit", "-qam", "list")
    _edit(shop, "facts.yaml", "22 350 40 50", "22 350 40 60")
    output = tmp_path / "plan.html"
    result = runner.invoke(app, ["impact", str(shop), "--since", "HEAD", "--format", "html",
                                 "--output", str(output), "--no-cache", "--today", "2026-11-30"])
    assert result.exit_code == 0, result.output
    dom = rendered_dom(output, tmp=tmp_path)
    assert "<title>consistency-lint change plan – since HEAD</title>" in dom
    assert dom.count('<tr class="stale-place">') == 1
    assert "<h3>@listy</h3>" in dom


def test_a_hostile_codeowners_file_costs_bounded_work() -> None:
    owners = CodeOwners.parse("".join(f"/dir{number}/ @x\n" for number in range(20_000))
                              + "*" * 10_000 + " @y\n")
    assert len(owners.rules) == 5_000
    assert owners.owner_of("dir4999/a.md") == "@x" and owners.owner_of("dir5000/a.md") == ""


def test_an_unknown_ref_is_one_line_naming_the_option(shop: Path) -> None:
    result = runner.invoke(app, ["impact", str(shop), "--since", "wydanie-2027"])
    assert (result.exit_code, result.stderr) == (2, (
        "error: --since: `wydanie-2027` is not a commit in this repository; fetch it first: "
        "git fetch origin wydanie-2027\n"))


def test_a_codeowners_pattern_that_would_backtrack_for_minutes_is_left_out() -> None:
    owners = CodeOwners.parse("*a*a*a*a*a*a*a*a*a*a*b @x\n**/docs/**/*.md @docs\n")
    assert owners.owner_of("a" * 60 + ".md") == ""
    assert owners.owner_of("web/docs/pl/a.md") == "@docs"


def test_a_value_changed_in_one_of_two_sentences_of_a_file_named_with_a_space(
        tmp_path: Path) -> None:
    text = "Dostawa kosztuje 9,99 zł.\n\nPrzypominamy: dostawa kosztuje 9,99 zł.\n"
    shop = commit_project(tmp_path / "shop", {"version": 1, "channels": {
        "site": {"loader": "markdown", "paths": ["*.md"]}}},
        {"nowa strona.md": text, "kb.md": "Koszt dostawy: 9,99 zł.\n"})
    _edit(shop, "nowa strona.md", "Dostawa kosztuje 9,99 zł.", "Dostawa kosztuje 12,99 zł.")
    assert [(place["path"], place["line"]) for change in _plan(shop, "--since", "HEAD")[
        "changes"] for place in change["stale"]] == [("kb.md", 1), ("nowa strona.md", 3)]
