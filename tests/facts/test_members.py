"""Vocabularies of set-valued attributes: members found on lemmas, registry values parsed."""

from __future__ import annotations

import pytest

from consistency_lint.facts.members import find_members, members_of, set_value, vocabularies
from consistency_lint.nlp.analysis import Token
from consistency_lint.nlp.pipeline import pipeline


def _members(attribute: str, text: str) -> list[str]:
    tokens = [Token(t.idx, t.idx + len(t.text), t.text, t.lemma_) for t in pipeline("pl")(text)]
    return [mention.member.name
            for mention in find_members(tokens, vocabularies("pl")[attribute])]


@pytest.mark.parametrize(("attribute", "text", "members"), [
    ("payment_methods", "Płacisz kartą płatniczą, BLIK-iem lub szybkim przelewem.",
     ["karta płatnicza", "BLIK", "szybki przelew"]),
    ("payment_methods", "Zapłać przelewem tradycyjnym albo przy odbiorze gotówką.",
     ["przelew", "za pobraniem", "gotówka"]),
    ("payment_methods", "Karta gwarancyjna jest w paczce.", []),
    ("carriers", "Wysyłamy InPostem, Pocztą Polską i kurierem DPD.",
     ["InPost", "Poczta Polska", "DPD"]),
    ("delivery_countries", "Dostarczamy do Czech, Niemiec i na terenie Polski.",
     ["Czechy", "Niemcy", "Polska"]),
    ("delivery_countries", "Stosuje się przepisy prawa polskiego.", []),
    ("payment_processors", "Operatorem płatności jest Przelewy24, wcześniej Dotpay.",
     ["Przelewy24", "Dotpay"]),
])
def test_inflected_forms_name_one_member(attribute: str, text: str,
                                         members: list[str]) -> None:
    assert _members(attribute, text) == members


def test_a_registry_list_is_parsed_into_its_members() -> None:
    value = set_value("payment_methods", "Karta płatnicza, BLIK oraz szybki przelew lub "
                      "płatność przy odbiorze", "pl")
    assert value is not None
    assert members_of(value) == {"karta płatnicza", "BLIK", "szybki przelew", "za pobraniem"}


def test_an_item_the_vocabulary_does_not_know_is_kept_as_written() -> None:
    value = set_value("carriers", "DPD i Kurier Rowerowy Jan", "pl")
    assert value is not None
    assert members_of(value) == {"DPD", "Kurier Rowerowy Jan"}


@pytest.mark.parametrize("text", ["", " , ; ", "i oraz lub", "\x00\ufeff", "-"])
def test_a_registry_value_listing_nothing_is_no_value(text: str) -> None:
    assert set_value("carriers", text, "pl") is None
