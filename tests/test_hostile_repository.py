"""A content repository written by an attacker (CI lints pull requests): nothing in it may
crash, hang or alter a run, read outside the project or write where it must not."""

from __future__ import annotations

import os
from collections import Counter
from pathlib import Path

from consistency_lint.model import ProblemKind
from tests.conftest import FIXTURES, keys, lint, single_channel_config, write_project

TERMS_FRAGMENT = (FIXTURES / "hostile" / "regulamin-fragment.txt").read_text(encoding="utf-8")
LEGAL = ["builtin:pl-consumer-rights-2014"]


def _terms_project(root: Path, copies: int) -> Path:
    config = {**single_channel_config("text", "*.txt", doc_types={"terms": ["*.txt"]}),
              "rules": LEGAL}
    return write_project(root, config, {"regulamin.txt": TERMS_FRAGMENT * copies})


def test_a_50_000_word_terms_document_is_checked_like_its_parts(tmp_path: Path) -> None:
    copies = 207
    assert len((TERMS_FRAGMENT * copies).split()) > 50_000
    one = Counter(f.rule for f in lint(_terms_project(tmp_path / "one", 1)).findings)
    many = Counter(f.rule for f in lint(_terms_project(tmp_path / "many", copies)).findings)
    assert one == {"FACT-CHANNEL-MISMATCH": 4, "PL-CRA-WITHDRAWAL-PERIOD-SHORT": 1,
                   "PL-CRA-REFUND-VOUCHER-ONLY": 1}
    assert many == {rule: count * copies for rule, count in one.items()}


def test_a_pipe_matched_by_a_channel_is_refused_not_waited_for(tmp_path: Path) -> None:
    write_project(tmp_path, single_channel_config("text", "*.txt"), {"a.txt": "Treść."})
    os.mkfifo(tmp_path / "pipe.txt")
    result = lint(tmp_path, use_cache=True)
    assert keys(result.findings) == [("INPUT-UNREADABLE", "input", "pipe.txt", 1)]
    assert "not a regular file" in result.findings[0].message


def test_a_link_to_a_device_is_refused(tmp_path: Path) -> None:
    write_project(tmp_path, single_channel_config("text", "*.txt"), {"a.txt": "Treść."})
    (tmp_path / "zero.txt").symlink_to("/dev/zero")
    (tmp_path / "passwd.txt").symlink_to("/etc/passwd")
    result = lint(tmp_path, use_cache=True)
    assert keys(result.findings) == [("INPUT-UNREADABLE", "input", "passwd.txt", 1),
                                     ("INPUT-UNREADABLE", "input", "zero.txt", 1)]
    assert {document.path: document.words for document in result.documents} == {
        "a.txt": 1, "passwd.txt": 0, "zero.txt": 0}


def test_a_link_to_a_file_beside_the_project_is_not_read(tmp_path: Path) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text("Tajne hasło: kot123.", encoding="utf-8")
    project = write_project(tmp_path / "shop", single_channel_config("text", "*.txt"),
                            {"a.txt": "Treść."})
    (project / "b.txt").symlink_to(secret)
    result = lint(project)
    assert keys(result.findings) == [("INPUT-UNREADABLE", "input", "b.txt", 1)]
    assert all("kot123" not in str(item) for item in (*result.findings, *result.documents))
    assert [d.problems[0].kind for d in result.documents if d.path == "b.txt"] == [
        ProblemKind.UNREADABLE]
