"""One program's history, read from the newest session back only as far as the coaching looks.

The rules look at an exercise's latest sessions (the last few, the last four weeks) and at the day it was
first trained, so with thousands of stored sessions most records need not be read into entries at all.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping, Sequence
from typing import Any

from psoas_coach.core.history import Dated, ExerciseEntry, program_sessions, read_entries, started_ids


class ProgramHistory:
    """The entries of (start, record) pairs, oldest first as ``program_sessions`` gives them, read lazily.

    ``newest_first(x)`` yields what ``entries_by_exercise(records, program_id)[x]`` holds, newest first.
    A record is read into entries only when it has an entry of an exercise asked for, and at most once.
    """

    def __init__(self, dated: Sequence[Dated]) -> None:
        self._dated = dated
        self._ids: list[frozenset[str] | None] = [None] * len(dated)
        self._read: list[list[ExerciseEntry] | None] = [None] * len(dated)

    @classmethod
    def of(cls, records: Iterable[Mapping[str, Any]], program_id: str) -> ProgramHistory:
        """The history of *program_id* in *records* (any programs, any order)."""
        return cls(program_sessions(records, program_id))

    @property
    def latest_record(self) -> Mapping[str, Any] | None:
        return self._dated[-1][1] if self._dated else None

    def _entries_at(self, index: int) -> list[ExerciseEntry]:
        """The entries of the *index*-th session, oldest first (read on the first call)."""
        entries = self._read[index]
        if entries is None:
            started, record = self._dated[index]
            entries = self._read[index] = read_entries(record, started)
        return entries

    def _has(self, index: int, exercise_id: str) -> bool:
        """Does the *index*-th session have an entry of *exercise_id*? (Quicker than making its entries.)"""
        ids = self._ids[index]
        if ids is None:
            ids = self._ids[index] = frozenset(started_ids(self._dated[index][1]))
        return exercise_id in ids

    def newest_first(self, exercise_id: str) -> Iterator[ExerciseEntry]:
        """Every entry of one exercise, the newest first; stop iterating to stop reading records."""
        for index in range(len(self._dated) - 1, -1, -1):
            if self._has(index, exercise_id):
                for entry in reversed(self._entries_at(index)):
                    if entry.exercise_id == exercise_id:
                        yield entry

    def first(self, exercise_id: str) -> ExerciseEntry | None:
        """The oldest entry of one exercise, or None when it was never started."""
        for index in range(len(self._dated)):
            if self._has(index, exercise_id):
                return next(e for e in self._entries_at(index) if e.exercise_id == exercise_id)
        return None

    def latest(self, exercise_id: str) -> ExerciseEntry | None:
        """The newest entry of one exercise, or None when it was never started."""
        return next(self.newest_first(exercise_id), None)
