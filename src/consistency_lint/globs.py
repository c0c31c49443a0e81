"""File patterns (`web/**/*.html`, `faq/{a,b}.yaml`) as the configuration and `--only`
write them: compiled once, with brace expansion bounded so a pattern cannot explode.

The bound applies to each pattern, not to a list: a configuration may list thousands of
plain patterns, and CI gives `--only` once per file a pull request changes."""

from __future__ import annotations

import re
from functools import lru_cache

from wcmatch import glob

GLOB_FLAGS = glob.GLOBSTAR | glob.BRACE
MAX_EXPANDED_PATTERNS = 1000  # per pattern: `{a,b}{c,d}...` expands to 2**n patterns
MAX_SHOWN_CHARACTERS = 80  # of a pattern quoted in an error message
NOTHING = "(?!)"  # the expression of an empty list of patterns


class PatternError(ValueError):
    """A pattern that cannot be used; the message says why."""


def check_pattern(pattern: str) -> str:
    """`pattern` itself when it expands within the limit; else PatternError."""
    _expressions(pattern)
    return pattern


def matches(relative_path: str, patterns: list[str] | tuple[str, ...]) -> bool:
    return _matcher(tuple(patterns)).fullmatch(relative_path) is not None


@lru_cache(maxsize=256)
def _matcher(patterns: tuple[str, ...]) -> re.Pattern[str]:
    """Patterns compiled once, as one regular expression: compiling per file cost seconds on
    10 000 files, and one expression tests a path against a thousand patterns in one call."""
    alternatives = [expression for pattern in patterns for expression in _expressions(pattern)]
    return re.compile("|".join(alternatives) or NOTHING)


@lru_cache(maxsize=4096)
def _expressions(pattern: str) -> tuple[str, ...]:
    """The regular expressions (one per brace alternative) that wcmatch matches `pattern`
    with; PatternError, naming only this pattern, beyond the expansion limit. The flags have
    no negation, so there are no exclusions."""
    try:
        included, _ = glob.translate(pattern, flags=GLOB_FLAGS, limit=MAX_EXPANDED_PATTERNS)
    except Exception as error:  # noqa: BLE001 - wcmatch's limit exception is not public
        raise PatternError(f"pattern `{_shortened(pattern)}` cannot be used: {error} (at most "
                           f"{MAX_EXPANDED_PATTERNS} {{a,b}} alternatives)") from None
    return tuple(included)


def _shortened(pattern: str) -> str:
    """A pattern short enough to quote in a one-line message."""
    if len(pattern) <= MAX_SHOWN_CHARACTERS:
        return pattern
    return f"{pattern[:MAX_SHOWN_CHARACTERS]}… ({len(pattern)} characters)"


def literal_pattern(relative_path: str) -> str:
    """A pattern that matches exactly `relative_path`, whatever characters it holds."""
    return glob.escape(relative_path)


_MAGIC = frozenset("*?[]{}")  # what GLOB_FLAGS give a meaning (GLOBSTAR, BRACE)


def literal_path(pattern: str) -> str | None:
    """The one path a pattern without wildcards matches (its escapes undone), or None for a
    pattern that has any: `literal_pattern`'s output is recognised without a match against
    every file."""
    characters = iter(pattern)
    path = []
    for character in characters:
        if character == "\\":
            path.append(next(characters, ""))
        elif character in _MAGIC:
            return None
        else:
            path.append(character)
    return "".join(path)
