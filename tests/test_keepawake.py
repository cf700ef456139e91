"""Keep-awake: wakepy faked for the logic, one real wakepy call, and the policy that follows a session."""

from __future__ import annotations

from types import TracebackType

import pytest

from psoas_coach.core.engine import SessionEngine
from psoas_coach.core.plan import SessionPlan
from psoas_coach.keepawake import (
    CANNOT_KEEP_AWAKE,
    NullKeepAwake,
    SessionKeepAwake,
    WakepyKeepAwake,
    create_keep_awake,
)
from tests.fakes import FakeClock


class FakeResult:
    def get_failure_text(self, style: str = "block") -> str:
        return "no method worked"


class FakeMode:
    """Stands in for a wakepy Mode: records enter/exit and activates as told."""

    def __init__(self, works: bool, log: list[str]) -> None:
        self.works = works
        self.log = log
        self.active = False
        self.active_method = "fake-method" if works else None
        self.result = FakeResult()

    def __enter__(self) -> FakeMode:
        self.log.append("enter")
        self.active = self.works
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> bool:
        self.log.append("exit")
        self.active = False
        return True


class FakeKeepAwake:
    """Counts calls, for the session policy tests."""

    def __init__(self) -> None:
        self.active = False
        self.calls: list[str] = []

    def acquire(self) -> bool:
        self.calls.append("acquire")
        self.active = True
        return True

    def release(self) -> None:
        self.calls.append("release")
        self.active = False


def test_acquire_and_release_enter_and_exit_one_mode() -> None:
    log: list[str] = []
    messages: list[str] = []
    keep = WakepyKeepAwake(messages.append, lambda: FakeMode(True, log))
    assert keep.acquire() is True
    assert keep.active
    assert keep.acquire() is True  # already held: no second mode
    keep.release()
    keep.release()  # harmless when not held
    assert log == ["enter", "exit"]
    assert not keep.active
    assert messages == []


def test_a_new_mode_is_used_for_each_acquire() -> None:
    modes: list[FakeMode] = []
    log: list[str] = []

    def factory() -> FakeMode:
        modes.append(FakeMode(True, log))
        return modes[-1]

    keep = WakepyKeepAwake(lambda _m: None, factory)
    keep.acquire()
    keep.release()
    keep.acquire()
    assert len(modes) == 2 and modes[0] is not modes[1]


def test_failure_is_reported_once_in_one_line() -> None:
    log: list[str] = []
    messages: list[str] = []
    keep = WakepyKeepAwake(messages.append, lambda: FakeMode(False, log))
    assert keep.acquire() is False
    assert keep.acquire() is False
    assert not keep.active
    assert messages == [CANNOT_KEEP_AWAKE]
    assert "\n" not in messages[0]
    assert log == ["enter", "exit", "enter", "exit"]  # a failed mode is still left cleanly


def test_an_exception_from_the_platform_is_reported_not_raised() -> None:
    messages: list[str] = []

    def broken() -> FakeMode:
        raise OSError("no bus")

    keep = WakepyKeepAwake(messages.append, broken)
    assert keep.acquire() is False
    assert keep.acquire() is False
    assert messages == [CANNOT_KEEP_AWAKE]


def test_null_keep_awake_says_why_once_only_when_given_a_reason() -> None:
    messages: list[str] = []
    quiet = NullKeepAwake(messages.append)
    assert quiet.acquire() is False
    told = NullKeepAwake(messages.append, "No keep-awake here.")
    told.acquire()
    told.acquire()
    told.release()
    assert messages == ["No keep-awake here."]
    assert not told.active


def test_create_keep_awake_picks_wakepy_or_null() -> None:
    assert isinstance(create_keep_awake(lambda _m: None), WakepyKeepAwake)
    assert isinstance(create_keep_awake(lambda _m: None, enabled=False), NullKeepAwake)


def test_create_keep_awake_without_wakepy_says_so(monkeypatch: pytest.MonkeyPatch) -> None:
    import sys

    monkeypatch.setitem(sys.modules, "wakepy", None)  # makes "import wakepy" raise ImportError
    messages: list[str] = []
    keep = create_keep_awake(messages.append)
    assert isinstance(keep, NullKeepAwake)
    keep.acquire()
    assert messages == [CANNOT_KEEP_AWAKE]


def test_real_wakepy_call_holds_the_screen_or_says_why_once() -> None:
    pytest.importorskip("wakepy", reason="wakepy is not installed")
    messages: list[str] = []
    keep = WakepyKeepAwake(messages.append)
    try:
        held = keep.acquire()
        assert held == keep.active
        if not held:
            assert messages == [CANNOT_KEEP_AWAKE]
            pytest.skip("this platform cannot keep the screen awake (no D-Bus session, no inhibitor)")
    finally:
        keep.release()
    assert not keep.active
    assert messages == []


# ---------------------------------------------------------------- following a session


@pytest.fixture
def session(foundation_plan: SessionPlan, clock: FakeClock) -> tuple[SessionEngine, FakeKeepAwake, SessionKeepAwake]:
    engine = SessionEngine(foundation_plan, clock)
    keep = FakeKeepAwake()
    policy = SessionKeepAwake(keep, grace=180.0)
    policy.attach(engine)
    return engine, keep, policy


def test_awake_while_running_released_when_finished(
    session: tuple[SessionEngine, FakeKeepAwake, SessionKeepAwake],
) -> None:
    engine, keep, _policy = session
    assert not keep.active
    engine.start()
    assert keep.active
    engine.end_early()
    assert not keep.active
    assert keep.calls[-1] == "release"


def test_a_short_pause_keeps_the_screen_awake(
    session: tuple[SessionEngine, FakeKeepAwake, SessionKeepAwake], clock: FakeClock
) -> None:
    engine, keep, policy = session
    engine.start()
    engine.pause()
    clock.advance(179.0)
    policy.poll()
    assert keep.active
    engine.resume()
    assert keep.active


def test_a_long_pause_lets_the_screen_sleep_until_resumed(
    session: tuple[SessionEngine, FakeKeepAwake, SessionKeepAwake], clock: FakeClock
) -> None:
    engine, keep, policy = session
    engine.start()
    engine.pause()
    clock.advance(180.0)
    policy.poll()
    assert not keep.active
    calls = len(keep.calls)
    policy.poll()
    assert len(keep.calls) == calls  # released once, not on every refresh
    engine.resume()
    assert keep.active


def test_grace_is_real_time_whatever_the_speed(foundation_plan: SessionPlan) -> None:
    fast = FakeClock(speed=10.0)
    engine = SessionEngine(foundation_plan, fast)
    keep = FakeKeepAwake()
    policy = SessionKeepAwake(keep, grace=180.0)
    policy.attach(engine)
    engine.start()
    engine.pause()
    fast.advance(180.0)  # 18 real seconds
    policy.poll()
    assert keep.active
    fast.advance(1620.0)
    policy.poll()
    assert not keep.active


def test_detach_releases_and_stops_following(
    session: tuple[SessionEngine, FakeKeepAwake, SessionKeepAwake],
) -> None:
    engine, keep, policy = session
    engine.start()
    policy.detach()
    assert not keep.active
    engine.pause()
    engine.resume()
    assert not keep.active
