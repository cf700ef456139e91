"""Keep-awake in the real window: held while a session runs, let go after a long pause, at the end,
and on quit; a platform that cannot hold it is reported once in the window."""

from __future__ import annotations

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from psoas_coach.core.engine import SessionState
from psoas_coach.keepawake import CANNOT_KEEP_AWAKE, PAUSE_GRACE_SECONDS, NullKeepAwake, Report
from psoas_coach.ui.main_window import MainWindow
from tests.fakes import FakeClock
from tests.window_fixtures import Answers, AppFactory


class FakeKeepAwake:
    def __init__(self) -> None:
        self.active = False
        self.acquired = 0
        self.released = 0

    def acquire(self) -> bool:
        self.acquired += 1
        self.active = True
        return True

    def release(self) -> None:
        if self.active:
            self.released += 1
        self.active = False


def wired(app_factory: AppFactory) -> tuple[MainWindow, FakeKeepAwake]:
    """The window as the app builds it, holding the screen through a fake."""
    fake = FakeKeepAwake()
    window = app_factory(keep_awake=lambda _report: fake).window
    assert window is not None
    return window, fake


def tick(window: MainWindow, clock: FakeClock, seconds: float) -> None:
    clock.advance(seconds)
    window.driver.tick()


def test_held_while_running_released_when_the_session_ends(
    qtbot: QtBot, app_factory: AppFactory, answers: Answers
) -> None:
    window, keep = wired(app_factory)
    assert not keep.active
    window.start_program("foundation")
    assert keep.active and keep.acquired == 1
    answers.answer = True
    qtbot.keyClick(window, Qt.Key.Key_Escape)
    assert window.engine is not None and window.engine.state is SessionState.FINISHED
    assert not keep.active and keep.released == 1


def test_a_long_pause_lets_the_screen_sleep_and_resume_holds_it_again(
    qtbot: QtBot, app_factory: AppFactory, clock: FakeClock
) -> None:
    window, keep = wired(app_factory)
    window.start_program("foundation")
    qtbot.keyClick(window, Qt.Key.Key_Space)
    tick(window, clock, PAUSE_GRACE_SECONDS - 1)
    assert keep.active  # a short breather keeps the screen on
    tick(window, clock, 1)
    assert not keep.active
    qtbot.keyClick(window, Qt.Key.Key_Space)
    assert keep.active and keep.acquired == 2


def test_closing_the_window_mid_session_releases(
    app_factory: AppFactory
) -> None:
    window, keep = wired(app_factory)
    window.start_program("foundation")
    window.close()
    assert not keep.active


def test_quit_releases_through_detach(app_factory: AppFactory) -> None:
    fake = FakeKeepAwake()
    startup = app_factory(keep_awake=lambda _report: fake)
    assert startup.window is not None and startup.keep_awake is not None
    startup.window.start_program("foundation")
    startup.keep_awake.detach()  # what app.aboutToQuit calls
    assert not fake.active


def test_cannot_keep_awake_is_said_once_in_the_window(
    app_factory: AppFactory
) -> None:
    shown: list[str] = []

    def make(report: Report) -> NullKeepAwake:
        def spy(text: str) -> None:
            shown.append(text)
            report(text)

        return NullKeepAwake(spy, CANNOT_KEEP_AWAKE)

    window = app_factory(keep_awake=make).window
    assert window is not None
    window.start_program("foundation")
    window.toggle_pause()
    window.toggle_pause()
    assert shown == [CANNOT_KEEP_AWAKE]
