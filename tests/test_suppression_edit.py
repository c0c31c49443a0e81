"""The language server's "Silence it here" quick fix: the comment line it inserts silences
the finding (no SUPPRESSION-UNUSED, the finding gone) and is offered only where a line of
comment changes nothing a reader sees."""

from __future__ import annotations

from pathlib import Path

import pytest

from consistency_lint.lsp.suppression_edit import suppression_insertion
from tests.conftest import lint, single_channel_config, write_project

TYPO = "dziekujemy"
COMMENT = "<!-- consistency-lint: disable=SPELLING-UNKNOWN-WORD -- reason -->"


def _project(tmp_path: Path, loader: str, name: str, text: str) -> Path:
    return write_project(tmp_path / "p", single_channel_config(loader, name), {name: text})


def _insert(tmp_path: Path, loader: str, name: str, text: str) -> str | None:
    """The file after the quick fix for its one spelling finding; None when none is offered."""
    project = _project(tmp_path, loader, name, text)
    result = lint(project)
    [finding] = [f for f in result.findings if f.rule == "SPELLING-UNKNOWN-WORD"]
    [document] = result.documents
    insertion = suppression_insertion(document, finding, text.split("\n"))
    if insertion is None:
        return None
    lines = text.split("\n")
    lines.insert(insertion.line - 1, insertion.text.removesuffix("\n"))
    return "\n".join(lines)


@pytest.mark.parametrize(("loader", "name", "text", "expected"), [
    ("markdown", "a.md", f"# A\n\nPierwszy akapit.\n\n{TYPO.title()} za zakupy\ni do zobaczenia.\n",
     f"# A\n\nPierwszy akapit.\n\n{COMMENT}\n{TYPO.title()} za zakupy\ni do zobaczenia.\n"),
    ("html", "a.html", f"<html><body>\n  <p>Sklep.</p>\n  <p>Bardzo {TYPO}.</p>\n</body></html>\n",
     f"<html><body>\n  <p>Sklep.</p>\n  {COMMENT}\n  <p>Bardzo {TYPO}.</p>\n</body></html>\n"),
    ("faq", "faq.md", f"# FAQ\n\n## Czy wysyłacie?\nTak, {TYPO}.\n",
     f"# FAQ\n\n## Czy wysyłacie?\n{COMMENT}\nTak, {TYPO}.\n"),
    ("template", "a.txt.j2", f"Dzień dobry,\n\n  {TYPO.title()} za zamówienie.\n",
     "Dzień dobry,\n\n  {# consistency-lint: disable=SPELLING-UNKNOWN-WORD -- reason -#}\n"
     f"  {TYPO.title()} za zamówienie.\n"),
])
def test_the_comment_silences_the_finding_and_nothing_else(
        tmp_path: Path, loader: str, name: str, text: str, expected: str) -> None:
    edited = _insert(tmp_path, loader, name, text)
    assert edited == expected
    (tmp_path / "p" / name).write_text(edited, encoding="utf-8")
    result = lint(tmp_path / "p")
    assert [f.rule for f in result.findings] == []
    assert [entry.finding.rule for entry in result.suppressed] == ["SPELLING-UNKNOWN-WORD"]


def test_a_jinja_comment_line_renders_as_nothing() -> None:
    import jinja2
    edited = ("Dzień dobry,\n\n  {# consistency-lint: disable=X -- reason -#}\n"
              "  Dziękujemy za zamówienie.\n")
    assert jinja2.Template(edited, keep_trailing_newline=True).render() == \
        "Dzień dobry,\n\n  Dziękujemy za zamówienie.\n"


@pytest.mark.parametrize(("loader", "name", "text"), [
    ("markdown", "a.md", f"# A\n\n| a | b |\n|---|---|\n| {TYPO} | x |\n"),  # a table row
    ("markdown", "a.md", f"# A\n\n- pierwszy\n- {TYPO}\n"),  # a list item
    ("markdown", "a.md", f"# A\n\n> {TYPO} za zakupy\n"),  # a quotation
    ("faq", "a.yaml", f"- question: Czy?\n  answer: |\n    Tak, {TYPO}.\n"),  # a block answer
    ("markdown", "a.md", f"# A\n\n![logo](x.png)\n{TYPO} za zakupy\n"),  # a paragraph under way
    ("html", "a.html", f'<body>\n<p\n  class="x">{TYPO} za zakupy</p>\n</body>\n'),  # in a tag
    ("html", "a.html", f"<body>\n<pre>\n{TYPO} za zakupy\n</pre>\n</body>\n"),  # shown as is
    ("html", "a.html", f"<body><form>\n<textarea>\n{TYPO}</textarea>\n</form></body>\n"),
    ("template", "a.txt.j2", f"{{% raw %}}\n{TYPO} za zakupy\n{{% endraw %}}\n"),
    ("template", "a.txt.j2", f"{{% if vip\n   %}}{TYPO} za zakupy{{% endif %}}\n"),
])
def test_no_comment_line_where_it_would_change_what_is_read(
        tmp_path: Path, loader: str, name: str, text: str) -> None:
    assert _insert(tmp_path, loader, name, text) is None
