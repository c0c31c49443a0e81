"""Code and files outside the project: a content repository (untrusted in CI) must not get
the tool to import its code, to read or write files outside the project through links it
planted, nor to destroy the files a run reads; the GitHub Action passes inputs as data."""

from __future__ import annotations

import json
import os
import stat
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from typer.testing import CliRunner

from consistency_lint.cli import app
from tests.conftest import single_channel_config, write_project

# The action beside the package under test (a source checkout), not an installed copy.
ACTION = Path(__file__).resolve().parents[1] / "action.yml"  # the checkout, not the install
MB = 2**20
PLANTED = "from pathlib import Path\nPath(__file__).with_suffix('.ran').write_text('ran')\n"


def _cli(*args: str) -> tuple[int, list[str]]:
    """Exit code and standard-error lines of an in-process run."""
    result = CliRunner().invoke(app, [*args, "--no-cache"] if args[0] == "check" else list(args))
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    return result.exit_code, result.stderr.splitlines()


def _text_project(root: Path, **config: object) -> Path:
    return write_project(root, {**single_channel_config("text", "*.txt"), **config},
                         {"a.txt": "Treść.\n"})


def _planted_module(directory: Path, name: str) -> None:
    """A module that leaves `NAME.ran` beside itself when imported."""
    (directory / f"{name}.py").write_text(PLANTED, encoding="utf-8")


def _without_safe_path() -> dict[str, str]:
    """This environment without PYTHONSAFEPATH: Python's default import path is under test."""
    return {name: value for name, value in os.environ.items() if name != "PYTHONSAFEPATH"}


def test_python_dash_m_imports_nothing_from_the_project(tmp_path: Path) -> None:
    project = _text_project(tmp_path / "shop")
    for name in ("typer", "rich", "yaml"):
        _planted_module(project, name)
    completed = subprocess.run(
        [sys.executable, "-m", "consistency_lint", "check", ".", "--no-cache", "--quiet"],
        cwd=project, env=_without_safe_path(), capture_output=True, text=True, timeout=60,
        check=False)
    assert (completed.returncode, completed.stderr) == (0, "")
    assert sorted(path.name for path in project.glob("*.ran")) == []


def test_dask_workers_import_nothing_from_the_project(tmp_path: Path) -> None:
    project = _text_project(tmp_path / "shop")
    (project / "multiprocessing").mkdir()  # what a spawned worker's `python -c` imports first
    _planted_module(project / "multiprocessing", "__init__")
    command = Path(sys.executable).parent / "consistency-lint"
    completed = subprocess.run(
        [str(command), "check", ".", "--executor", "dask", "--jobs", "1", "--no-cache",
         "--quiet"], cwd=project, env=_without_safe_path(), capture_output=True, text=True,
        timeout=120, check=False)
    assert completed.returncode == 0, completed.stderr
    assert not (project / "multiprocessing" / "__init__.ran").exists()


def _action_steps() -> dict[str, dict[str, object]]:
    action = yaml.safe_load(ACTION.read_text(encoding="utf-8"))
    return {step["name"]: step for step in action["runs"]["steps"]}


def test_action_scripts_contain_no_expressions() -> None:
    steps = _action_steps()
    assert [name for name, step in steps.items() if "${{" in str(step.get("run", ""))] == []


def test_a_pipeline_that_is_an_installed_module_but_no_spacy_pipeline_is_refused(
        tmp_path: Path) -> None:
    project = _text_project(tmp_path / "shop", pipelines={"pl": "pip"})
    assert _cli("check", str(project)) == (2, [
        "error: consistency-lint.yaml:8: spaCy pipeline `pip` is not installed: pipelines.pl "
        "must name an installed spaCy pipeline package or a pipeline directory inside the "
        "project"])


def _saved_pipeline(directory: Path) -> Path:
    """A pipeline directory as `spacy package` data holds it (blank: fast to save)."""
    import spacy  # here: importing it takes a second

    directory.parent.mkdir(parents=True, exist_ok=True)
    spacy.blank("pl").to_disk(directory)
    return directory


@pytest.mark.parametrize("how", ["absolute path", "link in the project"])
def test_a_pipeline_directory_outside_the_project_is_refused(tmp_path: Path, how: str) -> None:
    outside = _saved_pipeline(tmp_path / "elsewhere" / "pl")
    project = tmp_path / "shop"
    name = str(outside) if how == "absolute path" else "models"
    _text_project(project, pipelines={"pl": name})
    if how == "link in the project":
        (project / "models").symlink_to(outside)
    assert _cli("check", str(project)) == (2, [
        f"error: consistency-lint.yaml:8: spaCy pipeline `{name}` is outside the project: "
        "pipelines.pl must name an installed spaCy pipeline package or a pipeline directory "
        "inside the project"])


def test_a_pipeline_directory_is_found_in_the_project_not_the_working_directory(
        tmp_path: Path) -> None:
    project = _text_project(tmp_path / "shop", pipelines={"pl": "models/pl"})
    _saved_pipeline(project / "models" / "pl")
    code, _ = _cli("check", str(project), "--format", "json")
    assert code == 0


def test_a_link_inside_a_pipeline_directory_is_refused(tmp_path: Path,
                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    project = _text_project(tmp_path / "shop", pipelines={"pl": "models/pl"})
    pipeline = _saved_pipeline(project / "models" / "pl")
    outside = tmp_path / "meta.json"
    (pipeline / "meta.json").rename(outside)
    (pipeline / "meta.json").symlink_to(outside)
    monkeypatch.chdir(project)
    assert _cli("check", ".") == (2, [
        "error: consistency-lint.yaml:8: spaCy pipeline `models/pl`: models/pl/meta.json is a "
        "symbolic link or not a regular file; not read"])


def test_an_explicit_configuration_is_refused_only_as_a_link_leaving_the_project(
        tmp_path: Path) -> None:
    project = _text_project(tmp_path / "shop")
    outside = _text_project(tmp_path / "other") / "consistency-lint.yaml"
    (project / "lint.yaml").symlink_to(outside)
    assert _cli("check", str(project), "--config", str(project / "lint.yaml")) == (2, [
        "error: lint.yaml: symbolic link leads outside the project; not read"])
    assert _cli("check", str(project), "--config", str(outside)) == (0, [])


def _baseline(project: Path, output: Path) -> None:
    assert _cli("baseline", str(project), "--output", str(output))[0] == 0


def test_a_baseline_linking_out_of_the_project_is_refused(tmp_path: Path) -> None:
    project = _text_project(tmp_path / "shop")
    outside, link = tmp_path / "baseline.json", project / "baseline.json"
    _baseline(project, outside)
    link.symlink_to(outside)
    assert _cli("check", str(project), "--baseline", str(link)) == (2, [
        f"error: {link}: symbolic link leads outside the project; not read"])


def test_a_baseline_over_64_mb_is_not_read(tmp_path: Path) -> None:
    project = _text_project(tmp_path / "shop")
    baseline = project / "baseline.json"
    with baseline.open("wb") as stream:
        stream.truncate(64 * MB + 1)
    assert _cli("check", str(project), "--baseline", str(baseline)) == (2, [
        f"error: {baseline}: cannot read the baseline: file is larger than 64 MB; not read"])


@pytest.mark.parametrize(("name", "settings"), [
    ("consistency-lint.yaml", {}),
    ("facts.yaml", {"facts": "facts.yaml"}),
    ("words.txt", {"dictionary": "words.txt"}),
    ("house.yaml", {"rules": ["house.yaml"]}),
    ("variables.yaml", {"channels": {"docs": {"loader": "text", "paths": ["*.txt"],
                                              "variables": "variables.yaml"}}}),
])
def test_a_file_configuring_the_tool_over_16_mb_is_not_read(tmp_path: Path, name: str,
                                                             settings: dict[str, object]) -> None:
    project = _text_project(tmp_path / "shop", **settings)
    with (project / name).open("ab") as stream:
        stream.truncate(16 * MB + 1)
    assert _cli("check", str(project)) == (2, [
        f"error: {name}: file is larger than 16 MB; not read"])


def test_output_through_a_link_that_reaches_into_the_project_is_refused(tmp_path: Path) -> None:
    project = _text_project(tmp_path / "shop")
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    (project / "reports").symlink_to(elsewhere)
    (tmp_path / "alias").symlink_to(project)
    output = tmp_path / "alias" / "reports" / "x.sarif"
    assert _cli("check", str(project), "--format", "sarif", "--output", str(output)) == (2, [
        f"error: --output: refusing to write the report to {output}: reports is a symbolic "
        "link"])
    assert list(elsewhere.iterdir()) == []


def test_output_into_a_pipe_writes_into_it_without_replacing_it(tmp_path: Path) -> None:
    project = _text_project(tmp_path / "shop")
    pipe = tmp_path / "report.pipe"
    os.mkfifo(pipe)
    reader = os.open(pipe, os.O_RDONLY | os.O_NONBLOCK)  # so that the writer need not wait
    try:
        code, _ = _cli("check", str(project), "--format", "json", "--output", str(pipe))
        report = os.read(reader, 1 << 16).decode("utf-8")
    finally:
        os.close(reader)
    assert code == 0 and stat.S_ISFIFO(pipe.lstat().st_mode)
    assert json.loads(report)["schema"] == 1


def test_output_onto_the_baseline_the_run_reads_is_refused(tmp_path: Path) -> None:
    project = _text_project(tmp_path / "shop")
    baseline = tmp_path / "baseline.json"
    _baseline(project, baseline)
    before = baseline.read_bytes()
    assert _cli("check", str(project), "--baseline", str(baseline), "--format", "json",
                "--output", str(baseline)) == (2, [
        f"error: --output: refusing to write the report to {baseline}: it is the baseline "
        "this run reads"])
    assert baseline.read_bytes() == before


def test_init_keeps_a_planted_dangling_link_instead_of_writing_through_it(
        tmp_path: Path) -> None:
    directory, outside = tmp_path / "shop", tmp_path / "elsewhere"
    directory.mkdir()
    outside.mkdir()
    (directory / "facts.yaml").symlink_to(outside / "facts.yaml")
    result = CliRunner().invoke(app, ["init", str(directory)])
    assert result.exit_code == 0
    assert "kept existing facts.yaml" in result.stdout.splitlines()
    assert list(outside.iterdir()) == []


def test_init_refuses_a_planted_link_to_a_folder(tmp_path: Path) -> None:
    directory, outside = tmp_path / "shop", tmp_path / "elsewhere"
    directory.mkdir()
    outside.mkdir()
    (directory / "rules").symlink_to(outside)
    assert _cli("init", str(directory)) == (2, [
        "error: refusing to create rules/house-style.yaml: rules is a symbolic link or not a "
        "directory"])
    assert list(outside.iterdir()) == []


@pytest.mark.parametrize(("pyproject", "problem"), [
    ('tool = "x"\n', "[tool] must be a table"),
    ("a = " + "[" * 10_000 + "]" * 10_000 + "\n", "invalid TOML: values nested too deeply"),
])
def test_a_pyproject_of_an_odd_shape_exits_two(tmp_path: Path, pyproject: str,
                                               problem: str) -> None:
    (tmp_path / "pyproject.toml").write_text(pyproject, encoding="utf-8")
    assert _cli("check", str(tmp_path)) == (2, [f"error: pyproject.toml: {problem}"])
