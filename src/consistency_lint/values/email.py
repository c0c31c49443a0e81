"""E-mail addresses, compared case-insensitively."""

from __future__ import annotations

import re
from collections.abc import Iterator

from consistency_lint.model import Value, ValueMatch, ValueType

_EMAIL = re.compile(r"(?<![\w.+-])[\w.+-]+@[\w-]+(?:\.[\w-]+)*\.[a-z]{2,}(?![\w])", re.IGNORECASE)


def extract(text: str, language: str) -> Iterator[ValueMatch]:
    if "@" not in text:
        return
    for match in _EMAIL.finditer(text):
        value = Value(ValueType.EMAIL, text=match.group().lower())
        yield ValueMatch(match.start(), match.end(), match.group(), value)
