"""`fact-mismatch` across documents: a web address one slip away from one the business
states elsewhere.

A link's target is a value the page states as much as an address in its text: a customer
who clicks `[Regulamin](https://www.x.com/regulamin2)` lands on a page that does not exist,
or on another business's site (x.pl for x.com). Every web address the documents state, in a
link's target (Markdown, HTML, a page's menu too) or written out in the text, is gathered
with its places; an address whose host is a near miss of another stated address's host, or
whose path differs from one on its host in one segment by a letter
(`values.near_miss.url_near_miss`), is reported at its places when the other is the better
attested (stated in more places, or as often and first). Two pages of one site are no near
miss of each other.

Addresses written out in the text whose hosts are near misses of each other are
`fact_checks`' (FACT-CHANNEL-MISMATCH): a host is reported here at a link's target, or in
the text where the other host is only linked to; a path wherever it stands.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Hashable, Iterable, Iterator, Sequence
from dataclasses import dataclass

from consistency_lint.checks.context import CheckContext, Corpus
from consistency_lint.checks.protocol import CorpusCheck, Kind
from consistency_lint.model import (
    Category,
    Document,
    Finding,
    RelatedLocation,
    Segment,
    Severity,
    Span,
    Value,
    ValueType,
)
from consistency_lint.specs import CheckSpec, Example
from consistency_lint.values.extraction import extract_values, link_target
from consistency_lint.values.near_miss import host_keys, path_keys, url_near_miss

_PAGE = ("Zwroty: [regulamin](https://www.meblino.pl/regulamin).\n\n"
         "Dostawa: [regulamin](https://www.meblino.pl/regulamin).\n\n"
         "Reklamacje: [regulamin](https://www.meblino.pl/{path}).\n")
LINK_NEAR_MISS = CheckSpec(
    id="FACT-LINK-NEAR-MISS",
    category=Category.FACT_MISMATCH,
    severity=Severity.ERROR,
    summary="A web address (a link's target or an address in the text) is one slip away "
    "from one the business states elsewhere: a host on another domain, or a path segment a "
    "letter off.",
    rationale="A customer who clicks lands on a page that does not exist or on someone "
    "else's site: a copy mistyped, or updated in one document and not in another.",
    failing=Example("markdown", _PAGE.format(path="regulamn"), file_name="pomoc.md"),
    passing=Example("markdown", _PAGE.format(path="reklamacje"), file_name="pomoc.md"),
)
SPECS = (LINK_NEAR_MISS,)
KIND = Kind.CORPUS
MAX_RELATED = 20
MENU = -1  # the block number of a document's menus (`Document.menu_links`)


@dataclass(frozen=True, slots=True)
class _Place:
    """One place a web address is stated: in a link's target (`linked`) or in the text."""

    document: Document
    span: Span
    text: str
    linked: bool
    order: tuple[int, int]  # the document's position in the corpus, the line
    block: tuple[int, int]  # the document's position, its segment's (a menu's: MENU)


def build(context: CheckContext) -> CorpusCheck:
    return check


def check(corpus: Corpus) -> Iterator[Finding]:
    places: defaultdict[Value, list[_Place]] = defaultdict(list)
    for index, document in enumerate(corpus.documents):
        for number, segment in enumerate(document.segments):
            for value, place in _stated(document, segment, (index, number)):
                places[value].append(place)
        for link in document.menu_links:
            found = _linked(document, link.href, link.span, (index, MENU))
            if found is not None:
                places[found[0]].append(found[1])
    hosts: defaultdict[Value, list[_Place]] = defaultdict(list)
    for value, stated in places.items():
        hosts[_host(value)].extend(stated)
    for host, mine in hosts.items():  # x.pl where the business's site is x.com
        other = _better_attested(host, mine, hosts, _alike(hosts, host_keys))
        if other is None:
            continue
        # two addresses written out in the text are `fact_checks`' to compare
        only_linked = all(place.linked for place in hosts[other])
        yield from (_finding(place, f"its host {host.text}", other.text, hosts[other], len(mine))
                    for place in mine if (place.linked or only_linked)
                    and place.document.path in corpus.reported_paths)
    alike = _alike(places, path_keys)
    for value, mine in places.items():  # a path a letter off on the site's host
        other = _better_attested(value, mine, places, alike)
        if (other is not None and _host(other) == _host(value)
                and not _side_by_side(mine, places[other])):
            yield from (_finding(place, "it", places[other][0].text, places[other], len(mine))
                        for place in mine
                        if place.document.path in corpus.reported_paths)


def _stated(document: Document, segment: Segment,
            block: tuple[int, int]) -> Iterator[tuple[Value, _Place]]:
    """The web addresses a segment states: its links' targets, at the link's text, and the
    addresses written out in its text outside a link."""
    for link in segment.links:
        linked = _linked(document, link.href, segment.span_of(link.start, link.end), block)
        if linked is not None:
            yield linked
    for found in extract_values(segment.text, document.language, frozenset({ValueType.URL})):
        if any(link.start <= found.start < link.end for link in segment.links):
            continue  # the link's target is the address it shows, or the one reported
        span = segment.span_of(found.start, found.end)
        yield found.value, _Place(document, span, segment.written_text(found.start, found.end),
                                  False, (block[0], span.line), block)


def _linked(document: Document, href: str, span: Span,
            block: tuple[int, int]) -> tuple[Value, _Place] | None:
    """The web address a link at `span` leads to (a page's or a menu's), or None."""
    target = link_target(href, document.language)
    if target is None or target.value.type is not ValueType.URL:
        return None
    return target.value, _Place(document, span, href.strip(), True, (block[0], span.line),
                                block)


def _side_by_side(mine: Sequence[_Place], theirs: Sequence[_Place]) -> bool:
    """Whether two addresses are linked from one block (a paragraph, a page's menus): pages
    offered side by side, as a menu links sizes "/rozmiar-s" and "/rozmiar-m", not a slip."""
    return not {place.block for place in mine}.isdisjoint(place.block for place in theirs)


def _alike(values: Iterable[Value],
           keys: Callable[[Value], Iterable[Hashable]]) -> dict[Value, set[Value]]:
    """For each value, the others that share a key with it: the only ones that may be its
    near misses (a site of ten thousand pages is not compared page by page)."""
    index: defaultdict[Hashable, set[Value]] = defaultdict(set)
    for value in values:
        for key in keys(value):
            index[key].add(value)
    alike: defaultdict[Value, set[Value]] = defaultdict(set)
    for group in index.values():
        for value in group:
            alike[value] |= group
    return alike


def _better_attested(value: Value, mine: Sequence[_Place], places: dict[Value, list[_Place]],
                     alike: dict[Value, set[Value]]) -> Value | None:
    """The stated address (or host) `value` is a near miss of and which is stated in more
    places, or as often and first (one finding for the pair, naming the other)."""
    first = min(place.order for place in mine)
    best: Value | None = None
    for other in sorted(alike.get(value, ()), key=lambda found: found.text):
        theirs = places[other]
        if other == value or len(theirs) < len(mine) or not url_near_miss(value, other):
            continue
        if len(theirs) == len(mine) and min(place.order for place in theirs) > first:
            continue
        if best is None or len(theirs) > len(places[best]):
            best = other
    return best


def _host(value: Value) -> Value:
    return Value(ValueType.URL, text=value.text.partition("/")[0])


def _finding(place: _Place, what: str, near: str, theirs: Sequence[_Place],
             mine: int) -> Finding:
    """The finding at `place`; stated as often as the other, either may be the slip."""
    count = len(theirs)
    where = f"{count} place{'s' if count > 1 else ''}"
    which = " (stated as often: one of the two is mistyped)" if count == mine else ""
    return LINK_NEAR_MISS.finding(
        place.document, place.span,
        f"web address {place.text}: {what} is a near miss of {near} stated in {where}{which}",
        excerpt=place.text,
        related=tuple(RelatedLocation(o.document.path, o.span.line, o.document.channel, o.text)
                      for o in theirs[:MAX_RELATED]))
