"""Scripted session histories for the coaching tests: records shaped like the store's, built in one line each."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date, datetime, timedelta, timezone
from typing import Any

from psoas_coach.core.levels import ExerciseLevel, default_level
from psoas_coach.core.program import DosageKind, Program, Sides

UTC = timezone.utc


def record(
    program: Program,
    day: date,
    *,
    effort: int | None = 5,
    pain: int | None = 0,
    control: str | None = "yes",
    hard: bool | None = True,
    levels: Mapping[str, ExerciseLevel] | None = None,
    sets_done: Mapping[str, int] | None = None,
    pain_stop: tuple[str, str | None] | None = None,
    notes: str = "",
    hour: int = 18,
    only: tuple[str, ...] | None = None,
) -> dict[str, Any]:
    """A session on *day*: every exercise done in full at its level unless *sets_done* says otherwise."""
    levels = levels or {}
    started = datetime(day.year, day.month, day.day, hour, 0, tzinfo=UTC)
    exercises = []
    stopped = False
    for ex in program.exercises:
        if only is not None and ex.id not in only:
            continue
        if stopped:
            break
        level = levels.get(ex.id) or default_level(ex)
        done = (sets_done or {}).get(ex.id, level.sets)
        if pain_stop is not None and pain_stop[0] == ex.id:
            done = min(done, max(0, level.sets - 1))
            stopped = True
        names = ["left", "right"] if ex.sides is not Sides.NONE else ["both"]
        sides = {}
        for side in names:
            sides[side] = {
                "sets_started": done, "sets_completed": done,
                "reps": level.reps * done if ex.dosage.kind is DosageKind.REPS else 0,
                "holds": level.reps * done if ex.dosage.kind is DosageKind.HOLD else 0,
                "hold_seconds": level.reps * done * level.hold_seconds if ex.dosage.kind is DosageKind.HOLD else 0.0,
                "work_seconds": done * level.work_seconds if ex.dosage.kind is DosageKind.TIMED else 0.0,
                "skipped_steps": 0,
            }
        exercises.append({
            "id": ex.id, "name": ex.name, "kind": ex.dosage.kind.value,
            "target": {"sets": level.sets, "reps": level.reps, "hold_seconds": level.hold_seconds},
            "sides": sides,
            "rating": {"control": control, "last_reps_hard": hard},
        })
    status = "pain_stop" if pain_stop else "completed"
    return {
        "schema_version": 1,
        "id": f"s-{program.id}-{day.isoformat()}-{hour}",
        "program": {"id": program.id, "name": program.name},
        "started": started.isoformat(),
        "ended": (started + timedelta(minutes=25)).isoformat(),
        "duration_seconds": 1500.0,
        "status": status,
        "pain_stop": None if pain_stop is None else {"exercise_id": pain_stop[0], "side": pain_stop[1],
                                                       "at": (started + timedelta(minutes=10)).isoformat()},
        "effort": effort,
        "pain": pain,
        "notes": notes,
        "exercises": exercises,
        "skipped_steps": [],
    }
