"""Clip playback through QAudioSink: PCM decoded once per clip, played from memory, stopped at once.

Qt 6.11's QSoundEffect engine can destroy a finished voice (and its socket notifier) on the audio
thread, after which the GUI thread's event loop spins on a dead socket and the session stops; it shows
on a real sound server under load. A QAudioSink per playing clip, owned and torn down on the GUI
thread, avoids that engine altogether. Speech plays one clip at a time; beeps get their own sinks and
mix over it. Imported only after the first window paint (QtMultimedia is heavy).
"""

from __future__ import annotations

import logging
import wave
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QObject, Signal

from psoas_coach.i18n import _
from psoas_coach.speech.qt_log import quiet_multimedia_log

quiet_multimedia_log()  # before Qt Multimedia loads: it looks for its optional libraries as it does
from PySide6.QtMultimedia import QAudio, QAudioDevice, QAudioFormat, QAudioSink, QMediaDevices  # noqa: E402

log = logging.getLogger(__name__)

_SAMPLE_FORMATS = {1: QAudioFormat.SampleFormat.UInt8, 2: QAudioFormat.SampleFormat.Int16,
                   4: QAudioFormat.SampleFormat.Int32}


@dataclass(frozen=True)
class Pcm:
    """A decoded clip: raw samples and the format they are in."""

    data: bytes
    rate: int
    channels: int
    width: int

    def format(self) -> QAudioFormat:
        fmt = QAudioFormat()
        fmt.setSampleRate(self.rate)
        fmt.setChannelCount(self.channels)
        fmt.setSampleFormat(_SAMPLE_FORMATS[self.width])
        return fmt


def read_pcm(path: Path) -> Pcm:
    """Decode a PCM WAV file; ValueError (one sentence) for anything else."""
    try:
        with wave.open(str(path), "rb") as w:
            width = w.getsampwidth()
            if width not in _SAMPLE_FORMATS:
                raise ValueError(_("{file} has {bits}-bit samples, which cannot be played").format(file=path.name, bits=8 * width))
            return Pcm(w.readframes(w.getnframes()), w.getframerate(), w.getnchannels(), width)
    except (OSError, EOFError, wave.Error) as exc:
        raise ValueError(_("{file} is not a playable WAV file ({detail})").format(file=path.name, detail=exc)) from exc


class _Playing(QObject):
    """One clip on its way out: the sink and the buffer it reads, kept together until it goes idle."""

    done = Signal(object)

    def __init__(self, device: QAudioDevice, pcm: Pcm, volume: float, parent: QObject) -> None:
        super().__init__(parent)
        self.buffer = QBuffer(self)
        self.buffer.setData(QByteArray(pcm.data))
        self.buffer.open(QIODevice.OpenModeFlag.ReadOnly)
        self.sink = QAudioSink(device, pcm.format(), self)
        self.sink.setVolume(volume)
        self.sink.stateChanged.connect(self._on_state)

    def start(self) -> bool:
        self.sink.start(self.buffer)
        # By name: Qt 6.11 returns QtAudio.Error here, which never equals QAudio.Error.NoError.
        return self.sink.error().name == "NoError"

    def stop(self) -> None:
        self.sink.stop()

    def _on_state(self, state: QAudio.State) -> None:
        if state.name in ("IdleState", "StoppedState"):  # by name, as in start()
            self.done.emit(self)


def default_output() -> QAudioDevice | None:
    """The default audio output, or None when the machine has none (no sound card, no sound server)."""
    device = QMediaDevices.defaultAudioOutput()
    if device.isNull() or not QMediaDevices.audioOutputs():
        return None
    return device


class SinkPlayer(QObject):
    """Same interface as the other clip players: load ahead, play (exclusive for speech), stop, volume.

    Each clip gets its own sink, on the default output at the time it starts: plug in headphones (or
    pick another output in the system's sound settings) mid-session and the next cue plays there.
    ``failed`` is emitted once per device, with its name, if a clip cannot be played on it.
    """

    failed = Signal(str)
    device_changed = Signal(str)  # the new output's name

    def __init__(self, device: QAudioDevice, parent: QObject | None = None, *, follow_default: bool = True) -> None:
        super().__init__(parent)
        self.device = device
        if follow_default:
            self._devices = QMediaDevices(self)
            self._devices.audioOutputsChanged.connect(self.follow_default)
        self._clips: dict[str, Pcm] = {}
        self._current: _Playing | None = None
        self._playing: set[_Playing] = set()
        self._volume = 1.0
        self._failed = False

    def load(self, key: str, path: Path) -> None:
        if key in self._clips:
            return
        try:
            self._clips[key] = read_pcm(path)
        except ValueError as exc:
            log.warning("%s", exc)

    def has(self, key: str) -> bool:
        return key in self._clips

    def play(self, key: str, *, exclusive: bool = True) -> bool:
        pcm = self._clips.get(key)
        if pcm is None:
            return False
        if exclusive:
            self.stop()
        playing = _Playing(self.device, pcm, self._volume, self)
        playing.done.connect(self._finished)
        self._playing.add(playing)
        if not playing.start():
            self._report(key)
            self._finished(playing)
            return False
        if exclusive:
            self._current = playing
        return True

    def stop(self) -> None:
        current, self._current = self._current, None
        if current is not None:
            current.stop()

    def set_volume(self, volume: float) -> None:
        self._volume = max(0.0, min(1.0, volume))
        for playing in self._playing:
            playing.sink.setVolume(self._volume)

    def follow_default(self) -> None:
        """The outputs changed: later clips go to the default output, if it is another one."""
        device = default_output()
        if device is None or device == self.device:
            return  # unplugged with nothing left: keep trying the old one (a failure is reported once)
        self.device = device
        self._failed = False  # a new device gets its own report
        name = device.description() or _("the new audio output")
        log.info("audio output is now %s", name)
        self.device_changed.emit(name)

    def _finished(self, playing: object) -> None:
        assert isinstance(playing, _Playing)
        if playing not in self._playing:
            return
        self._playing.discard(playing)
        if self._current is playing:
            self._current = None
        playing.sink.stop()
        playing.deleteLater()  # torn down on this (the GUI) thread, by the event loop

    def _report(self, key: str) -> None:
        if not self._failed:
            self._failed = True
            name = self.device.description() or _("the audio output")
            log.warning("could not play %s on %s", key, name)
            self.failed.emit(name)
