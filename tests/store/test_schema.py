"""The shipped JSON Schema describes the records the app writes, and the checker catches bad ones."""

from __future__ import annotations

from psoas_coach.core.engine import SessionEngine
from psoas_coach.core.plan import SessionPlan
from psoas_coach.store.migrations import CURRENT_VERSION
from psoas_coach.store.records import SCHEMA_VERSION, session_record
from psoas_coach.store.schema import problems, session_schema
from tests.fakes import FakeClock
from tests.store.helpers import make_record


def test_schema_is_package_data_and_matches_the_version() -> None:
    schema = session_schema()
    assert schema["title"] == "Psoas Coach session record"
    assert SCHEMA_VERSION == CURRENT_VERSION
    assert str(CURRENT_VERSION) in schema["properties"]["schema_version"]["description"]


def test_written_records_follow_the_schema(foundation_plan: SessionPlan, clock: FakeClock) -> None:
    engine = SessionEngine(foundation_plan, clock)
    engine.start()
    engine.next()
    clock.advance(40)
    engine.update()
    engine.pain_stop()
    assert engine.result is not None
    record = session_record(engine.result, session_id="x", effort=4, pain=6, notes="hip", recovered=True)
    assert problems(record) == []
    assert set(record) <= set(session_schema()["properties"])
    assert problems(make_record(3)) == []


def test_checker_names_what_is_wrong() -> None:
    bad = make_record(1, effort=11, status="done")
    del bad["id"]
    bad["exercises"][0]["sides"]["left"]["reps"] = -1
    found = "\n".join(problems(bad))
    assert "missing id" in found
    assert "$.effort: above 10" in found
    assert "$.status: should be one of" in found
    assert "$.exercises[0].sides.left.reps: below 0" in found
    assert problems(make_record(1, pain_stop={"exercise_id": None, "side": None})) != []
