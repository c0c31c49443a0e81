"""`input`: a document type that is most likely a typo of a known one.

Any name is a valid document type, but a misspelt one ("regulamim" for `terms`) silently
switches off every rule scoped to the type meant. The run goes on with the type as written;
the finding, at the line that names it, says which type was probably meant. It is info by
default: the configuration and the document are still checked.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from functools import partial

from consistency_lint.checks.context import CheckContext, Corpus
from consistency_lint.checks.protocol import CorpusCheck, Kind
from consistency_lint.model import Category, Document, Finding, Severity, Span
from consistency_lint.rules.doc_types import DocTypes
from consistency_lint.rules.loading import DocTypeUse, Packs
from consistency_lint.specs import CheckSpec, Example

DOC_TYPE_TYPO = CheckSpec(
    id="INPUT-DOC-TYPE-TYPO",
    category=Category.INPUT,
    severity=Severity.INFO,
    summary="A document type that no pack declares is a small edit away from a known type, "
    "or is another name for one (`regulamim`, `regulamin`, `return`).",
    rationale="Rules are scoped to document types; a misspelt type runs, but none of the "
    "legal rules meant for the type apply to it, and nothing else would say so. Declare a "
    "custom type under a rule pack's `doc_types:` to make it known.",
    failing=Example("markdown", "---\ndoc_type: regulamim\n---\n# Regulamin sklepu\n",
                    file_name="regulamin.md"),
    passing=Example("markdown", "---\ndoc_type: cookie-policy\n---\n# Polityka cookies\n",
                    file_name="cookies.md"),
)
SPECS = (DOC_TYPE_TYPO,)
KIND = Kind.CORPUS  # the configuration's and the packs' types, and the documents'
CONFIGURATION = "configuration"  # the channel of findings in the project's packs


def build(context: CheckContext) -> CorpusCheck:
    return partial(check, packs=context.rules.packs)


def check(corpus: Corpus, packs: Packs) -> list[Finding]:
    """Typos among the types named by the configuration, the project's packs and the
    documents the run reports on."""
    return [*configured_type_findings(packs.doc_type_uses, packs.doc_types),
            *document_type_findings(corpus.reported, packs.doc_types)]


def configured_type_findings(uses: Iterable[DocTypeUse],
                             doc_types: DocTypes) -> Iterator[Finding]:
    """Typos among the types the configuration's channels and the project's packs name."""
    for use in uses:
        meant = doc_types.meant(use.name)
        if meant is not None:
            yield _finding(f"{use.named_by}: {_explained(use.name, meant)}", use.path,
                           Span.point(use.line or 1), use.channel or CONFIGURATION, use.name)


def document_type_findings(documents: Iterable[Document],
                           doc_types: DocTypes) -> Iterator[Finding]:
    """Typos among the types documents give themselves (front matter, an HTML meta tag, a
    template's header comment)."""
    for document in documents:
        declared = document.metadata.get("doc_type")
        meant = doc_types.meant(str(declared)) if declared else None
        if meant is not None:
            line = document.metadata_lines.get("doc_type", 1)
            yield _finding(_explained(str(declared), meant), document.path,
                           Span.point(line), document.channel, document.doc_type)


def warnings(findings: Iterable[Finding]) -> tuple[str, ...]:
    """The reported typos as lines for standard error: whoever runs the tool sees them even
    when the report goes to a file."""
    return tuple(f"{finding.path}:{finding.span.line}: {finding.message}"
                 for finding in findings if finding.rule == DOC_TYPE_TYPO.id)


def _explained(name: str, meant: str) -> str:
    return (f"doc type `{name}` is not one the packs know; did you mean {meant}? (it runs "
            f"as written, without the rules scoped to {meant}; declare a custom type under "
            "a pack's `doc_types:`)")


def _finding(message: str, path: str, span: Span, channel: str,
             doc_type: str | None) -> Finding:
    return Finding(rule=DOC_TYPE_TYPO.id, category=DOC_TYPE_TYPO.category,
                   severity=DOC_TYPE_TYPO.severity, message=message, path=path, span=span,
                   channel=channel, doc_type=doc_type)
