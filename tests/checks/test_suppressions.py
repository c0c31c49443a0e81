"""Inline suppressions in every format: scope, reason, unused and unknown ones."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest

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
            "<!-- consistency-lint: disable-file=legal-prohibited -->\n"
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
    text = ("<!-- consistency-lint: disable=PL-CRA-ODR-PLATFORM -->\nTreść bez problemów.\n\n"
            "<!-- consistency-lint: disable=NO-SUCH-RULE -->\nTreść.\n")
    findings = _lint(tmp_path, "markdown", "a.md", text)
    assert findings == [("SUPPRESSION-UNUSED", 1), ("SUPPRESSION-UNUSED", 4)]
