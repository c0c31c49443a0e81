from collections.abc import Callable
from datetime import date
from pathlib import Path

import pytest

from tests.conftest import keys, lint, single_channel_config

GOVERNED = {"governance": {"require_owner": True, "review_every_days": 30}}


def _page(meta: str) -> str:
    return f"<html><head>{meta}</head>\n<body>\n<h1>Kontakt</h1>\n</body></html>\n"


@pytest.mark.parametrize(
    ("meta", "expected"),
    [
        ('<meta name="owner" content="Anna"><meta name="last_reviewed" content="2026-11-15">',
         []),
        ('<meta name="last_reviewed" content="2026-11-15">',
         [("FRESHNESS-NO-OWNER", 3)]),
        ('<meta name="owner" content="Anna"><meta name="last_reviewed" content="2026-10-30">',
         [("FRESHNESS-REVIEW-OVERDUE", 1)]),
        ('<meta name="owner" content="Anna"><meta name="last_reviewed" content="2026-10-31">',
         []),
        ('<meta name="owner" content="Anna"><meta name="last_reviewed" content="31.10.2026">',
         [("FRESHNESS-NO-REVIEW-DATE", 1)]),
        ('<meta name="owner" content="Anna"><meta name="last_reviewed" content="2027-01-01">',
         [("FRESHNESS-NO-REVIEW-DATE", 1)]),
        ('<meta name="owner" content=" ">',
         [("FRESHNESS-NO-OWNER", 3), ("FRESHNESS-NO-REVIEW-DATE", 3)]),
    ],
    ids=["fresh", "no-owner", "overdue-by-one-day", "due-today", "not-iso", "future", "blank"],
)
def test_governance_rules(project: Callable[..., Path], meta: str,
                          expected: list[tuple[str, int]]) -> None:
    root = project({**single_channel_config("html", "*.html"), **GOVERNED},
                   {"kontakt.html": _page(meta)})
    findings = lint(root, today=date(2026, 11, 30)).findings
    assert [(rule, line) for rule, _, _, line in keys(findings)] == expected


def test_channel_governance_overrides_the_project(project: Callable[..., Path]) -> None:
    config = {**single_channel_config("html", "*.html", governance={"require_owner": False}),
              **GOVERNED}
    root = project(config, {"kontakt.html": _page('<meta name="last_reviewed" '
                                                  'content="2026-11-15">')})
    assert lint(root).findings == ()
