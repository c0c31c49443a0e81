"""Check digits of NIP, REGON (9 and 14 digits) and Polish account numbers."""

from __future__ import annotations

import pytest

from consistency_lint.values.checksums import check_digit_fails


@pytest.mark.parametrize(("kind", "digits", "fails"), [
    ("nip", "7831876543", False),
    ("nip", "7831876534", True),  # the last two digits swapped
    ("regon", "387415920", False),
    ("regon", "387415902", True),
    ("regon", "12345678512347", False),
    ("regon", "12345678512348", True),
    ("bank_account", "61109010140000071219812874", False),
    ("bank_account", "61109010140000071219812847", True),
    ("nip", "783187654", False),  # another length: no evidence either way
    ("krs", "0000912345", False),  # no check digit
    ("nip", "78318765x3", False),
])
def test_check_digit(kind: str, digits: str, fails: bool) -> None:
    assert check_digit_fails(kind, digits) is fails
