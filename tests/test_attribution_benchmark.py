"""The attribution benchmark (benchmarks/attribution/): its judging rules on hand-made data,
and, when ../shared/corpus is present, that every annotation points at a line holding the
quoted value, that the recorded split follows the held-out rule, and that the scorer runs.
No tuned figure is asserted: the figures are the benchmark's output, not a floor.
"""

from __future__ import annotations

import pytest
from benchmarks.attribution.annotations import (
    DEV,
    HELD_OUT,
    Annotated,
    Disagreement,
    load_all,
    split_of,
)
from benchmarks.attribution.matching import (
    MISSED,
    NOT_ANNOTATED,
    Stated,
    is_annotated_disagreement,
    same_value,
    tally_facts,
)
from benchmarks.attribution.score import corpus_present, measure
from benchmarks.mutations.projects import SHARED_CORPUS

BUSINESSES = load_all()
BUILTIN = frozenset({"withdrawal_period", "delivery_time", "hotline"})


@pytest.mark.parametrize(("annotated", "stated", "same"), [
    ("14 dni", "w terminie 14 dni", True),
    ("dziesięciu dni", "w terminie dziesięciu dni", True),
    ("14 dni", "w ciągu 4 dni", False),
    ("(000) 000 00 00", "000 000 00 00", True),
    ("trzy dni", "siedem dni", False),
])
def test_a_stated_value_is_the_annotated_one_by_digits_or_words(annotated: str, stated: str,
                                                                 same: bool) -> None:
    assert same_value(annotated, stated) is same


def test_facts_are_tallied_by_attribute_with_a_confusion_list() -> None:
    annotations = [Annotated("a.md", 3, "14 dni", "withdrawal_period"),
                   Annotated("a.md", 5, "2 lata", "warranty_period"),
                   Annotated("a.md", 7, "22 350 40 50", "hotline"),
                   Annotated("a.md", 9, "30 dni", "money_back_period", ("withdrawal_period",))]
    stated = [Stated("a.md", 3, "w terminie 14 dni", "withdrawal_period"),
              Stated("a.md", 5, "2 lata", "delivery_time"),
              Stated("a.md", 9, "30 dni", "withdrawal_period"),
              Stated("a.md", 11, "3 dni", "delivery_time"),
              Stated("a.md", 12, "x", "not_builtin")]
    tally = tally_facts(stated, annotations, BUILTIN)
    assert (tally.stated, tally.stated_right, tally.annotated, tally.found) == (4, 2, 2, 1)
    assert dict(tally.confusion) == {("warranty_period", "delivery_time"): 1,
                                     (NOT_ANNOTATED, "delivery_time"): 1,
                                     ("hotline", MISSED): 1}


def test_a_finding_is_right_only_between_the_groups_of_an_annotated_disagreement() -> None:
    disagreement = Disagreement("postal_address", (frozenset({("a.txt", 1), ("a.txt", 2)}),
                                                   frozenset({("a.txt", 9)})))
    assert is_annotated_disagreement([("a.txt", 1), ("a.txt", 9)], [disagreement])
    assert not is_annotated_disagreement([("a.txt", 1), ("a.txt", 2)], [disagreement])
    assert not is_annotated_disagreement([("a.txt", 1), ("a.txt", 5)], [disagreement])
    assert not is_annotated_disagreement([("a.txt", 1), ("a.txt", 9)], [])


def test_the_held_out_rule_is_sha256_of_the_path_even() -> None:
    assert split_of("gekosale2/cms-regulamin.html") == HELD_OUT
    assert split_of("gekosale2/cms-zwroty-gwarancja.html") == DEV


needs_corpus = pytest.mark.skipif(not SHARED_CORPUS.is_dir(),
                                  reason="../shared/corpus is absent")


@needs_corpus
@pytest.mark.parametrize("business", BUSINESSES, ids=lambda business: business.name)
def test_every_annotation_quotes_a_value_of_its_line(business) -> None:  # type: ignore[no-untyped-def]
    assert corpus_present(business)
    lines = {path: (SHARED_CORPUS / path).read_text(encoding="utf-8").splitlines()
             for path in business.files}
    wrong = [(item.path, item.line, item.value) for item in business.facts
             if item.path not in lines or item.value not in lines[item.path][item.line - 1]]
    assert wrong == []
    assert {path: split_of(path) for path in business.files} == business.splits


@needs_corpus
def test_the_scorer_runs_on_a_corpus_source() -> None:
    [gekosale] = [business for business in BUSINESSES if business.name == "gekosale2"]
    tallies = measure(gekosale, include_low=False)
    assert set(tallies) == {DEV, HELD_OUT}
    for tally in tallies.values():
        assert 0 <= tally.stated_right <= tally.stated
        assert 0 <= tally.found <= tally.annotated
        assert 0 <= tally.findings_right <= tally.findings
    assert sum(tally.annotated for tally in tallies.values()) == sum(
        item.attribute in {"withdrawal_period", "hotline", "contact_email"}
        for item in gekosale.facts)
