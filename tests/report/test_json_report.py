from __future__ import annotations

import io
import json
import shutil
from pathlib import Path
from typing import Any

from consistency_lint.report.json_report import write
from tests.conftest import FIXTURES, lint

SHOP = FIXTURES / "projects" / "shop"


def _report(root: Path) -> dict[str, Any]:
    stream = io.StringIO()
    write(lint(root), stream)
    report: dict[str, Any] = json.loads(stream.getvalue())
    return report


def test_report_follows_schema_version_1() -> None:
    report = _report(SHOP)
    assert report["schema"] == 1
    assert report["tool"]["name"] == "consistency-lint"
    assert report["run"]["today"] == "2026-11-30"
    assert report["run"]["config"] == "consistency-lint.yaml"
    assert len(report["run"]["ruleset_sha256"]) == 64
    assert [(d["path"], d["channel"], d["doc_type"], d["language"], d["words"])
            for d in report["documents"]] == [
        ("web/kontakt.html", "web", "contact", "pl", 9),
        ("web/o-nas.html", "web", None, "pl", 7),
        ("letters/wysylka.txt.j2", "letters", None, "pl", 8),
    ]
    assert report["facts"] == [
        {"subject": "company", "attribute": "hotline", "text": "22 350 40 50",
         "value": "+48223504050", "path": "web/kontakt.html", "line": 5, "column": 15,
         "channel": "web", "confidence": "high"},
        {"subject": "company", "attribute": "opening_hours", "text": "pn.–pt. 8:00–20:00",
         "value": "mon-fri 08:00-20:00", "path": "web/kontakt.html", "line": 5, "column": 29,
         "channel": "web", "confidence": "high"},
    ]
    assert report["summary"] == {
        "documents": 3, "findings": 2,
        "by_severity": {"error": 1, "warning": 1},
        "by_category": {"freshness": 1, "template": 1},
        "by_channel": {"letters": 1, "web": 1},
    }


def test_findings_carry_every_contract_field() -> None:
    finding = next(f for f in _report(SHOP)["findings"] if f["path"].startswith("letters"))
    fingerprint = finding.pop("fingerprint")
    assert len(fingerprint) == 32
    assert finding == {
        "rule": "TEMPLATE-UNKNOWN-VARIABLE", "category": "template", "severity": "error",
        "message": "unknown template variable `order.numer` (not in letters/variables.yaml)",
        "path": "letters/wysylka.txt.j2", "line": 3, "column": 18, "end_line": 3,
        "end_column": 29, "channel": "letters", "doc_type": None, "excerpt": "order.numer",
        "reference": None, "related": [], "confidence": "high", "owner": None, "suggestions": [],
    }


def test_document_sha256_is_that_of_the_file_bytes() -> None:
    import hashlib

    report = _report(SHOP)
    for document in report["documents"]:
        expected = hashlib.sha256((SHOP / document["path"]).read_bytes()).hexdigest()
        assert document["sha256"] == expected


def test_fingerprints_survive_line_shifts_and_unrelated_edits(tmp_path: Path) -> None:
    project = tmp_path / "shop"
    shutil.copytree(SHOP, project)
    before = {(f["rule"], f["path"]): (f["fingerprint"], f["line"])
              for f in _report(project)["findings"]}
    letter = project / "letters" / "wysylka.txt.j2"
    letter.write_text("Nowa pierwsza linia.\n\n" + letter.read_text(encoding="utf-8"),
                      encoding="utf-8")
    after = {(f["rule"], f["path"]): (f["fingerprint"], f["line"])
             for f in _report(project)["findings"]}
    key = ("TEMPLATE-UNKNOWN-VARIABLE", "letters/wysylka.txt.j2")
    assert before[key][1] == 3 and after[key][1] == 5
    assert before[key][0] == after[key][0]
