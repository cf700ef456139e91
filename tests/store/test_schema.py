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
    found = [str(p) for p in problems(bad)]
    assert "the field 'id' is missing" in found
    assert "the field 'effort' is 11, above the highest allowed value 10" in found
    assert 'the field \'status\' should be "completed", "ended_early", or "pain_stop", not "done"' in found
    assert "the field 'exercises[0].sides.left.reps' is -1, below the lowest allowed value 0" in found
    assert [p.field for p in problems(make_record(1, speed=0))] == ["speed"]
    assert [str(p) for p in problems(make_record(1, speed=0))] == ["the field 'speed' is 0, but it must be above 0"]


def test_a_wrong_type_names_what_the_field_may_be_and_quotes_the_value() -> None:
    bad = make_record(1, pain="high")
    bad["exercises"][0]["sides"]["left"]["reps"] = "many"
    bad["exercises"][0]["target"] = [1, 2]
    found = [str(p) for p in problems(bad)]
    assert "the field 'pain' should be a whole number or nothing (null), not \"high\"" in found
    assert "the field 'exercises[0].sides.left.reps' should be a whole number, not \"many\"" in found
    assert "the field 'exercises[0].target' should be an object, not a list" in found


def test_a_one_of_field_tells_what_its_own_shape_lacks() -> None:
    """pain_stop is null or an object: an object without "at" is told that, not "matches 0 shapes"."""
    assert [str(p) for p in problems(make_record(1, pain_stop={"exercise_id": None, "side": None}))] == [
        "the field 'pain_stop.at' is missing"]
    assert [str(p) for p in problems(make_record(1, pain_stop=3))] == [
        "the field 'pain_stop' should be nothing (null) or an object, not 3"]


def test_hostile_names_and_values_are_quoted_cut_and_escaped() -> None:
    """A key or a value from the file reaches a terminal: control characters stay escaped, long ones are cut."""
    bad = make_record(1, status="\x1b[31mred\n" + "x" * 500)
    bad["exercises"][0]["sides"]["le\nft\x1b"] = {"reps": 1}
    found = "\n".join(str(p) for p in problems(bad))
    assert "\x1b" not in found and "\\u001b[31mred\\n" in found
    assert "x" * 100 not in found and "…" in found
    assert "the field 'exercises[0].sides[\"le\\nft\\u001b\"].sets_started' is missing" in found


def test_the_path_starts_where_the_record_sits_in_its_file() -> None:
    bad = make_record(1)
    del bad["ended"]
    assert [p.field for p in problems(bad, at=("record",))] == ["record.ended"]
