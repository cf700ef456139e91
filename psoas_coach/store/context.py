"""Reads the coaching context (programs, sessions, coaching state) for the commands that need no window."""

from __future__ import annotations

from typing import Any

from psoas_coach.core.coaching import CoachingContext
from psoas_coach.core.program import load_library
from psoas_coach.paths import AppPaths
from psoas_coach.store.coaching_store import CoachingStore
from psoas_coach.store.sessions import SessionStore


def load_context(paths: AppPaths, *, sessions: bool = True) -> CoachingContext:
    """The user's programs, their sessions (unless *sessions* is False) and coaching state, with every
    problem met on the way as one sentence each."""
    library = load_library([paths.programs])
    problems = [str(p) for p in library.problems]
    records: list[dict[str, Any]] = []
    if sessions:
        loaded = SessionStore(paths.sessions, parse_cache=paths.parse_cache).load_all()
        records = list(loaded.sessions)
        notice = loaded.notice()  # one sentence for all the files that did not load
        if notice:
            problems.append(notice)
    coaching = CoachingStore(paths.data)
    state = coaching.load()
    problems.extend(coaching.problems)
    return CoachingContext(library, records, state, problems)
