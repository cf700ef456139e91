"""Drive the real window through sessions with the keyboard, on a fake clock, and check the saved JSON."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from psoas_coach.core.engine import Outcome, SessionState
from psoas_coach.core.plan import StepKind
from psoas_coach.core.program import ProgramLibrary
from psoas_coach.ui.main_window import MainWindow
from psoas_coach.ui.screens.summary import SummaryScreen
from psoas_coach.ui.theme import PhaseColour
from tests.fakes import FakeClock
from tests.window_fixtures import Answers


def run_clock(window: MainWindow, clock: FakeClock, seconds: float, tick: float = 0.5) -> None:
    """Advance the fake clock, letting the window's driver poll the engine like its timer would."""
    steps = int(seconds / tick)
    for _ in range(steps):
        clock.advance(tick)
        window.driver.tick()


def key(qtbot: QtBot, widget: QWidget, k: Qt.Key) -> None:
    qtbot.keyClick(widget, k)


def test_title_and_home(window_factory: Callable[..., MainWindow], library: ProgramLibrary) -> None:
    window = window_factory(library)
    window.show()
    assert "Psoas Coach" in window.windowTitle()
    assert window.stack.currentWidget() is window.home
    assert "No sessions yet" in window.home.last.text()
    assert window.home.selected_program_id() == "foundation"


def test_whole_foundation_session_by_keyboard_is_saved(
    qtbot: QtBot, window_factory: Callable[..., MainWindow], library: ProgramLibrary, clock: FakeClock, tmp_path: Path
) -> None:
    window = window_factory(library)
    window.show()
    qtbot.waitExposed(window)
    window.home.programs.focus_chosen()
    chosen = window.home.programs.current()
    assert chosen is not None
    key(qtbot, chosen, Qt.Key.Key_Return)
    assert window.engine is not None
    assert window.engine.step.kind is StepKind.BRIEFING
    assert window.session.current_screen() is window.session.briefing
    key(qtbot, window, Qt.Key.Key_Return)
    assert window.engine.step.kind is StepKind.INTRO
    assert window.session.current_screen() is window.session.intro
    seen: set[StepKind] = set()
    phases: set[str] = set()
    while window.engine.state is not SessionState.FINISHED:
        run_clock(window, clock, 5.0)
        seen.add(window.engine.step.kind)
        phases.add(window.session.phase())
    assert {StepKind.REPS, StepKind.HOLD, StepKind.REST, StepKind.SWITCH, StepKind.NEXT_UP} <= seen
    assert {PhaseColour.WORK.value, PhaseColour.HOLD.value, PhaseColour.REST.value} <= phases
    assert window.engine.outcome is Outcome.COMPLETED
    assert window.session.current_screen() is window.session.summary
    saved = list((tmp_path / "sessions").glob("*.json"))
    assert len(saved) == 1  # saved as soon as it finished, before any rating
    summary = window.session.summary
    summary.effort.setValue(6)
    summary.pain.setValue(0)
    qtbot.keyClicks(summary.notes, "felt steady")
    key(qtbot, summary.notes, Qt.Key.Key_Return)
    assert window.stack.currentWidget() is window.home
    record = json.loads(saved[0].read_text(encoding="utf-8"))
    assert record["status"] == "completed" and record["program"]["id"] == "foundation"
    assert record["effort"] == 6 and record["notes"] == "felt steady"
    marching = next(e for e in record["exercises"] if e["id"] == "supine-marching")
    assert marching["sides"]["left"]["reps"] == 30 and marching["sides"]["right"]["reps"] == 30
    assert "Foundation" in window.home.last.text() and "completed" in window.home.last.text()


def test_pause_space_and_back_left(qtbot: QtBot, window_factory: Callable[..., MainWindow], library: ProgramLibrary, clock: FakeClock) -> None:
    window = window_factory(library)
    window.show()
    window.start_program("foundation")
    key(qtbot, window, Qt.Key.Key_Right)
    engine = window.engine
    assert engine is not None and engine.step.kind is StepKind.INTRO
    run_clock(window, clock, 3.0)
    key(qtbot, window, Qt.Key.Key_Space)
    assert engine.state is SessionState.PAUSED
    assert window.session.paused_label.isVisibleTo(window)
    run_clock(window, clock, 100.0)
    assert engine.step.kind is StepKind.INTRO and round(engine.remaining() or 0) == 12
    key(qtbot, window, Qt.Key.Key_Space)
    assert engine.state is SessionState.RUNNING
    key(qtbot, window, Qt.Key.Key_Return)
    assert engine.step.kind is StepKind.REPS
    assert window.session.current_screen() is window.session.reps
    key(qtbot, window, Qt.Key.Key_Left)
    assert engine.step.kind is StepKind.INTRO


def test_pain_key_stops_and_shows_advice(qtbot: QtBot, window_factory: Callable[..., MainWindow], library: ProgramLibrary, clock: FakeClock, tmp_path: Path) -> None:
    window = window_factory(library)
    window.show()
    window.start_program("foundation")
    key(qtbot, window, Qt.Key.Key_Return)
    key(qtbot, window, Qt.Key.Key_Return)
    run_clock(window, clock, 10.0)
    key(qtbot, window, Qt.Key.Key_P)
    assert window.engine is not None and window.engine.outcome is Outcome.PAIN_STOP
    assert window.session.summary.advice.isVisibleTo(window)
    assert "physical therapist" in window.session.summary.advice.text()
    assert window.session.phase() == PhaseColour.PAIN.value
    record = json.loads(next((tmp_path / "sessions").glob("*.json")).read_text(encoding="utf-8"))
    assert record["status"] == "pain_stop" and record["pain_stop"]["exercise_id"] == "supine-marching"
    summary = window.session.summary
    assert summary.pain.text() == "not rated" and "How strong was the pain" in summary.status.text()
    assert window.focusWidget() is summary.pain  # after a pain stop the pain is asked first
    qtbot.keyClick(summary.pain, Qt.Key.Key_Up)  # not rated -> 0, the first real value
    qtbot.keyClick(summary.pain, Qt.Key.Key_Up)
    key(qtbot, summary.pain, Qt.Key.Key_Return)
    record = json.loads(next((tmp_path / "sessions").glob("*.json")).read_text(encoding="utf-8"))
    assert (record["effort"], record["pain"]) == (None, 1)


def _ended_early(window_factory: Callable[..., MainWindow], library: ProgramLibrary) -> tuple[MainWindow, SummaryScreen]:
    """A window on the summary of a Foundation session ended at once."""
    window = window_factory(library)
    window.show()
    window.start_program("foundation")
    assert window.engine is not None
    window.engine.end_early()
    return window, window.session.summary


def _saved(folder: Path) -> dict[str, Any]:
    return dict(json.loads(next((folder / "sessions").glob("*.json")).read_text(encoding="utf-8")))


def test_enter_by_habit_on_the_summary_records_no_made_up_rating(
        qtbot: QtBot, window_factory: Callable[..., MainWindow], library: ProgramLibrary, tmp_path: Path) -> None:
    window, summary = _ended_early(window_factory, library)
    assert (summary.effort.text(), summary.pain.text()) == ("not rated", "not rated")
    key(qtbot, summary.effort, Qt.Key.Key_Return)
    assert window.stack.currentWidget() is window.home
    record = _saved(tmp_path)
    assert (record["effort"], record["pain"]) == (None, None)
    assert "effort" not in window.home.last.text()
    window.start_program("foundation")  # the next session's summary starts unrated again
    assert window.engine is not None
    window.engine.end_early()
    assert summary.ratings() == (None, None)


def test_escape_asks_first(qtbot: QtBot, window_factory: Callable[..., MainWindow], library: ProgramLibrary, answers: Answers) -> None:
    window = window_factory(library)
    window.show()
    window.start_program("foundation")
    key(qtbot, window, Qt.Key.Key_Return)
    answers.answer = False
    key(qtbot, window, Qt.Key.Key_Escape)
    assert len(answers.asked) == 1
    assert window.engine is not None and window.engine.state is SessionState.RUNNING
    answers.answer = True
    key(qtbot, window, Qt.Key.Key_Escape)
    assert window.engine.outcome is Outcome.ENDED_EARLY


def test_closing_mid_session_saves_partial(qtbot: QtBot, window_factory: Callable[..., MainWindow], library: ProgramLibrary, clock: FakeClock, tmp_path: Path) -> None:
    window = window_factory(library)
    window.show()
    window.start_program("advanced")
    key(qtbot, window, Qt.Key.Key_Return)
    run_clock(window, clock, 40.0)
    window.close()
    record = json.loads(next((tmp_path / "sessions").glob("*.json")).read_text(encoding="utf-8"))
    assert record["status"] == "ended_early" and record["program"]["id"] == "advanced"


def test_countdown_digits_are_readable_from_two_metres(qtbot: QtBot, window_factory: Callable[..., MainWindow], library: ProgramLibrary, clock: FakeClock) -> None:
    window = window_factory(library)
    window.resize(1366, 768)
    window.show()
    qtbot.waitExposed(window)
    window.start_program("foundation")
    key(qtbot, window, Qt.Key.Key_Return)
    engine = window.engine
    assert engine is not None
    while engine.step.kind is not StepKind.HOLD:
        key(qtbot, window, Qt.Key.Key_Return)
    window.session.refresh()
    QApplication.processEvents()  # laid out as it is painted (the rest before had the rating panel under it)
    window.activateWindow()  # offscreen, the rating panel hidden with the focus takes the window's activation along
    qtbot.waitUntil(window.isActiveWindow)
    ring = window.session.timer.ring
    assert ring.isVisible()
    assert ring.digits == "5"
    assert ring.digit_pixel_size() >= window.height() / 5
    key(qtbot, window, Qt.Key.Key_Return)
    while engine.step.kind is not StepKind.REPS:
        key(qtbot, window, Qt.Key.Key_Return)
    count = window.session.reps.count
    assert count.font().pixelSize() >= window.height() / 5


def test_shortcuts_dialog_lists_every_key(qtbot: QtBot, window_factory: Callable[..., MainWindow], library: ProgramLibrary) -> None:
    window = window_factory(library)
    window.show()
    window.show_shortcuts()
    assert window.shortcuts.isVisible()
    keys = " ".join(k for k, _ in window.shortcuts.rows)
    for k in ("Space", "Left", "P", "M", "F11", "Esc", "?"):
        assert k in keys


def test_question_mark_toggles_the_key_list_and_esc_closes_it_first(
    qtbot: QtBot, window_factory: Callable[..., MainWindow], library: ProgramLibrary, answers: Answers
) -> None:
    window = window_factory(library)
    window.start_program("foundation")
    key(qtbot, window, Qt.Key.Key_Return)
    key(qtbot, window, Qt.Key.Key_Question)
    assert window.shortcuts.isVisible()
    key(qtbot, window, Qt.Key.Key_Escape)
    assert not window.shortcuts.isVisible()
    assert answers.asked == []  # Esc closed the list; it did not ask to end the session
    assert window.engine is not None and window.engine.state is SessionState.RUNNING


def test_a_typed_number_rates_the_session(
        qtbot: QtBot, window_factory: Callable[..., MainWindow], library: ProgramLibrary, tmp_path: Path) -> None:
    _window, summary = _ended_early(window_factory, library)
    qtbot.keyClicks(summary.effort, "7")
    qtbot.keyClicks(summary.pain, "10")
    assert summary.ratings() == (7, 10)
    key(qtbot, summary.effort, Qt.Key.Key_Return)
    record = _saved(tmp_path)
    assert (record["effort"], record["pain"]) == (7, 10)


def test_a_first_start_opens_within_the_screen(window_factory: Callable[..., MainWindow], library: ProgramLibrary) -> None:
    window = window_factory(library)
    screen = window.screen().availableSize()
    assert window.width() <= max(800, screen.width()) and window.height() <= max(500, screen.height())
    assert window.width() <= 1366 and window.height() <= 768
