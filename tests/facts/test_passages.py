"""Stale copies: near-duplicate sentences across channels with another number or negation."""

from pathlib import Path

from consistency_lint.model import Finding
from tests.conftest import keys, lint, write_project

SENTENCE = "Zamówienia opłacone do godziny 14:00 wysyłamy kurierem tego samego dnia roboczego."
CONFIG = {"version": 1, "channels": {"web": {"loader": "text", "paths": ["web/*.txt"]},
                                     "kb": {"loader": "text", "paths": ["kb/*.txt"]}}}


def _stale(tmp_path: Path, web: str, kb: str) -> list[tuple[str, str, str, int]]:
    write_project(tmp_path, CONFIG, {"web/a.txt": web + "\n", "kb/b.txt": kb + "\n"})
    return [key for key in keys(lint(tmp_path).findings) if key[0] == "FACT-STALE-COPY"]


def test_a_changed_clock_time_is_a_stale_copy(tmp_path: Path) -> None:
    assert _stale(tmp_path, SENTENCE, SENTENCE.replace("14:00", "12:00")) == [
        ("FACT-STALE-COPY", "fact-mismatch", "kb/b.txt", 1)]


def test_a_dropped_negation_is_a_stale_copy(tmp_path: Path) -> None:
    web = "Produktów z wyprzedaży nie można zwrócić w sklepie stacjonarnym bez paragonu."
    kb = "Produktów z wyprzedaży można zwrócić w sklepie stacjonarnym bez paragonu."
    assert _stale(tmp_path, web, kb) == [("FACT-STALE-COPY", "fact-mismatch", "kb/b.txt", 1)]


def test_same_values_written_differently_are_not_a_stale_copy(tmp_path: Path) -> None:
    web = "W sprawie zamówienia prosimy dzwonić na infolinię pod numer 22 350 40 50 codziennie."
    kb = "W sprawie zamówienia prosimy dzwonić na infolinię pod numer +48 22 350 40 50 codziennie."
    assert _stale(tmp_path, web, kb) == []


def test_different_sentences_with_different_numbers_are_not_compared(tmp_path: Path) -> None:
    web = "Sofa Lido ma trzy lata gwarancji i darmowy montaż w całej Polsce od zaraz."
    kb = "Zamówienia opłacone do godziny 12:00 wysyłamy kurierem tego samego dnia roboczego."
    assert _stale(tmp_path, web, kb) == []


def _stale_findings(tmp_path: Path, files: dict[str, str], *,
                    html_first: bool = True) -> list[Finding]:
    channels = {"web": {"loader": "html", "paths": ["web/*.html"]},
                "kb": {"loader": "text", "paths": ["kb/*.txt"]}}
    ordered = channels if html_first else dict(reversed(channels.items()))
    write_project(tmp_path, {"version": 1, "channels": ordered}, files)
    return [f for f in lint(tmp_path).findings if f.rule == "FACT-STALE-COPY"]


WRAPPED = ("<html><body>\n<p>Zamówienia opłacone do godziny\n14:00 wysyłamy kurierem tego samego"
           "\ndnia roboczego.</p>\n</body></html>\n")


def test_a_stale_copy_names_the_line_of_the_differing_value_in_a_wrapped_sentence(
        tmp_path: Path) -> None:
    found = _stale_findings(tmp_path, {"web/a.html": WRAPPED,
                                       "kb/b.txt": SENTENCE.replace("14:00", "12:00") + "\n"})
    assert keys(found) == [("FACT-STALE-COPY", "fact-mismatch", "kb/b.txt", 1)]
    assert [(r.path, r.line) for r in found[0].related] == [("web/a.html", 3)]
    assert "web/a.html:3 (web)" in found[0].message


def test_the_copy_that_differs_from_the_others_is_reported_once(tmp_path: Path) -> None:
    config = {"version": 1, "channels": {channel: {"loader": "text", "paths": [f"{channel}/*.txt"]}
                                         for channel in ("web", "kb", "app")}}
    write_project(tmp_path, config, {"web/a.txt": SENTENCE.replace("14:00", "12:00") + "\n",
                                     "kb/b.txt": SENTENCE + "\n", "app/c.txt": SENTENCE + "\n"})
    found = [f for f in lint(tmp_path).findings if f.rule == "FACT-STALE-COPY"]
    assert keys(found) == [("FACT-STALE-COPY", "fact-mismatch", "web/a.txt", 1)]
    assert [r.path for r in found[0].related] == ["kb/b.txt"]


def test_a_wrapped_stale_copy_names_its_own_differing_line(tmp_path: Path) -> None:
    found = _stale_findings(tmp_path, {"web/a.html": WRAPPED.replace("14:00", "12:00"),
                                       "kb/b.txt": SENTENCE + "\n"}, html_first=False)
    assert keys(found) == [("FACT-STALE-COPY", "fact-mismatch", "web/a.html", 2)]
    assert [(r.path, r.line) for r in found[0].related] == [("kb/b.txt", 1)]
    assert "different number or negation at line 3:" in found[0].message
