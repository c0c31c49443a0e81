"""`check --changed-since REF`: what a change does, also when it changes the tool's own files,
and clear advice when the clone lacks REF."""

from __future__ import annotations

import json
import shlex
import subprocess
from pathlib import Path
from typing import Any

from typer.testing import CliRunner

from consistency_lint.cli import app
from tests.conftest import write_project

runner = CliRunner()
PROJECT = "tresci"  # the configuration's directory, below the git repository's root
OLD_HOTLINE, NEW_HOTLINE = "22 350 40 50", "22 350 40 60"
CONFIG = {
    "version": 1,
    "facts": "facts.yaml",
    "channels": {
        "web": {"loader": "html", "paths": ["web/*.html"],
                "doc_types": {"contact": ["web/obsługa-klienta.html"]}},
        "kb": {"loader": "markdown", "paths": ["kb/*.md"], "profile": "call-center"},
        "letters": {"loader": "template", "paths": ["letters/*.j2"], "profile": "letter",
                    "variables": "letters/variables.yaml"},
    },
}
REGISTRY = """\
subjects:
  shop:
    name: Sklep Domovita
    aliases: ["Domovita", "nasz sklep"]
facts:
  - {subject: shop, attribute: hotline, value: "22 350 40 50"}
"""
CONTACT_PAGE = """\
<html lang="pl">
<head><title>Obsługa klienta</title></head>
<body>
<h1>Obsługa klienta sklepu Domovita</h1>
<p>Infolinia: 22 350 40 50, pn.–pt. 8:00–20:00.</p>
<p>Zapraszamy do kontaktu z naszym dzialem obsługi.</p>
</body>
</html>
"""
LETTER = """\
Dzień dobry {{ customer.name }},

zamówienie nr {{ order.number }} zostało wysłane.

W razie pytań zadzwoń na infolinię Domovita: 22 350 40 50.

Pozdrawiamy,
Zespół Domovita
"""
KB_ARTICLE = """\
---
owner: Dział Obsługi Klienta
---
# Reklamacje

Reklamacje przyjmujemy przez formularz na stronie. Dziekujemy klientom za cierpliwość.
"""
FILES = {"facts.yaml": REGISTRY, "web/obsługa-klienta.html": CONTACT_PAGE,
         "letters/variables.yaml": "- customer.name\n- order.number\n",
         "letters/wysylka.txt.j2": LETTER, "kb/reklamacje.md": KB_ARTICLE}

LETTER_STATES_OLD_HOTLINE = ("FACT-REGISTRY-MISMATCH", "fact-mismatch",
                             "letters/wysylka.txt.j2", 5)
TYPO_ON_CONTACT_PAGE = ("SPELLING-UNKNOWN-WORD", "spelling", "web/obsługa-klienta.html", 6)
LETTER_NOT_UPDATED = ("FACT-CHANGE-NOT-PROPAGATED", "fact-mismatch", "letters/wysylka.txt.j2", 5)
TYPO_IN_KB = ("SPELLING-UNKNOWN-WORD", "spelling", "kb/reklamacje.md", 6)


def _git(directory: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(["git", "-C", str(directory), "-c", "user.email=t@example.com",
                           "-c", "user.name=t", *args], capture_output=True, text=True,
                          check=False)


def _commit(repository: Path, message: str) -> None:
    assert _git(repository, "add", "-A").returncode == 0
    assert _git(repository, "commit", "-qm", message).returncode == 0


def _shop_on_main(tmp_path: Path, config: dict[str, Any] | None = CONFIG) -> Path:
    """A content repository whose `main` holds the project (with `config`, or none) under
    `tresci/`; the working tree is left on a new branch `nowa-infolinia`."""
    repository = tmp_path / "repo"
    project = write_project(repository / PROJECT, config or {}, FILES)
    if config is None:
        (project / "consistency-lint.yaml").unlink()
    (repository / "README.md").write_text("Treści sklepu Domovita.\n", encoding="utf-8")
    assert _git(repository, "init", "-q", "-b", "main").returncode == 0
    _commit(repository, "Treści sklepu")
    assert _git(repository, "checkout", "-qb", "nowa-infolinia").returncode == 0
    return repository


def _change_hotline(repository: Path, *files: str) -> None:
    for name in files:
        path = repository / PROJECT / name
        path.write_text(path.read_text(encoding="utf-8").replace(OLD_HOTLINE, NEW_HOTLINE),
                        encoding="utf-8")


def _check(project: Path, *args: str) -> tuple[int, dict[str, Any], str]:
    result = runner.invoke(app, ["check", str(project), "--format", "json",
                                 "--today", "2026-11-30", *args])
    report = json.loads(result.stdout) if result.stdout else {}
    return result.exit_code, report, result.stderr


def _keys(report: dict[str, Any]) -> list[tuple[str, str, str, int]]:
    return [(f["rule"], f["category"], f["path"], f["line"]) for f in report["findings"]]


def test_a_new_registry_value_flags_the_untouched_letter_that_states_the_old_one(
        tmp_path: Path) -> None:
    repository = _shop_on_main(tmp_path)
    _change_hotline(repository, "facts.yaml", "web/obsługa-klienta.html")
    _commit(repository, "Nowy numer infolinii")
    code, report, errors = _check(repository / PROJECT, "--changed-since", "main")
    assert (code, errors) == (1, "")
    # the touched page keeps its old typo; the kb article's typo predates the change; the
    # letter the change did not reach states the number the registry replaced
    assert _keys(report) == [LETTER_NOT_UPDATED, LETTER_STATES_OLD_HOTLINE,
                             TYPO_ON_CONTACT_PAGE]
    stale = report["findings"][0]
    assert stale["message"].startswith(
        "still states shop.hotline “22 350 40 50”, which facts.yaml:6 changed from "
        "“22 350 40 50” to “22 350 40 60”; this file has not changed since ")


def test_a_change_to_content_only_reports_the_changed_files(tmp_path: Path) -> None:
    repository = _shop_on_main(tmp_path)
    _change_hotline(repository, "web/obsługa-klienta.html")
    code, report, _ = _check(repository / PROJECT, "--changed-since", "main")
    assert code == 1
    # the registry and the letter still state the number the page replaced
    assert _keys(report) == [("FACT-CHANGE-NOT-PROPAGATED", "fact-mismatch", "facts.yaml", 6),
                             LETTER_NOT_UPDATED,
                             ("FACT-REGISTRY-MISMATCH", "fact-mismatch",
                              "web/obsługa-klienta.html", 5), TYPO_ON_CONTACT_PAGE]
    assert [document["path"] for document in report["documents"]] == [
        "web/obsługa-klienta.html"]


def test_a_remote_branch_the_clone_lacks_is_one_line_naming_what_to_fetch(
        tmp_path: Path) -> None:
    repository = _shop_on_main(tmp_path)
    clone = tmp_path / "clone"
    assert _git(tmp_path, "clone", "-q", str(repository), str(clone)).returncode == 0
    code, report, errors = _check(clone / PROJECT, "--changed-since", "origin/wydanie-2027")
    assert (code, report) == (2, {})
    assert errors == ("error: --changed-since: `origin/wydanie-2027` is not a commit in this "
                      "repository; fetch it first: git fetch origin "
                      "wydanie-2027:refs/remotes/origin/wydanie-2027\n")


def test_a_shallow_clone_without_the_ref_is_told_the_fetch_that_makes_it_work(
        tmp_path: Path) -> None:
    repository = _shop_on_main(tmp_path)
    _change_hotline(repository, "facts.yaml", "web/obsługa-klienta.html")
    _commit(repository, "Nowy numer infolinii")
    clone = tmp_path / "clone"
    assert _git(tmp_path, "clone", "-q", "--depth=1", "--branch", "nowa-infolinia",
                f"file://{repository}", str(clone)).returncode == 0
    code, _, errors = _check(clone / PROJECT, "--changed-since", "origin/main")
    fetch = ("git fetch --depth=50 origin main:refs/remotes/origin/main")
    assert (code, errors) == (2, "error: --changed-since: `origin/main` is not a commit in "
                                 f"this shallow clone; fetch it first: {fetch}\n")
    assert _git(clone, *shlex.split(fetch)[1:]).returncode == 0
    assert _git(clone, "merge-base", "HEAD", "origin/main").returncode != 0  # history cut
    code, report, _ = _check(clone / PROJECT, "--changed-since", "origin/main")
    assert (code, _keys(report)) == (1, [LETTER_NOT_UPDATED, LETTER_STATES_OLD_HOTLINE,
                                         TYPO_ON_CONTACT_PAGE])


def test_without_a_configuration_at_the_ref_every_finding_is_reported_with_a_warning(
        tmp_path: Path) -> None:
    repository = _shop_on_main(tmp_path, config=None)
    write_project(repository / PROJECT, CONFIG, {})
    _change_hotline(repository, "facts.yaml")
    code, report, errors = _check(repository / PROJECT, "--changed-since", "main")
    assert code == 1
    assert _keys(report) == [TYPO_IN_KB, LETTER_STATES_OLD_HOTLINE,
                             ("FACT-REGISTRY-MISMATCH", "fact-mismatch",
                              "web/obsługa-klienta.html", 5), TYPO_ON_CONTACT_PAGE]
    assert errors == ("warning: --changed-since: the project at `main` cannot be checked "
                      "(consistency-lint.yaml: cannot read file: No such file or directory); "
                      "reporting every finding in every file\n")
