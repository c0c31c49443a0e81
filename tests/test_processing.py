"""Worker processes change nothing but speed: same documents, facts and findings."""

from __future__ import annotations

import io
import json
from pathlib import Path
from typing import Any

from consistency_lint.config import load_config
from consistency_lint.pipeline import RunOptions, run
from consistency_lint.report.json_report import write
from tests.conftest import TODAY

SAMPLES = Path(__file__).parent.parent / "samples"


def _report(jobs: int) -> dict[str, Any]:
    stream = io.StringIO()
    write(run(load_config(SAMPLES), RunOptions(today=TODAY, jobs=jobs)), stream)
    report: dict[str, Any] = json.loads(stream.getvalue())
    report.pop("run")
    return report


def test_two_workers_give_the_same_report_as_one() -> None:
    single, parallel = _report(1), _report(2)
    assert parallel == single
    assert len(parallel["findings"]) == 25 and len(parallel["documents"]) == 18
