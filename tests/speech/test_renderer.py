"""The pyttsx3 render worker and the clip speaker, with a fake engine and the real one."""

from __future__ import annotations

import ctypes.util
import os
import shutil
import subprocess
import sys
import threading
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from psoas_coach.core.cues import BeepKind, estimate_length
from psoas_coach.speech.beeps import TONES, beep_files
from psoas_coach.speech.cache import ClipCache, wav_length
from psoas_coach.speech.renderer import ClipRenderer, missing_engine_reason
from psoas_coach.speech.speakers import ClipSpeaker, beep_key
from psoas_coach.speech.spoken import spoken_form
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

    renderer = ClipRenderer(cache, voice="en", on_ready=lambda ok, why: ready.append((ok, why)),
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
        assert length == pytest.approx(estimate_length(spoken_form(text)), abs=0.001)  # the fake says what it is given
    assert not list((tmp_path / "speech").glob("*.part.wav"))


def test_cached_clips_are_not_rendered_again(tmp_path: Path) -> None:
    cache = ClipCache(tmp_path / "speech", None, 200)
    engine = FakeTtsEngine()
    for round_ in range(2):
        done = threading.Event()
        renderer = ClipRenderer(ClipCache(cache.folder, None, 200), voice=None, on_ready=lambda ok, why: None,
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

    renderer = ClipRenderer(ClipCache(tmp_path, None, 175), voice=None, on_ready=lambda ok, why: got.append((ok, why)),
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

    renderer = ClipRenderer(cache, voice=None, on_ready=lambda ok, why: ready.append((ok, why)), on_clip=on_clip)
    renderer.start()
    renderer.request(TEXTS)
    assert done.wait(30), f"rendering did not finish: {ready}"
    renderer.stop()
    assert ready == [(True, "")]
    long_line = clips[TEXTS[0]]
    assert 1.8 < long_line < 4.5, long_line  # about 2.4 s at 200 words a minute, a little longer at 175
    assert 0.2 < clips["Lift."] < 1.2
    assert renderer.in_process  # the real engine runs in a child process of its own
    soxi = shutil.which("soxi")
    if soxi:
        out = subprocess.run([soxi, "-D", str(cache.path_for(TEXTS[0]))], capture_output=True, text=True, check=True)
        assert float(out.stdout) == pytest.approx(long_line, abs=0.01)
    assert "Audio saved" not in capfd.readouterr().out


@pytest.mark.real_speech
def test_a_second_renderer_still_writes_clips_after_garbage_collection(tmp_path: Path) -> None:
    """Freeing a pyttsx3 engine used to unhook espeak's callback for the next one: no file at all."""
    import gc

    missing = espeak_missing()
    if missing:
        pytest.skip(missing)
    for round_ in range(3):
        done = threading.Event()
        clips: list[float] = []

        def on_clip(text: str, path: Path, length: float) -> None:
            clips.append(length)
            if len(clips) == 2:
                done.set()

        renderer = ClipRenderer(ClipCache(tmp_path / str(round_), None, 175), voice=None,
                                   on_ready=lambda ok, why: None, on_clip=on_clip)
        renderer.start()
        renderer.request(["Lift."])
        gc.collect()
        renderer.request(["Lower slowly."])
        assert done.wait(30), f"round {round_}: only {len(clips)} of 2 clips"
        renderer.stop()
        assert not renderer.running
        del renderer
        gc.collect()


def test_an_utterance_the_engine_cancelled_is_rendered_again(tmp_path: Path) -> None:
    from tests.speech.fakes import FlakyTtsEngine

    engine = FlakyTtsEngine()
    done = threading.Event()
    clips: list[str] = []

    def on_clip(text: str, path: Path, length: float) -> None:
        clips.append(text)
        done.set()

    renderer = ClipRenderer(ClipCache(tmp_path, None, 175), voice=None, on_ready=lambda ok, why: None,
                               on_clip=on_clip, engine_factory=lambda: engine)
    renderer.start()
    renderer.request(["Lift."])
    assert done.wait(5)
    renderer.stop()
    assert clips == ["Lift."] and engine.runs == 2


@pytest.mark.real_speech
def test_a_crashed_engine_process_is_replaced(tmp_path: Path) -> None:
    """A child that dies (as espeak-ng once did, with a segmentation fault) costs no clip: a new one renders it."""
    import signal

    from psoas_coach.speech.render_process import ChildEngine

    if espeak_missing():
        pytest.skip(str(espeak_missing()))
    child = ChildEngine(None, 175)
    child.start()
    try:
        assert child.render("Lift.", tmp_path / "a.wav")
        assert child._proc is not None
        os.kill(child._proc.pid, signal.SIGKILL)
        assert child.render("Hold.", tmp_path / "b.wav")
        assert child.restarts == 1
        assert wav_length(tmp_path / "b.wav") is not None
    finally:
        child.close()


def no_espeak_python_path(tmp_path: Path) -> str:
    """A folder holding a pyttsx3 that fails the way the real one does when libespeak-ng is missing."""
    fake = tmp_path / "no-espeak" / "pyttsx3"
    fake.mkdir(parents=True)
    (fake / "__init__.py").write_text(
        "def init(*args, **kwargs):\n"
        "    raise RuntimeError('This means you probably do not have eSpeak or eSpeak-ng installed!')\n"
    )
    return str(fake.parent)


def test_without_espeak_the_child_reports_what_to_install(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PYTHONPATH", no_espeak_python_path(tmp_path))
    got: list[tuple[bool, str]] = []
    done = threading.Event()

    def on_ready(ok: bool, why: str) -> None:
        got.append((ok, why))
        done.set()

    renderer = ClipRenderer(ClipCache(tmp_path / "speech", None, 175), voice=None, on_ready=on_ready,
                               on_clip=lambda *a: None)
    renderer.start()
    assert done.wait(30)
    renderer.stop()
    assert got == [(False, "libespeak-ng was not found (install espeak-ng)")]


def test_doctor_without_espeak_says_what_to_install(tmp_path: Path) -> None:
    env = dict(os.environ, PYTHONPATH=no_espeak_python_path(tmp_path), PSOAS_COACH_HOME=str(tmp_path / "home"),
               QT_QPA_PLATFORM="offscreen")
    out = subprocess.run([sys.executable, "-m", "psoas_coach", "doctor"], capture_output=True, text=True, env=env,
                         timeout=120, cwd=Path(__file__).resolve().parents[2])
    assert out.returncode == 1
    assert "Speech engine: pyttsx3 is not usable: libespeak-ng was not found (install espeak-ng)." in out.stdout
    assert "sudo apt install espeak-ng" in out.stdout


def test_a_text_that_keeps_failing_is_tried_again_later(tmp_path: Path) -> None:
    from tests.speech.fakes import FakeTtsEngine

    class FailsThreeTimes(FakeTtsEngine):
        def runAndWait(self) -> None:  # noqa: N802 (pyttsx3's name)
            if self.runs < 3:  # all three attempts of the first try write nothing
                self.runs += 1
                self._job = None
                return
            super().runAndWait()

    engine = FailsThreeTimes()
    done = threading.Event()
    clips: list[str] = []

    def on_clip(text: str, path: Path, length: float) -> None:
        clips.append(text)
        if len(clips) == 2:
            done.set()

    renderer = ClipRenderer(ClipCache(tmp_path, None, 175), voice=None, on_ready=lambda ok, why: None,
                               on_clip=on_clip, engine_factory=lambda: engine)
    renderer.start()
    renderer.request(["Lift.", "Hold."])
    assert done.wait(5)
    renderer.stop()
    assert clips == ["Hold.", "Lift."]  # "Lift." came back after the queue, and rendered then


def test_the_child_is_python_m_from_source_and_the_app_itself_when_built(monkeypatch: pytest.MonkeyPatch) -> None:
    from psoas_coach.speech import render_process

    assert render_process.child_command()[1:] == ["-m", "psoas_coach.speech.render_process", "pyttsx3"]
    assert render_process.child_command("piper")[-1] == "piper"
    monkeypatch.setattr(render_process.sys, "frozen", True, raising=False)
    monkeypatch.setattr(render_process.sys, "executable", "/opt/psoas-coach/psoas-coach")
    assert render_process.child_command("piper") == ["/opt/psoas-coach/psoas-coach", render_process.WORKER_FLAG, "piper"]


def test_the_session_about_to_start_jumps_the_queue_in_the_order_it_needs_its_cues(tmp_path: Path) -> None:
    done = threading.Event()
    clips: list[str] = []

    def on_clip(text: str, path: Path, length: float) -> None:
        clips.append(text)
        if len(clips) == 5:
            done.set()

    renderer = ClipRenderer(ClipCache(tmp_path, None, 175), voice=None, on_ready=lambda ok, why: None,
                            on_clip=on_clip, engine_factory=FakeTtsEngine)
    renderer.request(["other 1", "other 2", "Hold."])  # every program's cues, at start-up
    renderer.request(["3", "Hold.", "Lift."], first=True)  # the session chosen now, its first minute first
    renderer.start()
    assert done.wait(5)
    renderer.stop()
    assert clips == ["3", "Hold.", "Lift.", "other 1", "other 2"]


def test_numbers_reach_the_engine_as_words(tmp_path: Path) -> None:
    engine = FakeTtsEngine()
    said: list[str] = []
    original = engine.save_to_file

    def saving(text: str, filename: str) -> None:
        said.append(text)
        original(text, filename)

    engine.save_to_file = saving  # type: ignore[method-assign]
    done = threading.Event()
    renderer = ClipRenderer(ClipCache(tmp_path, None, 175), voice=None, on_ready=lambda ok, why: None,
                            on_clip=lambda *a: done.set(), engine_factory=lambda: engine)
    renderer.start()
    renderer.request(["Rest 45 seconds."])
    assert done.wait(5)
    renderer.stop()
    assert said == ["Rest forty-five seconds."]
