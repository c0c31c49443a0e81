"""What a clause says about itself: who acts in it, whether it is negated, and whether it
says that something may, must or cannot be done. A rule frame (rules/kinds/frame.py) holds
when its concepts stand in one clause read this way.

"Użytkownik akceptuje, że Operator nie ponosi odpowiedzialności" holds two clauses: a
comma or semicolon before a clause opener ("że", "który", "jeśli", "a") ends one, as do ":"
and a line break (the lines of a list), and a semicolon before a party's noun (a new
subject: "Konsument może wybrać naprawę; Sprzedawca może zaproponować…"); other semicolons
join ("Wadliwy towar prosimy odesłać; koszt przesyłki pokrywa Klient" is one statement).
A leading condition ("Jeśli nie odbierzesz paczki, anulujemy zamówienie") stays in the clause
with its concepts, but the actor, negation and modality are those of the main part after its
comma: the condition is a circumstance of what the clause says. So does a condition that
restricts the clause before it ("Zwroty przyjmujemy tylko wtedy, gdy produkt przyszedł
uszkodzony", "wyłącznie w sytuacji, gdy…"): it says the only case in which the main part
holds, and is part of what it says.
The actor is the subject: the first word of the clause that may be the nominative of a
role's noun ("Sprzedawca", "firma"), else the person of its finite verbs ("zastrzegamy" is
the first person, "ponosisz" the second), as Morfeusz analyses them; a clause naming neither
(a passive, "Regulamin może ulec zmianie") has no actor. A language without Morfeusz's tags
finds actors by their nouns' lemmas only.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from functools import cache

from consistency_lint.nlp import morfeusz
from consistency_lint.nlp.analysis import Token
from consistency_lint.nlp.lexicon import language_profile

CLAUSE_ENDS = frozenset({":"})
BEFORE_OPENERS = frozenset({",", ";"})
MAY, MUST, CANNOT, NO_MODALITY = "may", "must", "cannot", "none"
UNNAMED = "unnamed"  # the actor of a clause that names none
RESTRICTION_REACH = 3  # "wyłącznie w przypadku, gdy": the focus particle a few words before
# quotation marks that open a quotation, with those that close it
QUOTES = {"„": frozenset({"”", "“", "\""}), "“": frozenset({"”", "\""}),
          "\"": frozenset({"\"", "”"}), "«": frozenset({"»"}), "»": frozenset({"«"}),
          "\u201a": frozenset({"\u2019", "\u2018"})}
ADDRESSEE = "second"  # the grammatical person of whom a text speaks to


def quotations(texts: Sequence[str]) -> Iterator[list[int]]:
    """The positions of the words inside each quotation of a run of tokens' texts („…”,
    “…”, "…", «…»); one left open ends at the run's last token, which closes it."""
    closers: frozenset[str] | None = None
    inside: list[int] = []
    for position, text in enumerate(texts):
        if closers is not None and (text in closers or position == len(texts) - 1):
            yield inside
            closers, inside = None, []
        elif closers is None and text in QUOTES:
            closers = QUOTES[text]
        elif closers is not None:
            inside.append(position)


@dataclass(frozen=True)
class Role:
    """A party a clause may speak of: the lemmas of its nouns and, optionally, the
    grammatical person its verbs speak in ("first": "zastrzegamy" is the trader)."""

    name: str
    lemmas: frozenset[str]
    person: str | None = None


@dataclass(frozen=True)
class Clause:
    """One clause of a sentence: its token positions and what it says about itself."""

    tokens: range
    actor: str  # a role's name, or UNNAMED
    negated: bool
    modality: str  # MAY, MUST, CANNOT or NO_MODALITY
    persons: frozenset[str]  # the persons of its finite verbs


def clauses(tokens: Sequence[Token], text: str, language: str,
            roles: Sequence[Role]) -> list[Clause]:
    """The clauses of a sentence (its tokens, offsets into `text`), each read."""
    profile = language_profile(language)
    openers = profile.clause_openers | profile.clause_conjunctions
    read = []
    start = 0
    for position, token in enumerate(tokens):
        following = tokens[position + 1] if position + 1 < len(tokens) else None
        punctuation = token.text in CLAUSE_ENDS or (
            token.text in BEFORE_OPENERS and following is not None
            and (following.lemma.lower() in openers
                 or (token.text == ";" and _names_role(following, roles)))
            and not _announced_condition(tokens, position, profile.condition_conjunctions,
                                         profile.condition_correlatives,
                                         profile.focus_particles))
        line_ends = following is not None and "\n" in text[token.end:following.start]
        if punctuation or line_ends:
            end = position if punctuation else position + 1  # the punctuation is in neither
            if end > start:
                read.append(_read(tokens, range(start, end), language, roles))
            start = position + 1
    if start < len(tokens):
        read.append(_read(tokens, range(start, len(tokens)), language, roles))
    return read


def asserted(read: Sequence[Clause], tokens: Sequence[Token],
             language: str) -> list[Clause]:
    """The clauses of a sentence that the text says: not those a negated verb of saying
    introduces ("Nie mów, że „o sposobie decyduje sklep”": what the reader must not say),
    nor a negated clause of saying that quotes what it forbids ("Nigdy nie pisz „…”")."""
    profile = language_profile(language)
    speech, tagged = profile.speech_verbs, profile.morphology == "morfeusz"
    said, unsaid_follows = [], False
    for clause in read:
        speaks = clause.negated and any(_lemmas(tokens[position], tagged) & speech
                                        for position in clause.tokens)
        quotes = any(tokens[position].text in QUOTES for position in clause.tokens)
        if not (unsaid_follows or (speaks and quotes)):
            said.append(clause)
        unsaid_follows = speaks and not quotes
    return said


def read_clause(tokens: Sequence[Token], language: str, roles: Sequence[Role]) -> Clause:
    """The tokens read as one clause (a list's lead-in with one of its items)."""
    return _read(tokens, range(len(tokens)), language, roles)


def _read(tokens: Sequence[Token], span: range, language: str,
          roles: Sequence[Role]) -> Clause:
    profile = language_profile(language)
    tagged = profile.morphology == "morfeusz"
    main = _main_part(tokens, span, profile.condition_conjunctions)
    lemmas = [_lemmas(tokens[position], tagged) for position in main]
    negated = any(lemma & profile.negations and not _bounds(lemmas, at, profile.comparison_words)
                  for at, lemma in enumerate(lemmas))
    persons = frozenset().union(*(morfeusz.verb_persons(tokens[position].text)
                                  for position in main)) if tagged else frozenset()
    return Clause(span, _actor(tokens, main, roles, persons, tagged), negated,
                  _modality(lemmas, language), persons)


def _bounds(lemmas: Sequence[frozenset[str]], at: int, comparison: frozenset[str]) -> bool:
    """Whether the negation at `at` states a bound: "nie później niż", "no later than"."""
    return at + 2 < len(lemmas) and bool(lemmas[at + 2] & comparison)


def _names_role(token: Token, roles: Sequence[Role]) -> bool:
    return any(token.lemma.lower() in role.lemmas for role in roles)


def _announced_condition(tokens: Sequence[Token], comma: int, conditions: frozenset[str],
                         correlatives: frozenset[str], focus: frozenset[str]) -> bool:
    """Whether the comma at `comma` opens a condition that restricts the clause before it:
    announced by a focus particle and a correlative ("tylko wtedy, gdy", "wyłącznie w
    przypadku, gdy", "jedynie, jeśli"). Any other condition is a clause of its own."""
    if not (tokens[comma].text == "," and 0 < comma < len(tokens) - 1
            and tokens[comma + 1].lemma.lower() in conditions):
        return False
    before = [token.lemma.lower() for token in tokens[max(comma - RESTRICTION_REACH, 0):comma]]
    return bool(before) and (before[-1] in focus or (
        before[-1] in correlatives and any(word in focus for word in before[:-1])))


def _main_part(tokens: Sequence[Token], span: range, conditions: frozenset[str]) -> range:
    """The part of the clause that says what it says of itself: after a leading condition
    ("Jeśli nie odbierzesz paczki, anulujemy zamówienie" is the trader's, not negated), or
    before an announced one ("… tylko wtedy, gdy folia nie będzie zerwana" is not negated),
    which is only its circumstance; the whole clause otherwise."""
    if not span:
        return span
    if tokens[span.start].lemma.lower() not in conditions:
        trailing = next((position for position in span if tokens[position].text == ","
                         and position + 1 < span.stop
                         and tokens[position + 1].lemma.lower() in conditions), None)
        return span if trailing is None else range(span.start, trailing)
    comma = next((position for position in span if tokens[position].text == ","), None)
    return span if comma is None or comma + 1 >= span.stop else range(comma + 1, span.stop)


def _actor(tokens: Sequence[Token], span: range, roles: Sequence[Role],
           persons: frozenset[str], tagged: bool) -> str:
    """The role whose noun stands first in the nominative, else whose person the verbs
    speak in, else UNNAMED. A noun right after a preposition is never the subject ("do
    Sprzedawcy" is no nominative plural)."""
    for position in span:
        token = tokens[position]
        if tagged and position > span.start and morfeusz.is_preposition(tokens[position - 1].text):
            continue
        nominatives = (morfeusz.nominative_lemmas(token.text) if tagged
                       else frozenset({token.lemma.lower()}))
        for role in roles:
            if role.lemmas & nominatives:
                return role.name
    return next((role.name for role in roles if role.person in persons), UNNAMED)


def _lemmas(token: Token, tagged: bool) -> frozenset[str]:
    """The token's lemma and, with Morfeusz, every lemma of its analyses ("może" is the
    particle to the tagger, and "móc" too)."""
    found = {token.lemma.lower()}
    if tagged:
        found.update(lemma.lower() for lemma, _ in morfeusz.analyses(token.text))
    return frozenset(found)


def _modality(lemmas: list[frozenset[str]], language: str) -> str:
    """CANNOT for a negated "may" word, else MUST, else MAY, else NO_MODALITY."""
    negations = language_profile(language).negations
    found = NO_MODALITY
    for kind, phrases in _modal_phrases(language).items():
        for phrase in phrases:
            at = _find(lemmas, phrase)
            if at is None:
                continue
            if kind == MAY and any(lemmas[before] & negations
                                   for before in range(max(at - 2, 0), at)):
                return CANNOT
            if kind == MUST or found == NO_MODALITY:
                found = kind
    return found


def _find(lemmas: list[frozenset[str]], phrase: tuple[str, ...]) -> int | None:
    """Where the phrase's lemmas stand in order, a word apart at most; None if nowhere."""
    for start, lemma in enumerate(lemmas):
        if phrase[0] not in lemma:
            continue
        at, matched = start, True
        for word in phrase[1:]:
            following = [at + step for step in (1, 2) if at + step < len(lemmas)
                         and word in lemmas[at + step]]
            if not following:
                matched = False
                break
            at = following[0]
        if matched:
            return start
    return None


@cache
def _modal_phrases(language: str) -> Mapping[str, tuple[tuple[str, ...], ...]]:
    return {kind: tuple(tuple(phrase.lower().split()) for phrase in phrases)
            for kind, phrases in language_profile(language).modality.items()}
