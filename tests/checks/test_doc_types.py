"""Any document type runs (CONTRACT §2); a type a small edit away from a known one, wherever
it is written, is reported as the typo it most likely is, and the run goes on."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

from typer.testing import CliRunner

from consistency_lint.cli import app
from consistency_lint.rules.doc_types import DocTypes
from tests.conftest import keys, lint, write_project

runner = CliRunner()
CUSTOM_TYPES = ("cookie-policy", "imprint", "about", "refund-notice", "consumer-information",
                "payment", "portal-terms")
HOUSE_PACK = """pack: house
language: pl
rules:
  - id: HOUSE-COOKIE-CONSENT
    category: legal-prohibited
    message: Zgoda na cookies nie wynika z samego korzystania ze strony.
    why: Zgoda musi być wyrażona aktywnie, nie przez samo przeglądanie strony.
    applies_to: {doc_types: [cookie-policy]}
    forbid:
      all: [korzystanie ze strony oznacza zgodę]
"""


def _web_config(doc_types: dict[str, list[str]], **extra: Any) -> dict[str, Any]:
    return {"version": 1, "rules": ["builtin:pl-consumer-rights-2014"], **extra,
            "channels": {"web": {"loader": "markdown", "paths": ["web/*.md"],
                                 "doc_types": doc_types}}}


def _check(root: Path, *args: str) -> tuple[int, dict[str, Any], str]:
    result = runner.invoke(app, ["check", str(root), "--format", "json", "--no-cache", *args])
    return result.exit_code, json.loads(result.stdout), result.stderr


def test_a_configuration_with_custom_document_types_runs(tmp_path: Path) -> None:
    files = {f"web/{name}.md": f"# {name}\n\nSklep Meblino sp. z o.o.\n" for name in CUSTOM_TYPES}
    write_project(tmp_path, _web_config({name: [f"web/{name}.md"] for name in CUSTOM_TYPES}),
                  files)
    code, report, stderr = _check(tmp_path, "--fail-on", "info")
    assert code in (0, 1), stderr
    assert [d["doc_type"] for d in report["documents"]] == sorted(CUSTOM_TYPES)
    assert [f for f in report["findings"] if f["category"] == "input"] == []
    assert "warning" not in stderr


def test_a_misspelt_configured_type_is_reported_with_the_type_meant_and_runs(
        tmp_path: Path) -> None:
    config = _web_config({"regulamim": ["web/regulamin.md"], "return": ["web/zwroty.md"],
                          "cookie-policy": ["web/cookies.md"]})
    write_project(tmp_path, config, {"web/regulamin.md": "# Regulamin\n\nTreść.\n",
                                     "web/zwroty.md": "# Zwroty\n\nTreść.\n",
                                     "web/cookies.md": "# Cookies\n\nTreść.\n"})
    code, report, stderr = _check(tmp_path)
    assert code == 0
    typos = [(f["rule"], f["category"], f["severity"], f["path"], f["line"], f["channel"])
             for f in report["findings"] if f["rule"] == "INPUT-DOC-TYPE-TYPO"]
    assert typos == [("INPUT-DOC-TYPE-TYPO", "input", "info", "consistency-lint.yaml", 10, "web"),
                     ("INPUT-DOC-TYPE-TYPO", "input", "info", "consistency-lint.yaml", 12, "web")]
    assert "did you mean terms?" in report["findings"][0]["message"]
    assert "did you mean returns?" in report["findings"][1]["message"]
    assert [d["doc_type"] for d in report["documents"]] == ["cookie-policy", "regulamim", "return"]
    assert stderr.splitlines()[:2] == [
        "warning: consistency-lint.yaml:10: channel `web`: doc type `regulamim` is not one the "
        "packs know; did you mean terms? (it runs as written, without the rules scoped to terms; "
        "declare a custom type under a pack's `doc_types:`)",
        "warning: consistency-lint.yaml:12: channel `web`: doc type `return` is not one the "
        "packs know; did you mean returns? (it runs as written, without the rules scoped to "
        "returns; declare a custom type under a pack's `doc_types:`)"]


def test_a_misspelt_type_in_front_matter_a_meta_tag_or_a_template_header_is_reported(
        tmp_path: Path) -> None:
    config = {"version": 1, "channels": {
        "kb": {"loader": "markdown", "paths": ["kb/*.md"]},
        "web": {"loader": "html", "paths": ["web/*.html"]},
        "letters": {"loader": "template", "paths": ["letters/*.j2"]}}}
    write_project(tmp_path, config, {
        "kb/zwroty.md": "---\nowner: Anna\ndoc_type: retruns\n---\n# Zwroty\n\nTreść.\n",
        "web/regulamin.html": '<html><head>\n<meta name="doc_type" content="Regulamin">\n'
                              "</head><body><p>Treść.</p></body></html>\n",
        "letters/odpowiedz.txt.j2": "{# ---\ndoc_type: complaint-responce\n--- #}\n"
                                    "Szanowni Państwo, dziękujemy.\n"})
    findings = [f for f in lint(tmp_path).findings if f.rule == "INPUT-DOC-TYPE-TYPO"]
    assert keys(findings) == [
        ("INPUT-DOC-TYPE-TYPO", "input", "kb/zwroty.md", 3),
        ("INPUT-DOC-TYPE-TYPO", "input", "letters/odpowiedz.txt.j2", 2),
        ("INPUT-DOC-TYPE-TYPO", "input", "web/regulamin.html", 2)]
    assert ["did you mean returns?" in findings[0].message,
            "did you mean complaint-response?" in findings[1].message,
            "did you mean terms?" in findings[2].message] == [True, True, True]


def test_a_pack_may_scope_a_rule_to_a_type_it_does_not_declare(tmp_path: Path) -> None:
    config = {"version": 1, "rules": ["house.yaml"],
              "channels": {"web": {"loader": "text", "paths": ["*.txt"],
                                   "doc_types": {"cookie-policy": ["cookies.txt"]}}}}
    text = "Korzystanie ze strony oznacza zgodę na pliki cookies.\n"
    write_project(tmp_path, config, {"house.yaml": HOUSE_PACK, "cookies.txt": text,
                                     "regulamin.txt": text})
    assert keys(lint(tmp_path).findings) == [
        ("HOUSE-COOKIE-CONSENT", "legal-prohibited", "cookies.txt", 1)]


def test_a_misspelt_type_in_a_packs_scope_is_reported_at_its_line(tmp_path: Path) -> None:
    config = {"version": 1, "rules": ["house.yaml"],
              "channels": {"web": {"loader": "text", "paths": ["*.txt"]}}}
    pack = HOUSE_PACK.replace("[cookie-policy]", "[cookie-policy, privcy]")
    write_project(tmp_path, config, {"house.yaml": pack, "a.txt": "Treść.\n"})
    (finding,) = lint(tmp_path).findings
    assert keys([finding]) == [("INPUT-DOC-TYPE-TYPO", "input", "house.yaml", 8)]
    assert finding.message.startswith("rule HOUSE-COOKIE-CONSENT: doc type `privcy` is not "
                                      "one the packs know; did you mean privacy?")


def test_a_type_a_pack_declares_is_known() -> None:
    assert DocTypes.with_declared({"contract": "umowa"}).meant("contract") is None
    assert DocTypes.with_declared({}).meant("contract") == "contact"


def test_types_far_from_every_known_one_are_custom_not_typos() -> None:
    doc_types = DocTypes.with_declared({})
    assert [doc_types.meant(name) for name in CUSTOM_TYPES] == [None] * len(CUSTOM_TYPES)
    assert [doc_types.meant(name) for name in ("regulamim", "Regulamin", "term",
                                               "order_confirmation", "order-confirmaton",
                                               "polityka prywatności")] == [
        "terms", "terms", "terms", "order-confirmation", "order-confirmation", "privacy"]


def test_rules_list_shows_every_type_in_use_with_the_packs_scoped_to_it(tmp_path: Path) -> None:
    config = _web_config({"regulamim": ["web/a.md"], "cookie-policy": ["web/b.md"]},
                         rules=["builtin:pl-consumer-rights-2014", "house.yaml"])
    write_project(tmp_path, config, {"house.yaml": HOUSE_PACK, "web/a.md": "# A\n",
                                     "web/b.md": "# B\n"})
    result = runner.invoke(app, ["rules", "list", "--project", str(tmp_path)])
    assert result.exit_code == 0
    lines = result.stdout.splitlines()
    header = next(i for i, line in enumerate(lines) if line.startswith("doc type "))
    columns = [m.span() for m in re.finditer(r"-+", lines[header + 1])]
    rows = {cells[0]: cells[1:] for cells in (
        [line[start:end if index < len(columns) - 1 else None].strip()
         for index, (start, end) in enumerate(columns)] for line in lines[header + 2:])
        if cells[0] in ("terms", "regulamim", "cookie-policy")}
    assert rows == {
        "terms": ["terms and conditions (regulamin)", "builtin:pl-consumer-rights-2014", ""],
        "regulamim": ["did you mean terms? custom: no pack declares it", "no pack",
                      "consistency-lint.yaml:11 (channel `web`)"],
        "cookie-policy": ["custom: no pack declares it", "house.yaml",
                          "consistency-lint.yaml:13 (channel `web`); "
                          "house.yaml:8 (rule HOUSE-COOKIE-CONSENT)"]}
