"""What checks may know besides the document: the configuration and the run's date."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from consistency_lint.config import Config


@dataclass(frozen=True)
class CheckContext:
    config: Config
    today: date
