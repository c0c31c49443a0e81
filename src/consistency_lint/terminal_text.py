"""Text from content repositories shown on a terminal: control characters (an escape
sequence in a file name or a scraped page could recolour, move or retitle the terminal)
are shown as escapes; callers pass the result as plain Text, never as Rich markup."""

from __future__ import annotations

_KEPT = {"\t", "\n"}
_VISIBLE = {code: f"\\x{code:02x}" for code in (*range(0x20), 0x7F, *range(0x80, 0xA0))
            if chr(code) not in _KEPT}


def visible(text: str) -> str:
    """`text` with every control character but tab and newline written as `\\xNN`."""
    return text.translate(_VISIBLE)
