"""Word letter templates: paragraphs (body and tables, in order); a position's line is
the paragraph number. Archives that would unpack to more than a limit are refused."""

from __future__ import annotations

import io
import zipfile

import docx
from docx.table import Table
from docx.text.paragraph import Paragraph

from consistency_lint.loaders.parsed import ParsedContent
from consistency_lint.loaders.segments import SegmentBuilder
from consistency_lint.loaders.source import ContentLoadError, Source
from consistency_lint.model import ProblemKind, Segment

MAX_UNPACKED_BYTES = 200 * 1024 * 1024
_HEADING_STYLES = ("heading", "nagłówek", "title", "tytuł")


def parse(source: Source) -> ParsedContent:
    _refuse_zip_bomb(source.raw)
    try:
        document = docx.Document(io.BytesIO(source.raw))
    except (zipfile.BadZipFile, KeyError, ValueError) as error:
        raise ContentLoadError(ProblemKind.MALFORMED, f"not a Word document: {error}") from None
    segments: list[Segment] = []
    for number, paragraph in enumerate(_paragraphs(document), start=1):
        builder = SegmentBuilder()
        builder.add(paragraph.text, number, 1)
        style = (paragraph.style.name if paragraph.style is not None else "") or ""
        kind = "heading" if style.lower().startswith(_HEADING_STYLES) else "paragraph"
        segment = builder.build(kind)
        if segment is not None:
            segments.append(segment)
    return ParsedContent(segments=tuple(segments))


def _paragraphs(document: docx.document.Document) -> list[Paragraph]:
    paragraphs: list[Paragraph] = []
    for block in document.iter_inner_content():
        if isinstance(block, Table):
            cells = (cell for row in block.rows for cell in row.cells)
            paragraphs.extend(p for cell in cells for p in cell.paragraphs)
        else:
            paragraphs.append(block)
    return paragraphs


def _refuse_zip_bomb(raw: bytes) -> None:
    try:
        with zipfile.ZipFile(io.BytesIO(raw)) as archive:
            unpacked = sum(info.file_size for info in archive.infolist())
    except zipfile.BadZipFile:
        raise ContentLoadError(ProblemKind.MALFORMED, "not a Word document (not a zip)") from None
    if unpacked > MAX_UNPACKED_BYTES:
        raise ContentLoadError(
            ProblemKind.TOO_LARGE,
            f"Word document unpacks to {unpacked / 2**20:.0f} MB (limit "
            f"{MAX_UNPACKED_BYTES / 2**20:.0f} MB); refusing to open it",
        )
