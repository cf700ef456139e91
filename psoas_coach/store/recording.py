"""Keeps the record of the session in progress: autosaved after every step, saved the moment the
session ends (rated or not), saved again with the ratings. A refused save keeps it in memory."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from psoas_coach.core.engine import SessionEngine, SessionResult
from psoas_coach.i18n import _
from psoas_coach.store.records import new_session_id, session_record, touch
from psoas_coach.store.session_lock import ELSEWHERE, SessionOwnership
from psoas_coach.store.sessions import SessionStore, StoreError
from psoas_coach.store.unfinished import Autosaver

Notify = Callable[[str], None]


@dataclass(frozen=True)
class SaveOutcome:
    saved: bool
    message: str  # one plain sentence (or two) for the window


class SessionRecorder:
    """One session at a time: ``begin`` with its engine, ``finished`` with its result, then ``rate``."""

    def __init__(self, store: SessionStore, speed: float = 1.0, notify: Notify | None = None) -> None:
        self.store = store
        self.speed = speed
        self.notify = notify or (lambda _text: None)
        self.session_id = ""
        self.record: dict[str, Any] | None = None
        self.autosaver: Autosaver | None = None
        self.unsaved: list[dict[str, Any]] = []  # records the disk refused, kept for export
        # held from begin() until the session's record is saved and its autosave cleared (see session_lock)
        self.ownership = SessionOwnership(store.folder)

    def claim(self) -> bool:
        """Own the running session of this data folder; False when another window runs one now."""
        return self.ownership.claim()

    def release(self) -> None:
        """Give up the ownership (a claim that found no autosave to offer, or a session saved for good)."""
        self.ownership.release()

    def begin(self, engine: SessionEngine, session_id: str | None = None) -> None:
        """Start recording *engine* (a resumed session passes the id it had); StoreError when another window
        runs a session on this data folder (the window asks ``claim()`` first and says so instead)."""
        if not self.claim():
            raise StoreError(str(ELSEWHERE))
        if self.autosaver is not None:
            self.autosaver.detach()
        self.session_id = session_id or new_session_id()
        self.record = None
        self.autosaver = Autosaver(self.store, engine, self.session_id, speed=self.speed,
                                   on_error=lambda exc: self.notify(_("{reason} The session goes on.").format(reason=exc)))
        self.autosaver.attach()

    def tick(self) -> None:
        """Called by the refresh timer: long sets are autosaved part-way too."""
        if self.autosaver is not None:
            self.autosaver.tick()

    def finished(self, result: SessionResult) -> SaveOutcome:
        """Save the bare record now; returns a one-line status for the window."""
        self.record = session_record(result, session_id=self.session_id or new_session_id(), speed=self.speed)
        return self._save()

    def rate(self, effort: int | None, pain: int | None, notes: str) -> SaveOutcome:
        """The user's ratings (None: not rated, recorded as null) and notes, saved with the session."""
        if self.record is None:
            return SaveOutcome(False, _("Nothing to save yet."))
        self.record.update({"effort": effort, "pain": pain, "notes": notes})
        return self.save()

    def save(self) -> SaveOutcome:
        """Save the current record again after a change (ratings, notes): the newer copy wins a merge."""
        if self.record is None:
            return SaveOutcome(False, _("Nothing to save yet."))
        touch(self.record)
        return self._save()

    def _save(self) -> SaveOutcome:
        assert self.record is not None
        try:
            path = self.store.save(self.record)
        except StoreError as exc:
            if not any(r["id"] == self.record["id"] for r in self.unsaved):
                self.unsaved.append(self.record)
            # the autosave stays in place, so the next start offers this session again
            return SaveOutcome(False, _("{reason} The session is kept in memory until you can save or export it.").format(
                reason=exc))
        self.unsaved = [r for r in self.unsaved if r["id"] != self.record["id"]]
        try:
            self.store.clear_unfinished()
        except OSError:
            pass  # a stale autosave of a saved session is merged by id on the next start
        self.release()
        return SaveOutcome(True, _("Saved to {path}.").format(path=path))
