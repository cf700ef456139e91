"""Time for the engine: a monotonic clock behind a small protocol, and speed scaling for demos and tests."""

from __future__ import annotations

import time
from typing import Protocol


class Clock(Protocol):
    """Session seconds on a monotonic scale, plus the real wall time (epoch seconds) for records."""

    speed: float

    def now(self) -> float: ...

    def wall(self) -> float: ...


class SystemClock:
    """The real clock. With ``speed`` F, session time runs F times faster than real time."""

    def __init__(self, speed: float = 1.0) -> None:
        if not speed > 0:
            raise ValueError(f"speed must be above 0, not {speed}")
        self.speed = speed
        self._origin = time.monotonic()

    def now(self) -> float:
        return (time.monotonic() - self._origin) * self.speed

    def wall(self) -> float:
        return time.time()
