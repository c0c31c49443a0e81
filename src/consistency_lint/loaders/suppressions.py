"""Inline suppression directives, read from each format's comments:

    <!-- consistency-lint: disable=ID[,ID...] -- reason -->   HTML, Markdown
    # consistency-lint: disable=ID -- reason                   YAML (FAQ)
    {# consistency-lint: disable=ID -- reason #}               Jinja templates

`disable=` covers the next segment after the comment, `disable-file=` the whole file; the
front matter key `lint_disable: [ID, ...]` covers the file too.
"""

from __future__ import annotations

import re

from consistency_lint.model import Category, Suppression
from consistency_lint.sourcemap import SourceMap

# A word of rule ids: letters, digits, commas and dashes, but not the dashes of `-->`, `-#}`.
_ID_WORD = r"(?:[A-Za-z0-9,]|-(?!-?>|#\}))++"


def _directive(reason: str, end: str) -> str:
    """A directive after its comment's opening: the ids are words that are not `--`, the
    reason runs to `end` without a newline. Quantifiers are possessive and the reason stops
    at the next comment opening, so no text costs more than one pass: a lazy `.*?` or `+?`
    before `\\s*` costs time quadratic in a long line or a long run of spaces."""
    return (r"consistency-lint:\s*+(?P<kind>disable(?:-file)?)="
            rf"(?P<rules> *+{_ID_WORD}(?: ++(?!--(?:\s|$)){_ID_WORD})*+)"
            rf"(?:\s++--\s++(?P<reason>{reason}))?{end}")


CATEGORY_NAMES = frozenset(category.value for category in Category)
COMMENT_SYNTAX = {
    "html": re.compile(r"<!--\s*+" + _directive(r"(?:(?!-->|<!--)[^\n])*+", r"\s*+-->")),
    "yaml": re.compile(r"#\s*+" + _directive(r"[^\n]*+", r"[^\S\n]*+$"), re.MULTILINE),
    "jinja": re.compile(r"\{#-?\s*+" + _directive(r"(?:(?!-?#\}|\{#)[^\n])*+", r"\s*+-?#\}")),
}


_COMMENT_DELIMITERS = {"html": ("<!-- ", " -->"), "yaml": ("# ", ""), "jinja": ("{# ", " #}")}


def directive_comment(syntax: str, rule_id: str, reason: str = "reason") -> str:
    """The comment that silences `rule_id` in the next segment, in `syntax`
    (a key of COMMENT_SYNTAX)."""
    opening, closing = _COMMENT_DELIMITERS[syntax]
    return f"{opening}consistency-lint: disable={rule_id} -- {reason}{closing}"


def inline_suppressions(text: str, syntax: str) -> tuple[Suppression, ...]:
    source_map = SourceMap(text)
    found = []
    for match in COMMENT_SYNTAX[syntax].finditer(text):
        rules = frozenset(_normalise(rule) for rule in match.group("rules").split(",")
                          if rule.strip())
        line, _ = source_map.position(match.start())
        found.append(Suppression(rules, whole_file=match.group("kind") == "disable-file",
                                 line=line, reason=(match.group("reason") or "").strip()))
    return tuple(found)


def _normalise(name: str) -> str:
    """Rule ids are upper case, category names lower case."""
    name = name.strip()
    return name.lower() if name.lower() in CATEGORY_NAMES else name.upper()


def front_matter_suppressions(metadata: dict[str, object],
                              lines: dict[str, int]) -> tuple[Suppression, ...]:
    rules = metadata.get("lint_disable")
    if isinstance(rules, str):
        rules = [rules]
    if not isinstance(rules, list) or not rules:
        return ()
    reason = str(metadata.get("lint_disable_reason") or "")
    return (Suppression(frozenset(_normalise(str(rule)) for rule in rules), whole_file=True,
                        line=lines.get("lint_disable", 1), reason=reason),)
