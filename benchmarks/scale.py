"""4. Scale: a history of N stored sessions (default 5,000), written through the store API.

Records come from real engine runs of the built-in programs (completed, ended early, a pain stop)
with a fake clock, copied under new ids one or two days apart, with ratings and some notes, and
saved with ``SessionStore.save`` (atomic write, fsync) exactly as the app saves them.
Figures: app start-up with that history (against the floor), opening the History screen, one
more save, and the whole ``psoas-coach history`` process.
"""

from __future__ import annotations

import copy
import random
import subprocess
import sys
import time
from datetime import datetime, timedelta, timezone
from functools import lru_cache
from pathlib import Path
from typing import Any

from common import PYTHON, ROOT, Row, Settings, median, probe_args, returning_user, run_child
from services import busy_cpu
from startup import TARGET_RATIO, paired_medians
from timing import SETTLE_SECONDS, TARGET_STALL

TARGET_HISTORY_SCREEN = 0.300
TARGET_SAVE = 0.020
TARGET_HISTORY_COMMAND = 0.500
SAVES = 20
NOTES = ("", "", "", "Felt easy today.", "Left hip a little tight at the start.",
         "Kept the lower back flat on every rep.", "Short on time, stopped early.")

Record = dict[str, Any]


class StepClock:
    """A clock the generator advances by hand: session seconds and a wall time that follows them."""

    def __init__(self, wall: float) -> None:
        self.speed = 1.0
        self._now = 0.0
        self._wall = wall

    def now(self) -> float:
        return self._now

    def wall(self) -> float:
        return self._wall

    def advance(self, seconds: float) -> None:
        self._now += seconds
        self._wall += seconds


@lru_cache(maxsize=1)
def templates() -> tuple[Record, ...]:
    """Real records: each built-in program completed, ended part-way, and stopped for pain."""
    if str(ROOT) not in sys.path:
        sys.path.insert(0, str(ROOT))
    from psoas_coach.core.engine import SessionEngine
    from psoas_coach.core.plan import build_plan
    from psoas_coach.core.program import load_library
    from psoas_coach.store.records import session_record

    out = []
    for program in load_library().programs:
        for ending in ("completed", "ended_early", "pain_stop"):
            clock = StepClock(1_767_000_000.0)
            engine = SessionEngine(build_plan(program), clock)
            engine.start()
            engine.next()
            limit = 10_000 if ending == "completed" else 40
            for _ in range(limit):
                if engine.result is not None:
                    break
                clock.advance(15)
                engine.update()
                if engine.result is None and engine.step.duration is None:
                    engine.next()
            if engine.result is None:
                engine.pain_stop() if ending == "pain_stop" else engine.end_early()
            assert engine.result is not None
            out.append(session_record(engine.result, session_id="template"))
    return tuple(out)


def make_record(n: int, rng: random.Random) -> Record:
    """Session *n* of the generated history: one every one or two days, oldest first."""
    record = copy.deepcopy(rng.choice(templates()))
    start = datetime(2012, 1, 2, 7, 0, tzinfo=timezone.utc) + timedelta(days=1.5 * n, minutes=rng.randint(0, 600))
    length = timedelta(seconds=float(record["duration_seconds"]))
    record["id"] = f"{rng.getrandbits(32):08x}-0000-4000-8000-{n:012d}"
    record["started"] = start.isoformat(timespec="seconds")
    record["ended"] = (start + length).isoformat(timespec="seconds")
    record["updated"] = (start + length).isoformat(timespec="milliseconds")
    record["effort"] = rng.randint(3, 8)
    record["pain"] = rng.choice((0, 0, 0, 1, 1, 2, 3))
    record["notes"] = rng.choice(NOTES)
    return record


def build_history(data: Path, count: int) -> Path:
    """*count* sessions saved through the store API into *data*; returns the data dir."""
    from psoas_coach.store.sessions import SessionStore

    returning_user(data)
    store = SessionStore(data / "sessions")
    rng = random.Random(8)
    for n in range(count):
        store.save(make_record(n, rng))
    return data


def save_times(data: Path, count: int) -> list[float]:
    """One more save each, timed, into the full history (a fresh store object, as after a start)."""
    from psoas_coach.store.sessions import SessionStore

    rng = random.Random(9)
    times = []
    for k in range(SAVES):
        store = SessionStore(data / "sessions")
        record = make_record(count + k, rng)
        t0 = time.perf_counter()
        store.save(record)
        times.append(time.perf_counter() - t0)
    return times


def history_command(settings: Settings, data: Path) -> float:
    cmd = [PYTHON, "-m", "psoas_coach", "--data-dir", str(data), "history"]
    subprocess.run(cmd, env=settings.env, cwd=ROOT, check=True, stdout=subprocess.DEVNULL)  # warm-up
    times = []
    for _ in range(settings.runs):
        t0 = time.perf_counter()
        subprocess.run(cmd, env=settings.env, cwd=ROOT, check=True, stdout=subprocess.DEVNULL)
        times.append(time.perf_counter() - t0)
    return median(times) or 0.0


def history_screen(settings: Settings, data: Path) -> float | None:
    times = []
    for _ in range(settings.runs + 1):  # the first is a warm-up
        result = run_child(probe_args("history", "app", ["--data-dir", str(data)]), settings.env, timeout=120)
        if "history_open" not in result.payload:
            raise RuntimeError(f"history probe failed: {result.payload}")
        if result.payload["history_open"] is None:
            return None
        times.append(float(result.payload["history_open"]))
    return median(times[1:])


def settle_stall(settings: Settings, data: Path) -> float | None:
    """Longest event-loop gap from the first paint over the start-up steps (today's line reads the
    whole history) and the seconds after, on home; the median over the runs."""
    seconds = 1.5 if settings.quick else SETTLE_SECONDS
    gaps = []
    for _ in range(settings.runs):
        with busy_cpu():
            result = run_child(probe_args(f"settle:{seconds}", "app", ["--data-dir", str(data)]), settings.env,
                               timeout=60)
        gap = result.payload.get("heartbeat", {}).get("max_gap")
        if gap is not None:
            gaps.append(float(gap))
    return median(gaps)


def run(settings: Settings) -> list[Row]:
    count = settings.sessions
    t0 = time.monotonic()
    data = build_history(settings.work / "scale-data", count)
    built = time.monotonic() - t0
    floor, app = paired_medians(settings, ["--data-dir", str(data)])
    screen = history_screen(settings, data)
    stall = settle_stall(settings, data)
    saves = save_times(data, count)
    command = history_command(settings, data)
    save = median(saves) or 0.0
    n = f"{count:,} sessions"
    return [
        Row(f"4. start-up to first paint, {n}", app, floor=floor, target=f"ratio <= {TARGET_RATIO}",
            ok=app / floor <= TARGET_RATIO if floor else None, note=f"history written in {built:.0f} s"),
        Row(f"4. open the History screen, {n}", screen, target="<= 300 ms",
            ok=None if screen is None else screen <= TARGET_HISTORY_SCREEN,
            note="no History screen yet" if screen is None else "click to the end of its first paint"),
        Row(f"4. longest GUI stall after the first paint, {n}", stall, target="<= 50 ms",
            ok=None if stall is None else stall <= TARGET_STALL,
            note="no session: the start-up steps, with today's line and proposals read from the whole history"),
        Row(f"4. one save, {n}", save, target="<= 20 ms", ok=save <= TARGET_SAVE,
            note=f"median of {SAVES}, max {max(saves) * 1000:.1f} ms; atomic write with fsync"),
        Row(f"4. `psoas-coach history`, {n}", command, target="<= 500 ms", ok=command <= TARGET_HISTORY_COMMAND,
            note="whole process, output to /dev/null"),
    ]
