"""Speakers that play clips: speech rendered by Piper or pyttsx3 plus beeps, or beeps alone."""

from __future__ import annotations

import logging
import sys
from collections.abc import Iterable
from pathlib import Path

from PySide6.QtCore import QObject, Signal

from psoas_coach.core.cues import BeepKind, estimate_length
from psoas_coach.speech.base import ClipPlayer
from psoas_coach.speech.cache import ClipCache
from psoas_coach.speech.renderer import BackendFactory, ClipRenderer, EngineFactory

log = logging.getLogger(__name__)


ESPEAK_NAME = "pyttsx3 with espeak-ng" if sys.platform.startswith("linux") else "pyttsx3"


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

    def prepare(self, texts: Iterable[str], *, first: bool = False) -> None:
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
    """Speech rendered ahead (Piper or pyttsx3, in the render process), played as preloaded clips.

    ``ready`` reports once whether the engine started; clips and voice changes arrive through queued
    signals, so everything Qt happens on the GUI thread. ``progress`` counts the clips ready of the
    cues asked for, for the "Preparing the voice" line on home.
    """

    ready = Signal(bool, str)
    progress = Signal(int, int)  # (clips ready, cues asked for)
    problem = Signal(str)  # a voice change that could not be applied, in one sentence
    _clip_rendered = Signal(str, str, float)
    _voice_applied = Signal(object, str)

    def __init__(self, player: ClipPlayer, beeps: dict[BeepKind, Path], cache: ClipCache, *,
                 voice: str | None = None, name: str | None = None, engine_factory: EngineFactory | None = None,
                 backend_factory: BackendFactory | None = None, parent: QObject | None = None) -> None:
        super().__init__(player, beeps, float(cache.rate), parent)
        self.cache = cache
        self.name = name or ESPEAK_NAME
        self._lengths: dict[str, float] = {}
        self._requested: dict[str, None] = {}
        self._sample: str | None = None
        self._progress = (-1, -1)
        self._clip_rendered.connect(self._on_clip)
        self._voice_applied.connect(self._on_voice)
        self.renderer = ClipRenderer(cache, voice=voice, engine_factory=engine_factory, backend_factory=backend_factory,
                                     on_ready=self.ready.emit, on_clip=self._from_worker,
                                     on_voice=lambda c, why: self._voice_applied.emit(c, why))

    def start(self) -> None:
        self.renderer.start()

    def _from_worker(self, text: str, path: Path, length: float) -> None:
        self._clip_rendered.emit(text, str(path), length)  # queued into the GUI thread

    def _on_clip(self, text: str, path: str, length: float) -> None:
        if Path(path) != self.cache.path_for(text):
            return  # rendered for a voice or rate that has since changed
        self._lengths[text] = length
        self.player.load(self.cache.key(text), Path(path))
        self._report_progress()
        if text == self._sample:
            self._sample = None
            self.say(text)

    def _on_voice(self, cache: object, reason: str) -> None:
        if not isinstance(cache, ClipCache):
            self.renderer.request(self._requested)  # what the switch dropped, in the voice that stays
            self.problem.emit(reason)
            return
        self.cache = cache
        self.rate = float(cache.rate)
        self._lengths.clear()
        self._report_progress()

    def _report_progress(self) -> None:
        now = (sum(1 for t in self._requested if t in self._lengths), len(self._requested))
        if now != self._progress:
            self._progress = now
            self.progress.emit(*now)

    def prepare(self, texts: Iterable[str], *, first: bool = False) -> None:
        texts = list(texts)
        for text in texts:
            self._requested.setdefault(text, None)
        self.renderer.request(texts, first=first)
        self._report_progress()

    @property
    def voices(self) -> list[tuple[str, str]]:
        """(id, name) of the engine's voices, for a settings screen; empty until ``ready``."""
        return list(self.renderer.voices)

    def reconfigure(self, cache: ClipCache, voice: str | None, name: str | None = None) -> None:
        """Speak with another voice, engine or rate: the current voice speaks until the new one is loaded
        (then clips are looked up, and rendered, under the new key); an unusable one never takes over."""
        if name:
            self.name = name
        self.renderer.configure(cache, voice)

    def clip_length(self, text: str) -> float:
        length = self._lengths.get(text)
        return length if length is not None else estimate_length(text, self.rate)

    def is_ready(self, text: str) -> bool:
        return text in self._lengths

    def say(self, text: str) -> None:
        if text not in self._lengths or not self.player.play(self.cache.key(text)):
            self.player.stop()
            self.renderer.request([text], first=True)  # not rendered yet: caption only this time
            log.debug("clip not ready: %r", text)

    def say_when_ready(self, text: str) -> None:
        """Say *text* as soon as its clip exists (a sample on request): now if it is ready."""
        self._requested.setdefault(text, None)
        if text in self._lengths:
            self.say(text)
        else:
            self._sample = text
            self.renderer.request([text], first=True)

    def shutdown(self) -> None:
        self.cancel()
        self.renderer.stop()
