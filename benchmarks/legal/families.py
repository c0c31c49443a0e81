"""Rule families of the legal benchmark and the spec items each pack rule names.

A family groups the specification's prohibited items (section 2 of
/work/shared/legal/pl-consumer-rights-2014.md) so that figures can be read per kind of clause.
A rule's family is the family of the first prohibited item its `spec:` lists; rules that list
none are placed by the prefix of their id.
"""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path

import yaml

from consistency_lint.builtin_data import builtin_rules_dir

FAMILIES = ("withdrawal", "complaints", "venue/law", "change", "liability", "price/omnibus",
            "privacy/marketing", "other")

_BY_NUMBER: dict[int, str] = {
    **dict.fromkeys(range(1, 15), "withdrawal"),
    **dict.fromkeys(range(15, 24), "complaints"),
    24: "liability", 26: "liability", 25: "venue/law", 27: "change",
    30: "privacy/marketing", 31: "privacy/marketing", 32: "price/omnibus", 35: "price/omnibus",
}
# The paraphrase set's items beyond the spec's numbered ones (clause types issue 24 lists)
_EXTRA_ITEMS = {
    "UNILATERAL-SERVICE-CHANGE": "change",
    "NON-CONSUMER-BLANKET-EXCLUSION": "withdrawal",
    "SELLER-INFORMED-STATE": "complaints",
    "DIGITAL-CONTENT-CONSENT": "withdrawal",
    "REFUND-START-WRONG-EVENT": "withdrawal",
    "REVIEWS-VERIFIED-WITHOUT-HOW": "price/omnibus",
}
_BY_PREFIX = (("PL-PRICE", "price/omnibus"), ("PL-UPNPR", "price/omnibus"),
              ("PL-GDPR", "privacy/marketing"), ("PL-MKT", "privacy/marketing"))
_ITEM = re.compile(r"^P-(\d+)$")
PACK = "pl-consumer-rights-2014"


def item_family(item: str) -> str:
    """The family of a spec item ("P-25") or of another requirement id."""
    match = _ITEM.match(item)
    if match:
        return _BY_NUMBER.get(int(match.group(1)), "other")
    if item in _EXTRA_ITEMS:
        return _EXTRA_ITEMS[item]
    return next((family for prefix, family in _BY_PREFIX if item.startswith(prefix)), "other")


def rule_family(rule: str) -> str:
    """The family of the first numbered item the rule's `spec:` lists, in the pack's order
    (not a set's, which changes with the hash seed from one run to the next)."""
    items = [item for item in _specs().get(rule, ()) if _ITEM.match(item)]
    return item_family(items[0]) if items else item_family(rule)


def rule_spec(rule: str) -> frozenset[str]:
    return frozenset(_specs().get(rule, ()))


@cache
def _specs() -> dict[str, tuple[str, ...]]:
    """`spec:` of every rule in the built-in YAML packs (the pack may be split over files)."""
    found: dict[str, tuple[str, ...]] = {}
    for path in sorted(Path(builtin_rules_dir()).rglob("*.yaml")):
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        rules = data.get("rules") if isinstance(data, dict) else None
        for rule in rules if isinstance(rules, list) else ():
            if isinstance(rule, dict) and "id" in rule:
                found[str(rule["id"])] = tuple(str(item) for item in rule.get("spec") or ())
    return found
