"""The CI formats, with their exact content, on the shop fixture."""

from __future__ import annotations

import io
import json
from dataclasses import replace
from pathlib import Path
from xml.etree import ElementTree

import jsonschema

from consistency_lint.model import Severity
from consistency_lint.model.columns import encoded_column
from consistency_lint.report import github, gitlab, junit, markdown, rdjson
from tests.conftest import FIXTURES, lint, single_channel_config, write_project

SHOP = FIXTURES / "projects" / "shop"


def _render(module: object) -> str:
    stream = io.StringIO()
    module.write(lint(SHOP), stream)  # type: ignore[attr-defined]
    return stream.getvalue()


def test_github_annotations() -> None:
    assert _render(github).splitlines() == [
        "::error file=letters/wysylka.txt.j2,line=3,col=18,endLine=3,endColumn=29,"
        "title=TEMPLATE-UNKNOWN-VARIABLE [template]::unknown template variable `order.numer` "
        "(not in letters/variables.yaml)",
        "::warning file=web/kontakt.html,line=2,col=1,endLine=2,endColumn=1,"
        "title=FRESHNESS-NO-OWNER [freshness]::document has no `owner` in its metadata",
    ]


def test_github_escapes_newlines_percent_and_property_separators() -> None:
    finding = lint(SHOP).findings[0]
    tricky = replace(finding, path="a,b:c.txt", message="100% sure\nsecond line",
                     severity=Severity.INFO)
    assert github.annotation(tricky).startswith("::notice file=a%2Cb%3Ac.txt,")
    assert github.annotation(tricky).endswith("::100%25 sure%0Asecond line")


def test_markdown_summary() -> None:
    assert _render(markdown) == (
        "## consistency-lint\n\n"
        "**2 finding(s)** in 3 document(s) (1 error, 1 warning).\n\n"
        "| category | findings |\n|---|---:|\n| freshness | 1 |\n| template | 1 |\n\n"
        "| | location | rule | message |\n|---|---|---|---|\n"
        "| 🔴 | `letters/wysylka.txt.j2:3` | `TEMPLATE-UNKNOWN-VARIABLE` | unknown template "
        "variable \\`order\\.numer\\` \\(not in letters\\/variables\\.yaml\\) |\n"
        "| 🟡 | `web/kontakt.html:2` | `FRESHNESS-NO-OWNER` | document has no \\`owner\\` in "
        "its metadata |\n"
    )


def test_junit_one_case_per_document_and_category() -> None:
    root = ElementTree.fromstring(_render(junit).split("\n", 1)[1])
    assert (root.get("tests"), root.get("failures")) == ("30", "2")
    assert [(s.get("name"), s.get("tests"), s.get("failures")) for s in root] == [
        ("web", "20", "1"), ("letters", "10", "1")]
    failures = [(case.get("classname"), case.get("name"), case.find("failure").get("type"))
                for suite in root for case in suite if case.find("failure") is not None]
    assert failures == [("web/kontakt.html", "freshness", "FRESHNESS-NO-OWNER"),
                        ("letters/wysylka.txt.j2", "template", "TEMPLATE-UNKNOWN-VARIABLE")]


def _render_waivers(module: object, root: Path) -> str:
    """A project whose only findings are suppressed: one with a reason (holding a `|`), one
    without."""
    config = {"version": 1, "governance": {"require_owner": True},
              "channels": {"kb": {"loader": "markdown", "paths": ["*.md"]}}}
    waiver = "---\nlint_disable: [FRESHNESS-NO-OWNER]\n{}---\nDostawa w dwa dni.\n"
    write_project(root, config, {
        "a.md": waiver.format("lint_disable_reason: archiwum | do usunięcia\n"),
        "b.md": waiver.format(""),
    })
    stream = io.StringIO()
    module.write(lint(root), stream)  # type: ignore[attr-defined]
    return stream.getvalue()


def test_markdown_lists_suppressed_findings_with_their_reason(tmp_path: Path) -> None:
    assert _render_waivers(markdown, tmp_path) == (
        "## consistency-lint\n\n"
        "**0 finding(s)** in 2 document(s).\n\n"
        "### Suppressed findings\n\n"
        "| location | rule | message | reason |\n|---|---|---|---|\n"
        "| `a.md:5` | `FRESHNESS-NO-OWNER` | document has no \\`owner\\` in its metadata | "
        "archiwum \\| do usunięcia |\n"
        "| `b.md:4` | `FRESHNESS-NO-OWNER` | document has no \\`owner\\` in its metadata | "
        "*no reason given* |\n"
    )


def test_junit_suppressed_finding_is_a_skipped_case_with_its_reason(tmp_path: Path) -> None:
    root = ElementTree.fromstring(_render_waivers(junit, tmp_path).split("\n", 1)[1])
    assert [(root.get("tests"), root.get("failures"), root.get("skipped"))] + [
        (suite.get("tests"), suite.get("failures"), suite.get("skipped")) for suite in root
    ] == [("22", "0", "2"), ("22", "0", "2")]
    assert [(case.get("classname"), case.get("name"), skipped.get("message"), skipped.text)
            for case in root.iter("testcase") if (skipped := case.find("skipped")) is not None
            ] == [
        ("a.md", "FRESHNESS-NO-OWNER (line 5)", "suppressed: archiwum | do usunięcia",
         "a.md:5:1 warning FRESHNESS-NO-OWNER: document has no `owner` in its metadata"),
        ("b.md", "FRESHNESS-NO-OWNER (line 4)", "suppressed: no reason given",
         "b.md:4:1 warning FRESHNESS-NO-OWNER: document has no `owner` in its metadata"),
    ]


# GitLab Code Quality: the fields GitLab's published schema requires of each issue
# (docs.gitlab.com, "Code Quality report format"), and the severities it knows.
GITLAB_ISSUE_SCHEMA = {
    "type": "object",
    "required": ["description", "check_name", "fingerprint", "severity", "location"],
    "properties": {
        "description": {"type": "string"},
        "check_name": {"type": "string"},
        "fingerprint": {"type": "string"},
        "severity": {"enum": ["info", "minor", "major", "critical", "blocker"]},
        "location": {"type": "object", "required": ["path", "lines"], "properties": {
            "path": {"type": "string"},
            "lines": {"type": "object", "required": ["begin"],
                      "properties": {"begin": {"type": "integer", "minimum": 1}}}}},
    },
}


def test_gitlab_code_quality_report() -> None:
    issues = json.loads(_render(gitlab))
    jsonschema.validate(issues, {"type": "array", "items": GITLAB_ISSUE_SCHEMA})
    assert [(i["check_name"], i["severity"], i["location"]["path"],
             i["location"]["lines"]["begin"]) for i in issues] == [
        ("TEMPLATE-UNKNOWN-VARIABLE", "critical", "letters/wysylka.txt.j2", 3),
        ("FRESHNESS-NO-OWNER", "major", "web/kontakt.html", 2)]
    assert len({i["fingerprint"] for i in issues}) == 2


def _typo_project(tmp_path: Path) -> Path:
    return write_project(tmp_path / "p", single_channel_config("text", "*.txt"), {
        "list.txt": "Zażółć gęślą jaźń.\nŻółta dziekujemy kartka.\n"})


def test_rdjson_counts_columns_in_utf8_bytes_and_offers_the_correction(tmp_path: Path) -> None:
    result = lint(_typo_project(tmp_path), with_source_lines=True)
    stream = io.StringIO()
    rdjson.write(result, stream)
    report = json.loads(stream.getvalue())
    assert report["source"] == {"name": "consistency-lint"}
    [diagnostic] = report["diagnostics"]
    # "Żółta " is 6 code points and 9 bytes: the word starts at byte column 10
    where = {"start": {"line": 2, "column": 10}, "end": {"line": 2, "column": 20}}
    assert diagnostic == {
        "message": "unknown word “dziekujemy”; did you mean “dziękujemy”?",
        "location": {"path": "list.txt", "range": where},
        "severity": "WARNING", "source": {"name": "consistency-lint"},
        "code": {"value": "SPELLING-UNKNOWN-WORD"},
        "suggestions": [{"range": where, "text": "dziękujemy"}]}
    assert result.findings[0].span.column == 7  # the tool's own count: code points


def test_rdjson_without_source_lines_keeps_the_tools_columns(tmp_path: Path) -> None:
    stream = io.StringIO()
    rdjson.write(lint(_typo_project(tmp_path)), stream)
    position = json.loads(stream.getvalue())["diagnostics"][0]["location"]["range"]["start"]
    assert position == {"line": 2, "column": 7}


def test_encoded_column_counts_bytes_and_utf16_units_and_past_the_end() -> None:
    line = "a𐐀b"
    assert [encoded_column(line, column, "utf-8") for column in (1, 2, 3)] == [1, 2, 6]
    assert [encoded_column(line, column, "utf-16-le") for column in (1, 2, 3)] == [1, 2, 4]
    assert encoded_column("ab", 5, "utf-8") == 5


def test_rdjson_counts_lines_as_the_tool_does_past_a_form_feed(tmp_path: Path) -> None:
    project = write_project(tmp_path / "p", single_channel_config("text", "*.txt"), {
        "list.txt": "Strona\fdruga.\n\nŻółta dziekujemy kartka.\n"})
    stream = io.StringIO()
    rdjson.write(lint(project, with_source_lines=True), stream)
    [diagnostic] = json.loads(stream.getvalue())["diagnostics"]
    assert diagnostic["location"]["range"]["start"] == {"line": 3, "column": 10}


def test_corrections_are_offered_only_where_they_replace_just_the_words(
        tmp_path: Path) -> None:
    project = write_project(tmp_path / "p", single_channel_config("markdown", "*.md"), {
        "a.md": "# A\n\nPo za tym wysyłamy szybko.\n\nPo **za** tym wysyłamy szybko.\n\n"
                "PO ZA TYM WYSYŁAMY SZYBKO.\n\nBardzo dziekujemy.\n\nBardzo dzie**ku**jemy.\n"})
    offered = [(f.rule, f.span.line, f.suggestions) for f in lint(project).findings
               if f.category.value == "spelling"]
    assert offered == [("SPELLING-REAL-WORD", 3, ("Poza",)), ("SPELLING-REAL-WORD", 5, ()),
                       ("SPELLING-REAL-WORD", 7, ("POZA",)),
                       ("SPELLING-UNKNOWN-WORD", 9, ("dziękujemy",)),
                       ("SPELLING-UNKNOWN-WORD", 11, ())]


def test_rdjson_counts_lines_at_a_lone_carriage_return_as_the_tool_does(
        tmp_path: Path) -> None:
    project = write_project(tmp_path / "p", single_channel_config("text", "*.txt"), {
        "list.txt": b"Strona.\r\r\xc5\xbb\xc3\xb3\xc5\x82ta dziekujemy kartka.\r"})
    stream = io.StringIO()
    rdjson.write(lint(project, with_source_lines=True), stream)
    [diagnostic] = json.loads(stream.getvalue())["diagnostics"]
    assert diagnostic["location"]["range"]["start"] == {"line": 3, "column": 10}
