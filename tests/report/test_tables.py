"""Plain tables (a pipe, a CI log): aligned by the width a terminal gives each character."""

from __future__ import annotations

from rich.table import Table
from rich.text import Text

from consistency_lint.report.tables import plain_table


def test_columns_align_after_wide_and_combining_characters() -> None:
    table = Table(title="Fact matrix")
    for header in ("subject", "網站", "faq"):
        table.add_column(header)
    decomposed = "Zaz\u0307o\u0301łc\u0301"  # six letters, three combining accents
    table.add_row(decomposed, "14 dni", Text("21 dni\nw ciągu"))
    assert plain_table(table).splitlines() == [
        "Fact matrix",
        "subject  網站    faq",
        "-------  ------  ---------------",
        f"{decomposed}   14 dni  21 dni; w ciągu",
    ]
