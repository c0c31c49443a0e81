"""What a document sells and to whom: the names a configuration, a document's front matter
and a rule's scope (`applies_to`) use for them. Consumer law differs by what is sold (goods
are sent back, a course is not), to whom (a business is not a consumer; a sole trader buying
for non-professional purposes keeps consumer rights, art. 38a u.p.k.), by the seller's sector
(a bank answers complaints under its own act) and by whether the seller is registered (one
without a register entry has no register number to state)."""

from __future__ import annotations

from typing import Literal, get_args

Offer = Literal["goods", "services", "digital-content", "subscription"]
Audience = Literal["consumers", "sole-traders", "businesses"]
Sector = Literal["general", "financial"]
Seller = Literal["registered", "unregistered"]

OFFERS: tuple[Offer, ...] = get_args(Offer)
AUDIENCES: tuple[Audience, ...] = get_args(Audience)
SECTORS: tuple[Sector, ...] = get_args(Sector)
SELLERS: tuple[Seller, ...] = get_args(Seller)

# The front-matter and configuration keys, each with the names it accepts; `offer` and
# `audience` take one name or a list (a document may sell goods and a subscription).
TRADE_KEYS: dict[str, tuple[str, ...]] = {"offer": OFFERS, "audience": AUDIENCES,
                                          "sector": SECTORS, "seller": SELLERS}


def declared_names(value: object) -> list[str]:
    """The names a front-matter value gives: a YAML list, or one string ("goods", or
    "goods, subscription" as an HTML meta tag gives it)."""
    if isinstance(value, str):
        return [name.strip() for name in value.split(",")]
    if isinstance(value, list):
        return [str(name).strip() for name in value]
    return [] if value is None else [str(value)]
