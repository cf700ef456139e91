"""The composition root builds and wires the real window: started as a user would, then quit."""

from __future__ import annotations

import json
from pathlib import Path

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from psoas_coach import app as app_module
from psoas_coach.ui.main_window import MainWindow


def _run_and_inspect(argv: list[str], inspect: list[MainWindow]) -> int:
    def grab_and_quit() -> None:
        for widget in QApplication.topLevelWidgets():
            if isinstance(widget, MainWindow) and widget.isVisible():
                inspect.append(widget)
                widget.close()
        QApplication.quit()

    QTimer.singleShot(0, grab_and_quit)
    return app_module.main(argv)


def test_first_run_shows_the_safety_note_then_remembers_it(qtbot: QtBot, tmp_path: Path) -> None:
    seen: list[MainWindow] = []
    assert _run_and_inspect(["--data-dir", str(tmp_path), "--program", "foundation", "--mute"], seen) == 0
    window = seen[0]
    assert "Psoas Coach" in window.windowTitle()
    assert window.engine is None  # the first-run note comes before any session
    current = window.stack.currentWidget()
    assert current is not window.home and current is not window.session
    # accept it the way a user would, then a second run goes straight into the program
    from psoas_coach.store.levels_store import LevelsStore

    LevelsStore(tmp_path).accept_safety("2026-11-25T09:00:00+00:00")
    again: list[MainWindow] = []
    assert _run_and_inspect(["--data-dir", str(tmp_path), "--program", "foundation", "--mute"], again) == 0
    assert again[0].engine is not None
    sessions = list((tmp_path / "sessions").glob("*.json"))
    assert len(sessions) == 1  # closing mid-session kept it as a partial session
    assert json.loads(sessions[0].read_text(encoding="utf-8"))["status"] == "ended_early"


def test_unknown_program_is_one_clear_line(qtbot: QtBot, tmp_path: Path) -> None:
    seen: list[MainWindow] = []
    assert _run_and_inspect(["--data-dir", str(tmp_path), "--program", "sit-ups", "--mute"], seen) == 0
    assert "No program called 'sit-ups'" in seen[0].home.notice.text()
