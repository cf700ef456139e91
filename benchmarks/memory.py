"""5. Memory: peak resident memory (ru_maxrss, read with os.wait4 for that child alone) of a whole
session at high speed, with speech on, against the bare window shown for half a second (the floor)."""

from __future__ import annotations

from common import Row, Settings, median, probe_args, run_child
from timing import PROGRAM_ID, WEDGE_SIGNS, write_program

PROGRAM = "foundation"
SPEED = 200.0
QUICK_SPEED = 60.0


def run(settings: Settings) -> list[Row]:
    floors, apps = [], []
    program = PROGRAM_ID if settings.quick else PROGRAM
    speed = QUICK_SPEED if settings.quick else SPEED
    steps = 0
    failed: list[str] = []
    for i in range(settings.runs):
        data = settings.work / f"memory-{i}"
        write_program(data)
        floor = run_child(probe_args("session", "floor"), settings.env, timeout=60)
        try:
            app = run_child(probe_args("session", "app", ["--data-dir", str(data), "--program", program,
                                                          "--speed", str(speed)]), settings.env, timeout=120)
        except RuntimeError as exc:
            text = str(exc)
            failed.append("wedged (see figure 3)" if any(sign in text for sign in WEDGE_SIGNS)
                          else text.splitlines()[-1][:160])
            continue
        if "transitions" not in app.payload:
            raise RuntimeError(f"memory probe failed: {app.payload}")
        steps = len(app.payload["transitions"])
        floors.append(floor.maxrss_kib / 1024)
        apps.append(app.maxrss_kib / 1024)
    floor_mib = median(floors)
    app_mib = median(apps)
    return [
        Row("5. peak memory, bare QMainWindow + QLabel (floor)", floor_mib, unit="MiB"),
        Row(f"5. peak memory, whole '{program}' session at --speed {speed:g}", app_mib, unit="MiB",
            floor=floor_mib, note=f"{steps} steps, " + ("speech on (QtMultimedia, pyttsx3 worker)" if "PULSE_SERVER" in settings.env
                                      else "no audio output: captions only")
            + (f"; {len(failed)} of {settings.runs} runs never finished: {failed[0]}" if failed else "")),
    ]
