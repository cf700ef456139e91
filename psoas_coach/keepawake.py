"""Keep the screen awake while a session runs: a small interface, a wakepy implementation and a null one.

The window calls ``acquire()`` when a session runs and ``release()`` when it ends, stays paused for a
while, or the app quits. Where the screen cannot be kept awake, the user is told once, in one line.
"""

from __future__ import annotations

import importlib.util
import logging
from collections.abc import Callable
from typing import Any, Protocol

from psoas_coach.core.engine import SessionEngine, SessionState
from psoas_coach.i18n import LazyText, lazy

log = logging.getLogger(__name__)

Report = Callable[[str], None]
"""Shows one plain sentence to the user (a status bar line, a caption); never raises."""

CANNOT_KEEP_AWAKE = lazy("The screen may dim or lock during a session: keeping it awake is not supported here.")
PAUSE_GRACE_SECONDS = 180.0
"""A pause longer than this lets the screen sleep again; resuming keeps it awake once more."""


class KeepAwake(Protocol):
    """Holds the screen awake between ``acquire`` and ``release``; both are safe to call repeatedly."""

    @property
    def active(self) -> bool: ...

    def acquire(self) -> bool:
        """Ask the system to keep the screen on; True when it is now held awake."""
        ...

    def release(self) -> None:
        """Let the screen sleep again. Does nothing when not held."""
        ...


class _ReportOnce:
    """Passes on the first message only, so the user hears about a missing feature once."""

    def __init__(self, report: Report) -> None:
        self._report = report
        self.done = False

    def __call__(self, message: str) -> None:
        if not self.done:
            self.done = True
            self._report(message)


class NullKeepAwake:
    """Never holds the screen; with a reason, says so once on the first ``acquire``."""

    def __init__(self, report: Report | None = None, reason: str | LazyText | None = None) -> None:
        self._report = _ReportOnce(report) if report is not None and reason else None
        self._reason = reason

    @property
    def active(self) -> bool:
        return False

    def acquire(self) -> bool:
        if self._report is not None and self._reason:
            self._report(str(self._reason))
        return False

    def release(self) -> None:
        return None


ModeFactory = Callable[[], Any]
"""Returns a fresh, not yet entered wakepy Mode (a context manager with ``active`` and ``result``)."""


def _presenting_mode() -> Any:
    from wakepy import keep

    return keep.presenting(on_fail="pass")


class WakepyKeepAwake:
    """Keeps the display on with wakepy's ``keep.presenting`` mode (D-Bus inhibit, caffeinate, or
    SetThreadExecutionState). A wakepy Mode is single-use and bound to its thread, so every
    ``acquire`` enters a new one on the calling (GUI) thread."""

    def __init__(self, report: Report, mode_factory: ModeFactory = _presenting_mode) -> None:
        self._report = _ReportOnce(report)
        self._mode_factory = mode_factory
        self._mode: Any | None = None

    @property
    def active(self) -> bool:
        return self._mode is not None

    def acquire(self) -> bool:
        if self._mode is not None:
            return True
        try:
            mode = self._mode_factory()
            mode.__enter__()
        except Exception:  # a broken D-Bus or platform call must never stop a session
            log.warning("keep-awake could not start", exc_info=True)
            self._report(str(CANNOT_KEEP_AWAKE))
            return False
        if getattr(mode, "active", False):
            self._mode = mode
            log.info("keep-awake on: %s", getattr(mode, "active_method", None))
            return True
        self._exit(mode)
        result = getattr(mode, "result", None)
        if result is not None:
            log.info("keep-awake unavailable: %s", result.get_failure_text(style="inline"))
        self._report(str(CANNOT_KEEP_AWAKE))
        return False

    def release(self) -> None:
        mode, self._mode = self._mode, None
        if mode is not None:
            self._exit(mode)
            log.info("keep-awake off")

    @staticmethod
    def _exit(mode: Any) -> None:
        try:
            mode.__exit__(None, None, None)
        except Exception:
            log.warning("keep-awake could not stop cleanly", exc_info=True)


def create_keep_awake(report: Report, *, enabled: bool = True) -> KeepAwake:
    """The best keep-awake available: wakepy when installed and enabled, else a null one that says why."""
    if not enabled:
        return NullKeepAwake()
    if importlib.util.find_spec("wakepy") is None:  # wakepy itself is imported on the first acquire
        return NullKeepAwake(report, str(CANNOT_KEEP_AWAKE))
    return WakepyKeepAwake(report)


class SessionKeepAwake:
    """Follows a session engine: awake while it runs, asleep once finished or paused longer than
    ``grace`` real seconds (the screen sleeps in real time, whatever ``--speed`` says). ``poll`` is
    called from the window's refresh timer; pause time is read from the engine's own clock."""

    def __init__(self, keep_awake: KeepAwake, *, grace: float = PAUSE_GRACE_SECONDS) -> None:
        self.keep_awake = keep_awake
        self._grace = grace
        self._paused_at: float | None = None
        self._engine: SessionEngine | None = None

    def attach(self, engine: SessionEngine) -> None:
        """Follow ``engine`` from now on (a new session replaces the previous one)."""
        self.detach()
        self._engine = engine
        engine.signals.state_changed.connect(self.on_state)
        self.on_state(engine.state)

    def detach(self) -> None:
        """Stop following the current engine and let the screen sleep (also called on quit)."""
        if self._engine is not None:
            self._engine.signals.state_changed.disconnect(self.on_state)
            self._engine = None
        self._paused_at = None
        self.keep_awake.release()

    def on_state(self, state: SessionState) -> None:
        if state is SessionState.RUNNING:
            self._paused_at = None
            self.keep_awake.acquire()
        elif state is SessionState.PAUSED:
            self._paused_at = self._now()
        else:
            self._paused_at = None
            self.keep_awake.release()

    def poll(self) -> None:
        """Release once a pause has lasted longer than the grace period."""
        if self._paused_at is None or self._engine is None:
            return
        clock = self._engine.clock
        if (clock.now() - self._paused_at) / clock.speed >= self._grace:
            self._paused_at = None
            self.keep_awake.release()

    def _now(self) -> float:
        return self._engine.clock.now() if self._engine is not None else 0.0
