"""The dev / held-out split, fixed before the first run (see README.md)."""

from __future__ import annotations

import hashlib

DEV, HELD_OUT = "dev", "held-out"
SPLITS = (DEV, HELD_OUT)


def split_of(key: str) -> str:
    """Held-out when the last hex digit of sha256(key) is even: `key` is a corpus-relative
    document path or a paraphrase's sentence text."""
    return HELD_OUT if int(hashlib.sha256(key.encode("utf-8")).hexdigest()[-1], 16) % 2 == 0 \
        else DEV
