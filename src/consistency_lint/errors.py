"""Errors that stop a run (exit code 2); caught only at the command-line boundary."""

from __future__ import annotations


class ConsistencyLintError(Exception):
    """A problem the user must fix before a run can start: one sentence with file:line."""

    def __init__(self, message: str, path: str | None = None, line: int | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.path = path
        self.line = line

    def __str__(self) -> str:
        location = ""
        if self.path:
            location = f"{self.path}:{self.line}: " if self.line else f"{self.path}: "
        return f"{location}{self.message}"


class ConfigError(ConsistencyLintError):
    """The configuration (or a file it names) is missing, malformed or invalid."""


class ConfigNotFoundError(ConfigError):
    """No configuration in the project directory or above it."""


class UsageError(ConsistencyLintError):
    """The command line asks for something that cannot be done."""
