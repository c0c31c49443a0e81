"""The source lines that findings start and end on, for the report formats that count
columns in other units than the tool does (reviewdog counts UTF-8 bytes): only those formats
ask for them, so an ordinary run reads no file twice."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping
from pathlib import Path

from consistency_lint.loaders.source import ContentLoadError, decode, detect_encoding
from consistency_lint.model import Finding
from consistency_lint.reading import RefusedFileError, read_regular_file


def finding_lines(root: Path, findings: Iterable[Finding],
                  max_bytes: int) -> Mapping[tuple[str, int], str]:
    """(path, line) → the line's text, for the lines findings start or end on. A file that
    cannot be read again, or is not UTF-8, gives none: its columns stay as the tool counts
    them."""
    wanted: defaultdict[str, set[int]] = defaultdict(set)
    for finding in findings:
        wanted[finding.path].update((finding.span.line, finding.span.end_line))
    lines: dict[tuple[str, int], str] = {}
    for path, numbers in wanted.items():
        text = _utf8_text(root / path, max_bytes)
        if text is None:
            continue
        file_lines = text.split("\n")  # ends normalised as the tool reads them; not \f, U+2028
        lines.update(((path, number), file_lines[number - 1]) for number in numbers
                     if 0 < number <= len(file_lines))
    return lines


def _utf8_text(path: Path, max_bytes: int) -> str | None:
    """The text as the tool reads it (line ends normalised: a lone \r ends a line too) when
    the file is UTF-8; None otherwise (in a one-byte encoding, columns are bytes already)."""
    try:
        raw = read_regular_file(path, max_bytes)
        if detect_encoding(raw) not in ("utf-8", "utf-8-sig"):
            return None
        return decode(raw)
    except (OSError, RefusedFileError, ContentLoadError):
        return None
