"""What a document says of a set-valued attribute: the members it offers, one fact each.

A member counts where it is offered: a name (BLIK, InPost) wherever it stands, a term
("karta", "Czechy") only in a section or clause that carries a cue of the attribute
("Płatność kartą", "Wysyłamy do Czech"), or in a sentence or section that does when the
term's clause has no verb of its own (`nlp.frames`). It does not count in a negated clause ("nie
wysyłamy do Czech", "płatność przy odbiorze nie jest możliwa") nor in a sentence that names
it in another sense (a refund returned "tą samą metodą": `ignored_cues`), nor in a question
("Czy przyjmujecie PayPal?"). A name of two
vocabularies (PayPal: a method and a processor) goes to the one whose cue is the most
specific, else to the first.

Members stated together where a cue presents the whole set ("Akceptujemy…", "Metody
płatności to…", a section "Formy płatności") share a `listing` key: such a list that leaves
out a member the registry lists is incomplete (`checks/fact_sets.py`). A member after
"wyłącznie", "tylko" is the whole set on its own ("Dostawa wyłącznie na terenie Polski").
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from consistency_lint.facts.attributes import Attribute
from consistency_lint.facts.members import (
    MemberMention,
    Vocabulary,
    find_members,
    lemmatized,
    only_cues,
    partial_cues,
    vocabularies,
)
from consistency_lint.model import Confidence, Document, Fact, Value, ValueType
from consistency_lint.nlp.analysis import AnalysedSegment, Sentence, Token
from consistency_lint.nlp.clauses import clause_numbers
from consistency_lint.nlp.frames import NOUN_TAG, PARTICIPLE_TAGS, SentenceFrames, parts_of_speech
from consistency_lint.nlp.lexicon import language_profile

# A comma before a word of these parts of speech starts another predicate, so another scope
# of negation: "Wysyłamy do Polski, nie wysyłamy do Czech"; "kartą, BLIK-iem" does not.
_PREDICATE_TAGS = frozenset({"fin", "praet", "impt", "imps", "inf", "pred", "bedzie"})
_NOT_NEGATING_NEXT = frozenset({"tylko", "jedynie"})  # "nie tylko do Polski, ale…"
SCOPE_BREAKS = frozenset({",", "–", "—"})  # where a stretch with a predicate of its own starts
ONLY_REACH = 3  # how far before a member "wyłącznie" makes it the whole set
ENUMERATION = 3  # members named together by a verb of their attribute: the whole set
EXCLUSIVE = "!"  # the start of the listing key of a member offered as the only one
# What opens words that say how the member before works, and what ends them
ELABORATION_OPENERS = {"–": frozenset({",", ";", "–"}), "—": frozenset({",", ";", "—"}),
                       "(": frozenset({")"})}


@dataclass(frozen=True)
class _Found:
    mention: MemberMention
    vocabulary: Vocabulary
    cue: tuple[str, ...]


class SetStatements:
    """Finds the members of the run's set attributes (those with a vocabulary) in
    analysed segments."""

    def __init__(self, attributes: Sequence[Attribute], company: str, language: str) -> None:
        known = vocabularies(language)
        self.attributes = [attribute for attribute in attributes
                           if attribute.type is ValueType.SET and attribute.name in known]
        self.vocabularies = [known[attribute.name] for attribute in self.attributes]
        self.company = company
        self.language = language
        profile = language_profile(language)
        self.negations, self.coordinators = profile.negations, profile.coordinators
        self.partial = partial_cues(language)
        self.only = only_cues(language)
        self.cue_verbs = {attribute.name: frozenset(
            cue[0].lower() for cue in lemmatized(attribute.cues, language) if len(cue) == 1)
            for attribute in self.attributes}  # one-word cues; those that are verbs count

    def facts(self, document: Document, analysed: AnalysedSegment, segment_index: int,
              asked_of_another: bool = False) -> Iterator[Fact]:
        """The members `analysed` offers; none of them a whole list where it answers a
        question about a subject other than the company (`asked_of_another`: "Jak płacę za
        abonament?" is answered with the subscription's methods, not all the shop's)."""
        if not self.attributes:
            return
        heading = [token.lemma.lower() for token in analysed.heading_tokens]
        for sentence in analysed.sentences:
            if sentence.tokens and sentence.tokens[-1].text == "?":
                continue  # "Czy przyjmujecie PayPal?" asks, it offers nothing
            lemmas = [token.lemma.lower() for token in sentence.tokens]
            frames = SentenceFrames(sentence.tokens, self.language)  # once per sentence
            negated = self._negated(sentence.tokens)
            found = _not_elaborating(
                [item for item in self._found(frames, lemmas, heading)
                 if not negated[item.mention.first]], sentence.tokens)
            # what presents a whole set: cues outside negated clauses ("nie przyjmujemy…"),
            # in a statement that does not say it lists only some ("także", "m.in.")
            affirmed = [lemma if not negated[i] else "" for i, lemma in enumerate(lemmas)]
            whole = not asked_of_another and not _first_cue(self.partial, lemmas)
            exclusive = {item.vocabulary.attribute for item in found
                         if self._only_before(affirmed, item.mention.first)}
            listings: dict[str, str] = {}  # by attribute: once per sentence, not per member
            for item in found:
                attribute = item.vocabulary.attribute
                if attribute not in listings:
                    listings[attribute] = "" if not whole else (
                        f"{EXCLUSIVE}{attribute}@{segment_index}:{sentence.start}"
                        if attribute in exclusive else
                        self._listing(item.vocabulary, affirmed, heading, analysed,
                                      segment_index, sentence)
                        or self._enumeration(attribute, found, frames, affirmed,
                                             f"{attribute}@{segment_index}:{sentence.start}",
                                             _question_asked(analysed)))
                yield self._fact(document, analysed, sentence, item, listings[attribute])

    def _only_before(self, affirmed: list[str], first: int) -> bool:
        """Whether "wyłącznie", "tylko" stands right before a member (a few words at most:
        "wyłącznie na terenie Polski"), not negated ("nie tylko"): the member is then the
        whole set, one member or more. Not in brackets: "Za granicę (tylko Niemcy i
        Czechy)" says which of a part of the set, the part the words before name."""
        for position in range(max(0, first - ONLY_REACH), first):
            if affirmed[position] in self.only and (
                    position == 0 or affirmed[position - 1] not in self.negations):
                return not _in_brackets(affirmed, position)
        return False

    def _found(self, frames: SentenceFrames, lemmas: list[str],
               heading: list[str]) -> list[_Found]:
        """Each member offered in the sentence (`frames.tokens`), once per place (a name of
        two vocabularies, PayPal, goes to the one with the most specific cue; a term inside a
        name is none)."""
        by_place: dict[tuple[int, int, str], _Found] = {}
        tokens = frames.tokens
        for attribute, vocabulary in zip(self.attributes, self.vocabularies, strict=True):
            if _first_cue(vocabulary.ignored_cues, lemmas):
                continue
            cues = lemmatized(attribute.cues, self.language)
            in_heading = _first_cue(cues, heading)
            cue = _first_cue(cues, lemmas) or in_heading
            for mention in find_members(tokens, vocabulary):
                if not mention.member.named and not self._cue_governs(
                        cues, frames, lemmas, mention, bool(in_heading)):
                    continue
                place = (mention.first, mention.last, mention.member.name.casefold())
                current = by_place.get(place)
                if current is None or len(cue) > len(current.cue):
                    by_place[place] = _Found(mention, vocabulary, cue)
        in_names = {position for item in by_place.values() if item.mention.member.named
                    for position in range(item.mention.first, item.mention.last)}
        return [by_place[place] for place in sorted(by_place)
                if by_place[place].mention.member.named
                or in_names.isdisjoint(range(place[0], place[1]))]

    def _cue_governs(self, cues: Sequence[tuple[str, ...]], frames: SentenceFrames,
                     lemmas: list[str], mention: MemberMention, in_heading: bool) -> bool:
        """Whether a cue says the term is offered: one in the term's own clause, or in its
        sentence or headings when that clause has no verb of its own ("Wysyłka do krajów UE,
        Norwegii, Szwajcarii"). A country in a clause about something else ("Przestrzegamy
        sankcji nakładanych przez USA, a przesyłki nadajemy kurierem"), even under a heading
        "Dostawa", is not where the shop delivers (`nlp.frames`)."""
        frame = frames.frame(range(mention.first, mention.last))
        if not frame.has_content_verb:
            return in_heading or bool(_first_cue(cues, lemmas))
        return bool(_first_cue(cues, [lemmas[i] if frame.holds((i,)) else ""
                                      for i in frame.clause]))

    def _negated(self, tokens: Sequence[Token]) -> list[bool]:
        """For each token, whether a negation stands in its scope: its clause, a comma
        before another predicate ending it."""
        scopes = _scopes(tokens, self.negations, self.coordinators)
        negated_scopes = {scopes[i] for i, token in enumerate(tokens)
                          if token.lemma.lower() in self.negations
                          and (i + 1 == len(tokens)
                               or tokens[i + 1].lemma.lower() not in _NOT_NEGATING_NEXT)}
        return [scope in negated_scopes for scope in scopes]

    def _listing(self, vocabulary: Vocabulary, lemmas: list[str], heading: list[str],
                 analysed: AnalysedSegment, segment_index: int, sentence: Sentence) -> str:
        """The key of the whole list a member belongs to: its sentence when a cue there
        presents the whole set, else its section when the heading does; "" otherwise."""
        if _first_cue(vocabulary.complete_cues, lemmas):
            return f"{vocabulary.attribute}@{segment_index}:{sentence.start}"
        if _first_cue(vocabulary.complete_cues, heading):
            return f"{vocabulary.attribute}@{' / '.join(analysed.segment.heading_path)}"
        return ""

    def _enumeration(self, attribute: str, found: list[_Found], frames: SentenceFrames,
                     affirmed: list[str], key: str, question: frozenset[str]) -> str:
        """`key`, the sentence's listing key, for three members or more that a verb of the
        attribute names in the first one's clause ("Zapłacisz BLIK-iem, kartą płatniczą,
        szybkim przelewem albo przy odbiorze") or in the question they answer (`question`,
        its verbs: "Jak mogę zapłacić?"): the options, all of them. Not members a clause
        about something else names ("Płatności BLIK, kartą i szybkim przelewem obsługuje
        operator"). "" otherwise."""
        items = [item for item in found if item.vocabulary.attribute == attribute]
        if len({item.mention.member.name for item in items}) < ENUMERATION:
            return ""
        verbs = self.cue_verbs[attribute]
        if not question.isdisjoint(verbs):
            return key
        clause = frames.clause_around(range(items[0].mention.first, items[0].mention.last))
        if not any(affirmed[position] in verbs and _is_predicate(frames.tokens[position])
                   for position in clause):
            return ""
        return key

    def _fact(self, document: Document, analysed: AnalysedSegment, sentence: Sentence,
              item: _Found, listing: str) -> Fact:
        segment = analysed.segment
        start = sentence.tokens[item.mention.first].start
        end = sentence.tokens[item.mention.last - 1].end
        return Fact(subject=self.company, attribute=item.vocabulary.attribute,
                    text=segment.written_text(start, end),
                    value=Value(ValueType.SET, text=item.mention.member.name),
                    path=document.path, span=segment.span_of(start, end),
                    channel=document.channel, confidence=Confidence.HIGH,
                    sentence=segment.written_text(sentence.start, sentence.end),
                    cue=" ".join(item.cue), distance=1, listing=listing)


def _not_elaborating(found: list[_Found], tokens: Sequence[Token]) -> list[_Found]:
    """The members that are offered in their own right: not those that say how another one
    of their attribute works, after a dash or in brackets right after it ("Płatność przy
    odbiorze – gotówką lub kartą", "za pobraniem (gotówką lub kartą)"), up to the end of
    that clause. A country there is still offered ("Kurier DPD (Polska)"), and a member
    inside such words opens none ("– gotówką lub kartą – jest dostępna w Polsce")."""
    elaborated: set[tuple[int, str]] = set()  # positions, by the attribute explained there
    for item in sorted(found, key=lambda item: item.mention.first):
        attribute, opener = item.vocabulary.attribute, item.mention.last
        if ((item.mention.first, attribute) in elaborated or opener >= len(tokens)
                or tokens[opener].text not in ELABORATION_OPENERS):
            continue
        closers = ELABORATION_OPENERS[tokens[opener].text]
        end = next((i for i in range(opener + 1, len(tokens)) if tokens[i].text in closers),
                   len(tokens))
        elaborated.update((position, attribute) for position in range(opener + 1, end))
    return [item for item in found
            if (item.mention.first, item.vocabulary.attribute) not in elaborated]


def _in_brackets(lemmas: list[str], position: int) -> bool:
    """Whether the word at `position` stands inside brackets opened before it."""
    depth = 0
    for lemma in lemmas[:position]:
        depth += (lemma == "(") - (lemma == ")")
    return depth > 0


def _first_cue(cues: Sequence[tuple[str, ...]], lemmas: list[str]) -> tuple[str, ...]:
    """The longest cue whose words stand in a row among `lemmas`; () for none."""
    best: tuple[str, ...] = ()
    for cue in cues:
        if len(cue) > len(best) and _stands_in_row(cue, lemmas):
            best = cue
    return best


def _stands_in_row(cue: tuple[str, ...], lemmas: list[str]) -> bool:
    first, width = cue[0], len(cue)
    start = -1
    while True:
        try:
            start = lemmas.index(first, start + 1)
        except ValueError:
            return False
        if tuple(lemmas[start:start + width]) == cue:
            return True


def _scopes(tokens: Sequence[Token], negations: frozenset[str],
            coordinators: frozenset[str]) -> list[int]:
    """For each token, its scope of negation: clauses (`clause_numbers`), also cut
    - at a comma or dash before a stretch with a negation or a verb of its own ("…do Polski,
      nie wysyłamy…", "…, zapłacisz…", "Nie prowadzimy tu sprzedaży – wszystkie zamówienia
      wysyłamy przez DPD");
    - at a conjunction between two stretches with a verb each ("wysyłamy wyłącznie kurierem
      DPD i nie wysyłamy tam mebli"; not "Do Czech i na Słowację nie wysyłamy");
    - around a participle after its noun, a clause folded into a word, up to the next
      predicate ("Przy zamówieniach wysyłanych kurierem DPD nie płacisz za przesyłkę": the
      shop does send by DPD)."""
    clauses = clause_numbers(tokens)
    scopes, scope = [], 0
    has_predicate = in_participle = False
    for position, token in enumerate(tokens):
        opens_participle = _is_attributive_participle(tokens, position)
        if position and (clauses[position] != clauses[position - 1] or opens_participle
                         or (in_participle and _starts_predicate(token, negations))
                         or _breaks_before(tokens, position, negations, coordinators,
                                           has_predicate)):
            scope += 1
            has_predicate = in_participle = False
        in_participle = in_participle or opens_participle
        has_predicate = has_predicate or _starts_predicate(token, negations)
        scopes.append(scope)
    return scopes


def _breaks_before(tokens: Sequence[Token], position: int, negations: frozenset[str],
                   coordinators: frozenset[str], has_predicate: bool) -> bool:
    """Whether a stretch with a predicate of its own starts at `position`: after a comma
    or dash, or after a conjunction that follows a stretch with a predicate."""
    before = tokens[position - 1]
    joins = before.text in SCOPE_BREAKS or (has_predicate
                                             and before.lemma.lower() in coordinators)
    return joins and _predicate_follows(tokens, position, negations)


def _is_attributive_participle(tokens: Sequence[Token], position: int) -> bool:
    """Whether the word at `position` is a participle right after a noun ("zamówieniach
    wysyłanych"), not a passive's ("nie są obsługiwane")."""
    if position == 0:
        return False
    parts = parts_of_speech(tokens[position])
    return bool(parts) and parts <= PARTICIPLE_TAGS and NOUN_TAG in parts_of_speech(
        tokens[position - 1])


def _predicate_follows(tokens: Sequence[Token], start: int, negations: frozenset[str]) -> bool:
    """Whether the stretch from `start` to the next comma or dash has a predicate."""
    for token in tokens[start:]:
        if token.text in SCOPE_BREAKS:
            return False
        if _starts_predicate(token, negations):
            return True
    return False


def _starts_predicate(token: Token, negations: frozenset[str]) -> bool:
    return token.lemma.lower() in negations or _is_predicate(token)


def _is_predicate(token: Token) -> bool:
    """Whether the word is a verb form that can head a clause, as the word it was read as
    ("lub" is the conjunction, not the imperative of "lubić")."""
    return bool(parts_of_speech(token) & _PREDICATE_TAGS)


def _question_asked(analysed: AnalysedSegment) -> frozenset[str]:
    """The lemmas of the verbs of the question the segment answers: its nearest heading,
    when that asks ("Jak mogę zapłacić?"); none otherwise."""
    path = analysed.segment.heading_path
    if not path or not path[-1].rstrip().endswith("?") or not analysed.heading_levels:
        return frozenset()
    nearest = analysed.heading_levels[0]
    return frozenset(token.lemma.lower() for token in analysed.heading_tokens
                     if token.lemma in nearest and _is_predicate(token))
