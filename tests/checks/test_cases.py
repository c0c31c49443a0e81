"""Each built-in Python check has cases in `cases/<check module>.yaml`, as sqlfluff's rules have
`std_rule_cases`: small texts and the exact findings they yield, `(line, column)` as the user's
editor shows them, or `[]` for a text that passes. Every check id has at least one failing and
one passing case.

A case is a small project in a temporary directory, linted through the public pipeline as a
user's project is: the checks that need a file on disk (unreadable, too large), the
configuration (profiles, governance, variables) or the whole run (suppressions, facts across
documents) are reached the same way as the others, and the test knows nothing of how checks
are registered or run but `findings_of`.
"""

from __future__ import annotations

import importlib
import pkgutil
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

import pytest
import yaml

import consistency_lint.checks
from consistency_lint.model import Finding
from consistency_lint.specs import CheckSpec
from tests.conftest import TODAY, commit_project, lint, write_project

CASES = Path(__file__).parent / "cases"
CHANNEL = "site"
FILE_NAMES = {"text": "case.txt", "markdown": "case.md", "html": "case.html",
              "faq": "faq.yaml", "template": "case.txt.j2"}
Position = tuple[str, str, int, int]  # rule, file, line, column


def findings_of(project: Path, today: date, changed_since: str | None) -> Sequence[Finding]:
    """The adapter between the cases and the package: the findings a run of the project
    reports. The only function here that knows how checks are run."""
    return lint(project, today=today, changed_since=changed_since).findings


@dataclass(frozen=True)
class ExpectedFinding:
    """A finding a case expects; in the case's file unless `file` says otherwise, of any
    severity unless `severity` says which."""

    rule: str
    line: int
    column: int
    file: str | None = None
    severity: str | None = None


@dataclass(frozen=True)
class Case:
    """A project: the case's file in channel `site`, beside the extra `files`.

    `check` names the check id the case is about. `channel` is merged into the channel's
    settings (`profile`, `doc_types`, `variables`, ...), `config` into the configuration;
    `registry` becomes `facts.yaml`; `symlink_to` makes the case's file a symbolic link;
    `today` is the run's date.
    """

    name: str
    check: str
    loader: str
    expect: tuple[ExpectedFinding, ...]
    text: str = ""
    file: str | None = None
    channel: dict[str, Any] = field(default_factory=dict)
    config: dict[str, Any] = field(default_factory=dict)
    registry: str | None = None
    files: dict[str, str] = field(default_factory=dict)
    symlink_to: str | None = None
    today: date = TODAY
    committed: dict[str, str] = field(default_factory=dict)

    @property
    def file_name(self) -> str:
        return self.file or FILE_NAMES[self.loader]

    def write(self, root: Path) -> Path:
        channel = {"loader": self.loader, "paths": [self.file_name], **self.channel}
        config: dict[str, Any] = {"version": 1, **self.config}
        config["channels"] = {**config.get("channels", {}), CHANNEL: channel}
        files: dict[str, str | bytes] = dict(self.files)
        if self.registry is not None:
            config["facts"] = "facts.yaml"
            files["facts.yaml"] = self.registry
        if self.symlink_to is None:
            files[self.file_name] = self.text
        if self.committed:  # the other files were committed as they are
            others = {name: text for name, text in files.items() if name != self.file_name}
            commit_project(root, config, {**others, **self.committed})
        write_project(root, config, files)
        if self.symlink_to is not None:
            (root / self.file_name).symlink_to(self.symlink_to)
        return root

    def positions(self) -> list[Position]:
        return sorted(self._position(expected) for expected in self.expect)

    def severities(self) -> dict[Position, str]:
        return {self._position(expected): expected.severity for expected in self.expect
                if expected.severity is not None}

    def fails(self, check: str) -> bool:
        return any(expected.rule == check for expected in self.expect)

    def _position(self, expected: ExpectedFinding) -> Position:
        return (expected.rule, expected.file or self.file_name, expected.line, expected.column)


def _cases(module: str) -> list[Case]:
    with (CASES / f"{module}.yaml").open(encoding="utf-8") as stream:
        cases = yaml.safe_load(stream)
    return [Case(**{**case, "expect": tuple(ExpectedFinding(**expected)
                                           for expected in case["expect"])})
            for case in cases]


def _check_ids(module: str) -> set[str]:
    return {spec.id for spec in _declared_specs(module)}


def _modules_with_checks() -> list[str]:
    """The modules of `consistency_lint.checks` that declare check ids: a tuple `SPECS`
    (the registry's table of every id, a mapping, is not a check)."""
    return sorted(info.name for info in pkgutil.iter_modules(consistency_lint.checks.__path__)
                  if _declared_specs(info.name))


def _declared_specs(module: str) -> tuple[CheckSpec, ...]:
    specs = getattr(importlib.import_module(f"consistency_lint.checks.{module}"), "SPECS", ())
    return specs if isinstance(specs, tuple) else ()


MODULES = _modules_with_checks()
ALL_CASES = [(module, case) for module in MODULES if (CASES / f"{module}.yaml").exists()
             for case in _cases(module)]


def _position(finding: Finding) -> Position:
    return (finding.rule, finding.path, finding.span.line, finding.span.column)


@pytest.mark.parametrize(("module", "case"), ALL_CASES,
                         ids=[f"{module}:{case.name}" for module, case in ALL_CASES])
def test_case_yields_exactly_its_findings(module: str, case: Case, tmp_path: Path) -> None:
    findings = findings_of(case.write(tmp_path / "project"), case.today,
                           "HEAD" if case.committed else None)
    assert sorted(_position(finding) for finding in findings) == case.positions()
    severities = {_position(finding): finding.severity.value for finding in findings}
    assert {position: severities[position] for position in case.severities()} == \
        case.severities()


def test_every_check_module_has_a_case_file() -> None:
    assert sorted(path.stem for path in CASES.glob("*.yaml")) == MODULES


@pytest.mark.parametrize("module", MODULES)
def test_every_check_has_a_failing_and_a_passing_case(module: str) -> None:
    cases = _cases(module)
    assert {case.check for case in cases} <= _check_ids(module)
    for check in sorted(_check_ids(module)):
        about = [case for case in cases if case.check == check]
        assert any(case.fails(check) for case in about), f"{check}: no failing case"
        assert any(not case.fails(check) for case in about), f"{check}: no passing case"


def test_case_names_are_unique() -> None:
    names = [(module, case.name) for module, case in ALL_CASES]
    assert len(names) == len(set(names))
