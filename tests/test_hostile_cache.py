"""The cache never makes a cached run report other than `--no-cache` does: not after a file
changed while a run read it, not after a transient read error, not with entries forged by
whoever can write the cache folder, and not on Dask workers."""

from __future__ import annotations

import errno
import itertools
import json
import os
import resource
import shutil
import signal
import sys
from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from pathlib import Path
from types import FrameType
from typing import Any

import msgspec
import pytest
from typer.testing import CliRunner

from consistency_lint.cli import app
from consistency_lint.model import Finding, RunResult
from consistency_lint.pipeline.cache import project_cache_directory
from tests.conftest import FIXTURES, TODAY, lint, write_project

SHOP = FIXTURES / "projects" / "shop"
LETTER = "letters/wysylka.txt.j2"  # reports TEMPLATE-UNKNOWN-VARIABLE at line 3
PRICES = {"consistency-lint.yaml": "version: 1\nfacts: facts.yaml\nchannels:\n"
                                   "  web: {loader: text, paths: ['*.txt']}\n",
          "facts.yaml": "subjects:\n  aroma-pro: {name: Ekspres Aroma Pro, aliases: [Aroma Pro]}\n"
                        "facts:\n  - {subject: aroma-pro, attribute: price, value: 1849 zł}\n",
          "web.txt": "Ekspres Aroma Pro kosztuje 1799 zł.\n"}  # FACT-REGISTRY-MISMATCH
MB = 2**20
Reads = Callable[[int, bytes], bytes]  # (how many reads of the file came before, its bytes)

FindingSummary = tuple[str, str, str, int, int, int, int]


def _findings(result: RunResult) -> list[FindingSummary]:
    return [_summary(finding) for finding in result.findings]


def _summary(finding: Finding) -> FindingSummary:
    span = finding.span
    return (finding.rule, finding.category.value, finding.path, span.line, span.column,
            span.end_line, span.end_column)


def _copy_of_shop(tmp_path: Path) -> Path:
    return Path(shutil.copytree(SHOP, tmp_path / "shop"))


def _entries(project: Path) -> list[Path]:
    folder = project_cache_directory(project.resolve())
    return sorted(path for path in folder.rglob("*") if not path.is_dir())


def _reading(monkeypatch: pytest.MonkeyPatch, target: Path, reads: Reads) -> None:
    """Whatever module of the tool reads `target`, it gets `reads(n, bytes on disk)` from its
    n-th read on: a deterministic stand-in for a file edited while a run reads it."""
    count = itertools.count()

    def wrapping(original: Callable[[Path, int], bytes]) -> Callable[[Path, int], bytes]:
        def read(path: Path, max_bytes: int) -> bytes:
            raw = original(path, max_bytes)
            return reads(next(count), raw) if Path(path).resolve() == target.resolve() else raw
        return read

    for name, module in list(sys.modules.items()):
        original = getattr(module, "read_regular_file", None)
        if name.startswith("consistency_lint") and callable(original):
            monkeypatch.setattr(module, "read_regular_file", wrapping(original))


def test_a_file_changing_while_a_run_reads_it_does_not_poison_the_cache(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    project = _copy_of_shop(tmp_path)
    expected = _findings(lint(project))
    assert ("TEMPLATE-UNKNOWN-VARIABLE", "template", LETTER, 3, 18, 3, 29) in expected
    fixed = (project / LETTER).read_bytes().replace(b"order.numer", b"order.number")
    with monkeypatch.context() as patched:  # first read: the file; later ones: an edit
        _reading(patched, project / LETTER, lambda count, raw: raw if count == 0 else fixed)
        lint(project, use_cache=True)
    assert _findings(lint(project, use_cache=True)) == expected


def test_a_read_error_is_not_cached(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    project = _copy_of_shop(tmp_path)
    expected = _findings(lint(project))

    def fails_after_the_first_read(count: int, raw: bytes) -> bytes:
        if count:
            raise OSError(errno.EIO, "Input/output error")
        return raw

    with monkeypatch.context() as patched:
        _reading(patched, project / LETTER, fails_after_the_first_read)
        assert ("INPUT-UNREADABLE", "input", LETTER, 1, 1, 1, 1) in _findings(
            lint(project, use_cache=True))
    assert _findings(lint(project, use_cache=True)) == expected


def _forged(value: Any, replacements: Mapping[str, Any]) -> Any:
    """A decoded entry with every present field of those names set to its replacement."""
    if isinstance(value, dict):
        return {key: replacements[key] if key in replacements and item is not None
                else _forged(item, replacements) for key, item in value.items()}
    if isinstance(value, list):
        return [_forged(item, replacements) for item in value]
    return value


@pytest.mark.parametrize(("files", "replacements"), [
    ({}, {"line": -5, "column": 2**64 - 1}),
    (PRICES, {"low": "NaN", "high": "NaN"}),
], ids=["impossible positions", "amounts that are not numbers"])
def test_forged_entries_are_not_reported(tmp_path: Path, files: dict[str, str],
                                         replacements: Mapping[str, Any]) -> None:
    project = write_project(tmp_path / "prices", {}, files) if files else _copy_of_shop(tmp_path)
    uncached = lint(project)
    lint(project, use_cache=True)
    for entry in _entries(project):
        entry.write_bytes(msgspec.msgpack.encode(
            _forged(msgspec.msgpack.decode(entry.read_bytes()), replacements)))
    cached = lint(project, use_cache=True)
    assert _findings(uncached) and _findings(cached) == _findings(uncached)
    assert uncached.facts and cached.facts == uncached.facts


def test_an_entry_computed_from_other_bytes_is_not_reused(tmp_path: Path) -> None:
    """Whoever can write the cache can give an entry the right key: it must also record
    the digest of the very bytes the run reads."""
    project = _copy_of_shop(tmp_path)
    lint(project, use_cache=True)
    before = set(_entries(project))
    letter = project / LETTER
    letter.write_bytes(letter.read_bytes().replace(b"order.numer", b"order.number"))
    lint(project, use_cache=True)
    (fixed_entry,) = set(_entries(project)) - before
    (stale_entry,) = (entry for entry in before
                      if msgspec.msgpack.decode(entry.read_bytes())[2]["document"]["path"]
                      == LETTER)
    version, _, stale_outcome = msgspec.msgpack.decode(stale_entry.read_bytes())
    fixed_entry.write_bytes(msgspec.msgpack.encode([version, fixed_entry.name, stale_outcome]))
    cached = _findings(lint(project, use_cache=True))
    assert cached == _findings(lint(project))
    assert "TEMPLATE-UNKNOWN-VARIABLE" not in {rule for rule, *_ in cached}


class _TookTooLong(BaseException):
    """Not an Exception: a cache that swallows read errors must not swallow this too."""


def _own_figure(file: str, name: str) -> int:
    """A figure the kernel keeps about this process (`/proc/self/io` `rchar`: bytes read;
    `/proc/self/status` `VmSize`: address space in kB)."""
    lines = Path("/proc/self", file).read_text(encoding="ascii").splitlines()
    return next(int(line.split()[1]) for line in lines if line.startswith(f"{name}:"))


@contextmanager
def _bounded(seconds: int, memory: int) -> Iterator[None]:
    """Stops what runs inside after `seconds` and past `memory` more bytes, instead of
    letting a read of a FIFO hang the tests or one of /dev/zero take the machine's memory."""
    def stop(signum: int, frame: FrameType | None) -> None:
        raise _TookTooLong(f"still running after {seconds} s")

    limits = resource.getrlimit(resource.RLIMIT_AS)
    bound = _own_figure("status", "VmSize") * 1024 + memory
    previous = signal.signal(signal.SIGALRM, stop)
    resource.setrlimit(resource.RLIMIT_AS, (
        bound if limits[1] == resource.RLIM_INFINITY else min(bound, limits[1]), limits[1]))
    signal.alarm(seconds)
    try:
        yield
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)
        resource.setrlimit(resource.RLIMIT_AS, limits)


def _link_to_dev_zero(entry: Path) -> None:
    entry.symlink_to("/dev/zero")


@pytest.mark.skipif(not Path("/proc/self/io").exists(), reason="counts reads in /proc")
@pytest.mark.parametrize("plant", [_link_to_dev_zero, os.mkfifo], ids=["link to /dev/zero",
                                                                       "FIFO"])
def test_an_entry_that_is_a_device_or_a_fifo_costs_nothing(
        tmp_path: Path, plant: Callable[[Path], None]) -> None:
    project = _copy_of_shop(tmp_path)
    expected = _findings(lint(project, use_cache=True))
    for entry in _entries(project):
        entry.unlink()
        plant(entry)
    before = _own_figure("io", "rchar")
    with _bounded(seconds=10, memory=1024 * MB):
        found = _findings(lint(project, use_cache=True))
    assert found == expected
    assert _own_figure("io", "rchar") - before < 16 * MB


def _check_json(project: Path, *options: str) -> tuple[int, list[dict[str, Any]]]:
    result = CliRunner().invoke(app, ["check", str(project), "--format", "json", "--today",
                                      TODAY.isoformat(), "--quiet", *options])
    findings: list[dict[str, Any]] = json.loads(result.stdout)["findings"] if (
        result.stdout) else []
    return result.exit_code, findings


def test_dask_workers_with_the_cache_on_give_the_same_report(tmp_path: Path) -> None:
    project = _copy_of_shop(tmp_path)
    code, findings = _check_json(project, "--no-cache", "--jobs", "1")
    assert code == 1 and [finding["rule"] for finding in findings] == [
        "TEMPLATE-UNKNOWN-VARIABLE", "FRESHNESS-NO-OWNER"]
    assert _check_json(project, "--executor", "dask", "--jobs", "1") == (code, findings)
