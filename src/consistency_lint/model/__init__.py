"""The frozen value types that flow between the pipeline's steps: the ground floor, which
imports nothing else of consistency-lint (an import-linter contract keeps it so). Beside
them, `pickling` (how worker processes send them back) and `terminal_text` (how text from
a content repository is shown, in checks' messages and reports alike)."""

from consistency_lint.model.document import (
    PLACEHOLDER_SYNTAXES,
    Anchor,
    ContentProblem,
    Document,
    Link,
    Placeholder,
    PlaceholderSyntax,
    ProblemKind,
    Segment,
    SegmentKind,
    Shift,
    Span,
    Suppression,
    TemplateExpression,
)
from consistency_lint.model.fact import Fact, MatrixCell, MatrixRow, RegistryFact
from consistency_lint.model.finding import (
    LEGAL_CATEGORIES,
    Category,
    Confidence,
    Finding,
    RelatedLocation,
    RuleDescription,
    Severity,
    SuppressedFinding,
)
from consistency_lint.model.run import (
    BaselineOutcome,
    ChecklistEntry,
    ChecklistState,
    RunMetadata,
    RunResult,
    Summary,
)
from consistency_lint.model.value import Bound, Value, ValueMatch, ValueType

__all__ = [
    "LEGAL_CATEGORIES",
    "PLACEHOLDER_SYNTAXES",
    "Anchor",
    "BaselineOutcome",
    "Bound",
    "Category",
    "ChecklistEntry",
    "ChecklistState",
    "Confidence",
    "ContentProblem",
    "Document",
    "Fact",
    "Finding",
    "Link",
    "MatrixCell",
    "MatrixRow",
    "Placeholder",
    "PlaceholderSyntax",
    "ProblemKind",
    "RegistryFact",
    "RelatedLocation",
    "RuleDescription",
    "RunMetadata",
    "RunResult",
    "Segment",
    "SegmentKind",
    "Severity",
    "Shift",
    "Span",
    "Summary",
    "SuppressedFinding",
    "Suppression",
    "TemplateExpression",
    "Value",
    "ValueMatch",
    "ValueType",
]
