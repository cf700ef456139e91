"""After a crash, the next start offers to resume where the session stopped, or keeps it as partial."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from pytestqt.qtbot import QtBot

from psoas_coach.core.engine import SessionEngine, SessionState
from psoas_coach.core.plan import StepKind, build_plan
from psoas_coach.core.program import Program, ProgramLibrary
from psoas_coach.recording import SessionRecorder
from psoas_coach.store.sessions import SessionStore
from psoas_coach.store.unfinished import resume_engine
from psoas_coach.ui.main_window import MainWindow
from tests.fakes import FakeClock
from tests.ui.conftest import Answers


def make_window(qtbot: QtBot, library: ProgramLibrary, folder: Path, clock: FakeClock, answers: Answers) -> MainWindow:
    store = SessionStore(folder)

    def make_engine(program: Program) -> SessionEngine:
        return SessionEngine(build_plan(program), clock)

    def resume(program: Program, left: dict[str, Any]) -> SessionEngine:
        return resume_engine(left, build_plan(program), clock)

    window = MainWindow(library, store, SessionRecorder(store), make_engine, ask=answers, resume_engine=resume)
    qtbot.addWidget(window)
    window.driver.timer.stop()
    return window


def crash_mid_set(qtbot: QtBot, library: ProgramLibrary, folder: Path, clock: FakeClock, answers: Answers) -> str:
    window = make_window(qtbot, library, folder, clock, answers)
    window.start_program("foundation")
    window.next_step()  # briefing -> intro
    window.next_step()  # intro -> first set
    clock.advance(7 * 4 + 1)
    window.driver.tick()
    window.recorder.tick()
    assert window.engine is not None and window.engine.step.kind is StepKind.REPS
    session_id = window.recorder.session_id
    window.driver.drive(None)  # the process dies here: no close, no final save
    window.engine = None
    return session_id


def test_resume_continues_the_same_session(qtbot: QtBot, library: ProgramLibrary, tmp_path: Path, clock: FakeClock, answers: Answers) -> None:
    folder = tmp_path / "sessions"
    session_id = crash_mid_set(qtbot, library, folder, clock, answers)
    assert SessionStore(folder).unfinished() is not None
    window = make_window(qtbot, library, folder, clock, answers)
    answers.answer = True
    window.offer_resume()
    engine = window.engine
    assert engine is not None and engine.state is SessionState.PAUSED
    assert engine.step.kind is StepKind.REPS and round(engine.elapsed()) == 29
    assert window.session.current_screen() is window.session.reps
    assert window.recorder.session_id == session_id
    engine.resume()
    engine.end_early()
    saved = list(folder.glob("*.json"))
    assert len(saved) == 1
    record = json.loads(saved[0].read_text(encoding="utf-8"))
    assert record["id"] == session_id
    assert record["exercises"][0]["sides"]["left"]["reps"] == 2
    assert SessionStore(folder).unfinished() is None


def test_declining_keeps_it_as_a_partial_session(qtbot: QtBot, library: ProgramLibrary, tmp_path: Path, clock: FakeClock, answers: Answers) -> None:
    folder = tmp_path / "sessions"
    crash_mid_set(qtbot, library, folder, clock, answers)
    window = make_window(qtbot, library, folder, clock, answers)
    answers.answer = False
    window.offer_resume()
    assert window.engine is None
    saved = list(folder.glob("*.json"))
    assert len(saved) == 1
    assert json.loads(saved[0].read_text(encoding="utf-8"))["status"] == "ended_early"
    assert "partial session" in window.home.notice.text()
    assert SessionStore(folder).unfinished() is None


def test_nothing_to_offer_after_a_clean_session(qtbot: QtBot, library: ProgramLibrary, tmp_path: Path, clock: FakeClock, answers: Answers) -> None:
    window = make_window(qtbot, library, tmp_path / "sessions", clock, answers)
    window.start_program("foundation")
    window.next_step()
    window.engine.end_early()  # type: ignore[union-attr]
    window.offer_resume()
    assert answers.asked == []
    assert SessionStore(tmp_path / "sessions").unfinished() is None
