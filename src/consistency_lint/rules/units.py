"""A document as the rule kinds read it: one token index, its segments and sentences as
windows of it, and its lead-in lists. Built once per document and shared by every rule, so
that each phrase word is looked up once per document, not once per sentence and rule."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import cached_property

from consistency_lint.model import Document, Span
from consistency_lint.nlp import morfeusz
from consistency_lint.nlp.analysis import AnalysedSegment, Token
from consistency_lint.nlp.clause_reading import quotations
from consistency_lint.nlp.phrases import Positions, TokenIndex, find_any
from consistency_lint.rules.compiled import CompiledRule, Concept

# A paragraph is for businesses when its words for them open it, within its first words
# ("W przypadku Klientów będących przedsiębiorcami, …"), not when it names them later on
# ("Prawo odstąpienia przysługuje konsumentom i przedsiębiorcom na prawach konsumenta").
OPENING_WORDS = 6
# How far before a group's name the words that leave it out may stand: "z wyłączeniem osób
# fizycznych prowadzących działalność gospodarczą na prawach konsumenta".
EXCLUSION_REACH = 8
HEADING_KINDS = frozenset({"title", "heading"})  # segment kinds that head a section
NAME_WORDS = 5  # a quotation of this many tokens at most names something; a longer one speaks
# a line of an interface: "Przejdź do treści", "Włącz lub wyłącz wszystkie usługi"
MICROCOPY_WORDS = 5


@dataclass(frozen=True)
class Unit:
    """A sentence (or a whole segment): its tokens, where its words stand (a window of the
    document's index) and the index of its segment's headings."""

    segment: AnalysedSegment
    start: int
    end: int
    tokens: Sequence[Token]
    index: Positions
    token_range: tuple[int, int]  # its tokens' positions in the document index, end excluded
    # its headings ("7. Prawo odstąpienia od umowy" above "Termin biegnie od dnia zawarcia
    # umowy"): context that satisfies a required clause
    heading_index: TokenIndex

    @property
    def text(self) -> str:
        return self.segment.segment.text[self.start:self.end]

    @property
    def excerpt(self) -> str:
        """The unit as the file spells it."""
        return self.segment.segment.written_text(self.start, self.end)

    @property
    def span(self) -> Span:
        return self.segment.segment.span_of(self.start, self.end)


@dataclass(frozen=True)
class DocumentUnits:
    """The document and its units, as every rule kind reads them."""

    document: Document
    index: TokenIndex  # every token of the document
    segments: list[Unit]
    sentences: list[Unit]
    # each segment ending with a colon with the list items after it (see `_lead_in_lists`)
    lists: list[list[Unit]]
    # read by the business's staff (a call-center knowledge base): its "you" is the agent
    read_by_staff: bool = False

    @classmethod
    def of(cls, document: Document, segments: Sequence[AnalysedSegment],
           read_by_staff: bool = False) -> DocumentUnits:
        index, whole_segments, sentences = _units(segments)
        return cls(document, index, whole_segments, sentences, _lead_in_lists(whole_segments),
                   read_by_staff)

    @cached_property
    def segment_of(self) -> dict[int, Unit]:
        """Each analysed segment's whole-segment unit, by the segment's id."""
        return {id(unit.segment): unit for unit in self.segments}

    @cached_property
    def _segment_number(self) -> dict[int, int]:
        """Each analysed segment's place among the segments, by the segment's id."""
        return {id(unit.segment): number for number, unit in enumerate(self.segments)}

    @cached_property
    def quoted(self) -> tuple[frozenset[int], frozenset[int]]:
        """The positions (in the document index) of the words inside quotation marks („…”,
        “…”, "…", «…»; a quotation ends with its segment at the latest): those of names, a
        few words („Odstąp od umowy tutaj”, „zwrot”), and those of speech, longer."""
        names: set[int] = set()
        speech: set[int] = set()
        for unit in self.segments:
            first, end = unit.token_range
            texts = [self.index.tokens[position].text for position in range(first, end)]
            for inside in quotations(texts):
                (names if len(inside) <= NAME_WORDS else speech).update(
                    first + position for position in inside)
        return frozenset(names), frozenset(speech)

    @cached_property
    def microcopy(self) -> frozenset[int]:
        """The positions of the words of the page's interface, which name an action rather
        than speak to the reader: a link's text of a few words ("Dowiedz się więcej") and a
        short line ending in no punctuation that opens with an imperative (a button: "Wróć",
        "Pobierz formularz", "Przejdź do treści")."""
        found: set[int] = set()
        for unit in self.segments:
            first, end = unit.token_range
            segment = unit.segment.segment
            tokens = self.index.tokens
            words = [position for position in range(first, end) if tokens[position].text.isalpha()]
            if (words and len(words) <= MICROCOPY_WORDS
                    and segment.text.rstrip()[-1:].isalnum()
                    and morfeusz.imperative(tokens[words[0]].text)):
                found.update(range(first, end))
                continue
            for link in segment.links:
                inside = [position for position in range(first, end)
                          if link.start <= tokens[position].start < link.end]
                if len([p for p in inside if tokens[p].text.isalpha()]) <= NAME_WORDS:
                    found.update(inside)
        return frozenset(found)

    def unaddressed(self, first: int, end: int) -> frozenset[int]:
        """The positions among `first`..`end` (document index; returned from `first`) of the
        words that do not speak to the customer. A quoted name („Odstąp od umowy tutaj”, the
        button the law requires) speaks to nobody; in a text the customer reads, neither does
        quoted speech (a customer's words). A text the staff read that quotes the lines an
        agent says („Może Pan odstąpić od umowy…”) speaks to the agent everywhere else
        ("Podawaj zawsze cenę brutto"); one that quotes none is all script."""
        names, speech = self.quoted
        if self.read_by_staff and speech:
            return frozenset(position - first for position in range(first, end)
                             if position not in speech)
        names = names | self.microcopy
        left_out = names if self.read_by_staff else names | speech
        return frozenset(position - first for position in range(first, end)
                         if position in left_out)

    def section_words(self, unit: Unit) -> Positions | None:
        """The words of the section a heading heads (the segments after it, up to the next
        heading): "Kiedy prawo odstąpienia nie przysługuje" is a topic its section states,
        with the cases it names. None for a unit of no heading, or a heading over nothing."""
        if unit.segment.segment.kind not in HEADING_KINDS:
            return None
        segments = self.segments
        at = self._segment_number[id(unit.segment)]
        end = at + 1
        while end < len(segments) and segments[end].segment.segment.kind not in HEADING_KINDS:
            end += 1
        if end == at + 1:
            return None
        return self.index.window(segments[at + 1].token_range[0], segments[end - 1].token_range[1])

    def for_businesses(self, unit: Unit, business: Concept, sole_traders: Concept,
                       excluding: Concept) -> bool:
        """Whether the unit is addressed to business customers only: it stands under a
        heading ("Postanowienia dotyczące Przedsiębiorców") or in a paragraph opening
        ("W przypadku Klientów będących przedsiębiorcami…") with a `business` phrase, and
        that heading or paragraph does not extend it to sole traders with consumer rights
        ("przedsiębiorcy na prawach konsumenta"); one that leaves them out ("z wyłączeniem
        przedsiębiorców na prawach konsumenta") does not extend it."""
        if find_any(business, unit.heading_index) is not None:
            return not _includes(sole_traders, excluding, unit.heading_index)
        segment = self.segment_of[id(unit.segment)]
        opening = find_any(business, segment.index)
        return (opening is not None and opening.first < OPENING_WORDS
                and not _includes(sole_traders, excluding, segment.index))

    @cached_property
    def listed(self) -> frozenset[int]:
        """The ids of the analysed segments that stand in a lead-in list."""
        return frozenset(id(unit.segment) for group in self.lists for unit in group)

    def in_scope(self, rule: CompiledRule) -> list[Unit]:
        """The units the rule reads (sentences, or segments for a clause `within` a segment
        or the document), of the segment kinds its scope names."""
        units = self.sentences if rule.model.within == "sentence" else self.segments
        kinds = rule.model.applies_to.segment_kinds
        return units if kinds is None else [unit for unit in units
                                            if unit.segment.segment.kind in kinds]


def _includes(group: Concept, excluding: Concept, index: Positions) -> bool:
    """Whether the words name the group other than to leave it out: an `excluding` phrase
    ending at most `EXCLUSION_REACH` words before the group's name leaves it out."""
    named = find_any(group, index)
    if named is None:
        return False
    return not any(excluded.last < named.first <= excluded.last + EXCLUSION_REACH
                   for phrase in excluding if (excluded := index.match(phrase)))


def joined(units: Sequence[Unit]) -> tuple[list[tuple[Unit, Token]], TokenIndex]:
    """Units read as one text (a clause `within` the document, a lead-in with its items):
    each token with its unit, and the index of the tokens."""
    tokens = [(unit, token) for unit in units for token in unit.tokens]
    return tokens, TokenIndex([token for _, token in tokens])


def _units(segments: Sequence[AnalysedSegment]) -> tuple[TokenIndex, list[Unit], list[Unit]]:
    """The document's token index, and its segments and sentences as windows of it."""
    tokens = [token for s in segments for sentence in s.sentences for token in sentence.tokens]
    document = TokenIndex(tokens)
    whole_segments, sentences = [], []
    heading_indexes: dict[tuple[Token, ...], TokenIndex] = {}  # segments share headings
    offset = 0
    for analysed in segments:
        headings = heading_indexes.get(analysed.heading_tokens)
        if headings is None:
            headings = heading_indexes[analysed.heading_tokens] = TokenIndex(
                analysed.heading_tokens)
        segment_first = offset
        for sentence in analysed.sentences:
            end = offset + len(sentence.tokens)
            sentences.append(Unit(analysed, sentence.start, sentence.end, sentence.tokens,
                                  document.window(offset, end), (offset, end), headings))
            offset = end
        whole_segments.append(Unit(analysed, 0, len(analysed.segment.text),
                                   tokens[segment_first:offset],
                                   document.window(segment_first, offset),
                                   (segment_first, offset), headings))
    return document, whole_segments, sentences


# The items read with a lead-in, at most: where every item of a long list ends with a colon,
# each would otherwise be read with all the items after it (quadratic).
MAX_LIST_ITEMS = 200


def _lead_in_lists(segments: list[Unit]) -> list[list[Unit]]:
    """Each segment ending with a colon ("Prawo odstąpienia nie przysługuje przy:") with the
    list items that follow it: a prohibition reads them as one statement, so that the lead-in
    and an item make the phrase ("nie odpowiada za:" + "opóźnienia przewoźnika") and an
    item's context makes it compliant ("aukcjach publicznych (art. 38)")."""
    lists = []
    items_end = len(segments)  # where the list items after a position end
    items_ends = [0] * len(segments)  # (one pass from the end, not one per lead-in)
    for position in range(len(segments) - 1, -1, -1):
        items_ends[position] = items_end
        if segments[position].segment.segment.kind != "list-item":
            items_end = position
    for position, unit in enumerate(segments):
        if not unit.segment.segment.text.rstrip().endswith(":"):
            continue
        items = segments[position + 1:min(items_ends[position], position + 1 + MAX_LIST_ITEMS)]
        if items:
            lists.append([unit, *items])
    return lists
