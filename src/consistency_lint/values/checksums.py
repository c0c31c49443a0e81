"""Check digits of Polish business identifiers: a NIP, a REGON and a Polish IBAN carry one,
so a digit changed or two swapped in a copy is seen without a second copy to compare with.

`check_digit_fails(kind, digits)` is True only when the number has its kind's length and
its check digit is wrong: a number of another length (a NIP quoted with its "PL" prefix
stripped wrongly, a KRS, which has no check digit) is no evidence either way.
"""

from __future__ import annotations

NIP_WEIGHTS = (6, 5, 7, 2, 3, 4, 5, 6, 7)
REGON_WEIGHTS = {9: (8, 9, 2, 3, 4, 5, 6, 7), 14: (2, 4, 8, 5, 0, 9, 7, 3, 6, 1, 2, 4, 8)}
ACCOUNT_DIGITS = 26  # a Polish IBAN without its "PL"
POLAND = "2521"  # "PL" as IBAN digits (P = 25, L = 21)


def check_digit_fails(kind: str, digits: str) -> bool:
    """Whether `digits` (only digits) is a `kind` ("nip", "regon", "bank_account") whose check
    digit is wrong."""
    if not digits.isdigit():
        return False
    if kind == "nip" and len(digits) == len(NIP_WEIGHTS) + 1:
        return _weighted(digits, NIP_WEIGHTS) != int(digits[-1])
    if kind == "regon" and len(digits) in REGON_WEIGHTS:
        return _weighted(digits, REGON_WEIGHTS[len(digits)]) % 10 != int(digits[-1])
    if kind == "bank_account" and len(digits) == ACCOUNT_DIGITS:
        return int(digits[2:] + POLAND + digits[:2]) % 97 != 1
    return False


def _weighted(digits: str, weights: tuple[int, ...]) -> int:
    """The weighted sum of the leading digits modulo 11 (10 is no NIP's check digit, and a
    REGON's 10 is 0: the callers compare it as they must)."""
    return sum(int(digit) * weight for digit, weight in zip(digits, weights, strict=False)) % 11
