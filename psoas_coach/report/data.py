"""What the therapist report says, gathered from the session records without Qt.

The PDF writer (pdf.py) only lays this out; tests can check the content here and the text of the PDF.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any

from psoas_coach.core.coaching_state import Decision
from psoas_coach.core.history import (
    Control,
    effort_of,
    entries_of,
    num,
    pain_of,
    pain_stop_of,
    program_name_of,
    session_day,
    sorted_sessions,
    status_words,
    stop_place,
)
from psoas_coach.core.names import exercise_name
from psoas_coach.core.progression import PAIN_REGRESS
from psoas_coach.core.weeks import TARGET_HIGH, TARGET_LOW, days_in_week, training_days, week_start, week_text
from psoas_coach.i18n import _, date_text, day_month_text, ngettext, number


@dataclass(frozen=True)
class WeekCount:
    """One week of the report: its training days (core.weeks' rule, as home and History count them)."""

    start: date
    sessions: int  # training days: several sessions on one day count once

    @property
    def label(self) -> str:
        return day_month_text(self.start)

    @property
    def text(self) -> str:
        """'Week of 2 Mar 2026: 3 of 2-3 training days', the date as the language writes it (as History does)."""
        return week_text(self.sessions, _("Week of {day}").format(day=date_text(self.start)))


@dataclass(frozen=True)
class Point:
    """One session's work on one exercise: the value charted, and what was asked."""

    day: date
    value: float
    target: str
    done_in_full: bool
    control: Control | None
    last_reps_hard: bool | None


@dataclass
class ExerciseSeries:
    exercise_id: str
    name: str
    unit: str  # "reps per side", "hold seconds per side", "work seconds"
    points: list[Point] = field(default_factory=list)


@dataclass(frozen=True)
class SessionLine:
    day: date
    program: str
    status: str
    minutes: int
    effort: int | None
    pain: int | None


@dataclass(frozen=True)
class PainEvent:
    day: date
    text: str


@dataclass
class ReportData:
    start: date
    end: date
    programs: list[str]
    sessions: list[SessionLine]
    weeks: list[WeekCount]
    exercises: list[ExerciseSeries]
    pain_events: list[PainEvent]
    notes: list[tuple[date, str]]
    level_changes: list[tuple[date, str]]
    target: tuple[int, int] = (TARGET_LOW, TARGET_HIGH)

    @property
    def weeks_on_target(self) -> int:
        return sum(1 for w in self.weeks if w.sessions >= TARGET_LOW)


def _unit(kind: str) -> str:
    return {"reps": _("reps per side"), "hold": _("hold seconds per side"), "timed": _("work seconds")}.get(
        kind, _("amount"))


def _target(kind: str, sets: int, reps: int, hold: float) -> str:
    if kind == "hold":
        return ngettext("{sets} x {holds} hold of {seconds} s", "{sets} x {holds} holds of {seconds} s", reps).format(
            sets=sets, holds=reps, seconds=number(hold))
    if kind == "reps":
        return f"{sets} x {reps}"
    return ngettext("{sets} set", "{sets} sets", sets).format(sets=sets)


def build_report(records: Sequence[Mapping[str, Any]], start: date, end: date,
                 decisions: Sequence[Decision] = ()) -> ReportData:
    """Everything between *start* and *end* (both included)."""
    chosen = [r for r in sorted_sessions(records) if (d := session_day(r)) is not None and start <= d <= end]
    programs = Counter(program_name_of(r) for r in chosen)
    sessions: list[SessionLine] = []
    series: dict[str, ExerciseSeries] = {}
    pain_events: list[PainEvent] = []
    notes: list[tuple[date, str]] = []
    for r in chosen:
        day = session_day(r)
        assert day is not None
        entries = entries_of(r)
        effort, pain = effort_of(r), pain_of(r)
        duration = num(r.get("duration_seconds"))
        minutes = round(min(duration, 10**7) / 60)
        sessions.append(SessionLine(day, program_name_of(r), status_words(r), minutes, effort, pain))
        for e in entries:
            s = series.setdefault(e.exercise_id, ExerciseSeries(e.exercise_id, exercise_name(e.exercise_id, e.name), _unit(e.kind)))
            value = {"hold": e.hold_seconds_per_side, "timed": e.work_seconds}.get(e.kind, e.reps_per_side)
            s.points.append(Point(day, round(value, 1), _target(e.kind, e.target_sets, e.target_reps, e.target_hold_seconds),
                                  e.done_in_full, e.control, e.last_reps_hard))
        stop = pain_stop_of(r)
        if stop is not None:
            names = {e.exercise_id: e.name for e in entries}
            where = stop_place(stop[0], stop[1], names.get(stop[0] or "", ""))
            rated = "; " + _("pain rated {pain} of 10").format(pain=pain) if pain is not None else ""
            pain_events.append(PainEvent(day, _("Pain stop during {exercise}.").format(exercise=f"{where}{rated}")))
        elif pain is not None and pain >= PAIN_REGRESS:
            pain_events.append(PainEvent(day, _("Pain rated {pain} of 10 after the session.").format(pain=pain)))
        text = r.get("notes")
        if isinstance(text, str) and text.strip():
            notes.append((day, " ".join(text.split())))
    weeks: list[WeekCount] = []
    trained = [d for d in training_days(chosen) if start <= d <= end]
    monday = week_start(start)
    while monday <= end:
        weeks.append(WeekCount(monday, days_in_week(trained, monday)))
        monday += timedelta(days=7)
    changes: list[tuple[date, str]] = []
    for decision in decisions:
        try:
            decided = date.fromisoformat(decision.at[:10])
        except ValueError:
            continue
        if decision.accepted and start <= decided <= end:
            changes.append((decided, decision.reason))
    return ReportData(start, end, [f"{name} ({n})" for name, n in programs.most_common()], sessions, weeks,
                      list(series.values()), pain_events, notes, changes)
