"""The value table: each pair is normalised independently and then compared."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml

from consistency_lint.model import ValueType
from consistency_lint.values.extraction import parse_value

TABLE = yaml.safe_load((Path(__file__).parent / "pairs.yaml").read_text(encoding="utf-8"))


def _cases() -> list[Any]:
    cases = []
    for language, table in (("pl", TABLE), ("en", TABLE["en"])):
        for type_name, pairs in table.items():
            if type_name == "en":
                continue
            for first, second, equal in pairs:
                cases.append(pytest.param(language, ValueType(type_name), first, second, equal,
                                          id=f"{language}-{type_name}-{first}~{second}"))
    return cases


CASES = _cases()


def test_the_table_has_at_least_150_pairs() -> None:
    assert len(CASES) >= 150


@pytest.mark.parametrize(("language", "value_type", "first", "second", "equal"), CASES)
def test_pair(language: str, value_type: ValueType, first: str, second: str, equal: bool) -> None:
    first_value = parse_value(value_type, first, language)
    second_value = parse_value(value_type, second, language)
    assert first_value is not None and second_value is not None, (first_value, second_value)
    assert first_value.agrees_with(second_value) is equal, (first_value, second_value)
    assert second_value.agrees_with(first_value) is equal
