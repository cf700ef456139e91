"""A program's history read lazily from the newest session: the same entries as reading it all, fewer records read."""

from __future__ import annotations

import random
from datetime import date, timedelta
from typing import Any

import pytest

import psoas_coach.core.program_history as program_history
from psoas_coach.core.history import ExerciseEntry, entries_by_exercise
from psoas_coach.core.program import ProgramLibrary
from psoas_coach.core.program_history import ProgramHistory
from tests.coaching_history import record

MONDAY = date(2026, 3, 2)


def _mixed_history(library: ProgramLibrary, seed: int) -> list[dict[str, Any]]:
    """Both programs, exercises skipped or stopped for pain, two sessions some days, shuffled."""
    rng = random.Random(seed)
    out = []
    for n in range(40):
        program = library.get(rng.choice(["foundation", "foundation", "advanced"]))
        ids = [ex.id for ex in program.exercises]
        kwargs: dict[str, Any] = {"hour": rng.choice([7, 18]), "pain": rng.choice([0, 2, 5])}
        if rng.random() < 0.3:
            kwargs["only"] = tuple(rng.sample(ids, rng.randint(0, len(ids))))
        if rng.random() < 0.2:
            kwargs["pain_stop"] = (rng.choice(ids), "left")
        out.append(record(program, MONDAY + timedelta(days=n // 2), **kwargs))
    out.append({"id": "broken", "program": {"id": "foundation"}, "started": "not a time"})
    rng.shuffle(out)
    return out


@pytest.mark.parametrize("seed", range(5))
def test_newest_first_is_the_whole_reading_reversed(library: ProgramLibrary, seed: int) -> None:
    records = _mixed_history(library, seed)
    for program_id in ("foundation", "advanced"):
        history = ProgramHistory.of(records, program_id)
        whole = entries_by_exercise(records, program_id)
        for ex in library.get(program_id).exercises:
            entries = whole.get(ex.id, [])
            assert list(history.newest_first(ex.id)) == entries[::-1]
            assert history.latest(ex.id) == (entries[-1] if entries else None)
            assert history.first(ex.id) == (entries[0] if entries else None)


def test_an_exercise_never_started(library: ProgramLibrary) -> None:
    foundation = library.get("foundation")
    records = [record(foundation, MONDAY + timedelta(days=d), only=("supine-marching",)) for d in (0, 2)]
    history = ProgramHistory.of(records, "foundation")
    assert list(history.newest_first("standing-hip-flexion")) == []
    assert history.latest("standing-hip-flexion") is None and history.first("standing-hip-flexion") is None
    assert history.latest_record is records[-1]
    assert ProgramHistory.of(records, "advanced").latest_record is None


def test_only_the_records_looked_at_are_read(library: ProgramLibrary, monkeypatch: pytest.MonkeyPatch) -> None:
    foundation = library.get("foundation")
    records = [record(foundation, MONDAY + timedelta(days=2 * d)) for d in range(30)]
    read: list[str] = []
    real = program_history.read_entries

    def counting(rec: Any, started: Any) -> list[ExerciseEntry]:
        read.append(rec["id"])
        return real(rec, started)

    monkeypatch.setattr(program_history, "read_entries", counting)
    history = ProgramHistory.of(records, "foundation")
    assert history.latest("supine-marching") is not None
    assert read == [records[-1]["id"]]
    for ex in foundation.exercises:
        assert len(list(zip(range(4), history.newest_first(ex.id)))) == 4
    first = history.first("supine-marching")
    assert first is not None and first.session_id == records[0]["id"]
    assert read == [r["id"] for r in records[-1:-5:-1]] + [records[0]["id"]]  # each record read once
    assert history.latest("not-in-this-program") is None
    assert len(read) == 5  # looking for what no session has reads no record into entries
