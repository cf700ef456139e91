"""Voice: Piper's natural voice beside espeak-ng, measured in the same run.

For each engine, each run in a fresh process from a cold clip cache, the app's own ClipSpeaker (render
thread, render process) is asked for every cue of both built-in programs, as the app asks at start-up,
while a 5 ms heartbeat timer runs on the GUI thread:
  - first cue: from starting the speaker (render process start, voice load) to the first clip ready;
  - whole program: to the last of the cues ready;
  - real-time factor: render seconds over clip seconds, summed over the freshly rendered clips;
  - render-process peak memory: VmHWM of the render process (Linux);
  - GUI stall: the longest gap between two heartbeats while rendering.

    python benchmarks/voice.py [--runs N] [--quick]     (also part of benchmarks/run.py)
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from common import Row, Settings  # noqa: E402

ENGINES = ("piper", "pyttsx3")
LABELS = {"piper": "Piper en_US-joe-medium", "pyttsx3": "espeak-ng"}
QUICK_CUES = 6


def all_texts() -> list[str]:
    from psoas_coach.core.cues import program_texts
    from psoas_coach.core.plan import build_plan
    from psoas_coach.core.program import load_library

    return list(dict.fromkeys(t for p in load_library([]).programs for t in program_texts(build_plan(p))))


def measure(engine: str, folder: Path, count: int | None) -> dict[str, float]:
    """One run in this process: the figures above, as a dict."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QObject, Qt, QTimer
    from PySide6.QtWidgets import QApplication

    from psoas_coach.speech.beeps import beep_files
    from psoas_coach.speech.cache import PIPER, ClipCache
    from psoas_coach.speech.speakers import ClipSpeaker
    from psoas_coach.speech.voices import bundled_voice

    class NullPlayer(QObject):
        def load(self, key: str, path: Path) -> None: ...
        def has(self, key: str) -> bool: return False
        def play(self, key: str, *, exclusive: bool = True) -> bool: return False
        def stop(self) -> None: ...
        def set_volume(self, volume: float) -> None: ...

    app = QApplication.instance() or QApplication([])
    texts = all_texts()[:count] if count else all_texts()
    if engine == PIPER:
        voice = bundled_voice()
        if voice is None:
            return {"error": 1.0}
        cache = ClipCache(folder / "speech", voice.id, 175, engine=PIPER, model=voice.model)
        speaker = ClipSpeaker(NullPlayer(), beep_files(folder / "beeps"), cache, voice=voice.id)  # type: ignore[arg-type]
    else:
        speaker = ClipSpeaker(NullPlayer(), beep_files(folder / "beeps"), ClipCache(folder / "speech", None, 175))  # type: ignore[arg-type]
    marks: dict[str, float] = {}
    worst = [0.0]
    last = [time.perf_counter()]

    def beat() -> None:
        now = time.perf_counter()
        worst[0] = max(worst[0], now - last[0])
        last[0] = now

    def on_progress(ready: int, total: int) -> None:
        now = time.perf_counter() - marks["start"]
        if ready >= 1 and "first" not in marks:
            marks["first"] = now
        if total and ready == total == len(texts):
            marks["all"] = now
            app.quit()

    heartbeat = QTimer()
    heartbeat.setTimerType(Qt.TimerType.PreciseTimer)
    heartbeat.timeout.connect(beat)
    speaker.progress.connect(on_progress)
    speaker.ready.connect(lambda ok, why: None if ok else app.quit())
    QTimer.singleShot(120_000, app.quit)
    marks["start"] = time.perf_counter()
    speaker.start()
    speaker.prepare(texts)
    last[0] = time.perf_counter()
    heartbeat.start(5)
    app.exec()
    heartbeat.stop()
    renderer = speaker.renderer
    memory = renderer.peak_memory() or 0
    speaker.shutdown()
    if "all" not in marks:
        return {"error": 1.0}
    return {"first": marks["first"], "all": marks["all"], "cues": float(len(texts)),
            "rtf": sum(renderer.render_seconds) / max(sum(renderer.clip_seconds), 1e-9),
            "memory": memory / 2 ** 20, "stall": worst[0]}


def one_run(engine: str, count: int | None, env: dict[str, str] | None = None) -> dict[str, float]:
    with tempfile.TemporaryDirectory(prefix="psoas-voice-") as tmp:
        args = [sys.executable, __file__, "--measure", engine, tmp] + (["--count", str(count)] if count else [])
        done = subprocess.run(args, capture_output=True, text=True, env=env, timeout=300, cwd=ROOT)
    try:
        return json.loads(done.stdout.strip().splitlines()[-1])
    except (ValueError, IndexError):
        return {"error": 1.0}


def run(settings: Settings) -> list[Row]:
    """Interleaved runs of both engines; medians, each Piper figure beside espeak-ng's."""
    count = QUICK_CUES if settings.quick else None
    env = {**settings.env, "QT_QPA_PLATFORM": "offscreen"}
    results: dict[str, list[dict[str, float]]] = {e: [] for e in ENGINES}
    for _ in range(settings.runs):
        for engine in ENGINES:
            result = one_run(engine, count, env)
            if "error" not in result:
                results[engine].append(result)
    rows: list[Row] = []
    figures = [("first", "first cue on a cold cache", "ms", 3, "process start and voice load included"),
               ("all", "whole program cached ({cues} cues)", "s", 1, "both built-in programs, cold cache"),
               ("rtf", "real-time factor", "x", 3, "render time / clip time"),
               ("memory", "render-process peak memory", "MiB", 0, "VmHWM of the render process"),
               ("stall", "GUI stall while rendering", "ms", 4, "longest 5 ms heartbeat gap")]
    for key, name, unit, digits, note in figures:
        values = {e: [round(r[key], digits) for r in results[e]] for e in ENGINES}
        medians = {e: statistics.median(v) if v else None for e, v in values.items()}
        cues = int(results["piper"][0]["cues"]) if results["piper"] else 0
        for engine in ENGINES:
            target, ok = "", None
            if key == "stall" and medians[engine] is not None:
                target, ok = "<= 50 ms", bool(medians[engine] <= 0.050)  # type: ignore[operator]
            rows.append(Row(f"6. voice, {LABELS[engine]}: {name.format(cues=cues)}", medians[engine], unit,
                            floor=medians["pyttsx3"] if engine == "piper" else None, target=target, ok=ok,
                            note=note if engine == "piper" else f"{len(values[engine])} run(s)"))
    return rows


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--quick", action="store_true")
    parser.add_argument("--measure", nargs=2, metavar=("ENGINE", "FOLDER"), help=argparse.SUPPRESS)
    parser.add_argument("--count", type=int, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.measure:
        print(json.dumps(measure(args.measure[0], Path(args.measure[1]), args.count)))
        return 0
    from common import table

    settings = Settings(runs=1 if args.quick else args.runs, quick=args.quick, env=dict(os.environ),
                        work=Path(tempfile.gettempdir()), sessions=0)
    print(table(run(settings)))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
