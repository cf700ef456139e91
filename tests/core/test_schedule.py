"""The schedule around week boundaries and rest days, and the .ics read back by a real iCalendar parser."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta, timezone

import icalendar
import pytest

from psoas_coach.core.program import ProgramLibrary
from psoas_coach.core.schedule import (
    PlannedSession,
    TodayKind,
    parse_days,
    plan_weeks,
    to_ics,
    today_advice,
)
from psoas_coach.core.weeks import days_in_week, week_start
from tests.coaching_history import record

MON = date(2026, 3, 2)  # a Monday
SUN = MON + timedelta(days=6)


def _history(library: ProgramLibrary, *days: date, stop_on: date | None = None) -> list[dict[str, object]]:
    program = library.get("foundation")
    return [record(program, d, pain_stop=("supine-marching", "left") if d == stop_on else None) for d in days]


@pytest.mark.parametrize(
    ("days", "today", "kind", "count", "fragment"),
    [
        ([], MON, TodayKind.TRAIN, 0, "your first session"),
        ([MON], MON, TodayKind.DONE, 1, "one more this week reaches the target"),
        ([MON], MON + timedelta(days=1), TodayKind.REST, 1, "you trained yesterday"),
        ([MON], MON + timedelta(days=2), TodayKind.TRAIN, 1, "2 days ago, and one more this week reaches the target"),
        ([MON, MON + timedelta(days=2)], MON + timedelta(days=4), TodayKind.TRAIN, 2, "top of the target"),
        ([MON, MON + timedelta(days=2), MON + timedelta(days=4)], MON + timedelta(days=6), TodayKind.REST, 3,
         "3 training days this week already reach the target"),
        # a Sunday session makes Monday a rest day, though Monday starts a new week with 0 sessions
        ([SUN], SUN + timedelta(days=1), TodayKind.REST, 0, "you trained yesterday"),
        ([SUN], SUN + timedelta(days=2), TodayKind.TRAIN, 0, "2 more this week reach the target"),
        # Saturday with none this week: two no longer fit
        ([MON - timedelta(days=3)], MON + timedelta(days=5), TodayKind.TRAIN, 0, "two no longer fit"),
        ([MON - timedelta(days=10)], MON, TodayKind.TRAIN, 0, "10 days ago"),
    ],
)
def test_today(library: ProgramLibrary, days: list[date], today: date, kind: TodayKind, count: int, fragment: str) -> None:
    advice = today_advice(_history(library, *days), today, "foundation", "Foundation")
    assert advice.kind is kind
    assert advice.week_count == count
    assert fragment in advice.reason
    assert advice.line.endswith(f"This week: {count} of 2-3 training days.")
    if kind is TodayKind.TRAIN:
        assert advice.reason.startswith("Foundation today")


def test_rest_after_a_pain_stop_says_so(library: ProgramLibrary) -> None:
    advice = today_advice(_history(library, MON, stop_on=MON), MON + timedelta(days=1), "foundation", "Foundation")
    assert advice.kind is TodayKind.REST and "stopped for pain" in advice.reason


def test_two_sessions_one_day_count_once(library: ProgramLibrary) -> None:
    program = library.get("foundation")
    history = [record(program, MON, hour=8), record(program, MON, hour=18)]
    assert today_advice(history, MON + timedelta(days=2), "foundation", "Foundation").week_count == 1


def test_local_day_of_a_late_session() -> None:
    """A session started at 23:30 local time (UTC+2) belongs to that local day, not to the UTC day after."""
    rec = {"started": "2026-03-01T23:30:00+02:00", "exercises": [{"id": "x", "sides": {"both": {"reps": 8}}}]}
    adv = today_advice([rec], date(2026, 3, 2), "foundation", "Foundation")
    assert adv.kind is TodayKind.REST and adv.week_count == 0


def test_week_helpers() -> None:
    assert week_start(SUN) == MON and week_start(MON) == MON
    assert days_in_week([MON - timedelta(days=1), MON, SUN], MON, SUN) == 2


@pytest.mark.parametrize(
    ("text", "days", "error"),
    [("mon,wed,fri", (0, 2, 4), None), ("Tue, Thu", (1, 3), None), ("sat,mon,wed", (0, 2, 5), None),
     ("mon", None, "2 or 3 days"), ("mon,tue,fri", None, "rest day"), ("sun,mon", None, "rest day"),
     ("mon,xyz", None, "Unknown day")],
)
def test_parse_days(text: str, days: tuple[int, ...] | None, error: str | None) -> None:
    if error is None:
        assert parse_days(text) == days
        return
    with pytest.raises(ValueError) as err:
        parse_days(text)
    assert error in str(err.value)


def test_plan_weeks_respects_rest_days_and_the_weekly_top(library: ProgramLibrary) -> None:
    # trained Tuesday and Thursday; today is Friday, the day after: the next ones are Monday and Wednesday
    history = _history(library, MON + timedelta(days=1), MON + timedelta(days=3))
    plan = plan_weeks(history, MON + timedelta(days=4), 1, "foundation", "Foundation")
    assert [p.day for p in plan] == [MON + timedelta(days=7), MON + timedelta(days=9)]
    # three this week already: not Sunday, though it is a chosen day
    history = _history(library, MON, MON + timedelta(days=2), MON + timedelta(days=4))
    plan = plan_weeks(history, SUN, 1, "foundation", "Foundation", days=(1, 3, 6))
    assert [p.day for p in plan] == [MON + timedelta(days=8), MON + timedelta(days=10)]
    # done today (Monday): today is not planned again
    plan = plan_weeks(_history(library, MON), MON, 1, "foundation", "Foundation")
    assert [p.day for p in plan] == [MON + timedelta(days=2), MON + timedelta(days=4)]
    # Saturday and Monday: the Sunday-Monday boundary keeps a rest day
    plan = plan_weeks([], MON, 2, "foundation", "Foundation", days=(0, 3, 6))
    assert [p.day.weekday() for p in plan] == [0, 3, 6, 3, 6]


def test_ics_reads_back_with_icalendar() -> None:
    sessions = [PlannedSession(MON + timedelta(days=d), "foundation", "Foundation, with a semicolon; and more")
                for d in (0, 2, 4, 7)]
    stamp = datetime(2026, 3, 1, 12, 0, tzinfo=timezone.utc)
    text = to_ics(sessions, time(18, 30), 22, stamp=stamp)
    assert all(len(line.encode("utf-8")) <= 75 for line in text.split("\r\n"))
    cal = icalendar.Calendar.from_ical(text)
    events = [c for c in cal.walk("VEVENT")]
    assert len(events) == 4
    first = events[0]
    assert first.decoded("DTSTART") == datetime(2026, 3, 2, 18, 30)
    assert first.decoded("DURATION") == timedelta(minutes=22)
    assert str(first.get("SUMMARY")) == "Psoas Coach: Foundation, with a semicolon; and more session"
    assert "stop on sharp pain" in str(first.get("DESCRIPTION"))
    assert len({str(e.get("UID")) for e in events}) == 4
    alarms = list(first.walk("VALARM"))
    assert alarms and alarms[0].decoded("TRIGGER") == -timedelta(minutes=15)
