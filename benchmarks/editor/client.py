"""A language server client as an editor is one: JSON-RPC over the stdio of a subprocess
(`consistency-lint lsp`), requests with ids, notifications, and every message the server
sends, read on a thread. Used by the latency benchmark and by tests/test_language_server.py."""

from __future__ import annotations

import json
import queue
import subprocess
import sys
import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any

TIMEOUT = 120.0  # the first check loads the language pipeline
Message = dict[str, Any]


class Session:
    """An editor's side of the protocol: requests with ids, notifications, and every
    message the server sends, read on a thread."""

    def __init__(self, project: Path, today: str = "2026-11-30",
                 environment: dict[str, str] | None = None) -> None:
        self.process = subprocess.Popen(
            [sys.executable, "-m", "consistency_lint", "lsp", "--today", today],
            stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
            cwd=project, env=environment)
        self.received: queue.Queue[Message] = queue.Queue()
        self.next_id = 0
        self.opened: set[str] = set()
        threading.Thread(target=self._read, daemon=True).start()

    def _read(self) -> None:
        stream = self.process.stdout
        assert stream is not None
        while True:
            header = b""
            while not header.endswith(b"\r\n\r\n"):
                byte = stream.read(1)
                if not byte:
                    return
                header += byte
            length = int(header.split(b"Content-Length:")[1].split(b"\r\n")[0])
            self.received.put(json.loads(stream.read(length)))

    def send(self, method: str, params: Any, request: bool = False) -> int | None:
        if method == "textDocument/didOpen":
            self.opened.add(params["textDocument"]["uri"])
        elif method == "textDocument/didClose":
            self.opened.discard(params["textDocument"]["uri"])
        message: Message = {"jsonrpc": "2.0", "method": method, "params": params}
        if request:
            self.next_id += 1
            message["id"] = self.next_id
        body = json.dumps(message).encode()
        assert self.process.stdin is not None
        self.process.stdin.write(b"Content-Length: %d\r\n\r\n" % len(body) + body)
        self.process.stdin.flush()
        return message.get("id")

    def request(self, method: str, params: Any) -> Any:
        number = self.send(method, params, request=True)
        return self.wait(lambda message: message.get("id") == number
                         and "method" not in message)["result"]

    def wait(self, wanted: Callable[[Message], bool]) -> Message:
        while True:
            message = self.received.get(timeout=TIMEOUT)
            if wanted(message):
                return message

    def diagnostics(self, uri: str) -> list[Message]:
        return self.wait(lambda message: message.get("method")
                         == "textDocument/publishDiagnostics"
                         and message["params"]["uri"] == uri)["params"]["diagnostics"]

    def initialize(self, project: Path) -> None:
        self.request("initialize", {"processId": None, "rootUri": project.as_uri(),
                                    "capabilities": {}})
        self.send("initialized", {})

    def close_documents(self) -> None:
        """Close every document still open, as an editor closing its tabs."""
        for uri in sorted(self.opened):
            self.send("textDocument/didClose", {"textDocument": {"uri": uri}})

    def close(self) -> None:
        if self.process.poll() is None:
            self.process.kill()
        self.process.wait()
