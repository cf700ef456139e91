"""The audio output probe (default_output), and a QSoundEffect clip player kept for comparison.

The app plays clips with sink_player.SinkPlayer: Qt 6.11's QSoundEffect engine was seen to wedge the
event loop on a real sound server under load. Imported only after the first window paint.
"""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import QObject, QUrl, Signal
from PySide6.QtMultimedia import QAudioDevice, QMediaDevices, QSoundEffect

log = logging.getLogger(__name__)


def default_output() -> QAudioDevice | None:
    """The default audio output, or None when the machine has none (no sound card, no sound server)."""
    device = QMediaDevices.defaultAudioOutput()
    if device.isNull() or not QMediaDevices.audioOutputs():
        return None
    return device


def describe_output() -> str | None:
    device = default_output()
    return None if device is None else device.description()


class SoundEffectPlayer(QObject):
    """One QSoundEffect per clip, loaded ahead; one speech clip plays at a time, beeps mix over it.

    ``failed`` is emitted once, with the device's name, if a clip cannot be played on the device.
    """

    failed = Signal(str)
    started = Signal(str)  # key of a clip whose sound has begun (for benchmarks and diagnostics)

    def __init__(self, device: QAudioDevice, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.device = device
        self._effects: dict[str, QSoundEffect] = {}
        self._current: QSoundEffect | None = None
        self._volume = 1.0
        self._failed = False

    def load(self, key: str, path: Path) -> None:
        if key in self._effects:
            return
        effect = QSoundEffect(self.device, self)
        effect.setSource(QUrl.fromLocalFile(str(path)))
        effect.setVolume(self._volume)
        effect.statusChanged.connect(lambda: self._check(effect))
        effect.playingChanged.connect(lambda: self._playing(effect, key))
        self._effects[key] = effect

    def _playing(self, effect: QSoundEffect, key: str) -> None:
        try:
            if effect.isPlaying():
                self.started.emit(key)
        except RuntimeError:  # the effect is being destroyed (the app is quitting)
            pass

    def _check(self, effect: QSoundEffect) -> None:
        try:
            status = effect.status()
        except RuntimeError:  # the effect is being destroyed (the app is quitting)
            return
        if status == QSoundEffect.Status.Error and not self._failed:
            self._failed = True
            name = self.device.description() or "the audio output"
            log.warning("could not play %s on %s", effect.source().toLocalFile(), name)
            self.failed.emit(name)

    def has(self, key: str) -> bool:
        return key in self._effects

    def play(self, key: str, *, exclusive: bool = True) -> bool:
        effect = self._effects.get(key)
        if effect is None:
            return False
        if exclusive:
            self.stop()
            self._current = effect
        if effect.status() == QSoundEffect.Status.Error:
            return False
        effect.play()
        return True

    def stop(self) -> None:
        if self._current is not None:
            self._current.stop()
            self._current = None

    def set_volume(self, volume: float) -> None:
        self._volume = max(0.0, min(1.0, volume))
        for effect in self._effects.values():
            effect.setVolume(self._volume)
