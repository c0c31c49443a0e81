"""What a document sells and to whom (`model/trade.py`): declared in its front matter, its
channel or the project's configuration, in that order of precedence, else read from its
words (`rules/documents/trade.yaml`). A rule's `applies_to` `offers`, `audiences`,
`sectors` and `sellers` are matched against it. An offer or audience neither declared nor
read is unknown, and a rule is never skipped for it; a sector or seller is assumed to be the
common one (`ASSUMED`)."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from functools import cache
from typing import Any

from consistency_lint.builtin_data import load_builtin_yaml
from consistency_lint.config import TradeModel
from consistency_lint.model import TRADE_KEYS, declared_names
from consistency_lint.nlp.phrases import PHRASE_SLACK, Phrase, TokenIndex, compile_phrases
from consistency_lint.rules.pack_schema import ScopeModel

TRADE_FILE = "documents/trade.yaml"
# What a document that neither declares nor shows its sector or its seller is taken to be:
# most sellers are registered and outside the financial market, and the rules for the others
# (a bank's complaints, a seller with no register number) must not fire on everyone.
ASSUMED = {"sector": frozenset({"general"}), "seller": frozenset({"registered"})}


@dataclass(frozen=True)
class Trade:
    """Each key of `TRADE_KEYS` with the names known for the document; an empty set is
    unknown."""

    offer: frozenset[str] = frozenset()
    audience: frozenset[str] = frozenset()
    sector: frozenset[str] = frozenset()
    seller: frozenset[str] = frozenset()

    def admits(self, scope: ScopeModel) -> bool:
        """Whether a rule of this scope applies: each dimension it names meets what is known
        (or assumed) of the document, or nothing is known of it."""
        wanted = {"offer": scope.offers, "audience": scope.audiences,
                  "sector": scope.sectors, "seller": scope.sellers}
        for key, names in wanted.items():
            known: frozenset[str] = getattr(self, key) or ASSUMED.get(key, frozenset())
            if names is not None and known and known.isdisjoint(names):
                return False
        return True

    def missing(self) -> tuple[str, ...]:
        return tuple(key for key in TRADE_KEYS if not getattr(self, key))


def declared_trade(metadata: Mapping[str, object], *settings: TradeModel) -> Trade:
    """What the front matter says, else the first of `settings` (channel, then project)
    that says it; front-matter names that are not known are left out (the loader reports
    them)."""
    found: dict[str, frozenset[str]] = {}
    for key, known in TRADE_KEYS.items():
        names = _names(metadata.get(key), known)
        for model in settings:
            if names:
                break
            names = _names(getattr(model, key), known)
        found[key] = names
    return Trade(**found)


def _names(value: object, known: Sequence[str]) -> frozenset[str]:
    return frozenset(name for name in declared_names(value) if name in known)


@dataclass(frozen=True)
class TradeCues:
    """The phrases that tell a document's offers, sector and seller, compiled for a
    language, and the thresholds that keep a passing mention from deciding."""

    offers: Mapping[str, tuple[Phrase, ...]]
    offers_except: Mapping[str, tuple[Phrase, ...]]  # an offer's words that do not count
    sectors: Mapping[str, tuple[Phrase, ...]]
    sellers: Mapping[str, tuple[Phrase, ...]]
    sole_traders: tuple[Phrase, ...]
    sole_traders_excluded: tuple[Phrase, ...]  # words before them that leave them out
    offer_share: float
    offer_minimum: int
    offer_evidence: int
    sector_minimum: int
    sector_per_thousand: float


@cache
def trade_cues(language: str) -> TradeCues | None:
    """The compiled cues of `language`; None where the data has none."""
    data: Any = load_builtin_yaml(TRADE_FILE)
    cues = data.get(language)
    if cues is None:
        return None

    def compiled(groups: Mapping[str, list[str]]) -> dict[str, tuple[Phrase, ...]]:
        return {name: compile_phrases(texts, language) for name, texts in groups.items()}

    offers = cues["offers"]
    return TradeCues(compiled({name: offer["cues"] for name, offer in offers.items()}),
                     compiled({name: offer.get("except", []) for name, offer in offers.items()}),
                     compiled(cues["sectors"]),
                     compiled(cues["sellers"]),
                     compile_phrases(cues["sole_traders"], language),
                     compile_phrases(cues["sole_traders_excluded"], language),
                     float(data["offer_share"]), int(data["offer_minimum"]),
                     int(data["offer_evidence"]), int(data["sector_minimum"]),
                     float(data["sector_per_thousand"]))


def detected_trade(declared: Trade, index: TokenIndex, words: int, language: str) -> Trade:
    """`declared`, with what it leaves unknown read from the document's words where they
    say it clearly (the audience is never guessed: a clause for businesses does not make a
    shop's terms business-only)."""
    cues = trade_cues(language)
    missing = declared.missing()
    if cues is None or not missing:
        return declared
    read = {"offer": lambda: _offers(cues, index),
            "sector": lambda: _sectors(cues, index, words),
            "seller": lambda: frozenset(name for name, phrases in cues.sellers.items()
                                        if _count(phrases, index))}
    found = {key: read[key]() for key in missing if key in read}
    return Trade(**{key: found.get(key) or getattr(declared, key) for key in TRADE_KEYS})


def _offers(cues: TradeCues, index: TokenIndex) -> frozenset[str]:
    counts = {name: _count(phrases, index) - _count(cues.offers_except[name], index)
              for name, phrases in cues.offers.items()}
    total = sum(counts.values())
    if total < cues.offer_evidence:
        return frozenset()
    return frozenset(name for name, count in counts.items()
                     if count >= cues.offer_minimum and count >= cues.offer_share * total)


def _sectors(cues: TradeCues, index: TokenIndex, words: int) -> frozenset[str]:
    found = []
    for name, phrases in cues.sectors.items():
        count = _count(phrases, index)
        if count >= cues.sector_minimum and count * 1000 >= cues.sector_per_thousand * words:
            found.append(name)
    return frozenset(found)


def _count(phrases: Iterable[Phrase], index: TokenIndex) -> int:
    """How many times the phrases stand in the document, exactly (a typo's near match is
    not evidence of what is sold), each counted where its first word stands."""
    total = 0
    for phrase in phrases:
        width = len(phrase.words) + PHRASE_SLACK
        starts = index.occurrences(phrase.words[0])[0]
        if len(phrase.words) == 1:
            total += len(starts)
            continue
        total += sum(1 for start in starts
                     if index.window(max(start - width, 0), start + width + 1).match(phrase))
    return total
