"""The session store and the running session's recorder, each built the first time it is used.

Home's first frame needs neither: the last session, the history and any session come after it. Their
modules bring the engine, the record checks, merging and the autosave with them, about 12 ms of imports
that the first frame no longer waits for. A caller that already holds both hands them in (``of``).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from psoas_coach.store.recording import SessionRecorder
    from psoas_coach.store.sessions import SessionStore

Notify = Callable[[str], None]


class SessionServices:
    """The store of *folder* and a recorder saving into it at *speed*, made on first use."""

    def __init__(self, folder: Path, *, parse_cache: Path | None = None, speed: float = 1.0) -> None:
        self.folder = folder
        self.parse_cache = parse_cache
        self.speed = speed
        self._notify: Notify = lambda _text: None
        self._store: SessionStore | None = None
        self._recorder: SessionRecorder | None = None

    @classmethod
    def of(cls, store: SessionStore, recorder: SessionRecorder) -> SessionServices:
        services = cls(store.folder, parse_cache=store.parse_cache, speed=recorder.speed)
        services._store, services._recorder = store, recorder
        services._notify = recorder.notify
        return services

    @property
    def store(self) -> SessionStore:
        if self._store is None:
            from psoas_coach.store.sessions import SessionStore

            self._store = SessionStore(self.folder, parse_cache=self.parse_cache)
        return self._store

    @property
    def recorder(self) -> SessionRecorder:
        if self._recorder is None:
            from psoas_coach.store.recording import SessionRecorder

            self._recorder = SessionRecorder(self.store, speed=self.speed, notify=self._notify)
        return self._recorder

    def notify_with(self, notify: Notify) -> None:
        """Where the recorder says what went wrong with a save (home's notice line)."""
        self._notify = notify
        if self._recorder is not None:
            self._recorder.notify = notify
