"""While a session with speech runs, the GUI thread never stalls: a heartbeat timer checks every 5 ms.

The session runs on a fake clock stepped by a 1 ms timer (a quarter second of session per step), while
the render worker renders every cue of the program from a cold cache at the same time.
"""

from __future__ import annotations

import time
from pathlib import Path

from PySide6.QtCore import Qt, QTimer
from pytestqt.qtbot import QtBot

from psoas_coach.core.cues import program_texts
from psoas_coach.core.engine import SessionEngine, SessionState
from psoas_coach.core.plan import SessionPlan
from psoas_coach.speech.beeps import beep_files
from psoas_coach.speech.cache import ClipCache
from psoas_coach.speech.coach import VoiceCoach
from psoas_coach.speech.renderer import default_engine
from psoas_coach.speech.speakers import ClipSpeaker
from tests.fakes import FakeClock
from tests.speech.fakes import FakePlayer, FakeTtsEngine
from tests.speech.test_renderer import espeak_missing

STALL_LIMIT = 0.050
SESSION_SECONDS = 300.0
TICK = 0.25


class Heartbeat:
    """A GUI-thread timer that remembers the longest real gap between two of its beats."""

    def __init__(self, interval_ms: int = 5) -> None:
        self.timer = QTimer()
        self.timer.setTimerType(Qt.TimerType.PreciseTimer)
        self.timer.setInterval(interval_ms)
        self.timer.timeout.connect(self.beat)
        self.last = 0.0
        self.worst = 0.0
        self.beats = 0

    def start(self) -> None:
        self.last = time.perf_counter()
        self.timer.start()

    def beat(self) -> None:
        now = time.perf_counter()
        self.worst = max(self.worst, now - self.last)
        self.last = now
        self.beats += 1


def test_heartbeat_never_stalls_while_a_spoken_session_runs(foundation_plan: SessionPlan, clock: FakeClock,
                                                            qtbot: QtBot, tmp_path: Path) -> None:
    engine_factory = FakeTtsEngine if espeak_missing() else default_engine
    player = FakePlayer()
    speaker = ClipSpeaker(player, beep_files(tmp_path / "beeps"), ClipCache(tmp_path / "speech", None, 175),
                          engine_factory=engine_factory)
    with qtbot.waitSignal(speaker.ready, timeout=10000):
        speaker.start()
    coach = VoiceCoach(speaker)
    engine = SessionEngine(foundation_plan, clock)
    heartbeat = Heartbeat()
    driver = QTimer()
    driver.setTimerType(Qt.TimerType.PreciseTimer)
    driver.setInterval(1)
    start = clock.now()

    def step() -> None:
        clock.advance(TICK)
        coach.poll()

    driver.timeout.connect(step)
    heartbeat.start()
    coach.attach(engine)  # asks the worker to render all of the program's cues now, from a cold cache
    engine.start()
    engine.next()
    driver.start()
    qtbot.waitUntil(lambda: clock.now() - start >= SESSION_SECONDS or engine.state is SessionState.FINISHED,
                    timeout=30000)
    driver.stop()
    heartbeat.timer.stop()
    texts = program_texts(foundation_plan)
    rendered = sum(1 for t in texts if speaker.is_ready(t))
    speaker.shutdown()
    print(f"worst heartbeat gap {heartbeat.worst * 1000:.1f} ms over {heartbeat.beats} beats; {len(coach.spoken)} cues")
    assert heartbeat.beats > 50
    assert heartbeat.worst < STALL_LIMIT, f"the GUI thread stalled for {heartbeat.worst * 1000:.0f} ms"
    assert len(coach.spoken) > 20
    assert rendered == len(texts)
    assert len([k for k in player.played if not k.startswith("beep:")]) > 0
