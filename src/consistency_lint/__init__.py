"""consistency-lint: keeps customer communication consistent and lawful across channels."""

# The one place the version is written (pyproject.toml reads it from here): reading it from
# the installed metadata instead imports importlib.metadata, a twentieth of a second at start.
__version__ = "0.1.0"
