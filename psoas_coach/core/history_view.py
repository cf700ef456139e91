"""What the History screen shows of session records, without Qt: per-exercise totals over time, effort and
pain over time, the per-exercise, per-side detail of one session, and the list's status and pain flag.
Weeks and their counts are in core.weeks; fields are read with core.history's readers."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from psoas_coach.core.history import NOT_KNOWN, STATUS_LABELS, effort_of, num, pain_of, started_at
from psoas_coach.core.names import exercise_name
from psoas_coach.core.progression import PAIN_REGRESS
from psoas_coach.i18n import _

Record = Mapping[str, Any]


def is_partial(record: Record) -> bool:
    return record.get("status") != "completed"


def had_pain(record: Record) -> bool:
    """The pain flag of the list: a pain stop, or pain rated PAIN_REGRESS (4) or more out of 10."""
    pain = pain_of(record)
    return record.get("status") == "pain_stop" or bool(record.get("pain_stop")) or (pain is not None and pain >= PAIN_REGRESS)


def status_text(record: Record) -> str:
    status = record.get("status")
    return str(STATUS_LABELS.get(status, NOT_KNOWN) if isinstance(status, str) else NOT_KNOWN)


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
        moment = started_at(record)
        if moment is None:
            continue
        for ex in record.get("exercises") or []:
            if not isinstance(ex, dict) or not isinstance(ex.get("id"), str):
                continue
            sides = ex.get("sides")
            if not isinstance(sides, dict) or not sides:
                continue
            worked = [s for s in sides.values() if isinstance(s, dict)]
            hold = sum(num(s.get("hold_seconds")) + num(s.get("work_seconds")) for s in worked)
            reps = sum(int(num(s.get("reps"))) for s in worked)
            name = exercise_name(ex["id"], str(ex.get("name") or ""))
            out.setdefault(ex["id"], (name, []))[1].append(ExercisePoint(moment, round(hold, 1), reps))
    return out


def ratings_series(records: Iterable[Record]) -> list[tuple[datetime, int | None, int | None]]:
    """(start, effort, pain) of every session that has at least one rating."""
    out = []
    for record in records:
        moment = started_at(record)
        effort, pain = effort_of(record), pain_of(record)
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
                    sets=f"{int(num(t.get('sets_completed')))}/{int(num(target.get('sets')))}",
                    reps=int(num(t.get("reps"))),
                    hold_seconds=round(num(t.get("hold_seconds")) + num(t.get("work_seconds")), 1),
                    pain_stop=bool(stop) and here,
                )
            )
    return rows


@dataclass(frozen=True)
class SidePoint:
    when: datetime
    reps: int
    seconds: float  # held, or timed work


@dataclass(frozen=True)
class SideTrend:
    """One exercise on one side over time (side "both" for exercises done without sides)."""

    exercise_id: str
    name: str
    side: str
    points: list[SidePoint]

    @property
    def has_reps(self) -> bool:
        return any(p.reps for p in self.points)

    @property
    def has_seconds(self) -> bool:
        return any(p.seconds for p in self.points)


def side_trends(records: Iterable[Record]) -> list[SideTrend]:
    """Per exercise and side, in the order first met, its reps and seconds in every session that did it,
    oldest first: the History screen's small multiples."""
    found: dict[tuple[str, str], SideTrend] = {}
    dated = sorted(((started_at(r), r) for r in records), key=lambda pair: pair[0].timestamp() if pair[0] else 0.0)
    for moment, record in dated:
        if moment is None:
            continue
        for ex in record.get("exercises") or []:
            if not isinstance(ex, dict) or not isinstance(ex.get("id"), str) or not isinstance(ex.get("sides"), dict):
                continue
            for side, done in ex["sides"].items():
                if not isinstance(done, dict):
                    continue
                reps = int(num(done.get("reps")))
                seconds = round(num(done.get("hold_seconds")) + num(done.get("work_seconds")), 1)
                if not reps and not seconds:
                    continue  # not reached in this session: no point, rather than a misleading zero
                key = (ex["id"], str(side))
                if key not in found:
                    found[key] = SideTrend(ex["id"], exercise_name(ex["id"], str(ex.get("name") or "")), str(side), [])
                found[key].points.append(SidePoint(moment, reps, seconds))
    return list(found.values())
