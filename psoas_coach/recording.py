"""Keeps the record of the session in progress and saves it; a refused save keeps it in memory."""

from __future__ import annotations

from typing import Any

from psoas_coach.core.engine import SessionResult
from psoas_coach.store.records import new_session_id, session_record
from psoas_coach.store.sessions import SessionStore, StoreError


class SessionRecorder:
    """Saves a session as soon as it ends (so an unrated session is never lost), then again with ratings."""

    def __init__(self, store: SessionStore, speed: float = 1.0) -> None:
        self.store = store
        self.speed = speed
        self.record: dict[str, Any] | None = None
        self._result: SessionResult | None = None
        self.unsaved: list[dict[str, Any]] = []  # records the disk refused, kept for export

    def begin(self) -> None:
        self.record = None
        self._result = None

    def finished(self, result: SessionResult) -> str:
        """Save the bare record now; returns a one-line status for the window."""
        self._result = result
        self.record = session_record(result, session_id=new_session_id(), speed=self.speed)
        return self._save()

    def rate(self, effort: int, pain: int, notes: str) -> str:
        if self.record is None:
            return "Nothing to save yet."
        self.record.update({"effort": effort, "pain": pain, "notes": notes})
        return self._save()

    def _save(self) -> str:
        assert self.record is not None
        try:
            path = self.store.save(self.record)
        except StoreError as exc:
            if not any(r["id"] == self.record["id"] for r in self.unsaved):
                self.unsaved.append(self.record)
            return f"{exc} The session is kept in memory until you can save or export it."
        self.unsaved = [r for r in self.unsaved if r["id"] != self.record["id"]]
        return f"Saved to {path}."
