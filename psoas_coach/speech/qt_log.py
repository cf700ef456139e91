"""Qt Multimedia's start-up chatter, silenced: a dozen lines on the terminal about optional libraries it did
not find (PipeWire, VA-API video decoding) and its FFmpeg version. The app needs none of them, and a user's
terminal should not read like a failure; QT_LOGGING_RULES still turns them back on (it is applied after)."""

from __future__ import annotations

QUIET_CATEGORIES = ("qt.multimedia.symbolsresolver", "qt.multimedia.ffmpeg")


def quiet_multimedia_log() -> None:
    """Switch off the categories above; call before Qt Multimedia's backend starts."""
    from PySide6.QtCore import QLoggingCategory

    QLoggingCategory.setFilterRules("\n".join(f"{name}=false" for name in QUIET_CATEGORIES))
