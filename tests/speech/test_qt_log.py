"""Qt Multimedia's start-up chatter (optional PipeWire and VA-API libraries not found, its FFmpeg version) is
kept off the user's terminal once the app's audio is loaded; Qt's own warnings of other kinds stay on."""

from __future__ import annotations

from PySide6.QtCore import QLoggingCategory


def test_loading_the_audio_player_quiets_qt_multimedias_start_up_lines() -> None:
    import psoas_coach.speech.sink_player  # noqa: F401 - what the app loads before the first QMediaDevices call

    for name in ("qt.multimedia.symbolsresolver", "qt.multimedia.ffmpeg"):
        category = QLoggingCategory(name)  # type: ignore[arg-type]  # (PySide6 takes str, its stubs say bytes)
        assert not category.isWarningEnabled() and not category.isInfoEnabled(), name
    assert QLoggingCategory("qt.multimedia.audio").isWarningEnabled()  # type: ignore[arg-type]  # real problems show
