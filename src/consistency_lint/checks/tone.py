"""`tone` checks with per-profile thresholds (`rules/tone/profiles.yaml`): shouting, emoji,
overlong sentences and a readability score where the language's profile has a formula
(FOG-PL for Polish). Phrase-level tone rules (informal
address, dismissive phrases, jargon) are in the `tone-pl` rule pack."""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterator, Sequence
from dataclasses import replace
from functools import cache

from pydantic import BaseModel, ConfigDict, TypeAdapter

from consistency_lint.builtin_data import load_builtin_yaml
from consistency_lint.checks.context import CheckContext
from consistency_lint.checks.protocol import DocumentCheck, Kind
from consistency_lint.config import Register
from consistency_lint.model import (
    Anchor,
    Category,
    Document,
    Finding,
    RelatedLocation,
    Segment,
    Severity,
    Span,
)
from consistency_lint.nlp.analysis import AnalysedSegment, Token
from consistency_lint.nlp.lexicon import Readability, language_profile
from consistency_lint.nlp.vocabulary import is_acronym
from consistency_lint.specs import CheckSpec, Example

_EMOJI = re.compile("[\U0001F300-\U0001FAFF\U0001F000-\U0001F2FF\u2600-\u27BF]")
# Ticks and crosses at the start of a line are list bullets ("✓ Darmowa dostawa").
_BULLET_MARKS = frozenset("\u2713\u2714\u2705\u2717\u2718\u274c\u274e")
# A segment this short written in capitals is a title ("POTWIERDZENIE ZAMÓWIENIA").
MAX_TITLE_WORDS = 6
MIN_WORDS_FOR_READABILITY = 60
MIN_CAPS_WORD = 3
_LETTER = {"profile": "letter"}
_LONG = ("Uprzejmie informujemy, że zgodnie z obowiązującymi przepisami oraz postanowieniami "
         "regulaminu sklepu internetowego, z którymi mieli Państwo możliwość zapoznania się "
         "przed złożeniem zamówienia, reklamacja zostanie rozpatrzona przez nasz dział "
         "obsługi klienta w terminie czternastu dni od dnia jej otrzymania przez sprzedawcę, "
         "o czym poinformujemy Państwa odrębną wiadomością.\n")


class Profile(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    max_sentence_words: int
    max_exclamations: int
    max_caps_words: int
    emoji: bool
    max_fog: float
    registers: tuple[Register, ...]  # read by the rule engine through the channel (config)


@cache
def profiles() -> dict[str, Profile]:
    data = load_builtin_yaml("tone/profiles.yaml")["profiles"]
    return TypeAdapter(dict[str, Profile]).validate_python(data)


SHOUTING = CheckSpec(
    id="TONE-SHOUTING",
    category=Category.TONE,
    severity=Severity.WARNING,
    summary="More exclamation marks in a sentence, or more words in capitals in a row, than "
    "the channel's profile allows.",
    rationale="Capitals and \"!!!\" read as shouting; a letter or a call-center script that "
    "shouts at the customer undermines the brand and escalates complaints.",
    failing=Example("text", "PROSIMY O PILNY KONTAKT!!!\n", channel=_LETTER),
    passing=Example("text", "Prosimy o pilny kontakt.\n", channel=_LETTER),
)
EMOJI = CheckSpec(
    id="TONE-EMOJI",
    category=Category.TONE,
    severity=Severity.WARNING,
    summary="An emoji in a channel whose profile does not allow them (letters, FAQ, "
    "call-center scripts, legal texts).",
    rationale="Emoji suit marketing and social media, not formal letters or legal texts, "
    "and they may not survive an e-mail client or a printed letter.",
    failing=Example("text", "Dziękujemy za zamówienie 😊\n", channel=_LETTER),
    passing=Example("text", "Dziękujemy za zamówienie.\n", channel=_LETTER),
)
LONG_SENTENCE = CheckSpec(
    id="TONE-LONG-SENTENCE",
    category=Category.TONE,
    severity=Severity.INFO,
    summary="A sentence longer than the profile's `max_sentence_words`.",
    rationale="Long sentences are where customers stop reading, and where a consultant "
    "reading a script aloud loses the caller; split them.",
    failing=Example("text", _LONG, channel=_LETTER),
    passing=Example("text", "Reklamację rozpatrzymy w ciągu 14 dni. Odpowiedź wyślemy "
                    "e-mailem.\n", channel=_LETTER),
)
READABILITY = CheckSpec(
    id="TONE-READABILITY",
    category=Category.TONE,
    severity=Severity.INFO,
    summary="The document's FOG-PL readability score is above the profile's `max_fog`.",
    rationale="FOG-PL (as in Jasnopis) combines sentence length with the share of words of "
    "four or more syllables; customer texts above the profile's threshold are hard to read "
    "for many customers.",
    failing=Example("text", _LONG * 2, channel=_LETTER),
    passing=Example("text", ("Dziękujemy za zakup. Rower dostarczymy w ciągu pięciu dni. "
                             "Kurier zadzwoni przed przyjazdem. ") * 8 + "\n", channel=_LETTER),
)
SPECS = (SHOUTING, EMOJI, LONG_SENTENCE, READABILITY)
KIND = Kind.DOCUMENT


def build(context: CheckContext) -> DocumentCheck:
    return ToneCheck(context).check


class ToneCheck:
    def __init__(self, context: CheckContext) -> None:
        self.context = context
        # a name in capitals names, it does not shout: the registry's names and a business's
        # legal forms ("BIEGOWO SPÓŁKA Z OGRANICZONĄ ODPOWIEDZIALNOŚCIĄ")
        self.names = frozenset(word.lower() for word in context.registry.name_words)

    def check(self, document: Document, segments: Sequence[AnalysedSegment]) -> list[Finding]:
        channel = self.context.config.channels.get(document.channel)
        profile_name = channel.settings.profile if channel else None
        if profile_name is None or not segments:
            return []
        profile = profiles()[profile_name]
        # A page footer is the site's furniture ("NIP … · © 2026 … · Zapisz się!"), not
        # the page's prose: its tone and readability are not the page's.
        prose = [analysed for analysed in segments if not analysed.segment.footer]
        findings = [finding for analysed in prose
                    for finding in self._segment(document, analysed, profile)]
        readability = language_profile(document.language).readability
        if readability is not None and prose:
            findings.extend(_readability(document, prose, profile, readability))
        return findings

    def _segment(self, document: Document, analysed: AnalysedSegment,
                 profile: Profile) -> Iterator[Finding]:
        segment = analysed.segment
        titled = segment.kind in ("heading", "title") or len(segment.text.split()) <= \
            MAX_TITLE_WORDS
        for sentence in analysed.sentences:
            text = segment.text[sentence.start:sentence.end]
            words = sum(1 for token in sentence.tokens if token.text.isalpha())
            problems = [
                (SHOUTING, _shouting(text, self._unnamed(_outside_title_lines(
                    segment, sentence.tokens), document.language), profile, document.language,
                    caps_allowed=titled)),
                (EMOJI, "emoji in a channel that does not use them"
                 if not profile.emoji and _has_emoji(segment, sentence.start, text) else None),
                (LONG_SENTENCE, f"sentence of {words} words (profile limit "
                 f"{profile.max_sentence_words})" if words > profile.max_sentence_words else None),
            ]
            for spec, message in problems:
                if message is not None:
                    span = segment.span_of(sentence.start, sentence.end)
                    yield spec.finding(document, span, message, excerpt=segment.written_text(
                        sentence.start, sentence.end))


    def _unnamed(self, tokens: Sequence[Token], language: str) -> list[Token]:
        """The tokens that are no word of a name: of the registry's, or a legal form."""
        forms = _legal_form_words(language)
        return [token for token in tokens
                if token.text.lower() not in self.names and token.text.lower() not in forms]


@cache
def _legal_form_words(language: str) -> frozenset[str]:
    return frozenset(word for form in language_profile(language).legal_forms
                     for word in form.split())


def _has_emoji(segment: Segment, start: int, text: str) -> bool:
    return any(not (match.group() in _BULLET_MARKS
                    and _starts_a_line(segment, segment.written_offset(start + match.start())))
               for match in _EMOJI.finditer(text))


def _starts_a_line(segment: Segment, written_offset: int) -> bool:
    """Whether a line of the written text starts there (its anchors are in order: a
    bisection, not a set of every line start built for each sentence)."""
    anchors = segment.anchors
    at = bisect_left(anchors, written_offset, key=_offset)
    return at < len(anchors) and anchors[at].offset == written_offset


def _offset(anchor: Anchor) -> int:
    return anchor.offset


def _outside_title_lines(segment: Segment, tokens: Sequence[Token]) -> list[Token]:
    """The tokens not on a title line: a line of a few words all in capitals inside a
    paragraph ("JAK ODESŁAĆ TOWAR" above its text in a plain-text letter)."""
    lines: list[list[Token]] = []
    for token in tokens:
        if not lines or _starts_a_line(segment, segment.written_offset(token.start)):
            lines.append([])
        lines[-1].append(token)
    kept: list[Token] = []
    for line in lines:
        words = [token.text for token in line if token.text.isalpha()]
        title = len(lines) > 1 and 0 < len(words) <= MAX_TITLE_WORDS \
            and all(word.isupper() for word in words)
        if not title:
            kept.extend(line)
    return kept


def _shouting(text: str, tokens: Sequence[Token], profile: Profile, language: str,
              caps_allowed: bool) -> str | None:
    """Too many "!", or too many words in capitals in a row (acronyms such as "KRS NIP" are
    not shouting, nor is a heading or a title line in capitals)."""
    exclamations = text.count("!")
    if exclamations > profile.max_exclamations:
        return f"{exclamations} exclamation mark(s) (profile limit {profile.max_exclamations})"
    if caps_allowed:
        return None
    run = longest = 0
    for token in tokens:
        if (token.text.isalpha() and len(token.text) >= MIN_CAPS_WORD and token.text.isupper()
                and not is_acronym(token.text, language)):
            run += 1
            longest = max(longest, run)
        elif token.text.isalpha():
            run = 0
    if longest > profile.max_caps_words:
        return f"{longest} words in capitals in a row (profile limit {profile.max_caps_words})"
    return None


def finalise_reported(findings: list[Finding]) -> list[Finding]:
    """Tone is a property of a text: a rule broken in several sentences of a document is one
    finding, at its first sentence, with the count and the other places as related. A
    finding that already points at the text's own usage (a switch of register, `report:
    fewer`) is a place to change of its own."""
    kept: list[Finding] = []
    groups: dict[tuple[str, str], list[Finding]] = {}
    for finding in findings:
        if finding.category is not Category.TONE or finding.related:
            kept.append(finding)
            continue
        group = groups.setdefault((finding.path, finding.rule), [])
        if not group:
            kept.append(finding)  # its place in the output, replaced below
        group.append(finding)
    merged = {id(group[0]): _merged(group) for group in groups.values()}
    return [merged.get(id(finding), finding) for finding in kept]


def _merged(group: Sequence[Finding]) -> Finding:
    first = group[0]
    if len(group) == 1:
        return first
    others = tuple(RelatedLocation(f.path, f.span.line, f.channel, f.excerpt[:120] or None)
                   for f in group[1:])
    return replace(first, message=f"{first.message}; {len(group)} times in this document",
                   related=first.related + others)


def fog(segments: Sequence[AnalysedSegment], readability: Readability) -> tuple[float, int]:
    """FOG score of the segments (FOG-PL for Polish), and the number of words it is based on."""
    sentences = [s for analysed in segments for s in analysed.sentences]
    words = [t.text for s in sentences for t in s.tokens if t.text.isalpha()]
    if not words or not sentences:
        return 0.0, 0
    hard = sum(1 for word in words
               if syllables(word, readability) >= readability.hard_word_syllables)
    return 0.4 * (len(words) / len(sentences) + 100 * hard / len(words)), len(words)


def syllables(word: str, readability: Readability) -> int:
    """Vowel groups, without the vowels that only soften (a Polish "i" before another vowel:
    "nie" is one)."""
    return sum(1 for char in readability.non_syllabic.sub("", word)
               if char in readability.vowels)


def _readability(document: Document, segments: Sequence[AnalysedSegment],
                 profile: Profile, readability: Readability) -> Iterator[Finding]:
    score, words = fog(segments, readability)
    if words >= MIN_WORDS_FOR_READABILITY and score > profile.max_fog:
        yield READABILITY.finding(document, Span.point(document.first_line),
                                  f"{readability.name} readability {score:.1f} (profile limit "
                                  f"{profile.max_fog:g}): use shorter sentences and words")
