"""`input` checks: files that could not be read or parsed. The run always goes on."""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from consistency_lint.checks.context import CheckContext
from consistency_lint.checks.protocol import DocumentCheck, Kind
from consistency_lint.model import Category, Document, Finding, ProblemKind, Severity
from consistency_lint.nlp.analysis import AnalysedSegment
from consistency_lint.specs import CheckSpec, Example

_GOOD_TEXT = Example("text", "Dziękujemy za zakupy w naszym sklepie.\n")

UNREADABLE = CheckSpec(
    id="INPUT-UNREADABLE",
    category=Category.INPUT,
    severity=Severity.ERROR,
    summary="A content file could not be read from disk.",
    rationale="A file the tool cannot read is a file nobody checked; the run goes on, but "
    "the gap must be visible (permissions, broken or looping symbolic links, links that "
    "leave the project).",
    failing=Example("text", "", file_name="loop.txt", symlink_to="loop.txt"),
    passing=_GOOD_TEXT,
)
NOT_TEXT = CheckSpec(
    id="INPUT-NOT-TEXT",
    category=Category.INPUT,
    severity=Severity.ERROR,
    summary="A file is binary, or text in an encoding that is not UTF-8 or a Polish one.",
    rationale="UTF-8 (with or without BOM), windows-1250 and ISO-8859-2 are read; anything "
    "else is most likely a file that does not belong in the channel.",
    failing=Example("html", "\x00\x01\x02PNG\x00", file_name="image.html"),
    passing=Example("html", "<p>Zapraszamy do sklepu.</p>", file_name="index.html"),
)
TOO_LARGE = CheckSpec(
    id="INPUT-TOO-LARGE",
    category=Category.INPUT,
    severity=Severity.ERROR,
    summary="A file is larger than `max_file_size_mb` (default 10 MB) and was not read.",
    rationale="Customer-facing pages are small; a huge file is usually a dump or an attack, "
    "and reading it would cost memory for no benefit. Raise the limit if it is legitimate.",
    failing=Example("text", "Za długi tekst. " * 10, config={"max_file_size_mb": 0.0001}),
    passing=Example("text", "Krótki tekst.\n", config={"max_file_size_mb": 0.0001}),
)
EMPTY = CheckSpec(
    id="INPUT-EMPTY",
    category=Category.INPUT,
    severity=Severity.WARNING,
    summary="A content file is empty or contains only whitespace.",
    rationale="An empty page or template published to customers is almost always a mistake "
    "of an export or a merge.",
    failing=Example("text", "\n  \n"),
    passing=_GOOD_TEXT,
)
MALFORMED = CheckSpec(
    id="INPUT-MALFORMED",
    category=Category.INPUT,
    severity=Severity.ERROR,
    summary="A file does not have the structure its loader expects (invalid YAML FAQ, "
    "broken Word document, FAQ entry without an answer).",
    rationale="What cannot be parsed cannot be checked; the finding points at the line "
    "where parsing failed.",
    failing=Example("faq", "- question: Jak zwrócić towar?\n  answer: [niezamknięta lista\n",
                    file_name="faq.yaml"),
    passing=Example("faq", "- question: Jak zwrócić towar?\n  answer: Wyślij formularz.\n",
                    file_name="faq.yaml"),
)
FRONT_MATTER = CheckSpec(
    id="INPUT-FRONT-MATTER",
    category=Category.INPUT,
    severity=Severity.WARNING,
    summary="A document's front matter is not a valid YAML mapping.",
    rationale="Front matter carries the document type, owner and review date; when it "
    "cannot be read, the legal and governance checks lose what they rely on. The body is "
    "still linted.",
    failing=Example("markdown", "---\nowner: [Anna\n---\n# Zwroty\n", file_name="kb.md"),
    passing=Example("markdown", "---\nowner: Anna Nowak\n---\n# Zwroty\n", file_name="kb.md"),
)

SPECS_BY_PROBLEM = {
    ProblemKind.UNREADABLE: UNREADABLE,
    ProblemKind.NOT_TEXT: NOT_TEXT,
    ProblemKind.TOO_LARGE: TOO_LARGE,
    ProblemKind.EMPTY: EMPTY,
    ProblemKind.MALFORMED: MALFORMED,
    ProblemKind.FRONT_MATTER: FRONT_MATTER,
}
SPECS = tuple(SPECS_BY_PROBLEM.values())
KIND = Kind.DOCUMENT


def build(context: CheckContext) -> DocumentCheck:
    return check


def check(document: Document, segments: Sequence[AnalysedSegment]) -> Iterator[Finding]:
    for problem in document.problems:
        spec = SPECS_BY_PROBLEM.get(problem.kind)
        if spec is not None:
            yield spec.finding(document, problem.span, problem.message)
