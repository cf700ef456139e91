"""What counts as "a session this week", decided once for home, History, the report, the schedule and the CLI.

The article asks for two to three training sessions a week with rest between them: the unit it means is
a day of training, followed by a rest day. So a week's count is the number of distinct days, Monday to
Sunday, on which a session with some work done was saved (completed, ended early or stopped for pain:
all of them trained the muscle). Seven saves on one day are one training day, not seven sessions; a
session stopped on its briefing, before any exercise, is no training at all. A day is the calendar day
the session started on, in the time zone it was recorded in.

``week_text`` is the one sentence every screen and command uses to say it.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import date, timedelta
from typing import Any, NamedTuple

from psoas_coach.core.history import session_day
from psoas_coach.i18n import _

TARGET_LOW, TARGET_HIGH = 2, 3  # training days a week, from the article
TARGET = f"{TARGET_LOW}-{TARGET_HIGH}"
_WORK_KEYS = ("sets_completed", "reps", "holds", "hold_seconds", "work_seconds")


def week_start(day: date) -> date:
    """The Monday of *day*'s week."""
    return day - timedelta(days=day.weekday())


def _positive(value: Any) -> bool:
    return type(value) in (int, float) and value > 0  # NaN > 0 is False


def work_done(record: Mapping[str, Any]) -> bool:
    """True when the session did some work: a rep, a hold, work seconds or a completed set on any side."""
    exercises = record.get("exercises")
    if not isinstance(exercises, list):
        return False
    for ex in exercises:
        sides = ex.get("sides") if isinstance(ex, Mapping) else None
        if not isinstance(sides, Mapping):
            continue
        for side in sides.values():
            if isinstance(side, Mapping) and any(_positive(side.get(key)) for key in _WORK_KEYS):
                return True
    return False


def training_day(record: Mapping[str, Any]) -> date | None:
    """The day *record* counts for, or None when it does not count (no readable start, or no work done)."""
    if not work_done(record):
        return None
    return session_day(record)


def training_days(records: Iterable[Mapping[str, Any]]) -> list[date]:
    """The distinct days with training, oldest first."""
    return sorted({d for d in (training_day(r) for r in records) if d is not None})


def days_in_week(days: Iterable[date], monday: date, until: date | None = None) -> int:
    """How many of *days* fall in the week starting *monday* (and not after *until*, when given)."""
    end = monday + timedelta(days=6)
    if until is not None and until < end:
        end = until
    return sum(1 for d in days if monday <= d <= end)


def week_count(records: Iterable[Mapping[str, Any]], today: date) -> int:
    """Training days in *today*'s week, up to and including *today*."""
    return days_in_week(training_days(records), week_start(today), today)


class Week(NamedTuple):  # quicker to define than a dataclass: home's first frame
    """One Monday-to-Sunday week: its training days, and the sessions saved in it (some may share a day)."""

    monday: date
    days: int
    sessions: int
    partial: int  # sessions that ended early or stopped for pain

    @property
    def verdict(self) -> str:
        return verdict(self.days)


def weeks(records: Iterable[Mapping[str, Any]], today: date, count: int = 12) -> list[Week]:
    """The last *count* weeks up to *today*'s, oldest first."""
    this_week = week_start(today)
    mondays = [this_week - timedelta(weeks=k) for k in range(count - 1, -1, -1)]
    days: dict[date, set[date]] = {m: set() for m in mondays}
    sessions = dict.fromkeys(mondays, 0)
    partial = dict.fromkeys(mondays, 0)
    for record in records:
        day = training_day(record)
        if day is None:
            continue
        monday = week_start(day)
        if monday in days:
            days[monday].add(day)
            sessions[monday] += 1
            partial[monday] += record.get("status") != "completed"
    return [Week(m, len(days[m]), sessions[m], partial[m]) for m in mondays]


def week_text(days: int, label: str | None = None) -> str:
    """The one way the app says a week's count: 'This week: 1 of 2-3 training days' (no full stop)."""
    label = _("This week") if label is None else label
    if days > TARGET_HIGH:
        return _("{label}: {count} training days, more than {target}").format(label=label, count=days, target=TARGET)
    return _("{label}: {count} of {target} training days").format(label=label, count=days, target=TARGET)


def verdict(days: int) -> str:
    """How a week's count stands against the target, in a few words."""
    if days < TARGET_LOW:
        return _("below target")
    if days > TARGET_HIGH:
        return _("above target: rest days matter")
    return _("on target")


def week_advice(days: int) -> str:
    """``week_text`` with what it means, as one sentence (History's top line)."""
    if days < TARGET_LOW:
        return _("{week}; {count} more to reach the target.").format(week=week_text(days), count=TARGET_LOW - days)
    if days <= TARGET_HIGH:
        return _("{week}, on target. Rest days count too.").format(week=week_text(days))
    return _("{week}; the muscles grow stronger on the rest days.").format(week=week_text(days))
