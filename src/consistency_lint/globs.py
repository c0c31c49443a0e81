"""File patterns (`web/**/*.html`, `faq/{a,b}.yaml`) as the configuration and `--only`
write them: compiled once, with brace expansion bounded so a pattern cannot explode."""

from __future__ import annotations

from functools import lru_cache

from wcmatch import glob

GLOB_FLAGS = glob.GLOBSTAR | glob.BRACE
MAX_EXPANDED_PATTERNS = 1000  # `{a,b}{c,d}...` expands to 2**n patterns


class PatternError(ValueError):
    """A pattern that cannot be used; the message says why."""


def check_pattern(pattern: str) -> str:
    """`pattern` itself when it compiles within the expansion limit; else PatternError."""
    _matcher((pattern,))
    return pattern


def matches(relative_path: str, patterns: list[str] | tuple[str, ...]) -> bool:
    return _matcher(tuple(patterns)).match(relative_path)


@lru_cache(maxsize=256)
def _matcher(patterns: tuple[str, ...]) -> glob.WcMatcher[str]:
    """Patterns compiled once: compiling per file cost seconds on 10 000 files."""
    try:
        return glob.compile(list(patterns), flags=GLOB_FLAGS, limit=MAX_EXPANDED_PATTERNS)
    except Exception as error:  # noqa: BLE001 - wcmatch's limit exception is not public
        shown = ", ".join(f"`{pattern}`" for pattern in patterns)
        raise PatternError(f"pattern {shown} cannot be used: {error} (at most "
                           f"{MAX_EXPANDED_PATTERNS} {{a,b}} alternatives)") from None
