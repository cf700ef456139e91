"""Problems met while reading the user's files, printed to stderr as one "Note:" line each."""

from __future__ import annotations

from psoas_coach.i18n import _
import sys


def warn(problems: list[str]) -> None:
    for problem in problems:
        print(_("Note: {problem}").format(problem=problem), file=sys.stderr)
