"""Visible text of an HTML page, segmented by block elements, with exact positions.

We use the standard library's HTML tokenizer rather than a tree builder because it reports
the line and column of every text node, which is what findings must point at (lexbor
exposes no positions, lxml only the line where an element starts). Boilerplate (scripts,
styles, navigation, cookie banners, hidden elements) is dropped. A page footer is read, its
segments marked `footer`: shops state their hotline, e-mail address, NIP, address and opening
hours there, often nowhere else on the page; a footer's block that is only links to other
pages (a menu) is navigation and dropped. A menu's links are kept apart from the text
(`MenuLink`): their targets are addresses the business states.

Pages are untrusted, so the cost is linear in the page's size: the tokenizer is fed the
whole page once, character references are decoded here rather than by the tokenizer (which
stops at a malformed `&#`), and a page that ends inside a tag or comment ends as the HTML
standard says, not by re-parsing the rest from every later `<` (CPython's HTMLParser did
that until gh-135462: quadratic).
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import replace
from html import unescape
from html.parser import HTMLParser

from consistency_lint.loaders.parsed import ParsedContent, refuse_too_many_segments
from consistency_lint.loaders.segments import SegmentBuilder
from consistency_lint.loaders.source import Source
from consistency_lint.loaders.tables import TableTracker
from consistency_lint.model import TRADE_KEYS, MenuLink, Segment, Span

BOILERPLATE_TAGS = frozenset(
    {"script", "style", "noscript", "template", "nav", "svg", "iframe", "object"}
)
BOILERPLATE_ROLES = frozenset({"navigation", "banner", "search"})
NAVIGATION_ROLE = "navigation"
MAX_MENU_LINKS = 10_000  # more is no menu; the rest are not read
FOOTER_ROLE = "contentinfo"
# A footer's link to one of these states a contact, so its block is no menu.
CONTACT_SCHEMES = ("mailto:", "tel:", "callto:", "sms:")
# What may stand between a menu's links: separators, never words.
_MENU_FILLER = re.compile(r"[\s|·•,;/\-–—]*")
_NOT_IN_MENUS = re.compile(r"[\d@]")
BOILERPLATE_MARKERS = re.compile(r"cookie|consent|gdpr|breadcrumb", re.IGNORECASE)
VOID_TAGS = frozenset(
    {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source",
     "track", "wbr"}
)
# The tokenizer sees every "&" as this character, which no decoded Source contains (NUL bytes
# are refused), and the references are decoded from the text it reports, by position.
_AMPERSAND = "\x00"
_REFERENCE = re.compile(r"\x00(?:#[0-9]+;?|#[xX][0-9a-fA-F]+;?|[A-Za-z][A-Za-z0-9]*;?)")
BLOCK_KINDS = {
    **{f"h{level}": "heading" for level in range(1, 7)},
    "li": "list-item", "dt": "list-item", "dd": "list-item",
    "td": "table-cell", "th": "table-cell", "caption": "table-cell",
    "button": "button", "title": "title", "label": "label", "option": "label",
    "legend": "label", "summary": "heading", "figcaption": "paragraph", "blockquote": "paragraph",
    "p": "paragraph", "div": "paragraph", "section": "paragraph", "article": "paragraph",
    "main": "paragraph", "aside": "paragraph", "header": "paragraph", "address": "paragraph",
    "footer": "paragraph",
    "pre": "paragraph", "ul": "paragraph", "ol": "paragraph", "dl": "paragraph",
    "table": "paragraph", "tr": "paragraph", "form": "paragraph", "fieldset": "paragraph",
    "figure": "paragraph", "details": "paragraph", "hr": "paragraph", "body": "paragraph",
}
# The enclosing elements a text's markup names, innermost first, and the classes and style
# declarations of one element, at most: a page of thousands of nested elements (or classes)
# would otherwise give each piece of text thousands of names.
MAX_MARKUP_DEPTH = 16
MAX_ELEMENT_SELECTORS = 16
# Inline elements whose text belongs to the word before it: "m<sup>2</sup>", "H<sub>2</sub>O".
SCRIPT_POSITION_TAGS = frozenset({"sup", "sub"})
METADATA_NAMES = frozenset({"doc_type", "owner", "last_reviewed", "title", "language",
                            *TRADE_KEYS})
BUTTON_INPUT_TYPES = frozenset({"submit", "button"})


def parse(source: Source) -> ParsedContent:
    extractor = _VisibleTextExtractor()
    extractor.feed(source.text.replace("&", _AMPERSAND))
    extractor.close()
    return ParsedContent(
        segments=tuple(extractor.segments),
        metadata=extractor.metadata,
        metadata_lines=extractor.metadata_lines,
        menu_links=tuple(extractor.menu_links),
    )


class _VisibleTextExtractor(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=False)
        self.segments: list[Segment] = []
        self.metadata: dict[str, object] = {}
        self.metadata_lines: dict[str, int] = {}
        self.menu_links: list[MenuLink] = []
        self._builder = SegmentBuilder()
        self._tables = TableTracker()
        self._block_stack: list[str] = []
        self._open_blocks: Counter[str] = Counter()  # the stack's tags, to look one up at once
        self._headings: list[tuple[int, str]] = []
        self._skipped_tag: str | None = None
        self._skip_depth = 0
        self._skipping_menu = False  # the skipped element is navigation: its links are kept
        self._footer_tag: str | None = None  # the element that opened the footer we are in
        self._footer_depth = 0
        self._elements = _OpenElements()
        self._inline_boundary = _InlineBoundary()

    # -- tokenizer events ----------------------------------------------------------------
    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if self._skipped_tag is not None:
            self._start_in_skipped(tag, attrs)
            return
        attributes = {_decoded(name): _decoded(value or "") for name, value in attrs}
        if self._is_boilerplate(tag, attributes):
            if tag not in VOID_TAGS:
                self._skipped_tag, self._skip_depth = tag, 1
                self._skipping_menu = (tag == "nav" or attributes.get("role", "").lower()
                                       == NAVIGATION_ROLE)
            return
        self._read_metadata(tag, attributes)
        self._enter_footer(tag, attributes)
        if tag not in VOID_TAGS:
            self._elements.open(tag, attributes)
            self._inline_boundary.passed(tag, closing=False)
        if tag == "input" and attributes.get("type", "").lower() in BUTTON_INPUT_TYPES:
            self._add_button_value(attributes.get("value", ""))
        elif tag == "br":
            self.handle_data(" ")
        elif tag == "a" and "href" in attributes:
            self._builder.start_link(attributes["href"])
        elif tag in BLOCK_KINDS and tag not in VOID_TAGS:
            self._flush()
            self._block_stack.append(tag)
            self._open_blocks[tag] += 1
        elif tag in BLOCK_KINDS:
            self._flush()
        self._table_start(tag)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.handle_starttag(tag, attrs)
        if tag not in VOID_TAGS:
            self.handle_endtag(tag)

    def handle_endtag(self, tag: str) -> None:
        if self._skipped_tag is not None:
            if tag == self._skipped_tag:
                self._skip_depth -= 1
                if self._skip_depth == 0:
                    self._skipped_tag = None
            return
        self._elements.close(tag)
        self._inline_boundary.passed(tag, closing=True)
        if tag == "a":
            self._builder.end_link()
        elif tag in BLOCK_KINDS and self._open_blocks[tag]:
            self._flush()
            while self._block_stack:
                closed = self._block_stack.pop()
                self._open_blocks[closed] -= 1
                if closed == tag:
                    break
        self._table_end(tag)
        self._leave_footer(tag)

    def handle_data(self, data: str) -> None:
        """Text, with its character references decoded each at its own position."""
        if self._skipped_tag is not None:
            return
        line, offset = self.getpos()
        column, start = offset + 1, 0
        for reference in _REFERENCE.finditer(data):
            line, column = self._add_piece(data[start:reference.start()], line, column)
            self._add_piece(_decoded_reference(reference), line, column)
            column += reference.end() - reference.start()
            start = reference.end()
        self._add_piece(data[start:], line, column)

    def close(self) -> None:
        self._end_inside_markup()
        super().close()
        self._flush()

    # -- helpers ---------------------------------------------------------------------------
    def _table_start(self, tag: str) -> None:
        """Tables, and definition lists read as tables of two columns: a term (`<dt>`) is
        the row's first cell, each description (`<dd>`) a cell of its row ("<dt>KRS</dt>
        <dd>0000874215</dd>" is "KRS" | "0000874215")."""
        if tag in ("table", "dl"):
            self._tables.start_table()
        elif tag == "thead":
            self._tables.head(inside=True)
        elif tag in ("tr", "dt"):
            self._tables.start_row()
        if tag in ("td", "th", "dt", "dd"):
            self._tables.open_cell(header=tag == "th")

    def _table_end(self, tag: str) -> None:
        if tag in ("table", "dl"):
            self._tables.end_table()
        elif tag == "thead":
            self._tables.head(inside=False)
        elif tag in ("td", "th", "dt", "dd"):
            self._tables.close_cell()

    def _is_boilerplate(self, tag: str, attributes: dict[str, str]) -> bool:
        if tag in BOILERPLATE_TAGS or "hidden" in attributes:
            return True
        if attributes.get("aria-hidden") == "true":
            return True
        if attributes.get("role", "").lower() in BOILERPLATE_ROLES:
            return True
        markers = f"{attributes.get('id', '')} {attributes.get('class', '')}"
        return bool(BOILERPLATE_MARKERS.search(markers))

    def _enter_footer(self, tag: str, attributes: dict[str, str]) -> None:
        if tag in VOID_TAGS:
            return
        if self._footer_tag is None:
            if tag == "footer" or attributes.get("role", "").lower() == FOOTER_ROLE:
                self._flush()
                self._footer_tag, self._footer_depth = tag, 1
        elif tag == self._footer_tag:
            self._footer_depth += 1

    def _leave_footer(self, tag: str) -> None:
        if tag != self._footer_tag:
            return
        self._footer_depth -= 1
        if self._footer_depth == 0:
            self._flush()
            self._footer_tag = None

    def _read_metadata(self, tag: str, attributes: dict[str, str]) -> None:
        line = self.getpos()[0]
        if tag == "html" and attributes.get("lang"):
            self.metadata["language"] = attributes["lang"].split("-")[0].lower()
            self.metadata_lines["language"] = line
        elif tag == "meta" and attributes.get("name") in METADATA_NAMES:
            self.metadata[attributes["name"]] = attributes.get("content", "")
            self.metadata_lines[attributes["name"]] = line

    def _end_inside_markup(self) -> None:
        """The tokenizer stopped at a tag, comment or declaration that the page never closes:
        by the HTML standard all that follows is inside it, and no browser shows it."""
        if self.cdata_elem is None and self.rawdata.startswith("<"):
            if self.rawdata in ("<", "</"):
                self.handle_data(self.rawdata)
            self.rawdata = ""

    def _add_piece(self, text: str, line: int, column: int) -> tuple[int, int]:
        """Add `text` found at (line, column); return the position just after it."""
        if text and self._inline_boundary.separates(self._builder.last_character, text[0]):
            self._builder.separate()
        self._builder.add(text.replace(_AMPERSAND, "&"), line, column, self._elements.selectors)
        newlines = text.count("\n")
        if newlines:
            return line + newlines, len(text) - text.rindex("\n")
        return line, column + len(text)

    def _start_in_skipped(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        """An element inside a skipped one: nesting counted, a menu's links kept."""
        if tag == self._skipped_tag and tag not in VOID_TAGS:
            self._skip_depth += 1
        elif tag == "a" and self._skipping_menu:
            self._add_menu_link(next((value for name, value in attrs if name == "href"), None))

    def _add_menu_link(self, href: str | None) -> None:
        if href is not None and len(self.menu_links) < MAX_MENU_LINKS:
            line, offset = self.getpos()
            self.menu_links.append(MenuLink(_decoded(href), Span.point(line, offset + 1)))

    def _add_button_value(self, value: str) -> None:
        self._flush()
        line, offset = self.getpos()
        self._builder.add(value, line, offset + 1)
        self._flush(kind="button")

    def _flush(self, kind: str | None = None) -> None:
        block = self._block_stack[-1] if self._block_stack else "p"
        level = _heading_level(block) if kind is None else None
        if level is not None:
            self._headings = [(lvl, text) for lvl, text in self._headings if lvl < level]
        heading_path = tuple(text for _, text in self._headings)
        footer = self._footer_tag is not None
        self._inline_boundary.reset()
        segment = self._builder.build(kind or BLOCK_KINDS.get(block, "paragraph"), heading_path,
                                      footer)
        self._builder = SegmentBuilder()
        if segment is None:
            return
        if footer and _is_menu(segment):
            room = max(0, MAX_MENU_LINKS - len(self.menu_links))
            self.menu_links.extend(MenuLink(link.href, segment.span_of(link.start, link.end))
                                   for link in segment.links[:room])
            return
        if level is not None:
            self._headings.append((level, segment.text))
        cell = self._tables.cell()
        self._tables.add_text(segment.text)
        self.segments.append(replace(segment, cell=cell) if cell is not None else segment)
        refuse_too_many_segments(len(self.segments), "page", self.getpos()[0])


class _OpenElements:
    """The elements open at a point of the page, and the selectors naming the innermost of
    them ("<del>", ".old-price", "{text-decoration:line-through}"), recomputed only when an
    element opens or closes."""

    def __init__(self) -> None:
        self._stack: list[tuple[str, frozenset[str]]] = []
        self._open: Counter[str] = Counter()  # the stack's tags, to look one up at once
        self.selectors: frozenset[str] = frozenset()

    def open(self, tag: str, attributes: dict[str, str]) -> None:
        self._stack.append((tag, _selectors(tag, attributes)))
        self._open[tag] += 1
        self._update()

    def close(self, tag: str) -> None:
        """Close `tag` and the elements left open inside it; an end tag of no open element
        is ignored, as browsers ignore it."""
        if not self._open[tag]:
            return
        while self._stack:
            closed, _ = self._stack.pop()
            self._open[closed] -= 1
            if closed == tag:
                break
        self._update()

    def _update(self) -> None:
        self.selectors = frozenset(selector for _, selectors in self._stack[-MAX_MARKUP_DEPTH:]
                                   for selector in selectors)


class _InlineBoundary:
    """Whether text on either side of inline elements' tags reads as one word or two.

    A browser joins the text of adjacent inline elements as written, and styles (margins,
    `display: block`, flex) then set "24 h" and "InPost", an old and a new price, a badge and
    a product's name apart; we see no style sheet. Words are set apart where the join could
    not be one word: a lower-case letter or digit before a capital ("24 h</b><span>InPost"),
    a letter beside a digit ("zł</del><ins>149"), and two numbers in sibling elements
    ("<del>199</del><ins>149</ins>"). Emphasis inside a word ("Po<b>wered</b>"), a drop
    capital ("<b>W</b>arszawa") and a superscript ("m<sup>2</sup>") stay joined.
    """

    def __init__(self) -> None:
        self.reset()

    def reset(self) -> None:
        self._opened = self._closed = self._script_position = False

    def passed(self, tag: str, *, closing: bool) -> None:
        """A tag stands between the text before and the text after it."""
        if tag in BLOCK_KINDS or tag in VOID_TAGS:
            return
        if closing:
            self._closed = True
        else:
            self._opened = True
        self._script_position |= tag in SCRIPT_POSITION_TAGS

    def separates(self, before: str, after: str) -> bool:
        """Whether a space belongs between `before` and `after`; the boundary is then read."""
        passed = self._opened or self._closed
        siblings = self._opened and self._closed
        script_position = self._script_position
        self.reset()
        if not passed or script_position or not before or before.isspace() or after.isspace():
            return False
        if before.isdigit() and after.isdigit():
            return siblings
        if before.isalpha() != after.isalpha() and before.isalnum() and after.isalnum():
            return True
        return after.isupper() and (before.islower() or before.isdigit())


def _selectors(tag: str, attributes: dict[str, str]) -> frozenset[str]:
    """The element as CSS selectors: its tag, its classes and its inline style declarations."""
    classes = attributes.get("class", "").split()[:MAX_ELEMENT_SELECTORS]
    declarations = [declaration.split(":", 1) for declaration in
                    attributes.get("style", "").split(";", MAX_ELEMENT_SELECTORS)[
                        :MAX_ELEMENT_SELECTORS] if ":" in declaration]
    return frozenset({f"<{tag}>", *(f".{name.lower()}" for name in classes),
                      *(f"{{{name.strip().lower()}:{' '.join(value.lower().split())}}}"
                        for name, value in declarations)})


def _is_menu(segment: Segment) -> bool:
    """Whether a footer's block is only links to other pages, with separators between, and
    names no number or address ("Kontakt: 22 350 40 50" linked to the contact page is a
    fact)."""
    if (not segment.links or _NOT_IN_MENUS.search(segment.text)
            or any(link.href.strip().lower().startswith(CONTACT_SCHEMES)
                   for link in segment.links)):
        return False
    start = 0
    for link in segment.links:
        if not _MENU_FILLER.fullmatch(segment.text, start, link.start):
            return False
        start = link.end
    return bool(_MENU_FILLER.fullmatch(segment.text, start))


def _decoded(text: str) -> str:
    """Text the tokenizer reported, its character references decoded as a browser does."""
    return _REFERENCE.sub(_decoded_reference, text).replace(_AMPERSAND, "&")


def _decoded_reference(reference: re.Match[str]) -> str:
    text = "&" + reference.group()[1:]
    digits = text.lstrip("&#xX").rstrip(";").lstrip("0") if text.startswith("&#") else ""
    if len(digits) > 8:  # past U+10FFFF, and too long for int() to read quickly
        return "\ufffd"
    return unescape(text)


def _heading_level(tag: str) -> int | None:
    return int(tag[1]) if len(tag) == 2 and tag[0] == "h" and tag[1].isdigit() else None
