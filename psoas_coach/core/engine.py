"""SessionEngine: the state machine that steps through a session plan against an injected clock.

A countdown is a deadline: ``remaining = deadline - now``. When a deadline passes, the next step
starts *at that deadline*, not at the moment the engine noticed, so late refreshes never add drift.
Pause keeps the remaining time; resume sets a new deadline. Nothing here knows about Qt.
"""

from __future__ import annotations

import math
from dataclasses import asdict, dataclass, field, fields
from enum import Enum
from typing import Any

from psoas_coach.core.clock import Clock
from psoas_coach.core.plan import RepPosition, SessionPlan, Side, Step, StepKind, lifts_in_set, rep_position
from psoas_coach.core.signal import Signal
from psoas_coach.i18n import _

SNAPSHOT_VERSION = 1


class SessionState(str, Enum):
    READY = "ready"
    RUNNING = "running"
    PAUSED = "paused"
    FINISHED = "finished"


class Outcome(str, Enum):
    COMPLETED = "completed"
    ENDED_EARLY = "ended_early"
    PAIN_STOP = "pain_stop"


@dataclass
class StepRecord:
    """What happened in one step: time spent, and the reps or hold seconds actually done."""

    step_index: int
    started_at: float
    ended_at: float | None = None
    completed: bool = False  # ran until its deadline
    skipped: bool = False  # the user moved on (or the session ended) before the deadline
    reps_left: int = 0
    reps_right: int = 0
    reps: int = 0  # reps of a set with no side
    seconds: float = 0.0  # hold or work seconds done


def _finite(value: Any) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool) and math.isfinite(value)


def _step_record(raw: Any, steps: int) -> StepRecord:
    """A StepRecord from a snapshot, every field checked; ValueError when any is the wrong type or out of range."""
    if not isinstance(raw, dict):
        raise ValueError(_("a step of the saved session is damaged"))
    def count(value: Any) -> bool:
        return isinstance(value, int) and not isinstance(value, bool) and 0 <= value <= 100_000

    checks = {"step_index": count, "reps_left": count, "reps_right": count, "reps": count,
              "started_at": _finite, "seconds": _finite, "ended_at": lambda v: v is None or _finite(v),
              "completed": lambda v: isinstance(v, bool), "skipped": lambda v: isinstance(v, bool)}
    values: dict[str, Any] = {}
    for f in fields(StepRecord):
        if f.name in raw:
            if not checks[f.name](raw[f.name]):
                raise ValueError(_("a step of the saved session is damaged"))
            values[f.name] = raw[f.name]
    if not 0 <= values.get("step_index", -1) < steps or "started_at" not in values:
        raise ValueError(_("a step of the saved session is damaged"))
    return StepRecord(**values)


@dataclass(frozen=True)
class PainStop:
    step_index: int
    exercise_id: str | None
    side: str | None
    at_wall: float


@dataclass(frozen=True)
class SessionResult:
    plan: SessionPlan
    outcome: Outcome
    started_wall: float
    ended_wall: float
    records: tuple[StepRecord, ...]
    pain_stop: PainStop | None = None


@dataclass
class _Pause:
    remaining: float | None
    elapsed: float


@dataclass
class _Signals:
    step_changed: Signal[Step] = field(default_factory=Signal)
    state_changed: Signal[SessionState] = field(default_factory=Signal)
    finished: Signal[SessionResult] = field(default_factory=Signal)
    suspended: Signal[float] = field(default_factory=Signal)


class SessionEngine:
    """Runs one session. Call ``update()`` often (a few times a second); it is cheap and idempotent."""

    def __init__(self, plan: SessionPlan, clock: Clock, *, suspend_gap: float | None = None) -> None:
        self.plan = plan
        self.clock = clock
        self.suspend_gap = suspend_gap  # real seconds of unexplained time that count as a suspend
        self.signals = _Signals()
        self._state = SessionState.READY
        self._index = 0
        self._start = 0.0
        self._deadline: float | None = None
        self._pause: _Pause | None = None
        self._records: dict[int, StepRecord] = {}
        self._outcome: Outcome | None = None
        self._pain: PainStop | None = None
        self._started_wall = 0.0
        self._seen_now = 0.0
        self._seen_wall = 0.0
        self.result: SessionResult | None = None

    # ------------------------------------------------------------------ read-only state

    @property
    def state(self) -> SessionState:
        return self._state

    @property
    def step(self) -> Step:
        return self.plan.steps[self._index]

    @property
    def index(self) -> int:
        return self._index

    @property
    def outcome(self) -> Outcome | None:
        return self._outcome

    @property
    def deadline(self) -> float | None:
        return self._deadline

    @property
    def step_started_at(self) -> float:
        return self._start

    def remaining(self) -> float | None:
        """Seconds left in the current timed step (None for steps that wait for the user)."""
        if self.step.duration is None or self._state is SessionState.FINISHED:
            return None
        if self._pause is not None:
            return self._pause.remaining
        if self._deadline is None:
            return self.step.duration
        return max(0.0, self._deadline - self.clock.now())

    def elapsed(self) -> float:
        """Active seconds spent in the current step (pauses excluded)."""
        if self._pause is not None:
            return self._pause.elapsed
        if self._state is SessionState.READY:
            return 0.0
        duration = self.step.duration
        if duration is not None and self._deadline is not None:
            return min(duration, max(0.0, duration - (self._deadline - self.clock.now())))
        return max(0.0, self.clock.now() - self._start)

    def rep_position(self) -> RepPosition | None:
        if self.step.kind is not StepKind.REPS:
            return None
        return rep_position(self.step, self.elapsed())

    def next_timed_step(self) -> Step | None:
        for s in self.plan.steps[self._index + 1 :]:
            if s.kind is not StepKind.SUMMARY:
                return s
        return None

    # ------------------------------------------------------------------ operations

    def start(self) -> None:
        if self._state is not SessionState.READY:
            return
        now = self.clock.now()
        self._started_wall = self.clock.wall()
        self._mark_seen(now)
        self._set_state(SessionState.RUNNING)
        self._enter(0, now)

    def update(self) -> None:
        """Fire every step transition whose deadline has passed."""
        if self._state is not SessionState.RUNNING:
            return
        now = self.clock.now()
        if self._suspend_detected(now):
            return
        self._mark_seen(now)
        while self._state is SessionState.RUNNING and self._deadline is not None and now >= self._deadline:
            ended = self._deadline
            self._close(ended, completed=True)
            self._advance(self._index + 1, ended)

    def next(self) -> None:
        """Start / next: end the current step now and go on (a skip if its time was not up)."""
        if self._state is SessionState.READY:
            self.start()
            return
        if self._state is SessionState.FINISHED:
            return
        now = self.clock.now()
        self.update()
        if self._state is SessionState.FINISHED:
            return
        self._close(now, completed=False)
        if self._pause is not None:
            self._pause = None
            self._set_state(SessionState.RUNNING)
        self._advance(self._index + 1, now)

    def back(self) -> None:
        """Go back to the previous step and start it again from its full time."""
        if self._state in (SessionState.READY, SessionState.FINISHED):
            return
        now = self.clock.now()
        self._records.pop(self._index, None)
        if self._pause is not None:
            self._pause = None
            self._set_state(SessionState.RUNNING)
        self._enter(max(0, self._index - 1), now)

    def pause(self) -> None:
        if self._state is not SessionState.RUNNING:
            return
        self._pause = _Pause(remaining=self.remaining(), elapsed=self.elapsed())
        self._set_state(SessionState.PAUSED)

    def resume(self) -> None:
        if self._state is not SessionState.PAUSED or self._pause is None:
            return
        now = self.clock.now()
        self._mark_seen(now)
        pause, self._pause = self._pause, None
        if pause.remaining is not None and self.step.duration is not None:
            self._deadline = now + pause.remaining
        else:
            self._start = now - pause.elapsed
        self._set_state(SessionState.RUNNING)

    def toggle_pause(self) -> None:
        if self._state is SessionState.RUNNING:
            self.pause()
        elif self._state is SessionState.PAUSED:
            self.resume()

    def end_early(self) -> None:
        """End the session now; what was done so far is kept."""
        if self._state is SessionState.FINISHED:
            return
        self._finish(Outcome.ENDED_EARLY)

    def pain_stop(self) -> None:
        """Sharp pain: stop at once and remember where it happened."""
        if self._state is SessionState.FINISHED:
            return
        step = self.step
        side = step.side
        if side is None and step.kind is StepKind.REPS:
            pos = self.rep_position()
            side = pos.side if pos is not None else None
        self._pain = PainStop(
            step_index=step.index,
            exercise_id=step.exercise.id if step.exercise is not None else None,
            side=side.value if side is not None else None,
            at_wall=self.clock.wall(),
        )
        self._finish(Outcome.PAIN_STOP)

    # ------------------------------------------------------------------ snapshot / restore

    def snapshot(self) -> dict[str, Any]:
        """JSON-ready state of a running or paused session: enough to resume it after a crash."""
        if self._state not in (SessionState.RUNNING, SessionState.PAUSED):
            raise ValueError(f"only a running or paused session has a snapshot, not a {self._state.value} one")
        return {
            "snapshot_version": SNAPSHOT_VERSION,
            "program_id": self.plan.program.id,
            "plan_steps": [s.kind.value for s in self.plan.steps],
            "index": self._index,
            "elapsed": round(self.elapsed(), 3),
            "started_wall": self._started_wall,
            "records": [asdict(self._records[i]) for i in sorted(self._records)],
        }

    @classmethod
    def restore(
        cls, plan: SessionPlan, clock: Clock, snapshot: dict[str, Any], *, suspend_gap: float | None = None
    ) -> SessionEngine:
        """An engine paused at the snapshot's step with the time already done in it kept; ``resume()`` goes on.

        *plan* must be built from the same program as the snapshot; a mismatch raises ValueError.
        """
        if not isinstance(snapshot, dict) or snapshot.get("snapshot_version") != SNAPSHOT_VERSION:
            raise ValueError(_("the saved session comes from an unknown snapshot version"))
        if snapshot.get("plan_steps") != [s.kind.value for s in plan.steps]:
            raise ValueError(_("the saved session does not match this program any more"))
        index = snapshot.get("index")
        if not isinstance(index, int) or isinstance(index, bool) or not 0 <= index < len(plan.steps) - 1:
            raise ValueError(_("the saved session points outside its program"))
        elapsed_raw, wall = snapshot.get("elapsed", 0.0), snapshot.get("started_wall", 0.0)
        if not (_finite(elapsed_raw) and _finite(wall) and isinstance(snapshot.get("records", []), list)):
            raise ValueError(_("the saved session's times are damaged"))
        engine = cls(plan, clock, suspend_gap=suspend_gap)
        step = plan.steps[index]
        elapsed = max(0.0, float(elapsed_raw))
        if step.duration is not None:
            elapsed = min(elapsed, step.duration)
        now = clock.now()
        for raw in snapshot.get("records", []):
            rec = _step_record(raw, len(plan.steps))
            engine._records[rec.step_index] = rec
        engine._records[index] = StepRecord(step_index=index, started_at=now - elapsed)
        engine._index = index
        engine._start = now - elapsed
        engine._deadline = None if step.duration is None else now + step.duration - elapsed
        remaining = None if step.duration is None else step.duration - elapsed
        engine._pause = _Pause(remaining=remaining, elapsed=elapsed)
        engine._state = SessionState.PAUSED
        engine._started_wall = float(wall) or clock.wall()
        engine._mark_seen(now)
        return engine

    def partial_result(self) -> SessionResult:
        """What was done so far, as if the session ended now; this engine is left exactly as it was."""
        if self.result is not None:
            return self.result
        if self._state is SessionState.READY:
            raise ValueError("a session that has not started has no result")
        probe = SessionEngine.restore(self.plan, self.clock, self.snapshot())
        probe.end_early()
        assert probe.result is not None
        return probe.result

    # ------------------------------------------------------------------ internals

    def _mark_seen(self, now: float) -> None:
        self._seen_now = now
        self._seen_wall = self.clock.wall()

    def _suspend_detected(self, now: float) -> bool:
        """A wall-clock jump with no matching monotonic time (lid closed): pause instead of skipping."""
        if self.suspend_gap is None:
            return False
        real_mono_gap = (now - self._seen_now) / self.clock.speed
        wall_gap = self.clock.wall() - self._seen_wall
        if wall_gap - real_mono_gap <= self.suspend_gap and real_mono_gap <= self.suspend_gap:
            return False
        # Freeze the step at the moment last seen, then pause there.
        seen = self._seen_now
        remaining = None if self._deadline is None else max(0.0, self._deadline - seen)
        duration = self.step.duration
        elapsed = (duration - remaining) if (duration is not None and remaining is not None) else seen - self._start
        self._pause = _Pause(remaining=remaining, elapsed=elapsed)
        self._set_state(SessionState.PAUSED)
        self.signals.suspended.emit(max(wall_gap, real_mono_gap))
        return True

    def _enter(self, index: int, start: float) -> None:
        self._index = index
        self._start = start
        step = self.plan.steps[index]
        self._deadline = None if step.duration is None else start + step.duration
        self._records[index] = StepRecord(step_index=index, started_at=start)
        self.signals.step_changed.emit(step)

    def _advance(self, index: int, start: float) -> None:
        if index >= len(self.plan.steps) - 1 or self.plan.steps[index].kind is StepKind.SUMMARY:
            self._finish(Outcome.COMPLETED, at=start)
            return
        self._enter(index, start)

    def _close(self, at: float, *, completed: bool) -> None:
        """Record what the current step achieved, ending at session time *at*."""
        step = self.step
        rec = self._records.get(self._index)
        if rec is None or step.kind is StepKind.SUMMARY:
            return
        rec.ended_at = at
        rec.completed = completed
        rec.skipped = not completed and step.duration is not None
        elapsed = step.duration if completed and step.duration is not None else self._elapsed_at(at)
        if step.kind is StepKind.REPS:
            pos = rep_position(step, elapsed)
            if completed:
                total = lifts_in_set(step)
                rec.reps_left, rec.reps_right = (total + 1) // 2, total // 2
                if not step.alternating:
                    rec.reps_left = total if step.side is Side.LEFT else 0
                    rec.reps_right = total if step.side is Side.RIGHT else 0
                rec.reps = step.rep_count if step.side is None and not step.alternating else 0
            else:
                rec.reps_left, rec.reps_right = pos.completed_left, pos.completed_right
                rec.reps = pos.completed if step.side is None and not step.alternating else 0
        elif step.kind in (StepKind.HOLD, StepKind.WORK):
            rec.seconds = round(elapsed, 2)

    def _elapsed_at(self, at: float) -> float:
        if self._pause is not None:
            return self._pause.elapsed
        duration = self.step.duration
        if duration is not None and self._deadline is not None:
            return min(duration, max(0.0, duration - (self._deadline - at)))
        return max(0.0, at - self._start)

    def _finish(self, outcome: Outcome, at: float | None = None) -> None:
        now = self.clock.now() if at is None else at
        if self._state is not SessionState.READY and outcome is not Outcome.COMPLETED:
            self._close(now, completed=False)
        self._outcome = outcome
        self._pause = None
        self._deadline = None
        self._index = len(self.plan.steps) - 1
        self._start = now
        if not self._started_wall:
            self._started_wall = self.clock.wall()
        self._set_state(SessionState.FINISHED)
        self.result = SessionResult(
            plan=self.plan,
            outcome=outcome,
            started_wall=self._started_wall,
            ended_wall=self.clock.wall(),
            records=tuple(self._records[i] for i in sorted(self._records)),
            pain_stop=self._pain,
        )
        self.signals.step_changed.emit(self.step)
        self.signals.finished.emit(self.result)

    def _set_state(self, state: SessionState) -> None:
        if state is not self._state:
            self._state = state
            self.signals.state_changed.emit(state)
