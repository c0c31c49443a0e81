from tests.loaders.helpers import parse_fixture, rows


def test_text_paragraphs_with_front_matter() -> None:
    parsed = parse_fixture("text", "notatka.txt")
    assert rows(parsed) == [
        ("paragraph", "Pierwszy akapit w dwóch liniach.", 4, 1),
        ("paragraph", "Drugi akapit z wcięciem.", 7, 3),
    ]
    assert parsed.metadata == {"owner": "Anna Nowak"}


def test_docx_paragraphs_are_numbered_in_document_order_including_tables() -> None:
    assert rows(parse_fixture("docx", "pismo.docx")) == [
        ("heading", "Odpowiedź na reklamację", 1, 1),
        ("paragraph", "Szanowny Panie,", 2, 1),
        ("paragraph", "uznajemy reklamację i naprawimy rower w ciągu 14 dni.", 4, 1),
        ("paragraph", "Numer reklamacji", 5, 1),
        ("paragraph", "R/2026/118", 6, 1),
        ("paragraph", "Z poważaniem", 7, 1),
    ]
