"""Allows `python -m consistency_lint`; nothing is imported from the working directory."""

from consistency_lint.import_path import forbid_working_directory_imports

forbid_working_directory_imports()

from consistency_lint.cli import main  # noqa: E402 - only once sys.path is safe

main()
