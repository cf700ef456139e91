"""Session records: a finished or stopped session as a plain JSON-ready dict (see session.schema.json)."""

from __future__ import annotations

import time
from dataclasses import asdict
from datetime import datetime, timezone
from typing import Any

from psoas_coach import __version__
from psoas_coach.core.engine import SessionResult
from psoas_coach.core.summary import summarize
from psoas_coach.store.migrations import CURRENT_VERSION

SCHEMA_VERSION = CURRENT_VERSION


def new_session_id() -> str:
    import uuid  # here, not at the top: uuid imports platform, about 3 ms of the app's start-up

    return str(uuid.uuid4())


def iso_local(epoch: float, timespec: str = "seconds") -> str:
    """Local time with its UTC offset, to the second: readable and unambiguous."""
    return datetime.fromtimestamp(epoch, tz=timezone.utc).astimezone().isoformat(timespec=timespec)


def parse_time(text: object) -> float:
    """Epoch seconds of an ISO time written by iso_local; 0.0 when missing or unreadable."""
    if not isinstance(text, str) or not text:
        return 0.0
    try:
        moment = datetime.fromisoformat(text)
    except ValueError:
        return 0.0
    if moment.tzinfo is None:
        moment = moment.astimezone()
    return moment.timestamp()


def touch(record: dict[str, Any], now: float | None = None) -> dict[str, Any]:
    """Stamp *record* as changed now, so that a merge of two copies keeps this one."""
    record["updated"] = iso_local(time.time() if now is None else now, timespec="milliseconds")
    return record


def session_record(
    result: SessionResult,
    *,
    session_id: str,
    effort: int | None = None,
    pain: int | None = None,
    notes: str = "",
    speed: float = 1.0,
    recovered: bool = False,
) -> dict[str, Any]:
    """Build the JSON record of *result*. Ratings are None until the user gives them.

    *recovered* marks a session saved from the autosave of an interrupted run (a crash or power loss).
    """
    plan = result.plan
    skipped = []
    for rec in result.records:
        step = plan.steps[rec.step_index]
        if rec.skipped and step.is_work:
            skipped.append(
                {
                    "step": rec.step_index,
                    "kind": step.kind.value,
                    "exercise_id": step.exercise.id if step.exercise else None,
                    "set": step.set_number,
                    "side": step.side.value if step.side else None,
                }
            )
    exercises = []
    for totals in summarize(result):
        exercises.append(
            {
                "id": totals.exercise_id,
                "name": totals.name,
                "kind": totals.kind,
                "target": {"sets": totals.target_sets, "reps": totals.target_reps, "hold_seconds": totals.target_hold_seconds},
                "sides": {side: asdict(t) for side, t in totals.sides.items()},
            }
        )
    pain_stop = None
    if result.pain_stop is not None:
        pain_stop = {
            "exercise_id": result.pain_stop.exercise_id,
            "side": result.pain_stop.side,
            "at": iso_local(result.pain_stop.at_wall),
        }
    record: dict[str, Any] = {
        "schema_version": SCHEMA_VERSION,
        "id": session_id,
        "program": {"id": plan.program.id, "name": plan.program.name},
        "started": iso_local(result.started_wall),
        "ended": iso_local(result.ended_wall),
        "duration_seconds": round(max(0.0, result.ended_wall - result.started_wall), 1),
        "status": result.outcome.value,
        "pain_stop": pain_stop,
        "effort": effort,
        "pain": pain,
        "notes": notes,
        "exercises": exercises,
        "skipped_steps": skipped,
        "speed": speed,
        "app_version": __version__,
        "updated": iso_local(result.ended_wall, timespec="milliseconds"),
    }
    if recovered:
        record["recovered"] = True
    return record
