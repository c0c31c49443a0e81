"""The GitHub Action (`action.yml`) run as a GitHub runner runs a composite action: each `run:`
step's script with `bash --noprofile --norc -eo pipefail`, in the workspace, with the
variables GitHub sets (GITHUB_ACTION_PATH, GITHUB_WORKSPACE, RUNNER_TEMP, a GITHUB_OUTPUT and a
GITHUB_STEP_SUMMARY file per step) and the step's `env:` with its `${{ … }}` expressions
evaluated. `uses:` steps (actions/setup-python) are skipped and stand in with their outputs.
Everything is offline: scratch git repositories, `file://` remotes."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from collections.abc import Mapping
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
import yaml

from consistency_lint.pipeline.cache import CACHE_DIR_VARIABLE
from tests.conftest import commit_project, single_channel_config

ACTION_PATH = Path(__file__).resolve().parents[1]  # the action's checkout: the repository root
ACTION: dict[str, Any] = yaml.safe_load((ACTION_PATH / "action.yml").read_text(encoding="utf-8"))
EXPRESSION = re.compile(r"\$\{\{\s*(.*?)\s*\}\}")
STEP_OUTPUT = re.compile(r"steps\.[\w-]+\.outputs\.[\w-]+")

CONFIG = single_channel_config("template", "letters/*.j2", variables="letters/variables.yaml")
VARIABLES = "- customer.name\n- order.number\n"
LETTER = "Dzień dobry {{ customer.name }},\n\nzamówienie nr {{ order.numer }} zostało wysłane.\n"
CLEAN_LETTER = "Dzień dobry {{ customer.name }},\n\nzamówienie nr {{ order.number }} czeka.\n"
FINDING = "TEMPLATE-UNKNOWN-VARIABLE"


@dataclass
class ActionRun:
    code: int  # the job's: the first failing step's exit code, else 0
    stdout: str
    stderr: str
    github_output: dict[str, str]  # per step id, the text of its GITHUB_OUTPUT file
    step_outputs: dict[str, dict[str, str]]
    outputs: dict[str, str]  # the action's `outputs:`
    summary: str  # the job summary: every step's GITHUB_STEP_SUMMARY, in order
    pip_calls: list[list[str]]  # the arguments of each `python … -m pip …`
    tool_calls: list[list[str]]  # of each `python … -m consistency_lint …`, when faked
    runner_temp: Path
    job_env: str  # GITHUB_ENV and GITHUB_PATH: what the action left for the job's later steps


def _python_shim(directory: Path, fake_tool: bool) -> Path:
    """Stands for the interpreter actions/setup-python provides (its `python-path` output).
    `-m pip` is a no-op that only records its arguments: the package and its dependencies are
    already installed in the test's virtual environment, and a real install would download
    them and take minutes. Anything else runs the test's own Python; with `fake_tool`,
    `-m consistency_lint` only records its arguments too and creates its `--output=` file."""
    directory.mkdir(parents=True)
    shim = directory / "python"

    def record(log: str) -> str:
        return f"printf '%s\\037' \"$@\" >> '{directory / log}'; echo >> '{directory / log}'"

    fake = ("  *' -m consistency_lint '*) " + record("tool-calls") + "\n"
            '    for arg in "$@"; do case "$arg" in --output=*) : > "${arg#--output=}" ;; esac\n'
            "    done; exit 0 ;;\n") if fake_tool else ""
    shim.write_text(
        "#!/usr/bin/env bash\n"
        'case " $* " in\n'
        f"  *' -m pip '*) {record('pip-calls')}; exit 0 ;;\n"
        f"{fake}"
        "esac\n"
        f"exec '{sys.executable}' \"$@\"\n", encoding="utf-8")
    shim.chmod(0o755)
    return shim


def _calls(log: Path) -> list[list[str]]:
    return [line.split("\x1f")[:-1] for line in
            (log.read_text(encoding="utf-8").splitlines() if log.exists() else [])]


def _substitute(text: object, context: Mapping[str, str]) -> str:
    """The `${{ … }}` expressions of `text`, as the runner evaluates them for these steps; a
    step output never set is empty, as on GitHub. Any other expression fails the test, so an
    expression added to action.yml is not silently replaced by nothing."""
    def value(match: re.Match[str]) -> str:
        name = match.group(1)
        if name in context:
            return context[name]
        if STEP_OUTPUT.fullmatch(name):
            return ""
        raise AssertionError(f"this test does not evaluate ${{{{ {name} }}}}")
    return EXPRESSION.sub(value, str(text))


def _read_outputs(text: str) -> dict[str, str]:
    """A GITHUB_OUTPUT file: `name=value` lines and `name<<DELIMITER` blocks."""
    outputs: dict[str, str] = {}
    lines = iter(text.splitlines())
    for line in lines:
        if "<<" in line and ("=" not in line or line.index("<<") < line.index("=")):
            name, delimiter = line.split("<<", 1)
            outputs[name] = "\n".join(iter(lambda: next(lines), delimiter))
        elif line:
            name, value = line.split("=", 1)
            outputs[name] = value
    return outputs


def run_action(workspace: Path, runner: Path, inputs: Mapping[str, str],
               only: frozenset[str] | None = None, fake_tool: bool = False) -> ActionRun:
    """Run the action's steps (those whose id is in `only`, when given) in `workspace`, with
    the runner's files under `runner` (the tool's cache too, as each runner has its own);
    stop at the first failing step, as GitHub does."""
    assert set(inputs) <= set(ACTION["inputs"]), "an input action.yml does not declare"
    shim = _python_shim(runner / "setup-python", fake_tool)
    runner_temp, files = runner / "temp", runner / "files"
    runner_temp.mkdir()
    files.mkdir()
    job_files = {name: files / name for name in ("env", "path")}
    for path in job_files.values():
        path.touch()
    context = {f"inputs.{name}": str(spec.get("default", ""))
               for name, spec in ACTION["inputs"].items()}
    context |= {f"inputs.{name}": value for name, value in inputs.items()}
    context["github.action_path"] = str(ACTION_PATH)
    environment = {**os.environ, "CI": "true", "GITHUB_ACTIONS": "true", "RUNNER_OS": "Linux",
                   "GITHUB_ACTION_PATH": str(ACTION_PATH), "GITHUB_WORKSPACE": str(workspace),
                   "RUNNER_TEMP": str(runner_temp), "GITHUB_ENV": str(job_files["env"]),
                   "GITHUB_PATH": str(job_files["path"]), "GIT_TERMINAL_PROMPT": "0",
                   CACHE_DIR_VARIABLE: str(runner / "cache")}
    stand_ins = {"actions/setup-python": {"python-path": str(shim)}}
    code, stdout, stderr, summary = 0, [], [], []
    github_output: dict[str, str] = {}
    step_outputs: dict[str, dict[str, str]] = {}
    for index, step in enumerate(ACTION["runs"]["steps"]):
        step_id = step.get("id", f"step-{index}")
        assert "if" not in step, "this test does not evaluate `if:`"
        if "uses" in step:
            produced = stand_ins[step["uses"].split("@")[0]]
            context |= {f"steps.{step_id}.outputs.{name}": value
                        for name, value in produced.items()}
            continue
        if only is not None and step_id not in only:
            continue
        assert step["shell"] == "bash"
        assert "${{" not in step["run"], "inputs reach scripts as environment variables only"
        output, step_summary = files / f"output-{index}", files / f"summary-{index}"
        output.touch()
        step_summary.touch()
        script = files / f"step-{index}.sh"
        script.write_text(step["run"], encoding="utf-8")
        env = {**environment, "GITHUB_OUTPUT": str(output),
               "GITHUB_STEP_SUMMARY": str(step_summary),
               **{name: _substitute(value, context)
                  for name, value in step.get("env", {}).items()}}
        done = subprocess.run(
            ["bash", "--noprofile", "--norc", "-eo", "pipefail", str(script)],
            cwd=workspace / step.get("working-directory", "."), env=env, capture_output=True,
            text=True, timeout=120, check=False)
        stdout.append(done.stdout)
        stderr.append(done.stderr)
        summary.append(step_summary.read_text(encoding="utf-8"))
        github_output[step_id] = output.read_text(encoding="utf-8")
        step_outputs[step_id] = _read_outputs(github_output[step_id])
        context |= {f"steps.{step_id}.outputs.{name}": value
                    for name, value in step_outputs[step_id].items()}
        if done.returncode != 0:
            code = done.returncode
            break
    return ActionRun(
        code, "".join(stdout), "".join(stderr), github_output, step_outputs,
        {name: _substitute(spec["value"], context) for name, spec in ACTION["outputs"].items()},
        "".join(summary), _calls(shim.parent / "pip-calls"), _calls(shim.parent / "tool-calls"),
        runner_temp,
        "".join(path.read_text(encoding="utf-8") for path in job_files.values()))


def _git(root: Path, *args: str) -> str:
    return subprocess.run(["git", "-C", str(root), "-c", "user.email=t@example.com",
                           "-c", "user.name=t", *args], check=True, capture_output=True,
                          text=True).stdout.strip()


def _has_commit(root: Path, ref: str) -> bool:
    return subprocess.run(["git", "-C", str(root), "rev-parse", "--verify", "--quiet",
                           f"{ref}^{{commit}}"], capture_output=True, check=False).returncode == 0


def _sarif_results(path: Path) -> list[tuple[str, str]]:
    results = json.loads(path.read_text(encoding="utf-8"))["runs"][0]["results"]
    return [(result["ruleId"],
             result["locations"][0]["physicalLocation"]["artifactLocation"]["uri"])
            for result in results]


@dataclass(frozen=True)
class Origin:
    url: str
    main: str  # the commit of `main`, which a shallow clone of `feature` does not have


@pytest.fixture(scope="module")
def origin(tmp_path_factory: pytest.TempPathFactory) -> Origin:
    """`main`: the project with an old finding (letters/stara.txt.j2); `feature`, two commits
    on from it: a clean letter, then a letter with the finding (letters/nowa.txt.j2)."""
    root = tmp_path_factory.mktemp("origin") / "content"
    commit_project(root, CONFIG, {"letters/variables.yaml": VARIABLES,
                                  "letters/stara.txt.j2": LETTER})
    _git(root, "branch", "-M", "main")
    main = _git(root, "rev-parse", "HEAD")
    _git(root, "checkout", "-qb", "feature")
    for name, text in (("letters/powitanie.txt.j2", CLEAN_LETTER), ("letters/nowa.txt.j2", LETTER)):
        (root / name).write_text(text, encoding="utf-8")
        _git(root, "add", name)
        _git(root, "commit", "-qm", f"add {name}")
    return Origin(f"file://{root}", main)


def _shallow_clone(origin: Origin, destination: Path) -> Path:
    """What actions/checkout makes by default: one commit of one branch."""
    subprocess.run(["git", "clone", "-q", "--depth=1", "--branch=feature", origin.url,
                    str(destination)], check=True, capture_output=True)
    assert _git(destination, "rev-parse", "--is-shallow-repository") == "true"
    assert not _has_commit(destination, "origin/main")
    assert not _has_commit(destination, origin.main)
    return destination


def test_python_is_set_up_first_and_left_off_the_jobs_path() -> None:
    """setup-python (3.11 by default: the package needs 3.11.4 or later, and `3.11` is the
    newest 3.11 release) runs first; its interpreter, named by path, installs and runs the
    tool, and the job's later steps keep their own Python."""
    first, *others = ACTION["runs"]["steps"]
    assert first["uses"] == "actions/setup-python@v5"
    assert first["with"] == {"python-version": "${{ inputs.python-version }}",
                             "update-environment": False}
    assert ACTION["inputs"]["python-version"]["default"] == "3.11"
    assert "version" not in ACTION["inputs"]  # no package index to take a version from
    for step in others:
        assert not re.search(r"\bpython3?\b", step["run"])  # no Python from the job's PATH
        if "$PYTHON" in step["run"]:
            assert step["env"]["PYTHON"] == f"${{{{ steps.{first['id']}.outputs.python-path }}}}"
    assert sum("$PYTHON" in step["run"] for step in others) == 2  # install, lint


@dataclass(frozen=True)
class Workspace:
    root: Path
    run: ActionRun


@pytest.fixture(scope="module")
def full_runs(origin: Origin, tmp_path_factory: pytest.TempPathFactory) -> dict[str, Workspace]:
    """The two runs of every step, side by side: each starts the tool three times (a few
    seconds each, mostly its start-up), so in parallel the module keeps under 30 s.
    `fresh`: a one-commit repository with a finding, fail-on error; `shallow`: a shallow
    clone of `feature` whose changed-since ref, origin/main, it lacks, fail-on never."""
    fresh = tmp_path_factory.mktemp("fresh")
    shallow = tmp_path_factory.mktemp("shallow")
    workspaces = {
        "fresh": (commit_project(fresh / "workspace", CONFIG, {
            "letters/variables.yaml": VARIABLES, "letters/wysylka.txt.j2": LETTER}),
            fresh / "runner", {"fail-on": "error"}),
        "shallow": (_shallow_clone(origin, shallow / "workspace"), shallow / "runner",
                    {"changed-since": "origin/main", "fail-on": "never"})}
    with ThreadPoolExecutor(max_workers=len(workspaces)) as pool:
        running = {name: pool.submit(run_action, *arguments)
                   for name, arguments in workspaces.items()}
        return {name: Workspace(workspaces[name][0], future.result())
                for name, future in running.items()}


def test_the_action_annotates_summarises_writes_sarif_and_fails_on_a_finding(
        full_runs: dict[str, Workspace]) -> None:
    run = full_runs["fresh"].run

    assert run.code == 1, run.stderr
    # installed from the action's own checkout, by the interpreter setup-python provided
    assert len(run.pip_calls) == 1
    assert run.pip_calls[0][:4] == ["-P", "-m", "pip", "install"]
    assert run.pip_calls[0][-1] == str(ACTION_PATH)
    assert all(arg.startswith("-") for arg in run.pip_calls[0][4:-1])  # no package name
    assert run.step_outputs["fetch"] == {}  # no changed-since: nothing fetched
    assert ("::error file=letters/wysylka.txt.j2,line=3,col=18,endLine=3,endColumn=29,"
            f"title={FINDING} [template]::unknown template variable `order.numer`") in run.stdout
    sarif = run.runner_temp / "consistency-lint.sarif"
    assert f"sarif={sarif}\n" in run.github_output["lint"]
    assert run.outputs == {"sarif": str(sarif)}
    assert _sarif_results(sarif) == [(FINDING, "letters/wysylka.txt.j2")]
    assert run.summary.startswith("## consistency-lint\n")
    assert "**1 finding(s)** in 1 document(s) (1 error)." in run.summary
    assert f"| 🔴 | `letters/wysylka.txt.j2:3` | `{FINDING}` |" in run.summary
    assert run.job_env == ""  # nothing leaks into the job's later steps (GITHUB_ENV, GITHUB_PATH)


def test_in_a_shallow_clone_the_changed_since_branch_is_fetched_and_only_changes_reported(
        origin: Origin, full_runs: dict[str, Workspace]) -> None:
    workspace, run = full_runs["shallow"].root, full_runs["shallow"].run

    assert run.code == 0, run.stderr  # fail-on never: the finding is reported, the job passes
    assert _git(workspace, "rev-parse", "origin/main") == origin.main  # the fetch step's work
    assert _git(workspace, "rev-parse", "--is-shallow-repository") == "true"
    assert "::error file=letters/nowa.txt.j2,line=3,col=18," in run.stdout
    assert "letters/stara.txt.j2" not in run.stdout  # on main already: not this change's
    assert _sarif_results(run.runner_temp / "consistency-lint.sarif") == [
        (FINDING, "letters/nowa.txt.j2")]
    assert "**1 finding(s)**" in run.summary


@pytest.mark.parametrize("ref", ["main", "sha"])
def test_a_branch_name_or_a_commit_sha_missing_from_the_clone_is_fetched_into_fetch_head(
        origin: Origin, tmp_path: Path, ref: str) -> None:
    """Only the fetch step runs: the lint step gets the fetched commit instead of the ref."""
    workspace = _shallow_clone(origin, tmp_path / "workspace")
    changed_since = origin.main if ref == "sha" else ref
    run = run_action(workspace, tmp_path / "runner", {"changed-since": changed_since},
                     only=frozenset({"fetch"}))

    assert run.code == 0, run.stderr
    assert run.step_outputs["fetch"] == {"commit": origin.main}
    assert _has_commit(workspace, origin.main)


def test_a_ref_the_clone_has_is_not_fetched(origin: Origin, tmp_path: Path) -> None:
    workspace = _shallow_clone(origin, tmp_path / "workspace")
    run = run_action(workspace, tmp_path / "runner", {"changed-since": "HEAD"},
                     only=frozenset({"fetch"}))
    assert (run.code, run.step_outputs["fetch"], run.stderr) == (0, {}, "")


def test_a_ref_that_cannot_be_fetched_stops_the_lint_with_exit_code_2(
        origin: Origin, tmp_path: Path) -> None:
    workspace = _shallow_clone(origin, tmp_path / "workspace")
    run = run_action(workspace, tmp_path / "runner", {"changed-since": "origin/no-such-branch"})

    assert run.code == 2
    assert "::warning::consistency-lint: could not fetch origin/no-such-branch" in run.stdout
    assert "`origin/no-such-branch` is not a commit in this shallow clone" in run.stderr
    assert not (run.runner_temp / "consistency-lint.sarif").exists()


def test_hostile_inputs_reach_git_and_the_tool_as_data(tmp_path: Path) -> None:
    """Inputs a pull request could choose (a branch name) never run as shell code, in the
    fetch step nor in the lint step; the tool is faked: only its arguments matter here."""
    workspace = tmp_path / "workspace"
    workspace.mkdir()
    _git(workspace, "init", "-q")
    inputs = {"fail-on": 'error"; touch pwned-fail-on; echo "',
              "changed-since": "x$(touch${IFS}pwned-changed-since)",
              "baseline": "`touch pwned-baseline`"}
    for path in ("$(touch pwned-path)", "."):
        run = run_action(workspace, tmp_path / f"runner-{len(path)}", {**inputs, "path": path},
                         fake_tool=True)
        assert run.code == 0, run.stderr
        assert [entry.name for entry in workspace.iterdir()] == [".git"]
        if path == ".":  # the fetch step got as far as `git fetch`, with the ref as data
            assert ("::warning::consistency-lint: could not fetch "
                    f"{inputs['changed-since']} from origin") in run.stdout
        common = [f"--changed-since={inputs['changed-since']}", f"--baseline={inputs['baseline']}"]
        output = f"--output={run.runner_temp}/consistency-lint"
        assert run.tool_calls == [
            ["-P", "-m", "consistency_lint", "check", *common, f"--fail-on={inputs['fail-on']}",
             "--format", "github", "--", path],
            ["-P", "-m", "consistency_lint", "check", *common, "--fail-on=never", "--format",
             "sarif", f"{output}.sarif", "--quiet", "--", path],
            ["-P", "-m", "consistency_lint", "check", *common, "--fail-on=never", "--format",
             "markdown", f"{output}-summary.md", "--quiet", "--", path]]
