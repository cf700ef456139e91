"""Window size, full screen and the last program come back on the next run."""

from __future__ import annotations

from pathlib import Path

from pytestqt.qtbot import QtBot

from psoas_coach.core.engine import SessionEngine
from psoas_coach.core.plan import build_plan
from psoas_coach.core.program import Program, ProgramLibrary
from psoas_coach.store.recording import SessionRecorder
from psoas_coach.store.session_services import SessionServices
from psoas_coach.store.sessions import SessionStore
from psoas_coach.ui.main_window import MainWindow
from psoas_coach.ui.window_state import WindowState
from tests.fakes import FakeClock


def _window(qtbot: QtBot, library: ProgramLibrary, tmp_path: Path, clock: FakeClock) -> MainWindow:
    store = SessionStore(tmp_path / "sessions")

    def make_engine(program: Program) -> SessionEngine:
        return SessionEngine(build_plan(program), clock)

    window = MainWindow(library, SessionServices.of(store, SessionRecorder(store)), make_engine, ask=lambda *a: True,
                        window_state=WindowState(tmp_path / "config"))
    qtbot.addWidget(window)
    return window


def test_size_and_last_program_are_remembered(qtbot: QtBot, library: ProgramLibrary, tmp_path: Path, clock: FakeClock) -> None:
    first = _window(qtbot, library, tmp_path, clock)
    first.show_restored()
    first.resize(800, 520)  # the offscreen screen is 800x600
    first.start_program("advanced")
    first.close()
    assert (tmp_path / "config" / "window.ini").exists()
    second = _window(qtbot, library, tmp_path, clock)
    second.show_restored()
    assert (second.width(), second.height()) == (800, 520)
    assert second.home.selected_program_id() == "advanced"
    assert not second.isFullScreen()


def test_a_window_file_that_is_no_small_file_is_set_aside_and_said_in_german(qtbot: QtBot, library: ProgramLibrary,
                                                                             tmp_path: Path, clock: FakeClock) -> None:
    """A FIFO in place of window.ini would hang Qt's reader: it is set aside, and home says so in the language."""
    import os

    from psoas_coach import i18n

    (tmp_path / "config").mkdir()
    os.mkfifo(tmp_path / "config" / "window.ini")
    i18n.set_language("de")
    window = _window(qtbot, library, tmp_path, clock)
    [aside] = [p for p in (tmp_path / "config").iterdir() if p.name.startswith("window.ini.corrupt-")]
    assert (f"{tmp_path / 'config' / 'window.ini'} war keine kleine reguläre Datei und wurde daher nach {aside.name} "
            "verschoben.") in window.home.notice.text()
