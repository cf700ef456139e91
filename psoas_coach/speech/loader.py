"""Chooses the speech backend after the window is up, without ever blocking the GUI thread.

pyttsx3 with espeak-ng (rendered clips) -> Qt's QTextToSpeech if it is Ready -> captions and beeps.
No audio output at all -> captions only. Each fallback is announced once in one plain line.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Callable

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QWidget

from psoas_coach.paths import AppPaths
from psoas_coach.store.settings import VoiceSettings
from psoas_coach.speech.base import CaptionOnlySpeaker, ClipPlayer
from psoas_coach.speech.cue_player import CuePlayer
from psoas_coach.speech.renderer import EngineFactory

if TYPE_CHECKING:
    from psoas_coach.speech.speakers import ClipSpeaker

log = logging.getLogger(__name__)

NO_AUDIO = "No audio output found: cues are shown as captions only."
PLAY_FAILED = "Sound could not be played on {device}: cues are shown as captions."
DEVICE_CHANGED = "Sound now plays on {device}."
OUTPUT_FOUND = "An audio output was found: cues will be spoken."
NO_CACHE = "Speech cannot be kept in {folder} ({reason}): cues are shown as captions."
NO_ENGINE_TTS = "Voice engine unavailable ({reason}): speaking with the system text-to-speech instead."
NO_ENGINE = "No voice engine ({reason}): cues are shown as captions, with beeps."


@dataclass
class LoaderOptions:
    """What the loader may use; tests replace the probes to walk every fallback."""

    engine_factory: EngineFactory | None = None  # None: pyttsx3 in its own child process
    audio_probe: Callable[[], object | None] | None = None  # returns a device or None
    player_factory: Callable[[object], ClipPlayer] | None = None  # device -> player
    use_qt_tts: bool = True
    qt_tts_engine: str | None = None
    outputs_changed: Any = None  # a signal for "the audio outputs changed"; None: QMediaDevices' own


class SpeechLoader(QObject):
    """Builds the best working speaker for *coach*; call ``start()`` (or run ``steps()``) once the window
    has painted."""

    def __init__(self, coach: CuePlayer, paths: AppPaths, settings: VoiceSettings,
                 options: LoaderOptions | None = None, parent: QObject | None = None) -> None:
        super().__init__(parent if parent is not None else coach)
        self.coach = coach
        self.paths = paths
        self.settings = settings
        self.options = options or LoaderOptions()
        self.started = False
        self.finished = False
        self.choice = ""
        self.clip_speaker: ClipSpeaker | None = None
        self._probe: Callable[[], object | None] | None = None
        self._make_player: Callable[[object], ClipPlayer] | None = None
        self._device: object | None = None

    def start(self) -> None:
        """Every step at once (tests, and anything that needs speech now)."""
        for step in self.steps():
            step()

    def steps(self) -> list[Callable[[], None]]:
        """``start()`` in pieces, each short enough for one turn of the event loop: import the audio
        modules, find the output device, open the player and write the beeps, start the voice engine."""
        if self.started:
            return []
        self.started = True
        return [self._import_audio, self._find_device, self._open_player, self._start_speaker]

    def _import_audio(self) -> None:
        self._probe, self._make_player = self.options.audio_probe, self.options.player_factory
        if self._probe is None or self._make_player is None:
            from psoas_coach.speech.sink_player import SinkPlayer, default_output  # QtMultimedia: only now

            self._probe = self._probe or default_output
            # QAudioSink, not QSoundEffect: Qt 6.11's sound-effect engine can wedge the event loop
            self._make_player = self._make_player or (lambda device: SinkPlayer(device, self))  # type: ignore[arg-type]

    def _find_device(self) -> None:
        assert self._probe is not None
        self._device = self._probe()
        if self._device is None:
            self._done(CaptionOnlySpeaker(self.settings.rate), NO_AUDIO)
            self._wait_for_output()

    def _wait_for_output(self) -> None:
        """With no audio output, speech starts by itself once one appears (a sound server that starts
        late, a USB or Bluetooth speaker): no restart needed."""
        changed = self.options.outputs_changed
        if changed is None and self.options.audio_probe is None:
            from PySide6.QtMultimedia import QMediaDevices

            self._devices = QMediaDevices(self)
            changed = self._devices.audioOutputsChanged
        if changed is not None:
            changed.connect(self._output_appeared)

    def _output_appeared(self) -> None:
        if self.clip_speaker is not None or self._probe is None:
            return  # speech is already on its way
        self._device = self._probe()
        if self._device is None:
            return
        self.finished = False
        self.coach.announce(OUTPUT_FOUND)
        self._open_player()
        self._start_speaker()

    def _open_player(self) -> None:
        if self.finished:
            return  # no audio output: captions only
        from psoas_coach.speech.beeps import beep_files

        assert self._make_player is not None
        self.player: ClipPlayer = self._make_player(self._device)
        failed = getattr(self.player, "failed", None)
        if failed is not None:
            failed.connect(lambda name: self.coach.announce(PLAY_FAILED.format(device=name)))
        changed = getattr(self.player, "device_changed", None)  # headphones plugged in, say
        if changed is not None:
            changed.connect(lambda name: self.coach.announce(DEVICE_CHANGED.format(device=name)))
        self.player.set_volume(self.settings.volume)
        try:
            self.beeps = beep_files(self.paths.cache / "beeps")
        except OSError as exc:  # a full or read-only disk: no clips can be kept either
            self._done(CaptionOnlySpeaker(self.settings.rate), NO_CACHE.format(folder=self.paths.cache,
                                                                                reason=exc.strerror or exc))

    def _start_speaker(self) -> None:
        if self.finished:
            return
        from psoas_coach.speech.cache import ClipCache
        from psoas_coach.speech.speakers import ClipSpeaker

        cache = ClipCache(self.paths.cache / "speech", self.settings.voice, self.settings.rate)
        self.clip_speaker = speaker = ClipSpeaker(self.player, self.beeps, cache, voice=self.settings.voice,
                                                  engine_factory=self.options.engine_factory, parent=self)
        speaker.ready.connect(self._on_engine_ready)
        speaker.start()

    def voices(self) -> list[tuple[str, str]]:
        """(id, name) of the voices a settings screen can offer; empty until the pyttsx3 engine runs."""
        speaker = self.clip_speaker
        if speaker is None or self.coach.speaker is not speaker:
            return []
        return speaker.voices

    def apply(self, settings: VoiceSettings) -> None:
        """Use changed settings now: volume and beeps at once; a new voice or rate re-renders in the background."""
        old, self.settings = self.settings, settings.cleaned()
        self.coach.set_beeps(self.settings.beeps)
        self.coach.set_volume(self.settings.volume)
        speaker = self.clip_speaker
        if (old.voice, old.rate) == (self.settings.voice, self.settings.rate) or speaker is None:
            return
        if self.coach.speaker is speaker:  # only the pyttsx3 speaker renders per voice and rate
            speaker.reconfigure(self.settings.voice, self.settings.rate)
            self.coach.set_speaker(speaker)  # re-requests every cue and refits the current step

    def _on_engine_ready(self, ok: bool, reason: str) -> None:
        speaker = self.clip_speaker
        assert speaker is not None
        if ok:
            self._done(speaker, "")
            return
        log.info("speech engine unavailable: %s", reason)
        speaker.shutdown()
        if not self.options.use_qt_tts:
            self._beeps_only(reason)
            return
        from psoas_coach.speech.qt_tts import probe_qt_tts

        probe_qt_tts(lambda tts: self._on_qt_tts(tts, reason), engine=self.options.qt_tts_engine, parent=self)

    def _on_qt_tts(self, tts: object | None, reason: str) -> None:
        if tts is None:
            self._beeps_only(reason)
            return
        from psoas_coach.speech.qt_tts import QtTtsSpeaker
        from psoas_coach.speech.speakers import beep_key

        for kind, path in self.beeps.items():
            self.player.load(beep_key(kind), path)
        speaker = QtTtsSpeaker(tts, self.player, self.settings.rate, self)  # type: ignore[arg-type]
        speaker.set_volume(self.settings.volume)
        self._done(speaker, NO_ENGINE_TTS.format(reason=reason))

    def _beeps_only(self, reason: str) -> None:
        from psoas_coach.speech.speakers import BeepSpeaker

        self._done(BeepSpeaker(self.player, self.beeps, self.settings.rate, self), NO_ENGINE.format(reason=reason))

    def _done(self, speaker: object, notice: str) -> None:
        self.finished = True
        self.choice = getattr(speaker, "name", type(speaker).__name__)
        self.coach.set_speaker(speaker)  # type: ignore[arg-type]
        if notice:
            self.coach.announce(notice)
