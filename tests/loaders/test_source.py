import pytest

from consistency_lint.loaders.source import ContentLoadError, decode
from consistency_lint.model import ProblemKind
from tests.conftest import FIXTURES


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("cp1250.txt", "Cennik montażu: 99 zł.\n\nŚrubokręt i łączniki gratis.\n"),
        ("iso8859-2.txt", "Zażółć gęślą jaźń: dziękujemy za zakupy w Łodzi.\n"),
        ("bom-crlf.txt", "Zamówienie z BOM-em.\nDruga linia.\n"),
    ],
)
def test_legacy_polish_encodings_and_bom_are_decoded(name: str, expected: str) -> None:
    assert decode((FIXTURES / "loaders" / name).read_bytes()) == expected


@pytest.mark.parametrize(
    "raw",
    [b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", bytes([0xFF, 0xFE, 0xFA, 0x81, 0x90, 0x98] * 20)],
    ids=["binary", "invalid-utf8"],
)
def test_binary_and_undecodable_bytes_are_refused(raw: bytes) -> None:
    with pytest.raises(ContentLoadError) as caught:
        decode(raw)
    assert caught.value.kind is ProblemKind.NOT_TEXT
