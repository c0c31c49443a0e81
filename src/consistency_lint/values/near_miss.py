"""Near misses of contacts and identifiers: a value one slip away from another of its kind.

A typo or a stale copy changes an address or a number a little: the same local part on
another domain (pomoc@x.pl → pomoc@x.com.pl), a local part a letter or two off on the same
domain (reklamacje@ → reklamcje@), a host on another domain (www.x.pl → www.x.com.pl), a
phone or an identifier (NIP, REGON, KRS, account) with one or two digits changed or two
adjacent digits swapped, and a web address and an e-mail address whose domains are near
misses (www.x.com.pl beside pomoc@x.pl: the business's domain, one of them mistyped).
Distinct addresses of one business (pomoc@ and reklamacje@) or another party's
(kontakt@uokik.gov.pl) are no near miss of each other: they are a set.

A web address is also a near miss of another on its host whose path differs in one segment
by a letter (x.pl/pomoc/zwroty → x.pl/pomoc/zwroyt): `url_near_miss`. Two pages of one site
differ in a whole word (/privacy/firefox, /privacy/websites), numbered pages, versions and
products in their digits (/v1, /v2; /2023, /2024; /p/123, /p/1234), and forms of one word in
its ending (/krzeslo-czarne, /krzeslo-czarny): none is a slip.
"""

from __future__ import annotations

from collections.abc import Hashable, Iterator

from rapidfuzz.distance import OSA

from consistency_lint.model import Value, ValueType
from consistency_lint.model.word_forms import WORD_ENDINGS, common_start

CONTACT_TYPES = frozenset({ValueType.EMAIL, ValueType.PHONE, ValueType.URL})
MIN_IDENTIFIER_DIGITS = 9  # REGON has 9 digits, NIP 10, KRS 10, an account 26
MIN_LOCAL_LENGTH = 3  # a shorter local part ("iod") is one letter from too many others
SHORT_LOCAL_LENGTH = 5  # up to this length one edit, above it two
MAX_SUFFIX_LABEL = 4  # "pl", "com", "gov", "info": labels that end a domain, not name it
COUNTRY_CODE_LENGTH = 2  # "pl", "cz", "de": a country's top-level domain
REGIONS = frozenset({"eu"})  # two letters, but no country: x.eu is no site abroad of x.pl


def is_contact(value: Value) -> bool:
    """An address, a phone number or an identifier written in digits (a `text` value that
    is only digits, as identifiers are compared)."""
    if value.type in CONTACT_TYPES:
        return True
    return (value.type is ValueType.TEXT and value.text.isdigit()
            and len(value.text) >= MIN_IDENTIFIER_DIGITS)


def near_miss(first: Value, second: Value) -> bool:
    """Whether two different values of one kind are one slip apart (see the module)."""
    if {first.type, second.type} == {ValueType.EMAIL, ValueType.URL}:
        return _host_near_miss(_domain(first), _domain(second))
    if first.type is not second.type or first.text == second.text:
        return False
    if first.type is ValueType.EMAIL:
        return _email_near_miss(first.text, second.text)
    if first.type is ValueType.URL:
        return _host_near_miss(_host(first.text), _host(second.text))
    if first.type is ValueType.PHONE or (is_contact(first) and is_contact(second)):
        return digits_near_miss(_digits(first.text), _digits(second.text))
    return False


def url_near_miss(first: Value, second: Value) -> bool:
    """Whether two web addresses are one slip apart: their hosts are (`near_miss`), or, on
    one host, one segment of their paths or their fragments is (the query is left out: a
    tracking parameter makes no other page)."""
    if first.type is not ValueType.URL or second.type is not ValueType.URL:
        return False
    host, path = _host_and_path(first.text)
    other_host, other_path = _host_and_path(second.text)
    if host != other_host:
        return _host_near_miss(host, other_host)
    if len(path) != len(other_path):
        return False
    differing = [(a, b) for a, b in zip(path, other_path, strict=True) if a != b]
    return len(differing) == 1 and _segment_near_miss(*differing[0])


def host_keys(url: Value) -> Iterator[Hashable]:
    """Keys that any two web addresses whose hosts are near misses share one of (the name
    of the host, and the name with one letter left out): what lets a corpus compare its
    addresses with the few that may be near misses, not with all of them."""
    yield from _one_left_out(_name(_host_and_path(url.text)[0]))


def path_keys(url: Value) -> Iterator[Hashable]:
    """Keys that any two addresses on one host whose paths are near misses share one of:
    the host and the path with one segment's letter left out."""
    host, path = _host_and_path(url.text)
    for position, segment in enumerate(path):
        if len(segment) < MIN_LOCAL_LENGTH:
            continue  # too short to tell a slip from another page (`_segment_near_miss`)
        rest = (host, *path[:position], "", *path[position + 1:])
        for variant in _one_left_out(segment):
            yield rest, variant


def _one_left_out(text: str) -> Iterator[str]:
    yield text
    for position in range(len(text)):
        yield text[:position] + text[position + 1:]


def _host_and_path(url: str) -> tuple[str, list[str]]:
    """The host and the path's segments (in lower case: a server reads most paths so, and
    a slip in the case is no other page), the fragment (a place on the page) last."""
    host, _, rest = url.lower().partition("/")
    rest, _, fragment = rest.partition("#")
    path = rest.split("?", 1)[0].strip("/")
    return host, (path.split("/") if path else []) + ([fragment] if fragment else [])


def _segment_near_miss(first: str, second: str) -> bool:
    """One segment of a path a letter off another, not another word or number."""
    if min(len(first), len(second)) < MIN_LOCAL_LENGTH:
        return False
    if _digits(first) and _digits(second) and _letters(first) == _letters(second):
        return False  # /v1 and /v2, /regulamin-2023 and /regulamin-2024, /p/123 and /p/1234
    return not _another_form(first, second) and OSA.distance(first, second) <= 1


def _letters(text: str) -> str:
    return "".join(character for character in text if not character.isdigit())


def _another_form(first: str, second: str) -> bool:
    """Whether two segments differ only in the ending of a word: /krzeslo-czarne and
    /krzeslo-czarny, /produkt and /produkty are two pages (a product in two colours), not
    a slip."""
    common = common_start(first, second)
    stem = first[:common].rsplit("-", 1)[-1].rsplit("_", 1)[-1]
    return (len(stem) >= MIN_LOCAL_LENGTH and first[common:] in WORD_ENDINGS
            and second[common:] in WORD_ENDINGS)


def swapped(first: Value, second: Value) -> bool:
    """Whether two numbers differ by two adjacent digits swapped (never two lines of one
    business, as "…80" and "…81" may be)."""
    a, b = _digits(first.text), _digits(second.text)
    if len(a) != len(b):
        return False
    differ = [i for i, (x, y) in enumerate(zip(a, b, strict=True)) if x != y]
    return (len(differ) == 2 and differ[1] == differ[0] + 1
            and a[differ[0]] == b[differ[1]] and a[differ[1]] == b[differ[0]])


def digits_near_miss(first: str, second: str) -> bool:
    """One or two digits changed (or two adjacent ones swapped) in numbers of one length."""
    if len(first) != len(second) or len(first) < MIN_IDENTIFIER_DIGITS or first == second:
        return False
    return sum(x != y for x, y in zip(first, second, strict=True)) <= 2


def _email_near_miss(first: str, second: str) -> bool:
    local, _, domain = first.partition("@")
    other_local, _, other_domain = second.partition("@")
    if local == other_local:
        return _host_near_miss(domain, other_domain)
    if domain != other_domain or min(len(local), len(other_local)) < MIN_LOCAL_LENGTH:
        return False
    allowed = 1 if min(len(local), len(other_local)) <= SHORT_LOCAL_LENGTH else 2
    return OSA.distance(local, other_local) <= allowed


def _host_near_miss(first: str, second: str) -> bool:
    """Hosts on another domain of one name (x.pl, x.com.pl) or of names a letter apart; not
    one name under two countries' domains (x.pl, x.cz: the business's sites abroad, as a
    menu's country switcher links them)."""
    if first == second:
        return False
    name, other = _name(first), _name(second)
    if name == other:
        return not _countries_apart(first, second)
    return min(len(name), len(other)) >= SHORT_LOCAL_LENGTH and OSA.distance(name, other) <= 1


def _countries_apart(first: str, second: str) -> bool:
    """Whether two hosts of one name each end in a country's code alone (x.pl, x.cz)."""
    return all(len(labels) == 2 and len(labels[1]) == COUNTRY_CODE_LENGTH
               and labels[1] not in REGIONS
               for labels in (host.lower().removeprefix("www.").split(".")
                              for host in (first, second)))


def _name(host: str) -> str:
    """ "www.sklep-x.com.pl" -> "sklep-x": the host without "www." and its suffix labels."""
    labels = host.lower().split(".")
    if labels and labels[0] == "www":
        labels = labels[1:]
    while len(labels) > 1 and len(labels[-1]) <= MAX_SUFFIX_LABEL:
        labels = labels[:-1]
    return ".".join(labels)


def _host(url: str) -> str:
    return url.partition("/")[0]


def _domain(value: Value) -> str:
    """The domain of an e-mail address, or a web address's host without "www."."""
    if value.type is ValueType.EMAIL:
        return value.text.partition("@")[2].lower()
    host = _host(value.text).lower()
    return host.removeprefix("www.")


def _digits(text: str) -> str:
    return "".join(character for character in text if character.isdigit())

