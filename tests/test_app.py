"""The composition root builds and wires the real window, as a user starts it."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QApplication, QLabel, QPushButton, QWidget
from pytestqt.qtbot import QtBot

from psoas_coach.app import build_gui
from psoas_coach.cli import parse_args
from psoas_coach.core import coaching
from psoas_coach.paths import resolve_paths
from psoas_coach.speech.cue_player import CuePlayer
from psoas_coach.store.coaching_store import CoachingStore
from psoas_coach.ui.main_window import MainWindow
from psoas_coach.ui.startup import Seams


@pytest.fixture(autouse=True)
def delete_app_windows() -> Iterator[None]:
    """The app's windows and voice coaches are not owned by a test; close and delete them afterwards."""
    yield
    for widget in QApplication.topLevelWidgets():
        widget.close()
        widget.deleteLater()
    for coach in voice_coaches():
        coach.shutdown()
        coach.deleteLater()
    QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


def voice_coaches() -> list[CuePlayer]:
    """The cue players of every open window (each window owns its own)."""
    return [c for w in QApplication.topLevelWidgets() for c in w.findChildren(QObject) if isinstance(c, CuePlayer)]


def build(argv: list[str], seams: Seams | None = None) -> MainWindow:
    args = parse_args(argv)
    window = build_gui(args, resolve_paths(args.data_dir), seams)
    assert window is not None
    return window


def test_first_run_shows_the_safety_note_then_remembers_it(qtbot: QtBot, tmp_path: Path) -> None:
    window = build(["--data-dir", str(tmp_path), "--program", "foundation", "--mute"])
    assert "Psoas Coach" in window.windowTitle()
    assert window.engine is None  # the first-run note comes before any session
    assert window.stack.currentWidget() not in (window.home, window.session)
    window.close()
    CoachingStore(tmp_path).update(coaching.accept_safety, "2026-11-25T09:00:00+00:00")
    again = build(["--data-dir", str(tmp_path), "--program", "foundation", "--mute"])
    qtbot.waitUntil(lambda: again.engine is not None)
    assert again.stack.currentWidget() is again.session
    again.close()
    sessions = list((tmp_path / "sessions").glob("*.json"))
    assert len(sessions) == 1  # closing mid-session kept it as a partial session
    assert json.loads(sessions[0].read_text(encoding="utf-8"))["status"] == "ended_early"


def test_unknown_program_is_one_clear_line(qtbot: QtBot, tmp_path: Path) -> None:
    CoachingStore(tmp_path).update(coaching.accept_safety, "2026-11-25T09:00:00+00:00")
    window = build(["--data-dir", str(tmp_path), "--program", "sit-ups", "--mute"])
    qtbot.waitUntil(lambda: "No program called 'sit-ups'" in window.home.notice.text())


def test_home_paints_first_and_the_rest_follows_step_by_step(qtbot: QtBot, tmp_path: Path) -> None:
    CoachingStore(tmp_path).update(coaching.accept_safety, "2026-11-25T09:00:00+00:00")
    window = build(["--data-dir", str(tmp_path), "--mute"])
    # at the first paint home is whole (coaching panel, every button) but nothing else is built yet
    assert window.home.findChild(QWidget, "coaching-panel") is not None
    assert window.home.findChild(QWidget, "home-voice") is not None
    assert window._session is None
    assert not voice_coaches()
    today = window.home.findChild(QLabel, "home-today")
    assert today is not None and today.text() == ""
    assert window.home.last.text() == ""  # the history folder is listed just after the paint
    qtbot.waitUntil(lambda: today.text() != "", timeout=5000)  # the last step: today's line
    assert "first session" in today.text() and window.home.last.text().startswith("No sessions yet")
    assert window._session is not None and voice_coaches()
    window.close()


def test_a_session_asked_for_at_once_has_everything_in_place(qtbot: QtBot, tmp_path: Path) -> None:
    CoachingStore(tmp_path).update(coaching.accept_safety, "2026-11-25T09:00:00+00:00")
    window = build(["--data-dir", str(tmp_path), "--mute"])
    started: list[object] = []
    window.session_started.connect(started.append)
    window.start_program("foundation")  # before the first paint: start-up finishes first
    assert started and window.engine is not None
    assert voice_coaches()  # voice was wired before the session began
    assert window.stack.currentWidget() is window.session
    window.close()


def test_the_window_reads_the_history_through_the_parse_cache(qtbot: QtBot, tmp_path: Path) -> None:
    from psoas_coach.store.sessions import SessionStore
    from tests.store.helpers import make_record

    CoachingStore(tmp_path).update(coaching.accept_safety, "2026-11-25T09:00:00+00:00")
    store = SessionStore(tmp_path / "sessions")
    for n in range(3):
        store.save(make_record(n))
    window = build(["--data-dir", str(tmp_path), "--mute"])
    cache = tmp_path / "cache" / "sessions.parsed"
    qtbot.waitUntil(cache.exists, timeout=5000)  # written by the first full read, just after the paint
    window.close()


def test_m_pressed_before_the_voice_is_ready_is_remembered(qtbot: QtBot, tmp_path: Path) -> None:
    from psoas_coach.store.settings import SettingsStore

    CoachingStore(tmp_path).update(coaching.accept_safety, "2026-11-25T09:00:00+00:00")
    args = parse_args(["--data-dir", str(tmp_path)])
    window = build_gui(args, resolve_paths(args.data_dir))
    assert window is not None
    window.actions_by_name["mute"].trigger()  # before the first paint: no voice coach yet
    window.finish_start_up()
    coaches = voice_coaches()
    assert coaches and coaches[-1].muted
    assert SettingsStore(tmp_path / "config").voice().muted
    window.close()


def test_the_voice_button_works_from_the_first_paint(qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from psoas_coach.ui.startup import Seams

    opened: list[object] = []
    CoachingStore(tmp_path).update(coaching.accept_safety, "2026-11-25T09:00:00+00:00")

    def refuse(dialog: object) -> bool:
        opened.append(dialog)
        return False

    window = build(["--data-dir", str(tmp_path), "--mute"], Seams(run_dialog=refuse))
    button = window.home.findChild(QPushButton, "home-voice")
    assert button is not None
    button.click()  # at once: start-up finishes, then the dialog opens
    assert len(opened) == 1
    window.close()


def test_program_asked_for_on_the_first_run_starts_after_the_safety_note(qtbot: QtBot, tmp_path: Path) -> None:
    from PySide6.QtCore import Qt

    window = build(["--data-dir", str(tmp_path), "--program", "advanced", "--mute"])
    window.finish_start_up()
    assert window.engine is None and window.stack.currentWidget() not in (window.home, window.session)
    qtbot.keyClick(window.stack.currentWidget(), Qt.Key.Key_Return)  # "I understand"
    assert window.engine is not None and window.engine.plan.program.id == "advanced"
    assert window.stack.currentWidget() is window.session
    window.close()
