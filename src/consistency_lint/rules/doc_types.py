"""The document types rules can be scoped to, and the typos among the types a project uses.

Any name is a valid type (CONTRACT §2): a type no pack knows still runs, with the rules that
have no type scope. A name that no pack declares but that stands a small edit away from a
known type, or from another name editors use for it ("regulamim", "regulamin", "return"),
is most likely a typo that switches legal checks off, so it is worth a warning.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache

from rapidfuzz import process
from rapidfuzz.distance import OSA

from consistency_lint.builtin_data import builtin_doc_types, load_builtin_yaml
from consistency_lint.nlp.phrases import fold

LETTERS_PER_ALLOWED_EDIT = 5  # "term" and "regulamim" one edit, "order-confirmaton" three


@dataclass(frozen=True)
class DocTypes:
    """The known document types (built in and declared by packs) with their descriptions."""

    descriptions: Mapping[str, str]

    @classmethod
    def with_declared(cls, declared: Mapping[str, str]) -> DocTypes:
        return cls({**builtin_doc_types(), **declared})

    def __contains__(self, name: object) -> bool:
        return name in self.descriptions

    def meant(self, name: str) -> str | None:
        """The known type that `name` most likely misspells; None for a known type, and for
        a custom type far from every known one (`cookie-policy`, `imprint`)."""
        if name in self.descriptions:
            return None
        comparable = _comparable(name)
        names = {**{_comparable(other): known for other, known in _other_names().items()
                    if known in self.descriptions},
                 **{_comparable(known): known for known in self.descriptions}}
        allowed = max(1, len(comparable) // LETTERS_PER_ALLOWED_EDIT)
        best = process.extractOne(comparable, sorted(names), scorer=OSA.distance,
                                  score_cutoff=allowed)
        return names[best[0]] if best else None


def _comparable(name: str) -> str:
    """Case, Polish diacritics and the separator do not tell types apart."""
    return fold(name.strip()).replace("_", "-").replace(" ", "-")


@cache
def _other_names() -> dict[str, str]:
    """What editors also call the built-in types ("regulamin"), each with the type it means."""
    table = load_builtin_yaml("documents/doc_types.yaml")["other_names"]
    assert isinstance(table, dict)
    return {str(other): str(known) for known, others in table.items() for other in others}
