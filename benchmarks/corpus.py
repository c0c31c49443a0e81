"""A deterministic synthetic content repository: four channels of realistic Polish text
about a furniture shop, a facts registry, and a ground truth of seeded fact mismatches.

    python benchmarks/corpus.py OUTPUT_DIR --documents 2000 --seed 7
"""

from __future__ import annotations

import argparse
import json
import random
from dataclasses import dataclass
from pathlib import Path

PRODUCT_TYPES = ["Sofa", "Fotel", "Stół", "Komoda", "Szafa", "Regał", "Biurko", "Łóżko",
                 "Krzesło", "Lampa", "Pufa", "Witryna"]
PRODUCT_NAMES = ["Lido", "Nova", "Aria", "Bora", "Celta", "Dora", "Etna", "Fala", "Gaja",
                 "Hela", "Iga", "Juna", "Kora", "Luna", "Mira", "Nela", "Ola", "Pola", "Rita",
                 "Sara", "Tola", "Ula", "Wera", "Zoja"]
FILLER = [
    "Nasze meble powstają w polskich zakładach z drewna pochodzącego z certyfikowanych lasów.",
    "Każdy egzemplarz przed wysyłką przechodzi kontrolę jakości w naszym magazynie.",
    "Tkaniny obiciowe są odporne na ścieranie i łatwe w czyszczeniu.",
    "W salonach firmowych można obejrzeć wszystkie kolory i wykończenia.",
    "Doradcy pomogą dobrać wymiary mebla do układu mieszkania.",
    "Montaż jest prosty, a instrukcja zawiera ilustracje każdego kroku.",
    "Zachęcamy do zapoznania się z opiniami klientów na stronie produktu.",
    "Regularna pielęgnacja przedłuża żywotność mebli tapicerowanych.",
    "Opakowanie nadaje się do recyklingu i chroni mebel podczas transportu.",
    "Informacje o dostępności aktualizujemy kilka razy dziennie.",
    "Konsultanci odpowiadają na pytania dotyczące zamówień i dostaw.",
    "W razie wątpliwości prosimy o kontakt z działem obsługi klienta.",
    "Klient powinien sprawdzić przesyłkę w obecności kuriera.",
    "Zdjęcia produktów mogą nieznacznie różnić się od rzeczywistych kolorów.",
]
HOTLINE, WRONG_HOTLINE = "22 350 40 50", "22 350 40 59"
DELIVERY, WRONG_DELIVERY = "5–7 dni roboczych", "do 10 dni roboczych"


@dataclass(frozen=True)
class Product:
    key: str
    name: str
    price: int


def products(rng: random.Random, count: int) -> list[Product]:
    names = [f"{kind} {name}" for kind in PRODUCT_TYPES for name in PRODUCT_NAMES]
    rng.shuffle(names)
    return [Product(f"p{index}", names[index], rng.randrange(300, 9000, 10))
            for index in range(min(count, len(names)))]


def money(amount: int) -> str:
    return f"{amount:,}".replace(",", " ") + " zł"


class Writer:
    """Builds one document line by line, recording the lines of seeded mismatches."""

    def __init__(self, rng: random.Random, mismatch_rate: float) -> None:
        self.rng = rng
        self.mismatch_rate = mismatch_rate
        self.lines: list[str] = []
        self.seeded: list[tuple[int, str]] = []

    def add(self, line: str) -> None:
        self.lines.append(line)

    def fact(self, correct: str, wrong: str, attribute: str) -> None:
        """Add `correct`, or with the mismatch rate `wrong`, remembering where."""
        if self.rng.random() < self.mismatch_rate:
            self.lines.append(wrong)
            self.seeded.append((len(self.lines), attribute))
        else:
            self.lines.append(correct)

    def filler(self, sentences: int) -> str:
        return " ".join(self.rng.choice(FILLER) for _ in range(sentences))


def web_page(writer: Writer, product: Product) -> str:
    wrong_price = product.price + writer.rng.choice([-200, -100, 100, 200])
    writer.add("<!DOCTYPE html>")
    writer.add('<html lang="pl"><head><meta charset="utf-8">')
    writer.add(f"<title>{product.name} – Meblino</title>")
    writer.add('<meta name="owner" content="Dział Produktu"></head><body>')
    writer.add('<nav><a href="/">Start</a> <a href="/meble">Meble</a></nav>')
    writer.add(f"<h1>{product.name}</h1>")
    writer.fact(f"<p>Cena: {money(product.price)}.</p>",
                f"<p>Cena: {money(wrong_price)}.</p>", "price")
    for _ in range(writer.rng.randint(12, 18)):
        writer.add(f"<p>{writer.filler(3)}</p>")
    writer.fact(f"<p>Wysyłka w {DELIVERY}.</p>", f"<p>Wysyłka w {WRONG_DELIVERY}.</p>",
                "delivery_time")
    writer.add("<footer><p>© Meblino</p></footer></body></html>")
    return "\n".join(writer.lines) + "\n"


def kb_article(writer: Writer, product: Product) -> str:
    wrong_price = product.price + writer.rng.choice([-150, 150, 300])
    writer.add("---")
    writer.add("owner: Zespół Obsługi Klienta")
    writer.add("---")
    writer.add(f"# {product.name} – ściąga dla konsultanta")
    writer.add("")
    writer.fact(f"{product.name} kosztuje {money(product.price)}.",
                f"{product.name} kosztuje {money(wrong_price)}.", "price")
    for _ in range(writer.rng.randint(12, 18)):
        writer.add("")
        writer.add(writer.filler(3))
    writer.add("")
    writer.fact(f"Infolinia: {HOTLINE}.", f"Infolinia: {WRONG_HOTLINE}.", "hotline")
    return "\n".join(writer.lines) + "\n"


def faq_file(writer: Writer, topics: int) -> str:
    writer.add("owner: Zespół Obsługi Klienta")
    writer.add("entries:")
    for _ in range(topics):
        writer.add("  - question: Jak długo trwa dostawa mebli?")
        writer.fact(f"    answer: Dostawa trwa {DELIVERY}. {writer.filler(4)}",
                    f"    answer: Dostawa trwa {WRONG_DELIVERY}. {writer.filler(4)}",
                    "delivery_time")
        writer.add("  - question: Czy sklep ma infolinię?")
        writer.fact(f"    answer: Tak, zadzwoń pod numer {HOTLINE}. {writer.filler(4)}",
                    f"    answer: Tak, zadzwoń pod numer {WRONG_HOTLINE}. {writer.filler(4)}",
                    "hotline")
    return "\n".join(writer.lines) + "\n"


def letter(writer: Writer) -> str:
    writer.add("Dzień dobry {{ customer.name }},")
    writer.add("")
    writer.add("dziękujemy za zamówienie nr {{ order.number }}. " + writer.filler(4))
    for _ in range(writer.rng.randint(8, 12)):
        writer.add("")
        writer.add(writer.filler(3))
    writer.add("")
    writer.fact(f"W razie pytań zadzwoń na infolinię: {HOTLINE}.",
                f"W razie pytań zadzwoń na infolinię: {WRONG_HOTLINE}.", "hotline")
    return "\n".join(writer.lines) + "\n"


CONFIG = """version: 1
facts: facts.yaml
rules: [builtin:pl-consumer-rights-2014, builtin:tone-pl]
channels:
  web: {loader: html, paths: ["web/**/*.html"], profile: web}
  faq: {loader: faq, paths: ["faq/*.yaml"], profile: faq}
  kb: {loader: markdown, paths: ["kb/**/*.md"], profile: call-center}
  letters:
    loader: template
    paths: ["letters/*.j2"]
    profile: letter
    variables: variables.yaml
"""


def generate(root: Path, documents: int, seed: int, mismatch_rate: float) -> dict[str, object]:
    rng = random.Random(seed)
    catalogue = products(rng, 200)
    root.mkdir(parents=True, exist_ok=True)
    (root / "consistency-lint.yaml").write_text(CONFIG, encoding="utf-8")
    (root / "variables.yaml").write_text("customer: {name: imię}\norder: {number: numer}\n",
                                         encoding="utf-8")
    registry = ["subjects:", "  shop: {name: Sklep Meblino, aliases: [Meblino]}"]
    registry += [f"  {p.key}: {{name: {p.name}}}" for p in catalogue]
    registry += ["facts:", f"  - {{subject: shop, attribute: hotline, value: {HOTLINE}}}",
                 f"  - {{subject: shop, attribute: delivery_time, value: {DELIVERY}}}"]
    registry += [f"  - {{subject: {p.key}, attribute: price, value: {money(p.price)}}}"
                 for p in catalogue]
    (root / "facts.yaml").write_text("\n".join(registry) + "\n", encoding="utf-8")
    seeded: list[dict[str, object]] = []
    for index in range(documents):
        writer = Writer(rng, mismatch_rate)
        product = catalogue[index % len(catalogue)]
        channel = ("web", "kb", "faq", "letters")[index % 4]
        if channel == "web":
            path, text = f"web/produkty/{index:05d}.html", web_page(writer, product)
        elif channel == "kb":
            path, text = f"kb/{index:05d}.md", kb_article(writer, product)
        elif channel == "faq":
            path, text = f"faq/{index:05d}.yaml", faq_file(writer, rng.randint(4, 7))
        else:
            path, text = f"letters/{index:05d}.txt.j2", letter(writer)
        (root / path).parent.mkdir(parents=True, exist_ok=True)
        (root / path).write_text(text, encoding="utf-8")
        seeded += [{"path": path, "line": line, "attribute": attribute}
                   for line, attribute in writer.seeded]
    truth = {"seed": seed, "documents": documents, "seeded_mismatches": seeded}
    (root / "ground-truth.json").write_text(json.dumps(truth, indent=1), encoding="utf-8")
    return truth


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("output", type=Path)
    parser.add_argument("--documents", type=int, default=2000)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--mismatch-rate", type=float, default=0.05)
    arguments = parser.parse_args()
    truth = generate(arguments.output, arguments.documents, arguments.seed,
                     arguments.mismatch_rate)
    print(f"{arguments.documents} documents, {len(truth['seeded_mismatches'])} seeded "
          f"mismatches in {arguments.output}")


if __name__ == "__main__":
    main()
