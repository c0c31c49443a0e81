"""consistency-lint: keeps customer communication consistent and lawful across channels."""

from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("consistency-lint")
except PackageNotFoundError:  # running from a source tree that was never installed
    __version__ = "0.0.0+unknown"
