"""The agreement table: two wordings of one attribute agree when a customer told either would
expect the same (`tests/values/agreement.yaml`)."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest
import yaml

from consistency_lint.facts.anchors import anchor_in_text
from consistency_lint.facts.attributes import attributes
from consistency_lint.model import Value, ValueType
from consistency_lint.values.extraction import parse_value

TABLE: list[Any] = yaml.safe_load(
    (Path(__file__).parent / "agreement.yaml").read_text(encoding="utf-8"))
ATTRIBUTES = attributes()


@pytest.mark.parametrize(("attribute", "first", "second", "agree"), TABLE,
                         ids=[f"{a}-{f}~{s}" for a, f, s, _ in TABLE])
def test_agreement(attribute: str, first: str, second: str, agree: bool) -> None:
    read = ATTRIBUTES[attribute]
    first_value, second_value = _read(read.type, first), _read(read.type, second)
    assert first_value is not None and second_value is not None, (first, second)
    assert first_value.agrees_with(second_value, read.reading) is agree, (
        first_value.as_read(read.reading), second_value.as_read(read.reading))
    assert second_value.agrees_with(first_value, read.reading) is agree


def _read(value_type: ValueType, text: str) -> Value | None:
    """The value as the registry reads it: a period with the event it is counted from."""
    value = parse_value(value_type, text, "pl")
    if value is None or value_type is not ValueType.DURATION:
        return value
    return replace(value, anchor=anchor_in_text(text, "pl"))
