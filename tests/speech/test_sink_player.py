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


class _Device:
    """Stands in for a QAudioDevice: a name, and equal only to itself."""

    def __init__(self, name: str) -> None:
        self.name = name

    def description(self) -> str:
        return self.name


def test_later_clips_follow_the_default_output(monkeypatch: pytest.MonkeyPatch, qtbot: object) -> None:
    from psoas_coach.speech import sink_player

    speakers, headphones = _Device("Speakers"), _Device("Headphones")
    player = sink_player.SinkPlayer(speakers, follow_default=False)  # type: ignore[arg-type]
    moved: list[str] = []
    player.device_changed.connect(moved.append)
    player._failed = True  # the old device had failed once
    monkeypatch.setattr(sink_player, "default_output", lambda: headphones)
    player.follow_default()
    assert player.device is headphones and moved == ["Headphones"]
    assert player._failed is False  # a failure on the new device is reported again
    player.follow_default()  # no change: nothing said twice
    assert moved == ["Headphones"]
    monkeypatch.setattr(sink_player, "default_output", lambda: None)  # all outputs gone
    player.follow_default()
    assert player.device is headphones and moved == ["Headphones"]
