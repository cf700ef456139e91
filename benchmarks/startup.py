"""1. Start-up: process start to the end of the first paint of the main window, app against the floor,
timed inside the process by the probe, then from outside by the X server (outside.py).

The parent notes ``time.monotonic()`` just before spawning; the probe (see probe.py) prints the
monotonic time when the first paint pass of the main window is over. The floor is a bare PySide6
QMainWindow with a QLabel, shown the same way, measured in the same run, interleaved with the app.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

import outside
from common import Row, Settings, median, probe_args, returning_user, run_child

TARGET_RATIO = 1.5
HEAVY_MODULES = ("PySide6.QtMultimedia", "PySide6.QtTextToSpeech", "pyttsx3", "PySide6.QtCharts")
_IMPORT_LINE = re.compile(r"^import time:\s+\d+ \|\s+\d+ \|(\s*)(\S+)$")


def first_paint(settings: Settings, target: str, app_args: Sequence[str] = ()) -> float:
    """Seconds from spawn to the end of the first paint, for one run."""
    result = run_child(probe_args("paint", target, app_args), settings.env, timeout=60)
    if "first_paint" not in result.payload:
        raise RuntimeError(f"start-up probe of {target} failed: {result.payload}")
    return float(result.payload["first_paint"]) - result.started


def paired_medians(settings: Settings, app_args: Sequence[str]) -> tuple[float, float]:
    """Median start-up of the floor and of the app, interleaved run by run after one warm-up each."""
    first_paint(settings, "floor")
    first_paint(settings, "app", app_args)
    floors, apps = [], []
    for _ in range(settings.runs):
        floors.append(first_paint(settings, "floor"))
        apps.append(first_paint(settings, "app", app_args))
    return median(floors) or 0.0, median(apps) or 0.0


def heavy_imports_before_paint(settings: Settings, app_args: Sequence[str]) -> list[str]:
    """Heavy modules (multimedia, speech, charts) that ``python -X importtime`` shows before the first paint."""
    result = run_child(probe_args("paint", "app", app_args, python_flags=("-X", "importtime")), settings.env,
                       timeout=60)
    names = set()
    for line in result.stderr.splitlines():
        match = _IMPORT_LINE.match(line)
        if match:
            names.add(match.group(2))
    return sorted(n for n in names if n.startswith(HEAVY_MODULES))


def run(settings: Settings) -> list[Row]:
    data = returning_user(settings.work / "startup-data")
    args = ["--data-dir", str(data)]
    floor, app = paired_medians(settings, args)
    heavy = heavy_imports_before_paint(settings, args)
    return [
        Row("1. start-up, bare QMainWindow + QLabel (floor)", floor),
        Row("1. start-up to first paint, psoas-coach", app, floor=floor, target=f"ratio <= {TARGET_RATIO}",
            ok=app / floor <= TARGET_RATIO if floor else None, note="no sessions stored, safety note already accepted"),
        Row("1. heavy imports before first paint", float(len(heavy)), unit="", target="none", ok=not heavy,
            note=", ".join(heavy) or "QtMultimedia, QtTextToSpeech, pyttsx3, QtCharts all deferred"),
        *outside.run(settings),
    ]

