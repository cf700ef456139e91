"""Speakers that play clips: pyttsx3-rendered speech plus beeps, or beeps alone."""

from __future__ import annotations

import logging
import sys
from pathlib import Path
from typing import Iterable

from PySide6.QtCore import QObject, Signal

from psoas_coach.core.cues import BeepKind, estimate_length
from psoas_coach.speech.base import ClipPlayer
from psoas_coach.speech.cache import ClipCache
from psoas_coach.speech.renderer import EngineFactory, Pyttsx3Renderer

log = logging.getLogger(__name__)


def beep_key(kind: BeepKind) -> str:
    return f"beep:{kind.value}"


class BeepSpeaker(QObject):
    """Captions and beeps only: no voice, but phase changes are still heard."""

    name = "captions and beeps"

    def __init__(self, player: ClipPlayer, beeps: dict[BeepKind, Path], rate: float = 200.0,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.player = player
        self.rate = rate
        for kind, path in beeps.items():
            player.load(beep_key(kind), path)

    def prepare(self, texts: Iterable[str]) -> None:
        return None

    def clip_length(self, text: str) -> float:
        return estimate_length(text, self.rate)

    def say(self, text: str) -> None:
        return None

    def beep(self, kind: BeepKind) -> None:
        self.player.play(beep_key(kind), exclusive=False)

    def cancel(self) -> None:
        self.player.stop()

    def set_volume(self, volume: float) -> None:
        self.player.set_volume(volume)

    def shutdown(self) -> None:
        self.cancel()


class ClipSpeaker(BeepSpeaker):
    """Speech rendered ahead by pyttsx3 in its worker thread, played as preloaded clips.

    ``ready`` reports once whether the engine started; clips arrive through a queued signal, so
    everything Qt happens on the GUI thread.
    """

    name = "pyttsx3 with espeak-ng" if sys.platform.startswith("linux") else "pyttsx3"
    ready = Signal(bool, str)
    _clip_rendered = Signal(str, str, float)

    def __init__(self, player: ClipPlayer, beeps: dict[BeepKind, Path], cache: ClipCache, *,
                 voice: str | None = None, engine_factory: EngineFactory | None = None,
                 parent: QObject | None = None) -> None:
        super().__init__(player, beeps, float(cache.rate), parent)
        self.cache = cache
        self._lengths: dict[str, float] = {}
        self._clip_rendered.connect(self._on_clip)
        self.renderer = Pyttsx3Renderer(cache, voice=voice, engine_factory=engine_factory,
                                        on_ready=self.ready.emit, on_clip=self._from_worker)

    def start(self) -> None:
        self.renderer.start()

    def _from_worker(self, text: str, path: Path, length: float) -> None:
        self._clip_rendered.emit(text, str(path), length)  # queued into the GUI thread

    def _on_clip(self, text: str, path: str, length: float) -> None:
        if Path(path) != self.cache.path_for(text):
            return  # rendered for a voice or rate that has since changed
        self._lengths[text] = length
        self.player.load(self.cache.key(text), Path(path))

    def prepare(self, texts: Iterable[str]) -> None:
        self.renderer.request(texts)

    @property
    def voices(self) -> list[tuple[str, str]]:
        """(id, name) of the engine's voices, for a settings screen; empty until ``ready``."""
        return list(self.renderer.voices)

    def reconfigure(self, voice: str | None, rate: int) -> None:
        """Speak with another voice or rate: clips are looked up (and rendered) under the new key."""
        self.cache = ClipCache(self.cache.folder, voice, rate)
        self.rate = float(rate)
        self._lengths.clear()
        self.renderer.configure(ClipCache(self.cache.folder, voice, rate), voice)

    def clip_length(self, text: str) -> float:
        length = self._lengths.get(text)
        return length if length is not None else estimate_length(text, self.rate)

    def is_ready(self, text: str) -> bool:
        return text in self._lengths

    def say(self, text: str) -> None:
        if not self.player.play(self.cache.key(text)):
            self.player.stop()
            self.renderer.request([text])  # not rendered yet: caption only this time
            log.debug("clip not ready: %r", text)

    def shutdown(self) -> None:
        self.cancel()
        self.renderer.stop()
