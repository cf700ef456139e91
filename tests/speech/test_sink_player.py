"""The QAudioSink player: WAV decoding, and play/stop bookkeeping on a device (skipped without one)."""

from __future__ import annotations

import wave
from pathlib import Path

import pytest

from psoas_coach.speech.sink_player import read_pcm


def _wav(path: Path, *, width: int = 2, frames: int = 2205, rate: int = 22050) -> Path:
    with wave.open(str(path), "wb") as w:
        w.setnchannels(1)
        w.setsampwidth(width)
        w.setframerate(rate)
        w.writeframes(b"\x00" * width * frames)
    return path


def test_read_pcm_keeps_format_and_samples(tmp_path: Path) -> None:
    pcm = read_pcm(_wav(tmp_path / "a.wav"))
    assert (pcm.rate, pcm.channels, pcm.width) == (22050, 1, 2)
    assert len(pcm.data) == 2 * 2205
    fmt = pcm.format()
    assert fmt.sampleRate() == 22050 and fmt.channelCount() == 1


def test_read_pcm_refuses_what_is_not_a_wav(tmp_path: Path) -> None:
    bad = tmp_path / "b.wav"
    bad.write_bytes(b"not a wav")
    with pytest.raises(ValueError) as err:
        read_pcm(bad)
    assert "b.wav" in str(err.value) and "\n" not in str(err.value)
    with pytest.raises(ValueError):
        read_pcm(tmp_path / "missing.wav")
