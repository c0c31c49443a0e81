"""Polish phone numbers: "22 350 40 50", "+48 22 350 40 50", "(22) 350-40-50", "601 234 567",
normalised to "+48" and nine digits. Short service numbers are not recognised."""

from __future__ import annotations

import re
from collections.abc import Iterator

from consistency_lint.model import Value, ValueMatch, ValueType
from consistency_lint.values.grammar import has_digits

# never a part of a longer code its digits are joined to by a hyphen or a dot (the
# "83-67120-47" of the ISBN 978-83-67120-47-0)
_PHONE = re.compile(
    r"(?<![\d+\w])(?<!\d[.-])(?:(?:\+|00)\s?48[\s.-]?)?"
    r"(?:\(?\d{2}\)?[\s.-]?\d{3}(?:[\s.-]?\d{2}){2}|\d{3}[\s.-]?\d{3}[\s.-]?\d{3})"
    r"(?![\d])(?![.,-]\d)"
)


def extract(text: str, language: str) -> Iterator[ValueMatch]:
    if not has_digits(text):
        return
    for match in _PHONE.finditer(text):
        digits = re.sub(r"\D", "", match.group())
        national = digits[-9:]
        value = Value(ValueType.PHONE, text=f"+48{national}")
        yield ValueMatch(match.start(), match.end(), match.group(), value)
