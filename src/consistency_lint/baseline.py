"""Baselines: the fingerprints of findings accepted for now, so that a team can adopt the
tool on an existing repository and fail only on new findings."""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import TextIO

from consistency_lint import __version__
from consistency_lint.errors import UsageError
from consistency_lint.model import Finding

BASELINE_SCHEMA = 1


@dataclass(frozen=True)
class BaselineOutcome:
    """Findings the baseline hid, and baseline entries that no longer occur (fixed)."""

    hidden: int
    fixed: int


def write_baseline(findings: Iterable[Finding], stream: TextIO) -> None:
    entries = [{"fingerprint": f.fingerprint, "rule": f.rule, "path": f.path,
                "message": f.message} for f in findings]
    json.dump({"schema": BASELINE_SCHEMA, "tool": {"name": "consistency-lint",
                                                    "version": __version__},
               "findings": sorted(entries, key=lambda entry: (entry["path"], entry["rule"],
                                                              entry["fingerprint"]))},
              stream, ensure_ascii=False, indent=2)
    stream.write("\n")


def read_baseline(path: Path) -> frozenset[str]:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        fingerprints = frozenset(str(entry["fingerprint"]) for entry in data["findings"])
    except OSError as error:
        raise UsageError(f"cannot read the baseline: {error.strerror}", str(path)) from None
    except (ValueError, KeyError, TypeError, RecursionError):
        raise UsageError("not a consistency-lint baseline (create one with "
                         "`consistency-lint baseline DIR --output FILE`)", str(path)) from None
    return fingerprints


def apply_baseline(findings: list[Finding],
                   fingerprints: frozenset[str]) -> tuple[list[Finding], BaselineOutcome]:
    kept = [finding for finding in findings if finding.fingerprint not in fingerprints]
    present = {finding.fingerprint for finding in findings}
    return kept, BaselineOutcome(hidden=len(findings) - len(kept),
                                 fixed=len(fingerprints - present))
