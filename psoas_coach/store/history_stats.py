"""What the History screen shows, computed from session records without Qt: weeks against the
article's 2-3 sessions a week, per-exercise totals over time, effort and pain over time, and the
per-exercise, per-side detail of one session. Every reader forgives missing or odd fields."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Any

from psoas_coach.core.names import exercise_name
from psoas_coach.i18n import _
from psoas_coach.store.listing import STATUS_LABELS

TARGET_LOW, TARGET_HIGH = 2, 3  # sessions a week, from the article

Record = Mapping[str, Any]


def started(record: Record) -> datetime | None:
    try:
        return datetime.fromisoformat(str(record.get("started")))
    except ValueError:
        return None


def week_of(day: date) -> date:
    """The Monday of *day*'s week."""
    return day - timedelta(days=day.weekday())


def _num(value: Any) -> float:
    if isinstance(value, bool) or not isinstance(value, (int, float)) or value != value:
        return 0.0
    return float(value)


def _rating(value: Any) -> int | None:
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        return None
    return int(value) if 0 <= value <= 10 else None


def is_partial(record: Record) -> bool:
    return record.get("status") != "completed"


def had_pain(record: Record) -> bool:
    """The pain flag of the list: a pain stop, or pain rated 4 or more out of 10."""
    pain = _rating(record.get("pain"))
    return record.get("status") == "pain_stop" or bool(record.get("pain_stop")) or (pain is not None and pain >= 4)


def status_text(record: Record) -> str:
    return str(STATUS_LABELS.get(str(record.get("status")), str(record.get("status", "?"))))


@dataclass(frozen=True)
class Week:
    monday: date
    sessions: int
    completed: int

    @property
    def verdict(self) -> str:
        if self.sessions < TARGET_LOW:
            return _("below target")
        if self.sessions > TARGET_HIGH:
            return _("above target: rest days matter")
        return _("on target")


def weeks(records: Iterable[Record], today: date, count: int = 12) -> list[Week]:
    """The last *count* weeks up to *today*'s, oldest first, with their session counts."""
    this_week = week_of(today)
    mondays = [this_week - timedelta(weeks=k) for k in range(count - 1, -1, -1)]
    totals = {m: [0, 0] for m in mondays}
    for record in records:
        moment = started(record)
        if moment is None:
            continue
        slot = totals.get(week_of(moment.date()))
        if slot is not None:
            slot[0] += 1
            slot[1] += 0 if is_partial(record) else 1
    return [Week(m, *totals[m]) for m in mondays]


@dataclass(frozen=True)
class ExercisePoint:
    when: datetime
    hold_seconds: float
    reps: int


def exercise_series(records: Iterable[Record]) -> dict[str, tuple[str, list[ExercisePoint]]]:
    """Per exercise id: its name and, per session that did it, total hold (and timed work) seconds and reps
    over all sides. Records are plain dicts from JSON, checked with dict rather than the slower Mapping."""
    out: dict[str, tuple[str, list[ExercisePoint]]] = {}
    for record in records:
        moment = started(record)
        if moment is None:
            continue
        for ex in record.get("exercises") or []:
            if not isinstance(ex, dict) or not isinstance(ex.get("id"), str):
                continue
            sides = ex.get("sides")
            if not isinstance(sides, dict) or not sides:
                continue
            worked = [s for s in sides.values() if isinstance(s, dict)]
            hold = sum(_num(s.get("hold_seconds")) + _num(s.get("work_seconds")) for s in worked)
            reps = sum(int(_num(s.get("reps"))) for s in worked)
            name = exercise_name(ex["id"], str(ex.get("name") or ""))
            out.setdefault(ex["id"], (name, []))[1].append(ExercisePoint(moment, round(hold, 1), reps))
    return out


def ratings_series(records: Iterable[Record]) -> list[tuple[datetime, int | None, int | None]]:
    """(start, effort, pain) of every session that has at least one rating."""
    out = []
    for record in records:
        moment = started(record)
        effort, pain = _rating(record.get("effort")), _rating(record.get("pain"))
        if moment is not None and (effort is not None or pain is not None):
            out.append((moment, effort, pain))
    return out


@dataclass(frozen=True)
class DetailRow:
    exercise: str
    side: str
    sets: str  # "completed/target"
    reps: int
    hold_seconds: float
    pain_stop: bool


def detail_rows(record: Record) -> list[DetailRow]:
    """One row per exercise and side of one session."""
    stop = record.get("pain_stop") if isinstance(record.get("pain_stop"), Mapping) else {}
    assert isinstance(stop, Mapping)
    rows = []
    for ex in record.get("exercises") or []:
        if not isinstance(ex, Mapping):
            continue
        target = ex.get("target") if isinstance(ex.get("target"), Mapping) else {}
        sides = ex.get("sides") if isinstance(ex.get("sides"), Mapping) else {}
        assert isinstance(target, Mapping) and isinstance(sides, Mapping)
        for side, t in sides.items():
            if not isinstance(t, Mapping):
                continue
            here = stop.get("exercise_id") == ex.get("id") and stop.get("side") in (None, side)
            rows.append(
                DetailRow(
                    exercise=exercise_name(str(ex.get("id") or ""), str(ex.get("name") or "")) or "?",
                    side="—" if side == "both" else _("Left") if side == "left" else _("Right") if side == "right"
                    else str(side).capitalize(),
                    sets=f"{int(_num(t.get('sets_completed')))}/{int(_num(target.get('sets')))}",
                    reps=int(_num(t.get("reps"))),
                    hold_seconds=round(_num(t.get("hold_seconds")) + _num(t.get("work_seconds")), 1),
                    pain_stop=bool(stop) and here,
                )
            )
    return rows
