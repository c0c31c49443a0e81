"""The built-in checks, one module each, listed in `registry.py`; `protocol.py` says what a
check module declares, `ruleset.py` what the configuration does to their findings."""
