"""Problems met while reading the user's files, printed to stderr as one "Note:" line each."""

from __future__ import annotations

import sys

from psoas_coach.i18n import _


def warn(problems: list[str]) -> None:
    for problem in problems:
        print(_("Note: {problem}").format(problem=problem), file=sys.stderr)
