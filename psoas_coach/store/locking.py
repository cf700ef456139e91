"""The cross-process lock that keeps two running instances from losing each other's writes."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING

from psoas_coach.i18n import lazy
from psoas_coach.paths import ensure_private_dir
from psoas_coach.store.errors import StoreError

if TYPE_CHECKING:
    from filelock import FileLock

LOCK_NAME = ".lock"
BUSY = lazy("Another Psoas Coach window is busy with the session history; try again in a moment.")


class StoreLock:
    """A re-entrant lock on ``<folder>/.lock`` (a separate, empty, private file that is never deleted)."""

    def __init__(self, folder: Path, timeout: float = 10.0) -> None:
        self.folder = folder
        self.timeout = timeout
        self._lock: FileLock | None = None  # made on first use: importing filelock costs ~10 ms at start-up

    @contextmanager
    def held(self) -> Iterator[None]:
        """Hold the lock for the block; raises StoreError if another instance keeps it past the timeout."""
        from filelock import FileLock, Timeout

        ensure_private_dir(self.folder)
        if self._lock is None:
            self._lock = FileLock(str(self.folder / LOCK_NAME), timeout=self.timeout, mode=0o600, thread_local=False)
        lock = self._lock
        try:
            lock.acquire()
        except Timeout:
            raise StoreError(str(BUSY)) from None
        try:
            yield
        finally:
            lock.release()
