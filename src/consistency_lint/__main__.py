"""Allows `python -m consistency_lint`."""

from consistency_lint.cli import main

main()
