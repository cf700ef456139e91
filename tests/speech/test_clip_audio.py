"""Clips from every engine are trimmed and levelled the same way; numbers reach the engines as words."""

from __future__ import annotations

import math
import shutil
import subprocess
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from psoas_coach.speech.beeps import BEEP_AMPLITUDE, beep_files
from psoas_coach.speech.clip_audio import PEAK_CEILING, TARGET_DBFS, measure_wav, tidy_wav
from psoas_coach.speech.spoken import number_words, spoken_form
from tests.speech.fakes import write_tone


@pytest.mark.parametrize("amplitude", [0.05, 0.3, 0.95])
def test_quiet_and_loud_clips_come_out_at_one_loudness_with_no_leading_silence(tmp_path: Path, amplitude: float) -> None:
    clip = tmp_path / "clip.wav"
    write_tone(clip, 0.8, lead=0.07, amplitude=amplitude)
    assert measure_wav(clip).lead_silence == pytest.approx(0.07, abs=0.011)
    assert tidy_wav(clip)
    after = measure_wav(clip)
    assert after.lead_silence <= 0.011  # at most the first 10 ms window
    assert after.loudness_dbfs == pytest.approx(TARGET_DBFS, abs=0.3)
    assert after.peak <= PEAK_CEILING + 1e-4
    assert after.seconds == pytest.approx(0.8 + 0.01 + 0.06, abs=0.02)  # the sound, a lead pad and a tail pad


def test_a_spiky_clip_stops_at_the_peak_ceiling_instead_of_clipping(tmp_path: Path) -> None:
    import array
    import wave

    samples = array.array("h", [0] * 22050)
    for i in range(2000, 20000, 400):
        samples[i] = 20000  # clicks: loud peaks, little energy
    for i in range(2000, 20000):
        samples[i] += int(800 * math.sin(i / 5))
    clip = tmp_path / "spiky.wav"
    with wave.open(str(clip), "wb") as fh:
        fh.setnchannels(1)
        fh.setsampwidth(2)
        fh.setframerate(22050)
        fh.writeframes(samples.tobytes())
    assert tidy_wav(clip)
    after = measure_wav(clip)
    assert after.peak == pytest.approx(PEAK_CEILING, abs=0.001)
    assert after.loudness_dbfs < TARGET_DBFS


def test_a_silent_clip_is_left_as_it_is(tmp_path: Path) -> None:
    clip = tmp_path / "silent.wav"
    write_tone(clip, 0.5, amplitude=0.0)
    before = clip.read_bytes()
    assert tidy_wav(clip)
    assert clip.read_bytes() == before
    assert not tidy_wav(tmp_path / "missing.wav")


def test_sox_hears_no_leading_silence_after_tidying(tmp_path: Path) -> None:
    if shutil.which("sox") is None:
        pytest.skip("sox is not installed (apt-get install sox)")
    clip = tmp_path / "clip.wav"
    write_tone(clip, 0.5, lead=0.2, amplitude=0.4)
    tidy_wav(clip)
    assert sox_leading_silence(clip) < 0.015


def sox_leading_silence(clip: Path) -> float:
    """Seconds sox's silence effect cuts from the start (sound: above 1% of full scale for 5 ms)."""
    trimmed = clip.with_name(clip.stem + ".sox.wav")
    subprocess.run(["sox", str(clip), str(trimmed), "silence", "1", "0.005", "1%"], check=True, capture_output=True)
    return sox_seconds(clip) - sox_seconds(trimmed)


def sox_seconds(clip: Path) -> float:
    out = subprocess.run(["soxi", "-D", str(clip)], check=True, capture_output=True, text=True)
    return float(out.stdout)


def sox_peak(clip: Path) -> float:
    out = subprocess.run(["sox", str(clip), "-n", "stat"], check=True, capture_output=True, text=True)
    line = next(line for line in out.stderr.splitlines() if line.startswith("Maximum amplitude"))
    return float(line.split(":")[1])


def test_beeps_sit_at_the_clips_loudness(tmp_path: Path) -> None:
    assert BEEP_AMPLITUDE == pytest.approx(10 ** (TARGET_DBFS / 20) * math.sqrt(2))
    for path in beep_files(tmp_path).values():
        assert measure_wav(path).loudness_dbfs == pytest.approx(TARGET_DBFS, abs=1.0)


@pytest.mark.parametrize("text,spoken", [
    ("3", "Three."),
    ("1", "One."),
    ("Rest 45 seconds. Next: Supine Marching, Set 2 of 3.", "Rest forty-five seconds. Next: Supine Marching, Set two of three."),
    ("Rest 60 seconds.", "Rest sixty seconds."),
    ("Hold the top. Don't lean back.", "Hold the top. Don't lean back."),
    ("Version 1.8 of piper", "Version 1.8 of piper"),
])
def test_numbers_are_given_to_the_engines_as_words(text: str, spoken: str) -> None:
    assert spoken_form(text) == spoken


@settings(max_examples=200)
@given(st.integers(min_value=0, max_value=999))
def test_every_number_up_to_999_has_words_and_no_digits(n: int) -> None:
    words = number_words(n)
    assert words and not any(ch.isdigit() for ch in words)
    assert number_words(120) == "one hundred and twenty"


@pytest.mark.parametrize("language", ["de", "fr", "pt_BR"])
def test_numbers_are_left_to_the_voice_of_another_language(language: str) -> None:
    assert spoken_form("3", language) == "3."  # "drei", "trois", "três": never "Three."
    assert spoken_form("45 Sekunden Pause.", language) == "45 Sekunden Pause."
    assert spoken_form("3", "en") == "Three."
