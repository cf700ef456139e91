"""A program expanded into the ordered steps of one session, and the rep pacing inside a step."""

from __future__ import annotations

import math
from enum import Enum
from typing import Any, NamedTuple

from psoas_coach.core.program import DosageKind, Exercise, Program, Sides, Tempo
from psoas_coach.i18n import _, content

SWITCH_SIDES_SECONDS = 8.0


class StepKind(str, Enum):
    BRIEFING = "briefing"  # safety note; waits for the user
    INTRO = "intro"  # exercise name, setup, time to get into position
    REPS = "reps"  # a set of repetitions paced by the tempo
    HOLD = "hold"  # one isometric hold
    RELEASE = "release"  # short release between two holds of a set
    WORK = "work"  # timed dynamic work
    SWITCH = "switch"  # switch sides
    REST = "rest"  # rest between sets
    NEXT_UP = "next_up"  # rest between exercises, previewing the next one
    SUMMARY = "summary"  # effort, pain, notes; waits for the user


WORK_KINDS = frozenset({StepKind.REPS, StepKind.HOLD, StepKind.WORK})
REST_KINDS = frozenset({StepKind.REST, StepKind.NEXT_UP, StepKind.RELEASE, StepKind.SWITCH})


class Side(str, Enum):
    LEFT = "left"
    RIGHT = "right"

    @property
    def label(self) -> str:
        return _("Left") if self is Side.LEFT else _("Right")

    @property
    def side_label(self) -> str:
        """'Left side' as a whole phrase (languages agree the adjective with the noun)."""
        return _("Left side") if self is Side.LEFT else _("Right side")

    @property
    def leg_label(self) -> str:
        return _("Left leg") if self is Side.LEFT else _("Right leg")


class Phase(str, Enum):
    LIFT = "lift"
    HOLD = "hold"
    LOWER = "lower"
    PAUSE = "pause"


class Step(NamedTuple):  # quicker to define than a dataclass: home's first frame
    """One screen of a session. ``duration`` is None for steps that wait for the user."""

    index: int  # type: ignore[assignment]  # its place in the plan: shadows tuple.index, which nothing uses
    kind: StepKind
    duration: float | None
    exercise: Exercise | None = None
    exercise_index: int = -1
    set_number: int = 0
    set_count: int = 0
    side: Side | None = None
    alternating: bool = False
    rep_number: int = 0  # HOLD/RELEASE: which hold of the set (1-based)
    rep_count: int = 0  # target reps (per side) or holds in this set
    next_exercise: Exercise | None = None
    next_label: str = ""

    @property
    def is_timed(self) -> bool:
        return self.duration is not None

    @property
    def is_work(self) -> bool:
        return self.kind in WORK_KINDS

    @property
    def title(self) -> str:
        if self.kind is StepKind.BRIEFING:
            return _("Before you start")
        if self.kind is StepKind.SUMMARY:
            return _("Session summary")
        if self.kind is StepKind.SWITCH:
            return _("Switch sides")
        if self.kind is StepKind.REST:
            return _("Rest")
        if self.kind is StepKind.NEXT_UP:
            return _("Rest — next up")
        if self.kind is StepKind.RELEASE:
            return _("Release")
        assert self.exercise is not None
        return content(self.exercise.name)

    @property
    def position_label(self) -> str:
        """'Set 2 of 3 · Left side · Hold 4 of 6' — where the person is inside the exercise."""
        parts: list[str] = []
        if self.set_count:
            parts.append(_("Set {number} of {count}").format(number=self.set_number, count=self.set_count))
        if self.side is not None:
            parts.append(self.side.side_label)
        elif self.alternating:
            parts.append(_("Alternate sides"))
        if self.kind in (StepKind.HOLD, StepKind.RELEASE) and self.rep_count:
            parts.append(_("Hold {number} of {count}").format(number=self.rep_number, count=self.rep_count))
        return " · ".join(parts)


class RepPosition(NamedTuple):  # quicker to define than a dataclass: home's first frame
    """Where a paced rep set is at a moment: the rep in progress, its phase and the side."""

    rep_number: int  # 1-based lift in progress (counts both sides for alternating sets)
    completed: int  # lifts fully completed
    phase: Phase
    phase_remaining: float
    side: Side | None
    completed_left: int
    completed_right: int

    def completed_per_side(self) -> int:
        return min(self.completed_left, self.completed_right) if self.side is not None else self.completed


def lifts_in_set(step: Step) -> int:
    """Number of single-leg lifts a REPS step paces (alternating sets do the reps on each side)."""
    return step.rep_count * 2 if step.alternating else step.rep_count


def rep_position(step: Step, elapsed: float) -> RepPosition:
    """Pure pacing: which rep and phase a REPS step is in after *elapsed* seconds."""
    assert step.exercise is not None
    tempo: Tempo = step.exercise.dosage.tempo
    total = lifts_in_set(step)
    elapsed = max(0.0, elapsed)
    completed = min(total, int(math.floor(elapsed / tempo.cycle + 1e-9)))
    index = min(completed, total - 1)
    within = elapsed - index * tempo.cycle
    phase, phase_remaining = Phase.PAUSE, 0.0
    start = 0.0
    for name, length in ((Phase.LIFT, tempo.lift), (Phase.HOLD, tempo.hold), (Phase.LOWER, tempo.lower), (Phase.PAUSE, tempo.pause)):
        if length > 0 and within < start + length:
            phase, phase_remaining = name, start + length - within
            break
        start += length
    if step.alternating:
        side: Side | None = Side.LEFT if index % 2 == 0 else Side.RIGHT
        left, right = (completed + 1) // 2, completed // 2
    else:
        side = step.side
        left = completed if step.side is Side.LEFT else 0
        right = completed if step.side is Side.RIGHT else 0
    return RepPosition(index + 1, completed, phase, phase_remaining, side, left, right)


class SessionPlan(NamedTuple):  # quicker to define than a dataclass: home's first frame
    program: Program
    steps: tuple[Step, ...]

    @property
    def timed_seconds(self) -> float:
        return sum(s.duration or 0.0 for s in self.steps)


StepFields = dict[str, Any]  # a Step's fields but its index, which comes from its place in the plan


def _work_steps(ex: Exercise, ei: int, set_number: int, side: Side | None) -> list[StepFields]:
    d = ex.dosage

    def step(kind: StepKind, duration: float, **extra: object) -> StepFields:
        return dict(kind=kind, duration=duration, exercise=ex, exercise_index=ei, set_number=set_number,
                    set_count=d.sets, side=side, **extra)

    if d.kind is DosageKind.REPS:
        alternating = ex.sides is Sides.ALTERNATING
        lifts = d.reps * (2 if alternating else 1)
        return [step(StepKind.REPS, lifts * d.tempo.cycle, alternating=alternating, rep_count=d.reps)]
    if d.kind is DosageKind.HOLD:
        out: list[StepFields] = []
        for rep in range(1, d.reps + 1):
            out.append(step(StepKind.HOLD, d.hold_seconds, rep_number=rep, rep_count=d.reps))
            if rep < d.reps:
                out.append(step(StepKind.RELEASE, d.release_seconds, rep_number=rep, rep_count=d.reps))
        return out
    return [step(StepKind.WORK, d.work_seconds, alternating=ex.sides is Sides.ALTERNATING)]


def build_plan(program: Program) -> SessionPlan:
    """Expand *program* into the ordered steps of one session (each Step made once: home builds a plan per
    program for its first frame)."""
    raw: list[StepFields] = [dict(kind=StepKind.BRIEFING, duration=None)]
    exercises = program.exercises
    for ei, ex in enumerate(exercises):
        raw.append(dict(kind=StepKind.INTRO, duration=ex.setup_seconds, exercise=ex, exercise_index=ei))
        sides: tuple[Side | None, ...] = (Side.LEFT, Side.RIGHT) if ex.sides is Sides.EACH else (None,)
        for set_number in range(1, ex.dosage.sets + 1):
            for side in sides:
                if side is Side.RIGHT:
                    raw.append(dict(kind=StepKind.SWITCH, duration=SWITCH_SIDES_SECONDS, exercise=ex, exercise_index=ei,
                                    set_number=set_number, set_count=ex.dosage.sets, side=side,
                                    next_label=f"{content(ex.name)} · {Side.RIGHT.side_label}"))
                raw.extend(_work_steps(ex, ei, set_number, side))
            if set_number < ex.dosage.sets:
                raw.append(dict(kind=StepKind.REST, duration=ex.dosage.rest_seconds, exercise=ex, exercise_index=ei,
                                set_number=set_number, set_count=ex.dosage.sets, next_exercise=ex,
                                next_label=f"{content(ex.name)} · " + _("Set {number} of {count}").format(
                                    number=set_number + 1, count=ex.dosage.sets)))
        if ei + 1 < len(exercises):
            nxt = exercises[ei + 1]
            raw.append(dict(kind=StepKind.NEXT_UP, duration=program.rest_between_exercises, exercise=ex,
                            exercise_index=ei, next_exercise=nxt, next_label=content(nxt.name)))
    raw.append(dict(kind=StepKind.SUMMARY, duration=None))
    return SessionPlan(program, tuple(Step(i, **fields) for i, fields in enumerate(raw)))
