"""Configuration: sources, validation with file:line messages, and path safety."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from consistency_lint.config import load_config
from consistency_lint.errors import ConfigError
from tests.conftest import lint

BASE = "version: 1\nchannels:\n  web:\n    loader: html\n    paths: ['web/*.html']\n"
PAGE = {"web/index.html": "<p>Dzień dobry</p>"}


def _error(root: Path, config_text: str, files: dict[str, str] | None = None) -> ConfigError:
    root.mkdir(parents=True, exist_ok=True)
    (root / "consistency-lint.yaml").write_text(config_text, encoding="utf-8")
    for name, content in (files if files is not None else PAGE).items():
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_text(content, encoding="utf-8")
    with pytest.raises(ConfigError) as caught:
        lint(root)
    return caught.value


@pytest.mark.parametrize(
    ("config_text", "line", "message"),
    [
        (BASE + "colour: blue\n", 6, "colour: Extra inputs are not permitted"),
        (BASE + "    profile: shouting\n", 6, "channels.web.profile: Input should be"),
        (BASE.replace("html", "pdf"), 4, "channels.web.loader: Input should be"),
        (BASE.replace("version: 1", "version: 2"), 1, "version: Input should be 1"),
        (BASE + "governance:\n  review_every_days: -5\n", 7, "greater than 0"),
        (BASE + "facts: facts.yaml\n", 6, "file not found: facts.yaml"),
        (BASE + "dictionary: ../../etc/words\n", 6, "path leaves the project directory"),
        (BASE + "    variables: letters/vars.yaml\n", 6, "file not found: letters/vars.yaml"),
        (BASE.replace("web/*.html", "web/*.htm"), 5, "pattern `web/*.htm` matches no file"),
        (BASE.replace("web/*.html", "../outside/*.html"), 5, "path leaves the project"),
        (BASE + "severity:\n  NO-SUCH-RULE: error\n", 7, "`NO-SUCH-RULE` is neither a rule id"),
        (BASE + "rules: [missing-pack.yaml]\n", 6, "file not found: missing-pack.yaml"),
        ("version: 1\nchannels: [web\n", 3, "invalid YAML"),
        ("- just\n- a list\n", 1, "must be a YAML mapping"),
        (BASE + "governance:\n  review_every_days: 1000000000000000000000000000000\n", 7,
         "governance.review_every_days: Input should be less than or equal to 36500"),
        (BASE + "max_file_size_mb: .inf\n", 6, "max_file_size_mb: Input should be a finite"),
        (BASE + "max_file_size_mb: 1e308\n", 6, "Input should be less than or equal to 1024"),
        (BASE + "ignore: ['" + "{a,b,c,d}" * 12 + "']\n", 6,
         "ignore.0: pattern `{a,b,c,d}{a,b,c,d}"),
        (BASE + "    doc_types: {terms: [web/regulamin.html]}\n", 6,
         "doc type `terms` pattern `web/regulamin.html` matches none of the channel's files"),
    ],
)
def test_invalid_configuration_names_file_line_and_problem(
    tmp_path: Path, config_text: str, line: int, message: str
) -> None:
    error = _error(tmp_path, config_text)
    assert (error.path, error.line) == ("consistency-lint.yaml", line)
    assert message in error.message


def test_yaml_alias_bomb_in_configuration_is_refused(tmp_path: Path) -> None:
    bomb = "a: &a [x, x, x, x, x, x, x, x, x, x]\n" + "".join(
        f"{chr(98 + i)}: &{chr(98 + i)} [*{chr(97 + i)}, *{chr(97 + i)}, *{chr(97 + i)}, "
        f"*{chr(97 + i)}, *{chr(97 + i)}, *{chr(97 + i)}, *{chr(97 + i)}, *{chr(97 + i)}, "
        f"*{chr(97 + i)}, *{chr(97 + i)}]\n" for i in range(8)
    )
    error = _error(tmp_path, bomb)
    assert "refusing to read it" in error.message


def test_pyproject_table_is_used_when_there_is_no_yaml(tmp_path: Path) -> None:
    (tmp_path / "web").mkdir()
    (tmp_path / "web" / "index.html").write_text("<p>Dzień dobry</p>", encoding="utf-8")
    (tmp_path / "pyproject.toml").write_text(
        '[tool.consistency-lint]\nversion = 1\nlanguage = "en"\n'
        '[tool.consistency-lint.channels.web]\nloader = "html"\npaths = ["web/*.html"]\n',
        encoding="utf-8",
    )
    config = load_config(tmp_path)
    assert (config.source, config.model.language) == ("pyproject.toml", "en")


def test_pyproject_errors_name_the_table_key(tmp_path: Path) -> None:
    (tmp_path / "pyproject.toml").write_text(
        '[tool.consistency-lint]\nversion = 1\n[tool.consistency-lint.channels.web]\n'
        'loader = "html"\n', encoding="utf-8")
    with pytest.raises(ConfigError) as caught:
        load_config(tmp_path)
    assert str(caught.value) == "pyproject.toml: channels.web.paths: Field required"


def test_explicit_config_file_wins(project: Callable[..., Path], tmp_path: Path) -> None:
    root = project({"version": 1, "language": "pl",
                    "channels": {"web": {"loader": "html", "paths": ["web/*.html"]}}}, PAGE)
    other = root / "ci.yaml"
    other.write_text(BASE.replace("version: 1", "version: 1\nlanguage: en"), encoding="utf-8")
    assert load_config(root, other).model.language == "en"


def test_missing_configuration_says_how_to_create_one(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="no configuration found"):
        load_config(tmp_path)


def test_channel_settings_inherit_and_override_project_settings(
    project: Callable[..., Path],
) -> None:
    config: dict[str, Any] = {
        "version": 1, "language": "pl", "governance": {"require_owner": True},
        "channels": {
            "web": {"loader": "html", "paths": ["web/*.html"]},
            "letters": {"loader": "template", "paths": ["letters/*.j2"], "language": "en",
                        "governance": {"require_owner": False},
                        "variables": "letters/variables.yaml"},
        },
    }
    root = project(config, {**PAGE, "letters/a.txt.j2": "Hi {{ customer.name }}",
                            "letters/variables.yaml": "- customer.name\n- order.number\n"})
    channels = load_config(root).channels
    assert channels["web"].governance.require_owner is True
    assert (channels["letters"].language, channels["letters"].governance.require_owner) == (
        "en", False)
    assert channels["letters"].allowed_variables == frozenset({"customer.name", "order.number"})


def test_severity_off_may_be_written_unquoted(tmp_path: Path) -> None:
    (tmp_path / "web").mkdir()
    (tmp_path / "web/index.html").write_text("<p>Dzien dobry</p>", encoding="utf-8")
    (tmp_path / "consistency-lint.yaml").write_text(
        BASE + "severity: {SPELLING-UNKNOWN-WORD: off}\n", encoding="utf-8")
    assert load_config(tmp_path).model.severity == {"SPELLING-UNKNOWN-WORD": "off"}
    assert [f.rule for f in lint(tmp_path).findings] == []


LETTERS = ("version: 1\nchannels:\n  letters:\n    loader: template\n"
           "    paths: ['letters/*.j2']\n    variables: letters/variables.yaml\n")


@pytest.mark.parametrize(("variables", "names"), [
    ("- customer.name\n- order.number\n", {"customer.name", "order.number"}),
    ("variables: [customer.name, order.number]\n", {"customer.name", "order.number"}),
    ("variables:\n  customer: {name: imię}\n", {"customer.name"}),
    ("customer: [name, email]\norder:\n  number: numer\n  total:\n",
     {"customer.name", "customer.email", "order.number", "order.total"}),
    # sample values, with the items a template loops over
    ("order:\n  number: ZK/1\n  items:\n    - {title: Sól, price: 39,90 zł}\n  paid: true\n",
     {"order.number", "order.items", "order.paid"}),
])
def test_variables_files_of_every_documented_shape(tmp_path: Path, variables: str,
                                                   names: set[str]) -> None:
    files = {"letters/a.txt.j2": "Dzień dobry", "letters/variables.yaml": variables}
    for name, content in files.items():
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text(content, encoding="utf-8")
    (tmp_path / "consistency-lint.yaml").write_text(LETTERS, encoding="utf-8")
    assert load_config(tmp_path).channels["letters"].allowed_variables == frozenset(names)


@pytest.mark.parametrize("variables", ["customer.name\n", "- [customer, name]\n",
                                       "variables: 3\n", "- 1\n- 2\n"])
def test_a_variables_file_of_another_shape_is_an_error(tmp_path: Path, variables: str) -> None:
    error = _error(tmp_path, LETTERS, {"letters/a.txt.j2": "Dzień dobry",
                                       "letters/variables.yaml": variables})
    assert (error.path, error.line) == ("letters/variables.yaml", 1)
    assert error.message.startswith("variables must be a list of names")


def test_a_dictionary_in_windows_1250_is_read(tmp_path: Path) -> None:
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs/a.txt").write_text("Zamówienia realizuje Pczółkowo.\n", encoding="utf-8")
    (tmp_path / "slownik.txt").write_bytes("Pczółkowo\n".encode("cp1250"))
    (tmp_path / "consistency-lint.yaml").write_text(
        "version: 1\ndictionary: slownik.txt\n"
        "channels: {docs: {loader: text, paths: ['docs/*.txt']}}\n", encoding="utf-8")
    assert [f.excerpt for f in lint(tmp_path).findings] == []
    (tmp_path / "slownik.txt").write_bytes(b"\x81\x00\xff")
    with pytest.raises(ConfigError, match=r"slownik\.txt: file contains binary data"):
        lint(tmp_path)
