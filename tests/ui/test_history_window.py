"""The History screen is reachable from home by a button and by H, and Esc goes back home."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from psoas_coach.core.program import ProgramLibrary
from psoas_coach.store.sessions import SessionStore
from psoas_coach.ui.main_window import MainWindow
from tests.store.helpers import make_record


def test_history_from_home_and_back(
    window_factory: Callable[..., MainWindow], library: ProgramLibrary, tmp_path: Path, qtbot: QtBot
) -> None:
    store_dir = tmp_path / "sessions"
    for n in range(3):
        SessionStore(store_dir).save(make_record(n))
    window = window_factory(library, store_dir)
    qtbot.mouseClick(window.home.history_button, Qt.MouseButton.LeftButton)
    assert window.history is not None and window.stack.currentWidget() is window.history
    assert "History" in window.windowTitle() and "Psoas Coach" in window.windowTitle()
    assert window.history.model.rowCount() == 3
    qtbot.keyClick(window.history.list, Qt.Key.Key_Escape)
    assert window.stack.currentWidget() is window.home and window.windowTitle() == "Psoas Coach"
    SessionStore(store_dir).save(make_record(7))
    qtbot.keyClick(window.home.programs, Qt.Key.Key_H)
    assert window.stack.currentWidget() is window.history and window.history.model.rowCount() == 4


def test_no_history_in_the_middle_of_a_session(
    window_factory: Callable[..., MainWindow], library: ProgramLibrary, qtbot: QtBot
) -> None:
    window = window_factory(library)
    window.start_program(library.programs[0].id)
    qtbot.keyClick(window, Qt.Key.Key_H)
    window.show_history()
    assert window.stack.currentWidget() is window.session
