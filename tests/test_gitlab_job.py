"""The README's GitLab job, run as a merge-request pipeline runs it: in a shallow clone of
the source branch, with the variables GitLab sets, every command but the install (the tool
is installed here already). The job must fetch what it compares with itself."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from tests.conftest import commit_project, write_project

README = Path(__file__).resolve().parents[1] / "README.md"
REGISTRY = """\
subjects:
  shop: {name: Sklep Meblino, aliases: [Meblino]}
facts:
  - {subject: shop, attribute: hotline, value: "22 350 40 50"}
"""
CONFIG = {"version": 1, "facts": "facts.yaml",
          "channels": {"web": {"loader": "markdown", "paths": ["web/*.md"]}}}
OLD_ERROR = "# Kontakt\n\nZadzwoń na infolinię: 22 350 40 59.\n"  # already on the target branch


def _job() -> dict[str, object]:
    blocks = re.findall(r"```yaml\n(.*?)```", README.read_text(encoding="utf-8"), re.DOTALL)
    [job] = [yaml.safe_load(block)["consistency-lint"] for block in blocks
             if block.startswith("consistency-lint:\n  image:")]
    return job


def _git(cwd: Path, *args: str) -> str:
    return subprocess.run(["git", "-c", "user.email=t@example.com", "-c", "user.name=t",
                           *args], cwd=cwd, check=True, capture_output=True,
                          text=True).stdout.strip()


def _merge_request(tmp_path: Path, new_page: str) -> tuple[Path, str]:
    """A shallow clone of a branch that adds `web/nowa.md` to a project whose target
    branch already has an error; and the commit the branch started from."""
    origin = commit_project(tmp_path / "origin", CONFIG,
                            {"facts.yaml": REGISTRY, "web/kontakt.md": OLD_ERROR})
    base = _git(origin, "rev-parse", "HEAD")
    _git(origin, "checkout", "-q", "-b", "feature")
    write_project(origin, CONFIG, {"web/nowa.md": new_page})
    _git(origin, "add", "-A")
    _git(origin, "commit", "-qm", "the merge request's change")
    clone = tmp_path / "clone"
    _git(tmp_path, "clone", "-q", "--depth=1", "--branch=feature", origin.as_uri(), str(clone))
    assert _git(clone, "rev-parse", "--is-shallow-repository") == "true"
    return clone, base


def _run_job(clone: Path, base: str) -> subprocess.CompletedProcess[str]:
    script = [line for line in _job()["script"] if not line.startswith("pip install")]
    environment = {**os.environ, "CI_PIPELINE_SOURCE": "merge_request_event",
                   "CI_MERGE_REQUEST_DIFF_BASE_SHA": base,
                   "CI_MERGE_REQUEST_TARGET_BRANCH_NAME": "main",
                   "PATH": f"{Path(sys.executable).parent}{os.pathsep}{os.environ['PATH']}"}
    return subprocess.run(["bash", "-e", "-c", "\n".join(script)], cwd=clone,
                          env=environment, capture_output=True, text=True, check=False)


@pytest.mark.parametrize(("new_page", "exit_code"), [
    ("# Nowa\n\nInfolinia: 22 350 40 51.\n", 1),  # the merge request brings an error
    ("# Nowa\n\nInfolinia: 22 350 40 50.\n", 0),  # the old error alone does not fail it
])
def test_gitlab_job_in_a_shallow_merge_request_pipeline(tmp_path: Path, new_page: str,
                                                         exit_code: int) -> None:
    clone, base = _merge_request(tmp_path, new_page)
    completed = _run_job(clone, base)
    assert completed.returncode == exit_code, completed.stderr
    report = json.loads((clone / "gl-code-quality.json").read_text(encoding="utf-8"))
    located = sorted((issue["check_name"], issue["location"]["path"],
                      issue["location"]["lines"]["begin"]) for issue in report)
    expected = [("FACT-REGISTRY-MISMATCH", "web/kontakt.md", 3)]
    if exit_code:
        expected.append(("FACT-REGISTRY-MISMATCH", "web/nowa.md", 3))
    assert located == expected


def test_gitlab_job_runs_only_in_merge_request_pipelines() -> None:
    assert _job()["rules"] == [{"if": '$CI_PIPELINE_SOURCE == "merge_request_event"'}]
    assert _job()["artifacts"] == {"when": "always",
                                   "reports": {"codequality": "gl-code-quality.json"}}
