"""Runs the YAML cases of each built-in pack: exact lines, inflection, typos, negatives."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml

from consistency_lint.model import TRADE_KEYS
from tests.conftest import keys, lint, write_project

CASES_DIR = Path(__file__).parent


def _cases() -> list[Any]:
    cases = []
    for file in sorted(CASES_DIR.glob("*.yaml")):
        for rule_id, rule_cases in yaml.safe_load(file.read_text(encoding="utf-8")).items():
            for number, case in enumerate(rule_cases):
                cases.append(pytest.param(file.stem, rule_id, case, id=f"{rule_id}-{number}"))
    return cases


@pytest.mark.parametrize(("pack", "rule_id", "case"), _cases())
def test_case(tmp_path: Path, pack: str, rule_id: str, case: dict[str, Any]) -> None:
    declared = {key: case[key] for key in ("doc_type", *TRADE_KEYS) if key in case}
    front_matter = f"---\n{yaml.safe_dump(declared)}---\n" if declared else ""
    offset = front_matter.count("\n")
    channel = {"loader": "text", "paths": ["*.txt"],
               **{key: case[key] for key in ("profile", "registers") if key in case}}
    config = {"version": 1, "rules": [f"builtin:{pack}"], "channels": {"docs": channel}}
    write_project(tmp_path, config, {"case.txt": front_matter + case["text"] + "\n"})
    lines = [line - offset for rule, _, _, line in keys(lint(tmp_path).findings)
             if rule == rule_id]
    assert lines == case["lines"]
