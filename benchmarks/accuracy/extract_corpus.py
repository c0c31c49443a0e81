"""Rebuild `corpus/` of the accuracy benchmark from the published packages it comes from.

Every text in the corpus is real Polish customer communication written by people outside this
team: the Polish translations of open-source shop and ticketing platforms (e-mail templates,
checkout and account pages) and of cookie-consent banners used on shop websites. They are taken
from the packages as the registries publish them (PyPI, npm), pinned by version and SHA-256;
`sources.yaml` records each package, its licence and where its licence text is kept.

The script downloads the packages (the registries are the only network this runs against),
checks their digests, and writes the documents deterministically: the gold annotations in
`gold.yaml` point at lines of these files, so a rebuild must give the same bytes.

    pip install polib pyyaml && python benchmarks/accuracy/extract_corpus.py

Only the texts are taken, never code. A gettext catalogue gives strings, not pages: strings
of one template or module are joined, in catalogue order, into one document, HTML tags are
dropped, and placeholders (`{event}`, `%(site_name)s`) are kept as the platform writes them.
"""

from __future__ import annotations

import hashlib
import html
import io
import json
import re
import subprocess
import sys
import tarfile
import zipfile
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

import polib
import yaml

HERE = Path(__file__).resolve().parent
CORPUS = HERE / "corpus"
DOWNLOADS = HERE / ".downloads"  # git-ignored
MIN_WORDS = 4  # shorter strings are button labels, not sentences a reviewer reads

TAG = re.compile(r"<[^>]+>")
WRITTEN: set[Path] = set()


@dataclass(frozen=True)
class Source:
    """One published package: where it comes from and what its archive must hash to."""

    key: str
    registry: str  # pypi | npm
    name: str
    version: str
    sha256: str
    filename: str


def load_sources() -> dict[str, Source]:
    data = yaml.safe_load((HERE / "sources.yaml").read_text(encoding="utf-8"))
    return {
        key: Source(
            key=key,
            registry=entry["registry"],
            name=entry["package"],
            version=str(entry["version"]),
            sha256=entry["sha256"],
            filename=entry["archive"],
        )
        for key, entry in data["sources"].items()
    }


def download(source: Source) -> Path:
    """The package archive, downloaded once into `.downloads/` and checked against its digest."""
    DOWNLOADS.mkdir(exist_ok=True)
    target = DOWNLOADS / source.filename
    if not target.exists():
        if source.registry == "pypi":
            command = [sys.executable, "-m", "pip", "download", "--no-deps", "--quiet",
                       f"{source.name}=={source.version}", "--dest", str(DOWNLOADS)]
        else:
            command = ["npm", "pack", "--silent", f"{source.name}@{source.version}",
                       "--pack-destination", str(DOWNLOADS)]
        subprocess.run(command, check=True)
    digest = hashlib.sha256(target.read_bytes()).hexdigest()
    if digest != source.sha256:
        raise SystemExit(f"{target.name}: sha256 {digest}, expected {source.sha256}")
    return target


def member(archive: Path, name: str) -> bytes:
    """One file of a wheel (zip) or npm package (tar.gz)."""
    if archive.suffix == ".whl":
        with zipfile.ZipFile(archive) as wheel:
            return wheel.read(name)
    with tarfile.open(archive) as package:
        extracted = package.extractfile(name)
        if extracted is None:
            raise SystemExit(f"{archive.name}: {name} is not a file")
        return extracted.read()


def catalogue(archive: Path, name: str) -> polib.POFile:
    return polib.pofile(member(archive, name).decode("utf-8"))


def plain(text: str) -> str:
    """Catalogue text as a reader sees it: no HTML tags or entities, no trailing blanks."""
    lines = (line.rstrip() for line in html.unescape(TAG.sub("", text)).splitlines())
    return "\n".join(lines).strip()


def translated(po: polib.POFile, wanted: Callable[[str], bool]) -> Iterator[tuple[str, str]]:
    """(first source reference, translation) of every translated entry from a wanted file."""
    for entry in po:
        if not entry.msgstr or entry.obsolete or "fuzzy" in entry.flags:
            continue
        origins = [path for path, _line in entry.occurrences if wanted(path)]
        if origins:
            yield origins[0], plain(entry.msgstr)


def strings_under(po: polib.POFile, prefixes: tuple[str, ...]) -> list[str]:
    """The translations of entries from files whose path starts with one of `prefixes`."""
    return [text for _, text in translated(po, lambda path: path.startswith(prefixes))]


def slug(text: str) -> str:
    words = re.sub(r"[^a-z0-9]+", " ", text.lower()).split()
    return "-".join(words[:6])


def write(relative: str, text: str) -> None:
    """Write one document; a second document of the same name gets a numbered name."""
    path = CORPUS / relative
    number = 2
    while path in WRITTEN:
        path = (CORPUS / relative).with_stem(f"{Path(relative).stem}-{number}")
        number += 1
    WRITTEN.add(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text.rstrip() + "\n", encoding="utf-8")


def page(title: str, paragraphs: Iterable[str]) -> str:
    """A Markdown page: the strings of one part of a platform, one paragraph each."""
    unique = list(dict.fromkeys(p for p in paragraphs if len(p.split()) >= MIN_WORDS))
    return f"# {title}\n\n" + "\n\n".join(unique)


def pretix_emails(archive: Path) -> None:
    """pretix's default e-mail texts (order placed, paid, cancelled, ...), one file each."""
    po = catalogue(archive, "pretix/locale/pl/LC_MESSAGES/django.po")
    for entry in po:
        in_settings = any(path == "pretix/base/settings.py" for path, _ in entry.occurrences)
        if entry.msgstr and in_settings and "\n\n" in entry.msgid:
            english_topic = entry.msgid.split("\n\n")[1].splitlines()[0]
            write(f"emails/pretix/{slug(english_topic)}.txt", plain(entry.msgstr))


PRETIX_PRESALE = "pretix/presale/"
PRETIX_PAGES = {
    "zamowienie": ("Twoje zamówienie", ("templates/pretixpresale/event/order",
                                        "templates/pretixpresale/event/position",
                                        "templates/pretixpresale/event/fragment_change_confirm",
                                        "templates/pretixpresale/event/fragment_downloads",
                                        "views/order.py")),
    "kasa": ("Koszyk i płatność", ("templates/pretixpresale/event/checkout",
                                   "templates/pretixpresale/event/fragment_cart",
                                   "templates/pretixpresale/event/voucher",
                                   "checkoutflow.py", "forms/checkout.py", "views/cart.py")),
    "lista-oczekujacych": ("Lista oczekujących", ("templates/pretixpresale/event/waitinglist",
                                                  "views/waiting.py")),
    "konto": ("Konto klienta", ("forms/customer.py", "views/customer.py", "views/user.py")),
    "pliki-cookies": ("Pliki cookies", ("templates/pretixpresale/event/cookies",)),
}


def pretix_pages(archive: Path) -> None:
    """pretix's ticket-shop pages: the order page, checkout, waiting list, account, cookies."""
    po = catalogue(archive, "pretix/locale/pl/LC_MESSAGES/django.po")
    for name, (title, parts) in PRETIX_PAGES.items():
        prefixes = tuple(PRETIX_PRESALE + part for part in parts)
        write(f"web/pretix/{name}.md", page(title, strings_under(po, prefixes)))


def pretix(archive: Path) -> None:
    pretix_emails(archive)
    pretix_pages(archive)


def allauth_emails(archive: Path) -> None:
    """django-allauth's account e-mails: the subject line, then the message's strings."""
    po = catalogue(archive, "allauth/locale/pl/LC_MESSAGES/django.po")
    messages: dict[str, list[str]] = {}
    for origin, text in translated(po, lambda path: "/email/" in path):
        name = Path(origin).name.removesuffix(".txt").rsplit("_", 1)[0]
        part = "Temat: " + text if origin.endswith("_subject.txt") else text
        messages.setdefault(name, []).append(part)
    for name, parts in messages.items():
        if name not in {"base", "base_notification"}:
            write(f"emails/allauth/{slug(name)}.txt", "\n\n".join(parts))


OSCAR_PAGES = {
    "koszyk": ("Koszyk i promocje", ("apps/basket/", "templates/oscar/basket/",
                                     "apps/offer/benefits.py", "apps/offer/conditions.py")),
    "zamowienie": ("Składanie zamówienia", ("apps/checkout/", "templates/oscar/checkout/",
                                            "apps/payment/forms.py")),
    "konto": ("Konto klienta", ("apps/customer/views.py", "apps/customer/forms.py",
                                "apps/customer/alerts/", "apps/customer/wishlists/",
                                "templates/oscar/customer/", "templates/oscar/registration/")),
}


def oscar(archive: Path) -> None:
    """django-oscar: the shop's customer pages (basket, checkout, account) and its e-mails."""
    po = catalogue(archive, "oscar/locale/pl/LC_MESSAGES/django.po")
    for name, (title, prefixes) in OSCAR_PAGES.items():
        write(f"web/oscar/{name}.md", page(title, strings_under(po, prefixes)))
    emails: dict[str, list[str]] = {}
    for origin, text in translated(po, lambda path: "communication/emails/" in path):
        name = Path(origin).name.split(".")[0].removeprefix("commtype_")
        name = name.removesuffix("_body").removesuffix("_subject")
        emails.setdefault(name, []).append(text)
    for name, parts in emails.items():
        write(f"emails/oscar/{slug(name)}.txt", "\n\n".join(dict.fromkeys(parts)))


def leaves(tree: object) -> Iterator[str]:
    """Every string of a nested translation mapping, in file order."""
    if isinstance(tree, dict):
        for value in tree.values():
            yield from leaves(value)
    elif isinstance(tree, str):
        yield " ".join(tree.split())


def klaro(archive: Path) -> None:
    """Klaro!'s Polish cookie-consent banner and settings dialog."""
    translations = yaml.safe_load(io.BytesIO(member(archive, "package/src/translations/pl.yml")))
    write("web/klaro/zgody-cookies.md", page("Zgody na pliki cookies", leaves(translations)))


def tarteaucitron(archive: Path) -> None:
    """tarteaucitron.js's Polish cookie-consent texts (a JavaScript object of strings)."""
    source = member(archive, "package/lang/tarteaucitron.pl.js").decode("utf-8")
    strings = (json.loads(f'"{value}"') for value in re.findall(r'"\w+":\s*"((?:[^"\\]|\\.)*)"',
                                                                 source))
    write("web/tarteaucitron/pliki-cookies.md", page("Panel plików cookies", strings))


INDICO_EMAILS = ("indico/modules/auth/templates/emails/",
                 "indico/modules/users/templates/emails/registration_request",
                 "indico/modules/users/templates/emails/verify_email",
                 "indico/modules/events/registration/templates/emails/")
INDICO_PAGES = {
    "rejestracja": ("Rejestracja na wydarzenie", (
        "indico/modules/events/registration/templates/display/",
        "indico/modules/events/registration/controllers/display.py")),
    "platnosc": ("Płatność za rejestrację", ("indico/modules/events/payment/templates/event",
                                             "indico/modules/events/payment/templates/transaction")),
}


def indico(archive: Path) -> None:
    """Indico (event registration): the e-mails to registrants and the registration pages."""
    po = catalogue(archive, "indico/translations/pl_PL/LC_MESSAGES/messages.po")
    emails: dict[str, list[str]] = {}
    for origin, text in translated(po, lambda path: path.startswith(INDICO_EMAILS)
                                   and "_to_managers" not in path):
        emails.setdefault(Path(origin).name.split(".")[0], []).append(text)
    for name, parts in emails.items():
        write(f"emails/indico/{slug(name)}.txt", "\n\n".join(dict.fromkeys(parts)))
    for name, (title, prefixes) in INDICO_PAGES.items():
        write(f"web/indico/{name}.md", page(title, strings_under(po, prefixes)))


def shopware(archive: Path) -> None:
    """Shopware PWA's default storefront theme: the shop's own pages in Polish."""
    translations = json.loads(member(archive, "package/dist/locales/pl-PL.json"))
    write("web/shopware/sklep.md", page("Sklep", leaves(translations)))


def jquery_validation(archive: Path) -> None:
    """jQuery Validation's Polish form messages, as shops show them under their forms."""
    source = member(archive, "package/dist/localization/messages_pl.js").decode("utf-8")
    strings = re.findall(r'\w+:\s*(?:\$\.validator\.format\(\s*)?"([^"]*)"', source)
    write("web/jquery-validation/formularze.md", page("Komunikaty formularzy", strings))


EXTRACTORS: dict[str, Callable[[Path], None]] = {
    "pretix": pretix,
    "django-allauth": allauth_emails,
    "django-oscar": oscar,
    "klaro": klaro,
    "tarteaucitron": tarteaucitron,
    "indico": indico,
    "shopware-pwa": shopware,
    "jquery-validation": jquery_validation,
}


def main() -> None:
    sources = load_sources()
    for key, extract in EXTRACTORS.items():
        extract(download(sources[key]))
    print(f"corpus written to {CORPUS}")


if __name__ == "__main__":
    main()
