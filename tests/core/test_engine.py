"""The session engine against a fake clock: whole sessions in milliseconds, exact to the schedule."""

from __future__ import annotations

import random
import time

import pytest

from psoas_coach.core.engine import Outcome, SessionEngine, SessionResult, SessionState
from psoas_coach.core.plan import SessionPlan, Side, Step, StepKind
from psoas_coach.core.program import ProgramLibrary
from psoas_coach.core.summary import summarize
from tests.fakes import FakeClock


def run_to_end(engine: SessionEngine, clock: FakeClock, tick: float = 0.25) -> None:
    engine.start()
    engine.next()  # leave the briefing
    guard = 0
    while engine.state is not SessionState.FINISHED:
        clock.advance(tick)
        engine.update()
        guard += 1
        assert guard < 1_000_000


def test_whole_foundation_session_in_well_under_a_second(foundation_plan: SessionPlan, clock: FakeClock) -> None:
    engine = SessionEngine(foundation_plan, clock)
    seen: list[StepKind] = []
    engine.signals.step_changed.connect(lambda s: seen.append(s.kind))
    t0 = time.perf_counter()
    run_to_end(engine, clock)
    assert time.perf_counter() - t0 < 1.0
    assert engine.outcome is Outcome.COMPLETED
    assert engine.step.kind is StepKind.SUMMARY
    assert seen[0] is StepKind.BRIEFING and seen[-1] is StepKind.SUMMARY
    assert engine.result is not None
    totals = {t.exercise_id: t for t in summarize(engine.result)}
    marching = totals["supine-marching"]
    assert marching.sides["left"].reps == 30 and marching.sides["right"].reps == 30
    assert marching.sides["left"].sets_completed == 3
    slr = totals["straight-leg-raise"]
    assert slr.sides["left"].hold_seconds == slr.sides["right"].hold_seconds == 3 * 6 * 5
    assert slr.sides["left"].holds == 18


def _record_starts(engine: SessionEngine, starts: list[tuple[int, float]]) -> None:
    """Append (step index, the engine's start time of that step) to *starts* at each step change."""

    def on_step(step: Step) -> None:
        starts.append((step.index, engine.step_started_at))

    engine.signals.step_changed.connect(on_step)


def test_no_drift_after_a_thousand_steps(library: ProgramLibrary, clock: FakeClock) -> None:
    from psoas_coach.core.plan import build_plan

    plan = build_plan(library.get("foundation"))
    engine = SessionEngine(plan, clock)
    engine.start()
    starts: list[tuple[int, float]] = []
    _record_starts(engine, starts)
    engine.next()
    rng = random.Random(7)
    transitions = 0
    expected = engine.step_started_at
    runs = 0
    while transitions < 1000:
        # irregular, late refreshes: the engine must still start each step exactly at the last deadline
        clock.advance(rng.uniform(0.01, 0.9))
        engine.update()
        if engine.state is SessionState.FINISHED:
            for (i, start), (j, nxt) in zip(starts, starts[1:]):
                if j == len(plan.steps) - 1:
                    break
                assert nxt == pytest.approx(start + (plan.steps[i].duration or 0), abs=1e-6)
                transitions += 1
            total = sum(s.duration or 0 for s in plan.steps)
            assert starts[-1][1] == pytest.approx(expected + total, abs=1e-6)
            runs += 1
            engine = SessionEngine(plan, clock)
            starts = []
            _record_starts(engine, starts)
            engine.start()
            engine.next()
            expected = engine.step_started_at
    assert runs >= 10


def test_pause_keeps_remaining_time(foundation_plan: SessionPlan, clock: FakeClock) -> None:
    engine = SessionEngine(foundation_plan, clock)
    engine.start()
    engine.next()
    assert engine.step.kind is StepKind.INTRO
    clock.advance(4.0)
    engine.update()
    assert engine.remaining() == pytest.approx(11.0)
    engine.pause()
    assert engine.state is SessionState.PAUSED
    clock.advance(600)
    engine.update()
    assert engine.step.kind is StepKind.INTRO
    assert engine.remaining() == pytest.approx(11.0)
    engine.toggle_pause()
    assert engine.state is SessionState.RUNNING
    clock.advance(10.9)
    engine.update()
    assert engine.step.kind is StepKind.INTRO
    clock.advance(0.2)
    engine.update()
    assert engine.step.kind is StepKind.REPS


def test_skip_records_partial_reps_and_back_restarts(foundation_plan: SessionPlan, clock: FakeClock) -> None:
    engine = SessionEngine(foundation_plan, clock)
    engine.start()
    engine.next()
    engine.next()  # skip the intro
    assert engine.step.kind is StepKind.REPS
    clock.advance(7 * 3 + 1)  # three lifts done: left, right, left
    engine.update()
    engine.next()  # skip the rest of the set
    assert engine.step.kind is StepKind.REST
    assert engine.result is None
    engine.back()
    assert engine.step.kind is StepKind.REPS
    assert engine.remaining() == pytest.approx(engine.step.duration)
    engine.next()
    engine.end_early()
    assert engine.outcome is Outcome.ENDED_EARLY
    assert engine.result is not None
    reps_record = [r for r in engine.result.records if foundation_plan.steps[r.step_index].kind is StepKind.REPS]
    assert len(reps_record) == 1 and reps_record[0].skipped and reps_record[0].reps_left == 0


def test_skipped_set_counts_only_completed_reps(foundation_plan: SessionPlan, clock: FakeClock) -> None:
    engine = SessionEngine(foundation_plan, clock)
    engine.start()
    engine.next()
    engine.next()
    clock.advance(7 * 3 + 1)
    engine.update()
    engine.end_early()
    assert engine.result is not None
    totals = {t.exercise_id: t for t in summarize(engine.result)}
    assert totals["supine-marching"].sides["left"].reps == 2
    assert totals["supine-marching"].sides["right"].reps == 1
    assert totals["supine-marching"].sides["left"].sets_completed == 0


def test_pain_stop_ends_at_once_and_remembers_exercise_and_side(foundation_plan: SessionPlan, clock: FakeClock) -> None:
    engine = SessionEngine(foundation_plan, clock)
    finished: list[SessionResult] = []
    engine.signals.finished.connect(finished.append)
    engine.start()
    engine.next()
    while not (engine.step.kind is StepKind.HOLD and engine.step.side is Side.RIGHT):
        engine.next()
    clock.advance(2.0)
    engine.update()
    engine.pain_stop()
    assert engine.state is SessionState.FINISHED and engine.outcome is Outcome.PAIN_STOP
    assert len(finished) == 1
    pain = finished[0].pain_stop
    assert pain is not None
    assert pain.exercise_id == "straight-leg-raise" and pain.side == "right"
    engine.next()
    engine.update()
    assert len(finished) == 1  # nothing runs after a pain stop


def test_per_side_time_is_equal_when_run_through(foundation_plan: SessionPlan, clock: FakeClock) -> None:
    engine = SessionEngine(foundation_plan, clock)
    run_to_end(engine, clock, tick=0.33)
    assert engine.result is not None
    for total in summarize(engine.result):
        if "left" in total.sides:
            left, right = total.sides["left"], total.sides["right"]
            assert (left.reps, left.hold_seconds, left.sets_completed) == (right.reps, right.hold_seconds, right.sets_completed)


def test_suspend_pauses_instead_of_skipping(foundation_plan: SessionPlan, clock: FakeClock) -> None:
    engine = SessionEngine(foundation_plan, clock, suspend_gap=5.0)
    engine.start()
    engine.next()
    clock.advance(3.0)
    engine.update()
    index = engine.index
    clock.jump_wall(3600)  # lid closed for an hour
    clock.advance(0.1)
    engine.update()
    assert engine.state is SessionState.PAUSED
    assert engine.index == index
    assert engine.remaining() == pytest.approx(12.0)


def test_scaled_clock_runs_faster() -> None:
    from psoas_coach.core.clock import SystemClock

    with pytest.raises(ValueError):
        SystemClock(0)
    fast = SystemClock(speed=1000)
    a = fast.now()
    t = time.perf_counter()
    while time.perf_counter() - t < 0.002:
        pass
    assert fast.now() - a >= 1.0
