"""`require`: the document must say something. The rule passes when some unit in its scope
(a sentence, a segment, or the whole document) satisfies its clause, the unit's headings
counting as its context, or when one of its `said_as` frames holds in a clause ("Klient nie
musi podawać przyczyny": a reason, asked for, negated); otherwise it yields one finding at
the document's first line."""

from __future__ import annotations

from collections.abc import Iterator

from consistency_lint.model import Finding
from consistency_lint.rules.clause_matching import clause_matches, unit_matches
from consistency_lint.rules.compiled import CompiledRule
from consistency_lint.rules.kinds import frame
from consistency_lint.rules.units import DocumentUnits, joined


def findings(rule: CompiledRule, document: DocumentUnits) -> Iterator[Finding]:
    if not _satisfied(rule, document) and not frame.said(rule, document):
        yield rule.missing_from(document.document)


def _satisfied(rule: CompiledRule, document: DocumentUnits) -> bool:
    clause = rule.clause
    if clause_matches(clause, document.index) is None:
        return False  # a phrase missing from the whole document is missing from every unit
    units = document.in_scope(rule)
    if clause.model.within == "document":
        _, index = joined(units)  # its phrases may stand in different sentences
        return clause_matches(clause, index) is not None
    language = document.document.language
    return any(unit_matches(clause, unit, language, unit.heading_index) is not None
               for unit in units)
