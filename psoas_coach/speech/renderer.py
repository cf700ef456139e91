"""Renders cue texts to WAV clips with pyttsx3, in one worker thread that owns the pyttsx3 engine.

pyttsx3's ``runAndWait`` blocks and ``init()`` hands out one cached engine per driver, so the
engine is created, used and kept in this thread only, and never on the GUI thread. One
``save_to_file`` per ``runAndWait``: several queued before one run write nothing. Qt-free.
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
from typing import Any, Callable, Iterable

from psoas_coach.speech.cache import ClipCache

log = logging.getLogger(__name__)

ReadyCallback = Callable[[bool, str], None]  # (ok, reason when not ok)
ClipCallback = Callable[[str, Path, float], None]  # (text, wav path, seconds)
EngineFactory = Callable[[], Any]


def default_engine() -> Any:
    import pyttsx3  # heavy and may fail: only ever imported in the worker

    return pyttsx3.init()


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
                 engine_factory: EngineFactory = default_engine) -> None:
        self.cache = cache
        self.voice = voice
        self.on_ready = on_ready
        self.on_clip = on_clip
        self.engine_factory = engine_factory
        self._queue: queue.Queue[object] = queue.Queue()
        self._wanted: set[str] = set()
        self._lock = threading.Lock()
        self._thread = threading.Thread(target=self._run, name="psoas-speech-render", daemon=True)
        self.render_seconds: list[float] = []  # time spent per freshly rendered clip, for benchmarks
        self.voices: list[tuple[str, str]] = []  # (id, name) of the engine's voices, once it has started

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

    def _run(self) -> None:
        lower_thread_priority()
        try:
            engine = self.engine_factory()
            silence_driver_prints()
            self._apply(engine, _Configure(self.cache, self.voice))
            engine.setProperty("volume", 1.0)  # loudness is set at playback
            self.voices = list_voices(engine)
        except Exception as exc:  # noqa: BLE001 - any failure here means "no engine", said once
            self.on_ready(False, missing_engine_reason(exc))
            return
        self.on_ready(True, "")
        while True:
            item = self._queue.get()
            if item is _STOP:
                break
            if isinstance(item, _Configure):
                try:
                    self._apply(engine, item)
                except Exception:  # noqa: BLE001 - an unknown voice keeps the previous one
                    log.exception("could not switch the voice to %r", item.voice)
                continue
            text = str(item)
            try:
                path, length = self._render(engine, text)
            except Exception:  # noqa: BLE001 - one bad clip must not stop the others
                log.exception("could not render %r", text)
                continue
            finally:
                with self._lock:
                    self._wanted.discard(text)
            if length is not None:
                self.on_clip(text, path, length)

    def _apply(self, engine: Any, config: _Configure) -> None:
        self.cache, self.voice = config.cache, config.voice
        if config.voice:
            engine.setProperty("voice", config.voice)
        engine.setProperty("rate", config.cache.rate)
        config.cache.ensure_folder()

    def _render(self, engine: Any, text: str) -> tuple[Path, float | None]:
        path = self.cache.path_for(text)
        length = self.cache.length(text)
        if length is not None:
            return path, length
        tmp = self.cache.temp_path_for(text)
        started = time.perf_counter()
        engine.save_to_file(text, str(tmp))
        engine.runAndWait()
        self.render_seconds.append(time.perf_counter() - started)
        if not tmp.exists():
            log.warning("the speech engine wrote no file for %r", text)
            return path, None
        return path, self.cache.store(text, tmp)
