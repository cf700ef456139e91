"""The speech interfaces: what the coach asks of a speaker, and of the clip player behind one.

Qt-free, so the coach's timing and every fallback can be tested with fakes.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import Protocol

from psoas_coach.core.cues import BeepKind, estimate_length


class Speaker(Protocol):
    """Says cue texts out loud. ``say`` starts at once and cuts off whatever it was saying."""

    name: str  # what the user is told is speaking, e.g. "pyttsx3 with espeak-ng"

    def prepare(self, texts: Iterable[str], *, first: bool = False) -> None:
        """Get these texts ready (render them) in the background, in the order given; *first*: before
        anything still waiting (the session about to start)."""

    def clip_length(self, text: str) -> float:
        """Real seconds it takes to say *text*: measured once rendered, estimated before."""

    def say(self, text: str) -> None: ...

    def beep(self, kind: BeepKind) -> None: ...

    def cancel(self) -> None:
        """Stop speaking now; beeps may finish."""

    def set_volume(self, volume: float) -> None: ...

    def shutdown(self) -> None: ...


class ClipPlayer(Protocol):
    """Plays preloaded WAV clips: one speech clip at a time, beeps mixed over it."""

    def load(self, key: str, path: Path) -> None: ...

    def has(self, key: str) -> bool: ...

    def play(self, key: str, *, exclusive: bool = True) -> bool:
        """Start clip *key* now (stopping the current exclusive clip first); False if not loaded."""

    def stop(self) -> None: ...

    def set_volume(self, volume: float) -> None: ...


class CaptionOnlySpeaker:
    """No voice and no sound: every cue is still shown as a caption by the coach."""

    name = "captions only"

    def __init__(self, rate: float = 200.0) -> None:
        self.rate = rate

    def prepare(self, texts: Iterable[str], *, first: bool = False) -> None:
        return None

    def clip_length(self, text: str) -> float:
        return estimate_length(text, self.rate)

    def say(self, text: str) -> None:
        return None

    def beep(self, kind: BeepKind) -> None:
        return None

    def cancel(self) -> None:
        return None

    def set_volume(self, volume: float) -> None:
        return None

    def shutdown(self) -> None:
        return None
