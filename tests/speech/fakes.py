"""Fakes for the speech layer: a speaker and a player that record what they were asked, and when."""

from __future__ import annotations

import wave
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from psoas_coach.core.cues import BeepKind, estimate_length
from psoas_coach.core.signal import Signal


@dataclass
class Said:
    at: float  # clock seconds when it started
    text: str
    length: float  # seconds it would take
    cut_at: float | None = None  # when it was cut off, if it was

    @property
    def end(self) -> float:
        return self.at + self.length if self.cut_at is None else min(self.cut_at, self.at + self.length)


@dataclass
class FakeSpeaker:
    """Records (time, text) of every cue, beeps and cancels; clip lengths are the estimates."""

    now: Callable[[], float]
    name: str = "fake speaker"
    said: list[Said] = field(default_factory=list)
    beeps: list[tuple[float, BeepKind]] = field(default_factory=list)
    cancels: list[float] = field(default_factory=list)
    prepared: list[str] = field(default_factory=list)
    first: list[str] = field(default_factory=list)  # what was asked for ahead of the rest, in order
    volume: float = 1.0
    shut: bool = False

    def prepare(self, texts: Iterable[str], *, first: bool = False) -> None:
        texts = list(texts)
        self.prepared.extend(texts)
        if first:
            self.first.extend(texts)

    def clip_length(self, text: str) -> float:
        return estimate_length(text)

    def _cut(self, at: float) -> None:
        if self.said and self.said[-1].cut_at is None and self.said[-1].at + self.said[-1].length > at:
            self.said[-1].cut_at = at

    def say(self, text: str) -> None:
        now = self.now()
        self._cut(now)
        self.said.append(Said(now, text, self.clip_length(text)))

    def beep(self, kind: BeepKind) -> None:
        self.beeps.append((self.now(), kind))

    def cancel(self) -> None:
        now = self.now()
        self._cut(now)
        self.cancels.append(now)

    def set_volume(self, volume: float) -> None:
        self.volume = volume

    def shutdown(self) -> None:
        self.shut = True

    def texts(self) -> list[str]:
        return [s.text for s in self.said]


@dataclass
class FakePlayer:
    """A ClipPlayer that keeps the loaded paths and records plays and stops."""

    loaded: dict[str, Path] = field(default_factory=dict)
    played: list[str] = field(default_factory=list)
    stops: int = 0
    volume: float = 1.0
    failed: Signal[str] = field(default_factory=Signal)  # what SinkPlayer emits when a device fails
    device_changed: Signal[str] = field(default_factory=Signal)  # what SinkPlayer emits when the output moves

    def load(self, key: str, path: Path) -> None:
        self.loaded[key] = path

    def has(self, key: str) -> bool:
        return key in self.loaded

    def play(self, key: str, *, exclusive: bool = True) -> bool:
        if key not in self.loaded:
            return False
        if exclusive:
            self.stops += 1
        self.played.append(key)
        return True

    def stop(self) -> None:
        self.stops += 1

    def set_volume(self, volume: float) -> None:
        self.volume = volume


@dataclass
class FakeVoice:
    id: str
    name: str


class FakeTtsEngine:
    """Stands in for a pyttsx3 engine: each runAndWait writes a silent WAV as long as the estimate."""

    def __init__(self) -> None:
        self.properties: dict[str, object] = {}
        self._job: tuple[str, str] | None = None
        self.runs = 0

    def setProperty(self, name: str, value: object) -> None:  # noqa: N802 (pyttsx3's name)
        self.properties[name] = value

    def getProperty(self, name: str) -> object:  # noqa: N802 (pyttsx3's name)
        if name == "voices":
            return [FakeVoice("gmw/en-gb", "English (Great Britain)"), FakeVoice("gmw/de", "German")]
        return self.properties.get(name)

    def save_to_file(self, text: str, filename: str) -> None:
        self._job = (text, filename)

    def runAndWait(self) -> None:  # noqa: N802 (pyttsx3's name)
        self.runs += 1
        if self._job is None:
            return
        text, filename = self._job
        self._job = None
        frames = int(estimate_length(text) * 22050)
        with wave.open(filename, "wb") as fh:
            fh.setnchannels(1)
            fh.setsampwidth(2)
            fh.setframerate(22050)
            fh.writeframes(b"\0\0" * frames)


class FlakyTtsEngine(FakeTtsEngine):
    """Like pyttsx3's espeak driver on a loaded machine: the first utterance is cancelled, no file."""

    def runAndWait(self) -> None:  # noqa: N802 (pyttsx3's name)
        if self.runs == 0:
            self.runs += 1
            self._job = None
            return
        super().runAndWait()


def write_tone(path: Path, seconds: float, *, lead: float = 0.07, amplitude: float = 0.9, rate: int = 22050) -> None:
    """A WAV like a fresh Piper clip: silence, then a 220 Hz tone at *amplitude* of full scale, then silence."""
    import math

    frames = bytearray()
    for i in range(int((lead + seconds + 0.1) * rate)):
        t = i / rate
        value = amplitude * math.sin(2 * math.pi * 220 * t) if lead <= t < lead + seconds else 0.0
        frames += int(value * 32767).to_bytes(2, "little", signed=True)
    with wave.open(str(path), "wb") as fh:
        fh.setnchannels(1)
        fh.setsampwidth(2)
        fh.setframerate(rate)
        fh.writeframes(bytes(frames))


class FakePiperBackend:
    """Stands in for the Piper render process: loud clips with leading silence; a voice whose model path
    contains "broken" is refused the way the real one refuses a model that does not match its description."""

    def __init__(self, cache: object, voice: str | None) -> None:
        self.voices: list[tuple[str, str]] = []
        self.rendered: list[str] = []
        self.model = ""
        self.configure(getattr(cache, "model", None) and str(getattr(cache, "model")), 175)

    def configure(self, voice: str | None, rate: int) -> None:
        from psoas_coach.speech.render_process import ChildFailedError, VoiceRejectedError

        if voice and "broken" in voice:
            if not self.model:
                raise ChildFailedError(f"the voice {Path(voice).name} could not be used (InvalidArgument)")
            raise VoiceRejectedError(f"the voice {Path(voice).name} could not be used (InvalidArgument)")
        self.model = voice or ""

    def render(self, text: str, target: Path) -> bool:
        from psoas_coach.speech.clip_audio import tidy_wav

        self.rendered.append(text)
        write_tone(target, estimate_length(text))
        return tidy_wav(target)

    def close(self) -> None:
        return None
