"""A read-only or full disk: one clear sentence, the session kept in memory, and an export elsewhere."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from psoas_coach.core.engine import SessionEngine
from psoas_coach.core.plan import build_plan
from psoas_coach.core.program import Program, ProgramLibrary
from psoas_coach.store.recording import SessionRecorder
from psoas_coach.store.session_services import SessionServices
from psoas_coach.store.sessions import SessionStore, StoreError
from psoas_coach.ui.main_window import MainWindow
from tests.fakes import FakeClock


class RefusingStore(SessionStore):
    """A store on a disk that is full: every write fails the way the real store reports it."""

    def save(self, record: dict[str, Any]) -> Path:
        raise StoreError(f"Could not save the session in {self.folder} because the disk is full.")

    def save_unfinished(self, snapshot: dict[str, Any]) -> None:
        raise StoreError("Could not autosave the session in progress because the disk is full.")


def test_refused_save_keeps_the_session_and_offers_export(
    qtbot: QtBot, library: ProgramLibrary, tmp_path: Path, clock: FakeClock, monkeypatch: pytest.MonkeyPatch
) -> None:
    store = RefusingStore(tmp_path / "sessions")
    notices: list[str] = []
    recorder = SessionRecorder(store, notify=notices.append)
    export_to = tmp_path / "usb" / "session.json"
    export_to.parent.mkdir()

    def make_engine(program: Program) -> SessionEngine:
        return SessionEngine(build_plan(program), clock)

    window = MainWindow(library, SessionServices.of(store, recorder), make_engine, ask=lambda *a: True,
                        choose_file=lambda parent, suggested: str(export_to))
    qtbot.addWidget(window)
    window.driver.timer.stop()
    window.show()
    window.start_program("foundation")
    window.next_step()
    assert notices and "disk is full" in notices[0] and len(notices) == 1  # said once, session goes on
    assert window.engine is not None
    window.engine.end_early()
    summary = window.session.summary
    assert "disk is full" in summary.status.text()
    assert summary.export_button.isVisibleTo(window)
    summary.notes.setText("knee felt fine")
    qtbot.keyClick(summary.notes, Qt.Key.Key_Return)
    assert window.stack.currentWidget() is window.session  # not saved: stay with the session
    assert len(recorder.unsaved) == 1 and recorder.unsaved[0]["notes"] == "knee felt fine"
    summary.export_button.click()
    exported = json.loads(export_to.read_text(encoding="utf-8"))
    text = json.dumps(exported)
    assert recorder.unsaved[0]["id"] in text and "knee felt fine" in text
    assert "Exported to" in summary.status.text()
