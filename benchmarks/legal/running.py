"""Lint a source's documents as one temporary consistency-lint project (outside the
repository), with the legal pack only, and return its legal-prohibited findings."""

from __future__ import annotations

import tempfile
from collections import defaultdict
from datetime import date
from pathlib import Path
from typing import Any

import yaml
from benchmarks.legal.sources import Document

from consistency_lint.config import load_config
from consistency_lint.model import Category, Finding
from consistency_lint.pipeline import RunOptions, run
from consistency_lint.workers import Workers

TODAY = date(2026, 12, 6)
PACK = "builtin:pl-consumer-rights-2014"


def project_config(documents: list[Document]) -> dict[str, Any]:
    """One channel per loader; each file's document type named by its exact path."""
    channels: dict[str, dict[str, Any]] = {}
    for document in documents:
        channel = channels.setdefault(document.loader, {
            "loader": document.loader, "paths": [], "profile": "legal",
            "doc_types": defaultdict(list)})
        channel["paths"].append(document.path)
        if document.doc_type:
            channel["doc_types"][document.doc_type].append(document.path)
    for channel in channels.values():
        channel["doc_types"] = dict(channel["doc_types"])
    return {"version": 1, "language": "pl", "rules": [PACK], "channels": channels}


def lint(documents: list[Document], jobs: int = 1) -> list[Finding]:
    """The legal-prohibited findings of every document (none when there is nothing to lint)."""
    if not documents:
        return []
    with tempfile.TemporaryDirectory(prefix="legal-benchmark-") as folder:
        root = Path(folder)
        for document in documents:
            target = root / document.path
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(document.content)
        (root / "consistency-lint.yaml").write_text(
            yaml.safe_dump(project_config(documents), allow_unicode=True, sort_keys=False),
            encoding="utf-8")
        result = run(load_config(root),
                     RunOptions(today=TODAY, use_cache=False, workers=Workers(jobs=jobs)))
    return [finding for finding in result.findings
            if finding.category is Category.LEGAL_PROHIBITED]
