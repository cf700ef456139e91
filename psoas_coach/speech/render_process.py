"""The speech engine (Piper or pyttsx3) in a child process of its own, and the client the render worker
talks to it with.

espeak-ng, called through pyttsx3 in the app's own process, was seen to crash the whole process
(a segmentation fault inside espeak_Synth and espeak_SetParameter) and, rarely, to hang. In a child
process a crash or a hang costs one clip: the client notices (end of pipe, or no answer in time),
starts a new child and goes on. Piper and onnxruntime are imported only here, never in the window's
process. Every clip the child writes is trimmed and levelled (clip_audio). The protocol is one JSON object a line, on the child's stdin and
on a copy of its stdout; anything else the child prints goes nowhere. Qt-free.
"""

from __future__ import annotations

import json
import os
import queue
import subprocess
import sys
import threading
from pathlib import Path
from typing import IO, Any

from psoas_coach.i18n import _, number

READY_TIMEOUT = 30.0  # seconds for a child to import its engine (and load a Piper voice, ~1 s)
RENDER_TIMEOUT = 15.0  # seconds for one clip before the child counts as hung
RESTARTS = 3  # children started for one renderer beyond the first, before giving up


PIPER = "piper"
PYTTSX3 = "pyttsx3"
ENGINES = (PIPER, PYTTSX3)


class ChildFailedError(RuntimeError):
    """The child died, hung or never started; the message says which, in plain words."""


class VoiceRejectedError(ValueError):
    """The engine runs, but the voice asked for cannot be used; the previous one stays."""


WORKER_FLAG = "--speech-worker"  # the built app started as the child (packaging/launch.py)


def child_command(engine: str = PYTTSX3) -> list[str]:
    """How to start the child: ``python -m`` from source; a built (frozen) app has no ``python -m``,
    so it starts itself with WORKER_FLAG, which its entry point hands to ``main`` below."""
    if getattr(sys, "frozen", False):
        return [sys.executable, WORKER_FLAG, engine]
    return [sys.executable, "-m", "psoas_coach.speech.render_process", engine]


class ChildEngine:
    """Parent side: start the child, configure it, render one text at a time, restart it when it fails.

    *voice* is a pyttsx3 voice id, or for Piper the path of the voice's .onnx model.
    """

    def __init__(self, voice: str | None, rate: int, engine: str = PYTTSX3) -> None:
        self.voice = voice
        self.rate = rate
        self.engine = engine
        self.pid: int | None = None
        self.voices: list[tuple[str, str]] = []
        self.restarts = 0
        self._proc: subprocess.Popen[bytes] | None = None
        self._lines: queue.Queue[bytes | None] = queue.Queue()

    # ------------------------------------------------------------------ lifecycle

    def start(self) -> None:
        """Start a child and wait until pyttsx3 runs in it; raises ChildFailedError with the reason if not."""
        self.close()
        from psoas_coach.i18n import current_language

        env = dict(os.environ, PYTHONUNBUFFERED="1", PSOAS_COACH_SPEECH_LANGUAGE=current_language())
        self._proc = subprocess.Popen(
            child_command(self.engine),
            stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, env=env,
            cwd=str(Path(__file__).resolve().parents[2]),
            creationflags=getattr(subprocess, "CREATE_NO_WINDOW", 0),  # Windows: no console window
        )
        self._lines = queue.Queue()
        threading.Thread(target=self._pump, args=(self._proc, self._lines), name="psoas-speech-pipe",
                         daemon=True).start()
        hello = self._read(READY_TIMEOUT)
        if not hello.get("ok"):
            self.close()
            raise ChildFailedError(str(hello.get("reason") or _("the speech engine did not start")))
        self.voices = [(str(v[0]), str(v[1])) for v in hello.get("voices", [])]
        self.pid = self._proc.pid
        try:
            self.configure(self.voice, self.rate)
        except VoiceRejectedError as exc:
            self.close()
            raise ChildFailedError(str(exc)) from None

    def peak_memory(self) -> int | None:
        """The child's peak resident memory in bytes so far (Linux), for benchmarks and the doctor."""
        if self.pid is None:
            return None
        try:
            for line in Path(f"/proc/{self.pid}/status").read_text().splitlines():
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) * 1024
        except (OSError, ValueError, IndexError):
            pass
        return None

    def close(self) -> None:
        proc, self._proc = self._proc, None
        if proc is None:
            return
        try:
            if proc.stdin is not None:
                proc.stdin.close()
            proc.wait(timeout=1.0)
        except (OSError, subprocess.TimeoutExpired):
            proc.kill()
            proc.wait()
        finally:
            if proc.stdout is not None:
                proc.stdout.close()

    # ------------------------------------------------------------------ requests

    def configure(self, voice: str | None, rate: int) -> None:
        """Use *voice* at *rate* from now on; VoiceRejectedError (and the previous voice kept) if it cannot be used."""
        answer = self._ask({"op": "config", "voice": voice, "rate": rate}, READY_TIMEOUT)
        if not answer.get("ok"):
            raise VoiceRejectedError(str(answer.get("reason") or _("the voice {voice} cannot be used").format(voice=voice)))
        self.voice, self.rate = voice, rate

    def render(self, text: str, target: Path) -> bool:
        """Render *text* into *target*; a child that crashes or hangs is replaced and asked again."""
        for _attempt in range(2):
            try:
                answer = self._ask({"op": "render", "text": text, "path": str(target)}, RENDER_TIMEOUT)
                return bool(answer.get("ok"))
            except ChildFailedError:
                if self.restarts >= RESTARTS:
                    raise
                self.restarts += 1
                self.start()
        return False

    def _ask(self, message: dict[str, Any], timeout: float) -> dict[str, Any]:
        proc = self._proc
        if proc is None or proc.stdin is None:
            raise ChildFailedError(_("the speech engine is not running"))
        try:
            proc.stdin.write((json.dumps(message) + "\n").encode("utf-8"))
            proc.stdin.flush()
        except OSError:
            raise ChildFailedError(_("the speech engine stopped")) from None
        return self._read(timeout)

    @staticmethod
    def _pump(proc: subprocess.Popen[bytes], lines: queue.Queue[bytes | None]) -> None:
        """Reads the child's answers on a thread of its own, so a wait can time out on every OS."""
        assert proc.stdout is not None
        try:
            for line in proc.stdout:
                lines.put(line)
        except (OSError, ValueError):
            pass
        lines.put(None)

    def _read(self, timeout: float) -> dict[str, Any]:
        proc = self._proc
        assert proc is not None
        try:
            line = self._lines.get(timeout=timeout)
        except queue.Empty:
            proc.kill()
            raise ChildFailedError(_("the speech engine did not answer within {seconds} s").format(seconds=number(timeout))) from None
        if line is None:
            code = proc.wait()
            raise ChildFailedError(_("the speech engine stopped (exit code {code})").format(code=code))
        try:
            answer = json.loads(line)
        except ValueError:
            raise ChildFailedError(_("the speech engine answered nonsense")) from None
        return answer if isinstance(answer, dict) else {}


# ---------------------------------------------------------------------- the child


def _send(out: IO[str], message: dict[str, Any]) -> None:
    out.write(json.dumps(message) + "\n")
    out.flush()


class _Pyttsx3:
    """pyttsx3 in the child, behind the same three calls as PiperEngine."""

    def __init__(self) -> None:
        import pyttsx3

        from psoas_coach.speech.renderer import list_voices, silence_driver_prints

        self.engine = pyttsx3.init()
        silence_driver_prints()
        self.engine.setProperty("volume", 1.0)
        self.voices = list_voices(self.engine)

    def configure(self, voice: str | None, rate: int) -> None:
        from psoas_coach.speech.voice_choice import voice_for_language

        try:  # choose by the voices' languages, not their ids (those changed between pyttsx3 versions)
            spoken = [(str(v.id), [str(c) for c in (v.languages or [])]) for v in self.engine.getProperty("voices") or []]
        except Exception:  # noqa: BLE001 - without languages the engine's default voice speaks
            spoken = []
        voice = voice_for_language(os.environ.get("PSOAS_COACH_SPEECH_LANGUAGE", "en"), spoken, voice)
        if voice:
            self.engine.setProperty("voice", voice)
        self.engine.setProperty("rate", int(rate))

    def render(self, text: str, target: Path) -> bool:
        from psoas_coach.speech.renderer import render_one

        return render_one(self.engine, text, target)


def _open(engine: str) -> tuple[Any, list[tuple[str, str]]]:
    if engine == PIPER:
        from psoas_coach.speech.piper_engine import PiperEngine

        return PiperEngine(), []
    backend = _Pyttsx3()
    return backend, backend.voices


def _missing_reason(engine: str, exc: BaseException) -> str:
    if engine == PIPER:
        from psoas_coach.speech.piper_engine import piper_missing_reason

        return piper_missing_reason(exc)
    from psoas_coach.speech.renderer import missing_engine_reason

    return missing_engine_reason(exc)


def main(argv: list[str] | None = None) -> int:
    """Child entry point: answers one JSON line for each JSON line read. The last argument names the engine."""
    args = sys.argv[1:] if argv is None else argv
    engine = args[-1] if args and args[-1] in ENGINES else PYTTSX3
    from psoas_coach.i18n import set_language

    set_language(os.environ.get("PSOAS_COACH_SPEECH_LANGUAGE", "en"))  # the reasons it sends are read by the user
    out = os.fdopen(os.dup(1), "w", buffering=1)
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, 1)  # pyttsx3 prints "Audio saved to ..."; only protocol lines reach the parent
    try:
        os.nice(5)  # rendering is background work, but the cues must be ready before they are due
    except (OSError, AttributeError):
        pass
    os.umask(0o077)  # every clip the engine writes is the user's own, even before it is moved into the cache
    from psoas_coach.speech.clip_audio import tidy_wav

    try:
        backend, voices = _open(engine)
    except Exception as exc:  # noqa: BLE001 - any failure here means "no engine", said once
        _send(out, {"ok": False, "reason": _missing_reason(engine, exc)})
        return 1
    _send(out, {"ok": True, "voices": voices})
    for line in sys.stdin:
        try:
            msg = json.loads(line)
            if msg.get("op") == "config":
                try:
                    backend.configure(msg.get("voice"), int(msg["rate"]))
                    _send(out, {"ok": True})
                except ValueError as exc:
                    _send(out, {"ok": False, "reason": str(exc)})
            elif msg.get("op") == "render":
                target = Path(msg["path"])
                ok = backend.render(str(msg["text"]), target)
                _send(out, {"ok": ok and tidy_wav(target)})
            else:
                _send(out, {"ok": False, "reason": f"unknown request {msg.get('op')!r}"})
        except Exception as exc:  # noqa: BLE001 - one bad request must not end the child
            _send(out, {"ok": False, "reason": f"{exc.__class__.__name__}: {exc}"})
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
