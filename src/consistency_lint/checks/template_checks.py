"""`template` checks: letter templates that do not parse or use unknown variables."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from functools import partial

from consistency_lint.checks.context import CheckContext
from consistency_lint.checks.protocol import DocumentCheck, Kind
from consistency_lint.model import Category, Document, Finding, ProblemKind, Severity
from consistency_lint.nlp.analysis import AnalysedSegment
from consistency_lint.specs import CheckSpec, Example

_VARIABLES = {"variables.yaml": "customer:\n  name: imię i nazwisko\norder:\n  number: numer\n"}
_CHANNEL = {"variables": "variables.yaml"}

SYNTAX = CheckSpec(
    id="TEMPLATE-SYNTAX",
    category=Category.TEMPLATE,
    severity=Severity.ERROR,
    summary="A Jinja2 letter or e-mail template does not parse.",
    rationale="A template that does not parse sends no letter at all, or a broken one; the "
    "finding points at the line Jinja2 names.",
    failing=Example("template", "Dzień dobry {{ customer.name }},\n{% if order.number %}\n"
                    "Twoje zamówienie.\n", file_name="letter.txt.j2"),
    passing=Example("template", "Dzień dobry {{ customer.name }},\n{% if order.number %}\n"
                    "Twoje zamówienie.\n{% endif %}\n", file_name="letter.txt.j2"),
)
UNKNOWN_VARIABLE = CheckSpec(
    id="TEMPLATE-UNKNOWN-VARIABLE",
    category=Category.TEMPLATE,
    severity=Severity.ERROR,
    summary="A template uses a variable that the channel's `variables` file does not list.",
    rationale="The sending system fills only the variables it knows; a misspelt or retired "
    "name prints as an empty gap in the customer's letter (\"Dzień dobry ,\").",
    failing=Example("template", "Dzień dobry {{ customer.nmae }},\n", file_name="letter.txt.j2",
                    channel=_CHANNEL, files=_VARIABLES),
    passing=Example("template", "Dzień dobry {{ customer.name }},\n", file_name="letter.txt.j2",
                    channel=_CHANNEL, files=_VARIABLES),
)
UNSAFE_EXPRESSION = CheckSpec(
    id="TEMPLATE-UNSAFE-EXPRESSION",
    category=Category.TEMPLATE,
    severity=Severity.ERROR,
    summary="A template reaches for Python internals: an attribute or key whose name starts "
    "with `_` (`__class__`, `__globals__`, ...).",
    rationale="No customer letter needs them; they are the first step of a sandbox escape in "
    "whatever system renders the template (its sandbox refuses such names). Names are read "
    "from the parsed template, so one spelt in pieces (`x['__cla' ~ 'ss__']`, `'_' * 2`, "
    "`\\x5f`, `attr('__c' + 'lass__')`, a `{% set %}` constant) is found too, and a name "
    "computed from literals in another way (`'__CLASS__'|lower`) is reported as such; "
    "`x[key]` with a variable key is not. consistency-lint never renders templates, so the "
    "expression is reported, not run.",
    failing=Example("template", "{{ ''.__class__.__mro__ }}\n", file_name="letter.txt.j2"),
    passing=Example("template", "{{ customer.name | title }}\n", file_name="letter.txt.j2"),
)
SPECS = (SYNTAX, UNKNOWN_VARIABLE, UNSAFE_EXPRESSION)
KIND = Kind.DOCUMENT


def build(context: CheckContext) -> DocumentCheck:
    return partial(check, context=context)


def check(document: Document, segments: Sequence[AnalysedSegment],
          context: CheckContext) -> Iterator[Finding]:
    for problem in document.problems:
        if problem.kind is ProblemKind.TEMPLATE_SYNTAX:
            yield SYNTAX.finding(document, problem.span, problem.message)
    channel = context.config.channels.get(document.channel)
    allowed = channel.allowed_variables if channel else None
    for expression in document.template_expressions:
        if expression.unsafe_attribute is not None:
            yield UNSAFE_EXPRESSION.finding(
                document, expression.span,
                f"template reaches for Python internals: {expression.unsafe_attribute}",
                excerpt=expression.path,
            )
        elif allowed is not None and not _is_allowed(expression.path, allowed):
            yield UNKNOWN_VARIABLE.finding(
                document, expression.span,
                f"unknown template variable `{expression.path}` (not in "
                f"{channel.settings.variables if channel else 'the variables file'})",
                excerpt=expression.path,
            )


def _is_allowed(path: str, allowed: frozenset[str]) -> bool:
    """`customer.name` is allowed if listed, if `customer` is a listed leaf, or if it is a
    prefix of listed names (`{% if customer %}`)."""
    parts = path.split(".")
    if any(".".join(parts[:length]) in allowed for length in range(1, len(parts) + 1)):
        return True
    return any(name.startswith(path + ".") for name in allowed)
