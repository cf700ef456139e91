"""What a finished (or stopped) session achieved, per exercise and per side."""

from __future__ import annotations

from dataclasses import dataclass, field

from psoas_coach.core.engine import SessionResult
from psoas_coach.core.plan import Side, StepKind

BOTH = "both"


@dataclass
class SideTotals:
    """Totals for one side of one exercise ("left", "right", or "both" when there are no sides)."""

    sets_started: int = 0
    sets_completed: int = 0
    reps: int = 0
    holds: int = 0
    hold_seconds: float = 0.0
    work_seconds: float = 0.0
    skipped_steps: int = 0


@dataclass
class ExerciseTotals:
    exercise_id: str
    name: str
    kind: str
    target_sets: int
    target_reps: int
    target_hold_seconds: float
    sides: dict[str, SideTotals] = field(default_factory=dict)


def summarize(result: SessionResult) -> list[ExerciseTotals]:
    """Aggregate step records into totals per exercise and side, in program order."""
    steps = result.plan.steps
    by_id: dict[str, ExerciseTotals] = {}
    for ex in result.plan.program.exercises:
        if ex.id not in by_id:
            d = ex.dosage
            by_id[ex.id] = ExerciseTotals(ex.id, ex.name, d.kind.value, d.sets, d.reps, d.hold_seconds)
    # (exercise, side, set) -> all work steps of that set completed?
    set_done: dict[tuple[str, str, int], bool] = {}
    for rec in result.records:
        step = steps[rec.step_index]
        if step.exercise is None or not step.is_work:
            continue
        totals = by_id[step.exercise.id]
        sides = ["left", "right"] if step.alternating else [step.side.value if step.side else BOTH]
        for side in sides:
            t = totals.sides.setdefault(side, SideTotals())
            key = (step.exercise.id, side, step.set_number)
            set_done[key] = set_done.get(key, True) and rec.completed
            if rec.skipped:
                t.skipped_steps += 1
        if step.kind is StepKind.REPS:
            if step.alternating:
                totals.sides["left"].reps += rec.reps_left
                totals.sides["right"].reps += rec.reps_right
            elif step.side is not None:
                totals.sides[step.side.value].reps += rec.reps_left if step.side is Side.LEFT else rec.reps_right
            else:
                totals.sides[BOTH].reps += rec.reps
        elif step.kind is StepKind.HOLD:
            t = totals.sides[sides[0]]
            t.hold_seconds = round(t.hold_seconds + rec.seconds, 2)
            t.holds += 1 if rec.completed else 0
        elif step.kind is StepKind.WORK:
            for side in sides:
                totals.sides[side].work_seconds = round(totals.sides[side].work_seconds + rec.seconds / len(sides), 2)
    for (ex_id, side, _set), done in set_done.items():
        t = by_id[ex_id].sides[side]
        t.sets_started += 1
        t.sets_completed += 1 if done else 0
    return [t for t in by_id.values()]
