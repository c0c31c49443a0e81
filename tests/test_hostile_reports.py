"""Hostile names and content reach the reports as text, never as markup; hostile patterns,
scheduler addresses and templates give one clear line, never a crash or a hang."""

from __future__ import annotations

import re
import signal
import socket
import subprocess
import sys
import time
import tracemalloc
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from xml.etree import ElementTree

import pytest
from typer.testing import CliRunner

from consistency_lint.cli import app
from consistency_lint.loaders.source import Source
from consistency_lint.loaders.template import parse
from tests.conftest import TODAY, keys, lint, single_channel_config, write_project

EMPTY_FILE = "warning INPUT-EMPTY: file is empty"
HUGE_PATTERN = "{a,b}" * 2000  # 2**2000 alternatives, 10 000 characters


def _invoke(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(app, list(args), env={"COLUMNS": "200"})
    return result.exit_code, result.stdout, result.stderr


def _check(root: Path, *options: str) -> tuple[int, str, str]:
    return _invoke("check", str(root), "--today", TODAY.isoformat(), "--no-cache", "--quiet",
                   *options)


def _empty_files(root: Path, names: list[str]) -> Path:
    """A project whose text files are all empty: each gets one INPUT-EMPTY warning."""
    return write_project(root, single_channel_config("text", "docs/*"),
                         dict.fromkeys((f"docs/{name}" for name in names), ""))


# JUnit


def test_junit_report_turns_control_characters_into_visible_escapes(tmp_path: Path) -> None:
    root = _empty_files(tmp_path, ["a\x01b\x1b[31m\x0c.txt"])
    code, out, _ = _check(root, "--format", "junit")
    shown = "docs/a\\x01b\\x1b[31m\\x0c.txt"
    testsuites = ElementTree.fromstring(out.split("\n", 1)[1])
    failures = [(case.get("classname"), case.get("name"), failure.get("type"), failure.text)
                for case in testsuites.iter("testcase") for failure in case.iter("failure")]
    assert code == 0
    assert failures == [(shown, "input", "INPUT-EMPTY", f"{shown}:1:1 {EMPTY_FILE}")]


# Markdown


def test_markdown_summary_shows_hostile_file_names_literally(tmp_path: Path) -> None:
    root = _empty_files(tmp_path, ["# All checks passed.txt", "![x](evil.png) <img src=x>.txt",
                                   "a|b`c``.txt", "line\nbreak.txt"])
    code, out, _ = _check(root, "--format", "markdown")
    assert code == 0
    assert out.splitlines()[-4:] == [
        "| 🟡 | `docs/![x](evil.png) <img src=x>.txt:1` | `INPUT-EMPTY` | file is empty |",
        "| 🟡 | `docs/# All checks passed.txt:1` | `INPUT-EMPTY` | file is empty |",
        "| 🟡 | ```docs/a\\|b`c``.txt:1``` | `INPUT-EMPTY` | file is empty |",
        "| 🟡 | `docs/line break.txt:1` | `INPUT-EMPTY` | file is empty |",
    ]


def test_markdown_summary_escapes_a_waiver_reason(tmp_path: Path) -> None:
    config = {"version": 1, "governance": {"require_owner": True},
              "channels": {"kb": {"loader": "markdown", "paths": ["*.md"]}}}
    reason = "# done ![x](https://evil.example/x.png) <img src=x> **ok** | `x`"
    write_project(tmp_path, config, {"a.md": (
        f"---\nlint_disable: [FRESHNESS-NO-OWNER]\nlint_disable_reason: '{reason}'\n---\n"
        "Dostawa w dwa dni.\n")})
    code, out, _ = _check(tmp_path, "--format", "markdown")
    assert code == 0
    assert out.splitlines()[-1] == (
        "| `a.md:5` | `FRESHNESS-NO-OWNER` | document has no \\`owner\\` in its metadata | "
        "\\# done \\!\\[x\\]\\(https\\:\\/\\/evil\\.example\\/x\\.png\\) \\<img src\\=x\\> "
        "\\*\\*ok\\*\\* \\| \\`x\\` |")


# facts


def test_facts_shows_markup_and_escape_sequences_as_text(tmp_path: Path) -> None:
    config = {"version": 1, "facts": "facts.yaml", "channels": {
        "[/]": {"loader": "text", "paths": ["a/*.txt"]},
        "[bold red]web[/]": {"loader": "text", "paths": ["b/*.txt"]}}}
    registry = ('subjects:\n  "shop\\e[2J":\n    name: Sklep Domovita\n    aliases: [Domovita]\n'
                'facts:\n  - {subject: "shop\\e[2J", attribute: withdrawal_period, '
                'value: "14 dni"}\n')
    statement = "Domovita: zwrot w ciągu 14 dni.\n"
    write_project(tmp_path, config, {"facts.yaml": registry, "a/x.txt": statement,
                                     "b/x.txt": statement})
    code, out, _ = _invoke("facts", str(tmp_path), "--today", TODAY.isoformat())
    assert code == 0 and "\x1b" not in out
    header, row = (line for line in out.splitlines()
                   if line.startswith("subject") or line.startswith("shop"))
    assert re.split(" {2,}", header)[-2:] == ["[/]", "[bold red]web[/]"]
    assert row.split()[0] == "shop\\x1b[2J"


# Patterns


def test_only_given_once_for_each_of_1100_changed_files(tmp_path: Path) -> None:
    names = [f"f{number}.txt" for number in range(1100)]
    root = _empty_files(tmp_path, [*names, "unchanged.txt"])
    only = [option for name in names for option in ("--only", f"docs/{name}")]
    code, out, err = _check(root, "--format", "github", *only)
    assert (code, err) == (0, "")
    assert len(out.splitlines()) == 1100 and "unchanged" not in out


def test_a_configuration_ignoring_1100_patterns(tmp_path: Path) -> None:
    root = _empty_files(tmp_path, ["kept.txt", *(f"drop{number}.txt" for number in range(1100))])
    config = {**single_channel_config("text", "docs/*"),
              "ignore": [f"docs/drop{number}.txt" for number in range(1100)]}
    write_project(root, config, {})
    code, out, err = _check(root, "--format", "github")
    assert (code, err) == (0, "")
    assert out.splitlines() == [
        "::warning file=docs/kept.txt,line=1,col=1,endLine=1,endColumn=1,"
        "title=INPUT-EMPTY [input]::file is empty"]


@pytest.mark.parametrize(("where", "options", "config"), [
    ("--only: ", ("--only", HUGE_PATTERN), {}),
    ("consistency-lint.yaml:9: ignore.1: ", (), {"ignore": ["drafts/**", HUGE_PATTERN]}),
])
def test_one_pathological_pattern_is_one_short_line(
        tmp_path: Path, where: str, options: tuple[str, ...], config: dict[str, Any]) -> None:
    root = _empty_files(tmp_path, ["a.txt"])
    write_project(root, {**single_channel_config("text", "docs/*"), **config}, {})
    code, out, err = _check(root, *options)
    assert (code, out) == (2, "")
    assert err == (f"error: {where}pattern `{HUGE_PATTERN[:80]}… (10000 characters)` cannot be "
                   "used: Pattern limit exceeded the limit of 1000 (at most 1000 {a,b} "
                   "alternatives)\n")


# Dask


@pytest.mark.parametrize(("address", "message"), [
    ("ucx://host:1", "the ucx:// transport is not supported (use tcp:// or tls://)"),
    ("inproc://x", "the inproc:// transport is not supported (use tcp:// or tls://)"),
    ("tcp://host:99999", "not an address such as tcp://10.0.0.5:8786"),
    ("tls://127.0.0.1:9", "tls:// needs Dask's TLS settings (distributed.comm.tls.ca-file, "
                          ".client.cert and .client.key)"),
])
def test_scheduler_address_that_cannot_work_is_one_line(
        tmp_path: Path, address: str, message: str) -> None:
    root = _empty_files(tmp_path, ["a.txt"])
    assert _check(root, "--scheduler", address) == (2, "", f"error: --scheduler {address}: "
                                                           f"{message}\n")


@pytest.fixture
def silent_server() -> Iterator[str]:
    """A TCP server that accepts connections (the kernel does, from its backlog) and never
    answers."""
    with socket.socket() as server:
        server.bind(("127.0.0.1", 0))
        server.listen()
        yield f"tcp://127.0.0.1:{server.getsockname()[1]}"


def test_scheduler_that_never_answers_is_one_line_within_the_timeout(
        tmp_path: Path, silent_server: str) -> None:
    root = _empty_files(tmp_path, ["a.txt"])
    started = time.monotonic()
    completed = subprocess.run(
        [sys.executable, "-c", "import sys; from consistency_lint import cli; "
         "from consistency_lint.pipeline import dask_executor; "
         "dask_executor.CONNECT_TIMEOUT_SECONDS = 0.25; sys.argv[0] = 'consistency-lint'; "
         "cli.main()", "check", str(root), "--no-cache", "--scheduler", silent_server],
        capture_output=True, text=True, timeout=20, check=False)
    assert time.monotonic() - started < 15
    assert (completed.returncode, completed.stdout) == (2, "")
    assert completed.stderr == (f"error: the Dask scheduler at {silent_server} accepted the "
                                "connection but did not answer within 0.25 s\n")


def test_ctrl_c_is_one_line_and_exit_code_130(tmp_path: Path,
                                              monkeypatch: pytest.MonkeyPatch) -> None:
    def interrupted(*args: object) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr("consistency_lint.pipeline.run", interrupted)
    assert _check(_empty_files(tmp_path, ["a.txt"])) == (130, "", "interrupted\n")


def test_local_cluster_workers_leave_ctrl_c_to_the_run() -> None:
    """A terminal's Ctrl-C reaches every process of the job: the workers ignore it (else
    each prints a traceback); the run stops them."""
    from consistency_lint.pipeline import dask_executor

    with dask_executor._client(None, 1) as client:
        ignoring = client.run(_ignores_ctrl_c)
    assert list(ignoring.values()) == [True]
    assert signal.getsignal(signal.SIGINT) is signal.default_int_handler


def _ignores_ctrl_c() -> bool:
    return signal.getsignal(signal.SIGINT) is signal.SIG_IGN


# Templates


def test_internal_names_spelt_in_pieces_are_unsafe(tmp_path: Path) -> None:
    template = "".join(f"{line}\n" for line in (
        "{{ x['__cla' ~ 'ss__'] }}",
        '{{ x["\\x5f\\x5fclass\\x5f\\x5f"] }}',
        "{{ x|attr('__c' + 'lass__') }}",
        "{{ (''|string).__class__ }} {{ ''['__class__'] }}",
        "{{ x['_' * 2 ~ 'class' ~ '_' * 2] }}",
        "{% set n = '__glo' ~ 'bals__' %}{{ x[n] }}",
        "{{ x|attr(*['__class__']) }} {{ x|map(attribute='0.__class__') }}",
        "{{ x['__CLASS__'|lower] }}",
        "{{ self._TemplateReference__context }}",
        "{{ x[key] }} {{ order['number'] }} {{ items[0] }} {{ '__init__' }} {{ x['a' ~ 'b'] }}",
    ))
    write_project(tmp_path, single_channel_config("template", "*.j2"), {"evil.txt.j2": template})
    findings = lint(tmp_path).findings
    assert keys(findings) == [("TEMPLATE-UNSAFE-EXPRESSION", "template", "evil.txt.j2", line)
                              for line in range(1, 10)]
    assert [finding.message.split(": ", 1)[1] for finding in findings] == [
        "'__class__'", "'__class__'", "'__class__'", "__class__, '__class__'", "'__class__'",
        "'__globals__'", "'__class__', '0.__class__'", "(a name computed from literals)",
        "_TemplateReference__context"]


def test_constant_folding_while_parsing_cannot_exhaust_memory() -> None:
    tracemalloc.start()
    try:
        parse(Source(b"{{ 'a' * 10**8 }}{{ 'x'|center(100000000) }}\n", "big.txt.j2"))
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert peak < 20 * 2**20
