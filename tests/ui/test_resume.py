"""After a crash, the next start offers to resume where the session stopped, or keeps it as partial."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from pytestqt.qtbot import QtBot

from psoas_coach.core import coaching
from psoas_coach.core.engine import SessionEngine, SessionState
from psoas_coach.core.plan import StepKind, build_plan
from psoas_coach.core.program import Program, ProgramLibrary
from psoas_coach.store.recording import SessionRecorder
from psoas_coach.store.session_services import SessionServices
from psoas_coach.store.sessions import SessionStore
from psoas_coach.store.unfinished import resume_engine
from psoas_coach.ui.main_window import MainWindow
from tests.fakes import FakeClock
from tests.window_fixtures import Answers, answer_banner


def make_window(qtbot: QtBot, library: ProgramLibrary, folder: Path, clock: FakeClock, answers: Answers) -> MainWindow:
    store = SessionStore(folder)

    def make_engine(program: Program) -> SessionEngine:
        return SessionEngine(build_plan(program), clock)

    def resume(program: Program, left: dict[str, Any]) -> SessionEngine:
        return resume_engine(left, build_plan(program), clock)

    window = MainWindow(library, SessionServices.of(store, SessionRecorder(store)), make_engine, ask=answers, resume_engine=resume)
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
    window.recorder.release()  # ... and its lock on the running session dies with it
    return session_id


def test_resume_continues_the_same_session(qtbot: QtBot, library: ProgramLibrary, tmp_path: Path, clock: FakeClock, answers: Answers) -> None:
    folder = tmp_path / "sessions"
    session_id = crash_mid_set(qtbot, library, folder, clock, answers)
    assert SessionStore(folder).unfinished() is not None
    window = make_window(qtbot, library, folder, clock, answers)
    answers.answer = True
    window.offer_resume()
    answer_banner(window, answers)
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
    answer_banner(window, answers)
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
    assert window.engine is not None
    window.engine.end_early()
    window.offer_resume()
    answer_banner(window, answers)
    assert answers.asked == []
    assert SessionStore(tmp_path / "sessions").unfinished() is None


def _app_window(data: Path, *argv: str) -> MainWindow:
    """The whole app's window (build_gui), as the user starts it."""
    from psoas_coach.app import build_gui
    from psoas_coach.cli import parse_args
    from psoas_coach.paths import resolve_paths
    from psoas_coach.store.coaching_store import CoachingStore

    CoachingStore(data).update(coaching.accept_safety, "2026-11-25T09:00:00+00:00")
    args = parse_args(["--data-dir", str(data), "--mute", *argv])
    window = build_gui(args, resolve_paths(args.data_dir))
    assert window is not None
    return window


def test_enter_pressed_before_start_up_is_done_resumes_once_and_starts_nothing_else(
        qtbot: QtBot, library: ProgramLibrary, tmp_path: Path, clock: FakeClock, answers: Answers) -> None:
    session_id = crash_mid_set(qtbot, library, tmp_path / "sessions", clock, answers)
    window = _app_window(tmp_path)
    qtbot.addWidget(window)
    window.ask = answers
    answers.answer = True
    started: list[object] = []
    window.session_started.connect(started.append)
    window.start_program("foundation")  # Enter at once: start-up finishes first, and asks about the old one
    assert window.question.pending and started == []  # a banner asks; no new session starts meanwhile
    window.start_program("foundation")  # Enter again while it asks: still nothing new
    answer_banner(window, answers)
    assert len(answers.asked) == 1 and len(started) == 1
    assert window.recorder.session_id == session_id  # the resumed session is the one that runs
    window.close()
    saved = [json.loads(p.read_text(encoding="utf-8")) for p in (tmp_path / "sessions").glob("*.json")]
    assert [r["id"] for r in saved] == [session_id]


def test_program_flag_and_an_early_enter_start_one_session(qtbot: QtBot, tmp_path: Path) -> None:
    window = _app_window(tmp_path, "--program", "advanced")
    qtbot.addWidget(window)
    started: list[object] = []
    window.session_started.connect(started.append)
    window.start_program("foundation")  # before --program's step: that step runs first
    assert len(started) == 1 and window.engine is not None
    assert window.engine.plan.program.id == "advanced"
    window.close()


def test_killed_on_the_briefing_and_declined_keeps_no_session(
        qtbot: QtBot, library: ProgramLibrary, tmp_path: Path, clock: FakeClock, answers: Answers) -> None:
    """An interruption before any exercise is no session: nothing is stored, nothing counts this week."""
    folder = tmp_path / "sessions"
    window = make_window(qtbot, library, folder, clock, answers)
    window.start_program("foundation")
    clock.advance(3)
    assert window.recorder.autosaver is not None
    window.recorder.autosaver.save_now()  # the autosave of the briefing, as after every step
    window.driver.drive(None)  # killed here
    window.engine = None
    window.recorder.release()  # ... and its lock on the running session dies with it
    assert SessionStore(folder).unfinished() is not None
    again = make_window(qtbot, library, folder, clock, answers)
    answers.answer = False
    again.offer_resume()
    answer_banner(again, answers)
    assert list(folder.glob("*.json")) == []
    assert SessionStore(folder).unfinished() is None
    assert "stopped before any exercise, so there was nothing to keep" in again.home.notice.text()
