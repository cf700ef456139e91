"""While a session with speech runs, the GUI thread never stalls: a heartbeat timer checks every 5 ms.

The session runs on a fake clock stepped by a 1 ms timer (a quarter second of session per step), while
the render worker renders every cue of the program from a cold cache at the same time (with the real
espeak-ng engine when it is installed).
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
from psoas_coach.speech.cue_player import CuePlayer
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


def run_spoken_session(plan: SessionPlan, qtbot: QtBot, folder: Path) -> tuple[Heartbeat, int, int, int]:
    """One measured run: (heartbeat, cues spoken, clips rendered, clips played)."""
    clock = FakeClock()
    engine_factory = FakeTtsEngine if espeak_missing() else None  # None: the real engine, in its child process
    player = FakePlayer()
    speaker = ClipSpeaker(player, beep_files(folder / "beeps"), ClipCache(folder / "speech", None, 175),
                          engine_factory=engine_factory)
    with qtbot.waitSignal(speaker.ready, timeout=60000):  # a child process starting on a busy machine
        speaker.start()
    coach = CuePlayer(speaker)
    engine = SessionEngine(plan, clock)
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
    texts = program_texts(plan)
    # The first cues are ready before the session starts (as they are in the app, where the user reads the
    # briefing first); the rest keep rendering while the session runs.
    qtbot.waitUntil(lambda: all(speaker.is_ready(t) for t in texts[:6]), timeout=60000)
    engine.start()
    engine.next()
    driver.start()
    qtbot.waitUntil(lambda: clock.now() - start >= SESSION_SECONDS or engine.state is SessionState.FINISHED,
                    timeout=30000)
    driver.stop()
    heartbeat.timer.stop()
    qtbot.waitUntil(lambda: all(speaker.is_ready(t) for t in texts), timeout=60000)  # a busy machine renders slower
    rendered = sum(1 for t in texts if speaker.is_ready(t))
    speaker.shutdown()
    played = len([k for k in player.played if not k.startswith("beep:")])
    return heartbeat, len(coach.spoken), rendered, played


def test_heartbeat_never_stalls_while_a_spoken_session_runs(foundation_plan: SessionPlan, qtbot: QtBot,
                                                            tmp_path: Path) -> None:
    """Up to three runs, each from a cold cache: a stall of our making shows in every run, while a
    machine shared with other jobs may deschedule the process once. All the worst gaps are reported."""
    worst: list[float] = []
    for attempt in range(3):
        heartbeat, spoken, rendered, played = run_spoken_session(foundation_plan, qtbot, tmp_path / str(attempt))
        assert heartbeat.beats > 50
        assert spoken > 20 and played > 0
        assert rendered == len(program_texts(foundation_plan))
        worst.append(heartbeat.worst)
        if heartbeat.worst < STALL_LIMIT:
            break
    print("worst heartbeat gaps:", ", ".join(f"{w * 1000:.1f} ms" for w in worst))
    assert worst[-1] < STALL_LIMIT, f"the GUI thread stalled in every run: {[round(w * 1000) for w in worst]} ms"
