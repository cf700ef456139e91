"""One definition of "a session this week": distinct training days with work done, Monday to Sunday."""

from __future__ import annotations

from datetime import date, timedelta

from psoas_coach.core.program import ProgramLibrary
from psoas_coach.core.weeks import (
    TARGET_HIGH,
    TARGET_LOW,
    training_days,
    week_advice,
    week_count,
    week_text,
    weeks,
    work_done,
)
from tests.coaching_history import record

MON = date(2026, 3, 2)
SUN = MON + timedelta(days=6)


def test_the_target_is_the_articles() -> None:
    assert (TARGET_LOW, TARGET_HIGH) == (2, 3)


def test_seven_sessions_on_one_day_are_one_training_day(library: ProgramLibrary) -> None:
    program = library.get("foundation")
    history = [record(program, MON, hour=h) for h in range(8, 15)]
    assert training_days(history) == [MON]
    assert week_count(history, MON + timedelta(days=2)) == 1
    [week] = weeks(history, MON, count=1)
    assert (week.days, week.sessions, week.partial) == (1, 7, 0)
    assert week_text(week.days) == "This week: 1 of 2-3 training days"


def test_sessions_on_both_sides_of_a_week_boundary(library: ProgramLibrary) -> None:
    program = library.get("foundation")
    history = [record(program, SUN - timedelta(days=2)), record(program, SUN, hour=23),
               record(program, SUN + timedelta(days=1), hour=0), record(program, SUN + timedelta(days=3))]
    assert week_count(history, SUN) == 2
    assert week_count(history, SUN + timedelta(days=1)) == 1  # Monday starts a new week
    assert week_count(history, SUN + timedelta(days=3)) == 2
    assert [w.days for w in weeks(history, SUN + timedelta(days=3), count=2)] == [2, 2]


def test_a_session_with_no_work_does_not_count(library: ProgramLibrary) -> None:
    program = library.get("foundation")
    empty = record(program, MON, sets_done={ex.id: 0 for ex in program.exercises})
    assert not work_done(empty) and training_days([empty]) == []
    assert not work_done({"exercises": [{"sides": {"both": {"reps": float("nan")}}}]})
    assert not work_done({"exercises": "x"}) and not work_done({})
    assert work_done(record(program, MON))


def test_the_sentence_everywhere() -> None:
    assert week_text(0) == "This week: 0 of 2-3 training days"
    assert week_text(3, "Week of 02 Mar 2026") == "Week of 02 Mar 2026: 3 of 2-3 training days"
    assert week_text(7) == "This week: 7 training days, more than 2-3"
    assert week_advice(1) == "This week: 1 of 2-3 training days; 1 more to reach the target."
    assert week_advice(2).startswith("This week: 2 of 2-3 training days, on target.")
    assert week_advice(4).startswith("This week: 4 training days, more than 2-3;")
