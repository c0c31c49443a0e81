"""Hostile content costs each loader time linear in its size, and bounded memory.

Content is untrusted (CI lints pull requests). Each loader is timed on a document of size N
and 2N, of a shape that cost quadratic time before: a page that ends inside a tag or a
suppression comment, closers of blocks never opened, one Markdown paragraph of many lines,
front matter or FAQ metadata of many keys, a run of `{{` that never closes, a Word document
of many styles. Twice the size may cost at most RATIO times as much: the best of a few
timings of this process's CPU time, taken by turns, so that a busy machine does not decide.
A document that alone takes longer than SLOW_SECONDS fails at once, so that a quadratic
regression fails instead of hanging.
"""

from __future__ import annotations

import gc
import io
import struct
import time
import tracemalloc
import zipfile
import zlib
from collections.abc import Callable
from pathlib import Path

import pytest

from consistency_lint.loaders import LoadRequest, load_document
from consistency_lint.model import Document, ProblemKind

# A quadratic cost takes 4 times as long at twice the size, a linear one 2; 3 leaves room for
# the time a virtual machine's host steals, which this process's CPU clock counts too (three
# shapes failed at 2.5-2.6 in two fresh-clone runs and measure 1.9-2.0 alone).
RATIO = 3.0
REPETITIONS = 7  # the best of seven: a busy machine rarely slows all of them
SLOW_SECONDS = 2.0
SENTENCE = "Zwrot towaru jest możliwy w ciągu 14 dni od dnia otrzymania przesyłki."


def _load(path: Path, loader: str) -> Document:
    return load_document(LoadRequest(path, path.name, "c", loader, "pl", None, 10 * 2**20))


def _seconds(path: Path, loader: str) -> float:
    """CPU seconds of one load, without the garbage collector: in the whole suite a full
    collection scans every earlier test's objects, a cost of the heap, not of the page."""
    gc.collect()
    collecting = gc.isenabled()
    gc.disable()
    try:
        started = time.process_time()  # this process's CPU: other processes do not count
        _load(path, loader)
        return time.process_time() - started
    finally:
        if collecting:
            gc.enable()


def _assert_linear(tmp_path: Path, loader: str, name: str, content: Callable[[int], str | bytes],
                   size: int) -> None:
    paths = []
    for label, scale in (("small", 1), ("large", 2)):
        path = tmp_path / label / name
        path.parent.mkdir()
        written = content(size * scale)
        if isinstance(written, str):
            path.write_text(written, encoding="utf-8")
        else:
            path.write_bytes(written)
        paths.append(path)
    small = large = float("inf")
    for _ in range(REPETITIONS):
        small = min(small, _seconds(paths[0], loader))
        assert small < SLOW_SECONDS, f"{paths[0].stat().st_size:,} bytes took {small:.1f} s"
        large = min(large, _seconds(paths[1], loader))
    assert large <= RATIO * small, (
        f"{paths[0].stat().st_size:,} bytes took {small * 1000:.0f} ms, "
        f"{paths[1].stat().st_size:,} bytes took {large * 1000:.0f} ms")


def _blocks(size: int) -> str:
    return f"<p>{SENTENCE}</p>\n" * (size // (len(SENTENCE) + 8))


def _paragraphs(size: int) -> str:
    return f"{SENTENCE}\n\n" * (size // (len(SENTENCE) + 2))


# Each shape: the document of about `size` characters, and the `size` to time.
Shape = tuple[Callable[[int], str], int]
HOSTILE_PAGES: dict[str, Shape] = {
    # CPython's HTMLParser (before gh-135462) retried every later `<` of a page that ends
    # inside a tag, each time scanning to the end. A page of ordinary blocks comes first.
    "an attribute never closed": (
        lambda size: _blocks(size) + '<p title="' + "rata <b niska " * (size // 112), 120_000),
    "tags never closed": (lambda size: _blocks(size) + "<a " * (size // 48), 120_000),
    "closers without >": (lambda size: _blocks(size) + "</div" * (size // 5), 120_000),
    # The suppression directive's pattern tried every split of a run of spaces.
    "a directive never closed": (lambda size: (
        _blocks(size) + "<!-- consistency-lint: disable=PL-CRA-ODR-PLATFORM" + " " * (size // 10)
    ), 120_000),
    # Each closer looked for its block in the whole stack of open blocks.
    "closers of blocks never opened": (
        lambda size: "<p>" * (size // 18) + "</div>" * (size // 12), 60_000),
}


@pytest.mark.parametrize("shape", HOSTILE_PAGES)
def test_an_html_page_costs_linear_time(tmp_path: Path, shape: str) -> None:
    _assert_linear(tmp_path, "html", "a.html", *HOSTILE_PAGES[shape])


def test_a_page_ending_inside_a_tag_ends_there_as_in_a_browser(tmp_path: Path) -> None:
    path = tmp_path / "a.html"
    path.write_text("<p>Zwrot w 14 dni &amp; bez kosztów.</p>\n<p title=\"x <b>Ukryte</b>",
                    encoding="utf-8")
    document = _load(path, "html")
    assert [(s.text, s.span.line, s.span.column) for s in document.segments] == [
        ("Zwrot w 14 dni & bez kosztów.", 1, 4)]
    (segment,) = document.segments
    assert segment.position(segment.text.index("bez")) == (1, 25)


HOSTILE_MARKDOWN: dict[str, Shape] = {
    # Each line break searched every line of its paragraph for its position.
    "one paragraph of many lines": (lambda size: "tak\n" * (size // 4), 10_000),
    # A code span over two lines is not in the text as written: each was looked for to the end.
    "code spans over two lines": (lambda size: "`kod\nkod` " * (size // 10), 25_000),
}


@pytest.mark.parametrize("shape", HOSTILE_MARKDOWN)
def test_a_markdown_document_costs_linear_time(tmp_path: Path, shape: str) -> None:
    _assert_linear(tmp_path, "markdown", "a.md", *HOSTILE_MARKDOWN[shape])


def test_entities_in_markdown_keep_their_positions(tmp_path: Path) -> None:
    path = tmp_path / "a.md"
    path.write_text("Cena &lt; 100 zł \\* brutto.\n", encoding="utf-8")
    (segment,) = _load(path, "markdown").segments
    assert segment.text == "Cena < 100 zł * brutto."
    assert segment.position(segment.text.index("100")) == (1, 11)
    assert segment.position(segment.text.index("brutto")) == (1, 21)


def _front_matter(size: int) -> str:
    return "".join(f"klucz{number}: wartość\n" for number in range(size // 20))


def test_faq_metadata_of_many_keys_costs_linear_time(tmp_path: Path) -> None:
    # The line of each key was found by searching the mapping from its start.
    _assert_linear(tmp_path, "faq", "a.yaml", lambda size: (
        _front_matter(size) + f"entries:\n- question: Jak zwrócić towar?\n  answer: {SENTENCE}\n"),
        80_000)


HOSTILE_TEXTS: dict[str, Shape] = {
    "front matter of many keys": (
        lambda size: f"---\n{_front_matter(size)}---\n{SENTENCE}\n", 80_000),
    # The placeholder pattern looked for `}}` to the end of the text from every `{{`.
    "a run of {{ never closed": (lambda size: _paragraphs(size) + "{{ " * (size // 50), 300_000),
}


@pytest.mark.parametrize("shape", HOSTILE_TEXTS)
def test_a_text_costs_linear_time(tmp_path: Path, shape: str) -> None:
    _assert_linear(tmp_path, "text", "a.txt", *HOSTILE_TEXTS[shape])


HOSTILE_TEMPLATES: dict[str, Shape] = {
    "metadata of many keys": (lambda size: (
        "{# ---\n" + _front_matter(size) + "--- #}\nDzień dobry {{ klient.imie }}.\n"), 40_000),
    "a run of {{ in a raw block": (lambda size: (
        _paragraphs(size).replace("14 dni", "{{ dni }} dni") + "{% raw %}"
        + "{{ " * (size // 16) + "{% endraw %}"), 60_000),
}


@pytest.mark.parametrize("shape", HOSTILE_TEMPLATES)
def test_a_template_costs_linear_time(tmp_path: Path, shape: str) -> None:
    _assert_linear(tmp_path, "template", "a.txt.j2", *HOSTILE_TEMPLATES[shape])


def test_placeholders_are_still_marked(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_text("Dzień dobry {{- klient.imie -}}, {{ {{ zamówienie {{numer}} }}\n",
                    encoding="utf-8")
    (segment,) = _load(path, "text").segments
    assert [(p.name, segment.text[p.start:p.end]) for p in segment.placeholders] == [
        ("klient.imie", "{{- klient.imie -}}"), ("numer", "{{numer}}")]


WORD_NAMESPACE = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
RELATIONSHIPS = "http://schemas.openxmlformats.org/package/2006/relationships"
OFFICE_TYPES = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
MAIN_PART = "application/vnd.openxmlformats-officedocument.wordprocessingml"


def _word_document(body: str, styles: str = "") -> bytes:
    """A minimal .docx: the body's XML and the styles' XML as given."""
    content_types = (
        '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
        '<Default Extension="rels" '
        'ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
        '<Default Extension="xml" ContentType="application/xml"/>'
        f'<Override PartName="/word/document.xml" ContentType="{MAIN_PART}.document.main+xml"/>'
        f'<Override PartName="/word/styles.xml" ContentType="{MAIN_PART}.styles+xml"/></Types>')
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", content_types)
        archive.writestr("_rels/.rels", f'<Relationships xmlns="{RELATIONSHIPS}"><Relationship '
                         f'Id="r1" Type="{OFFICE_TYPES}/officeDocument" Target="word/document.xml"'
                         "/></Relationships>")
        archive.writestr("word/_rels/document.xml.rels", f'<Relationships xmlns="{RELATIONSHIPS}">'
                         f'<Relationship Id="r1" Type="{OFFICE_TYPES}/styles" Target="styles.xml"'
                         "/></Relationships>")
        archive.writestr("word/styles.xml", f"<w:styles {WORD_NAMESPACE}>{styles}</w:styles>")
        archive.writestr("word/document.xml", f"<w:document {WORD_NAMESPACE}><w:body>{body}"
                         "</w:body></w:document>")
    return buffer.getvalue()


def _paragraph(text: str, style: str = "") -> str:
    properties = f'<w:pPr><w:pStyle w:val="{style}"/></w:pPr>' if style else ""
    return f"<w:p>{properties}<w:r><w:t>{text}</w:t></w:r></w:p>"


def _styled_paragraphs(count: int) -> bytes:
    """`count` paragraphs in the last of `count` styles: each style was searched for anew."""
    styles = "".join(f'<w:style w:type="paragraph" w:styleId="s{number}"><w:name '
                     f'w:val="Heading {number}"/></w:style>' for number in range(count))
    return _word_document(_paragraph(SENTENCE, f"s{count - 1}") * count, styles)


def test_a_word_document_of_many_styles_costs_linear_time(tmp_path: Path) -> None:
    _assert_linear(tmp_path, "docx", "a.docx", lambda size: _styled_paragraphs(size // 100),
                   100_000)


def test_merged_table_cells_are_read_once(tmp_path: Path) -> None:
    # python-docx repeats a cell once per grid column it spans, and finds the first cell of a
    # vertical merge through every row above (recursively).
    spanning = '<w:tc><w:tcPr><w:gridSpan w:val="100000"/></w:tcPr>' + _paragraph("Szeroka")
    restart = '<w:tc><w:tcPr><w:vMerge w:val="restart"/></w:tcPr>' + _paragraph("Wysoka")
    continued = "<w:tr><w:tc><w:tcPr><w:vMerge/></w:tcPr><w:p/></w:tc></w:tr>"
    table = (f"<w:tbl><w:tr>{spanning}</w:tc></w:tr><w:tr>{restart}</w:tc></w:tr>"
             f"{continued * 300}</w:tbl>")
    path = tmp_path / "a.docx"
    path.write_bytes(_word_document(_paragraph("Przed") + table + _paragraph("Po")))
    document = _load(path, "docx")
    assert [(s.text, s.span.line) for s in document.segments] == [
        ("Przed", 1), ("Szeroka", 2), ("Wysoka", 3), ("Po", 4)]


def test_a_word_document_of_too_many_paragraphs_is_refused_at_the_html_limit(
        tmp_path: Path) -> None:
    path = tmp_path / "a.docx"
    path.write_bytes(_word_document("<w:p/>" * 250_001))
    (problem,) = _load(path, "docx").problems
    assert (problem.kind, problem.span.line) == (ProblemKind.TOO_LARGE, 250_001)
    assert problem.message == (
        "document has more than 250,000 text blocks (no real document has); not read")


def _lying_archive(name: str, inflated_mb: int, claimed_bytes: int) -> bytes:
    """A zip of one deflated member of `inflated_mb` MB of zeros whose headers claim it
    inflates to `claimed_bytes` (with the checksum of that many zeros)."""
    compressor = zlib.compressobj(9, zlib.DEFLATED, -15)
    megabyte = compressor.compress(bytes(2**20)) + compressor.flush(zlib.Z_FULL_FLUSH)
    data = megabyte * inflated_mb + compressor.flush()
    encoded = name.encode()
    crc = zlib.crc32(bytes(claimed_bytes))
    local = struct.pack("<4s5H3I2H", b"PK\x03\x04", 20, 0, 8, 0, 0, crc, len(data),
                        claimed_bytes, len(encoded), 0) + encoded
    central = struct.pack("<4s6H3I5H2I", b"PK\x01\x02", 20, 20, 0, 8, 0, 0, crc, len(data),
                          claimed_bytes, len(encoded), 0, 0, 0, 0, 0, 0) + encoded
    end = struct.pack("<4s4H2IH", b"PK\x05\x06", 0, 0, 1, 1, len(central),
                      len(local) + len(data), 0)
    return local + data + central + end


def test_a_word_document_whose_zip_headers_lie_costs_bounded_memory(tmp_path: Path) -> None:
    path = tmp_path / "a.docx"
    path.write_bytes(_lying_archive("[Content_Types].xml", 300, 100))
    assert path.stat().st_size < 2**20
    tracemalloc.start()
    try:
        document = _load(path, "docx")
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert peak < 64 * 2**20, f"loading it took {peak / 2**20:.0f} MB"
    (problem,) = document.problems
    assert problem.kind in (ProblemKind.MALFORMED, ProblemKind.TOO_LARGE)
