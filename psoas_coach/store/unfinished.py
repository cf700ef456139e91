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
from collections.abc import Callable
from pathlib import Path
from typing import Any

from psoas_coach.atomic import write_atomic
from psoas_coach.core.clock import Clock
from psoas_coach.core.engine import SessionEngine, SessionState
from psoas_coach.core.plan import SessionPlan
from psoas_coach.core.weeks import work_done
from psoas_coach.i18n import _
from psoas_coach.paths import ensure_private_dir
from psoas_coach.safe_json import UnsafeJsonError, read_json_file
from psoas_coach.store.errors import StoreError, reason_of
from psoas_coach.store.records import iso_local, session_record
from psoas_coach.store.schema import problems as record_problems

KIND = "psoas-coach-unfinished"
VERSION = 1
MAX_FILE_BYTES = 8 * 1024 * 1024  # one session's snapshot and record: a few KB, a long note included

Unfinished = dict[str, Any]


class UnfinishedFile:
    """The single autosave file; an unreadable one is moved into *corrupt_folder*, never deleted."""

    def __init__(self, path: Path, corrupt_folder: Path) -> None:
        self.path = path
        self.corrupt_folder = corrupt_folder
        self.problem: str | None = None  # one sentence about the last load that found an unusable autosave

    def save(self, data: Unfinished) -> None:
        try:
            ensure_private_dir(self.path.parent)
            # rewritten after every step on the GUI thread: no fsync (see write_atomic)
            write_atomic(self.path, (json.dumps(data, ensure_ascii=False) + "\n").encode("utf-8"), durable=False)
        except OSError as exc:
            raise StoreError(_("Could not autosave the session in progress because {reason}.").format(reason=reason_of(exc))) from exc

    def load(self) -> Unfinished | None:
        """The autosave, checked into the shape every caller relies on (see check_unfinished); None when there is
        none or it cannot be used; then ``problem`` says so in one sentence and a damaged one is in corrupt/."""
        self.tidy()
        self.problem = None
        try:
            data = read_json_file(self.path, MAX_FILE_BYTES)
        except FileNotFoundError:
            return None
        except UnsafeJsonError as exc:
            if exc.unreadable:
                # Translators: {reason} is a phrase such as "cannot be read (permission)"
                self.problem = _("The autosave of an interrupted session {reason}, so it is left in {folder}.").format(
                    reason=exc.reason, folder=self.path.parent)
                return None
            self._unusable(exc.reason)
            return None
        why = check_unfinished(data)
        if why is not None:
            self._unusable(why)
            return None
        return data

    def _unusable(self, why: str) -> None:
        aside = self._move_aside()
        # Translators: {reason} is a phrase such as "is not valid JSON (...)" or "has a damaged session state"
        if aside is not None:
            self.problem = _("The autosave of an interrupted session {reason}, so nothing could be kept from it; "
                             "the file was moved to {path}.").format(reason=why, path=aside)
        else:
            self.problem = _("The autosave of an interrupted session {reason}, so nothing could be kept from it; "
                             "the file was left in {path}.").format(reason=why, path=self.path.parent)

    def clear(self) -> None:
        try:
            self.path.unlink()
        except FileNotFoundError:
            pass
        except OSError as exc:
            raise StoreError(_("Could not remove the autosave of the last session because {reason}.").format(
                reason=reason_of(exc))) from exc

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

    def _move_aside(self) -> Path | None:
        for n in range(100):
            target = self.corrupt_folder / f"current-{int(time.time())}{'' if n == 0 else f'-{n}'}.json"
            if target.exists() or target.is_symlink():
                continue  # never replace an earlier one
            try:
                ensure_private_dir(self.corrupt_folder)
                os.rename(self.path, target)
            except OSError:
                return None
            return target
        return None


def check_unfinished(data: Any) -> str | None:
    """None when *data* has the autosave's shape (its record a valid session record), else a few words why not."""
    if not isinstance(data, dict) or data.get("kind") != KIND:
        return _("is not an autosave of Psoas Coach")
    text_fields = ("session_id", "program_id")
    if not all(isinstance(data.get(k), str) and 0 < len(data[k]) <= 200 for k in text_fields):
        return _("has no usable session or program id")
    if not isinstance(data.get("finished", False), bool) or not isinstance(data.get("engine"), (dict, type(None))):
        return _("has a damaged session state")
    record = data.get("record")
    if not isinstance(record, dict):
        return _("holds no usable session record")
    wrong = record_problems(record, at=("record",))
    if wrong:
        # Translators: {problem} is a clause such as "the field 'record.exercises[0].sides' is missing"
        return _("holds a session record that cannot be used ({problem})").format(problem=wrong[0])
    if record.get("id") != data["session_id"]:
        return _("holds the record of another session")
    return None


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
        raise ValueError(_("this session had already finished; save it instead"))
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
