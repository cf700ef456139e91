"""Reading session records into entries: the values, the order, and forgiveness of odd fields."""

from __future__ import annotations

import copy
from datetime import date, datetime, timedelta, timezone
from typing import Any

import pytest

from psoas_coach.core.history import (
    Control,
    ExerciseEntry,
    dated_sessions,
    entries_by_exercise,
    entries_of,
    pain_stop_of,
    program_sessions,
    read_entries,
    sorted_sessions,
    started_ids,
)
from psoas_coach.core.program import ProgramLibrary
from tests.coaching_history import record

MONDAY = date(2026, 3, 2)


def _one(exercise_id: str, **fields: Any) -> dict[str, Any]:
    """A session record with one exercise; *fields* replace the exercise's."""
    ex: dict[str, Any] = {
        "id": exercise_id, "name": "Supine Marching", "kind": "reps",
        "target": {"sets": 3, "reps": 10, "hold_seconds": 0.0},
        "sides": {"left": {"sets_completed": 3, "reps": 30, "hold_seconds": 0.0, "work_seconds": 1.5},
                  "right": {"sets_completed": 2, "reps": 20, "hold_seconds": 0.0, "work_seconds": 2.0}},
        "rating": {"control": "mostly", "last_reps_hard": False},
    }
    ex.update(fields)
    return {"id": "s1", "program": {"id": "foundation"}, "started": "2026-03-02T18:00:00+01:00",
            "effort": 6, "pain": 1, "status": "completed", "pain_stop": None, "exercises": [ex]}


def test_an_entry_reads_every_field() -> None:
    (entry,) = entries_of(_one("supine-marching"))
    assert entry == ExerciseEntry(
        session_id="s1", program_id="foundation", started=datetime(2026, 3, 2, 18, tzinfo=timezone(timedelta(hours=1))),
        exercise_id="supine-marching", name="Supine Marching", kind="reps", target_sets=3, target_reps=10,
        target_hold_seconds=0.0, sets_done=2, reps_per_side=25.0, hold_seconds_per_side=0.0, work_seconds=3.5,
        done_in_full=False, effort=6, pain=1, pain_stop_here=False, pain_stop_side=None, session_pain_stop=False,
        control=Control.MOSTLY, last_reps_hard=False,
    )
    assert isinstance(entry.target_sets, int) and isinstance(entry.reps_per_side, float)


def test_an_entry_cannot_be_changed() -> None:
    (entry,) = entries_of(_one("supine-marching"))
    with pytest.raises(AttributeError):
        entry.pain = 9  # type: ignore[misc]


@pytest.mark.parametrize("sides, full", [
    ({"left": {"sets_completed": 3}, "right": {"sets_completed": 3}}, True),
    ({"left": {"sets_completed": 3}}, False),  # one side of a two-sided exercise was not worked
    ({"both": {"sets_completed": 3}}, True),
    ({"both": {"sets_completed": 2}}, False),
])
def test_done_in_full_needs_every_set_on_both_sides(sides: dict[str, Any], full: bool) -> None:
    (entry,) = entries_of(_one("x", sides=sides))
    assert entry.done_in_full is full


def test_the_pain_stop_is_marked_on_its_exercise() -> None:
    rec = _one("supine-marching")
    rec["pain_stop"] = {"exercise_id": "supine-marching", "side": "left"}
    (entry,) = entries_of(rec)
    assert (entry.pain_stop_here, entry.pain_stop_side, entry.session_pain_stop, entry.done_in_full) == \
        (True, "left", True, False)
    assert pain_stop_of({"status": "pain_stop"}) == (None, None)
    assert pain_stop_of({"status": "completed", "pain_stop": "odd"}) is None


@pytest.mark.parametrize("value, control", [
    ("yes", Control.YES), ("no", Control.NO), (Control.MOSTLY, Control.MOSTLY), (None, None), ("YES", None),
    (1, None), (["yes"], None), ({"a": 1}, None), (True, None),
])
def test_the_control_answer_reads_forgivingly(value: object, control: Control | None) -> None:
    (entry,) = entries_of(_one("x", rating={"control": value, "last_reps_hard": "no"}))
    assert entry.control is control and entry.last_reps_hard is None


@pytest.mark.parametrize("odd", [None, "3", True, float("nan"), float("inf"), -float("inf"), 10**400, [], {}])
def test_odd_numbers_read_as_zero(odd: object) -> None:
    sides = {"left": {"sets_completed": odd, "reps": odd, "hold_seconds": odd, "work_seconds": odd}}
    (entry,) = entries_of(_one("x", target={"sets": odd, "reps": odd, "hold_seconds": odd}, sides=sides))
    assert (entry.target_sets, entry.target_reps, entry.target_hold_seconds, entry.sets_done, entry.reps_per_side,
            entry.hold_seconds_per_side, entry.work_seconds) == (0, 0, 0.0, 0, 0.0, 0.0, 0.0)
    assert entry.done_in_full is False


@pytest.mark.parametrize("started", [None, "yesterday", 20260302, "2026-02-30T18:00:00"])
def test_a_record_without_a_readable_start_has_no_entries(started: object) -> None:
    rec = _one("x")
    rec["started"] = started
    assert entries_of(rec) == []


@pytest.mark.parametrize("exercises", [
    None, "abc", 5, {"x": 1}, [1, None], [{"id": 5, "sides": {"left": {}}}], [{"id": "x", "sides": {}}],
    [{"id": "x", "sides": {"left": "odd"}}], [{"id": "x", "sides": ["left"]}], [{"id": "x"}],
])
def test_exercises_not_started_have_no_entries(exercises: object) -> None:
    rec = _one("x")
    rec["exercises"] = exercises
    assert entries_of(rec) == [] and started_ids(rec) == []


def test_started_ids_are_the_ids_of_the_entries(library: ProgramLibrary) -> None:
    program = library.get("foundation")
    rec = record(program, MONDAY, only=("supine-marching", "standing-hip-flexion"))
    rec["exercises"].insert(1, {"id": "skipped", "sides": {}})
    rec["exercises"].append({"id": "side-odd", "sides": {"left": 3, "right": {"sets_completed": 1}}})
    assert started_ids(rec) == [e.exercise_id for e in entries_of(rec)] == \
        ["supine-marching", "standing-hip-flexion", "side-odd"]
    started = datetime.fromisoformat(rec["started"])
    assert read_entries(rec, started) == entries_of(rec)


def test_sessions_sort_by_the_instant_they_started() -> None:
    early = {"id": "a", "started": "2026-03-02T19:00:00+02:00"}  # 17:00 UTC
    late = {"id": "b", "started": "2026-03-02T18:00:00+00:00"}
    tie = {"id": "c", "started": "2026-03-02T20:00:00+02:00"}  # 18:00 UTC, after *late* in the input
    unreadable = [{"id": "d", "started": "soon"}, {"id": "e"}, {"id": "f", "started": "0001-01-01T00:00:00"}]
    records = [late, tie, *unreadable, early]
    assert [r["id"] for r in sorted_sessions(records)] == ["a", "b", "c"]
    assert [(m, r["id"]) for m, r in dated_sessions(records)] == [
        (datetime.fromisoformat(r["started"]), r["id"]) for r in (early, late, tie)]


def test_program_sessions_keep_one_program(library: ProgramLibrary) -> None:
    foundation, advanced = library.get("foundation"), library.get("advanced")
    records = [record(advanced, MONDAY), record(foundation, MONDAY + timedelta(days=2)), record(foundation, MONDAY)]
    assert [r["id"] for _m, r in program_sessions(records, "foundation")] == [records[2]["id"], records[1]["id"]]
    assert program_sessions(records, "nothing") == []


def test_entries_by_exercise_are_oldest_first(library: ProgramLibrary) -> None:
    foundation = library.get("foundation")
    records = [record(foundation, MONDAY + timedelta(days=d), pain=d % 3) for d in (4, 0, 2)]
    odd = copy.deepcopy(records[0])
    odd["program"] = "foundation"  # not a mapping: no program
    by_exercise = entries_by_exercise([*records, odd], "foundation")
    assert set(by_exercise) == {ex.id for ex in foundation.exercises}
    assert [e.pain for e in by_exercise["supine-marching"]] == [0, 2, 1]


@pytest.mark.parametrize("odd", [float("inf"), -float("inf"), float("nan"), 1e300, "6", True])
def test_an_odd_effort_or_pain_reads_as_not_known(odd: object) -> None:
    rec = _one("x")
    rec["effort"] = rec["pain"] = odd
    (entry,) = entries_of(rec)
    assert entry.effort is None and entry.pain is None
