"""What the coaching commands share: the user's programs, sessions and coaching state, loaded without Qt."""

from __future__ import annotations

import sys
from dataclasses import dataclass
from typing import Any

from psoas_coach.core.levels import apply_levels
from psoas_coach.core.program import Program, ProgramLibrary, load_library
from psoas_coach.core.progression import FOUNDATION_PROGRAM
from psoas_coach.paths import AppPaths
from psoas_coach.store.coaching_store import CoachingState, CoachingStore
from psoas_coach.store.sessions import SessionStore


@dataclass
class Context:
    library: ProgramLibrary
    sessions: list[dict[str, Any]]
    state: CoachingState
    problems: list[str]

    def program(self, program_id: str | None = None) -> Program:
        """The program asked for, else the user's current one, else Foundation, else the first."""
        for wanted in (program_id, self.state.current_program, FOUNDATION_PROGRAM):
            if wanted and wanted in self.library.ids():
                return self.library.get(wanted)
        return self.library.programs[0]

    def levelled(self, program: Program) -> Program:
        return apply_levels(program, self.state.levels_for(program.id))


def load_context(paths: AppPaths, *, sessions: bool = True) -> Context:
    library = load_library([paths.programs])
    problems = [str(p) for p in library.problems]
    records: list[dict[str, Any]] = []
    if sessions:
        loaded = SessionStore(paths.sessions, parse_cache=paths.parse_cache).load_all()
        records = list(loaded.sessions)
        notice = loaded.notice()  # one sentence for all the files that did not load
        if notice:
            problems.append(notice)
    levels = CoachingStore(paths.data)
    state = levels.load()
    problems.extend(levels.problems)
    return Context(library, records, state, problems)


def warn(problems: list[str]) -> None:
    for problem in problems:
        print(f"Note: {problem}", file=sys.stderr)
