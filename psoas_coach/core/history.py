"""Reading session records (plain dicts from the store) into what the coaching rules need.

Records are written by other versions of the app and may lack a field; every reader here is
forgiving: a missing or odd value reads as "not known", never as an exception.

The coaching reads the whole history on every refresh of the home screen (thousands of records), so the
readers take the plain ``dict`` the store gives them first and fall back to the general ``Mapping`` check.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Iterator, Mapping, Sequence
from datetime import date, datetime
from enum import Enum
from typing import Any, NamedTuple, TypeGuard

from psoas_coach.core.names import STATUS_WORDS, exercise_name, program_name, status_text
from psoas_coach.i18n import _, lazy

STATUS_LABELS = {"completed": lazy("completed"), "ended_early": lazy("partial"), "pain_stop": lazy("partial, pain stop")}
NOT_KNOWN = lazy("not known")  # what a value that cannot be trusted shows as
RATING_KEY = "rating"  # per exercise in a session record: {"control": "yes"|"mostly"|"no", "last_reps_hard": bool}

Dated = tuple[datetime, Mapping[str, Any]]  # a record with its start read


class Control(str, Enum):
    """Did the pelvis stay neutral through the exercise? Asked after each exercise."""

    YES = "yes"
    MOSTLY = "mostly"
    NO = "no"


def _is_mapping(value: object) -> TypeGuard[Mapping[str, Any]]:
    """``isinstance(value, Mapping)``, quick for a plain dict (the ABC check is slow by the thousand)."""
    return type(value) is dict or isinstance(value, Mapping)


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
    if isinstance(value, bool) or not isinstance(value, (int, float)) or not math.isfinite(value):
        return None
    number = int(value)
    return number if low <= number <= high else None


def effort_of(record: Mapping[str, Any]) -> int | None:
    return _int_or_none(record.get("effort"))


def pain_of(record: Mapping[str, Any]) -> int | None:
    return _int_or_none(record.get("pain"))


def program_id_of(record: Mapping[str, Any]) -> str:
    program = record.get("program")
    return str(program.get("id", "")) if _is_mapping(program) else ""


def status_words(record: Mapping[str, Any]) -> str:
    """How the session ended, in words ("ended early") in the current language, or "not known"."""
    status = record.get("status")
    return status_text(status) if isinstance(status, str) and status in STATUS_WORDS else str(NOT_KNOWN)


def duration_minutes(record: Mapping[str, Any]) -> int | None:
    """The session's length in whole minutes, or None when it is not known (missing, NaN, out of range)."""
    seconds = record.get("duration_seconds")
    if isinstance(seconds, bool) or not isinstance(seconds, (int, float)) or not 0 <= seconds < 1e9:
        return None  # NaN fails the range check too
    return round(seconds / 60)


def duration_text(record: Mapping[str, Any]) -> str:
    """The session's length ("12 min"), or "duration not known"."""
    minutes = duration_minutes(record)
    return _("duration not known") if minutes is None else _("{minutes} min").format(minutes=minutes)


def program_name_of(record: Mapping[str, Any]) -> str:
    """The record's program in the current language (core.names), or "not known"."""
    program = record.get("program")
    if _is_mapping(program):
        pid, name = program.get("id"), program.get("name")
        pid, name = (pid if isinstance(pid, str) else ""), (name if isinstance(name, str) else "")
        if pid or name:
            return program_name(pid, name)
    return str(NOT_KNOWN)


def pain_stop_of(record: Mapping[str, Any]) -> tuple[str | None, str | None] | None:
    """(exercise id, side) of the session's pain stop, or None when there was none."""
    stop = record.get("pain_stop")
    if not _is_mapping(stop):
        return (None, None) if record.get("status") == "pain_stop" else None
    ex, side = stop.get("exercise_id"), stop.get("side")
    return (ex if isinstance(ex, str) else None, side if isinstance(side, str) else None)


def stop_place(exercise_id: str | None, side: str | None, recorded_name: str = "") -> str:
    """Where a sharp-pain stop happened, in the reader's language ("Supine Marching, left side"): the one
    wording of the summary, History and the report, from the ids a record keeps (never the ids themselves)."""
    where = exercise_name(exercise_id, recorded_name) if exercise_id else _("an unknown exercise")
    if side in ("left", "right"):
        from psoas_coach.core.plan import Side

        return _("{exercise}, {side}").format(exercise=where, side=Side(side).side_label.lower())
    return where


def set_rating(record: dict[str, Any], exercise_id: str, control: Control | None, last_reps_hard: bool | None) -> None:
    """Store the quick per-exercise rating in a session record (in place)."""
    for ex in record.get("exercises", []):
        if isinstance(ex, dict) and ex.get("id") == exercise_id:
            ex[RATING_KEY] = {"control": control.value if control else None, "last_reps_hard": last_reps_hard}
            return
    raise KeyError(exercise_id)


def dated_sessions(records: Iterable[Mapping[str, Any]]) -> list[Dated]:
    """(start, record) for each record with a readable start, oldest first: each start is read once.

    A start no clock can place (a time-zone-less one in year 1 cannot be made a timestamp) is unreadable too.
    """
    keyed: list[tuple[float, datetime, Mapping[str, Any]]] = []
    for record in records:
        moment = started_at(record)
        if moment is None:
            continue
        try:
            keyed.append((moment.timestamp(), moment, record))
        except (ValueError, OverflowError, OSError):
            continue
    keyed.sort(key=_first)
    return [(moment, record) for _key, moment, record in keyed]


def _first(item: tuple[float, datetime, Mapping[str, Any]]) -> float:
    return item[0]


def sorted_sessions(records: Iterable[Mapping[str, Any]]) -> list[Mapping[str, Any]]:
    """Records with a readable start, oldest first."""
    return [record for _moment, record in dated_sessions(records)]


def program_sessions(records: Iterable[Mapping[str, Any]], program_id: str) -> list[Dated]:
    """(start, record) of the records of one program with a readable start, oldest first."""
    return dated_sessions([record for record in records if program_id_of(record) == program_id])


class ExerciseEntry(NamedTuple):
    """One exercise as done in one session, with the session's ratings.

    A named tuple rather than a frozen dataclass: just as immutable, and several times quicker to make,
    which counts when every refresh of the home screen reads thousands of them.
    """

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


class _Session(NamedTuple):
    """What every entry of one record shares, read once per record."""

    session_id: str
    program_id: str
    started: datetime
    effort: int | None
    pain: int | None
    stop: tuple[str | None, str | None] | None


_CONTROLS: dict[object, Control] = {c.value: c for c in Control}


def _control(value: object) -> Control | None:
    """A rating's control answer; anything else (missing, misspelt, not text) reads as None."""
    if isinstance(value, Control):
        return value
    try:
        return _CONTROLS.get(value)
    except TypeError:  # unhashable, so no answer
        return None


def num(value: Any) -> float:
    """A number as a float; a bool, NaN, infinity or anything that is not a number reads as 0."""
    kind = type(value)
    if kind is float:
        return value if math.isfinite(value) else 0.0
    if kind is int:
        return _finite(value)
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return _finite(value)
    return 0.0


def _finite(value: int | float) -> float:
    try:
        number = float(value)
    except OverflowError:  # an int too large for a float
        return 0.0
    return number if math.isfinite(number) else 0.0


def _exercises(record: Mapping[str, Any]) -> list[Any]:
    """The record's exercise list; anything else reads as none."""
    exercises = record.get("exercises")
    return exercises if isinstance(exercises, list) else []


def _sides(ex: Mapping[str, Any]) -> dict[str, Mapping[str, Any]]:
    sides = ex.get("sides")
    if not _is_mapping(sides):
        return {}
    return {str(k): v for k, v in sides.items() if _is_mapping(v)}


def _entry(ex: Mapping[str, Any], ex_id: str, sides: dict[str, Mapping[str, Any]], session: _Session) -> ExerciseEntry:
    """One exercise of a record (with at least one side worked) as an entry."""
    target = ex.get("target")
    if not _is_mapping(target):
        target = {}
    t_sets = int(num(target.get("sets")))
    completed = {k: num(s.get("sets_completed")) for k, s in sides.items()}
    sets_done = int(min(completed.values()))
    if "left" in completed or "right" in completed:  # both sides count, also one that was not worked
        full = completed.get("left", 0.0) >= t_sets and completed.get("right", 0.0) >= t_sets
    else:
        full = sets_done >= t_sets
    worked = sides.values()
    rating = ex.get(RATING_KEY)
    if not _is_mapping(rating):
        rating = {}
    hard = rating.get("last_reps_hard")
    stop = session.stop
    here = stop is not None and stop[0] == ex_id
    return ExerciseEntry(
        session_id=session.session_id,
        program_id=session.program_id,
        started=session.started,
        exercise_id=ex_id,
        name=str(ex.get("name", ex_id)),
        kind=str(ex.get("kind", "")),
        target_sets=t_sets,
        target_reps=int(num(target.get("reps"))),
        target_hold_seconds=num(target.get("hold_seconds")),
        sets_done=sets_done,
        reps_per_side=sum([num(s.get("reps")) for s in worked]) / len(worked),
        hold_seconds_per_side=sum([num(s.get("hold_seconds")) for s in worked]) / len(worked),
        work_seconds=sum([num(s.get("work_seconds")) for s in worked]),
        done_in_full=full and t_sets > 0 and not here,
        effort=session.effort,
        pain=session.pain,
        pain_stop_here=here,
        pain_stop_side=stop[1] if here and stop is not None else None,
        session_pain_stop=stop is not None,
        control=_control(rating.get("control")),
        last_reps_hard=hard if isinstance(hard, bool) else None,
    )


def _started(record: Mapping[str, Any]) -> Iterator[tuple[str, Mapping[str, Any], dict[str, Mapping[str, Any]]]]:
    """(id, exercise, sides worked) of each exercise of a record that was started, in program order."""
    for ex in _exercises(record):
        if not _is_mapping(ex):
            continue
        ex_id = ex.get("id")
        if not isinstance(ex_id, str):
            continue
        sides = _sides(ex)
        if sides:
            yield ex_id, ex, sides


def started_ids(record: Mapping[str, Any]) -> list[str]:
    """The ids of the exercises ``entries_of(record)`` has entries of, in order, without making the entries."""
    ids: list[str] = []
    for ex in _exercises(record):
        if _is_mapping(ex) and isinstance(ex_id := ex.get("id"), str) and _any_side(ex):
            ids.append(ex_id)
    return ids


def _any_side(ex: Mapping[str, Any]) -> bool:
    """``bool(_sides(ex))``, without copying the sides."""
    sides = ex.get("sides")
    if not _is_mapping(sides):
        return False
    for value in sides.values():
        if _is_mapping(value):
            return True
    return False


def read_entries(record: Mapping[str, Any], started: datetime) -> list[ExerciseEntry]:
    """``entries_of`` for a record whose start is already read (see ``dated_sessions``)."""
    session: _Session | None = None  # read at the first exercise that was started
    out: list[ExerciseEntry] = []
    for ex_id, ex, sides in _started(record):
        if session is None:
            session = _Session(str(record.get("id", "")), program_id_of(record), started, effort_of(record),
                               pain_of(record), pain_stop_of(record))
        out.append(_entry(ex, ex_id, sides, session))
    return out


def entries_of(record: Mapping[str, Any]) -> list[ExerciseEntry]:
    """The exercises of one session record that were started, in program order."""
    started = started_at(record)
    return [] if started is None else read_entries(record, started)


def entries_for(records: Sequence[Mapping[str, Any]], program_id: str, exercise_id: str) -> list[ExerciseEntry]:
    """Every entry of one exercise in one program, oldest first."""
    return entries_by_exercise(records, program_id).get(exercise_id, [])


def entries_by_exercise(records: Sequence[Mapping[str, Any]], program_id: str) -> dict[str, list[ExerciseEntry]]:
    """Every entry of one program, by exercise id, oldest first: one pass over *records* for all exercises."""
    out: dict[str, list[ExerciseEntry]] = {}
    for started, record in program_sessions(records, program_id):
        for entry in read_entries(record, started):
            out.setdefault(entry.exercise_id, []).append(entry)
    return out
