"""The bundled sample repository: exactly the problems samples/README.md documents as
found by the checks that exist today, and nothing on its compliant text."""

from pathlib import Path

from tests.conftest import keys, lint

SAMPLES = Path(__file__).parent.parent / "samples"


def test_samples_yield_exactly_the_documented_findings() -> None:
    result = lint(SAMPLES)
    assert keys(result.findings) == [
        ("FACT-REGISTRY-MISMATCH", "fact-mismatch", "faq/faq.yaml", 9),
        ("INPUT-MALFORMED", "input", "faq/faq.yaml", 24),
        ("FACT-REGISTRY-MISMATCH", "fact-mismatch", "kb/cennik-serwisu.md", 12),
        ("FRESHNESS-REVIEW-OVERDUE", "freshness", "kb/reklamacje.md", 4),
        ("PL-CRA-COMPLAINT-ANSWER-14D", "legal-prohibited", "kb/reklamacje.md", 10),
        ("FACT-REGISTRY-MISMATCH", "fact-mismatch", "kb/reklamacje.md", 10),
        ("PL-TONE-DISMISSIVE", "tone", "kb/reklamacje.md", 14),
        ("TONE-SHOUTING", "tone", "kb/reklamacje.md", 14),
        ("COVERAGE-GAP", "coverage-gap", "kb/sprzedaz-telefoniczna.md", 5),
        ("FRESHNESS-NO-OWNER", "freshness", "kb/sprzedaz-telefoniczna.md", 5),
        ("PL-CRA-DURABLE-MEDIUM", "legal-missing-clause", "kb/sprzedaz-telefoniczna.md", 5),
        ("PL-CRA-WITHDRAWAL-14D", "legal-missing-clause", "kb/sprzedaz-telefoniczna.md", 5),
        ("FACT-OUTDATED", "fact-mismatch", "kb/sprzedaz-telefoniczna.md", 10),
        ("FACT-STALE-COPY", "fact-mismatch", "kb/wysylka.md", 8),
        ("TERMINOLOGY-BRAND-SPELLING", "terminology", "kb/wysylka.md", 12),
        ("PL-CRA-REFUND-VOUCHER-ONLY", "legal-prohibited", "kb/zwroty.md", 12),
        ("TEMPLATE-UNKNOWN-VARIABLE", "template", "letters/odpowiedz-na-reklamacje.txt.j2", 8),
        ("PL-CRA-COMPLAINT-COSTS-ON-CONSUMER", "legal-prohibited",
         "letters/odpowiedz-na-reklamacje.txt.j2", 11),
        ("PL-TONE-INFORMAL-ADDRESS", "tone", "letters/potwierdzenie-odstapienia.html.j2", 9),
        ("SPELLING-UNKNOWN-WORD", "spelling", "letters/potwierdzenie-zamowienia.txt.j2", 8),
        ("PL-TONE-INFORMAL-ADDRESS", "tone", "letters/potwierdzenie-zamowienia.txt.j2", 17),
        ("TEMPLATE-SYNTAX", "template", "letters/przypomnienie-o-platnosci.txt.j2", 9),
        ("FRESHNESS-NO-OWNER", "freshness", "web/kontakt.html", 5),
        ("INPUT-EMPTY", "input", "web/promocje.html", 1),
        ("PL-CRA-SALE-GOODS-EXCLUDED", "legal-prohibited", "web/zwroty.html", 28),
    ]


def test_samples_cover_every_channel_and_ignore_drafts() -> None:
    documents = lint(SAMPLES).documents
    assert {document.channel for document in documents} == {"web", "faq", "kb", "letters"}
    assert not any("szkice" in document.path for document in documents)
    assert len(documents) == 18


def test_prohibited_statements_carry_the_rules_compliant_wording_as_a_correction() -> None:
    offered = {(f.rule, f.path, f.span.line): f.suggestions for f in lint(SAMPLES).findings
               if f.category.value == "legal-prohibited"}
    assert offered == {
        ("PL-CRA-COMPLAINT-ANSWER-14D", "kb/reklamacje.md", 10):
            ("Odpowiedź na reklamację wysyłamy w ciągu 14 dni.",),
        ("PL-CRA-REFUND-VOUCHER-ONLY", "kb/zwroty.md", 12):
            ("Zwrot pieniędzy następuje na rachunek klienta; bon wydajemy tylko na życzenie "
             "klienta.",),
        ("PL-CRA-COMPLAINT-COSTS-ON-CONSUMER", "letters/odpowiedz-na-reklamacje.txt.j2", 11):
            ("Prosimy o odesłanie wadliwego towaru – koszt przesyłki pokrywa sklep.",),
        ("PL-CRA-SALE-GOODS-EXCLUDED", "web/zwroty.html", 28):
            ("Towary z wyprzedaży można zwrócić na tych samych zasadach co pozostałe.",),
    }
