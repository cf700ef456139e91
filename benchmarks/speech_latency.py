"""Speech timing: cold render of a whole program's cues, clip lengths, and cue start latency.

Run: .venv/bin/python benchmarks/speech_latency.py [--seconds S] [--program ID]
Needs espeak-ng for the render part. Latency is measured on the real clock at speed 1: the
coach's own single-shot timer wakes for each cue; the number is the real time between a cue's
scheduled moment and the call that starts its clip (the app's QAudioSink player when there is an
audio output, a recording stand-in when there is none). Not part of the test suite.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from psoas_coach.core.clock import SystemClock  # noqa: E402
from psoas_coach.core.cues import program_texts  # noqa: E402
from psoas_coach.core.engine import SessionEngine  # noqa: E402
from psoas_coach.core.plan import SessionPlan, build_plan  # noqa: E402
from psoas_coach.core.program import load_library  # noqa: E402
from psoas_coach.speech.cache import ClipCache  # noqa: E402
from psoas_coach.speech.renderer import ClipRenderer  # noqa: E402

RATE = 175


def ms(seconds: float) -> str:
    return f"{seconds * 1000:.1f} ms"


def render_all(cache: ClipCache, texts: list[str]) -> tuple[float, ClipRenderer, dict[str, float], str]:
    done = threading.Event()
    clips: dict[str, float] = {}
    why: list[str] = []

    def on_ready(ok: bool, reason: str) -> None:
        if not ok:
            why.append(reason)
            done.set()

    def on_clip(text: str, path: Path, length: float) -> None:
        clips[text] = length
        if len(clips) == len(texts):
            done.set()

    renderer = ClipRenderer(cache, voice=None, on_ready=on_ready, on_clip=on_clip)
    t0 = time.perf_counter()
    renderer.start()
    renderer.request(texts)
    finished = done.wait(120)
    elapsed = time.perf_counter() - t0
    renderer.stop()
    if not finished and not why:
        missing = [t for t in texts if t not in clips]
        print(f"render: {len(missing)} of {len(texts)} cues not rendered within 120 s: {missing[:3]}")
    return elapsed, renderer, clips, why[0] if why else ""


def bench_render(plan: SessionPlan, folder: Path) -> bool:
    texts = program_texts(plan)
    cache = ClipCache(folder, None, RATE)
    cold, renderer, clips, why = render_all(cache, texts)
    if why:
        print(f"render: not possible here: {why}")
        return False
    per = renderer.render_seconds
    print(f"cold render of {len(texts)} cues ({plan.program.id}, rate {RATE}): {ms(cold)} in all, "
          f"per cue median {ms(statistics.median(per))}, max {ms(max(per))}")
    lengths = sorted(clips.values())
    print(f"clip lengths: min {lengths[0]:.2f} s, median {statistics.median(lengths):.2f} s, max {lengths[-1]:.2f} s")
    for text in ("3", "Lift left.", "Lower slowly.", "Press your lower back gently into the floor."):
        if text in clips:
            line = f"  {text!r}: {clips[text]:.2f} s"
            if shutil.which("soxi"):
                out = subprocess.run(["soxi", "-D", str(cache.path_for(text))], capture_output=True, text=True)
                line += f" (soxi: {float(out.stdout):.2f} s)"
            print(line)
    warm, _, _, _ = render_all(ClipCache(folder, None, RATE), texts)
    print(f"warm cache (all {len(texts)} cues already on disk): {ms(warm)}")
    return True


def bench_latency(plan: SessionPlan, folder: Path, seconds: float) -> None:
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    from psoas_coach.speech.base import ClipPlayer
    from psoas_coach.speech.beeps import beep_files
    from psoas_coach.speech.cue_player import CuePlayer
    from psoas_coach.speech.speakers import ClipSpeaker

    app = QApplication.instance() or QApplication([])
    starts: list[float] = []

    class RecordingPlayer:
        """Stands in for QSoundEffect where the machine has no audio output; records when play is called."""

        def __init__(self) -> None:
            self.keys: set[str] = set()

        def load(self, key: str, path: Path) -> None:
            self.keys.add(key)

        def has(self, key: str) -> bool:
            return key in self.keys

        def play(self, key: str, *, exclusive: bool = True) -> bool:
            starts.append(time.perf_counter())
            return key in self.keys

        def stop(self) -> None:
            return None

        def set_volume(self, volume: float) -> None:
            return None

    from psoas_coach.speech.sink_player import SinkPlayer, default_output

    device = default_output()
    play_calls: list[float] = []
    if device is not None:
        real = SinkPlayer(device)  # what the app plays clips with
        original_play = real.play

        def play(key: str, *, exclusive: bool = True) -> bool:
            t0 = time.perf_counter()
            ok = original_play(key, exclusive=exclusive)
            play_calls.append(time.perf_counter() - t0)
            return ok

        real.play = play  # type: ignore[method-assign]
        player: ClipPlayer = real
    else:
        player = RecordingPlayer()
    print(f"playback: {'QAudioSink on ' + device.description() if device is not None else 'no audio output here; recording stand-in'}")
    speaker = ClipSpeaker(player, beep_files(folder / "beeps"), ClipCache(folder, None, RATE))
    speaker.start()
    coach = CuePlayer(speaker)
    clock = SystemClock(1.0)
    engine = SessionEngine(plan, clock)
    coach.attach(engine)
    engine.start()
    engine.next()
    QTimer.singleShot(int(seconds * 1000), app.quit)
    app.exec()
    speaker.shutdown()
    late = sorted(coach.latencies)
    if not late:
        print("latency: no cue was due")
        return
    p95 = late[min(len(late) - 1, int(0.95 * len(late)))]
    print(f"cue start latency over {len(late)} cues in {seconds:g} s of session: median {ms(statistics.median(late))}, "
          f"95th percentile {ms(p95)}, max {ms(late[-1])}")
    not_ready = sum(1 for _, cue in coach.spoken if not speaker.is_ready(cue.text))
    print(f"cues said before their clip was ready: {not_ready}")
    if play_calls:
        d = sorted(play_calls)
        print(f"play() on the GUI thread (opens the sink and starts it), over {len(d)} clips: "
              f"median {ms(statistics.median(d))}, max {ms(d[-1])}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=25.0, help="real seconds of session for the latency run")
    parser.add_argument("--program", default="foundation")
    args = parser.parse_args()
    plan = build_plan(load_library().get(args.program))
    with tempfile.TemporaryDirectory(prefix="psoas-speech-bench-") as tmp:
        folder = Path(tmp)
        if bench_render(plan, folder):
            bench_latency(plan, folder, args.seconds)


if __name__ == "__main__":
    main()
