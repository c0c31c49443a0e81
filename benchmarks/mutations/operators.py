"""Mutation operators: each finds, by regular expressions, the places in a file's text where
one stated fact can be changed, and yields each place with its changed text.

An operator never looks at what the tool extracts: sites come from the text alone, so the
benchmark measures what a reader would call a changed fact, not what the extractor already
understands. Sites inside markup that no reader sees (HTML tags, the `<head>`, Jinja tags
and placeholders, front matter) are left out, except for addresses and links, which are
facts also in an `href`.

Every operator but `number-in-words` changes what a customer is told; `number-in-words`
keeps the value ("14 dni" -> "czternaście dni") and is there to catch false alarms.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass


@dataclass(frozen=True)
class Site:
    """One place in a text and what the mutant writes there instead."""

    start: int
    end: int
    old: str
    new: str

    def apply(self, text: str) -> str:
        return text[:self.start] + self.new + text[self.end:]


Operator = Callable[[str], Iterator[Site]]

# ---------------------------------------------------------------------------- markup

_HIDDEN = re.compile(
    r"\A---\n.*?\n---\n"          # front matter
    r"|<head\b.*?</head>"          # the page's head (title and meta are not the content)
    r"|<!--.*?-->|\{#.*?#\}"       # comments
    r"|\{\{.*?\}\}|\{%.*?%\}",     # Jinja placeholders and tags
    re.DOTALL | re.IGNORECASE)
_TAG = re.compile(r"<[^>]*>")


def _ranges(pattern: re.Pattern[str], text: str) -> list[tuple[int, int]]:
    return [match.span() for match in pattern.finditer(text)]


def _outside(text: str, with_tags: bool) -> Callable[[int, int], bool]:
    """A test of whether [start, end) lies in text a reader sees (or, `with_tags`, in a
    tag's attributes, where links and addresses also live)."""
    hidden = _ranges(_HIDDEN, text) + ([] if with_tags else _ranges(_TAG, text))

    def visible(start: int, end: int) -> bool:
        return not any(start < stop and end > begin for begin, stop in hidden)
    return visible


def _visible_matches(pattern: re.Pattern[str], text: str,
                     with_tags: bool = False) -> Iterator[re.Match[str]]:
    visible = _outside(text, with_tags)
    for match in pattern.finditer(text):
        if visible(*match.span()):
            yield match


def _site(match: re.Match[str], group: int | str, new: str) -> Site:
    start, end = match.span(group)
    return Site(start, end, match.group(group), new)


# ---------------------------------------------------------------------------- numbers

_UNITS = (r"zł|złotych|złote|PLN|EUR|euro|gr|%|proc\.|procent\w*"
          r"|dni|dzień|dnia|tygodni\w*|miesi[ęą]c\w*|lat|lata|rok\w*|godzin\w*|godz\.|minut\w*"
          r"|szt\.|sztuk\w*|rat|raty|GB|MB|km|kg")
_NUMBER = r"\d{1,3}(?:(?:[ \u00a0]|&nbsp;)\d{3})+|\d+"
QUANTITY = re.compile(
    rf"(?<![\w,.\-–/:+])(?P<a>{_NUMBER})(?P<af>,\d{{1,2}})?"
    rf"(?:\s?[–-]\s?(?P<b>{_NUMBER})(?P<bf>,\d{{1,2}})?)?"
    rf"\s?(?P<unit>{_UNITS})(?![\w])")


def other_number(value: int) -> int:
    """A plausible different value: 14 -> 21, 5 -> 7, 1000 -> 1300, 6499 -> 6799."""
    if value < 10:
        return value + 2
    if value < 100:
        return round(value * 1.5)
    return value + int("3" + "0" * (len(str(value)) - 2))


def _formatted(value: int, like: str) -> str:
    """`value` with the thousands separator of `like` ("6 499", "6&nbsp;499", "6499")."""
    separator = next((mark for mark in ("&nbsp;", "\u00a0", " ") if mark in like), None)
    return str(value) if separator is None or value < 1000 else \
        f"{value:,}".replace(",", separator)




# ---------------------------------------------------------------------------- numbers in words
# (the tables come first: `change_number` also changes a number written in words)

_ONES = ("", "jeden", "dwa", "trzy", "cztery", "pięć", "sześć", "siedem", "osiem", "dziewięć")
_TEENS = ("dziesięć", "jedenaście", "dwanaście", "trzynaście", "czternaście", "piętnaście",
          "szesnaście", "siedemnaście", "osiemnaście", "dziewiętnaście")
_TENS = ("", "", "dwadzieścia", "trzydzieści", "czterdzieści", "pięćdziesiąt",
         "sześćdziesiąt", "siedemdziesiąt", "osiemdziesiąt", "dziewięćdziesiąt")
_ONES_GEN = ("", "jednego", "dwóch", "trzech", "czterech", "pięciu", "sześciu", "siedmiu",
             "ośmiu", "dziewięciu")
_TEENS_GEN = ("dziesięciu", "jedenastu", "dwunastu", "trzynastu", "czternastu", "piętnastu",
              "szesnastu", "siedemnastu", "osiemnastu", "dziewiętnastu")
_TENS_GEN = ("", "", "dwudziestu", "trzydziestu", "czterdziestu", "pięćdziesięciu",
             "sześćdziesięciu", "siedemdziesięciu", "osiemdziesięciu", "dziewięćdziesięciu")
_FEMININE_UNITS = ("godzin", "minut", "rat")
# prepositions (and phrases) after which the numeral takes the genitive
_GENITIVE_BEFORE = re.compile(
    r"(?:\bdo|\bod|\bw ciągu|\bw terminie|\bprzez okres|\bpo upływie|\bprzed upływem"
    r"|\bz|\bbez|\bokoło"
    r"|\bpowyżej|\bponiżej|\bdla|\bnie później niż|\bnie dłużej niż)\s+$", re.IGNORECASE)
_COUNTED = re.compile(
    r"(?<![\w,.\-–/:+])(?P<n>\d{1,2})(?P<gap>\s?)"
    r"(?P<unit>dni|tygodni\w*|miesięcy|miesiące|lat|lata|godzin\w*|minut\w*|rat|raty)(?![\w])")


WORD_VALUES: dict[str, tuple[int, bool]] = {
    word: (value, genitive)
    for genitive, words in ((False, (*_ONES, *_TEENS, *_TENS)),
                            (True, (*_ONES_GEN, *_TEENS_GEN, *_TENS_GEN)))
    for value, word in zip((*range(10), *range(10, 20), *range(0, 100, 10)), words,
                           strict=True) if value >= 2 and word}


def word_quantity() -> re.Pattern[str]:
    words = "|".join(sorted(WORD_VALUES, key=len, reverse=True))
    return re.compile(rf"(?<![\w])(?P<word>{words})\s+(?P<unit>{_UNITS})(?![\w])",
                      re.IGNORECASE)


def polish_numeral(value: int, genitive: bool = False, feminine: bool = False) -> str:
    """2..99 in words, nominative/accusative or genitive ("14" -> "czternaście" /
    "czternastu"); a feminine noun takes "dwie" in the nominative."""
    ones, teens, tens = (_ONES_GEN, _TEENS_GEN, _TENS_GEN) if genitive else \
        (_ONES, _TEENS, _TENS)
    if 10 <= value < 20:
        return teens[value - 10]
    unit = ones[value % 10]
    if value % 10 == 2 and feminine and not genitive:
        unit = "dwie"
    if value < 10:
        return unit
    return f"{tens[value // 10]} {unit}".strip()


def change_number(text: str) -> Iterator[Site]:
    """A price, threshold, period, percentage or count (a number with its unit, in digits or
    in words) changed."""
    for match in _visible_matches(QUANTITY, text):
        upper = match.group("b")
        for group in ("a", "b"):
            digits = match.group(group)
            if digits is None:
                continue
            value = int(re.sub(r"\D", "", digits.replace("&nbsp;", "")))
            if group == "a" and upper is not None:  # a range's lower bound stays below
                if value > 1:
                    yield _site(match, group, _formatted(value - 1, digits))
            elif value:
                yield _site(match, group, _formatted(other_number(value), digits))
    for match in _visible_matches(word_quantity(), text):
        word = match.group("word")
        value, genitive = WORD_VALUES[word.lower()]
        new = polish_numeral(min(other_number(value), 99), genitive,
                             match.group("unit").startswith(_FEMININE_UNITS))
        yield _site(match, "word", _same_case(word, new))


def number_in_words(text: str) -> Iterator[Site]:
    """A period or count written in words, its value kept: the tool must NOT report it."""
    for match in _visible_matches(_COUNTED, text):
        value = int(match.group("n"))
        if value < 2 or (value % 10 == 1 and value > 20):
            continue  # "jeden"/"jedna", "dwadzieścia jeden": gender and case beyond this table
        genitive = bool(_GENITIVE_BEFORE.search(text[max(0, match.start() - 30):
                                                      match.start()]))
        feminine = match.group("unit").startswith(_FEMININE_UNITS)
        yield _site(match, "n", polish_numeral(value, genitive, feminine))


# ---------------------------------------------------------------------------- digits

DIGIT_RUN = re.compile(r"(?<![\w.,])\+?\d(?:[ \u00a0-]?\d){8,}(?![\w])")


def swap_digits(text: str) -> Iterator[Site]:
    """Two adjacent different digits swapped (the last such pair) in a phone, account, NIP
    or other number of nine digits or more."""
    for match in _visible_matches(DIGIT_RUN, text):
        number = match.group()
        for index in range(len(number) - 2, -1, -1):
            first, second = number[index], number[index + 1]
            if first.isdigit() and second.isdigit() and first != second:
                swapped = number[:index] + second + first + number[index + 2:]
                yield Site(match.start(), match.end(), number, swapped)
                break


# ---------------------------------------------------------------------------- addresses

EMAIL = re.compile(r"(?<![\w.+-])(?P<local>[A-Za-z0-9._%+-]+)@"
                    r"(?P<domain>[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+)(?![\w-])")
URL = re.compile(r"(?P<url>(?:https?://|(?<![\w@/.])www\.)(?P<host>[A-Za-z0-9.-]+)"
                  r"(?P<path>/[^\s\"'<>()\[\]]*)?)")
_OTHER_LOCAL = {"pomoc": "kontakt", "kontakt": "pomoc", "biuro": "sklep", "sklep": "biuro",
                "reklamacje": "zwroty", "zwroty": "reklamacje"}


def other_domain(domain: str) -> str:
    """The near-miss domain a typo or an old brand gives: x.pl -> x.com.pl, x.com.pl ->
    x.pl, x.com -> x.pl."""
    if domain.endswith(".com.pl"):
        return domain[:-len(".com.pl")] + ".pl"
    if domain.endswith(".pl"):
        return domain[:-len(".pl")] + ".com.pl"
    return domain.rsplit(".", 1)[0] + ".pl"


def email_domain(text: str) -> Iterator[Site]:
    """An e-mail address on another domain (pomoc@x.pl -> pomoc@x.com.pl)."""
    for match in _visible_matches(EMAIL, text, with_tags=True):
        yield _site(match, "domain", other_domain(match.group("domain")))


def email_local(text: str) -> Iterator[Site]:
    """An e-mail address with another local part (pomoc@x.pl -> kontakt@x.pl)."""
    for match in _visible_matches(EMAIL, text, with_tags=True):
        local = match.group("local")
        yield _site(match, "local", _OTHER_LOCAL.get(local.lower(),
                                                     "kontakt" if local != "kontakt" else "pomoc"))


def change_url(text: str) -> Iterator[Site]:
    """A link on another host (x.pl -> x.com.pl), or with another last path segment
    (/regulamin.html -> /regulamin2.html)."""
    for match in _visible_matches(URL, text, with_tags=True):
        host = match.group("host").rstrip(".")
        if "." in host:
            yield Site(match.start("host"), match.start("host") + len(host), host,
                       other_domain(host))
        path = (match.group("path") or "").rstrip(".,;:")
        segment = re.search(r"([A-Za-z0-9_-]+)(\.[a-z]+)?/?$", path)
        if segment:
            start, end = (match.start("path") + position for position in segment.span(1))
            yield Site(start, end, segment.group(1), segment.group(1) + "2")


# ---------------------------------------------------------------------------- hours and days

_TIME_RANGE = re.compile(
    r"(?<![\d:.])(?P<from>\d{1,2})(?P<fm>[:.]\d{2})?\s?[–-]\s?(?P<to>\d{1,2})(?P<tm>[:.]\d{2})?"
    r"(?![\d])")
_HOURS_CUE = re.compile(r"(?:godz\w*\.?|w godzinach)\s*(?:od\s*)?$", re.IGNORECASE)
_SINGLE_TIME = re.compile(r"(?<![\d:.–-])(?P<hour>\d{1,2}):(?P<minutes>\d{2})(?![\d:]|\s?[–-])")
_DAY_NAMES = r"pn|pon|wt|śr|czw|pt|sob|nd|niedz"
_DAY_RANGE = re.compile(rf"\b(?:{_DAY_NAMES})\.?\s?[–-]\s?(?P<to>{_DAY_NAMES})(?P<dot>\.?)",
                        re.IGNORECASE)
_NEXT_ABBREVIATION = {"pn": "wt", "pon": "wt", "wt": "śr", "śr": "czw", "czw": "pt",
                      "pt": "sob", "sob": "pt", "nd": "sob", "niedz": "sob"}
_DAY_WORDS = re.compile(r"\bod\s+\w+\s+do\s+(?P<to>poniedziałku|wtorku|środy|czwartku|piątku"
                        r"|soboty|niedzieli)\b", re.IGNORECASE)
_NEXT_GENITIVE = {"poniedziałku": "wtorku", "wtorku": "środy", "środy": "czwartku",
                  "czwartku": "piątku", "piątku": "soboty", "soboty": "piątku",
                  "niedzieli": "soboty"}


def _is_hour(value: str) -> bool:
    return 0 <= int(value) <= 24


def shift_hours(text: str) -> Iterator[Site]:
    """Opening hours or a cut-off time one hour later (8:00–18:00 -> 8:00–19:00, "do 14:00"
    -> "do 15:00"), or the last day of a range one day off (pn.–pt. -> pn.–sob.)."""
    for match in _visible_matches(_TIME_RANGE, text):
        with_minutes = match.group("fm") or match.group("tm")
        cued = _HOURS_CUE.search(text[max(0, match.start() - 20):match.start()])
        if not (with_minutes or cued) or not (_is_hour(match.group("from"))
                                             and _is_hour(match.group("to"))):
            continue
        hour = int(match.group("to"))
        yield _site(match, "to", str(hour + 1 if hour < 23 else hour - 1))
    for match in _visible_matches(_SINGLE_TIME, text):
        hour = int(match.group("hour"))
        if hour <= 23 and int(match.group("minutes")) < 60:
            yield _site(match, "hour", str(hour + 1 if hour < 23 else hour - 1))
    for match in _visible_matches(_DAY_RANGE, text):
        day = match.group("to")
        yield _site(match, "to", _same_case(day, _NEXT_ABBREVIATION[day.lower()]))
    for match in _visible_matches(_DAY_WORDS, text):
        day = match.group("to")
        yield _site(match, "to", _same_case(day, _NEXT_GENITIVE[day.lower()]))


def _same_case(like: str, word: str) -> str:
    return word.capitalize() if like[:1].isupper() else word


# ---------------------------------------------------------------------------- working days

_WORKING_DAYS = re.compile(r"\b(?P<days>dni|dnia)(?P<working>\s+robocz(?:e|ych|ego|ym|ymi))\b")
_CALENDAR_DAYS = re.compile(r"(?<=\d)(?P<days>\s?dni)\b(?!\s+robocz)")


def working_days(text: str) -> Iterator[Site]:
    """Working days made calendar days ("5 dni roboczych" -> "5 dni") and calendar days
    made working days ("14 dni" -> "14 dni roboczych")."""
    for match in _visible_matches(_WORKING_DAYS, text):
        yield Site(match.start(), match.end(), match.group(), match.group("days"))
    for match in _visible_matches(_CALENDAR_DAYS, text):
        start, end = match.span("days")
        start = end - len("dni")
        yield Site(start, end, "dni", "dni roboczych")


# ---------------------------------------------------------------------------- lists

_CARRIERS = ("InPost", "DPD", "DHL", "UPS", "GLS", "FedEx", "Poczta Polska", "Pocztex",
             "Orlen Paczka")
_PAYMENTS = ("BLIK", "PayU", "Przelewy24", "PayPal", "Tpay", "Dotpay", "Google Pay",
             "Apple Pay")
_PAYMENT_PHRASES = (("za pobraniem", "kartą"), ("kartą", "za pobraniem"),
                    ("przelewem", "za pobraniem"), ("gotówką", "kartą"))
# a country in the nominative, genitive and locative: a replacement keeps the case
COUNTRIES = (("Polska", "Polski", "Polsce"), ("Czechy", "Czech", "Czechach"),
              ("Niemcy", "Niemiec", "Niemczech"), ("Słowacja", "Słowacji", "Słowacji"),
              ("Litwa", "Litwy", "Litwie"), ("Austria", "Austrii", "Austrii"))


def _names(names: tuple[str, ...]) -> re.Pattern[str]:
    alternatives = "|".join(re.escape(name) for name in sorted(names, key=len, reverse=True))
    return re.compile(rf"(?<![\w])(?:{alternatives})(?![\w])")


_CARRIER = _names(_CARRIERS)
_PAYMENT = _names(_PAYMENTS)
PAYMENT_PHRASE = re.compile(
    r"(?<![\w])(?:" + "|".join(old for old, _new in _PAYMENT_PHRASES) + r")(?![\w])",
    re.IGNORECASE)
_COUNTRY = re.compile(r"(?<!Poczta )(?<![\w])(?:"
                      + "|".join(form for forms in COUNTRIES for form in forms)
                      + r")(?![\w])")
LIST_NAME_PATTERNS = (_CARRIER, _PAYMENT, _COUNTRY)


def _absent_alternative(found: str, names: tuple[str, ...], text: str) -> str:
    """The next name of the vocabulary (in its order, after `found`) that the file does not
    already state: the mutant offers something the other channels never mention."""
    index = names.index(found)
    for other in names[index + 1:] + names[:index]:
        if other not in text:
            return other
    return names[(index + 1) % len(names)]


def replace_in_list(text: str) -> Iterator[Site]:
    """A carrier, a payment method or a country replaced by another one."""
    for pattern, names in ((_CARRIER, _CARRIERS), (_PAYMENT, _PAYMENTS)):
        for match in _visible_matches(pattern, text):
            yield Site(match.start(), match.end(), match.group(),
                       _absent_alternative(match.group(), names, text))
    phrases = dict(_PAYMENT_PHRASES)
    for match in _visible_matches(PAYMENT_PHRASE, text):
        yield Site(match.start(), match.end(), match.group(),
                   phrases[match.group().lower()])
    for match in _visible_matches(_COUNTRY, text):
        for row, forms in enumerate(COUNTRIES):
            if match.group() in forms:
                case = forms.index(match.group())
                others = [COUNTRIES[(row + step) % len(COUNTRIES)][case]
                          for step in range(1, len(COUNTRIES))]
                new = next((other for other in others if other not in text), others[0])
                yield Site(match.start(), match.end(), match.group(), new)
                break


# ---------------------------------------------------------------------------- conditions

PERIOD_CONDITION = re.compile(
    r"\d+\s?(?:dni|dnia|miesięcy|godzin)(?:\s+roboczych)?"
    r"(?P<condition>\s+od\s+(?:dnia\s+|chwili\s+|momentu\s+|daty\s+)?"
    r"(?:otrzymania|doręczenia|dostarczenia|dostawy|zawarcia|złożenia|wydania|zaksięgowania"
    r"|odbioru|objęcia|zgłoszenia|nadania|zakupu|zamówienia|wpływu|upływu)\b[^.;,<\n]*)",
    re.IGNORECASE)
THRESHOLD_CONDITION = re.compile(
    r"(?:(?:bezpłatn|darmow)\w*\s+(?:dostaw|wysyłk)\w*"
    r"|(?:dostaw|wysyłk)\w*\s+(?:jest\s+)?(?:bezpłatn|darmow|gratis)\w*)"
    r"(?P<condition>\s+(?:przy|dla|od)\s+zamówie\w*[^.;<\n]*?(?:zł|PLN)\b)",
    re.IGNORECASE)


def drop_condition(text: str) -> Iterator[Site]:
    """The condition of a promise dropped: "do 14 dni od otrzymania" -> "do 14 dni",
    "darmowa dostawa przy zamówieniach od 200 zł" -> "darmowa dostawa"."""
    for pattern in (PERIOD_CONDITION, THRESHOLD_CONDITION):
        for match in _visible_matches(pattern, text):
            yield _site(match, "condition", "")


# ---------------------------------------------------------------------------- the registry

OPERATORS: dict[str, Operator] = {
    "number": change_number,
    "digit-swap": swap_digits,
    "email-domain": email_domain,
    "email-local": email_local,
    "url": change_url,
    "hours": shift_hours,
    "number-in-words": number_in_words,
    "working-days": working_days,
    "list-item": replace_in_list,
    "drop-condition": drop_condition,
}
VALUE_PRESERVING = frozenset({"number-in-words"})
