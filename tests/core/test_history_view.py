"""Series over time, per-side detail and the pain flag of the History screen, computed without Qt."""

from __future__ import annotations

from psoas_coach.core.history_view import (
    detail_rows,
    exercise_series,
    had_pain,
    ratings_series,
)
from tests.store.helpers import make_record


def _on(day: str, **changes: object) -> dict[str, object]:
    return make_record(int(day.replace("-", "")), started=f"{day}T07:30:00+01:00", **changes)


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
