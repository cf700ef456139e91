"""Reading session records (plain dicts from the store) into what the coaching rules need.

Records are written by other versions of the app and may lack a field; every reader here is
forgiving: a missing or odd value reads as "not known", never as an exception.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from enum import Enum
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

RATING_KEY = "rating"  # per exercise in a session record: {"control": "yes"|"mostly"|"no", "last_reps_hard": bool}


class Control(str, Enum):
    """Did the pelvis stay neutral through the exercise? Asked after each exercise."""

    YES = "yes"
    MOSTLY = "mostly"
    NO = "no"


def started_at(record: Mapping[str, Any]) -> datetime | None:
    """The session's start as an aware (or naive, if written so) datetime; None if unreadable."""
    text = record.get("started")
    if not isinstance(text, str):
        return None
    try:
        return datetime.fromisoformat(text)
    except ValueError:
        return None


def session_day(record: Mapping[str, Any]) -> date | None:
    """The calendar day the session started on, in the time zone it was recorded in."""
    moment = started_at(record)
    return None if moment is None else moment.date()


def _int_or_none(value: Any, low: int = 0, high: int = 10) -> int | None:
    if isinstance(value, bool) or not isinstance(value, (int, float)) or value != value:
        return None
    number = int(value)
    return number if low <= number <= high else None


def effort_of(record: Mapping[str, Any]) -> int | None:
    return _int_or_none(record.get("effort"))


def pain_of(record: Mapping[str, Any]) -> int | None:
    return _int_or_none(record.get("pain"))


def program_id_of(record: Mapping[str, Any]) -> str:
    program = record.get("program")
    return str(program.get("id", "")) if isinstance(program, Mapping) else ""


def pain_stop_of(record: Mapping[str, Any]) -> tuple[str | None, str | None] | None:
    """(exercise id, side) of the session's pain stop, or None when there was none."""
    stop = record.get("pain_stop")
    if not isinstance(stop, Mapping) and record.get("status") != "pain_stop":
        return None
    if not isinstance(stop, Mapping):
        return (None, None)
    ex, side = stop.get("exercise_id"), stop.get("side")
    return (ex if isinstance(ex, str) else None, side if isinstance(side, str) else None)


def set_rating(record: dict[str, Any], exercise_id: str, control: Control | None, last_reps_hard: bool | None) -> None:
    """Store the quick per-exercise rating in a session record (in place)."""
    for ex in record.get("exercises", []):
        if isinstance(ex, dict) and ex.get("id") == exercise_id:
            ex[RATING_KEY] = {"control": control.value if control else None, "last_reps_hard": last_reps_hard}
            return
    raise KeyError(exercise_id)


@dataclass(frozen=True)
class ExerciseEntry:
    """One exercise as done in one session, with the session's ratings."""

    session_id: str
    program_id: str
    started: datetime
    exercise_id: str
    name: str
    kind: str
    target_sets: int
    target_reps: int
    target_hold_seconds: float
    sets_done: int  # fewest sets completed on any side that was worked
    reps_per_side: float  # average reps per side worked
    hold_seconds_per_side: float
    work_seconds: float
    done_in_full: bool
    effort: int | None
    pain: int | None
    pain_stop_here: bool
    pain_stop_side: str | None
    session_pain_stop: bool  # the session ended for pain (here or at another exercise)
    control: Control | None
    last_reps_hard: bool | None


def _sides(ex: Mapping[str, Any]) -> dict[str, Mapping[str, Any]]:
    sides = ex.get("sides")
    if not isinstance(sides, Mapping):
        return {}
    return {str(k): v for k, v in sides.items() if isinstance(v, Mapping)}


def _num(value: Any) -> float:
    return float(value) if isinstance(value, (int, float)) and not isinstance(value, bool) and value == value else 0.0


def entries_of(record: Mapping[str, Any]) -> list[ExerciseEntry]:
    """The exercises of one session record that were started, in program order."""
    moment = started_at(record)
    if moment is None:
        return []
    stop = pain_stop_of(record)
    out: list[ExerciseEntry] = []
    for ex in record.get("exercises", []) or []:
        if not isinstance(ex, Mapping) or not isinstance(ex.get("id"), str):
            continue
        sides = _sides(ex)
        if not sides:
            continue
        target = ex.get("target") if isinstance(ex.get("target"), Mapping) else {}
        assert isinstance(target, Mapping)
        t_sets = int(_num(target.get("sets")))
        t_reps = int(_num(target.get("reps")))
        worked = list(sides.values())
        sets_done = int(min(_num(s.get("sets_completed")) for s in worked))
        if set(sides) & {"left", "right"}:
            full = all(_num(sides.get(k, {}).get("sets_completed")) >= t_sets for k in ("left", "right"))
        else:
            full = sets_done >= t_sets
        rating = ex.get(RATING_KEY) if isinstance(ex.get(RATING_KEY), Mapping) else {}
        assert isinstance(rating, Mapping)
        try:
            control = Control(rating.get("control")) if rating.get("control") is not None else None
        except ValueError:
            control = None
        hard = rating.get("last_reps_hard")
        here = stop is not None and stop[0] == ex["id"]
        out.append(ExerciseEntry(
            session_id=str(record.get("id", "")),
            program_id=program_id_of(record),
            started=moment,
            exercise_id=ex["id"],
            name=str(ex.get("name", ex["id"])),
            kind=str(ex.get("kind", "")),
            target_sets=t_sets,
            target_reps=t_reps,
            target_hold_seconds=_num(target.get("hold_seconds")),
            sets_done=sets_done,
            reps_per_side=sum(_num(s.get("reps")) for s in worked) / len(worked),
            hold_seconds_per_side=sum(_num(s.get("hold_seconds")) for s in worked) / len(worked),
            work_seconds=sum(_num(s.get("work_seconds")) for s in worked),
            done_in_full=full and t_sets > 0 and not here,
            effort=effort_of(record),
            pain=pain_of(record),
            pain_stop_here=here,
            pain_stop_side=stop[1] if here and stop is not None else None,
            session_pain_stop=stop is not None,
            control=control,
            last_reps_hard=hard if isinstance(hard, bool) else None,
        ))
    return out


def sorted_sessions(records: Iterable[Mapping[str, Any]]) -> list[Mapping[str, Any]]:
    """Records with a readable start, oldest first."""
    dated = [(started_at(r), r) for r in records]
    good: list[tuple[datetime, Mapping[str, Any]]] = [(m, r) for m, r in dated if m is not None]
    good.sort(key=lambda pair: pair[0].timestamp())
    return [r for _m, r in good]


def entries_for(records: Sequence[Mapping[str, Any]], program_id: str, exercise_id: str) -> list[ExerciseEntry]:
    """Every entry of one exercise in one program, oldest first."""
    return entries_by_exercise(records, program_id).get(exercise_id, [])


def entries_by_exercise(records: Sequence[Mapping[str, Any]], program_id: str) -> dict[str, list[ExerciseEntry]]:
    """Every entry of one program, by exercise id, oldest first: one pass over *records* for all exercises."""
    out: dict[str, list[ExerciseEntry]] = {}
    for record in sorted_sessions(records):
        if program_id_of(record) != program_id:
            continue
        for entry in entries_of(record):
            out.setdefault(entry.exercise_id, []).append(entry)
    return out
