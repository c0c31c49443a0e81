from datetime import date
from pathlib import Path

import pytest

from consistency_lint.config import load_config
from consistency_lint.errors import ConfigError
from consistency_lint.facts.registry import Registry, load_registry
from tests.conftest import write_project

SUBJECTS = "subjects:\n  shop: {name: Sklep Meblino}\n  lido: {name: Sofa Lido}\n"


def _registry_error(tmp_path: Path, text: str) -> ConfigError:
    config = {"version": 1, "facts": "facts.yaml",
              "channels": {"web": {"loader": "text", "paths": ["*.txt"]}}}
    write_project(tmp_path, config, {"facts.yaml": text, "a.txt": "Treść."})
    with pytest.raises(ConfigError) as caught:
        load_registry(load_config(tmp_path))
    return caught.value


@pytest.mark.parametrize(
    ("facts", "line", "message"),
    [
        ("facts:\n  - {subject: sofa, attribute: price, value: 1 zł}\n", 5,
         "unknown subject `sofa`"),
        ("facts:\n  - {subject: lido, attribute: colour, value: red}\n", 5,
         "unknown attribute `colour`"),
        ("facts:\n  - {subject: lido, attribute: price, value: tanio}\n", 5,
         "`tanio` is not a money value"),
        ("facts:\n  - {subject: shop, attribute: hotline, value: 22 350}\n", 5,
         "is not a phone value"),
        ("facts:\n  - {subject: lido, attribute: price, value: 1 zł,\n"
         "     effective_from: 2026-10-01, effective_until: 2026-01-01}\n", 5,
         "effective_from is after effective_until"),
        ("facts:\n  - {subject: lido, attribute: price}\n", 5, "facts.0.value: Field required"),
        ("facts:\n  - {subject: lido, attribute: price, value: [1 zł\n", 6, "invalid YAML"),
        ("attributes:\n  points: {type: stars}\n", 5, "attributes.points.type: Input should be"),
        ("facts:\n  - {subject: lido, attribute: price, value: 1 zł, "
         "effective_from: 2026-02-30}\n", 5,
         "`2026-02-30` is not a real date: day is out of range for month"),
        ("facts:\n  - {subject: lido, attribute: price, value: 1 zł}\n"
         "  - {subject: lido, attribute: price, value: 2 zł, effective_from: 2026-01-01}\n", 6,
         "`lido` `price` is `2 zł` here and `1 zł` at line 5 for the same dates"),
        ("facts:\n  - {subject: lido, attribute: price, value: 1 zł, "
         "effective_until: 2026-06-30}\n"
         "  - {subject: lido, attribute: price, value: 2 zł, effective_from: 2026-06-01}\n", 6,
         "for the same dates; give one of them effective_from/effective_until"),
    ],
)
def test_invalid_registry_names_line_and_problem(tmp_path: Path, facts: str, line: int,
                                                 message: str) -> None:
    error = _registry_error(tmp_path, SUBJECTS + facts)
    assert (error.path, error.line) == ("facts.yaml", line)
    assert message in error.message


def test_versions_and_company_subject(tmp_path: Path) -> None:
    registry_text = SUBJECTS + (
        "facts:\n"
        "  - {subject: lido, attribute: price, value: 2 499 zł, effective_from: 2026-10-01}\n"
        "  - {subject: lido, attribute: price, value: 2 399 zł, effective_until: 2026-09-30}\n"
        "  - {subject: shop, attribute: hotline, value: 22 350 40 50}\n"
        "attributes:\n  loyalty_points: {type: number, cues: [punkt]}\n")
    config = {"version": 1, "facts": "facts.yaml",
              "channels": {"web": {"loader": "text", "paths": ["*.txt"]}}}
    write_project(tmp_path, config, {"facts.yaml": registry_text, "a.txt": "Treść."})
    registry = load_registry(load_config(tmp_path))
    assert registry.company_subject == "shop"
    current = registry.current("lido", "price", date(2026, 11, 30))
    expired = registry.current("lido", "price", date(2026, 9, 1))
    assert current is not None and current.value.canonical() == "2499.00 PLN"
    assert expired is not None and expired.value.canonical() == "2399.00 PLN"
    assert registry.attributes["loyalty_points"].cues == ("punkt",)


def _registry(tmp_path: Path, facts: str) -> Registry:
    """The registry of a project whose `facts.yaml` holds SUBJECTS and `facts`."""
    config = {"version": 1, "facts": "facts.yaml",
              "channels": {"web": {"loader": "text", "paths": ["*.txt"]}}}
    write_project(tmp_path, config, {"facts.yaml": SUBJECTS + facts, "a.txt": "Treść."})
    return load_registry(load_config(tmp_path))


def test_successive_and_equal_registry_values_are_not_conflicts(tmp_path: Path) -> None:
    facts = ("facts:\n"
             "  - {subject: lido, attribute: price, value: 1 zł, effective_until: 2026-05-31}\n"
             "  - {subject: lido, attribute: price, value: 2 zł, effective_from: 2026-06-01}\n"
             "  - {subject: lido, attribute: price, value: '2,00 zł',\n"
             "     effective_from: 2026-07-01}\n")
    assert len(_registry(tmp_path, facts).facts) == 3


def test_role_and_label_are_read_and_variants_of_a_fact_are_no_conflict(tmp_path: Path) -> None:
    """CONTRACT §7: `role:` and `label:` set apart values of one fact; the label is kept in
    the form statements' labels take (lemmas, lower case)."""
    facts = ("facts:\n"
             "  - {subject: shop, attribute: delivery_cost, value: '9,99 zł'}\n"
             "  - {subject: shop, attribute: delivery_cost, label: Paczkomaty, value: '8,99 zł'}\n"
             "  - {subject: shop, attribute: hotline, role: complaints, value: 22 350 40 51}\n"
             "  - {subject: shop, attribute: hotline, value: 22 350 40 50}\n")
    registry = _registry(tmp_path, facts)
    assert [(fact.attribute, fact.role, fact.label) for fact in registry.facts] == [
        ("delivery_cost", "", ""), ("delivery_cost", "", "paczkomat"),
        ("hotline", "complaints", ""), ("hotline", "", "")]
    plain = registry.current("shop", "hotline", date(2026, 11, 30))
    assert plain is not None and plain.text == "22 350 40 50"


def test_a_custom_attribute_named_in_the_users_words_is_the_builtin_it_means(
        tmp_path: Path) -> None:
    """Every cue of `lowest_price_30_days` holds a cue of two words of the built-in
    `lowest_prior_price` ("najniższa cena"): its facts are that one's, under its name, and
    its cues are added to the built-in's. Roles given in the user's words are the
    attribute's roles ("privacy" is `data_protection`)."""
    facts = ("attributes:\n"
             "  lowest_price_30_days:\n"
             "    type: money\n"
             "    cues: ['najniższa cena z 30 dni', 'najniższa cena z ostatnich 30 dni']\n"
             "  handling_fee:\n"
             "    type: money\n"
             "    cues: ['opłata manipulacyjna']\n"
             "facts:\n"
             "  - {subject: shop, attribute: lowest_price_30_days, value: '549,99 zł'}\n"
             "  - {subject: shop, attribute: handling_fee, value: '5 zł'}\n"
             "  - {subject: shop, attribute: contact_email, role: privacy, value: iod@a.pl}\n")
    registry = _registry(tmp_path, facts)
    assert [(fact.attribute, fact.role) for fact in registry.facts] == [
        ("lowest_prior_price", ""), ("handling_fee", ""), ("contact_email", "data_protection")]
    assert "najniższa cena z 30 dni" in registry.attributes["lowest_prior_price"].cues
