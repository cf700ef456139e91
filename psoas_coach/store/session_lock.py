"""One window owns the running session: a lock on ``sessions/unfinished/running.lock`` held while it runs.

The window that starts (or resumes) a session claims the lock and keeps it until the session's record
is saved and its autosave cleared. The lock is an OS file lock (flock), so it dies with the process: a
crash or a kill -9 frees it, and the next window then finds the autosave and offers to resume it. A
second window on the same data folder cannot claim it, so it neither offers to resume the session that
is running elsewhere nor reads, writes or clears ``unfinished/current.json``.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from psoas_coach.i18n import lazy
from psoas_coach.paths import ensure_private_dir

if TYPE_CHECKING:
    from filelock import FileLock

LOCK_NAME = "running.lock"
ELSEWHERE = lazy("A session is running in another Psoas Coach window on this data folder; finish it there "
                 "(or close that window) before starting one here.")


class SessionOwnership:
    """Claim and release the running-session lock of one sessions folder (not re-entrant: one claim at a time)."""

    def __init__(self, sessions_folder: Path) -> None:
        self.path = sessions_folder / "unfinished" / LOCK_NAME
        self._lock: FileLock | None = None
        self.held = False

    def claim(self) -> bool:
        """False when another window holds the lock; True when this object holds it (already, or now), or when
        the folder cannot be written at all (no window can autosave there, and the autosave says so itself)."""
        if self.held:
            return True
        from filelock import FileLock, Timeout  # imported here: ~10 ms that start-up does not need

        try:
            ensure_private_dir(self.path.parent)
            if self._lock is None:
                self._lock = FileLock(str(self.path), timeout=0, mode=0o600, thread_local=False)
            self._lock.acquire()
        except Timeout:
            return False
        except OSError:
            return True  # a read-only folder: no window can autosave here, so there is nothing to guard
        self.held = True
        return True

    def release(self) -> None:
        if self.held and self._lock is not None:
            self._lock.release(force=True)
        self.held = False
