"""A program expands into the steps of one session; rep pacing is a pure function of elapsed time."""

from __future__ import annotations

from psoas_coach.core.plan import Phase, SessionPlan, Side, StepKind, build_plan, rep_position
from psoas_coach.core.program import ProgramLibrary


def test_plan_starts_with_briefing_and_ends_with_summary(foundation_plan: SessionPlan) -> None:
    steps = foundation_plan.steps
    assert steps[0].kind is StepKind.BRIEFING and steps[0].duration is None
    assert steps[-1].kind is StepKind.SUMMARY and steps[-1].duration is None
    assert [s.index for s in steps] == list(range(len(steps)))
    intros = [s for s in steps if s.kind is StepKind.INTRO]
    assert [s.exercise.id for s in intros if s.exercise] == ["supine-marching", "straight-leg-raise", "standing-hip-flexion"]


def test_each_side_gets_the_same_work(foundation_plan: SessionPlan) -> None:
    for ex in foundation_plan.program.exercises:
        work = [s for s in foundation_plan.steps if s.exercise is ex and s.is_work]
        left = sum(s.duration or 0 for s in work if s.side is Side.LEFT)
        right = sum(s.duration or 0 for s in work if s.side is Side.RIGHT)
        assert left == right


def test_per_side_exercise_switches_sides_every_set(foundation_plan: SessionPlan) -> None:
    slr = [s for s in foundation_plan.steps if s.exercise and s.exercise.id == "straight-leg-raise"]
    kinds = [s.kind for s in slr]
    assert kinds.count(StepKind.SWITCH) == 3
    holds = [s for s in slr if s.kind is StepKind.HOLD]
    assert len(holds) == 3 * 2 * 6
    assert all(s.duration == 5 for s in holds)


def test_rests_between_sets_and_next_up_between_exercises(foundation_plan: SessionPlan) -> None:
    rests = [s for s in foundation_plan.steps if s.kind is StepKind.REST]
    assert len(rests) == 3 * 2
    next_ups = [s for s in foundation_plan.steps if s.kind is StepKind.NEXT_UP]
    assert [s.next_exercise.id for s in next_ups if s.next_exercise] == ["straight-leg-raise", "standing-hip-flexion"]


def test_rep_position_follows_the_tempo(foundation_plan: SessionPlan) -> None:
    reps = next(s for s in foundation_plan.steps if s.kind is StepKind.REPS)
    assert reps.alternating and reps.rep_count == 10
    # supine marching tempo: lift 2, hold 1, lower 3, pause 1 = 7 s
    assert rep_position(reps, 0).phase is Phase.LIFT
    assert rep_position(reps, 0).side is Side.LEFT
    assert rep_position(reps, 2.5).phase is Phase.HOLD
    pos = rep_position(reps, 4.0)
    assert pos.phase is Phase.LOWER and abs(pos.phase_remaining - 2.0) < 1e-9
    pos = rep_position(reps, 7.0)
    assert pos.rep_number == 2 and pos.side is Side.RIGHT and pos.completed_left == 1 and pos.completed_right == 0
    end = rep_position(reps, reps.duration or 0)
    assert end.completed == 20 and end.completed_left == 10 and end.completed_right == 10


def test_advanced_plan_has_a_timed_finisher(library: ProgramLibrary) -> None:
    plan = build_plan(library.get("advanced"))
    work = [s for s in plan.steps if s.kind is StepKind.WORK]
    assert work and all(s.exercise and s.exercise.id == "mountain-climbers" for s in work)
