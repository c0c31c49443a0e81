"""Tables, labelled variants and the monthly/yearly pair: one changed value is one finding at
its place, and values that legitimately differ (two carriers, two plans) are none.

The project is `tests/fixtures/variants` (a flower subscription shop); each case changes one
value in a copy of it.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from consistency_lint.facts.variants import labels_match
from tests.conftest import edited_copy, keys, lint

FIXTURE = Path(__file__).parent.parent / "fixtures" / "variants"
MISMATCH = "fact-mismatch"
REGISTRY = ("FACT-REGISTRY-MISMATCH", MISMATCH)


def _mismatches(tmp_path: Path, path: str = "", old: str = "", new: str = "",
                count: int = 1) -> list[tuple[str, str, str, int]]:
    """The fact mismatches of the fixture with `old` replaced by `new` (`count` times) in
    the file `path`."""
    project = edited_copy(FIXTURE, tmp_path, path, old, new, count)
    return [key for key in keys(lint(project).findings) if key[1] == MISMATCH]


def test_the_unchanged_project_has_no_mismatch(tmp_path: Path) -> None:
    assert _mismatches(tmp_path) == []


@pytest.mark.parametrize(("path", "old", "new", "line"), [
    ("web/cennik.html", "<td>490 zł</td>", "<td>520 zł</td>", 11),
    ("web/cennik.html", "<td>89 zł</td>", "<td>99 zł</td>", 12),
    ("kb/abonament.md", "| 490 zł |", "| 520 zł |", 7),
    ("kb/abonament.md", "| Bukiet Maxi | 89 zł |", "| Bukiet Maxi | 99 zł |", 8),
])
def test_a_changed_table_cell_is_read_with_its_row_and_column(
        tmp_path: Path, path: str, old: str, new: str, line: int) -> None:
    assert _mismatches(tmp_path, path, old, new) == [(*REGISTRY, path, line)]


@pytest.mark.parametrize(("old", "new", "line"), [
    ("lub 490 zł rocznie", "lub 520 zł rocznie", 15),
    ("Maxi – 89 zł", "Maxi – 99 zł", 15),
    ("lub 890 zł rocznie", "lub 990 zł rocznie", 16),
])
def test_each_plan_of_a_sentence_keeps_its_monthly_and_yearly_price(
        tmp_path: Path, old: str, new: str, line: int) -> None:
    """"Bukiet Mini – 49 zł miesięcznie lub 490 zł rocznie, Bukiet Maxi – …": the yearly price
    takes the cue right after it, not the monthly one before it; each price the plan named
    before it."""
    assert _mismatches(tmp_path, "web/cennik.html", old, new) == [
        (*REGISTRY, "web/cennik.html", line)]


def test_the_yearly_price_after_a_monthly_one_is_the_yearly_price(tmp_path: Path) -> None:
    assert _mismatches(tmp_path, "kb/abonament.md", "albo 890 zł", "albo 990 zł") == [
        (*REGISTRY, "kb/abonament.md", 3)]


@pytest.mark.parametrize(("path", "old", "new", "line"), [
    ("web/dostawa.html", "DPD 16,99 zł", "DPD 18,99 zł", 6),
    ("web/dostawa.html", "<td>16,99 zł</td>", "<td>18,99 zł</td>", 11),
    ("web/dostawa.html", "<td>12,99 zł</td>", "<td>11,99 zł</td>", 10),
    ("kb/dostawa.md", "DPD – 16,99 zł", "DPD – 18,99 zł", 3),
])
def test_carriers_that_differ_are_variants_each_compared_with_its_own_label(
        tmp_path: Path, path: str, old: str, new: str, line: int) -> None:
    """InPost and DPD cost differently, in a sentence, a list and a table (no finding); one
    carrier stated at another price than the registry's price for it is a finding, though
    the other costs what it says. Countries the registry does not list stay apart."""
    assert _mismatches(tmp_path, path, old, new) == [(*REGISTRY, path, line)]


def test_a_registry_label_without_a_counterpart_is_compared_with_the_plain_value(
        tmp_path: Path) -> None:
    """A carrier (or a country) the registry does not list is compared with the plain
    value, when there is one: GLS at 15,99 zł, and the two countries, against 14,99 zł."""
    project = tmp_path / "project"
    shutil.copytree(FIXTURE, project)
    registry = project / "facts.yaml"
    registry.write_text(registry.read_text(encoding="utf-8") + (
        '  - {subject: shop, attribute: delivery_cost, value: "14,99 zł"}\n'), encoding="utf-8")
    page = project / "web" / "dostawa.html"
    page.write_text(page.read_text(encoding="utf-8").replace("DPD 16,99", "GLS 15,99"),
                    encoding="utf-8")
    assert [key for key in keys(lint(project).findings) if key[1] == MISMATCH] == [
        (*REGISTRY, "kb/dostawa.md", 3), (*REGISTRY, "web/dostawa.html", 6),
        (*REGISTRY, "web/dostawa.html", 7), (*REGISTRY, "web/dostawa.html", 7)]


WITHOUT_REGISTRY = FIXTURE.parent / "variants-without-registry"


@pytest.mark.parametrize(("path", "old", "new", "line"), [
    ("", "", "", 0),
    ("web/dostawa.html", "Paczkomat InPost – 12,99 zł", "Paczkomat InPost – 13,99 zł", 2),
    ("kb/dostawa.md", "| Kurier DPD | 15,99 zł |", "| Kurier DPD | 17,99 zł |", 7),
])
def test_without_a_registry_each_carrier_and_country_is_compared_with_its_own(
        tmp_path: Path, path: str, old: str, new: str, line: int) -> None:
    """Carriers and countries listed in a sentence, a list and a table, on two channels,
    cost differently and contradict nothing; "Paczkomat InPost" on one page and "InPost"
    on another are one variant, so changing one price is one finding, at its place."""
    project = tmp_path / "project"
    shutil.copytree(WITHOUT_REGISTRY, project)
    if path:
        target = project / path
        target.write_text(target.read_text(encoding="utf-8").replace(old, new), encoding="utf-8")
    found = [key for key in keys(lint(project).findings) if key[1] == MISMATCH]
    assert found == ([("FACT-CHANNEL-MISMATCH", MISMATCH, path, line)] if path else [])


@pytest.mark.parametrize(("stated", "found"), [
    ("16,99 zł", []),  # DPD's price, the carrier named in the sentence before
    ("14,99 zł", []),  # the plain value
    ("17,99 zł", [(*REGISTRY, "kb/kurier.md", 3)]),  # no variant's price
])
def test_a_statement_that_names_no_variant_agrees_with_any_of_them(
        tmp_path: Path, stated: str, found: list[tuple[str, str, str, int]]) -> None:
    project = tmp_path / "project"
    shutil.copytree(FIXTURE, project)
    registry = project / "facts.yaml"
    registry.write_text(registry.read_text(encoding="utf-8") + (
        '  - {subject: shop, attribute: delivery_cost, value: "14,99 zł"}\n'), encoding="utf-8")
    (project / "kb" / "kurier.md").write_text(
        f"# Kurier\n\nBukiety większe niż Maxi wozi DPD. Dostawa kosztuje wtedy {stated}.\n",
        encoding="utf-8")
    assert [key for key in keys(lint(project).findings)
            if key[1] == MISMATCH and key[2] == "kb/kurier.md"] == found


@pytest.mark.parametrize(("stated", "declared", "match"), [
    ("czech dhl dpd", "czechy", True),  # the tagger's lemma of "w Czechach", and the registry's
    ("inpost paczkomat", "paczkomat", True),
    ("raben", "czechy", False),
    ("słowacja", "czechy słowacja", True),
])
def test_a_label_names_a_variant_whatever_the_form_of_its_words(
        stated: str, declared: str, match: bool) -> None:
    assert labels_match(stated, declared) is match
