from consistency_lint.loaders.markdown import parse
from consistency_lint.loaders.source import Source
from consistency_lint.model import TableCell
from tests.loaders.helpers import parse_fixture, rows


def test_blocks_become_segments_with_positions_and_code_is_skipped() -> None:
    assert rows(parse_fixture("markdown", "artykul.md")) == [
        ("heading", "Zwroty towaru", 6, 3),
        ("paragraph", "Masz 14 dni na zwrot towaru bez podania przyczyny. Zobacz regulamin.", 8, 1),
        ("heading", "Infolinia", 11, 4),
        ("list-item", "Numer: 22 350 40 50", 13, 3),
        ("list-item", "Czynna pn.–pt. 8:00–20:00", 14, 3),
        ("table-cell", "Usługa", 16, 3),
        ("table-cell", "Cena", 16, 12),
        ("table-cell", "Wniesienie", 18, 3),
        ("table-cell", "99 zł", 18, 16),
    ]


def test_front_matter_values_and_their_lines() -> None:
    parsed = parse_fixture("markdown", "artykul.md")
    assert parsed.metadata["owner"] == "Zespół Obsługi"
    assert str(parsed.metadata["last_reviewed"]) == "2026-01-15"
    assert parsed.metadata_lines == {"doc_type": 2, "owner": 3, "last_reviewed": 4}


def test_wrapped_paragraph_maps_each_line_back() -> None:
    paragraph = parse_fixture("markdown", "artykul.md").segments[1]
    assert paragraph.position(paragraph.text.index("14 dni")) == (8, 8)
    assert paragraph.position(paragraph.text.index("bez podania")) == (9, 1)
    (link,) = paragraph.links
    assert (link.href, paragraph.text[link.start:link.end]) == ("/regulamin", "regulamin")


def test_heading_path_follows_heading_levels() -> None:
    segments = parse_fixture("markdown", "artykul.md").segments
    assert segments[3].heading_path == ("Zwroty towaru", "Infolinia")


def test_table_cells_carry_their_row_and_column_headers() -> None:
    text = "| Plan | Abonament |\n|---|---|\n| Plan Mini | 49 zł |\n| Plan Maxi | 89 zł |\n"
    cells = [(segment.text, segment.cell, segment.span.line)
             for segment in parse(Source(text.encode())).segments]
    assert cells == [
        ("Plan", None, 1), ("Abonament", None, 1),
        ("Plan Mini", TableCell("", "Plan"), 3), ("49 zł", TableCell("Plan Mini", "Abonament"), 3),
        ("Plan Maxi", TableCell("", "Plan"), 4), ("89 zł", TableCell("Plan Maxi", "Abonament"), 4)]


def test_an_attribute_list_ending_a_block_is_markup_the_page_never_shows() -> None:
    text = ("## Prawo właściwe {: #governinglaw }\n\nTekst {#x} w środku zostaje. "
            "Koniec akapitu {: .uwaga }\n\n## Kontakt {#kontakt .wazne}\n")
    assert [segment.text for segment in parse(Source(text.encode())).segments] == [
        "Prawo właściwe", "Tekst {#x} w środku zostaje. Koniec akapitu", "Kontakt"]
