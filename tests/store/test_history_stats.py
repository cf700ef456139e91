"""Weeks against 2-3 a week, series over time and per-side detail, computed without Qt."""

from __future__ import annotations

from datetime import date

from psoas_coach.store.history_stats import (
    detail_rows,
    exercise_series,
    had_pain,
    ratings_series,
    week_of,
    weeks,
)
from tests.store.helpers import make_record


def _on(day: str, **changes: object) -> dict[str, object]:
    return make_record(int(day.replace("-", "")), started=f"{day}T07:30:00+01:00", **changes)


def test_weeks_count_sessions_against_the_target() -> None:
    records = [
        _on("2026-03-02", status="completed"),  # Monday
        _on("2026-03-04", status="completed"),
        _on("2026-03-08"),  # Sunday, partial
        _on("2026-03-10", status="completed"),
        _on("2026-01-01"),  # too old for 3 weeks
        {"id": "x", "started": "garbage"},
    ]
    shown = weeks(records, today=date(2026, 3, 11), count=3)
    assert [w.monday for w in shown] == [date(2026, 2, 23), date(2026, 3, 2), date(2026, 3, 9)]
    assert [(w.sessions, w.completed) for w in shown] == [(0, 0), (3, 2), (1, 1)]
    assert [w.verdict for w in shown] == ["below target", "on target", "below target"]
    assert week_of(date(2026, 3, 8)) == date(2026, 3, 2)


def test_series_and_detail() -> None:
    record = make_record(1, effort=6, pain=None)
    [(name, points)] = exercise_series([record, {"id": "bad", "started": None}]).values()
    assert name == "Supine Marching" and points[0].reps > 0
    assert ratings_series([record, make_record(2, effort=None, pain=None)]) == [(points[0].when, 6, None)]
    rows = detail_rows(record)
    assert [(r.exercise, r.side) for r in rows] == [("Supine Marching", "Left"), ("Supine Marching", "Right")]
    assert rows[0].sets.endswith("/3")
    stopped = make_record(3, status="pain_stop", pain_stop={"exercise_id": "supine-marching", "side": "right", "at": ""})
    assert [r.pain_stop for r in detail_rows(stopped)] == [False, True]
    assert had_pain(stopped) and had_pain(make_record(4, pain=5)) and not had_pain(make_record(5, pain=2))
