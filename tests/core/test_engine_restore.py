"""Snapshot and restore: a session interrupted by a crash goes on where it stopped, losing nothing."""

from __future__ import annotations

import json

import pytest

from psoas_coach.core.engine import Outcome, SessionEngine, SessionState
from psoas_coach.core.plan import SessionPlan, StepKind, build_plan
from psoas_coach.core.program import ProgramLibrary
from psoas_coach.core.summary import summarize
from tests.fakes import FakeClock


def _run_to_end(engine: SessionEngine, clock: FakeClock) -> None:
    while engine.state is not SessionState.FINISHED:
        clock.advance(0.5)
        engine.update()


def _started(plan: SessionPlan, clock: FakeClock, seconds: float) -> SessionEngine:
    engine = SessionEngine(plan, clock)
    engine.start()
    engine.next()  # leave the briefing
    for _ in range(int(seconds * 2)):
        clock.advance(0.5)
        engine.update()
    return engine


@pytest.mark.parametrize("seconds", [0.0, 7.25, 95.0, 400.0])
def test_crash_and_restore_gives_the_same_session(foundation_plan: SessionPlan, seconds: float) -> None:
    whole_clock = FakeClock()
    whole = _started(foundation_plan, whole_clock, 0)
    _run_to_end(whole, whole_clock)

    clock = FakeClock()
    engine = _started(foundation_plan, clock, seconds)
    remaining, index = engine.remaining(), engine.index
    snapshot = json.loads(json.dumps(engine.snapshot()))  # it must survive a trip through a file

    later = FakeClock(start=5.0, wall=clock.wall() + 3600)  # a new process, an hour later
    restored = SessionEngine.restore(foundation_plan, later, snapshot)
    assert restored.state is SessionState.PAUSED
    assert restored.index == index and restored.remaining() == pytest.approx(remaining)
    later.advance(30)  # paused: time does not run
    restored.update()
    assert restored.index == index and restored.remaining() == pytest.approx(remaining)
    restored.resume()
    _run_to_end(restored, later)
    assert restored.outcome is Outcome.COMPLETED
    assert whole.result is not None and restored.result is not None
    assert summarize(restored.result) == summarize(whole.result)
    assert restored.result.started_wall == clock.wall() - clock.now() + 1000.0  # the original start


def test_partial_result_leaves_the_engine_running(foundation_plan: SessionPlan, clock: FakeClock) -> None:
    engine = _started(foundation_plan, clock, 40)
    before = (engine.state, engine.index, engine.remaining(), engine.deadline)
    partial = engine.partial_result()
    assert partial.outcome is Outcome.ENDED_EARLY
    assert (engine.state, engine.index, engine.remaining(), engine.deadline) == before
    marching = summarize(partial)[0]
    assert marching.sides["left"].reps > 0
    engine.pause()
    assert engine.partial_result().records == partial.records
    engine.end_early()
    assert engine.partial_result() is engine.result


def test_snapshot_needs_a_session_in_progress(foundation_plan: SessionPlan, clock: FakeClock) -> None:
    engine = SessionEngine(foundation_plan, clock)
    with pytest.raises(ValueError):
        engine.snapshot()
    with pytest.raises(ValueError):
        engine.partial_result()
    engine.start()
    engine.end_early()
    with pytest.raises(ValueError):
        engine.snapshot()


def test_restore_refuses_another_program(foundation_plan: SessionPlan, library: ProgramLibrary, clock: FakeClock) -> None:
    engine = _started(foundation_plan, clock, 10)
    snapshot = engine.snapshot()
    other = build_plan(library.get("advanced"))
    with pytest.raises(ValueError, match="does not match"):
        SessionEngine.restore(other, clock, snapshot)
    with pytest.raises(ValueError):
        SessionEngine.restore(foundation_plan, clock, {**snapshot, "snapshot_version": 99})


def test_restore_on_a_step_that_waits_for_the_user(foundation_plan: SessionPlan, clock: FakeClock) -> None:
    engine = SessionEngine(foundation_plan, clock)
    engine.start()
    assert engine.step.kind is StepKind.BRIEFING
    restored = SessionEngine.restore(foundation_plan, FakeClock(), engine.snapshot())
    assert restored.step.kind is StepKind.BRIEFING and restored.remaining() is None
    restored.resume()
    restored.next()
    assert restored.index == 1
