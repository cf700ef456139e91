"""The voice in the real window, wired as app.py wires it: captions, M to mute, skip and pause by key.

A fake speaker records (time, text); the clock is fake, so a whole session takes well under a second.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from psoas_coach.core.cues import COMPLETED_LINE
from psoas_coach.core.engine import SessionEngine, SessionState
from psoas_coach.core.plan import StepKind
from psoas_coach.speech.cue_player import CuePlayer
from psoas_coach.store.settings import SettingsStore
from psoas_coach.ui.main_window import MainWindow
from tests.fakes import FakeClock
from tests.speech.fakes import FakeSpeaker
from tests.speech.test_cue_player import StepSpan, check_spoken
from tests.window_fixtures import AppFactory


class Rig:
    def __init__(self, window: MainWindow, coach: CuePlayer, speaker: FakeSpeaker, clock: FakeClock,
                 settings: SettingsStore) -> None:
        self.window, self.coach, self.speaker, self.clock, self.settings = window, coach, speaker, clock, settings
        self.spans: list[StepSpan] = []
        window.session_started.connect(self._follow)

    def _follow(self, engine: SessionEngine) -> None:
        def on_step(step: object) -> None:
            if self.spans:
                self.spans[-1].end = engine.step_started_at
            self.spans.append(StepSpan(engine.step.kind, engine.step_started_at, float("inf")))

        engine.signals.step_changed.connect(on_step)

    @property
    def engine(self) -> SessionEngine:
        assert self.window.engine is not None
        return self.window.engine

    def run(self, seconds: float, tick: float = 0.05) -> None:
        """What the window's refresh timer and the coach's timer do, on the fake clock."""
        for _ in range(int(round(seconds / tick))):
            if self.engine.state is SessionState.FINISHED:
                return
            self.clock.advance(tick)
            self.coach.poll()
            self.window.driver.tick()


@pytest.fixture
def rig(app_factory: AppFactory, clock: FakeClock, tmp_path: Path) -> Iterator[Rig]:
    """The window as the app builds it, its cue player speaking through a fake speaker on the fake clock."""
    speaker = FakeSpeaker(clock.now)
    startup = app_factory(speaker=speaker)
    assert startup.window is not None and startup.cue_player is not None and startup.settings is not None
    yield Rig(startup.window, startup.cue_player, speaker, clock, startup.settings)
    startup.cue_player.shutdown()


def start(rig: Rig, qtbot: QtBot) -> None:
    rig.window.home.select_program("foundation")
    rig.window.start_program("foundation")
    qtbot.keyClick(rig.window, Qt.Key.Key_Return)  # leave the briefing
    assert rig.engine.step.kind is StepKind.INTRO


def test_whole_session_in_the_window_speaks_and_captions_every_cue(rig: Rig, qtbot: QtBot) -> None:
    captions: list[str] = []
    rig.coach.caption.connect(captions.append)
    start(rig, qtbot)
    while rig.engine.state is not SessionState.FINISHED:
        rig.run(10.0)
    qtbot.wait(0)
    check_spoken(rig.speaker, rig.spans)
    assert rig.speaker.texts()[-1] == COMPLETED_LINE
    assert captions == rig.speaker.texts()
    assert rig.window.session.caption.text() == COMPLETED_LINE
    assert set(rig.speaker.prepared) >= set(rig.speaker.texts())  # everything was rendered ahead


def test_enter_skips_and_cancels_within_one_event_loop_turn(rig: Rig, qtbot: QtBot) -> None:
    start(rig, qtbot)
    rig.run(1.0)
    said = len(rig.speaker.said)
    qtbot.keyClick(rig.window, Qt.Key.Key_Return)  # skip the intro mid-sentence
    assert rig.speaker.cancels and rig.speaker.cancels[-1] == rig.clock.now()
    assert rig.speaker.said[said - 1].cut_at == rig.clock.now()
    qtbot.wait(0)
    assert rig.speaker.texts()[said:] == ["Go. Lift left."]
    assert rig.window.session.caption.text() == "Go. Lift left."


def test_space_pauses_speech_at_once_and_resumes_without_repeats(rig: Rig, qtbot: QtBot) -> None:
    start(rig, qtbot)
    rig.run(11.5)
    qtbot.keyClick(rig.window, Qt.Key.Key_Space)
    assert rig.engine.state is SessionState.PAUSED
    assert rig.speaker.cancels[-1] == rig.clock.now()
    said = len(rig.speaker.said)
    rig.clock.advance(30.0)
    rig.coach.poll()
    qtbot.wait(0)
    assert len(rig.speaker.said) == said
    qtbot.keyClick(rig.window, Qt.Key.Key_Space)
    rig.run(1.6)  # the intro goes on from 11.5 s: "3" at 12 s and "2" at 13 s, nothing from before
    assert rig.speaker.texts()[said:] == ["3", "2"]


def test_m_mutes_the_voice_keeps_captions_and_is_remembered(rig: Rig, qtbot: QtBot) -> None:
    start(rig, qtbot)
    qtbot.keyClick(rig.window, Qt.Key.Key_M)
    assert rig.coach.muted and rig.window.muted
    said = len(rig.speaker.said)
    rig.run(12.2)
    assert len(rig.speaker.said) == said
    assert rig.window.session.caption.text() == "3"
    assert SettingsStore(rig.settings.path.parent).voice().muted
    qtbot.keyClick(rig.window, Qt.Key.Key_M)
    assert not rig.coach.muted and not SettingsStore(rig.settings.path.parent).voice().muted


def test_a_fallback_notice_reaches_the_window(rig: Rig) -> None:
    rig.coach.announce("No audio output found: cues are shown as captions only.")
    assert rig.window.home.notice.text() == "No audio output found: cues are shown as captions only."


def test_voice_progress_reaches_home(rig: Rig) -> None:
    rig.coach.voice_progress.emit(40, 82)
    assert rig.window.home.voice_progress.text() == "Preparing the voice: 40 of 82 cues"
    rig.coach.voice_progress.emit(82, 82)
    assert rig.window.home.voice_progress.isHidden()
