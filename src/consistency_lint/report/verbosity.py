"""How much a reporter says besides the findings themselves."""

from enum import StrEnum


class Verbosity(StrEnum):
    QUIET = "quiet"
    NORMAL = "normal"
    VERBOSE = "verbose"
