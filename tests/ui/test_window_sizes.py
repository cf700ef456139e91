"""From a small laptop (1024x600) to a large screen (1920x1080) and a 4K one without desktop scaling (3840x2160),
every screen's labels and buttons fit or wrap: safety, home with the resume banner, the briefing, every kind of
step, the summary and History's three tabs."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from psoas_coach.core.plan import StepKind
from psoas_coach.ui.main_window import MainWindow
from tests.fakes import FakeClock
from tests.ui.test_text_scale import clipped, show
from tests.window_fixtures import AppFactory

SIZES = [(1024, 600), (1920, 1080), (3840, 2160)]


def walk(qtbot: QtBot, window: MainWindow, clock: FakeClock) -> dict[str, list[str]]:
    """Every screen a user meets, each checked as it shows."""
    seen: dict[str, list[str]] = {}

    def look(name: str) -> None:
        show(qtbot, window)
        seen[name] = clipped(window)

    look("home")
    window.start_program("foundation")
    engine = window.engine
    assert engine is not None
    look("briefing")
    kinds = {StepKind.INTRO: "intro", StepKind.REPS: "reps", StepKind.HOLD: "hold", StepKind.REST: "rest",
             StepKind.NEXT_UP: "next up", StepKind.SWITCH: "switch"}
    while engine.step.kind is not StepKind.SUMMARY:
        window.next_step()
        name = kinds.get(engine.step.kind)
        if name and name not in seen:
            look(name)
    look("summary")
    window.save_ratings(6, 0, "")
    window.start_program("foundation")  # then a power cut in the middle of a set
    window.next_step()
    window.next_step()
    clock.advance(8)
    window.driver.tick()
    window.recorder.tick()
    window.driver.drive(None)
    window.engine = None
    window.recorder.release()
    window.go_home()
    window.offer_resume()
    assert window.question.isVisible()
    look("resume banner")
    window.question.answer(False)
    look("notice banner")
    window.show_history()
    history = window.history
    assert history is not None
    for index, name in enumerate(("history sessions", "history calendar", "history trends")):
        history.show_tab(index)
        look(name)
    return seen


@pytest.mark.parametrize("size", SIZES, ids=[f"{w}x{h}" for w, h in SIZES])
def test_every_screen_fits_or_wraps(qtbot: QtBot, app_factory: AppFactory, clock: FakeClock,
                                    size: tuple[int, int]) -> None:
    window = app_factory().window
    assert window is not None
    window.resize(*size)
    seen = walk(qtbot, window, clock)
    assert {"home", "briefing", "intro", "reps", "hold", "rest", "summary", "resume banner", "history trends"} <= set(seen)
    assert {screen: problems for screen, problems in seen.items() if problems} == {}


@pytest.mark.parametrize("size", SIZES, ids=[f"{w}x{h}" for w, h in SIZES])
def test_the_first_run_safety_note_fits(qtbot: QtBot, app_factory: AppFactory, size: tuple[int, int]) -> None:
    startup = app_factory(accept_safety=False)
    window = startup.window
    assert window is not None and startup.coaching is not None
    window.resize(*size)
    show(qtbot, window)
    assert window.stack.currentWidget() is startup.coaching.safety
    assert clipped(window) == []


def test_the_resume_banner_answers_to_y_and_n(qtbot: QtBot, app_factory: AppFactory) -> None:
    window = app_factory().window
    assert window is not None
    answers: list[bool] = []
    window.question.ask("Resume?", "Resume", "Keep as partial", answers.append)
    assert window.question.yes_button.hasFocus()  # Enter answers yes; the keyboard stays in the window
    qtbot.keyClick(window, Qt.Key.Key_N)
    assert answers == [False] and not window.question.isVisible()
    window.question.ask("Resume?", "Resume", "Keep as partial", answers.append)
    qtbot.keyClick(window.question.yes_button, Qt.Key.Key_Y)
    assert answers == [False, True]
    qtbot.keyClick(window.home.programs, Qt.Key.Key_Y)  # no question now: Y does nothing
    assert answers == [False, True]


def test_rating_chips_take_number_keys_and_start_not_rated(qtbot: QtBot, app_factory: AppFactory) -> None:
    window = app_factory().window
    assert window is not None
    pain, effort = window.session.summary.pain, window.session.summary.effort
    assert (pain.rating(), effort.rating(), pain.text()) == (None, None, "not rated")
    for keys, expected in (("3", 3), ("0", 0), ("10", 10)):
        pain.clear_rating()
        qtbot.keyClicks(pain, keys)
        assert pain.rating() == expected
    qtbot.keyClick(pain, Qt.Key.Key_Backspace)
    assert pain.rating() is None
    qtbot.keyClicks(effort, "0")  # effort is 1-10: 0 is the tenth chip
    assert effort.rating() == 10
    qtbot.keyClick(effort, Qt.Key.Key_Left)
    assert effort.rating() == 9


def test_the_focus_ring_follows_the_keyboard_in_the_themes_focus_colour(qtbot: QtBot, app_factory: AppFactory) -> None:
    from psoas_coach.ui.theme import current_theme

    window = app_factory().window
    assert window is not None
    window.home.history_button.setFocus()
    qtbot.waitUntil(lambda: window.focus_ring.isVisible())
    ring, button = window.focus_ring.geometry(), window.home.history_button
    assert ring.contains(button.geometry().translated(button.mapTo(window, button.rect().topLeft())
                                                      - button.geometry().topLeft()))
    assert window.focus_ring.colour().upper() == current_theme(window).focus.upper()
