"""Fakes handed to the code under test in place of time, speech and dialogs."""

from __future__ import annotations


class FakeClock:
    """A clock a test advances by hand. ``wall`` follows ``now`` unless a test jumps it separately."""

    def __init__(self, start: float = 1000.0, wall: float = 1_767_000_000.0, speed: float = 1.0) -> None:
        self.speed = speed
        self._now = start
        self._wall = wall

    def now(self) -> float:
        return self._now

    def wall(self) -> float:
        return self._wall

    def advance(self, seconds: float) -> None:
        self._now += seconds
        self._wall += seconds / self.speed

    def jump_wall(self, seconds: float) -> None:
        """The wall clock moves while the monotonic clock does not: a suspended laptop."""
        self._wall += seconds
