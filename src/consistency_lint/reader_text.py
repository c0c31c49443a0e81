"""The text a reader sees, which every check matches, mapped back to the text as written.

Content is untrusted, and Unicode lets a prohibited clause look ordinary on the screen while
its code points spell something no rule matches. So a segment's text is what a reader sees:

- invisible characters (Unicode's default-ignorable code points: zero-width space, non-joiner
  and joiner, word joiner, byte order mark, soft hyphen, tag characters, variation selectors,
  bidirectional controls) are dropped: "przy\u200bsługuje" reads "przysługuje". A reader sees
  no gap where a zero-width space joins two words, so "nie\u200bprzysługuje" reads as the
  typo "nieprzysługuje" does, with the same findings;
- every Unicode space (no-break, thin, ideographic...) and line or paragraph separator is a
  space;
- letters, digits and signs drawn in another typeface or width (fullwidth "\uff4e\uff49\uff45",
  mathematical bold "\U0001d427\U0001d422\U0001d41e", the ligature "\ufb01") are their plain
  forms (NFKC of that character alone: "m²", "½" and "…" stay as they are);
- decomposed letters ("a" and a combining ogonek, as macOS stores names) are composed (NFC),
  and a combining mark that composes with no letter and stands on a Latin letter or on none
  is dropped: "ni\u0307e" (an "i" with a second dot) reads "nie". A mark that makes another
  letter ("u" and a dot below, "ụ") stays: a reader sees that letter;
- in a Latin word some of whose letters are Cyrillic or Greek ones drawn like Latin letters
  ("nie" with a Cyrillic "\u0435"), those letters are the Latin ones, after Unicode's confusables
  (the confusable_homoglyphs package). A word with a Cyrillic or Greek letter that looks like
  no Latin one ("μm", a Russian word) stays as it is.

Text is matched in logical order (the order of the file): where bidirectional controls make
the screen show another order, `INPUT-BIDI-CONTROL` says so. `disguises` finds, in the
written text, what `INPUT-HIDDEN-CHARACTERS`, `INPUT-MIXED-SCRIPT` and `INPUT-BIDI-CONTROL`
report.
"""

from __future__ import annotations

import re
import sys
import unicodedata
from bisect import bisect_right
from collections.abc import Iterator
from dataclasses import dataclass
from enum import StrEnum
from functools import cache, lru_cache

import regex

from consistency_lint.model import Shift

_WORD_CHARACTERS = r"\p{L}\p{M}\p{N}\p{DI}"
# The characters the reader's text rewrites (a plain space is one already).
_REWRITTEN = regex.compile(r"[[\p{DI}\p{M}\p{Cyrillic}\p{Greek}\p{Z}\p{dt=font}\p{dt=wide}"
                           r"\p{dt=narrow}]--[ ]]|[\p{dt=compat}&&\p{L}]", regex.V1)
# One for one: spaces, and letters, digits and signs of another typeface or width.
_VARIANT = regex.compile(r"[[\p{Z}\p{dt=font}\p{dt=wide}\p{dt=narrow}]--[ ]]"
                         r"|[\p{dt=compat}&&\p{L}]", regex.V1)
_PLAIN_FORM = regex.compile(r"[\p{dt=font}\p{dt=wide}\p{dt=narrow}]|[\p{dt=compat}&&\p{L}]",
                            regex.V1)
_SPACE = regex.compile(r"\p{Z}")
# Where the length may change: at combining marks, an invisible character, a ligature.
_EDIT = regex.compile(r"[\p{M}\p{DI}[\p{dt=compat}&&\p{L}]]", regex.V1)
_MARKS = regex.compile(r"\p{M}*")
_HIDDEN = regex.compile(r"\p{DI}")
_MARK = regex.compile(r"\p{M}")
_LATIN_OR_NO_LETTER = regex.compile(r"[\p{Latin}\P{L}]")
_LATIN = regex.compile(r"\p{Latin}")
_CYRILLIC_OR_GREEK = regex.compile(r"[\p{Cyrillic}\p{Greek}]")
_WORD_BEFORE = regex.compile(rf"[{_WORD_CHARACTERS}]*", regex.REVERSE)
_WORD_AFTER = regex.compile(rf"[{_WORD_CHARACTERS}]*")
_WORD = regex.compile(r"[\p{L}\p{M}\p{DI}]+")
# The explicit bidirectional formatting characters (embeddings, overrides, isolates and their
# terminators): they reorder what is shown. The marks (LRM, RLM, ALM) only orient
# punctuation next to them, and are hidden characters like any other.
_BIDI_FORMATTING = regex.compile(r"[\p{bc=LRE}\p{bc=RLE}\p{bc=LRO}\p{bc=RLO}\p{bc=PDF}"
                                 r"\p{bc=LRI}\p{bc=RLI}\p{bc=FSI}\p{bc=PDI}]")
_BIDI_STRETCH = regex.compile(  # from an opening control to its terminator, or a lone one
    r"[\p{bc=LRE}\p{bc=RLE}\p{bc=LRO}\p{bc=RLO}\p{bc=LRI}\p{bc=RLI}\p{bc=FSI}]"
    r"[^\p{bc=PDF}\p{bc=PDI}\n]*[\p{bc=PDF}\p{bc=PDI}]?|[\p{bc=PDF}\p{bc=PDI}]")
# A run of invisible characters between two characters of a word; the soft hyphen is a
# hyphenation point that shows where a line breaks, so only the others are reported.
_HIDDEN_IN_WORD = regex.compile(r"(?<=[\p{L}\p{M}\p{N}])\p{DI}+(?=[\p{L}\p{M}\p{N}])")
_SOFT_HYPHEN = "\u00ad"
_QUICK_UP_TO = 0x3000  # Latin, Greek, Cyrillic, punctuation, symbols: the usual text


@dataclass(frozen=True, slots=True)
class ReaderText:
    """The text a reader sees, and where it stops following the written text one to one."""

    text: str
    shifts: tuple[Shift, ...] = ()

    def offset_of(self, written_offset: int) -> int:
        """The offset in `text` of the written character at `written_offset` (of the next
        character seen, where that one was dropped)."""
        index = bisect_right(self.shifts, written_offset,
                             key=lambda shift: shift.written_offset) - 1
        offset = written_offset if index < 0 else (
            self.shifts[index].offset + written_offset - self.shifts[index].written_offset)
        following = self.shifts[index + 1].offset if index + 1 < len(self.shifts) else None
        return offset if following is None else min(offset, following)


def reader_text(written: str) -> ReaderText:
    """The text a reader sees of `written` (see the module's docstring). Text that needs no
    rewriting, as nearly all does, costs one quick scan."""
    if _skipped(_REWRITTEN).fullmatch(written):
        return ReaderText(written)
    return _edited(_latin_words(_substituted(written)))


@cache
def _skipped(pattern: regex.Pattern[str]) -> re.Pattern[str]:
    """A `re` pattern for a run of characters that `pattern` (of one character) cannot
    match: none of the code points below _QUICK_UP_TO that it matches, nor any above. `re`
    scans such a class many times faster than `regex` tests Unicode properties, so text
    is skipped with it and only the characters that stop it are tested with `pattern`."""
    matched = pattern.findall("".join(map(chr, range(_QUICK_UP_TO))))
    above = f"{re.escape(chr(_QUICK_UP_TO))}-{re.escape(chr(sys.maxunicode))}"
    return re.compile(f"[^{''.join(map(re.escape, matched))}{above}]*")


def _next(pattern: regex.Pattern[str], text: str, at: int) -> int | None:
    """The offset of the first character of `text` from `at` on that `pattern` matches."""
    skipped = _skipped(pattern)
    while at < len(text):
        run = skipped.match(text, at)
        assert run is not None  # a run may be empty
        at = run.end()
        if at < len(text) and pattern.match(text, at) is not None:
            return at
        at += 1
    return None


def _substituted(written: str) -> str:
    """`written` with one character for one: Unicode spaces as spaces, letters, digits and
    signs of another typeface or width in their plain forms (ligatures are edits)."""
    pieces, copied = [], 0
    while (at := _next(_VARIANT, written, copied)) is not None:
        plain = _plain(written[at])
        pieces += [written[copied:at], plain if len(plain) == 1 else written[at]]
        copied = at + 1
    return "".join([*pieces, written[copied:]])


@lru_cache(maxsize=4096)
def _plain(character: str) -> str:
    """A space for a Unicode space; the plain form (NFKC) of a character of another typeface
    or width, a ligature's letters; any other character itself."""
    if _SPACE.match(character):
        return " "
    return unicodedata.normalize("NFKC", character) if _PLAIN_FORM.match(character) \
        else character


def _latin_words(text: str) -> str:
    """`text` with the lookalike letters of its Latin words made Latin, one for one."""
    pieces, copied = [], 0
    while (at := _next(_CYRILLIC_OR_GREEK, text, copied)) is not None:
        start = _WORD_BEFORE.match(text, copied, at).start()
        end = _WORD_AFTER.match(text, at).end()
        latin = latin_spelling(text[start:end])
        pieces += [text[copied:start], text[start:end] if latin is None else latin]
        copied = end
    return "".join([*pieces, text[copied:]])


def _edited(text: str) -> ReaderText:
    """`text` without invisible characters, with letters and their marks composed and
    ligatures split, and where each stretch of it comes from."""
    pieces: list[str] = []
    shifts: list[Shift] = []
    length = copied = searched = 0  # of the reader's text so far; of `text` handled; searched
    while (at := _next(_EDIT, text, searched)) is not None:
        start = at - 1 if at > copied and _MARK.match(text, at) else at  # with its letter
        searched = end = _MARKS.match(text, at + 1).end()
        seen = _seen(text[start:end])
        if seen == text[start:end]:
            continue
        pieces += [text[copied:start], seen]
        length += start - copied
        if len(seen) > end - start:  # a ligature's letters all come from it
            _shift(shifts, Shift(length + end - start, end - 1))
        length += len(seen)
        _shift(shifts, Shift(length, end))
        copied = end
    pieces.append(text[copied:])
    return ReaderText("".join(pieces), tuple(shifts))


def _shift(shifts: list[Shift], shift: Shift) -> None:
    """Append `shift`; one at the same offset (characters dropped after others dropped)
    is replaced."""
    if shifts and shifts[-1].offset == shift.offset:
        shifts[-1] = shift
    else:
        shifts.append(shift)


@lru_cache(maxsize=4096)
def _seen(piece: str) -> str:
    """What a reader sees of a letter and its combining marks, marks alone, an invisible
    character or a ligature: invisible characters dropped, ligatures split, the rest
    composed (NFC), and marks that stay apart from a Latin letter, or from no letter,
    dropped."""
    seen = unicodedata.normalize("NFC", "".join(_plain(character) for character
                                                 in _HIDDEN.sub("", piece)))
    return _MARK.sub("", seen) if _LATIN_OR_NO_LETTER.match(seen) else seen


def latin_spelling(word: str) -> str | None:
    """`word` with its Cyrillic and Greek letters made the Latin letters they are drawn like,
    if it is a Latin word written with such lookalikes ("nie" with a Cyrillic "\u0435"); None for
    any other word: all Latin, all Cyrillic or Greek, or with a letter that looks like no
    Latin one (a real Cyrillic or Greek word is never touched)."""
    if not (_LATIN.search(word) and _CYRILLIC_OR_GREEK.search(word)):
        return None
    letters = []
    for character in word:
        if _CYRILLIC_OR_GREEK.match(character):
            latin = _latin_lookalike(character)
            if latin is None:
                return None
            character = latin
        letters.append(character)
    return "".join(letters)


@cache
def _latin_lookalike(letter: str) -> str | None:
    """The ASCII letter `letter` is drawn like, after Unicode's confusables ("\u043e" -> "o").
    A capital takes the capital of its small letter's lookalike: the confusables map "\u0406" to
    the skeleton "l", which it is drawn like only in some typefaces."""
    if letter.isupper() and (small := _latin_lookalike(letter.lower())) is not None:
        return small.upper()
    from confusable_homoglyphs import confusables  # here: it loads its data on import

    found = confusables.is_confusable(letter, preferred_aliases=["latin"])
    if not found:
        return None
    return next((glyph["c"] for glyph in found[0]["homoglyphs"]
                 if len(glyph["c"]) == 1 and glyph["c"].isascii() and glyph["c"].isalpha()),
                None)


class DisguiseKind(StrEnum):
    HIDDEN = "hidden"  # invisible characters inside a word
    LOOKALIKE = "lookalike"  # a Latin word with Cyrillic or Greek lookalike letters
    BIDI = "bidi"  # bidirectional controls and the text between an opening one and its end


@dataclass(frozen=True, slots=True)
class Disguise:
    """Something in a written text that shows a reader other text than its code points
    spell; `start` and `end` are offsets into the written text."""

    kind: DisguiseKind
    start: int
    end: int
    characters: str  # the characters that disguise it


def disguises(written: str) -> Iterator[Disguise]:
    """The disguises of `written`, each kind in order of position."""
    for run in _HIDDEN_IN_WORD.finditer(written):
        hidden = "".join(character for character in run.group() if character != _SOFT_HYPHEN
                         and not _BIDI_FORMATTING.match(character))
        if hidden:
            yield Disguise(DisguiseKind.HIDDEN, *_word_around(written, run.start()), hidden)
    for word in _WORD.finditer(written):
        if latin_spelling(word.group()) is not None:
            foreign = "".join(dict.fromkeys(_CYRILLIC_OR_GREEK.findall(word.group())))
            yield Disguise(DisguiseKind.LOOKALIKE, word.start(), word.end(), foreign)
    for stretch in _BIDI_STRETCH.finditer(written):
        controls = "".join(_BIDI_FORMATTING.findall(stretch.group()))
        yield Disguise(DisguiseKind.BIDI, stretch.start(), stretch.end(), controls)


def _word_around(written: str, offset: int) -> tuple[int, int]:
    """The word that holds the character at `offset`."""
    return (_WORD_BEFORE.match(written, 0, offset).start(),
            _WORD_AFTER.match(written, offset).end())
