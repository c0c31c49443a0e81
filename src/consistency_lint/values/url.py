"""Web addresses: "https://www.velora.pl/zwroty/" = "velora.pl/zwroty" (scheme, "www." and a
trailing slash do not make two addresses different)."""

from __future__ import annotations

import re
from collections.abc import Iterator

from consistency_lint.model import Value, ValueMatch, ValueType

_URL = re.compile(
    r"(?<![\w@/.-])(?:https?://[^\s<>\"']+|www\.[^\s<>\"']+"
    r"|[a-z0-9-]+(?:\.[a-z0-9-]+)*\.(?:pl|com|eu|net|org|info|shop)(?:/[^\s<>\"']*)?)"
    r"(?![\w@])",
    re.IGNORECASE,
)
# A quick test that lets most texts skip the full pattern.
_HINT = re.compile(r"https?://|www\.|\.(?:pl|com|eu|net|org|info|shop)(?![\w])", re.IGNORECASE)
_TRAILING_PUNCTUATION = ".,;:!?)»”"


def extract(text: str, language: str) -> Iterator[ValueMatch]:
    if _HINT.search(text) is None:
        return
    for match in _URL.finditer(text):
        raw = match.group().rstrip(_TRAILING_PUNCTUATION)
        value = Value(ValueType.URL, text=normalise(raw))
        yield ValueMatch(match.start(), match.start() + len(raw), raw, value)


def normalise(url: str) -> str:
    bare = re.sub(r"^(?:https?://)?(?:www\.)?", "", url, flags=re.IGNORECASE)
    host, _, path = bare.partition("/")
    return f"{host.lower()}/{path}".rstrip("/")
