"""Problems met while reading the user's files, printed to stderr as one "Note:" line each."""

from __future__ import annotations

import sys


def warn(problems: list[str]) -> None:
    for problem in problems:
        print(f"Note: {problem}", file=sys.stderr)
