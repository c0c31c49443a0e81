"""The table of rule kinds and the pack schema name the same kinds; what the `frame` kind
reads of a clause."""

from pathlib import Path

import pytest
import yaml

from consistency_lint.rules.kinds import KINDS
from consistency_lint.rules.loading import builtin_pack_specs
from consistency_lint.rules.pack_schema import KIND_KEYS
from tests.conftest import keys, lint, write_project


def test_every_kind_key_of_the_pack_schema_has_a_module() -> None:
    assert tuple(KINDS) == KIND_KEYS


# --- frame: slots that hold in one clause, with its actor, negation and modality ---------

FRAME_PACK = """pack: house
language: pl
roles:
  trader: {words: [sklep, sprzedawca], person: first}
  consumer: {words: [klient], person: second}
concepts:
  cost: [koszt, "na własny koszt"]
  repair: [naprawa, reklamacja]
  reasons: ["z ważnych przyczyn"]
rules:
  - id: HOUSE-COST
    category: legal-prohibited
    message: Koszty reklamacji ponosi sklep.
    why: Art. 43d.
    frame: {FRAME}
"""


def _frame_lines(tmp_path: Path, frame: str, text: str, unless: str = "") -> list[int]:
    pack = FRAME_PACK.replace("{FRAME}", frame) + (f"    unless: [{unless}]\n" if unless else "")
    config = {"version": 1, "rules": ["house.yaml"],
              "channels": {"docs": {"loader": "text", "paths": ["*.txt"]}}}
    write_project(tmp_path, config, {"house.yaml": pack, "a.txt": text})
    return [line for rule, _, _, line in keys(lint(tmp_path).findings) if rule == "HOUSE-COST"]


@pytest.mark.parametrize(
    ("frame", "text", "lines"),
    [
        # every `all` slot in ONE clause: a comma before "a" or "że" starts another
        ("{all: [cost, repair]}", "Koszt naprawy ponosi klient.", [1]),
        ("{all: [cost, repair]}", "Reklamację rozpatrzymy, a koszt dostawy jest stały.", []),
        ("{all: [cost, repair]}", "Naprawa trwa krótko.\nKoszt jest stały.", []),
        # `any` and `none`
        ("{all: [cost], any: [repair, zwrot]}", "Koszt zwrotu ponosi klient.", [1]),
        ("{all: [cost], any: [repair]}", "Koszt dostawy ponosi klient.", []),
        ("{all: [cost, repair], none: [reasons]}",
         "Koszt naprawy z ważnych przyczyn ponosi klient.", []),
        # a role as a slot: its nouns in any case, or a verb in its person
        ("{all: [cost, repair, consumer]}", "Koszt naprawy obciąża klienta.", [1]),
        ("{all: [cost, repair, consumer]}", "Koszt naprawy pokrywasz sam.", [1]),
        ("{all: [cost, repair, consumer]}", "Koszt naprawy pokrywa sklep.", []),
        # the actor: a role's noun in the nominative, else the verbs' person, else unnamed
        ("{all: [cost, repair], actor: [consumer]}", "Koszt naprawy ponosi Klient.", [1]),
        ("{all: [cost, repair], actor: [consumer]}", "Koszt naprawy ponosi Sklep.", []),
        ("{all: [cost, repair], actor: [trader]}", "Naprawę robimy na własny koszt.", [1]),
        ("{all: [cost, repair], actor: [unnamed]}", "Koszt naprawy zostanie zwrócony.", [1]),
        ("{all: [cost, repair], actor: [unnamed]}", "Koszt naprawy ponosi klient.", []),
        # negation and modality
        ("{all: [cost, repair], negated: false}", "Klient nie ponosi kosztów naprawy.", []),
        ("{all: [cost, repair], negated: true}", "Klient nie ponosi kosztów naprawy.", [1]),
        ("{all: [cost, repair], modality: [may]}", "Sklep może obciążyć klienta kosztem naprawy.",
         [1]),
        ("{all: [cost, repair], modality: [may]}",
         "Sklep nie może obciążyć klienta kosztem naprawy.", []),
        ("{all: [cost, repair], modality: [must]}", "Klient musi pokryć koszt naprawy.", [1]),
        ("{all: [cost, repair], modality: [none]}", "Klient musi pokryć koszt naprawy.", []),
        # several frames: any of them
        ("[{all: [cost, zwrot]}, {all: [cost, repair]}]", "Koszt naprawy ponosi klient.", [1]),
    ],
)
def test_a_frame_holds_in_one_clause(tmp_path: Path, frame: str, text: str,
                                     lines: list[int]) -> None:
    assert _frame_lines(tmp_path, frame, text) == lines


def test_a_frame_is_reported_at_its_clause_once_per_sentence(tmp_path: Path) -> None:
    text = "Wstęp.\nGdy klient zgłasza wadę, koszt naprawy ponosi klient,\n" \
           "a koszt reklamacji też.\n"
    config = {"version": 1, "rules": ["house.yaml"],
              "channels": {"docs": {"loader": "text", "paths": ["*.txt"]}}}
    write_project(tmp_path, config, {
        "house.yaml": FRAME_PACK.replace("{FRAME}", "{all: [cost, repair]}"), "a.txt": text})
    found = [finding for finding in lint(tmp_path).findings if finding.rule == "HOUSE-COST"]
    assert [(finding.span.line, finding.span.column) for finding in found] == [(2, 1)]
    assert "„koszt”, „naprawy”" in found[0].message


def test_unless_silences_a_frame_in_its_sentence(tmp_path: Path) -> None:
    text = "Z ważnych przyczyn, koszt naprawy ponosi klient.\n"
    assert _frame_lines(tmp_path, "{all: [cost, repair]}", text, unless="reasons") == []
    assert _frame_lines(tmp_path / "b", "{all: [cost, repair]}", text) == [1]


def test_rules_explain_shows_a_frame_with_its_concepts_and_roles() -> None:
    spec = next(spec for spec in builtin_pack_specs()
                if spec.id == "PL-CRA-COMPLAINT-COSTS-ON-CONSUMER")
    assert spec.matcher is not None
    shown = yaml.safe_load(spec.matcher)
    assert shown["frame"][0]["actor"] == ["consumer", "unnamed"]
    assert "complaint_matter" in shown["concepts"]
    assert shown["roles"]["consumer"]["person"] == "second"


# --- who a document speaks to, and what a heading announces --------------------------------

def _builtin_findings(tmp_path: Path, profile: str, doc_type: str, text: str,
                      rule: str, loader: str = "markdown") -> list[int]:
    name = "a.html" if loader == "html" else "a.md"
    config = {"version": 1, "rules": ["builtin:pl-consumer-rights-2014"],
              "channels": {"docs": {"loader": loader, "paths": [name], "profile": profile,
                                    "doc_types": {doc_type: [name]}}}}
    write_project(tmp_path, config, {name: text})
    return [line for found, _, _, line in keys(lint(tmp_path).findings) if found == rule]


LEAD_IN = ("# Oferta\n\nPodawaj zawsze koszt dostawy:\n\n"
           "- „Lodówka kosztuje 3299 zł i ma 36 miesięcy gwarancji.”\n"
           "- Koszt przesyłki reklamowanego towaru pokrywasz sam.\n")


@pytest.mark.parametrize(("profile", "lines"), [("call-center", []), ("web", [5, 6])])
def test_the_second_person_of_a_knowledge_base_is_the_agent(
        tmp_path: Path, profile: str, lines: list[int]) -> None:
    """"Podawaj … koszt" with an item naming a warranty is an instruction to the agent in a
    knowledge base; on a page the customer reads, the same words charge the customer."""
    assert _builtin_findings(tmp_path, profile, "faq", LEAD_IN,
                             "PL-CRA-COMPLAINT-COSTS-ON-CONSUMER") == lines


@pytest.mark.parametrize(("section", "lines"), [
    ("Prawo odstąpienia nie dotyczy towarów wykonanych według specyfikacji klienta.", []),
    ("Dotyczy to bielizny i kosmetyków.", [3]),
])
def test_a_heading_is_read_with_the_cases_its_section_names(
        tmp_path: Path, section: str, lines: list[int]) -> None:
    text = f"# Zwroty\n\n## Kiedy prawo odstąpienia nie przysługuje\n\n{section}\n"
    assert _builtin_findings(tmp_path, "web", "returns", text,
                             "PL-CRA-NON-STATUTORY-EXCLUSION") == lines


@pytest.mark.parametrize(("button", "lines"), [
    ("Wyślij", []),                 # a contact form's
    ("Potwierdź", []),              # a cookie choice's
    ("Wyślij zamówienie", [2]),
    ("Dalej", [2]),
    ("Zamawiam i płacę", []),
])
def test_only_an_order_button_must_name_the_payment(
        tmp_path: Path, button: str, lines: list[int]) -> None:
    page = (f'<html><body><h1>Kontakt</h1>\n<form><input type="submit" value="{button}">'
            '</form></body></html>\n')
    assert _builtin_findings(tmp_path, "web", "contact", page, "PL-CRA-ORDER-BUTTON",
                             loader="html") == lines
