"""Hostile or broken content never crashes a run: it becomes an `input` finding."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from tests.conftest import keys, lint, single_channel_config

HTML = single_channel_config("html", "**/*.html")


def test_binary_data_named_html(project: Callable[..., Path]) -> None:
    root = project(HTML, {"logo.html": b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00"})
    assert keys(lint(root).findings) == [("INPUT-NOT-TEXT", "input", "logo.html", 1)]


def test_invalid_utf8_that_is_no_polish_encoding(project: Callable[..., Path]) -> None:
    root = project(HTML, {"bad.html": bytes([0xFF, 0xFE, 0xFA, 0x81, 0x90, 0x98] * 20)})
    assert keys(lint(root).findings) == [("INPUT-NOT-TEXT", "input", "bad.html", 1)]


def test_windows_1250_page_is_read_correctly(project: Callable[..., Path]) -> None:
    page = "<p>Zwrot w ciągu 14 dni – dziękujemy.</p>".encode("cp1250")
    root = project(HTML, {"zwroty.html": page})
    result = lint(root)
    assert result.findings == ()
    assert result.documents[0].segments[0].text == "Zwrot w ciągu 14 dni – dziękujemy."


def test_empty_file(project: Callable[..., Path]) -> None:
    root = project(HTML, {"pusta.html": ""})
    assert keys(lint(root).findings) == [("INPUT-EMPTY", "input", "pusta.html", 1)]


def test_fifty_megabyte_page_is_refused_without_reading_it_whole(
    project: Callable[..., Path],
) -> None:
    root = project(HTML, {"ok.html": "<p>Mała strona.</p>"})
    with (root / "huge.html").open("wb") as handle:
        handle.truncate(50 * 1024 * 1024)
    assert keys(lint(root).findings) == [("INPUT-TOO-LARGE", "input", "huge.html", 1)]


def test_yaml_alias_bomb_in_faq_content(project: Callable[..., Path]) -> None:
    levels = ["a: &a [x, x, x, x, x, x, x, x, x, x]"] + [
        f"{chr(98 + i)}: &{chr(98 + i)} [" + ", ".join([f"*{chr(97 + i)}"] * 10) + "]"
        for i in range(8)
    ]
    root = project(single_channel_config("faq", "*.yaml"), {"faq.yaml": "\n".join(levels)})
    findings = lint(root).findings
    assert keys(findings) == [("INPUT-MALFORMED", "input", "faq.yaml", 6)]
    assert "refusing to read it" in findings[0].message


def test_symlink_loops_neither_hang_nor_crash(project: Callable[..., Path]) -> None:
    root = project(HTML, {"web/index.html": "<p>Start</p>"})
    (root / "web" / "loop").symlink_to("..", target_is_directory=True)
    (root / "web" / "a.html").symlink_to("b.html")
    (root / "web" / "b.html").symlink_to("a.html")
    assert keys(lint(root).findings) == [
        ("INPUT-UNREADABLE", "input", "web/a.html", 1),
        ("INPUT-UNREADABLE", "input", "web/b.html", 1),
    ]


def test_symlink_to_a_file_outside_the_project_is_not_read(
    project: Callable[..., Path], tmp_path: Path
) -> None:
    secret = tmp_path / "secret.html"
    secret.write_text("<p>tajne</p>", encoding="utf-8")
    root = project(HTML, {"index.html": "<p>Start</p>"})
    (root / "leak.html").symlink_to(secret)
    findings = lint(root).findings
    assert keys(findings) == [("INPUT-UNREADABLE", "input", "leak.html", 1)]
    assert "outside the project" in findings[0].message


def test_unreadable_file_does_not_stop_the_run(project: Callable[..., Path]) -> None:
    root = project(HTML, {"a.html": "<p>A</p>", "b.html": "<p>B</p>"})
    (root / "c.html").symlink_to("missing.html")
    result = lint(root)
    assert keys(result.findings) == [("INPUT-UNREADABLE", "input", "c.html", 1)]
    assert [d.words for d in result.documents] == [1, 1, 0]
