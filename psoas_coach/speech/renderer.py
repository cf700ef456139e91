"""Renders cue texts to WAV clips with pyttsx3, never on the GUI thread.

A worker thread takes texts from a queue. By default the pyttsx3 engine itself lives in a child
process (render_process), so a crash or hang inside espeak-ng costs a clip, not the app; a given
engine factory (tests) runs the engine in the worker thread instead. Either way one ``save_to_file`` per ``runAndWait``: several queued before one run write
nothing. Qt-free.
"""

from __future__ import annotations

import logging
import os
import queue
import sys
import threading
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Callable, Iterable, Protocol

from psoas_coach.speech.cache import ClipCache
from psoas_coach.speech.render_process import ChildEngine, ChildFailed

log = logging.getLogger(__name__)

RENDER_ATTEMPTS = 3
RETRY_PAUSE = 0.05  # seconds, in the worker thread only

ReadyCallback = Callable[[bool, str], None]  # (ok, reason when not ok)
ClipCallback = Callable[[str, Path, float], None]  # (text, wav path, seconds)
EngineFactory = Callable[[], Any]


class _Backend(Protocol):
    voices: list[tuple[str, str]]

    def configure(self, voice: str | None, rate: int) -> None: ...

    def render(self, text: str, target: Path) -> bool: ...

    def close(self) -> None: ...


def render_one(engine: Any, text: str, target: Path) -> bool:
    """Render *text* into *target* with a pyttsx3 engine; True once the file is there."""
    for attempt in range(RENDER_ATTEMPTS):
        engine.save_to_file(text, str(target))
        engine.runAndWait()
        if target.exists():
            return True
        # pyttsx3's espeak driver cancels a new utterance when espeak still reports the previous
        # one as playing (seen on a loaded machine): give espeak a moment and render again.
        time.sleep(RETRY_PAUSE * (attempt + 1))
    return False


class _ThreadEngine:
    """The engine in the worker thread itself: created, used and kept there only."""

    def __init__(self, factory: EngineFactory, voice: str | None, rate: int) -> None:
        self.engine = factory()
        silence_driver_prints()
        self.engine.setProperty("volume", 1.0)  # loudness is set at playback
        self.voices = list_voices(self.engine)
        self.configure(voice, rate)

    def configure(self, voice: str | None, rate: int) -> None:
        if voice:
            self.engine.setProperty("voice", voice)
        self.engine.setProperty("rate", rate)

    def render(self, text: str, target: Path) -> bool:
        return render_one(self.engine, text, target)

    def close(self) -> None:
        return None


def missing_engine_reason(exc: BaseException) -> str:
    """One plain sentence on why the speech engine could not start, naming what to install."""
    text = str(exc)
    if isinstance(exc, ModuleNotFoundError) and "pyttsx3" in text:
        return "the pyttsx3 package is not installed"
    if "espeak" in text.lower():
        return "libespeak-ng was not found (install espeak-ng)"
    return f"the speech engine did not start ({exc.__class__.__name__}: {text})"


def _quiet_print(*args: object, **kwargs: Any) -> None:
    log.debug("pyttsx3: %s", " ".join(str(a) for a in args))


def silence_driver_prints() -> None:
    """pyttsx3 drivers print "Audio saved to ..." on stdout; give their modules a quiet print."""
    for name, module in list(sys.modules.items()):
        if name.startswith("pyttsx3.drivers.") and module is not None:
            setattr(module, "print", _quiet_print)


@dataclass(frozen=True)
class _Configure:
    """A queue message: render with this voice and rate, into this cache, from now on."""

    cache: ClipCache
    voice: str | None


_STOP = object()


def lower_thread_priority(niceness: int = 10) -> None:
    """Rendering is background work: on Linux, let the scheduler prefer the GUI thread over this one."""
    if not sys.platform.startswith("linux"):
        return
    try:
        os.setpriority(os.PRIO_PROCESS, threading.get_native_id(), niceness)  # per thread on Linux
    except (OSError, AttributeError):
        pass


def list_voices(engine: Any) -> list[tuple[str, str]]:
    """(id, name) of each voice the engine offers, sorted by name; empty if it cannot say."""
    try:
        voices = engine.getProperty("voices") or []
    except Exception:  # noqa: BLE001 - a voice list is a nicety
        return []
    out = [(str(getattr(v, "id", "")), str(getattr(v, "name", "") or getattr(v, "id", ""))) for v in voices]
    return sorted((v for v in out if v[0]), key=lambda v: v[1].lower())


class Pyttsx3Renderer:
    """Queue texts with ``request``; each rendered (or already cached) clip is reported by ``on_clip``.

    Callbacks run on the worker thread: a Qt caller forwards them with a queued signal.
    """

    def __init__(self, cache: ClipCache, *, voice: str | None, on_ready: ReadyCallback, on_clip: ClipCallback,
                 engine_factory: EngineFactory | None = None) -> None:
        self.cache = cache
        self.voice = voice
        self.on_ready = on_ready
        self.on_clip = on_clip
        self.engine_factory = engine_factory
        self._queue: queue.Queue[object] = queue.Queue()
        self._wanted: set[str] = set()
        self._failures: dict[str, int] = {}  # texts that came out with no audio, and how often
        self._lock = threading.Lock()
        self._thread = threading.Thread(target=self._run, name="psoas-speech-render", daemon=True)
        self.render_seconds: list[float] = []  # time spent per freshly rendered clip, for benchmarks
        self.voices: list[tuple[str, str]] = []  # (id, name) of the engine's voices, once it has started
        self.in_process = False  # True once the engine runs in a child process

    def start(self) -> None:
        self._thread.start()

    def request(self, texts: Iterable[str]) -> None:
        with self._lock:
            for text in texts:
                if text and text not in self._wanted:
                    self._wanted.add(text)
                    self._queue.put(text)

    def configure(self, cache: ClipCache, voice: str | None) -> None:
        """Switch voice and rate: what is still queued is dropped; the worker applies it to its own engine."""
        with self._lock:
            self._drain()
            self._queue.put(_Configure(cache, voice))

    def _drain(self) -> None:
        while True:
            try:
                self._queue.get_nowait()
            except queue.Empty:
                break
        self._wanted.clear()

    def stop(self, timeout: float = 2.0) -> None:
        """Drop the queue and end the worker after the clip in hand (about 10 ms)."""
        with self._lock:
            self._drain()
            self._queue.put(_STOP)
        if self._thread.is_alive() and threading.current_thread() is not self._thread:
            self._thread.join(timeout)

    @property
    def running(self) -> bool:
        return self._thread.is_alive()

    def _open(self) -> _Backend:
        if self.engine_factory is None:
            child = ChildEngine(self.voice, self.cache.rate)
            child.start()
            self.in_process = True
            return child
        return _ThreadEngine(self.engine_factory, self.voice, self.cache.rate)

    def _run(self) -> None:
        lower_thread_priority()
        try:
            backend = self._open()
            self.cache.ensure_folder()
            self.voices = backend.voices
        except Exception as exc:  # noqa: BLE001 - any failure here means "no engine", said once
            self.on_ready(False, str(exc) if isinstance(exc, ChildFailed) else missing_engine_reason(exc))
            return
        self.on_ready(True, "")
        try:
            self._serve(backend)
        finally:
            backend.close()

    def _serve(self, backend: _Backend) -> None:
        while True:
            item = self._queue.get()
            if item is _STOP:
                return
            if isinstance(item, _Configure):
                try:
                    backend.configure(item.voice, item.cache.rate)
                    self.cache, self.voice = item.cache, item.voice
                    self.cache.ensure_folder()
                except Exception:  # noqa: BLE001 - an unknown voice keeps the previous one
                    log.exception("could not switch the voice to %r", item.voice)
                continue
            text = str(item)
            length: float | None = None
            try:
                path, length = self._render(backend, text)
            except Exception:  # noqa: BLE001 - one bad clip (or a child that keeps dying) must not stop the app
                log.exception("could not render %r", text)
                continue
            finally:
                with self._lock:
                    self._wanted.discard(text)
                    if length is None and self._failures.get(text, 0) < 1:
                        self._failures[text] = self._failures.get(text, 0) + 1
                        self._wanted.add(text)
                        self._queue.put(text)  # once more, after what is queued now
            if length is not None:
                self.on_clip(text, path, length)

    def _render(self, backend: _Backend, text: str) -> tuple[Path, float | None]:
        path = self.cache.path_for(text)
        length = self.cache.length(text)
        if length is not None:
            return path, length
        tmp = self.cache.temp_path_for(text)
        started = time.perf_counter()
        ok = backend.render(text, tmp)
        self.render_seconds.append(time.perf_counter() - started)
        if not ok or not tmp.exists():
            log.warning("the speech engine wrote no file for %r", text)
            return path, None
        return path, self.cache.store(text, tmp)
