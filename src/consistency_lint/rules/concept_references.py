"""Concepts built of concepts. In a concept's phrasing a word written `{name}` stands for
every phrasing of the concept `name`: `"{give_back} {goods_item}"` is each way of giving
back (zwrot, zwrócić, oddać, odesłać…) before each word for what was bought (towar,
produkt, rzecz, zakup…), so one synonym added to either concept reaches every phrase built
of it instead of one phrase list per rule missing it."""

from __future__ import annotations

import re
from collections.abc import Mapping
from itertools import product

# a concept's name in braces; a CSS declaration in braces (`{text-decoration:line-through}`,
# markup in `nlp/phrases.py`) always holds a colon, so it is never one
REFERENCE = re.compile(r"\{([a-z][a-z0-9_]*)\}")
# A pack may come from a content repository (untrusted): references multiply phrasings, so
# their number is bounded.
MAX_PHRASINGS = 2000


def expand_references(concepts: Mapping[str, list[str]]) -> dict[str, list[str]]:
    """Every concept with the `{name}` references of its phrasings replaced by the phrasings
    of the concept named, in order and without repeats.

    Raises ValueError for an unknown concept, a concept that refers to itself (directly or
    through others), or more than `MAX_PHRASINGS` phrasings."""
    expanded: dict[str, list[str]] = {}

    def phrasings_of(name: str, path: tuple[str, ...]) -> list[str]:
        if name in expanded:
            return expanded[name]
        if name in path:
            raise ValueError(f"concept `{name}` refers to itself: {' → '.join((*path, name))}")
        result: dict[str, None] = {}
        for phrasing in concepts[name]:
            parts = REFERENCE.split(phrasing)  # literal, name, literal, name, ..., literal
            names = parts[1::2]
            for referenced in names:
                if referenced not in concepts:
                    raise ValueError(f"concept `{name}` refers to unknown concept "
                                     f"`{{{referenced}}}`")
            choices = [phrasings_of(referenced, (*path, name)) for referenced in names]
            for chosen in product(*choices):
                pieces = [parts[0]]
                for filler, literal in zip(chosen, parts[2::2], strict=True):
                    pieces += [filler, literal]
                result["".join(pieces)] = None
                if len(result) > MAX_PHRASINGS:
                    raise ValueError(f"concept `{name}` stands for more than {MAX_PHRASINGS} "
                                     "phrasings; split it")
        expanded[name] = list(result)
        return expanded[name]

    for name in concepts:
        phrasings_of(name, ())
    return expanded
