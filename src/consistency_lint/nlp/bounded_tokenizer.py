"""spaCy's tokenizer, with a bound on what a long run of characters without a space costs.

spaCy peels punctuation off a run one piece at a time, and each step copies and searches all
that is left of the run: "a" followed by 100 000 closing brackets, or by as many emoji, took
half an hour. A run longer than MAX_RUN_CHARS is peeled here by the same rules (spaCy's own
prefix and suffix patterns and special cases), each step reading a window at the run's start
or end; the core left inside goes to spaCy whole, which then has nothing left to peel.
Shorter runs, which is all of ordinary text, go to spaCy as they are.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from spacy.attrs import ORTH, SPACY
from spacy.tokenizer import Tokenizer
from spacy.tokens import Doc

MAX_RUN_CHARS = 32  # spaCy's cost per character grows with the length of the run
# What one prefix or suffix search reads (its cost grows with it), widened while a match
# comes within WINDOW_MARGIN of the window's inner edge: spaCy's affixes are a few characters,
# or runs of one character ("......") that a wider window takes whole.
WINDOW_CHARS = 16
WINDOW_MARGIN = 8
MAX_TOKEN_MATCH_CHARS = 1_000  # a pipeline's `token_match` is not tried on longer remainders
_LONG_RUN = re.compile(rf"\S{{{MAX_RUN_CHARS + 1},}}")  # \S is `not str.isspace`, as in spaCy
Search = Callable[[str], "re.Match[str] | None"]


class BoundedTokenizer:
    """Tokenizes as `tokenizer` does, in time linear in the length of the text."""

    def __init__(self, tokenizer: Any) -> None:
        self.tokenizer = tokenizer
        self.vocab = tokenizer.vocab
        rules: dict[str, list[dict[Any, str]]] = dict(tokenizer.rules or {})
        self._specials = frozenset(rules)
        self._longest_special = max(map(len, self._specials), default=0)
        # each special case as its tokens would be without it -> its own tokens
        plain = Tokenizer(tokenizer.vocab, {}, tokenizer.prefix_search, tokenizer.suffix_search,
                          tokenizer.infix_finditer, tokenizer.token_match, tokenizer.url_match)
        self._patterns = {tuple(token.text for token in plain(special)):
                          [_orth(attributes) for attributes in rules[special]]
                          for special in sorted(rules)}
        self._pattern_lengths: dict[str, set[int]] = {}  # by the pattern's first token
        for pattern in self._patterns:
            self._pattern_lengths.setdefault(pattern[0], set()).add(len(pattern))

    def __call__(self, text: str) -> Doc:
        """The doc spaCy's tokenizer makes of `text`."""
        if _LONG_RUN.search(text) is None:
            doc: Doc = self.tokenizer(text)
            return doc
        words: list[str] = []
        spaces: list[bool] = []
        position = 0
        for run in _LONG_RUN.finditer(text):
            if run.start() > position:
                self._tokens(text[position:run.start()], words, spaces)
            run_words = self._run(run.group())
            words.extend(run_words)
            spaces.extend([False] * len(run_words))
            spaces[-1] = text.startswith(" ", run.end())  # one space belongs to the token
            position = run.end() + spaces[-1]
        if position < len(text):
            self._tokens(text[position:], words, spaces)
        return Doc(self.vocab, words=words, spaces=spaces)

    def _tokens(self, text: str, words: list[str], spaces: list[bool]) -> None:
        """Append spaCy's tokens of `text` and whether a space follows each."""
        strings = self.vocab.strings
        for orth, space in self.tokenizer(text).to_array([ORTH, SPACY]).tolist():
            words.append(strings[orth])
            spaces.append(bool(space))

    def _run(self, run: str) -> list[str]:
        """The tokens of a long run without a space."""
        prefixes, (first, end), suffixes = self._peel(run)
        core: list[str] = []
        if end > first:
            self._tokens(run[first:end], core, [])
        return self._special_cases([*prefixes, *core, *reversed(suffixes)])

    def _special_cases(self, words: list[str]) -> list[str]:
        """spaCy's last pass: runs of tokens that spell a special case ("):" from ")" and
        ":", "ul." from "ul" and ".") become its tokens; longest first, then leftmost."""
        spans = [(start, start + length) for start, word in enumerate(words)
                 for length in self._pattern_lengths.get(word, ())
                 if start + length <= len(words)
                 and tuple(words[start:start + length]) in self._patterns]
        if not spans:
            return words
        spans.sort(key=lambda span: (span[1] - span[0], -span[0]))
        seen: set[int] = set()
        kept = []
        for start, end in reversed(spans):
            if start not in seen and end - 1 not in seen:
                kept.append((start, end))
            seen.update(range(start, end))
        result: list[str] = []
        position = 0
        for start, end in sorted(kept):
            result.extend(words[position:start])
            result.extend(self._patterns[tuple(words[start:end])])
            position = end
        result.extend(words[position:])
        return result

    def _peel(self, run: str) -> tuple[list[str], tuple[int, int], list[str]]:
        """spaCy's `_split_affixes` over run[first:end] without copying the remainder:
        (prefixes, the core's bounds, suffixes from the outermost in)."""
        prefixes: list[str] = []
        suffixes: list[str] = []
        first, end, last_size = 0, len(run), -1
        while first < end and end - first != last_size:
            if self._token_match(run, first, end) or self._special(run, first, end):
                break
            last_size = end - first
            prefix = self._prefix_length(run, first, end)
            if prefix and first + prefix < end and self._special(run, first + prefix, end):
                prefixes.append(run[first:first + prefix])
                first += prefix
                break
            suffix = self._suffix_length(run, first + prefix, end)
            if suffix and end - suffix > first and self._special(run, first, end - suffix):
                suffixes.append(run[end - suffix:end])
                end -= suffix
                break
            if prefix and suffix and prefix + suffix <= end - first:
                prefixes.append(run[first:first + prefix])
                suffixes.append(run[end - suffix:end])
                first, end = first + prefix, end - suffix
            elif prefix:
                prefixes.append(run[first:first + prefix])
                first += prefix
            elif suffix:
                suffixes.append(run[end - suffix:end])
                end -= suffix
        return prefixes, (first, end), suffixes

    def _special(self, run: str, first: int, end: int) -> bool:
        return end - first <= self._longest_special and run[first:end] in self._specials

    def _token_match(self, run: str, first: int, end: int) -> bool:
        token_match = self.tokenizer.token_match
        return bool(token_match is not None and end - first <= MAX_TOKEN_MATCH_CHARS
                    and token_match(run[first:end]))

    def _prefix_length(self, run: str, first: int, end: int) -> int:
        search: Search | None = self.tokenizer.prefix_search
        if search is None:
            return 0
        width = WINDOW_CHARS
        while True:
            stop = min(end, first + width)
            match = search(run[first:stop])
            if match is None:
                return 0
            if stop == end or match.end() <= stop - first - WINDOW_MARGIN:
                return match.end() - match.start()
            width *= 2

    def _suffix_length(self, run: str, first: int, end: int) -> int:
        search: Search | None = self.tokenizer.suffix_search
        if search is None:
            return 0
        width = WINDOW_CHARS
        while True:
            start = max(first, end - width)
            match = search(run[start:end])
            if match is None:
                return 0
            if start == first or match.start() >= WINDOW_MARGIN:
                return match.end() - match.start()
            width *= 2


def _orth(attributes: dict[Any, str]) -> str:
    """The text of one token of a special case (its attributes keyed by ID or by name)."""
    return attributes[ORTH] if ORTH in attributes else attributes["ORTH"]
