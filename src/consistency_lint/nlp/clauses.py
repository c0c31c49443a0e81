"""Clauses within a sentence: what a phrase and a value must share to belong together.

"Naprawa potrwa 30 dni, a odpowiedź na reklamację w ciągu 14 dni" holds two clauses; the 14
days belong to the complaint answer, not to the repair.
"""

from __future__ import annotations

from collections.abc import Sequence

from consistency_lint.nlp.analysis import Token
from consistency_lint.nlp.lexicon import in_every_language

CLAUSE_ENDS = frozenset({";", ":"})

LABEL_ENDS = frozenset({";"})  # "Termin: 14 dni": a colon joins a label to its value


def clause_numbers(tokens: Sequence[Token], ends: frozenset[str] = CLAUSE_ENDS) -> list[int]:
    """For each token, the number of the clause it stands in: clauses end at `ends` (";" and
    ":" by default), and at a comma followed by a conjunction ("…, a …", "…, ale …")."""
    conjunctions = in_every_language("clause_conjunctions")
    numbers = []
    clause = 0
    for position, token in enumerate(tokens):
        following = tokens[position + 1].lemma if position + 1 < len(tokens) else ""
        numbers.append(clause)
        if token.text in ends or (token.text == "," and following in conjunctions):
            clause += 1
    return numbers
