"""How long an editor waits for findings: `consistency-lint lsp` on a 5 000-word page.

The page is ksiegarnia's terms (`benchmarks/mutations/sources/ksiegarnia`, a shop written
for the mutation benchmark) with its complaints, returns, delivery and payment pages
appended: real-shaped terms of about 5 000 words, in a project of 26 files with a registry.
The server is started as an editor starts it; times are from the notification sent to the
diagnostics received:

- open: the first check (the language pipeline loads; the cache is cold);
- save: every check after the file changed on disk (a new sentence each time), saved
  before the server's pause for typing ran the page's own checks;
- change: one document's checks on unsaved text, without the pause the server waits for
  typing to stop (`DEBOUNCE_SECONDS`, which an editor adds on top);
- save after a pause: the usual case, the page's checks ran on the same text while the
  editor paused, so the save's run finds them in the cache and costs the comparisons.

    python benchmarks/editor/latency.py [--repeat 5]
"""

from __future__ import annotations

import argparse
import re
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from benchmarks.editor.client import Session

from consistency_lint.lsp.server import DEBOUNCE_SECONDS

SOURCE = Path(__file__).resolve().parents[1] / "mutations" / "sources" / "ksiegarnia"
PAGE = "web/regulamin.html"
APPENDED = ("web/reklamacje.html", "web/zwroty.html", "web/dostawa.html", "web/platnosci.html")
BODY = re.compile(r"<body[^>]*>(.*)</body>", re.DOTALL)


def long_page(project: Path) -> str:
    """The terms with the other pages' bodies appended before `</body>`."""
    bodies = (BODY.search((project / page).read_text(encoding="utf-8")) for page in APPENDED)
    extra = "".join(body.group(1) for body in bodies if body)
    return (project / PAGE).read_text(encoding="utf-8").replace("</body>", extra + "</body>", 1)


def words(html: str) -> int:
    return len(re.sub(r"<[^>]+>", " ", html).split())


def _timed(editor: Session, uri: str, method: str, params: dict[str, Any]) -> float:
    """Seconds from sending the notification to the diagnostics of `uri`."""
    started = time.perf_counter()
    editor.send(method, params)
    editor.diagnostics(uri)
    return time.perf_counter() - started


def measure(repeat: int) -> dict[str, object]:
    with tempfile.TemporaryDirectory() as scratch:
        project = Path(scratch) / "ksiegarnia"
        shutil.copytree(SOURCE, project)
        text = long_page(project)
        page = project / PAGE
        page.write_text(text, encoding="utf-8")
        uri = page.as_uri()
        editor = Session(project, today="2026-12-07")
        try:
            editor.initialize(project)
            opened = _timed(editor, uri, "textDocument/didOpen", {"textDocument": {
                "uri": uri, "languageId": "html", "version": 1, "text": text}})
            saved = {"textDocument": {"uri": uri}}
            saves, changes, saves_after_pause = [], [], []
            for round_ in range(repeat):
                # typed and saved at once: the save's run reads the page anew
                text = text.replace("</body>", f"<p>Zmiana numer {round_}.</p></body>", 1)
                page.write_text(text, encoding="utf-8")
                version = 10 * round_ + 2
                editor.send("textDocument/didChange", {
                    "textDocument": {"uri": uri, "version": version},
                    "contentChanges": [{"text": text}]})
                saves.append(_timed(editor, uri, "textDocument/didSave", saved))
                # typed, a pause (the document's checks run), then saved
                text = text.replace("</body>", f"<p>Jeszcze zdanie {round_}.</p></body>", 1)
                changes.append(_timed(editor, uri, "textDocument/didChange", {
                    "textDocument": {"uri": uri, "version": version + 1},
                    "contentChanges": [{"text": text}]}) - DEBOUNCE_SECONDS)
                page.write_text(text, encoding="utf-8")
                saves_after_pause.append(_timed(editor, uri, "textDocument/didSave", saved))
        finally:
            editor.close()
    return {"words": words(text), "open": opened, "save": statistics.median(saves),
            "change": statistics.median(changes),
            "save after pause": statistics.median(saves_after_pause)}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--repeat", type=int, default=5)
    figures = measure(parser.parse_args().repeat)
    print(f"page: {figures['words']} words")
    print(f"open (cold, pipeline loads): {figures['open']:.2f} s")
    print(f"save (every check), median: {figures['save']:.2f} s")
    print(f"change (one document's checks, without the {DEBOUNCE_SECONDS} s pause), median: "
          f"{figures['change']:.2f} s")
    print(f"save after a pause in typing (the page's checks already ran), median: "
          f"{figures['save after pause']:.2f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
