"""Placeholders of the template syntaxes that shop platforms and mailers write into content.

A placeholder (`{{ customer.name }}`, `{firstname}`, `%(site_name)s`, `%name%`, `[[order]]`)
stands for a value filled in when the message is sent; it is kept in the text, so positions
stay exact, and marked so that no check reads it as prose: "{event}" is not an English word
in a Polish e-mail. A channel's `placeholders:` setting lists the syntaxes its files use.
"""

from __future__ import annotations

import re
from dataclasses import replace
from functools import cache

from consistency_lint.model import PLACEHOLDER_SYNTAXES, Placeholder, PlaceholderSyntax, Segment

# Each pattern's group 1 is the variable's name (empty for a positional `{}` or `%s`); a
# Jinja expression's whitespace and `-` trimming marks are taken off in `_name`. Its body
# stops at the next `{{` as well as at `}}`, and never backtracks, so that a text of a
# hundred thousand `{{` costs one pass, not one pass to the end from each of them.
_PATTERNS: dict[PlaceholderSyntax, str] = {
    "jinja": r"\{\{((?:[^{}]|\{(?!\{)|\}(?!\}))*+)\}\}",  # Jinja2, Twig, Liquid: {{ order.number }}
    "braces": r"\{([A-Za-z_][\w.\-]*|\d*)\}",  # PrestaShop, WooCommerce, pretix: {firstname}
    "printf": r"%\(([A-Za-z_]\w*)\)[sdifr]|%()[sd]",  # gettext python-format: %(name)s, %s
    "percent": r"%([A-Za-z_]\w*)%",  # mailers' %name%
    "brackets": r"\[\[\s*([\w.\-]+)\s*\]\]",  # [[first_name]]
}


@cache
def placeholder_pattern(syntaxes: tuple[PlaceholderSyntax, ...]) -> re.Pattern[str] | None:
    """One pattern for the given syntaxes (jinja first, so that `{{x}}` is not read as `{x}`)."""
    ordered = [syntax for syntax in PLACEHOLDER_SYNTAXES if syntax in syntaxes]
    if not ordered:
        return None
    return re.compile("|".join(f"(?:{_PATTERNS[syntax]})" for syntax in ordered))


def with_placeholders(segment: Segment, pattern: re.Pattern[str] | None) -> Segment:
    """The segment with its placeholders marked (added to those its loader found)."""
    if pattern is None:
        return segment
    found = [Placeholder(_name(match), match.start(), match.end())
             for match in pattern.finditer(segment.text)]
    if not found:
        return segment
    merged: list[Placeholder] = []
    for placeholder in sorted((*segment.placeholders, *found), key=lambda p: (p.start, -p.end)):
        if merged and placeholder.start < merged[-1].end:
            continue  # inside one already marked
        merged.append(placeholder)
    return replace(segment, placeholders=tuple(merged))


def _name(match: re.Match[str]) -> str:
    name = next((group for group in match.groups() if group is not None), "")
    if match.group().startswith("{{"):
        name = name.removeprefix("-").strip().removesuffix("-").rstrip()
    return name
