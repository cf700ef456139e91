"""Window fixtures: a real MainWindow on a fake clock, with a private store and a scripted 'ask'."""

from __future__ import annotations

from pathlib import Path
from typing import Callable

import pytest
from pytestqt.qtbot import QtBot

from psoas_coach.core.engine import SessionEngine
from psoas_coach.core.plan import build_plan
from psoas_coach.core.program import Program, ProgramLibrary
from psoas_coach.store.recording import SessionRecorder
from psoas_coach.store.sessions import SessionStore
from psoas_coach.ui.main_window import MainWindow
from tests.fakes import FakeClock


class Answers:
    """Stands in for the confirmation dialog: records questions, answers from a script."""

    def __init__(self) -> None:
        self.answer = True
        self.asked: list[str] = []

    def __call__(self, parent: object, title: str, question: str) -> bool:
        self.asked.append(question)
        return self.answer


@pytest.fixture
def answers() -> Answers:
    return Answers()


@pytest.fixture
def window_factory(qtbot: QtBot, tmp_path: Path, clock: FakeClock, answers: Answers) -> Callable[..., MainWindow]:
    def make(library: ProgramLibrary, store_dir: Path | None = None) -> MainWindow:
        store = SessionStore(store_dir or tmp_path / "sessions")

        def make_engine(program: Program) -> SessionEngine:
            return SessionEngine(build_plan(program), clock)

        window = MainWindow(library, store, SessionRecorder(store), make_engine, ask=answers)
        qtbot.addWidget(window)
        window.driver.timer.stop()
        window.show()
        window.activateWindow()
        qtbot.waitUntil(window.isActiveWindow)
        return window

    return make
