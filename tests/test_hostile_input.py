"""Hostile input never crashes a run, hangs it, or changes a content file."""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import zipfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from consistency_lint.cli import app
from consistency_lint.config import load_config
from consistency_lint.discovery import discover
from consistency_lint.errors import ConfigError
from consistency_lint.loaders import PARSERS, LoadRequest, load_document
from consistency_lint.model import Document, ProblemKind
from tests.conftest import keys, lint, single_channel_config, write_project

MARKUP = "<>/{}%#-:[]!&;\n\t abcąę\"'=*|_.01"
SAMPLES = Path(__file__).parent.parent / "samples"
SUFFIXES = {"html": "x.html", "markdown": "x.md", "faq": "x.yaml", "template": "x.txt.j2",
            "docx": "x.docx", "text": "x.txt"}


def _load(tmp_path: Path, loader: str, raw: bytes) -> Document:
    path = tmp_path / SUFFIXES[loader]
    path.write_bytes(raw)
    return load_document(LoadRequest(path, path.name, "c", loader, "pl", None, 10 * 2**20))


@pytest.mark.parametrize("loader", sorted(PARSERS))
@settings(max_examples=60, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(raw=st.one_of(st.binary(max_size=400), st.text(alphabet=MARKUP, max_size=400).map(
    lambda text: text.encode("utf-8"))))
def test_every_loader_survives_arbitrary_input(tmp_path: Path, loader: str, raw: bytes) -> None:
    document = _load(tmp_path, loader, raw)
    assert isinstance(document, Document)
    for segment in document.segments:
        for anchor in segment.anchors:
            assert anchor.line >= 1 and anchor.column >= 1


def test_zip_bomb_word_document_is_refused(tmp_path: Path) -> None:
    bomb = tmp_path / "bomb.docx"
    with (zipfile.ZipFile(bomb, "w", compression=zipfile.ZIP_DEFLATED,
                          compresslevel=1) as archive,
          archive.open("word/document.xml", "w", force_zip64=True) as member):
        for _ in range(210):
            member.write(b"\0" * 2**20)
    assert bomb.stat().st_size < 2 * 2**20
    document = load_document(LoadRequest(bomb, "bomb.docx", "c", "docx", "pl", None, 10 * 2**20))
    (problem,) = document.problems
    assert problem.kind is ProblemKind.TOO_LARGE and "unpacks to 210 MB" in problem.message


def test_hundred_thousand_entry_faq_is_read(tmp_path: Path) -> None:
    entries = "".join(f"- question: Pytanie {i}?\n  answer: Odpowiedź {i}.\n"
                      for i in range(100_000))
    document = _load(tmp_path, "faq", entries.encode("utf-8"))
    assert len(document.segments) == 200_000 and document.problems == ()
    assert document.segments[-1].anchors[0].line == 200_000


def test_rule_packs_accept_no_regular_expressions(tmp_path: Path) -> None:
    pack = ("pack: p\nrules:\n  - id: HOUSE-REGEX\n    category: tone\n    message: m\n"
            "    why: w\n    forbid:\n      regex: '(a+)+$'\n")
    config = {"version": 1, "rules": ["p.yaml"],
              "channels": {"docs": {"loader": "text", "paths": ["*.txt"]}}}
    write_project(tmp_path, config, {"p.yaml": pack, "a.txt": "a" * 50 + "!"})
    with pytest.raises(ConfigError) as caught:
        lint(tmp_path)
    assert (caught.value.path, caught.value.line) == ("p.yaml", 8)
    assert "regex: Extra inputs are not permitted" in caught.value.message


def test_yaml_alias_bomb_in_a_rule_pack_is_refused(tmp_path: Path) -> None:
    bomb = "a: &a [x, x, x, x, x, x, x, x, x, x]\n" + "".join(
        f"{chr(98 + i)}: &{chr(98 + i)} [" + ", ".join([f"*{chr(97 + i)}"] * 10) + "]\n"
        for i in range(8))
    config = {"version": 1, "rules": ["p.yaml"],
              "channels": {"docs": {"loader": "text", "paths": ["*.txt"]}}}
    write_project(tmp_path, config, {"p.yaml": bomb, "a.txt": "Treść."})
    with pytest.raises(ConfigError, match="refusing to read it"):
        lint(tmp_path)


def test_a_file_that_disappears_before_it_is_read(tmp_path: Path) -> None:
    write_project(tmp_path, single_channel_config("text", "*.txt"), {"a.txt": "Treść."})
    (request,) = discover(load_config(tmp_path))
    (tmp_path / "a.txt").unlink()
    (problem,) = load_document(request).problems
    assert problem.kind is ProblemKind.UNREADABLE


def test_file_names_with_spaces_polish_letters_and_leading_dashes(tmp_path: Path) -> None:
    files = {"web/zwroty ąę.txt": "Zwrot towaru możliwy w ciągu 7 dni.\n",
             "web/-promo.txt": "Zwrot towaru możliwy w ciągu 5 dni.\n"}
    config = {**single_channel_config("text", "web/*.txt"),
              "rules": ["builtin:pl-consumer-rights-2014"]}
    write_project(tmp_path, config, files)
    assert [key for key in keys(lint(tmp_path).findings) if key[0].startswith("PL-")] == [
        ("PL-CRA-WITHDRAWAL-PERIOD-SHORT", "legal-prohibited", "web/-promo.txt", 1),
        ("PL-CRA-WITHDRAWAL-PERIOD-SHORT", "legal-prohibited", "web/zwroty ąę.txt", 1),
    ]
    only = lint(tmp_path, only=("web/zwroty ąę.txt",)).findings
    assert {finding.path for finding in only} == {"web/zwroty ąę.txt"}


def test_a_run_changes_no_content_file(tmp_path: Path) -> None:
    def snapshot() -> dict[str, str]:
        return {str(path.relative_to(SAMPLES)): hashlib.sha256(path.read_bytes()).hexdigest()
                for path in sorted(SAMPLES.rglob("*")) if path.is_file()}

    before = snapshot()
    lint(SAMPLES)
    assert snapshot() == before


def test_a_file_that_changes_while_the_run_reads_it(tmp_path: Path) -> None:
    write_project(tmp_path, single_channel_config("text", "*.txt"),
                  {"grows.txt": "Treść.", "becomes-a-folder.txt": "Treść."})
    grows, becomes_a_folder = sorted(discover(load_config(tmp_path)),
                                     key=lambda request: request.relative_path, reverse=True)
    (tmp_path / "grows.txt").write_bytes(b"x" * (grows.max_bytes + 1))
    (tmp_path / "becomes-a-folder.txt").unlink()
    (tmp_path / "becomes-a-folder.txt").mkdir()
    assert [problem.kind for problem in load_document(grows).problems] == [ProblemKind.TOO_LARGE]
    assert [problem.kind for problem in load_document(becomes_a_folder).problems] == [
        ProblemKind.UNREADABLE]


@pytest.mark.skipif(os.geteuid() == 0, reason="root writes into read-only directories anyway")
def test_a_read_only_project_is_checked_without_a_cache(tmp_path: Path) -> None:
    project = tmp_path / "shop"
    shutil.copytree(SAMPLES, project)
    folders = [project, *(path for path in project.rglob("*") if path.is_dir())]
    for folder in folders:
        folder.chmod(0o555)
    try:
        result = CliRunner().invoke(app, ["check", str(project), "--format", "json",
                                          "--today", "2026-11-30"])
    finally:
        for folder in folders:
            folder.chmod(0o755)
    assert result.exit_code == 1
    assert len(json.loads(result.stdout)["findings"]) == len(lint(SAMPLES).findings)
    assert not (project / ".consistency-lint-cache").exists()
