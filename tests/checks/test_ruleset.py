"""The rule set applies the checks' last steps where they belong: spelling demotion before
the configuration (a severity override still wins), tone grouping after suppressions (a
suppressed sentence is not counted)."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from consistency_lint.checks.ruleset import RuleSet
from consistency_lint.checks.spelling import UNKNOWN_WORD
from consistency_lint.config import load_config
from consistency_lint.model import Confidence, Document, Span
from consistency_lint.rules.loading import load_packs
from tests.conftest import TODAY, lint, single_channel_config, write_project


def test_a_recurring_word_is_demoted_yet_keeps_the_configured_severity(tmp_path: Path) -> None:
    config = load_config(write_project(tmp_path, {
        **single_channel_config("text", "*.txt"), "severity": {UNKNOWN_WORD.id: "error"}}, {}))
    rules = RuleSet.for_run(config, load_packs(config), TODAY)
    documents = [Document(f"{name}.txt", "docs", "text", None, "pl", "") for name in "abc"]
    findings = [replace(UNKNOWN_WORD.finding(document, Span.point(1), "unknown word “Kwarc”",
                                             excerpt="Kwarc"), confidence=Confidence.MEDIUM)
                for document in documents]
    judged = rules.judge(findings, documents, lambda finding: True).findings
    assert [(finding.severity.value, finding.message) for finding in judged] == [
        ("error", "unknown word “Kwarc”, used in 3 documents (a term? add it to the "
                  "dictionary)")] * 3


def test_a_suppressed_sentence_is_not_counted_in_a_tone_finding(tmp_path: Path) -> None:
    write_project(tmp_path, single_channel_config("markdown", "*.md", profile="letter"), {
        "letter.md": "PROSIMY O PILNY KONTAKT!!!\n\n"
                   "<!-- consistency-lint: disable=TONE-SHOUTING -- a quoted customer -->\n"
                   "ZAPRASZAMY PONOWNIE!!!\n"})
    result = lint(tmp_path)
    assert [(f.rule, f.span.line, f.message) for f in result.findings] == [
        ("TONE-SHOUTING", 1, "3 exclamation mark(s) (profile limit 0)")]
    assert [(entry.finding.rule, entry.finding.span.line) for entry in result.suppressed] == [
        ("TONE-SHOUTING", 4)]
