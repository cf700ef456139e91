"""Window fixtures: the window as the app builds it (ui.startup), on a fake clock, with a private data folder,
a scripted 'ask' and no real speech."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from psoas_coach.core import coaching
from psoas_coach.core.engine import SessionEngine
from psoas_coach.core.plan import StepKind
from psoas_coach.core.program import ProgramLibrary
from psoas_coach.keepawake import NullKeepAwake
from psoas_coach.paths import AppPaths, resolve_paths
from psoas_coach.speech.base import Speaker
from psoas_coach.speech.cue_player import CuePlayer
from psoas_coach.store.coaching_store import CoachingStore
from psoas_coach.store.settings import VoiceSettings
from psoas_coach.ui.main_window import MainWindow
from psoas_coach.ui.startup import Options, Seams, StartUp
from psoas_coach.ui.theme import THEME_PROPERTY
from tests.fakes import FakeClock


class Answers:
    """Stands in for the confirmation dialog: records questions, answers from a script."""

    def __init__(self) -> None:
        self.answer = True
        self.asked: list[str] = []

    def __call__(self, parent: object, title: str, question: str) -> bool:
        self.asked.append(question)
        return self.answer


def step_to(window: MainWindow, kind: StepKind) -> SessionEngine:
    """Move the running session on, a step at a time as Enter does, until its step is of *kind*."""
    engine = window.engine
    assert engine is not None, "start a session first"
    while engine.step.kind is not kind:
        window.next_step()
    return engine


def answer_banner(window: MainWindow, answers: Answers) -> None:
    """Answer the window's question banner (the resume offer) as *answers* says, as a click on Yes or No."""
    if window.question.pending:
        answers.asked.append(window.question.question.text())
        (window.question.yes_button if answers.answer else window.question.no_button).click()


@pytest.fixture
def answers() -> Answers:
    return Answers()


AT = "2026-03-11T09:00:00+00:00"


class FakeVoiceBackend:
    """Stands in for the speech backend: no engine, no audio; records what the Voice dialog applies."""

    def __init__(self, player: CuePlayer, speaker: Speaker | None = None) -> None:
        self.player = player
        self.speaker = speaker
        self.applied: list[VoiceSettings] = []
        self.sampled: list[VoiceSettings] = []

    def steps(self) -> list[Callable[[], None]]:
        return [self._start]

    def _start(self) -> None:
        if self.speaker is not None:
            self.player.set_speaker(self.speaker)

    def voices(self) -> list[tuple[str, str]]:
        return [("en-gb", "English (Great Britain)"), ("en-us", "English (America)")]

    def apply(self, settings: VoiceSettings) -> None:
        self.applied.append(settings)

    def sample(self, settings: VoiceSettings) -> None:
        self.sampled.append(settings)
        self.apply(settings)


AppFactory = Callable[..., StartUp]


@pytest.fixture
def app_look(qapp: QApplication) -> Iterator[None]:
    """Puts the application's style, palette, colour scheme and theme back after a test that chose a theme."""
    style, palette = qapp.style().name(), QPalette(qapp.palette())
    theme = qapp.property(THEME_PROPERTY)
    yield
    qapp.setStyle(style)
    qapp.styleHints().unsetColorScheme()
    qapp.setPalette(palette)
    qapp.setProperty(THEME_PROPERTY, theme)


@pytest.fixture
def app_factory(qtbot: QtBot, tmp_path: Path, clock: FakeClock, answers: Answers) -> AppFactory:
    """The window built by the app's own start-up (ui.startup), on a fake clock, with fake dialogs,
    speech and keep-awake; start-up is finished at once. Keyword arguments replace Seams fields; a *theme*
    changes the whole application's look (use the app_look fixture to have it put back)."""

    def make(data_dir: Path | None = None, *, accept_safety: bool = True, program: str | None = None,
             mute: bool = False, speaker: Speaker | None = None, theme: str | None = None, **seams: Any) -> StartUp:
        paths = resolve_paths(data_dir or tmp_path)
        if accept_safety:
            CoachingStore(paths.data).update(coaching.accept_safety, AT)
        made: list[FakeVoiceBackend] = []

        def backend(player: CuePlayer, _paths: AppPaths, _voice: VoiceSettings) -> FakeVoiceBackend:
            made.append(FakeVoiceBackend(player, speaker))
            return made[-1]

        defaults: dict[str, Any] = {"clock": lambda speed: clock, "ask": answers, "voice_backend": backend,
                                    "keep_awake": lambda report: NullKeepAwake()}
        startup = StartUp(Options(mute=mute, program=program, theme=theme), paths, Seams(**{**defaults, **seams}))
        window = startup.build()
        assert window is not None
        qtbot.addWidget(window)
        window.driver.timer.stop()
        qtbot.waitExposed(window)
        startup.finish()
        window.activateWindow()
        qtbot.waitUntil(window.isActiveWindow)
        return startup

    return make


@pytest.fixture
def window_factory(app_factory: AppFactory) -> Callable[..., MainWindow]:
    """A window as the app builds it; *store_dir* (a data folder's sessions/) picks the data folder."""

    def make(library: ProgramLibrary, store_dir: Path | None = None) -> MainWindow:
        window = app_factory(store_dir.parent if store_dir is not None else None).window
        assert window is not None and window.library.ids() == library.ids()
        return window

    return make
