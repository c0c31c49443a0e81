"""The built-in legal pack covers every item of its specification, and says so in a table."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from consistency_lint.rules.coverage import coverage, markdown

ROOT = Path(__file__).parent.parent.parent
PACK = "pl-consumer-rights-2014"
SPECIFICATION = ROOT.parent / "shared" / "legal" / f"{PACK}.md"


def test_every_item_of_the_specification_is_encoded_or_out_of_scope_with_a_reason() -> None:
    report = coverage(PACK)
    assert report.unmapped == []
    assert report.unknown == ()
    assert len(report.rows) == 89  # 52 required clauses and 37 prohibited statements
    assert sum(1 for row in report.rows if row.kind == "prohibited") == 37


def test_the_committed_coverage_table_is_current() -> None:
    assert (ROOT / "rules" / "COVERAGE.md").read_text(encoding="utf-8") == markdown(
        coverage(PACK))


@pytest.mark.skipif(not SPECIFICATION.is_file(), reason="the specification lives beside the "
                    "repository, in ../shared/legal")
def test_the_item_list_is_the_specifications(tmp_path: Path) -> None:
    text = SPECIFICATION.read_text(encoding="utf-8")
    items = list(dict.fromkeys(re.findall(r"\*\*((?:PL-[A-Za-z0-9-]+)|(?:P-\d\d))\b", text)))
    assert [row.item for row in coverage(PACK).rows] == items
