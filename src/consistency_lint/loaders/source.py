"""Reading a content file: size limit, binary detection and encoding detection."""

from __future__ import annotations

import codecs
from dataclasses import dataclass
from functools import cached_property

from charset_normalizer import from_bytes

from consistency_lint.model import ProblemKind

# Content is Polish or English: after UTF-8, only the legacy Polish encodings are plausible.
LEGACY_ENCODINGS = ("cp1250", "iso8859_2")


class ContentLoadError(Exception):
    """A file that cannot be turned into a Document at all."""

    def __init__(self, kind: ProblemKind, message: str, line: int = 1) -> None:
        super().__init__(message)
        self.kind = kind
        self.message = message
        self.line = line


@dataclass(frozen=True)
class Source:
    """The raw bytes of one file; `text` decodes them once, on first use."""

    raw: bytes
    name: str = ""

    @cached_property
    def text(self) -> str:
        return decode(self.raw)


def decode(raw: bytes) -> str:
    """Decoded text with newlines normalised to "\\n"; raises ContentLoadError."""
    text = raw.decode(detect_encoding(raw))
    if text.startswith("\ufeff"):
        text = text[1:]
    return text.replace("\r\n", "\n").replace("\r", "\n")


def detect_encoding(raw: bytes) -> str:
    if b"\x00" in raw:
        raise ContentLoadError(ProblemKind.NOT_TEXT, "file contains binary data (NUL bytes)")
    if raw.startswith(codecs.BOM_UTF8):
        return "utf-8-sig"
    try:
        raw.decode("utf-8")
    except UnicodeDecodeError:
        pass
    else:
        return "utf-8"
    best = from_bytes(raw, cp_isolation=list(LEGACY_ENCODINGS)).best()
    if best is None and _plain_windows_1250(raw):
        return "cp1250"  # too short for a statistical guess ("Łódź"), yet clean text
    if best is None:
        raise ContentLoadError(
            ProblemKind.NOT_TEXT,
            "file is neither UTF-8 nor a legacy Polish encoding (windows-1250, ISO-8859-2)",
        )
    return str(best.encoding)


def _plain_windows_1250(raw: bytes) -> bool:
    """Whether `raw` decodes as windows-1250 into text without control characters."""
    try:
        text = raw.decode("cp1250")
    except UnicodeDecodeError:
        return False
    return all(character.isprintable() or character in "\t\n\r\f" for character in text)
