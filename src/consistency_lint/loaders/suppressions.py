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

_DIRECTIVE = r"consistency-lint:\s*(?P<kind>disable(?:-file)?)=(?P<rules>[A-Za-z0-9,\- ]+?)" \
             r"(?:\s+--\s+(?P<reason>.*?))?\s*"
CATEGORY_NAMES = frozenset(category.value for category in Category)
COMMENT_SYNTAX = {
    "html": re.compile(rf"<!--\s*{_DIRECTIVE}-->"),
    "yaml": re.compile(rf"#\s*{_DIRECTIVE}$", re.MULTILINE),
    "jinja": re.compile(rf"\{{#-?\s*{_DIRECTIVE}-?#\}}"),
}


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
