"""Baselines: the fingerprints of findings accepted for now, so that a team can adopt the
tool on an existing repository and fail only on new findings."""

from __future__ import annotations

import json
from collections.abc import Iterable
from pathlib import Path
from typing import TextIO

from consistency_lint import __version__
from consistency_lint.errors import UsageError
from consistency_lint.model import BaselineOutcome, Finding
from consistency_lint.project_links import leads_out_of, project_directory
from consistency_lint.reading import RefusedFileError, read_regular_file

BASELINE_SCHEMA = 1
MAX_BASELINE_BYTES = 64 * 2**20  # some 200 000 findings: a large archive adopting the tool


def write_baseline(findings: Iterable[Finding], stream: TextIO) -> None:
    entries = [{"fingerprint": f.fingerprint, "rule": f.rule, "path": f.path,
                "message": f.message} for f in findings]
    json.dump({"schema": BASELINE_SCHEMA, "tool": {"name": "consistency-lint",
                                                    "version": __version__},
               "findings": sorted(entries, key=lambda entry: (entry["path"], entry["rule"],
                                                              entry["fingerprint"]))},
              stream, ensure_ascii=False, indent=2)
    stream.write("\n")


def read_baseline(path: Path, project_dir: Path) -> frozenset[str]:
    """The fingerprints of the baseline `path` of the project in `project_dir`; UsageError
    when it cannot be read, is not a baseline, or is a link from the project to a file
    outside it (a baseline planted as a link to /dev/zero or to another team's file)."""
    if leads_out_of(path, project_directory(project_dir)):
        raise UsageError("symbolic link leads outside the project; not read", str(path))
    try:
        data = json.loads(read_regular_file(path, MAX_BASELINE_BYTES).decode("utf-8"))
        fingerprints = frozenset(str(entry["fingerprint"]) for entry in data["findings"])
    except RefusedFileError as error:
        raise UsageError(f"cannot read the baseline: {error.message}", str(path)) from None
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
