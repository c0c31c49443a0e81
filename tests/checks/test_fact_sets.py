"""Set-valued facts compared by membership: a multi-channel project with a registry."""

from __future__ import annotations

import shutil
from pathlib import Path

from consistency_lint.model import Category
from tests.conftest import lint

FIXTURE = Path(__file__).parents[1] / "fixtures" / "projects" / "sets"
SETS = ("payment_methods", "payment_processors", "carriers", "delivery_countries",
        "pickup_options")


def _project(tmp_path: Path) -> Path:
    return Path(shutil.copytree(FIXTURE, tmp_path / "sets"))


def test_members_outside_the_registry_and_an_incomplete_list_are_found(tmp_path: Path) -> None:
    """Raty in the call script and Germany on the delivery page are not offered by the
    registry; the FAQ's answer "Akceptujemy…" presents a whole list without cash on
    delivery, which the FAQ offers nowhere else. Nothing else: the one method mentioned in
    passing ("zapłacić BLIK-iem"), the negated countries and PayPal, the question "Czy
    przyjmujecie PayPal?" and the methods a refund goes back by ("zwrot", "oddamy") are no
    offers."""
    result = lint(_project(tmp_path))
    assert [(f.rule, f.category, f.path, f.span.line, f.span.column)
            for f in result.findings] == [
        ("FACT-SET-MISMATCH", Category.FACT_MISMATCH, "faq/platnosci.yaml", 2, 33),
        ("FACT-SET-MISMATCH", Category.FACT_MISMATCH, "kb/skrypt.txt", 5, 79),
        ("FACT-SET-MISMATCH", Category.FACT_MISMATCH, "web/dostawa.md", 5, 21),
    ]
    assert "leaves out za pobraniem" in result.findings[0].message
    assert result.findings[2].related[0].path == "facts.yaml"


def test_inflected_forms_are_the_same_member(tmp_path: Path) -> None:
    facts = {(fact.path, fact.span.line, fact.text, fact.value.text)
             for fact in lint(_project(tmp_path)).facts if fact.attribute in SETS}
    assert {("web/regulamin.md", 5, "kartę płatniczą", "karta płatnicza"),
            ("web/regulamin.md", 5, "płatność przy odbiorze", "za pobraniem"),
            ("web/regulamin.md", 10, "Czech", "Czechy"),
            ("web/regulamin.md", 11, "Słowacji", "Słowacja"),
            ("faq/platnosci.yaml", 2, "BLIK", "BLIK"),
            ("faq/platnosci.yaml", 4, "BLIK", "BLIK"),
            ("web/dostawa.md", 3, "paczkomatu InPost", "InPost"),
            ("web/dostawa.md", 3, "paczkomatu InPost", "paczkomat")} <= facts
    negated_or_asked = {("web/dostawa.md", 7), ("faq/platnosci.yaml", 5),
                        ("faq/platnosci.yaml", 6), ("faq/platnosci.yaml", 8)}
    assert not {(path, line) for path, line, _, _ in facts} & negated_or_asked


def test_without_a_registry_the_terms_complete_lists_are_the_reference(
        tmp_path: Path) -> None:
    project = _project(tmp_path)
    (project / "facts.yaml").write_text("subjects: {}\nfacts: []\n", encoding="utf-8")
    assert [(f.rule, f.path, f.span.line) for f in lint(project).findings] == [
        ("FACT-SET-MISMATCH", "faq/platnosci.yaml", 2),  # cash on delivery left out
        ("FACT-SET-MISMATCH", "kb/skrypt.txt", 5),
        ("FACT-SET-MISMATCH", "web/dostawa.md", 5),
    ]


def test_a_list_redeclared_as_text_stays_a_list(tmp_path: Path) -> None:
    """A registry that declares `payment_methods` as a `text` attribute (the contract names no
    `set` type) still means the list: its members are read and compared as members, not the
    whole list as one string against every page that names one method."""
    project = _project(tmp_path)
    plain = {(f.rule, f.path, f.span.line) for f in lint(project).findings}
    registry = (project / "facts.yaml").read_text(encoding="utf-8")
    (project / "facts.yaml").write_text(
        registry + "attributes:\n  payment_methods:\n    type: text\n    scope: company\n"
        "    cues: [\"formy płatności\"]\n", encoding="utf-8")
    result = lint(project)
    assert [fact for fact in result.facts
            if fact.attribute == "payment_methods" and fact.value.type.value == "set"]
    assert {(f.rule, f.path, f.span.line) for f in result.findings} == plain


def test_a_list_named_in_the_singular_is_the_list(tmp_path: Path) -> None:
    """A registry written from the contract alone may name a list in the singular
    (`payment_method`, `carrier`, `delivery_country`, `payment_processor`) as a custom `text`
    attribute: its facts are the built-in list's, and the findings stay the same."""
    project = _project(tmp_path)
    plain = {(f.rule, f.path, f.span.line) for f in lint(project).findings}
    registry = (project / "facts.yaml").read_text(encoding="utf-8")
    for plural, singular in (("payment_methods", "payment_method"), ("carriers", "carrier"),
                             ("delivery_countries", "delivery_country"),
                             ("payment_processors", "payment_processor")):
        registry = registry.replace(f"attribute: {plural},", f"attribute: {singular},")
        registry += f"  {singular}: {{type: text, scope: company}}\n"
    (project / "facts.yaml").write_text(
        registry.replace("  payment_method: {", "attributes:\n  payment_method: {", 1),
        encoding="utf-8")
    assert {(f.rule, f.path, f.span.line) for f in lint(project).findings} == plain
