"""`FACT-IDENTIFIER-CHECK-DIGIT`: a NIP, REGON or Polish bank account number whose check
digit is wrong.

These numbers carry their own check digit, so a digit changed or two swapped in a copy is
a finding even where no other copy or registry entry says otherwise (a NIP stated once, in
the terms). Any stated identifier is checked, the business's or another company's: a wrong
number is wrong whoever it names. A KRS number has no check digit.
"""

from __future__ import annotations

from collections.abc import Iterator
from functools import partial

from consistency_lint.checks.context import CheckContext, Corpus
from consistency_lint.checks.protocol import CorpusCheck, Kind
from consistency_lint.model import Category, Finding, Severity
from consistency_lint.specs import CheckSpec, Example
from consistency_lint.values.checksums import check_digit_fails

_SELLER = "<p>Sprzedawca: Meblino sp. z o.o., NIP {nip}.</p>\n"
CHECK_DIGIT = CheckSpec(
    id="FACT-IDENTIFIER-CHECK-DIGIT",
    category=Category.FACT_MISMATCH,
    severity=Severity.ERROR,
    summary="A NIP, REGON or Polish bank account number whose check digit is wrong.",
    rationale="The number cannot be anyone's: a digit was changed or two were swapped when "
    "it was copied. An invoice or a transfer made with it goes astray, and the seller's "
    "identification, which the law requires, is wrong.",
    failing=Example("html", _SELLER.format(nip="783-187-65-34"), file_name="regulamin.html"),
    passing=Example("html", _SELLER.format(nip="783-187-65-43"), file_name="regulamin.html"),
    reference="ustawa o świadczeniu usług drogą elektroniczną, art. 5 ust. 3 pkt 4 (NIP i "
    "REGON usługodawcy); ustawa o prawach konsumenta, art. 12 ust. 1 pkt 2",
)
SPECS = (CHECK_DIGIT,)
KIND = Kind.CORPUS
NAMES = {"nip": "NIP", "regon": "REGON", "bank_account": "account number"}


def build(context: CheckContext) -> CorpusCheck:
    return partial(check, context=context)


def check(corpus: Corpus, context: CheckContext) -> Iterator[Finding]:
    seen: set[tuple[str, int, int, str]] = set()
    for fact in corpus.facts:
        name = NAMES.get(fact.attribute)
        digits = "".join(character for character in fact.value.text if character.isdigit())
        place = (fact.path, fact.span.line, fact.span.column, digits)
        if (name is None or place in seen or fact.path not in corpus.reported_paths
                or not check_digit_fails(fact.attribute, digits)):
            continue
        seen.add(place)
        yield CHECK_DIGIT.finding(corpus.document(fact.path), fact.span,
                                  f"{name} {fact.text} fails its check digit: a digit changed "
                                  "or two swapped", excerpt=fact.sentence)
