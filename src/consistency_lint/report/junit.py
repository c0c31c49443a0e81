"""JUnit XML for CI test views: one test suite per channel, one test case per document and
finding category; a case fails when the document has findings of that category at error
or warning severity (info findings are listed in the case's output). Each suppressed finding
is a skipped case whose message is the reason, so CI test views show every waiver."""

from __future__ import annotations

import re
from collections import defaultdict
from typing import TextIO
from xml.etree import ElementTree

from consistency_lint.model import Category, Finding, RunResult, Severity, SuppressedFinding
from consistency_lint.report.verbosity import Verbosity

# Everything but the characters XML 1.0 allows (its `Char` production): C0 controls other
# than tab, newline and carriage return, lone surrogates, U+FFFE and U+FFFF.
_NOT_XML = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


def write(result: RunResult, stream: TextIO, verbosity: Verbosity = Verbosity.NORMAL) -> None:
    by_case: dict[tuple[str, str], list[Finding]] = defaultdict(list)
    for finding in result.findings:
        by_case[(finding.path, finding.category.value)].append(finding)
    root = ElementTree.Element("testsuites", name="consistency-lint")
    suites: dict[str, ElementTree.Element] = {}

    def suite_of(channel: str) -> ElementTree.Element:
        if channel not in suites:
            suites[channel] = ElementTree.SubElement(root, "testsuite", name=channel)
        return suites[channel]

    for document in result.documents:
        for category in Category:
            findings = by_case.get((document.path, category.value), [])
            _case(suite_of(document.channel), document.path, category.value, findings)
    for entry in result.suppressed:
        _waiver_case(suite_of(entry.finding.channel), entry)
    for element in (*suites.values(), root):
        _count_cases(element)
    _make_xml_safe(root)
    ElementTree.indent(root)
    stream.write(ElementTree.tostring(root, encoding="unicode", xml_declaration=True) + "\n")


def _make_xml_safe(root: ElementTree.Element) -> None:
    """Every text and attribute value made XML 1.0: one control character from a file name or
    a page (`\\x01`, an escape sequence) would make the whole report malformed, and CI servers
    drop a report they cannot parse. Done on the finished tree, so no text can bypass it."""
    for element in root.iter():
        if element.text:
            element.text = _xml_safe(element.text)
        element.attrib.update({name: _xml_safe(value) for name, value in element.attrib.items()})


def _xml_safe(text: str) -> str:
    """`text` with each character XML cannot hold written as `\\xNN` or `\\uNNNN`."""
    return _NOT_XML.sub(lambda match: _escape(match.group()), text)


def _escape(character: str) -> str:
    code = ord(character)
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def _count_cases(element: ElementTree.Element) -> None:
    for attribute, tag in (("tests", "testcase"), ("failures", "failure"), ("skipped", "skipped")):
        element.set(attribute, str(sum(1 for _ in element.iter(tag))))


def _case(suite: ElementTree.Element, path: str, category: str,
          findings: list[Finding]) -> None:
    case = ElementTree.SubElement(suite, "testcase", classname=path, name=category)
    failing = [f for f in findings if f.severity is not Severity.INFO]
    lines = "\n".join(_line(finding) for finding in findings)
    if failing:
        failure = ElementTree.SubElement(case, "failure", type=failing[0].rule,
                                         message=f"{len(failing)} finding(s)")
        failure.text = lines
    elif findings:
        ElementTree.SubElement(case, "system-out").text = lines


def _waiver_case(suite: ElementTree.Element, entry: SuppressedFinding) -> None:
    finding = entry.finding
    case = ElementTree.SubElement(suite, "testcase", classname=finding.path,
                                  name=f"{finding.rule} (line {finding.span.line})")
    skipped = ElementTree.SubElement(
        case, "skipped", message=f"suppressed: {entry.reason or 'no reason given'}")
    skipped.text = _line(finding)


def _line(finding: Finding) -> str:
    return (f"{finding.path}:{finding.span.line}:{finding.span.column} "
            f"{finding.severity.value} {finding.rule}: {finding.message}")
