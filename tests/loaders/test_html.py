from consistency_lint.loaders.html import parse
from consistency_lint.loaders.source import Source
from consistency_lint.model import TableCell
from tests.loaders.helpers import parse_fixture, rows


def test_visible_text_is_segmented_by_block_with_source_positions() -> None:
    assert rows(parse_fixture("html", "strona.html")) == [
        ("title", "Sofa Lido – Meble Kowalczyk", 4, 10),
        ("heading", "Sofa Lido", 13, 7),
        ("paragraph", "Cena: 2 499 zł brutto. Szczegóły w regulaminie.", 14, 6),  # NBSP: a space
        ("heading", "Dostawa", 16, 7),
        ("list-item", "Czas dostawy: 5–7 dni roboczych.", 18, 9),
        ("heading", "Zwroty", 21, 7),
        ("paragraph", "Masz 14 dni na zwrot. Bez podania przyczyny.", 22, 6),
        ("button", "Zamawiam i płacę", 23, 9),
        ("paragraph", "© Meble Kowalczyk", 24, 14),
    ]


def test_boilerplate_and_hidden_elements_are_dropped() -> None:
    texts = " ".join(segment.text for segment in parse_fixture("html", "strona.html").segments)
    for dropped in ("Ukryty tekst", "color: red", "Start", "cookies", "2 399"):
        assert dropped not in texts


def test_a_footer_is_read_and_marked_but_its_menus_are_dropped() -> None:
    parsed = parse_fixture("html", "stopka.html")
    assert [(row, segment.footer) for row, segment in zip(rows(parsed), parsed.segments,
                                                           strict=True)] == [
        (("paragraph", "Zamów do 14:00, wyślemy dziś.", 4, 12), False),
        (("heading", "Obsługa klienta", 6, 9), True),
        (("paragraph", "Infolinia 22 350 40 50 (pn.–pt. 8–18) · pomoc@domovita.pl", 7, 8), True),
        (("list-item", "Infolinia 22 350 40 50", 11, 30), True),
        (("paragraph", "Zadzwoń", 14, 35), True),
        (("paragraph", "NIP 525-000-11-21 · © 2026 Domovita", 15, 8), True),
        (("paragraph", "Domovita sp. z o.o.", 17, 35), True),
        (("paragraph", "Warszawa", 17, 67), True),
        (("paragraph", "Po stopce", 18, 6), False),
    ]


def test_positions_inside_a_segment_survive_entities_and_line_breaks() -> None:
    paragraph = parse_fixture("html", "strona.html").segments[2]
    assert paragraph.position(paragraph.text.index("499")) == (14, 27)
    assert paragraph.position(paragraph.text.index("brutto")) == (15, 6)
    assert paragraph.span.end_line == 15 and paragraph.span.end_column == 68


def test_headings_scope_the_following_segments() -> None:
    segments = parse_fixture("html", "strona.html").segments
    assert segments[4].heading_path == ("Sofa Lido", "Dostawa")
    assert segments[6].heading_path == ("Sofa Lido", "Zwroty")


def test_links_keep_href_and_text() -> None:
    paragraph = parse_fixture("html", "strona.html").segments[2]
    (link,) = paragraph.links
    assert link.href == "/regulamin.html"
    assert paragraph.text[link.start:link.end] == "regulaminie"


def test_metadata_comes_from_meta_tags_and_html_lang() -> None:
    parsed = parse_fixture("html", "strona.html")
    assert parsed.metadata == {"language": "pl", "owner": "Dział Produktu",
                               "last_reviewed": "2026-05-04"}
    assert parsed.metadata_lines == {"language": 2, "owner": 5, "last_reviewed": 6}


def test_unclosed_and_nested_boilerplate_does_not_swallow_the_page() -> None:
    html = "<nav><nav>menu</nav> still menu</nav><p>Treść strony</p><p>Druga"
    parsed = parse(Source(html.encode()))
    assert rows(parsed) == [("paragraph", "Treść strony", 1, 41), ("paragraph", "Druga", 1, 60)]


def test_deeply_nested_markup_is_read_without_recursion() -> None:
    html = "<div>" * 100_000 + "<p>Głęboko</p>" + "</div>" * 100_000
    assert [segment.text for segment in parse(Source(html.encode())).segments] == ["Głęboko"]


def test_table_cells_carry_their_row_and_column_headers() -> None:
    page = ("<table>\n<thead><tr><th>Dostawa</th><th>Koszt dostawy</th></tr></thead>\n"
            "<tr><td>Paczkomat InPost</td><td>9,99 zł</td></tr>\n"
            "<tr><td>Kurier DPD</td><td><p>15,99 zł</p></td></tr>\n</table>\n"
            "<table><tr><td>bez</td><td>nagłówka</td></tr></table>\n")
    cells = [(segment.text, segment.cell, segment.span.line)
             for segment in parse(Source(page.encode())).segments]
    assert cells == [
        ("Dostawa", None, 2), ("Koszt dostawy", None, 2),
        ("Paczkomat InPost", TableCell("", "Dostawa"), 3),
        ("9,99 zł", TableCell("Paczkomat InPost", "Koszt dostawy"), 3),
        ("Kurier DPD", TableCell("", "Dostawa"), 4),
        ("15,99 zł", TableCell("Kurier DPD", "Koszt dostawy"), 4),
        ("bez", None, 6), ("nagłówka", TableCell("bez", ""), 6)]


def test_a_definition_list_is_read_as_terms_heading_their_descriptions() -> None:
    page = ("<dl>\n<dt>KRS</dt><dd>0000874215</dd>\n"
            "<dt>Kapitał zakładowy</dt><dd>100 000 zł</dd><dd>wpłacony</dd>\n</dl>\n"
            "<p>Poza listą</p>\n")
    cells = [(segment.text, segment.cell, segment.span.line)
             for segment in parse(Source(page.encode())).segments]
    assert cells == [
        ("KRS", None, 2), ("0000874215", TableCell("KRS", ""), 2),
        ("Kapitał zakładowy", None, 3), ("100 000 zł", TableCell("Kapitał zakładowy", ""), 3),
        ("wpłacony", TableCell("Kapitał zakładowy", ""), 3), ("Poza listą", None, 5)]


def test_markup_names_the_elements_around_the_text_as_selectors() -> None:
    page = ('<div class="product"><p>Sofa <del>2 499 zł</del> <span class="Price--Old">'
            '2 599 zł</span> <s style="color: red; Text-Decoration:  line-through">2 699 zł'
            '</s> 1 999 zł</p></div>')
    (paragraph,) = parse(Source(page.encode(), "p.html")).segments
    marked = {paragraph.text[m.start:m.end]: m.selectors for m in paragraph.markup}
    assert marked["2 499 zł"] == {"<div>", ".product", "<p>", "<del>"}
    assert marked["2 599 zł"] == {"<div>", ".product", "<p>", "<span>", ".price--old"}
    assert marked["2 699 zł"] == {"<div>", ".product", "<p>", "<s>", "{color:red}",
                                  "{text-decoration:line-through}"}
    assert marked["Sofa "] == marked[" 1 999 zł"] == {"<div>", ".product", "<p>"}


def test_markup_names_only_the_innermost_elements_of_deep_nesting() -> None:
    page = "<p>" + '<span class="x">' * 100 + "tekst" + "</span>" * 100 + "</p>"
    (paragraph,) = parse(Source(page.encode(), "p.html")).segments
    (markup,) = paragraph.markup
    assert markup.selectors == {"<span>", ".x"}  # the <p> is the 101st element out


def test_adjacent_inline_elements_read_as_a_reader_sees_them() -> None:
    page = ('<p><b>24 h</b><span>InPost</span></p>\n'
            '<div><span class="badge">Nowość</span><span>Buty Trail</span></div>\n'
            '<p><del>199 zł</del><ins>149 zł</ins>, <del>2 499</del><ins>1 999</ins></p>\n'
            '<p>Po<b>wered</b> by <b>W</b>arszawa, 10 m<sup>2</sup>, 1<span>99</span></p>\n')
    segments = parse(Source(page.encode(), "p.html")).segments
    assert [segment.text for segment in segments] == [
        "24 h InPost", "Nowość Buty Trail", "199 zł 149 zł, 2 499 1 999",
        "Powered by Warszawa, 10 m2, 199"]
    new_price = segments[2]
    assert new_price.position(new_price.text.index("149")) == (3, 26)


def test_a_menus_links_are_kept_apart_from_the_text() -> None:
    page = ('<nav class="menu">\n  <a href="/sofy">Sofy</a> ·\n'
            '  <a href="https://meblino.pl/fotele">Fotele</a>\n</nav>\n'
            '<p>Sofa <a href="/lido">Lido</a>.</p>\n'
            '<footer><p><a href="/regulamin">Regulamin</a> | <a href="/kontakt">Kontakt</a></p>'
            '\n<p>Infolinia 22 350 40 50</p></footer>\n')
    parsed = parse(Source(page.encode()))
    assert [segment.text for segment in parsed.segments] == ["Sofa Lido.",
                                                             "Infolinia 22 350 40 50"]
    assert [(link.href, link.span.line, link.span.column) for link in parsed.menu_links] == [
        ("/sofy", 2, 3), ("https://meblino.pl/fotele", 3, 3),
        ("/regulamin", 6, 33), ("/kontakt", 6, 68)]
