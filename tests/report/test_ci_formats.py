"""The CI formats, with their exact content, on the shop fixture."""

from __future__ import annotations

import io
from dataclasses import replace
from xml.etree import ElementTree

from consistency_lint.model import Severity
from consistency_lint.report import github, junit, markdown
from tests.conftest import FIXTURES, lint

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
        "variable `order.numer` (not in letters/variables.yaml) |\n"
        "| 🟡 | `web/kontakt.html:2` | `FRESHNESS-NO-OWNER` | document has no `owner` in its "
        "metadata |\n"
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
