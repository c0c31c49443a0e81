"""Word letter templates: paragraphs (body and tables, in order); a position's line is
the paragraph number. Archives that would unpack to more than a limit are refused.

Documents are untrusted, so nothing costs more than linear time or a bounded amount of
memory: the archive is inflated in chunks up to a limit, whatever its headers claim, and
tables and styles are read from the XML once (python-docx's `row.cells` repeats a merged
cell once per grid column and row it spans, and `paragraph.style` searches every style).
"""

from __future__ import annotations

import io
import zipfile
import zlib
from collections.abc import Iterator
from itertools import islice

import docx
from docx.document import Document as WordDocument
from docx.enum.style import WD_STYLE_TYPE
from docx.oxml.ns import qn
from docx.oxml.xmlchemy import BaseOxmlElement
from docx.text.paragraph import Paragraph

from consistency_lint.loaders.parsed import (
    MAX_SEGMENTS,
    ParsedContent,
    refuse_too_many_segments,
)
from consistency_lint.loaders.segments import SegmentBuilder
from consistency_lint.loaders.source import ContentLoadError, Source
from consistency_lint.model import ProblemKind, Segment

MAX_UNPACKED_BYTES = 200 * 1024 * 1024
_CHUNK_BYTES = 64 * 1024
_HEADING_STYLES = ("heading", "nagłówek", "title", "tytuł")
_PARAGRAPH, _TABLE, _ROW, _CELL = qn("w:p"), qn("w:tbl"), qn("w:tr"), qn("w:tc")


def parse(source: Source) -> ParsedContent:
    try:
        document = docx.Document(io.BytesIO(_repacked(source.raw)))
    except (zipfile.BadZipFile, KeyError, ValueError) as error:
        raise ContentLoadError(ProblemKind.MALFORMED, f"not a Word document: {error}") from None
    heading_styles = _heading_style_ids(document)
    # Counted before any is read: reading one costs a thousand times more than counting it.
    paragraphs = list(islice(_paragraphs(document.element.body), MAX_SEGMENTS + 1))
    refuse_too_many_segments(len(paragraphs), "document", len(paragraphs))
    segments: list[Segment] = []
    for number, paragraph in enumerate(paragraphs, start=1):
        builder = SegmentBuilder()
        builder.add(Paragraph(paragraph, document).text, number, 1)
        style_id = paragraph.pPr.style if paragraph.pPr is not None else None
        segment = builder.build("heading" if style_id in heading_styles else "paragraph")
        if segment is not None:
            segments.append(segment)
    return ParsedContent(segments=tuple(segments))


def _paragraphs(container: BaseOxmlElement) -> Iterator[BaseOxmlElement]:
    """The `w:p` of the body or of a table cell in order, with those of its tables. A cell
    that continues a vertical merge shows nothing in Word (its text is the first cell's), and
    a cell spanning columns is one cell, read once."""
    for element in container.iterchildren(_PARAGRAPH, _TABLE):
        if element.tag == _PARAGRAPH:
            yield element
            continue
        for row in element.iterchildren(_ROW):
            for cell in row.iterchildren(_CELL):
                if cell.vMerge != "continue":
                    yield from _paragraphs(cell)


def _heading_style_ids(document: WordDocument) -> frozenset[str | None]:
    """Ids of the paragraph styles named as headings or titles (None: the default style,
    used by paragraphs that name no style or one that is not a paragraph style)."""
    styles = document.styles
    default = styles.default(WD_STYLE_TYPE.PARAGRAPH)
    names: dict[str | None, str] = {None: (default.name or "") if default else ""}
    for style in styles:
        if style.type == WD_STYLE_TYPE.PARAGRAPH:
            names.setdefault(style.style_id, style.name or "")
    return frozenset(
        style_id for style_id, name in names.items() if name.lower().startswith(_HEADING_STYLES))


def _repacked(raw: bytes) -> bytes:
    """The archive stored anew, each member as it really inflates, at most MAX_UNPACKED_BYTES
    in all. A header may claim a member is small while it inflates to gigabytes, and zipfile's
    `read()` (which python-docx calls) inflates a member in one piece before cutting it to
    the size claimed; here members are inflated a chunk at a time and counted."""
    repacked = io.BytesIO()
    unpacked = 0
    try:
        with (zipfile.ZipFile(io.BytesIO(raw)) as archive,
              zipfile.ZipFile(repacked, "w", zipfile.ZIP_STORED) as copy):
            _refuse_declared_size(archive)
            written: set[str] = set()
            for info in archive.infolist():
                if info.filename in written or info.is_dir():
                    continue
                written.add(info.filename)
                with archive.open(info) as member, copy.open(info.filename, "w") as target:
                    while chunk := member.read(_CHUNK_BYTES):
                        unpacked += len(chunk)
                        if unpacked > MAX_UNPACKED_BYTES:
                            raise _too_large(f"more than {MAX_UNPACKED_BYTES / 2**20:.0f} MB")
                        target.write(chunk)
    except zipfile.BadZipFile as error:
        raise ContentLoadError(ProblemKind.MALFORMED,
                               f"not a Word document (not a readable zip: {error})") from None
    except (zlib.error, EOFError, NotImplementedError, RuntimeError) as error:
        raise ContentLoadError(ProblemKind.MALFORMED,
                               f"not a Word document (a damaged zip: {error})") from None
    return repacked.getvalue()


def _refuse_declared_size(archive: zipfile.ZipFile) -> None:
    """Refuse at once an archive whose own headers say it is too large."""
    unpacked = sum(info.file_size for info in archive.infolist())
    if unpacked > MAX_UNPACKED_BYTES:
        raise _too_large(f"{unpacked / 2**20:.0f} MB")


def _too_large(size: str) -> ContentLoadError:
    return ContentLoadError(
        ProblemKind.TOO_LARGE,
        f"Word document unpacks to {size} (limit {MAX_UNPACKED_BYTES / 2**20:.0f} MB); "
        "refusing to open it",
    )
