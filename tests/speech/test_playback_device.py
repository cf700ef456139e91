"""Clips played on a real audio output (a sound server's null sink will do); skipped where there is none."""

from __future__ import annotations

import wave
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from psoas_coach.core.cues import BeepKind
from psoas_coach.speech.beeps import beep_files


def output_or_skip() -> object:
    from psoas_coach.speech.sink_player import default_output

    device = default_output()
    if device is None:
        pytest.skip("no audio output here (a sound server with a sink is needed, e.g. pulseaudio)")
    return device


@pytest.mark.qt_log_ignore(".*")
def test_sink_player_plays_and_stops_a_clip(qtbot: QtBot, tmp_path: Path) -> None:
    from psoas_coach.speech.sink_player import SinkPlayer

    device = output_or_skip()
    clip = tmp_path / "silence.wav"
    with wave.open(str(clip), "wb") as fh:
        fh.setnchannels(1)
        fh.setsampwidth(2)
        fh.setframerate(22050)
        fh.writeframes(b"\0\0" * 22050)
    player = SinkPlayer(device)  # type: ignore[arg-type]
    failures: list[str] = []
    player.failed.connect(failures.append)
    player.load("clip", clip)
    player.load("beep", beep_files(tmp_path / "beeps")[BeepKind.WORK])
    assert player.play("clip")
    assert player.play("beep", exclusive=False)  # mixes over the speech
    player.stop()
    qtbot.wait(50)
    assert failures == []
