"""Text from content repositories shown on a terminal: control characters (an escape
sequence in a file name or a scraped page could recolour, move or retitle the terminal) and
invisible characters (a bidirectional override could show a file name or a line in another
order than it has; a zero-width space could make two names look alike) are shown as
escapes; callers pass the result as plain Text, never as Rich markup."""

from __future__ import annotations

import regex

# control, format and default-ignorable characters (those that show nothing by themselves)
_ESCAPED = regex.compile(r"[[\p{Cc}\p{Cf}\p{DI}]--[\t\n]]", regex.V1)


def visible(text: str) -> str:
    """`text` with every control and invisible character but tab and newline escaped as in
    Python: `\\x1b`, `\\u202e`, `\\U000e0041`."""
    return str(_ESCAPED.sub(_escape, text))


def _escape(match: regex.Match[str]) -> str:
    code = ord(match.group())
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}" if code < 0x10000 \
        else f"\\U{code:08x}"
