"""Fallback voice: Qt's QTextToSpeech, used only once its state is Ready.

Clip lengths are not known ahead with this engine, so cues are fitted to estimates.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from PySide6.QtCore import QObject, QTimer
from PySide6.QtTextToSpeech import QTextToSpeech

from psoas_coach.core.cues import BeepKind, estimate_length
from psoas_coach.speech.base import ClipPlayer
from psoas_coach.speech.speakers import beep_key

PROBE_TIMEOUT_MS = 3000
TEST_ENGINES = frozenset({"mock"})  # Qt's testing engine is never offered to users


class QtTtsSpeaker(QObject):
    name = "the system text-to-speech"

    def __init__(self, tts: QTextToSpeech, player: ClipPlayer | None, rate: float = 200.0,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.tts = tts
        tts.setParent(self)
        self.player = player
        self.rate = rate

    def prepare(self, texts: Iterable[str], *, first: bool = False) -> None:
        return None

    def clip_length(self, text: str) -> float:
        return estimate_length(text, self.rate) * 1.15  # unknown engine: leave some room

    def say(self, text: str) -> None:
        self.tts.stop(QTextToSpeech.BoundaryHint.Immediate)
        self.tts.say(text)

    def beep(self, kind: BeepKind) -> None:
        if self.player is not None:
            self.player.play(beep_key(kind), exclusive=False)

    def cancel(self) -> None:
        self.tts.stop(QTextToSpeech.BoundaryHint.Immediate)

    def set_volume(self, volume: float) -> None:
        self.tts.setVolume(max(0.0, min(1.0, volume)))
        if self.player is not None:
            self.player.set_volume(volume)

    def shutdown(self) -> None:
        self.cancel()


def probe_qt_tts(done: Callable[[QTextToSpeech | None], None], *, engine: str | None = None,
                 timeout_ms: int = PROBE_TIMEOUT_MS, parent: QObject | None = None) -> None:
    """Create a QTextToSpeech and call *done* with it once Ready, or with None on error or timeout.

    Never blocks: engines that start asynchronously are waited for through stateChanged.
    """
    engines = [e for e in QTextToSpeech.availableEngines() if e not in TEST_ENGINES]
    if engine is None and not engines:
        done(None)
        return
    tts = QTextToSpeech(engine, parent) if engine else QTextToSpeech(parent)
    state = tts.state()
    if state in (QTextToSpeech.State.Ready, QTextToSpeech.State.Speaking):
        done(tts)
        return
    if state == QTextToSpeech.State.Error:
        tts.deleteLater()
        done(None)
        return
    timer = QTimer(tts)
    timer.setSingleShot(True)
    finished = [False]

    def settle(ok: bool) -> None:
        if finished[0]:
            return
        finished[0] = True
        timer.stop()
        if ok:
            done(tts)
        else:
            tts.deleteLater()
            done(None)

    tts.stateChanged.connect(lambda s: settle(True) if s == QTextToSpeech.State.Ready else
                             settle(False) if s == QTextToSpeech.State.Error else None)
    timer.timeout.connect(lambda: settle(False))
    timer.start(timeout_ms)
