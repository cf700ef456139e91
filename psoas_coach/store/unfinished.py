"""Autosave of the session in progress, so a crash or power loss never costs the workout.

How the app uses it (all Qt-free; the window only shows the two buttons):

1. When a session starts::

       saver = Autosaver(store, engine, session_id, speed=speed, on_error=show_one_line)
       saver.attach()          # writes <data>/sessions/unfinished/current.json after every step

   The file holds the engine snapshot and the partial record as it stands. When the engine finishes,
   the finished record is autosaved too, so a crash on the summary screen loses nothing either.
   A long step (a 140 s set) is also saved part-way if the window's refresh timer calls ``saver.tick()``.
2. When the user's final record is saved: ``store.save(record)`` then ``store.clear_unfinished()``.
   If that save raises StoreError (disk full or read-only), leave the autosave in place and offer export.
3. On the next start::

       left = store.unfinished()              # None when the last session ended cleanly
       if left is not None:
           # ask: "Resume" (only if can_resume(left)) or "Save as partial" (or "Discard")
           engine = resume_engine(left, build_plan(library.get(left["program_id"])), clock)
           #   -> paused at the step it stopped in; attach a new Autosaver with left["session_id"]
           save_as_partial(store, left)       # keeps what was done as a partial session
           store.clear_unfinished()           # discard
"""

from __future__ import annotations

import json
import os
import time
from pathlib import Path
from typing import Any, Callable

from psoas_coach.core.clock import Clock
from psoas_coach.core.engine import SessionEngine, SessionState
from psoas_coach.core.plan import SessionPlan
from psoas_coach.core.weeks import work_done
from psoas_coach.paths import ensure_private_dir
from psoas_coach.atomic import write_atomic
from psoas_coach.store.errors import StoreError, reason_of
from psoas_coach.store.records import iso_local, session_record
from psoas_coach.store.safe_json import UnsafeJSONError, read_json

KIND = "psoas-coach-unfinished"
VERSION = 1
MAX_BYTES = 16 * 1024 * 1024  # an autosave is a few kilobytes

Unfinished = dict[str, Any]


class UnfinishedFile:
    """The single autosave file; an unreadable one is moved into *corrupt_folder*, never deleted."""

    def __init__(self, path: Path, corrupt_folder: Path) -> None:
        self.path = path
        self.corrupt_folder = corrupt_folder

    def save(self, data: Unfinished) -> None:
        try:
            ensure_private_dir(self.path.parent)
            # rewritten after every step on the GUI thread: no fsync (see write_atomic)
            write_atomic(self.path, (json.dumps(data, ensure_ascii=False) + "\n").encode("utf-8"), durable=False)
        except OSError as exc:
            raise StoreError(f"Could not autosave the session in progress because {reason_of(exc)}.") from exc

    def load(self) -> Unfinished | None:
        self.tidy()
        if not os.path.lexists(self.path):
            return None
        try:
            data = read_json(self.path, max_bytes=MAX_BYTES, non_finite="null")
        except UnsafeJSONError as exc:
            if not exc.permission:  # a file it may not read stays where it is
                self._move_aside()
            return None
        if not isinstance(data, dict) or data.get("kind") != KIND or not isinstance(data.get("record"), dict):
            self._move_aside()
            return None
        return data

    def clear(self) -> None:
        try:
            self.path.unlink()
        except FileNotFoundError:
            pass
        except OSError as exc:
            raise StoreError(f"Could not remove the autosave of the last session because {reason_of(exc)}.") from exc

    def tidy(self, age: float = 60.0) -> None:
        """Remove temp files of autosaves a crash interrupted (older than *age* seconds, so never a live one)."""
        try:
            with os.scandir(self.path.parent) as it:
                for entry in it:
                    if entry.name.startswith(f".{self.path.name}.") and entry.name.endswith(".tmp"):
                        if time.time() - entry.stat().st_mtime > age:
                            os.unlink(entry.path)
        except OSError:
            pass

    def _move_aside(self) -> None:
        try:
            ensure_private_dir(self.corrupt_folder)
            os.replace(self.path, self.corrupt_folder / f"current-{int(time.time())}.json")
        except OSError:
            pass


def unfinished_data(engine: SessionEngine, session_id: str, *, speed: float = 1.0) -> Unfinished:
    """The autosave of *engine* now: its snapshot (None once finished) and the record of what was done."""
    finished = engine.result is not None
    result = engine.partial_result()
    return {
        "kind": KIND,
        "version": VERSION,
        "saved": iso_local(time.time()),
        "session_id": session_id,
        "program_id": engine.plan.program.id,
        "finished": finished,
        "engine": None if finished else engine.snapshot(),
        "record": session_record(result, session_id=session_id, speed=speed, recovered=True),
    }


class Autosaver:
    """Writes the autosave after every step, on pause and at the end; reports a failure once, never raises."""

    def __init__(
        self,
        store: Any,
        engine: SessionEngine,
        session_id: str,
        *,
        speed: float = 1.0,
        on_error: Callable[[StoreError], None] | None = None,
        interval: float = 10.0,
    ) -> None:
        self.store = store  # a SessionStore (typed loosely to avoid an import cycle)
        self.engine = engine
        self.session_id = session_id
        self.speed = speed
        self.on_error = on_error
        self.interval = interval  # session seconds between part-way saves (see tick)
        self.saves = 0
        self._failed = False
        self._last = float("-inf")

    def attach(self) -> None:
        signals = self.engine.signals
        signals.step_changed.connect(self._on_step)
        signals.state_changed.connect(self._on_state)

    def detach(self) -> None:
        signals = self.engine.signals
        signals.step_changed.disconnect(self._on_step)
        signals.state_changed.disconnect(self._on_state)

    def tick(self) -> None:
        """Call from a refresh timer: saves a running session again once *interval* seconds have passed."""
        if self.engine.state is SessionState.RUNNING and self.engine.clock.now() - self._last >= self.interval:
            self.save_now()

    def save_now(self) -> None:
        state = self.engine.state
        if state is SessionState.READY or (state is SessionState.FINISHED and self.engine.result is None):
            return  # nothing done yet, or the engine is between "finished" and its result
        try:
            self.store.save_unfinished(unfinished_data(self.engine, self.session_id, speed=self.speed))
        except StoreError as exc:
            if not self._failed and self.on_error is not None:
                self.on_error(exc)
            self._failed = True
            self._last = self.engine.clock.now()  # try again at the next step or interval, not every tick
            return
        self._failed = False
        self._last = self.engine.clock.now()
        self.saves += 1

    def _on_step(self, _step: object) -> None:
        self.save_now()

    def _on_state(self, state: SessionState) -> None:
        if state is SessionState.PAUSED:
            self.save_now()


def can_resume(left: Unfinished) -> bool:
    """True when the autosave holds a session that can go on (not one that had already finished)."""
    return not left.get("finished") and isinstance(left.get("engine"), dict)


def resume_engine(left: Unfinished, plan: SessionPlan, clock: Clock, *, suspend_gap: float | None = None) -> SessionEngine:
    """The engine of *left*, paused where it stopped; ValueError if *plan* is not the program it ran."""
    if not can_resume(left):
        raise ValueError("this session had already finished; save it instead")
    return SessionEngine.restore(plan, clock, left["engine"], suspend_gap=suspend_gap)


def save_as_partial(store: Any, left: Unfinished) -> Path | None:
    """Save what was done before the interruption as a session of its own, then drop the autosave.

    An interruption before any work (killed on the briefing, say) is not a session: nothing is saved
    and None is returned; the autosave is dropped all the same."""
    if not work_done(left["record"]):
        store.clear_unfinished()
        return None
    path: Path = store.save(left["record"])
    store.clear_unfinished()
    return path
