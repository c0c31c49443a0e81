"""A rule's documentation as an editor shows it: a short Markdown text on hover, and the
whole of `consistency-lint rules explain` (examples and how to silence it) in a Markdown
file that the finding's rule id links to."""

from __future__ import annotations

import re
from pathlib import Path

from consistency_lint.loaders.suppressions import directive_comment
from consistency_lint.specs import CheckSpec, Example

_UNSAFE = re.compile(r"[^A-Za-z0-9._-]+")  # a project pack's id names a file here


def summary_markdown(spec: CheckSpec) -> str:
    lines = [f"**{spec.id}** · {spec.category.value} · default severity {spec.severity.value}",
             "", spec.summary, "", f"**Why:** {spec.rationale}"]
    if spec.reference:
        lines += ["", f"**Legal basis:** {spec.reference}"]
    return "\n".join(lines)


def full_markdown(spec: CheckSpec) -> str:
    parts = [f"# {spec.id}", summary_markdown(spec)]
    for title, example in (("Fails", spec.failing), ("Passes", spec.passing)):
        if example is not None:
            parts.append(f"## {title}: {example.file_name}\n\n{_fenced(example)}")
    forms = "\n".join(f"    {directive_comment(syntax, spec.id)}"
                      for syntax in ("html", "yaml", "jinja"))
    parts.append("## Silence it\n\nEverywhere with `severity: {" + spec.id + ": off}` in "
                 "consistency-lint.yaml; in one place with a comment before the text "
                 f"(HTML and Markdown, YAML, Jinja templates):\n\n{forms}")
    return "\n\n".join(parts) + "\n"


def docs_file(spec: CheckSpec, folder: Path) -> Path:
    """The rule's full docs, written in `folder`."""
    path = folder / f"{_UNSAFE.sub('_', spec.id)}.md"
    path.write_text(full_markdown(spec), encoding="utf-8")
    return path


def _fenced(example: Example) -> str:
    fence = "`" * max(3, max((len(run) for run in re.findall(r"`+", example.content)),
                             default=0) + 1)
    return f"{fence}\n{example.content.rstrip()}\n{fence}"
