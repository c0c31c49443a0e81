"""Values found in running text: what is found, where, and what is left alone."""

from pathlib import Path

import pytest
import yaml

from consistency_lint.values.extraction import extract_values

CASES = yaml.safe_load((Path(__file__).parent / "extraction.yaml").read_text(encoding="utf-8"))


@pytest.mark.parametrize("case", CASES, ids=[case["text"][:40] for case in CASES])
def test_values_in_text(case: dict[str, object]) -> None:
    text = str(case["text"])
    found = extract_values(text, "pl")
    assert [[m.value.type.value, m.text, m.value.canonical()] for m in found] == case["values"]
    assert all(text[m.start:m.end] == m.text for m in found)
