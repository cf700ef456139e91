"""The pyttsx3 render worker and the clip speaker, with a fake engine and the real one."""

from __future__ import annotations

import ctypes.util
import shutil
import subprocess
import threading
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from psoas_coach.core.cues import BeepKind, estimate_length
from psoas_coach.speech.beeps import TONES, beep_files
from psoas_coach.speech.cache import ClipCache, wav_length
from psoas_coach.speech.renderer import Pyttsx3Renderer, missing_engine_reason
from psoas_coach.speech.speakers import ClipSpeaker, beep_key
from tests.speech.fakes import FakePlayer, FakeTtsEngine

TEXTS = ["Keep your lower back pressed gently into the floor.", "Lift.", "3", "Lower slowly."]


def test_renderer_renders_each_text_once_in_its_own_thread(tmp_path: Path) -> None:
    cache = ClipCache(tmp_path / "speech", "en", 175)
    engine = FakeTtsEngine()
    threads: set[str] = set()
    done = threading.Event()
    clips: list[tuple[str, float]] = []
    ready: list[tuple[bool, str]] = []

    def factory() -> FakeTtsEngine:
        threads.add(threading.current_thread().name)
        return engine

    def on_clip(text: str, path: Path, length: float) -> None:
        clips.append((text, length))
        assert path == cache.path_for(text) and path.exists()
        if len(clips) == len(TEXTS):
            done.set()

    renderer = Pyttsx3Renderer(cache, voice="en", on_ready=lambda ok, why: ready.append((ok, why)),
                               on_clip=on_clip, engine_factory=factory)
    renderer.start()
    renderer.request(TEXTS + TEXTS)  # duplicates are rendered once
    assert done.wait(5)
    renderer.stop()
    assert ready == [(True, "")]
    assert threads == {"psoas-speech-render"}
    assert engine.runs == len(TEXTS)  # one runAndWait per cue
    assert engine.properties == {"voice": "en", "rate": 175, "volume": 1.0}
    assert [t for t, _ in clips] == TEXTS
    for text, length in clips:
        assert length == pytest.approx(estimate_length(text), abs=0.001)
    assert not list((tmp_path / "speech").glob("*.part.wav"))


def test_cached_clips_are_not_rendered_again(tmp_path: Path) -> None:
    cache = ClipCache(tmp_path / "speech", None, 200)
    engine = FakeTtsEngine()
    for round_ in range(2):
        done = threading.Event()
        renderer = Pyttsx3Renderer(ClipCache(cache.folder, None, 200), voice=None, on_ready=lambda ok, why: None,
                                   on_clip=lambda *a: done.set(), engine_factory=lambda: engine)
        renderer.start()
        renderer.request(["Lift."])
        assert done.wait(5)
        renderer.stop()
    assert engine.runs == 1


def test_cache_key_depends_on_text_voice_and_rate(tmp_path: Path) -> None:
    a = ClipCache(tmp_path, "en", 175)
    assert a.key("Lift.") != a.key("Hold.")
    assert a.key("Lift.") != ClipCache(tmp_path, "de", 175).key("Lift.")
    assert a.key("Lift.") != ClipCache(tmp_path, "en", 200).key("Lift.")
    assert a.key("Lift.") == ClipCache(tmp_path, "en", 175).key("Lift.")


def test_a_missing_engine_is_reported_in_plain_words(tmp_path: Path) -> None:
    got: list[tuple[bool, str]] = []

    def broken() -> None:
        raise RuntimeError("This means you probably do not have eSpeak or eSpeak-ng installed!")

    renderer = Pyttsx3Renderer(ClipCache(tmp_path, None, 175), voice=None, on_ready=lambda ok, why: got.append((ok, why)),
                               on_clip=lambda *a: None, engine_factory=broken)
    renderer.start()
    renderer.stop()
    assert got == [(False, "libespeak-ng was not found (install espeak-ng)")]
    assert missing_engine_reason(ModuleNotFoundError("No module named 'pyttsx3'")) == "the pyttsx3 package is not installed"


def test_beeps_are_short_distinct_wavs(tmp_path: Path) -> None:
    files = beep_files(tmp_path / "beeps")
    assert set(files) == set(BeepKind)
    for kind, path in files.items():
        length = wav_length(path)
        assert length is not None and length == pytest.approx(sum(s for _, s in TONES[kind]), abs=0.01)
        assert length < 0.7
    assert len({p.read_bytes() for p in files.values()}) == 3
    mtime = files[BeepKind.WORK].stat().st_mtime_ns
    assert beep_files(tmp_path / "beeps")[BeepKind.WORK].stat().st_mtime_ns == mtime  # not rewritten


def test_clip_speaker_preloads_rendered_clips_and_plays_them(tmp_path: Path, qtbot: QtBot) -> None:
    player = FakePlayer()
    cache = ClipCache(tmp_path / "speech", None, 175)
    speaker = ClipSpeaker(player, beep_files(tmp_path / "beeps"), cache, engine_factory=FakeTtsEngine)
    with qtbot.waitSignal(speaker.ready, timeout=5000) as ready:
        speaker.start()
    assert ready.args == [True, ""]
    assert speaker.clip_length("Lift.") == estimate_length("Lift.", 175)  # an estimate until rendered
    speaker.prepare(TEXTS)
    qtbot.waitUntil(lambda: all(speaker.is_ready(t) for t in TEXTS), timeout=5000)
    assert speaker.clip_length("Lift.") == pytest.approx(estimate_length("Lift."), abs=0.001)  # measured now
    speaker.say("Lift.")
    assert player.played[-1] == cache.key("Lift.")
    speaker.beep(BeepKind.DONE)
    assert player.played[-1] == beep_key(BeepKind.DONE)
    stops = player.stops
    speaker.say("Not rendered yet.")  # falls silent (caption only) and asks for it
    assert player.stops == stops + 1
    qtbot.waitUntil(lambda: speaker.is_ready("Not rendered yet."), timeout=5000)
    speaker.shutdown()
    assert not speaker.renderer.running


def espeak_missing() -> str | None:
    if ctypes.util.find_library("espeak-ng") is None and not Path("/usr/lib/x86_64-linux-gnu/libespeak-ng.so.1").exists():
        return "libespeak-ng is not installed (Debian: apt-get install espeak-ng)"
    try:
        import pyttsx3  # noqa: F401
    except ImportError:
        return "the pyttsx3 package is not installed (pip install pyttsx3)"
    return None


@pytest.mark.real_speech
def test_real_engine_renders_a_clip_of_a_realistic_length(tmp_path: Path, capfd: pytest.CaptureFixture[str]) -> None:
    missing = espeak_missing()
    if missing:
        pytest.skip(missing)
    cache = ClipCache(tmp_path / "speech", None, 175)
    done = threading.Event()
    ready: list[tuple[bool, str]] = []
    clips: dict[str, float] = {}

    def on_clip(text: str, path: Path, length: float) -> None:
        clips[text] = length
        if len(clips) == len(TEXTS):
            done.set()

    renderer = Pyttsx3Renderer(cache, voice=None, on_ready=lambda ok, why: ready.append((ok, why)), on_clip=on_clip)
    renderer.start()
    renderer.request(TEXTS)
    assert done.wait(30), f"rendering did not finish: {ready}"
    renderer.stop()
    assert ready == [(True, "")]
    long_line = clips[TEXTS[0]]
    assert 1.8 < long_line < 4.5, long_line  # about 2.4 s at 200 words a minute, a little longer at 175
    assert 0.2 < clips["Lift."] < 1.2
    assert all(s < 0.5 for s in renderer.render_seconds)  # tens of milliseconds a cue, not seconds
    soxi = shutil.which("soxi")
    if soxi:
        out = subprocess.run([soxi, "-D", str(cache.path_for(TEXTS[0]))], capture_output=True, text=True, check=True)
        assert float(out.stdout) == pytest.approx(long_line, abs=0.01)
    assert "Audio saved" not in capfd.readouterr().out
