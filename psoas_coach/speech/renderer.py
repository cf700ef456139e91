"""Renders cue texts to WAV clips, never on the GUI thread, in the order the session needs them.

A worker thread takes texts from a queue that a session can jump (``request(..., first=True)``: the
clips of the session about to start, its first minute first). By default the engine itself (Piper or
pyttsx3) lives in a child process (render_process), so a crash or hang inside it costs a clip, not
the app; a given engine factory (tests) runs a pyttsx3-like engine in the worker thread instead.
Either way one ``save_to_file`` per ``runAndWait``: several queued before one run write nothing.
Every clip is trimmed and levelled (clip_audio) and numbers are said as words (spoken). Qt-free.
"""

from __future__ import annotations

import logging
import os
import sys
import threading
import time
from collections import deque
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Protocol

from psoas_coach.i18n import _
from psoas_coach.speech.cache import PIPER, PYTTSX3, ClipCache
from psoas_coach.speech.clip_audio import tidy_wav
from psoas_coach.speech.render_process import ChildEngine, ChildFailedError
from psoas_coach.speech.spoken import spoken_form

log = logging.getLogger(__name__)

RENDER_ATTEMPTS = 3
RETRY_PAUSE = 0.05  # seconds, in the worker thread only

ReadyCallback = Callable[[bool, str], None]  # (ok, reason when not ok)
ClipCallback = Callable[[str, Path, float], None]  # (text, wav path, seconds)
VoiceCallback = Callable[["ClipCache | None", str], None]  # (the cache now in use, or None and why not)
EngineFactory = Callable[[], Any]


class Backend(Protocol):
    voices: list[tuple[str, str]]

    def configure(self, voice: str | None, rate: int) -> None: ...

    def render(self, text: str, target: Path) -> bool: ...

    def close(self) -> None: ...


BackendFactory = Callable[[ClipCache, "str | None"], Backend]  # tests: an engine for this cache's voice


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
        return render_one(self.engine, text, target) and tidy_wav(target)

    def close(self) -> None:
        return None


def missing_engine_reason(exc: BaseException) -> str:
    """One plain sentence on why the speech engine could not start, naming what to install."""
    text = str(exc)
    if isinstance(exc, ModuleNotFoundError) and "pyttsx3" in text:
        return _("the pyttsx3 package is not installed")
    if "espeak" in text.lower():
        return _("libespeak-ng was not found (install espeak-ng)")
    return _("the speech engine did not start ({error}: {detail})").format(error=exc.__class__.__name__, detail=text)


def _quiet_print(*args: object, **kwargs: Any) -> None:
    log.debug("pyttsx3: %s", " ".join(str(a) for a in args))


def silence_driver_prints() -> None:
    """pyttsx3 drivers print "Audio saved to ..." on stdout; give their modules a quiet print."""
    for name, module in list(sys.modules.items()):
        if name.startswith("pyttsx3.drivers.") and module is not None:
            setattr(module, "print", _quiet_print)


@dataclass(frozen=True)
class _Configure:
    """A control message: render with this voice and rate, into this cache, from now on."""

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


def engine_voice(cache: ClipCache, voice: str | None) -> str | None:
    """What the engine is told to speak with: the model file for Piper, the voice id for pyttsx3."""
    return str(cache.model) if cache.engine == PIPER and cache.model is not None else voice


class ClipRenderer:
    """Queue texts with ``request``; each rendered (or already cached) clip is reported by ``on_clip``.

    Callbacks run on the worker thread: a Qt caller forwards them with a queued signal.
    """

    def __init__(self, cache: ClipCache, *, voice: str | None, on_ready: ReadyCallback, on_clip: ClipCallback,
                 engine_factory: EngineFactory | None = None, backend_factory: BackendFactory | None = None,
                 on_voice: VoiceCallback | None = None) -> None:
        self.cache = cache
        self.voice = voice
        self.on_ready = on_ready
        self.on_clip = on_clip
        self.on_voice = on_voice
        self.engine_factory = engine_factory
        self.backend_factory = backend_factory
        self._pending: deque[str] = deque()
        self._control: deque[object] = deque()
        self._wanted: set[str] = set()
        self._failures: dict[str, int] = {}  # texts that came out with no audio, and how often
        self._cond = threading.Condition()
        self._thread = threading.Thread(target=self._run, name="psoas-speech-render", daemon=True)
        self.render_seconds: list[float] = []  # time spent per freshly rendered clip, for benchmarks
        self.clip_seconds: list[float] = []  # the length of each freshly rendered clip, beside it
        self.voices: list[tuple[str, str]] = []  # (id, name) of the engine's voices, once it has started
        self.in_process = False  # True once the engine runs in a child process
        self.backend: Backend | None = None

    def start(self) -> None:
        self._thread.start()

    def request(self, texts: Iterable[str], *, first: bool = False) -> None:
        """Render these (once each); with *first*, before anything still queued, in the order given."""
        fresh = [t for t in dict.fromkeys(texts) if t]
        with self._cond:
            if first:
                chosen = set(fresh)
                self._pending = deque(fresh + [t for t in self._pending if t not in chosen])
                self._wanted.update(fresh)
            else:
                for text in fresh:
                    if text not in self._wanted:
                        self._wanted.add(text)
                        self._pending.append(text)
            self._cond.notify()

    def configure(self, cache: ClipCache, voice: str | None) -> None:
        """Switch voice, engine or rate: what is still queued is dropped; ``on_voice`` says whether it worked."""
        with self._cond:
            self._drain()
            self._control.append(_Configure(cache, voice))
            self._cond.notify()

    def _drain(self) -> None:
        self._pending.clear()
        self._wanted.clear()

    def stop(self, timeout: float = 2.0) -> None:
        """Drop the queue and end the worker after the clip in hand."""
        with self._cond:
            self._drain()
            self._control.append(_STOP)
            self._cond.notify()
        if self._thread.is_alive() and threading.current_thread() is not self._thread:
            self._thread.join(timeout)

    @property
    def running(self) -> bool:
        return self._thread.is_alive()

    def peak_memory(self) -> int | None:
        """The render process's peak memory in bytes (None when the engine runs in this process)."""
        backend = self.backend
        return backend.peak_memory() if isinstance(backend, ChildEngine) else None

    def _open(self, cache: ClipCache, voice: str | None) -> Backend:
        cache.model_identity()  # the voice file's hash, worked out here and not on the GUI thread
        if self.backend_factory is not None:
            return self.backend_factory(cache, voice)
        if self.engine_factory is None or cache.engine != PYTTSX3:
            child = ChildEngine(engine_voice(cache, voice), cache.rate, engine=cache.engine)
            child.start()
            self.in_process = True
            return child
        return _ThreadEngine(self.engine_factory, voice, cache.rate)

    def _next(self) -> object:
        with self._cond:
            while not self._control and not self._pending:
                self._cond.wait()
            return self._control.popleft() if self._control else self._pending.popleft()

    def _run(self) -> None:
        lower_thread_priority()
        try:
            backend = self._open(self.cache, self.voice)
            self.cache.ensure_folder()
            self.voices = backend.voices
        except Exception as exc:  # noqa: BLE001 - any failure here means "no engine", said once
            self.on_ready(False, str(exc) if isinstance(exc, ChildFailedError) else missing_engine_reason(exc))
            return
        self.backend = backend
        self.on_ready(True, "")
        try:
            self._serve()
        finally:
            if self.backend is not None:
                self.backend.close()

    def _serve(self) -> None:
        while True:
            item = self._next()
            if item is _STOP:
                return
            if isinstance(item, _Configure):
                self._reconfigure(item)
                continue
            text = str(item)
            length: float | None = None
            assert self.backend is not None
            try:
                path, length = self._render(self.backend, text)
            except Exception:  # noqa: BLE001 - one bad clip (or a child that keeps dying) must not stop the app
                log.exception("could not render %r", text)
                continue
            finally:
                with self._cond:
                    self._wanted.discard(text)
                    if length is None and self._failures.get(text, 0) < 1:
                        self._failures[text] = self._failures.get(text, 0) + 1
                        self._wanted.add(text)
                        self._pending.append(text)  # once more, after what is queued now
            if length is not None:
                self.on_clip(text, path, length)

    def _reconfigure(self, item: _Configure) -> None:
        """Apply a new voice; one that cannot be used leaves the previous voice (and engine) speaking."""
        assert self.backend is not None
        new = item.cache
        try:
            if new.engine != self.cache.engine:
                fresh = self._open(new, item.voice)
                self.backend.close()
                self.backend = fresh
            else:
                new.model_identity()
                self.backend.configure(engine_voice(new, item.voice), new.rate)
            self.cache, self.voice = new, item.voice
            self.cache.ensure_folder()
            self.voices = self.backend.voices
        except Exception as exc:  # noqa: BLE001 - an unusable voice keeps the previous one
            log.warning("could not switch the voice to %r: %s", item.voice, exc)
            if self.on_voice is not None:
                self.on_voice(None, str(exc))
            return
        if self.on_voice is not None:
            self.on_voice(new, "")

    def _render(self, backend: Backend, text: str) -> tuple[Path, float | None]:
        path = self.cache.path_for(text)
        length = self.cache.length(text)
        if length is not None:
            return path, length
        tmp = self.cache.temp_path_for(text)
        started = time.perf_counter()
        ok = backend.render(spoken_form(text), tmp)
        elapsed = time.perf_counter() - started
        if not ok or not tmp.exists():
            log.warning("the speech engine wrote no file for %r", text)
            return path, None
        length = self.cache.store(text, tmp)
        if length is not None:
            self.render_seconds.append(elapsed)
            self.clip_seconds.append(length)
        return path, length
