"""JUnit XML for CI test views: one test suite per channel, one test case per document and
finding category; a case fails when the document has findings of that category at error
or warning severity (info findings are listed in the case's output)."""

from __future__ import annotations

from collections import defaultdict
from typing import TextIO
from xml.etree import ElementTree

from consistency_lint.model import Category, Finding, RunResult, Severity
from consistency_lint.report.verbosity import Verbosity


def write(result: RunResult, stream: TextIO, verbosity: Verbosity = Verbosity.NORMAL) -> None:
    by_case: dict[tuple[str, str], list[Finding]] = defaultdict(list)
    for finding in result.findings:
        by_case[(finding.path, finding.category.value)].append(finding)
    root = ElementTree.Element("testsuites", name="consistency-lint")
    suites: dict[str, ElementTree.Element] = {}
    totals = {"tests": 0, "failures": 0}
    for document in result.documents:
        suite = suites.get(document.channel)
        if suite is None:
            suite = ElementTree.SubElement(root, "testsuite", name=document.channel)
            suites[document.channel] = suite
        for category in Category:
            findings = by_case.get((document.path, category.value), [])
            failed = _case(suite, document.path, category.value, findings)
            totals["tests"] += 1
            totals["failures"] += failed
    for suite in suites.values():
        cases = list(suite)
        suite.set("tests", str(len(cases)))
        suite.set("failures", str(sum(1 for case in cases if case.find("failure") is not None)))
    root.set("tests", str(totals["tests"]))
    root.set("failures", str(totals["failures"]))
    ElementTree.indent(root)
    stream.write(ElementTree.tostring(root, encoding="unicode", xml_declaration=True) + "\n")


def _case(suite: ElementTree.Element, path: str, category: str,
          findings: list[Finding]) -> int:
    case = ElementTree.SubElement(suite, "testcase", classname=path, name=category)
    failing = [f for f in findings if f.severity is not Severity.INFO]
    lines = "\n".join(f"{f.path}:{f.span.line}:{f.span.column} {f.severity.value} {f.rule}: "
                      f"{f.message}" for f in findings)
    if failing:
        failure = ElementTree.SubElement(case, "failure", type=failing[0].rule,
                                         message=f"{len(failing)} finding(s)")
        failure.text = lines
    elif findings:
        ElementTree.SubElement(case, "system-out").text = lines
    return 1 if failing else 0
