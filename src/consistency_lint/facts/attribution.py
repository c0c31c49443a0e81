"""Decides which (subject, attribute) each value in a document belongs to.

A value is given the attribute of the nearest cue in its sentence (among attributes of
its type and bound), or of a cue in its headings; when the value's clause has a verb of its
own, only a cue that governs that clause (`nlp.frames`: standing in it, or named there by a
pronoun, or in the headings) attributes it above low confidence. Its subject is the nearest
subject named in the sentence, else in the headings, else the document's own subject. Company-wide
attributes (hotline, delivery...) belong to the company subject. An e-mail address needs no
cue: it is a contact address.

A value whose best cue is an ignored one ("NIP 525 000 12 34", "Cena regularna: 2 999 zł")
is no fact. A fact gets the role its clause names ("Reklamacje: reklamacje@…" is the
complaints address) and a label, the words that set it apart in a list of variants
("InPost: 12,99 zł; DPD: 16,99 zł").
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections import Counter
from collections.abc import Callable, Container, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field, replace
from functools import cached_property, partial
from itertools import islice, product

from consistency_lint.facts.anchors import (
    anchor_after,
    ends_event,
    implied_anchors,
    opens_relative,
    possible_anchors,
    sentence_anchor,
    with_stated_starts,
    words_of,
)
from consistency_lint.facts.attributes import (
    Attribute,
    Scope,
    custom_attribute_names,
    identifier_cue_lemmas,
    ignored_cue_lemmas,
    promotion_cue_lemmas,
    referring_words,
)
from consistency_lint.facts.conditions import (
    as_condition_of_offer,
    offer_cue_starts,
    unconditional_offers,
    without_their_condition,
)
from consistency_lint.facts.registry import Registry
from consistency_lint.facts.set_statements import SetStatements
from consistency_lint.facts.shared_values import shared_values, states_shared
from consistency_lint.facts.subjects import SubjectMatcher, SubjectMention, named_subject
from consistency_lint.facts.tables import (
    CueContext,
    bounded_by_column,
    cue_context,
    hours_with_row_days,
)
from consistency_lint.facts.totals import MAX_PARTS, is_total
from consistency_lint.facts.value_tokens import SegmentValues, SentenceValues, ValueTokens
from consistency_lint.facts.variants import MAX_LABEL_WORDS, LabelWords
from consistency_lint.model import (
    PER_MONTH,
    Confidence,
    Document,
    Fact,
    Reading,
    Value,
    ValueMatch,
    ValueType,
)
from consistency_lint.nlp import morfeusz
from consistency_lint.nlp.analysis import AnalysedSegment, Sentence, Token
from consistency_lint.nlp.clause_reading import asserted, clauses
from consistency_lint.nlp.clauses import CLAUSE_ENDS, LABEL_ENDS, clause_numbers
from consistency_lint.nlp.frames import (
    PARTICIPLE_TAGS,
    Frame,
    SentenceFrames,
    noun_agreement,
    parts_of_speech,
)
from consistency_lint.nlp.lexicon import lexicon
from consistency_lint.values.extraction import extract_values, link_target, text_value

HIGH_CONFIDENCE_DISTANCE = 8
MEDIUM_CONFIDENCE_DISTANCE = 20
HEADING_DISTANCE = 1_000
NEARBY_DISTANCE = 4
# Words that only describe the noun after them, which a cue's words may stand apart by
NOUN_MODIFIERS = frozenset({"adj", "adja", "num"}) | PARTICIPLE_TAGS
MAX_MODIFIERS = 4  # "wszystkie otrzymane od Państwa": how many such words at most
PREVIOUS_SENTENCE_DISTANCE = MEDIUM_CONFIDENCE_DISTANCE  # a cue in the sentence before
TITLE_MAX_WORDS = 8  # a short first line of a plain-text document is its title
PHRASE_SLACK = 1  # words of a multi-word cue may stand this many tokens further apart
WEB_ADDRESS = "web_address"  # the attribute of a web address no cue attributes
HOTLINE = "hotline"  # the built-in attribute of the business's phone number
# Values that say what they are: an address, and a schedule (weekdays with their hours).
SELF_EVIDENT_TYPES = frozenset({ValueType.EMAIL, ValueType.HOURS})
CONTACT_VALUE_TYPES = frozenset({ValueType.PHONE, ValueType.EMAIL})
ADDRESS_TYPES = frozenset({ValueType.EMAIL, ValueType.URL})  # values whose words name a party
RELATIVE_ENDS = frozenset({",", ";", ":", "."})  # outside brackets
MAX_EVENT_TOKENS = 16  # "od dnia otrzymania oświadczenia Konsumenta o obniżeniu ceny lub …"
# The stand-in attribute of ignored cues: when one ranks first, the value is no fact.
_IGNORED = Attribute("", ValueType.TEXT, Scope.COMPANY, None, ())


@dataclass(frozen=True)
class DocumentFacts:
    """The facts a document states and the product it is about (if it is about one)."""

    subject: str | None
    facts: tuple[Fact, ...]


class _SentenceIndex:
    """What attribution looks up in one sentence, computed once per sentence (most of it on
    first need), so that a value costs a few bisections rather than passes over its sentence:
    a sentence of many values was quadratic, and its cues' combinations more."""

    def __init__(self, tokens: Sequence[Token], mentions: list[SubjectMention]) -> None:
        self.tokens = tokens
        self.positions: dict[str, list[int]] = {}
        for position, token in enumerate(tokens):  # a word stands at each of its lemmas
            for lemma in morfeusz.every_lemma(token.text, token.lemma, verbal=False):
                self.positions.setdefault(lemma, []).append(position)
        self.mentions = mentions
        self.mentioned = frozenset(position for mention in mentions for position in
                                   range(mention.token_index,
                                         mention.token_index + mention.length))
        self.starts = [token.start for token in tokens]
        self.ends = [token.end for token in tokens]
        self.words = frozenset(token.text.lower() for token in tokens)
        self._clause_numbers: dict[frozenset[str], list[int]] = {}
        self._clause_lemmas: dict[int, Counter[str]] = {}
        self._part_lemmas: dict[int, frozenset[str]] = {}
        self._label_words: dict[tuple[int, str], list[int]] = {}
        self._unclaimed: dict[tuple[ValueType, str], list[int]] = {}
        self._compact: dict[tuple[ValueType, tuple[str, ...]],
                            tuple[list[_Combination], list[int]]] = {}
        self._frames: SentenceFrames | None = None
        self._offer_starts: dict[ValueType, list[int]] = {}
        self._nouns: dict[str, frozenset[tuple[str, str]]] = {}
        self._unsaid: frozenset[int] | None = None

    @cached_property
    def _asides(self) -> list[int]:
        """How many tokens inside brackets stand before each position (a prefix sum)."""
        counts, depth, total = [0], 0, 0
        for token in self.tokens:
            closing = token.text == ")"
            depth = max(depth - closing, 0)
            total += depth > 0 and not closing
            depth += token.text == "("
            counts.append(total)
        return counts

    @cached_property
    def _aside_ends(self) -> list[int]:
        """For each position inside brackets, where its aside closes; -1 outside them."""
        ends = [-1] * len(self.tokens)
        open_at: list[int] = []
        for position, token in enumerate(self.tokens):
            if token.text == ")" and open_at:
                for inside in range(open_at.pop() + 1, position):
                    if ends[inside] < 0:  # an inner aside closed first and keeps its own
                        ends[inside] = position
            elif token.text == "(":
                open_at.append(position)
        return ends

    def glosses_before(self, position: int, origin: int) -> bool:
        """Whether `position` stands in an aside that closes before `origin`: "Za pobranie
        (tylko kurier DPD) doliczamy 5 zł" glosses the cash on delivery, not the amount."""
        end = self._aside_ends[position] if position < len(self.tokens) else -1
        return 0 <= end < origin

    def aside_between(self, first: int, second: int) -> int:
        """How many tokens in brackets stand between two positions: an aside ("koszty
        dostarczenia (z wyjątkiem dodatkowych kosztów …), niezwłocznie, a … nie później niż
        14 dni") keeps no cue from the value after it."""
        low, high = sorted((first, second))
        return self._asides[high] - self._asides[low + 1] if high > low + 1 else 0

    @cached_property
    def _parts(self) -> list[frozenset[str]]:
        """Each token's parts of speech (`nlp.frames.parts_of_speech`)."""
        return [parts_of_speech(token) for token in self.tokens]

    def unsaid(self, text: str, language: str) -> frozenset[int]:
        """The positions of the words the text does not say but tells its reader not to say
        ("Nie mów, że „ustawa daje 30 dni”": `nlp.clause_reading.asserted`); `text` is the
        segment's, which the tokens' offsets point into."""
        if self._unsaid is None:
            read = clauses(self.tokens, text, language, ())
            said = {clause.tokens for clause in asserted(read, self.tokens, language)}
            self._unsaid = frozenset(position for clause in read if clause.tokens not in said
                                     for position in clause.tokens)
        return self._unsaid

    def _span_without_modifiers(self, members: tuple[int, ...]) -> int:
        """How far apart a cue's words stand, not counting the words between them that
        only describe the later one: adjectives, numerals, and a participle with its
        phrase ("zwrócimy wszystkie otrzymane od Państwa płatności" is "zwrócić płatności")."""
        first, last = min(members), max(members)
        span = last - first
        if span <= len(members) + PHRASE_SLACK:
            return span
        between = [position for position in range(first + 1, last) if position not in members]
        participle = next((position for position in between
                           if self._parts[position] and self._parts[position] <= PARTICIPLE_TAGS),
                          last)
        return span - sum(1 for position in between if position >= participle or (
            self._parts[position] and self._parts[position] <= NOUN_MODIFIERS))

    def offer_starts(self, value_type: ValueType, attributes: Sequence[Attribute],
                     language: str) -> list[int]:
        """Where a cue of an offer with a condition of `value_type` starts
        (`conditions.offer_cue_starts`), once per sentence and type."""
        if value_type not in self._offer_starts:
            self._offer_starts[value_type] = offer_cue_starts(self.tokens, attributes,
                                                              value_type, language)
        return self._offer_starts[value_type]

    def frames(self, language: str) -> SentenceFrames:
        if self._frames is None:
            self._frames = SentenceFrames(self.tokens, language)
        return self._frames

    def in_frame(self, lemma: str, frame: Frame, participle_too: bool = False) -> bool:
        """Whether `lemma` stands in the frame's clause other than as a participle (or as
        one too)."""
        positions = self.positions.get(lemma, [])
        return any(frame.contains(position) if participle_too else frame.holds((position,))
                   for position in islice(positions, bisect_left(positions, frame.clause.start),
                                          bisect_left(positions, frame.clause.stop)))

    def referred_to(self, lemma: str, frame: Frame) -> bool:
        """Whether a pronoun of the frame's clause may stand for `lemma` as a noun of the
        sentence (the noun's forms looked up once per sentence)."""
        if lemma not in self._nouns:
            forms = {self.tokens[position].text for position in self.positions.get(lemma, ())}
            self._nouns[lemma] = frozenset().union(*(noun_agreement(form, lemma)
                                                     for form in forms))
        return not frame.pronouns.isdisjoint(self._nouns[lemma])

    def clause_numbers(self, ends: frozenset[str]) -> list[int]:
        if ends not in self._clause_numbers:
            self._clause_numbers[ends] = clause_numbers(self.tokens, ends)
        return self._clause_numbers[ends]

    @cached_property
    def parts(self) -> list[int]:
        """For each token, the number of the part of the sentence it stands in: a semicolon
        ends one statement of a sentence and opens another (a comma and "a" do not)."""
        numbers, part = [], 0
        for token in self.tokens:
            numbers.append(part)
            part += token.text == ";"
        return numbers

    def lemmas_from_part(self, part: int) -> frozenset[str]:
        """The lower-cased lemmas of the sentence from the start of `part` on (once per part:
        a sentence of many amounts asks for each)."""
        if part not in self._part_lemmas:
            self._part_lemmas[part] = frozenset(
                token.lemma.lower() for token, number in zip(self.tokens, self.parts, strict=True)
                if number >= part)
        return self._part_lemmas[part]

    def clause_range(self, ends: frozenset[str], position: int) -> range:
        """The positions of the clause that `position` stands in (clauses are runs)."""
        numbers = self.clause_numbers(ends)
        number = numbers[position]
        return range(bisect_left(numbers, number), bisect_right(numbers, number))

    def clause_lemmas(self, clause: range) -> Counter[str]:
        """How often each lower-cased lemma stands in a label clause."""
        if clause.start not in self._clause_lemmas:
            self._clause_lemmas[clause.start] = Counter(
                self.tokens[i].lemma.lower() for i in clause)
        return self._clause_lemmas[clause.start]

    def label_words(self, clause: range, attribute: str,
                    labels: Callable[[int], bool]) -> list[int]:
        """The positions in a label clause of the words that may label `attribute`."""
        key = (clause.start, attribute)
        if key not in self._label_words:
            self._label_words[key] = [i for i in clause if labels(i)]
        return self._label_words[key]

    def unclaimed(self, value_type: ValueType, lemma: str, claimed: frozenset[int]) -> list[int]:
        """Where `lemma` stands outside `claimed` (the cue words of other types than
        `value_type`, the same set for every value of that type in the sentence)."""
        key = (value_type, lemma)
        if key not in self._unclaimed:
            self._unclaimed[key] = [i for i in self.positions.get(lemma, ()) if i not in claimed]
        return self._unclaimed[key]

    def compact(self, value_type: ValueType, cue: tuple[str, ...],
                claimed: frozenset[int]) -> tuple[list[_Combination], list[int]]:
        """Every compact occurrence of the cue (its words a word apart at most, in any
        order) outside `claimed`, by its first position; and the first positions."""
        key = (value_type, cue)
        if key not in self._compact:
            words = [self.unclaimed(value_type, lemma, claimed) for lemma in cue]
            width = len(cue) + PHRASE_SLACK
            reach = width + MAX_MODIFIERS
            found = []
            for anchor in words[0] if all(words) else ():
                nearby = [found_at[bisect_left(found_at, anchor - reach):
                                   bisect_right(found_at, anchor + reach)]
                          for found_at in words[1:]]
                for rest in product(*nearby):
                    members = (anchor, *rest)
                    if self._span_without_modifiers(members) <= width:
                        found.append(_Combination(min(members), max(members), members))
            found.sort(key=lambda combination: combination.first)
            self._compact[key] = found, [combination.first for combination in found]
        return self._compact[key]


@dataclass(frozen=True, slots=True)
class _Combination:
    """Positions of a cue's words, one for each, and the first and last of them."""

    first: int
    last: int
    members: tuple[int, ...]


@dataclass(frozen=True)
class _Occurrences:
    """Where cue words stand for one value: neither in the words of other types' cues nor in
    the event its period is counted from (`period`, a run of positions)."""

    index: _SentenceIndex
    value_type: ValueType
    claimed: frozenset[int]
    period: range
    others: ValueTokens = field(default_factory=ValueTokens)
    exclusive: bool = False  # cues that mark only the value nearest to them

    def nearest(self, lemma: str, origin: int,
                excluded: frozenset[int] = frozenset()) -> int | None:
        """The distance from `origin` to the nearest position of `lemma` outside
        `excluded`, or None: a word of the value itself ("39,99 zł miesięcznie") is nearest
        of all, a word of another value of the sentence is no cue of this one."""
        positions = self.index.unclaimed(self.value_type, lemma, self.claimed)
        if excluded:
            positions = [position for position in positions if position not in excluded]
        at = bisect_left(positions, origin)
        after = _first_outside(positions, at, self.period)
        before = _last_outside(positions, at - 1, self.period)
        if self.others.has_others:
            after = self.others.next_free(positions, after, 1, self.period, self.exclusive)
            before = self.others.next_free(positions, before, -1, self.period, self.exclusive)
        distances = [self._apart(positions[i], origin)
                     for i in (before, after) if 0 <= i < len(positions)]
        return min(distances, default=None)

    def nearest_compact(self, cue: tuple[str, ...], origin: int) -> int | None:
        """The distance from `origin` to the farthest word of the nearest compact occurrence
        of the cue, or None. Occurrences are tried outwards from `origin`, and only while
        their first word is nearer than the best distance found."""
        combinations, firsts = self.index.compact(self.value_type, cue, self.claimed)
        period, best = self.period, None
        at = bisect_left(firsts, origin)
        position = at
        while position < len(combinations):
            combination = combinations[position]
            if best is not None and self._apart(combination.first, origin) >= best:
                break
            if combination.first in period:
                position = bisect_left(firsts, period.stop)
                continue
            best = self._closer(best, combination, origin)
            position += 1
        position = at - 1
        while position >= 0:
            combination = combinations[position]
            if best is not None and self._apart(combination.first, origin) >= best:
                break
            if combination.first in period:
                position = bisect_left(firsts, period.start) - 1
                continue
            best = self._closer(best, combination, origin)
            position -= 1
        return best

    def written_with_others(self, cue: tuple[str, ...]) -> frozenset[int]:
        """The words of each compact occurrence of the cue that takes in another value's
        own word ("Ustawowo ma Pan 14 dni, a w Biegowo – 30 dni na zwrot": "dni na zwrot"
        is the 30 days' cue): that value's cue, no scattered cue of this one."""
        if not self.others.has_others:
            return frozenset()
        combinations, _ = self.index.compact(self.value_type, cue, self.claimed)
        return frozenset(member for combination in combinations
                         if any(self.others.taken(member, False)
                                for member in combination.members)
                         for member in combination.members)

    def _apart(self, position: int, origin: int) -> int:
        """How far a word at `position` stands from the value at `origin`, the event its
        period is counted from (within the value's clause) and asides in brackets between
        them not counted: both only describe something, and keep no cue from the value."""
        numbers = self.index.clause_numbers(CLAUSE_ENDS)  # runs: equal ends, one clause
        same_clause = (max(position, origin) < len(numbers)
                       and numbers[position] == numbers[origin])
        return (self.others.distance(position, origin)
                - (_event_between(position, origin, self.period) if same_clause else 0)
                - self.index.aside_between(position, origin)
                + (MEDIUM_CONFIDENCE_DISTANCE if self.index.glosses_before(position, origin)
                   else 0))

    def _closer(self, best: int | None, combination: _Combination, origin: int) -> int | None:
        if any(member in self.period or self.others.taken(member, self.exclusive)
               for member in combination.members):
            return best
        distance = max(self._apart(combination.first, origin),
                       self._apart(combination.last, origin))
        return distance if best is None else min(best, distance)


def _relative_end(tokens: Sequence[Token], start: int) -> int:
    """Where a relative clause from `start` ends: at the first comma, semicolon or colon
    outside brackets ("w którym klient (albo wskazana osoba, ale nie kurier) odebrał
    paczkę"), sixteen words at most."""
    depth = 0
    for position in range(start, min(len(tokens), start + MAX_EVENT_TOKENS)):
        text = tokens[position].text
        depth += (text == "(") - (text == ")")
        if depth <= 0 and text in RELATIVE_ENDS:
            return position
    return min(len(tokens), start + MAX_EVENT_TOKENS)


def _event_between(position: int, origin: int, period: range) -> int:
    """How many tokens of the event a period is counted from (`period`, right after the
    value at `origin`) stand between the value and a cue word at `position`: they are the
    period's start, a parenthesis, and do not keep the cue after them from the value
    ("Masz 14 dni od dnia, w którym odebrałeś paczkę, na odstąpienie od umowy")."""
    return len(period) if period and origin < period.start and position >= period.stop else 0


def _first_outside(positions: list[int], at: int, period: range) -> int:
    """The index of the first position from index `at` on that is not in `period`."""
    if at < len(positions) and positions[at] in period:
        return bisect_left(positions, period.stop)
    return at


def _last_outside(positions: list[int], at: int, period: range) -> int:
    """The index of the last position up to index `at` that is not in `period` (-1: none)."""
    if at >= 0 and positions[at] in period:
        return bisect_left(positions, period.start) - 1
    return at


@dataclass(frozen=True)
class _Cue:
    attribute: Attribute
    distance: int
    length: int
    compact: bool  # the cue's words stand together in the sentence
    words: tuple[str, ...] = ()
    beside: bool = False  # read from where the value stands, so in the value's clause
    bound_first: bool = True  # a bounded attribute's cue that is this value's own


class FactExtractor:
    """Extracts facts from analysed documents of one language."""

    def __init__(self, registry: Registry, language: str) -> None:
        self.registry = registry
        self.language = language
        self.attributes = list(registry.attributes.values())
        self.value_types = frozenset(a.type for a in self.attributes
                                     if a.type not in (ValueType.TEXT, ValueType.SET))
        self.extracted_types = self.value_types | {ValueType.URL}  # see `_uncued_contact`
        self.uncued_attributes = _uncued_attributes(self.attributes)
        self.text_attributes = [a for a in self.attributes if a.type is ValueType.TEXT]
        self.price = registry.attributes.get(PRICE)
        self.subjects = SubjectMatcher(registry.subjects.values(), language)
        self.company = registry.company_subject
        self.shared = shared_values(registry)
        self.ignored_cues = ignored_cue_lemmas(language)
        identifier_cues = identifier_cue_lemmas(language)
        # an identifier's cue marks its digits, never an address ("REGON 524187369
        # reklamacje@…" on a letter's footer line)
        self.address_ignored_cues = tuple(
            cue for cue in self.ignored_cues
            if not any(cue in cues for _, cues in identifier_cues))
        self.referring = referring_words()
        self.custom = custom_attribute_names(registry.attributes)
        self.registered_roles = frozenset((fact.attribute, fact.role)
                                          for fact in registry.facts if fact.role)
        self.promotion_cues = promotion_cue_lemmas(language)
        self.promotion_stated = frozenset(  # a fact of promotions themselves, never promo
            a.name for a in self.attributes
            if set(a.cue_lemmas(language)) & set(self.promotion_cues))
        self.promotion = _promotion_attribute(self.attributes, self.custom, self.promotion_cues,
                                              language)
        self.label_words = frozenset(word for fact in registry.facts
                                     for word in fact.label.split())
        self.identifiers = tuple((name, cues) for name, cues in identifier_cues
                                 if name not in registry.attributes)
        self._claimed: dict[tuple[int, ValueType], frozenset[int]] = {}
        self._sentence_index: dict[int, _SentenceIndex] = {}
        self.sets = SetStatements(self.attributes, self.company, language)
        self._sentence_anchors: dict[int, str] = {}  # by id of a sentence's index
        self._events: dict[tuple[int, int, int], tuple[range, str]] = {}  # see `_event`

    def extract(self, document: Document,
                segments: Sequence[AnalysedSegment]) -> DocumentFacts:
        document_subject = self._document_subject(document, segments)
        self._claimed.clear()  # keyed by sentence identity: valid within one document
        self._sentence_index.clear()
        self._sentence_anchors.clear()
        self._events.clear()
        facts: list[Fact] = []
        offers: list[Fact] = []
        for segment_index, analysed in enumerate(segments):
            section_subject = (self._row_subject(analysed) or self._heading_subject(analysed)
                               or document_subject)
            stated: list[tuple[int, Fact]] = []
            found = bounded_by_column(analysed.segment, extract_values(
                analysed.segment.text, self.language, self.extracted_types), self.language)
            if ValueType.HOURS in self.extracted_types:
                found += hours_with_row_days(analysed.segment, found, self.language)
            matches = SegmentValues(
                match for match in found
                if not analysed.segment.overlaps_placeholder(match.start, match.end))
            for match in matches.matches:
                sentence = _sentence_at(analysed.sentences, match.start)
                if is_total(match, matches.within_sentence(sentence, MAX_PARTS + 1)) or (
                        sentence is not None and self._unsaid(analysed, sentence, match)):
                    continue
                fact = self._attribute(document, analysed, match, section_subject, matches)
                if fact is None and match.value.type is ValueType.URL:
                    fact = self._uncued_contact(document, analysed, match)
                if fact is not None:
                    stated.append((match.start, fact))
            facts.extend(with_stated_starts(stated, analysed.sentences, self.language))
            offers.extend(unconditional_offers(document, analysed, self.attributes,
                                               self.company, self.language))
            facts.extend(self._text_facts(document, analysed, section_subject))
            facts.extend(self._link_facts(document, analysed, section_subject))
            facts.extend(self._identifier_facts(document, analysed))
            facts.extend(self.sets.facts(document, analysed, segment_index,
                                         self._asked_of_another(analysed)))
        facts.extend(without_their_condition(offers, facts))
        return DocumentFacts(document_subject, tuple(facts))

    def _unsaid(self, analysed: AnalysedSegment, sentence: Sentence, match: ValueMatch) -> bool:
        """Whether the value stands in words the text tells its reader not to say."""
        index = self._index(sentence)
        return _token_index(index, match.start) in index.unsaid(analysed.segment.text,
                                                                self.language)

    def _uncued_phone(self, document: Document, analysed: AnalysedSegment,
                      match: ValueMatch) -> Fact | None:
        if (match.value.type is not ValueType.PHONE
                or ValueType.PHONE not in self.uncued_attributes):
            return None
        return self._uncued_contact(document, analysed, match)

    def _uncued_contact(self, document: Document, analysed: AnalysedSegment,
                        match: ValueMatch) -> Fact:
        """A web address no cue attributes or a phone number with no cue at all ("Strona:
        https://…", a regulator's site; "albo telefonicznie: 81 444 20 20"): a fact of low
        confidence, never compared for equality (pages cite other parties' sites and
        numbers), only for near misses of those stated elsewhere or in the registry, of the
        attribute `_uncued_attributes` gives."""
        sentence = _sentence_at(analysed.sentences, match.start)
        segment = analysed.segment
        return Fact(subject=self.company, attribute=self.uncued_attributes[match.value.type],
                    text=segment.written_text(match.start, match.end), value=match.value,
                    path=document.path, span=segment.span_of(match.start, match.end),
                    channel=document.channel, confidence=Confidence.LOW,
                    sentence=segment.written_text(sentence.start, sentence.end)
                    if sentence is not None else "", distance=0)

    def _identifier_facts(self, document: Document,
                          analysed: AnalysedSegment) -> Iterator[Fact]:
        """The business's identifiers (NIP, REGON, KRS, its account): a number of nine digits
        or more a few words after its cue. Low confidence: they are never compared for
        equality (terms name other companies' numbers too), only for near misses."""
        if not self.identifiers:
            return
        segment = analysed.segment
        for name, cues in self.identifiers:
            for sentence, cue, after in _cued(analysed, cues):
                start = sentence.tokens[after - 1].end if after else sentence.start
                found = _identifier_after(segment.text, start, sentence.end)
                if found is None or segment.overlaps_placeholder(*found):
                    continue
                yield Fact(subject=self.company, attribute=name,
                           text=segment.written_text(*found),
                           value=text_value(segment.text[found[0]:found[1]]),
                           path=document.path, span=segment.span_of(*found),
                           channel=document.channel, confidence=Confidence.LOW,
                           sentence=segment.written_text(sentence.start, sentence.end),
                           cue=" ".join(cue), distance=1)

    def _link_facts(self, document: Document, analysed: AnalysedSegment,
                    section_subject: str | None) -> Iterator[Fact]:
        """The addresses and numbers links lead to (`mailto:`, `tel:`) where the link's text
        states none ("Napisz do nas"): a fact placed on the link's text and attributed as a
        value written there would be. A web address is no fact for being linked: a page's
        links lead to the other pages of its site."""
        segment = analysed.segment
        for link in segment.links:
            target = link_target(link.href, self.language)
            if target is None or target.value.type not in self.value_types:
                continue
            shown = extract_values(segment.text[link.start:link.end], self.language,
                                   frozenset({target.value.type}))
            if shown or target.value.type is ValueType.URL:
                continue  # stated by its text (or disagreeing with it: FACT-LINK-MISMATCH)
            match = ValueMatch(link.start, max(link.end, link.start), target.text, target.value)
            fact = self._attribute(document, analysed, match, section_subject)
            if fact is not None:
                yield replace(fact, text=target.text)

    def _text_facts(self, document: Document, analysed: AnalysedSegment,
                    section_subject: str | None) -> Iterator[Fact]:
        """Facts of `text` attributes (a tax number, a company name): the words that follow
        the cue ("NIP: 525-000-12-34"), up to the end of the clause; an identifier up to the
        end of its digits ("REGON 387415920" on a line that runs on into a web address)."""
        if not self.text_attributes:
            return
        segment = analysed.segment
        for attribute in self.text_attributes:
            for sentence, cue, first in _cued(analysed, attribute.cue_lemmas(self.language)):
                span = _text_after(sentence.tokens, first)
                if span is not None:  # an identifier ends where its digits end
                    span = _identifier_after(segment.text, span[0], span[1]) or span
                if span is None or segment.overlaps_placeholder(*span):
                    continue
                subject = self._subject(attribute, sentence, max(first - 1, 0), section_subject)
                yield Fact(subject=subject or "", attribute=attribute.name,
                           text=segment.written_text(*span),
                           value=text_value(segment.text[span[0]:span[1]]),
                           path=document.path,
                           span=segment.span_of(*span), channel=document.channel,
                           confidence=Confidence.HIGH if subject else Confidence.LOW,
                           sentence=segment.written_text(sentence.start, sentence.end),
                           cue=" ".join(cue), distance=1)

    def _attribute(self, document: Document, analysed: AnalysedSegment, match: ValueMatch,
                   section_subject: str | None,
                   others: SegmentValues | None = None) -> Fact | None:
        sentence = _sentence_at(analysed.sentences, match.start)
        if sentence is None:
            return None
        index = self._index(sentence)
        value_index = _token_index(index, match.start)
        match = as_condition_of_offer(match, value_index, index.frames(self.language),
                                      index.offer_starts(match.value.type, self.attributes,
                                                         self.language))
        values = (others.sentence(index.starts, sentence.start, sentence.end) if others
                  else SentenceValues(index.starts, ()))
        tokens = values.tokens(match, index.clause_numbers(CLAUSE_ENDS))
        context = cue_context(analysed, HEADING_DISTANCE,
                              self._previous_lemmas(analysed, sentence))
        cues = (self._ranked_cues(match, sentence, value_index, context, tokens)
                or self._ranked_cues(match, sentence, value_index, context, tokens,
                                     in_event=True))
        if named_price := self._named_product_price(match, index, value_index, cues):
            cues = named_price + [cue for cue in cues if cue.attribute is not self.price]
        if not cues or cues[0].attribute.name not in self.promotion_stated:
            cues = _custom_first(cues, self.custom, tokens.rivals == 0,
                                 in_column=bool(analysed.column_tokens))
            cues = self._in_promotion(cues, match, index, analysed.heading_lemmas)
        cues, foreign = self._in_frame(cues, match, index, context)
        if not cues:
            cues = (self._self_evident(match, analysed.segment.text[sentence.start:sentence.end])
                    or self._card_price(match, analysed, section_subject))
        if not cues:  # no cue at all (one that names a third party is a cue)
            return self._uncued_phone(document, analysed, match)
        if cues[0].attribute is _IGNORED or self._names_ignored(match):
            return None
        cue, subject = cues[0], None
        for candidate in cues:  # the best cue whose attribute has a subject here
            if candidate.attribute is _IGNORED:
                break  # the cues ranked below an ignored one do not count
            subject = (self._subject(candidate.attribute, sentence, value_index,
                                     section_subject, tokens.first)
                       or self._shared_subject(candidate.attribute, match.value)
                       or self._previous_subject(candidate.attribute, analysed, sentence))
            if subject is not None:
                cue = candidate
                break
        segment = analysed.segment
        clause = _Clause(self._index(sentence), value_index, match)
        label = self._label(cue.attribute, clause, tokens, analysed)
        confidence = _fact_confidence(cue, foreign, label, value_index, tokens, subject)
        return Fact(
            subject=subject or "",
            attribute=cue.attribute.name,
            text=segment.written_text(match.start, match.end),
            value=self._anchored(self._index(sentence), match).as_read(cue.attribute.reading),
            path=document.path,
            span=segment.span_of(match.start, match.end),
            channel=document.channel,
            confidence=confidence,
            sentence=segment.written_text(sentence.start, sentence.end),
            role=self._role(cue.attribute, clause, tokens, analysed, sentence),
            label=label,
            cue=" ".join(cue.words),
            distance=cue.distance,
        )

    def _named_product_price(self, match: ValueMatch, index: _SentenceIndex,
                             value_index: int, cues: list[_Cue]) -> list[_Cue]:
        """The price cue of an amount that directly follows a product's name ("FrostLine
        360 za 3 299 zł", "Cyclo S9 (849 zł)"): the product's price, whatever a delivery word
        later in the sentence says. Only the plain price, and only when no cue of the
        product's other amounts stands beside the amount ("… 59,99 zł miesięcznie")."""
        if (match.value.type is not ValueType.MONEY or self.price is None
                or (cues and cues[0].distance <= ADJACENT
                    and cues[0].attribute.scope is Scope.PRODUCT)):
            return []
        position = value_index - 1
        while position >= 0 and value_index - position <= MAX_PRICE_LINKS \
                and index.tokens[position].text.lower() in PRICE_LINKS:
            position -= 1
        mention = next((mention for mention in index.mentions
                        if mention.token_index + mention.length - 1 == position
                        and mention.subject != self.company), None)
        if mention is None:
            return []
        name = tuple(token.lemma for token in
                     index.tokens[mention.token_index:mention.token_index + mention.length])
        return [_Cue(self.price, 0, len(name), compact=True, words=name, beside=True)]

    def _card_price(self, match: ValueMatch, analysed: AnalysedSegment,
                    section_subject: str | None) -> list[_Cue]:
        """The price cue of an amount that is a block of its own under a product's heading,
        with no cue anywhere: a product card ("<h3>Pralka AquaWave 8</h3> … <p>1 899 zł</p>",
        "<p>439,99 zł (-20%)</p>": an aside in brackets aside)."""
        if (match.value.type is not ValueType.MONEY or self.price is None
                or section_subject in (None, self.company)
                or _BRACKETED.sub("", analysed.segment.text).strip() != match.text.strip()):
            return []
        return [_Cue(self.price, HEADING_DISTANCE, 0, compact=False, words=(section_subject,),
                     beside=True)]

    def _in_promotion(self, cues: list[_Cue], match: ValueMatch, index: _SentenceIndex,
                      heading_lemmas: frozenset[str]) -> list[_Cue]:
        """A price read as a built-in attribute in a sentence (or under a heading) of a
        promotion ("najniższa cena z 30 dni przed obniżką", "Promocja") is the reduced price:
        the registry's promotional attribute if it declares one, else no fact. Of a sentence
        in parts, the value's own part and those after it ("… 44,99 zł miesięcznie; najniższa
        cena z 30 dni przed obniżką …"), not those before ("promocja 1–20.12; od 21.12 cena
        49,90 zł": the price after the promotion)."""
        if (not cues or match.value.type is not ValueType.MONEY
                or cues[0].attribute is _IGNORED or cues[0].attribute.name in self.custom):
            return cues
        onwards = index.lemmas_from_part(index.parts[_token_index(index, match.start)])
        if not any(_stands_in(cue, onwards) or _stands_in(cue, heading_lemmas)
                   for cue in self.promotion_cues):
            return cues
        if self.promotion is None:
            return []
        return [replace(cues[0], attribute=self.promotion), *cues]

    def _in_frame(self, cues: list[_Cue], match: ValueMatch, index: _SentenceIndex,
                  context: CueContext) -> tuple[list[_Cue], frozenset[str]]:
        """The ranked cues, those of attributes that say what the value's clause is about
        first (`nlp.frames`), and the names of the attributes that do not: when the clause
        has a verb of its own, a cue standing only in another clause ("…, gdy nie może
        zostać dostarczona, zachowamy ją przez trzy dni") attributes the value at low
        confidence at most, never compared. When it has none, it is about a cue nearby, but
        not one that stands only in a clause of condition ("W ciągu 10 dni roboczych od
        zamieszczenia zmian, lub od powiadomienia, jeśli takie zostało dostarczone")."""
        if not cues:
            return cues, frozenset()
        own = range(bisect_left(index.starts, match.start), bisect_left(index.starts, match.end))
        frames = index.frames(self.language)
        frame = frames.frame(own, self._event(index, match)[0])
        governs = (self._governs if frame.has_content_verb
                   else partial(self._not_only_in_conditions, frames=frames))
        foreign = frozenset(  # an ignored cue and a promotion speak for the whole sentence
            cue.attribute.name for cue in cues if cue.attribute not in (_IGNORED, self.promotion)
            and not cue.beside and not governs(cue.attribute, frame, index, context))
        return sorted(cues, key=lambda cue: cue.attribute.name in foreign), foreign

    def _not_only_in_conditions(self, attribute: Attribute, frame: Frame,
                                index: _SentenceIndex, context: CueContext,
                                frames: SentenceFrames) -> bool:
        """Whether a cue of the attribute stands in the headings, or with a word outside
        every clause of condition but the value's own."""
        for cue in attribute.cue_lemmas(self.language):
            if any(_stands_in(cue, lemmas) for lemmas, _ in context.places):
                return True
            if any(frame.contains(position) or not frames.in_condition(position)
                   for word in cue for position in index.positions.get(word, ())):
                return True
        return False

    def _governs(self, attribute: Attribute, frame: Frame, index: _SentenceIndex,
                 context: CueContext) -> bool:
        """Whether a cue of the attribute stands in the value's clause (not as a participle
        only: in a term of several words, a participle is an adjective of its noun, as in
        "przedłużony termin zwrotu") or is a noun a pronoun of the clause stands for, or
        stands in its headings or table headers, which preside over every clause."""
        for cue in attribute.cue_lemmas(self.language):
            if any(_stands_in(cue, lemmas) for lemmas, _ in context.places):
                return True
            if _in_clause(cue, frame, index) or (
                    frame.pronouns and _stands_in(cue, index.positions)
                    and any(index.referred_to(word, frame) for word in cue)):
                return True
        return False

    def _names_ignored(self, match: ValueMatch) -> bool:
        """Whether an address names a party whose values are no fact of the business in its
        own words ("www.uokik.gov.pl": the competition authority's site)."""
        if match.value.type not in ADDRESS_TYPES:
            return False
        words = frozenset(re.split(r"[^\w]+", match.text.lower()))
        return any(len(cue) == 1 and cue[0].lower() in words for cue in self.ignored_cues)

    def _self_evident(self, match: ValueMatch, sentence: str) -> list[_Cue]:
        """The attribute of a value that needs no cue (an e-mail address), when it is the
        only attribute of its type; attributed with medium confidence. A schedule needs a
        phone number or address in its sentence: given beside them, it is when they answer
        ("zadzwoń: 22 350 40 50 (pn.–pt. 8–20)"); alone, it may be a courier's hours."""
        if match.value.type not in SELF_EVIDENT_TYPES:
            return []
        if match.value.type is ValueType.HOURS and not extract_values(
                sentence, self.language, CONTACT_VALUE_TYPES):
            return []
        candidates = [a for a in self.attributes if a.accepts(match.value.type, match.value.bound,
                                                                match.value.unit)]
        if len(candidates) != 1:
            return []
        return [_Cue(candidates[0], HIGH_CONFIDENCE_DISTANCE + 1, 0, compact=False)]

    def _role(self, attribute: Attribute, clause: _Clause, tokens: ValueTokens,
              analysed: AnalysedSegment, sentence: Sentence) -> str:
        """The first of the attribute's roles a cue of which stands in the value's own item
        where its clause lists several values of its type ("zwroty – zwroty@…, reklamacje –
        reklamacje@…": the other items' words, and the headings over them all, are not its
        own), else in its clause, else in its table row's header ("| Dane osobowe |
        iod@… |"), else, where its clause has a verb of its own and so goes on with what was
        said, in the sentence before it in its paragraph ("Masz 14 dni na odstąpienie od
        umowy. Oświadczenie wyślij na zwroty@…"; not "Kontakt: sklep@…", a label of its own),
        else in its headings, the nearest first ("## Reklamacje" under "# Zwroty i
        reklamacje"); "" for none."""
        roles = tuple((role, cues) for role, cues in attribute.role_lemmas(self.language)
                      if role not in attribute.registered_roles
                      or (attribute.name, role) in self.registered_roles)
        if not roles:
            return ""
        index = clause.index
        role_words = {cue[0] for _, cues in roles for cue in cues}
        first = next((position for position in clause.range
                       if index.tokens[position].lemma.lower() in role_words), None)
        item = tokens.item(first, clause.range)
        places: Iterable[_Clause | frozenset[str]] = (
            self._role_places(clause, analysed, sentence) if item == clause.range else
            (frozenset(index.tokens[position].lemma.lower() for position in item),))
        for where in places:
            for role, cues in roles:
                if any(all(word in where for word in cue) for cue in cues):
                    return role
        return ""

    def _role_places(self, clause: _Clause, analysed: AnalysedSegment,
                     sentence: Sentence) -> Iterator[_Clause | frozenset[str]]:
        """Where a role's cue is looked for, nearest first (`_role`), each worked out only
        when the places before it named no role."""
        yield clause
        yield frozenset(token.lemma.lower() for token in analysed.row_tokens)
        if clause.index.frames(self.language).frame(clause.own).has_content_verb:
            previous = self._sentence_before(analysed, sentence)
            if previous is not None:
                yield frozenset(lemma.lower() for lemma in previous.positions)
        yield from analysed.heading_levels

    def _label(self, attribute: Attribute, clause: _Clause, tokens: ValueTokens,
               analysed: AnalysedSegment) -> str:
        """The words that tell the value's variant apart (`variants.LabelWords`): of its own
        item of a list in its clause ("Kurier DPD – 15,99 zł, Paczkomat InPost – 12,99 zł"),
        else of its table row ("Paczkomat InPost | 12,99 zł"); nearest first, a few at most."""
        words = LabelWords.of(attribute, self.language, self.label_words)
        index = clause.index

        def labels(position: int) -> bool:
            return words.passes(index.tokens, position, index.mentioned)

        candidates = index.label_words(clause.range, attribute.name, labels)
        item = tokens.item(candidates[0] if candidates else None, clause.range)
        found = list(islice(clause.nearest_first(attribute.name, labels, item), MAX_LABEL_WORDS))
        if not found and analysed.row_tokens:
            row = analysed.row_tokens
            named = {position for mention in self.subjects.find(row)
                     for position in range(mention.token_index,
                                           mention.token_index + mention.length)}
            found = [row[position].lemma.lower() for position in range(len(row))
                     if words.passes(row, position, named)][:MAX_LABEL_WORDS]
        return " ".join(sorted(set(found)))

    def _ranked_cues(self, match: ValueMatch, sentence: Sentence, value_index: int,
                     context: CueContext, tokens: ValueTokens,
                     in_event: bool = False) -> list[_Cue]:
        """For each candidate attribute its closest cue; best attribute first. The words of
        the event a period is counted from are no cue of it, unless `in_event`: then only they
        are, of the attributes usually counted from that kind of event ("odpowiadamy w
        terminie 14 dni od dnia otrzymania reklamacji": a complaint's answer). An amount per
        month is its own cue of an attribute paid every month that a cue names for it ("|
        Cena | 39,99 zł / mies. |" under "Abonament": the fee, not a one-off price)."""
        key = (id(sentence), match.value.type)
        if key not in self._claimed:
            self._claimed[key] = self._claimed_by_other_types(sentence.tokens, match.value.type)
        index = self._index(sentence)
        event, start = self._event(index, match)
        occurrences = _Occurrences(index, match.value.type, self._claimed[key],
                                   range(0) if in_event else event, tokens)
        best: dict[str, _Cue] = {}
        candidates = self._candidates(match.value, start, in_event)
        exclusive = replace(occurrences, exclusive=True)
        own = {cue for _, cues in candidates for cue in cues}
        ignored = [cue for cue in (self.address_ignored_cues
                                   if match.value.type in ADDRESS_TYPES else self.ignored_cues)
                   if cue not in own]  # see lowest_prior_price
        for attribute, cues in [*candidates, (_IGNORED, ignored)]:
            where = exclusive if attribute is _IGNORED else occurrences
            for cue in cues:
                found = _cue_distance(cue, where, value_index, context)
                if found is None:
                    continue
                _keep_better(best, _Cue(attribute, found[0], len(cue), found[1], cue))
        _paid_monthly(best, match.value, (attribute for attribute, _ in candidates))
        ranked = list(best.values())
        words = {cue.attribute.name: frozenset(word for found in (
            cue.attribute.cue_lemmas(self.language) if cue.attribute is not _IGNORED
            else ignored) for word in found) for cue in ranked}
        return sorted((_bound_claimed(cue, words, index, tokens) for cue in ranked), key=_rank)

    def _candidates(self, value: Value, start: str, in_event: bool
                    ) -> list[tuple[Attribute, tuple[tuple[str, ...], ...]]]:
        """The attributes a value may be of, with their cues: of its type, bound and unit,
        counted from its `start`; with `in_event`, those usually counted from it."""
        return [(attribute, attribute.cue_lemmas(self.language))
                for attribute in self.attributes
                if attribute.accepts(value.type, value.bound, value.unit)
                and _counts_from(attribute, start)
                and (not in_event or start in implied_anchors(attribute.name))]

    def _index(self, sentence: Sentence) -> _SentenceIndex:
        """Where each lemma and subject stands in the sentence, computed once per sentence."""
        index = self._sentence_index.get(id(sentence))
        if index is None:
            index = _SentenceIndex(sentence.tokens, self.subjects.find(sentence.tokens))
            self._sentence_index[id(sentence)] = index
        return index

    def _event(self, index: _SentenceIndex, match: ValueMatch) -> tuple[range, str]:
        """The event a period is counted from (`_period_start`) and its concept, worked out
        once per value: its frame, its cues and its reading all ask."""
        key = (id(index), match.start, match.end)
        if key not in self._events:
            event = self._period_start(index, match)
            self._events[key] = (event, self._anchor(index, event) if event else "")
        return self._events[key]

    def _period_start(self, index: _SentenceIndex, match: ValueMatch) -> range:
        """The tokens of the event a period is counted from, which directly follows the
        value: a preposition ("od"), then a noun phrase, up to the first punctuation or word
        that ends it (`event_ends` in anchors.yaml; sixteen words at most: "od dnia
        otrzymania oświadczenia o odstąpieniu od umowy"), with a relative clause that
        describes it ("od dnia, w którym…", `opens_relative`). What follows it ("…, zwróci
        płatności", "… na odstąpienie") is the clause's own frame again."""
        tokens = index.tokens
        after = bisect_left(index.starts, match.end)
        words = lexicon(self.language)
        if (after + 1 >= len(tokens)
                or tokens[after].lemma.lower() not in words.period_start_prepositions):
            return range(0)
        clause_stop = index.clause_range(CLAUSE_ENDS, after).stop
        limit = min(clause_stop, after + 1 + MAX_EVENT_TOKENS)
        stop = next((i for i in range(after + 1, limit) if ends_event(tokens[i])), limit)
        if stop < clause_stop and tokens[stop].text == "," and opens_relative(tokens, stop + 1):
            stop = _relative_end(tokens, stop + 1)  # the event described
        if (tokens[after + 1].lemma.lower() not in words.period_start_lemmas
                and not self._anchor(index, range(after, stop))):
            return range(0)
        return range(after, stop)

    def _anchor(self, index: _SentenceIndex, event: range) -> str:
        return anchor_after(words_of(index.tokens[event.start:event.stop]), self.language)

    def _anchored(self, index: _SentenceIndex, match: ValueMatch) -> Value:
        """The value, and for a period the event it is counted from: the one right after it
        ("w ciągu 14 dni od otrzymania oświadczenia": from the receipt of the statement), else
        the one its sentence names ("w ciągu doby od zaksięgowania, czyli do 24 godzin")."""
        if match.value.type is not ValueType.DURATION:
            return match.value
        anchor = self._event(index, match)[1]
        if not anchor:
            if id(index) not in self._sentence_anchors:  # once per sentence, not per value
                self._sentence_anchors[id(index)] = sentence_anchor(words_of(index.tokens),
                                                                    self.language)
            anchor = self._sentence_anchors[id(index)]
        return replace(match.value, anchor=anchor) if anchor else match.value

    def _claimed_by_other_types(self, tokens: Sequence[Token],
                                value_type: ValueType) -> frozenset[int]:
        """Tokens of multi-word cues of other value types that stand together in the
        sentence, a word apart at most: in "zwrócimy koszt (najtańszej) dostawy w ciągu 14
        dni", "dostawy" belongs to the delivery cost and says nothing about the 14 days."""
        lemmas = [token.lemma for token in tokens]
        claimed: set[int] = set()
        for attribute in self.attributes:
            if attribute.type in (value_type, ValueType.SET):
                continue  # a set's cues say where its words are members, not values
            for cue in attribute.cue_lemmas(self.language):
                if len(cue) >= 2:
                    for positions in _in_order(lemmas, cue, CLAIM_SLACK):
                        claimed.update(positions)
        return frozenset(claimed)

    def _subject(self, attribute: Attribute, sentence: Sentence, value_index: int,
                 section_subject: str | None, first_value: int | None = None) -> str | None:
        """The subject the value's sentence names for it; a subject named only in another
        part of the sentence, after or before a semicolon, gives way to the one its section
        or table row is about ("| Sól i bursztyn | … | promocja Zimowa Półka 1–20.12; od
        21.12 cena 49,90 zł |": the book's price, not the promotion's)."""
        index = self._index(sentence)
        mentions = index.mentions
        if section_subject and mentions:
            parts = index.parts
            own = [mention for mention in mentions
                   if parts[mention.token_index] == parts[value_index]]
            mentions = own or []
        named = named_subject(mentions, value_index, first_value)
        if attribute.scope is Scope.COMPANY:
            if named and self.registry.versions(named, attribute.name):
                return named
            return self.company
        if named and named != self.company:
            return named
        if section_subject and section_subject != self.company:
            return section_subject
        return None

    def _shared_subject(self, attribute: Attribute, value: Value) -> str | None:
        """The product standing for all products when a statement names none and every
        product has the value's attribute alike (`facts/shared_values.py`)."""
        shared = self.shared.get(attribute.name)
        if shared is None or not states_shared(shared, value, attribute.reading):
            return None
        return shared.subject

    def _sentence_before(self, analysed: AnalysedSegment,
                         sentence: Sentence) -> _SentenceIndex | None:
        """The sentence before `sentence` in its paragraph, indexed; None for the first."""
        position = bisect_right(analysed.sentences, sentence.start, key=_start) - 1
        return self._index(analysed.sentences[position - 1]) if position > 0 else None

    def _previous_lemmas(self, analysed: AnalysedSegment,
                         sentence: Sentence) -> tuple[frozenset[str], int] | None:
        """The lemmas of the sentence before, in the same paragraph, as a place for cues at
        medium distance, when the value's sentence refers back to it: "Odpowiadamy za
        zgodność materiałów z umową. Przy materiałach do pobrania – przez 2 lata od ich
        dostarczenia." states the liability period."""
        before = self._sentence_before(analysed, sentence)
        if before is None or self.referring.isdisjoint(self._index(sentence).words):
            return None
        return frozenset(before.positions), PREVIOUS_SENTENCE_DISTANCE

    def _previous_subject(self, attribute: Attribute, analysed: AnalysedSegment,
                          sentence: Sentence) -> str | None:
        """The one product the sentence before names, in the same paragraph, for a product
        fact whose sentence names none: "Plan Pro kosztuje teraz 44,99 zł. Najniższa cena z
        30 dni przed obniżką to 59,99 zł." None when that sentence names several or none."""
        if attribute.scope is not Scope.PRODUCT:
            return None
        position = bisect_right(analysed.sentences, sentence.start, key=_start) - 1
        if position <= 0:
            return None
        named = {mention.subject for mention in
                 self._index(analysed.sentences[position - 1]).mentions} - {self.company}
        return next(iter(named)) if len(named) == 1 else None

    def _document_subject(self, document: Document,
                          segments: Sequence[AnalysedSegment]) -> str | None:
        declared = document.metadata.get("subject")
        if isinstance(declared, str) and declared in self.registry.subjects:
            return declared
        for position, analysed in enumerate(segments[:3]):
            title_like = analysed.segment.kind in ("title", "heading") or (
                position == 0 and analysed.segment.words <= TITLE_MAX_WORDS)
            if title_like:
                tokens = [t for s in analysed.sentences for t in s.tokens]
                mentions = [m for m in self.subjects.find(tokens) if m.subject != self.company]
                if mentions:
                    return mentions[0].subject
        return None

    def _row_subject(self, analysed: AnalysedSegment) -> str | None:
        """The subject a table cell's row names in its first cell ("Plan Start")."""
        mentions = [m for m in self.subjects.find(analysed.row_tokens)
                    if m.subject != self.company]
        return mentions[0].subject if mentions else None

    def _asked_of_another(self, analysed: AnalysedSegment) -> bool:
        """Whether the segment answers a question (its nearest heading asks) under headings
        that name a subject other than the company."""
        path = analysed.segment.heading_path
        return (bool(path) and path[-1].rstrip().endswith("?")
                and self._heading_subject(analysed) is not None)

    def _heading_subject(self, analysed: AnalysedSegment) -> str | None:
        """The subject named last in the headings above the segment (the innermost)."""
        mentions = [m for m in self.subjects.find(analysed.heading_tokens)
                    if m.subject != self.company]
        return mentions[-1].subject if mentions else None


def _promotion_attribute(attributes: Iterable[Attribute], custom: frozenset[str],
                         promotion_cues: Iterable[tuple[str, ...]],
                         language: str) -> Attribute | None:
    """The registry's own money attribute of promotions: one with a word of a promotion cue
    among its cues ("promo_price", cue "cena promocyjna"); None if it declares none."""
    words = {word.lower() for cue in promotion_cues for word in cue}
    return next((attribute for attribute in sorted(attributes, key=lambda a: a.name)
                 if attribute.name in custom and attribute.type is ValueType.MONEY
                 and any(word.lower() in words for cue in attribute.cue_lemmas(language)
                         for word in cue)), None)


def _custom_first(cues: list[_Cue], custom: frozenset[str], alone: bool,
                  in_column: bool) -> list[_Cue]:
    """The ranked cues, with the best cue of a registry-declared attribute first when a
    built-in attribute ranks first: the business declared the more specific meaning ("Plan
    Pro kosztuje 44,99 zł" under "Promocja zimowa" is its promotional price, not the plain
    price). A cue ranked below an ignored one never counts. Unless the value is `alone` (the
    only one of its type in its sentence), a cue in its sentence may be another value's
    ("39,99 zł miesięcznie albo 399 zł rocznie"): then only the headings' cues count. A cue
    of the sentence before is no more specific than one of the value's own sentence ("W
    planie rocznym wyłącz odnowienie. Od umowy możesz też odstąpić w ciągu 14 dni od jej
    zawarcia": the withdrawal period, not the renewal term). In a table column with a
    header, the header says what the value is, and the headings above the table may be about
    another column: then only the value's own words count."""
    if not cues or cues[0].attribute is _IGNORED or cues[0].attribute.name in custom:
        return cues
    for position, cue in enumerate(cues):
        if cue.attribute is _IGNORED:
            break
        if cue.attribute.name in custom and (cue.distance == 0 or (not in_column and (
                (alone and cue.distance < PREVIOUS_SENTENCE_DISTANCE)
                or cue.distance == HEADING_DISTANCE))):
            return [cue, *cues[:position], *cues[position + 1:]]
    return cues


def _keep_better(best: dict[str, _Cue], candidate: _Cue) -> None:
    """Keep `candidate` in `best` (by attribute name) if it ranks before the one there."""
    current = best.get(candidate.attribute.name)
    if current is None or _rank(candidate) < _rank(current):
        best[candidate.attribute.name] = candidate


def _paid_monthly(best: dict[str, _Cue], value: Value, attributes: Iterable[Attribute]) -> None:
    """An amount per month ("39,99 zł / mies.") says which of the attributes cued for it is
    the one paid every month: that attribute's cue is in the value itself. It cues none that
    nothing else cues (a saving "oszczędzasz 10 zł / mies." is no fee), nor past an ignored
    cue ("zamiast 49 zł / mies.": the old price)."""
    if not value.unit.endswith(PER_MONTH) or _IGNORED.name in best:
        return
    for attribute in attributes:
        if attribute.reading is Reading.MONTHLY and attribute.name in best:
            _keep_better(best, _Cue(attribute, 0, 1, True, (PER_MONTH,), beside=True))


def _bound_claimed(cue: _Cue, words: Mapping[str, frozenset[str]], index: _SentenceIndex,
                   tokens: ValueTokens) -> _Cue:
    """The cue, without the priority of a bounded attribute where a word of it that no
    cue of the value's other attributes has (`words`, by attribute: "darmowy" of "darmowa
    dostawa", not "dostawa") stands only nearer to another value of the type: in "Dostawa
    od 12,99 zł, darmowa od 199 zł" the free delivery is the 199 zł's, and the 12,99 zł is
    a delivery cost."""
    if not cue.attribute.bounds or not tokens.rivals:
        return cue
    others = {word for name, found in words.items() if name != cue.attribute.name
              for word in found}
    for word in cue.words:
        positions = index.positions.get(word, ())
        if word not in others and positions and all(tokens.nearer_rival(position)
                                                    for position in positions):
            return replace(cue, bound_first=False)
    return cue


def _in_clause(cue: tuple[str, ...], frame: Frame, index: _SentenceIndex) -> bool:
    """Whether the cue stands in the frame's clause, not as a participle only: of a term of
    several words, one word is enough, the others may be its participles."""
    if len(cue) > 1 and all(index.in_frame(word, frame, participle_too=True) for word in cue):
        return any(index.in_frame(word, frame) for word in cue)
    return all(index.in_frame(word, frame) for word in cue)


def _counts_from(attribute: Attribute, start: str) -> bool:
    """Whether a period counted from `start` ("" for none named) may be the attribute's."""
    possible = possible_anchors(attribute.name)
    return not start or possible is None or start in possible


def _rank(cue: _Cue) -> tuple[int, int, int, int, int, int, int]:
    """Attributes that constrain the bound ("od 1000 zł") first, unless their cue is
    another value's (`_bound_claimed`); then, among compact cues
    close to the value, the most specific ("odpowiedź na reklamację" beats "wysyłać");
    then the nearest; between equally near cues an ignored one ("REGON 021847639" before a
    line "Infolinia: …" its sentence runs on into), then the more specific ("zwrot
    płatności" over "zwrot"), then one whose words stand together ("zwrócimy wszystkie
    otrzymane płatności", not "zwrócimy … koszty dostarczenia towaru")."""
    close = cue.compact and cue.distance <= NEARBY_DISTANCE
    return (0 if cue.attribute.bounds and cue.bound_first else 1, 0 if close else 1,
            -cue.length if close else 0, cue.distance, 0 if cue.attribute is _IGNORED else 1,
            -cue.length, 0 if cue.compact else 1)


def _cue_distance(cue: tuple[str, ...], occurrences: _Occurrences, value_index: int,
                  context: CueContext) -> tuple[int, bool] | None:
    """Token distance from the value to the farthest word of the nearest occurrence of the
    cue, and whether that occurrence is compact (its words stand together, in any order, a
    word apart at most); a compact occurrence is preferred to a nearer scattered one. A cue
    found only in a table cell's column or row header is near (`facts.tables`), only in the
    headings far; None: not there.

    The nearest scattered occurrence takes each word's nearest position, and compact ones are
    looked up near the value: no trying of every combination of positions, whose number grew
    with a power of the sentence's length."""
    if _stands_in(cue, occurrences.index.positions):
        farthest = 0
        others = occurrences.written_with_others(cue) if len(cue) > 1 else frozenset()
        for lemma in cue:
            distance = occurrences.nearest(lemma, value_index, others)
            if distance is None:
                break
            farthest = max(farthest, distance)
        else:
            compact = occurrences.nearest_compact(cue, value_index)
            return (compact, True) if compact is not None else (farthest, False)
    for lemmas, distance in context.places:
        if _stands_in(cue, lemmas):
            return distance, True
    return None


def _uncued_attributes(attributes: Sequence[Attribute]) -> dict[ValueType, str]:
    """The attribute a web address or a phone number with no cue is a fact of: the one of
    its type there is (a registry's `website`), else `WEB_ADDRESS`; the hotline of several
    phone attributes; none for a phone number where no attribute is one."""
    web = [a.name for a in attributes if a.type is ValueType.URL]
    phones = [a.name for a in attributes if a.type is ValueType.PHONE]
    uncued = {ValueType.URL: web[0] if len(web) == 1 else WEB_ADDRESS}
    if phones:
        uncued[ValueType.PHONE] = HOTLINE if HOTLINE in phones else phones[0]
    return uncued


def _stands_in(cue: tuple[str, ...], lemmas: Container[str]) -> bool:
    """Whether every word of the cue is among `lemmas` (a loop: this runs for every cue
    and value)."""
    for word in cue:
        if word not in lemmas:
            return False
    return bool(cue)


_BRACKETED = re.compile(r"\([^()]*\)")  # an aside in brackets

# An identifier right after its cue: a few words at most between ("pod numerem", "PL"),
# then nine digits or more, grouped by spaces or dashes.
_IDENTIFIER_AFTER = re.compile(r"[\s:.–-]*(?:[^\W\d]+\.?\s+){0,2}?(?:PL\s?)?"
                               r"(?P<number>\d(?:[ \u00a0-]?\d){8,})(?![\w-])")


def _cued(analysed: AnalysedSegment, cues: Sequence[tuple[str, ...]]
          ) -> Iterator[tuple[Sentence, tuple[str, ...], int]]:
    """Each place a cue introduces a value: (sentence, cue, the token the value may start
    at, right after the cue). A table cell or a definition whose row header is the cue
    ("<dt>NIP</dt><dd>894-318-27-28</dd>") is introduced by it from its first word."""
    for sentence in analysed.sentences:
        for cue, start in _cue_starts(_lower_lemmas(sentence), cues):
            yield sentence, cue, start + len(cue)
    if analysed.sentences and analysed.row_tokens:
        header = [token.lemma.lower() for token in analysed.row_tokens]
        for cue, _ in _cue_starts(header, cues):
            yield analysed.sentences[0], cue, 0
            break


def _identifier_after(text: str, start: int, end: int) -> tuple[int, int] | None:
    found = _IDENTIFIER_AFTER.match(text, start, end)
    return found.span("number") if found else None


TEXT_VALUE_ENDS = frozenset({",", ";", "(", ")"})
TEXT_VALUE_LEADS = frozenset({":", "-", "–", "—"})
MAX_TEXT_VALUE_TOKENS = 10
PRICE = "price"  # the built-in attribute of a product's price
PRICE_LINKS = frozenset({"za", "(", ":", "–", "—", "-", "="})  # "FrostLine 360 za 3 299 zł"
MAX_PRICE_LINKS = 2
CLAIM_SLACK = 1  # words between two words of another type's cue ("koszt ich dostarczenia")
ADJACENT = 3  # a product cue this near is the amount's own ("89 zł miesięcznie", "599 zł za rok")


def _lower_lemmas(sentence: Sentence) -> list[str]:
    return [token.lemma.lower() for token in sentence.tokens]


def _cue_starts(lemmas: list[str], cues: Iterable[tuple[str, ...]]
                ) -> Iterator[tuple[tuple[str, ...], int]]:
    """Each cue, and each token index where its words (any case) stand in a row among the
    sentence's `lemmas` (`_lower_lemmas`, taken once per sentence)."""
    for cue in cues:
        for start in _occurrences(lemmas, tuple(word.lower() for word in cue)):
            yield cue, start


def _occurrences(lemmas: list[str], cue: tuple[str, ...]) -> Iterator[int]:
    """Where the cue's words stand in a row: its first word found by `list.index` (in C),
    the rest compared there only."""
    if not cue:
        yield from range(len(lemmas) + 1)
        return
    width, first, start = len(cue), cue[0], -1
    while True:
        try:
            start = lemmas.index(first, start + 1)
        except ValueError:
            return
        if tuple(lemmas[start:start + width]) == cue:
            yield start


def _in_order(lemmas: list[str], cue: tuple[str, ...], slack: int) -> Iterator[list[int]]:
    """The positions of the cue's words in order, each at most `slack` words after the one
    before it ("koszt najtańszej dostawy" for "koszt dostawy"); a word between them, never
    a punctuation mark: a bracket or a comma ends a term ("za pobranie (tylko kurier DPD)"
    is no "pobranie tylko")."""
    for start in _occurrences(lemmas, cue[:1]):
        positions = [start]
        for word in cue[1:]:
            after = positions[-1] + 1
            found = next((position for position in range(after, after + slack + 1)
                          if position < len(lemmas) and lemmas[position] == word
                          and all(lemmas[between][:1].isalnum()
                                  for between in range(after, position))), None)
            if found is None:
                break
            positions.append(found)
        else:
            yield positions


def _text_after(tokens: Sequence[Token], first: int) -> tuple[int, int] | None:
    """(start, end) offsets of the text value after a cue: leading ":" or "–" skipped, up to
    a comma, semicolon or bracket, at most a few words, without a final full stop."""
    while first < len(tokens) and tokens[first].text in TEXT_VALUE_LEADS:
        first += 1
    last = first
    while (last < len(tokens) and last - first < MAX_TEXT_VALUE_TOKENS
           and tokens[last].text not in TEXT_VALUE_ENDS):
        last += 1
    while last > first and tokens[last - 1].text == ".":
        last -= 1
    if last == first:
        return None
    return tokens[first].start, tokens[last - 1].end


class _Clause:
    """The lower-cased lemmas of a value's clause, the value's own left out."""

    def __init__(self, index: _SentenceIndex, value_index: int, match: ValueMatch) -> None:
        self.index, self.value_index = index, value_index
        self.range = index.clause_range(LABEL_ENDS, value_index)
        self.own = range(bisect_left(index.starts, match.start),
                         bisect_left(index.starts, match.end))  # the value's tokens
        self._counts = index.clause_lemmas(self.range)
        self._own_counts = Counter(index.tokens[i].lemma.lower() for i in self.own
                                   if i in self.range)

    def __contains__(self, lemma: object) -> bool:
        return isinstance(lemma, str) and self._counts[lemma] > self._own_counts[lemma]

    def nearest_first(self, attribute: str, labels: Callable[[int], bool],
                      within: range) -> Iterator[str]:
        """The lemmas `within` the clause that pass `labels` (the same test for one
        attribute), nearest to the value first; of two as near, the one before it."""
        tokens = self.index.tokens
        positions = [position for position in self.index.label_words(self.range, attribute, labels)
                     if position in within]
        for position in _nearest_first(positions, self.value_index, self.own):
            yield tokens[position].lemma.lower()


def _nearest_first(positions: list[int], origin: int, skipped: range) -> Iterator[int]:
    """`positions` (ascending) by their distance from `origin`, the earlier first on a tie,
    without those in `skipped`."""
    after = bisect_left(positions, origin)
    before = after - 1
    while before >= 0 or after < len(positions):
        if before >= 0 and positions[before] in skipped:
            before -= 1
        elif after < len(positions) and positions[after] in skipped:
            after += 1
        elif after == len(positions) or (
                before >= 0 and origin - positions[before] <= positions[after] - origin):
            yield positions[before]
            before -= 1
        else:
            yield positions[after]
            after += 1


def _fact_confidence(cue: _Cue, foreign: frozenset[str], label: str, value_index: int,
                     tokens: ValueTokens, subject: str | None) -> Confidence:
    """Low for a cue that does not govern the value's clause, else by the cue's distance, a
    labelled item of a list counted as its list's first value (`_list_distance`)."""
    if cue.attribute.name in foreign:
        return Confidence.LOW
    distance = _list_distance(cue.distance, value_index, tokens) if label else cue.distance
    return _confidence(distance, subject)


def _list_distance(distance: int, value_index: int, tokens: ValueTokens) -> int:
    """How far a labelled value stands from its cue when it is an item of a list of variants
    after it ("Paczki DPD i DHL dostarczamy w 1–3 dni robocze, meble przywozi Raben w 3–5 dni
    roboczych, a do Czech – w 4–6 dni roboczych"): as far as the list's first value, the cue
    being the whole list's. A cue after the value, or not in its sentence, is `distance` away."""
    cue_at = value_index - distance
    if not 0 <= cue_at < value_index or distance >= HEADING_DISTANCE:
        return distance
    first = next((span.start for span in tokens.same_type
                  if cue_at < span.start and span.stop <= tokens.own.start), None)
    return distance if first is None else first - cue_at


def _confidence(distance: int, subject: str | None) -> Confidence:
    if subject is None or (MEDIUM_CONFIDENCE_DISTANCE < distance != HEADING_DISTANCE):
        return Confidence.LOW
    if distance <= HIGH_CONFIDENCE_DISTANCE:
        return Confidence.HIGH
    return Confidence.MEDIUM


def _sentence_at(sentences: Sequence[Sentence], offset: int) -> Sentence | None:
    """The sentence holding `offset`, by bisection: scanning from the first sentence for
    every value made a paragraph of many facts quadratic."""
    at = bisect_right(sentences, offset, key=_start) - 1
    return sentences[at] if at >= 0 and offset < sentences[at].end else None


def _start(sentence: Sentence) -> int:
    return sentence.start


def _token_index(index: _SentenceIndex, offset: int) -> int:
    """The first token that ends after `offset`, else the last."""
    return min(bisect_right(index.ends, offset), len(index.ends) - 1)
