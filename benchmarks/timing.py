"""2. Timing accuracy and 3. responsiveness, measured in the same real-time sessions.

The whole app runs a short custom program (``bench-timing``: holds, releases, a side switch, 61 s of
countdowns) at ``--speed 1`` with speech on, while a second process keeps the other core busy. The
probe records the monotonic time of every step transition; the schedule is the first countdown's
start plus the plan's durations, so every error is against the clock, never against the previous
step. Beside it, a naive countdown counts 1 s QTimer ticks through the same durations. A 10 ms
heartbeat timer measures the longest gap of the GUI event loop over the same session, and, in runs
of their own with no session, from the first paint over the app's start-up steps and the seconds
after on home.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from common import Row, Settings, median, probe_args, returning_user, run_child
from services import busy_cpu

TARGET_END_ERROR = 0.010
TARGET_STALL = 0.050
SETTLE_SECONDS = 5.0
PROGRAM_ID = "bench-timing"
PROGRAM = {
    "schema_version": 1,
    "id": PROGRAM_ID,
    "name": "Benchmark timing",
    "description": "Five 3 s holds a side with 1 s releases: many countdown ends in about a minute.",
    "rest_between_exercises": 5,
    "exercises": [{"id": "straight-leg-raise",
                   "dosage": {"kind": "hold", "sets": 1, "reps": 5, "hold_seconds": 3, "release_seconds": 1,
                              "rest_seconds": 5}}],
}
QUICK_SPEED = 20.0
WEDGE_SIGNS = ("Socket notifiers cannot be enabled or disabled from another thread", "QSocketNotifier: Invalid socket")


@dataclass
class SessionFigures:
    """The figures of one real-time session."""

    seconds: float  # real seconds of countdowns measured
    errors: list[float]  # every countdown end: when the engine fired it, minus scheduled (seconds)
    handled: list[float]  # every countdown end: when the app's step-change handlers were done, minus scheduled
    schedule_deviation: float  # largest gap between the engine's recorded step starts and the schedule
    naive_errors: list[float]  # a repeating 1 s QTimer, ticks counted
    chained_errors: list[float]  # a 1 s single-shot QTimer restarted on every tick, ticks counted
    heartbeat: dict[str, Any]
    speaker: str | None
    cues_started: int
    stalls: list[tuple[str, int]] = field(default_factory=list)  # GUI-thread code seen during stalls


def write_program(data: Path) -> None:
    returning_user(data)
    folder = data / "programs"
    folder.mkdir(parents=True, exist_ok=True)
    (folder / f"{PROGRAM_ID}.json").write_text(json.dumps(PROGRAM, indent=2), encoding="utf-8")


def figures(payload: dict[str, Any]) -> SessionFigures:
    """Errors of every countdown end against the monotonic schedule set by the first countdown."""
    if "transitions" not in payload:
        raise RuntimeError(f"timing probe failed: {payload}")
    speed = float(payload["speed"])
    origin = float(payload["origin"])
    steps = payload["transitions"]
    first = next(i for i, t in enumerate(steps) if t["duration"] is not None)
    base = float(steps[first]["started_at"])
    session_time = base
    errors, handled, deviation = [], [], 0.0
    for prev, cur in zip(steps[first:], steps[first + 1 :]):
        session_time += float(prev["duration"])
        due = origin + session_time / speed
        errors.append(float(cur["at"]) - due)
        handled.append(float(cur["handled"]) - due)
        if cur["kind"] != "summary":
            deviation = max(deviation, abs(float(cur["started_at"]) - session_time))
    return SessionFigures(seconds=(session_time - base) / speed, errors=errors, handled=handled,
                          schedule_deviation=deviation,
                          naive_errors=[float(e) for e in payload.get("naive_errors", [])],
                          chained_errors=[float(e) for e in payload.get("chained_errors", [])],
                          heartbeat=payload["heartbeat"], speaker=payload.get("speaker"),
                          cues_started=int(payload.get("cues_started", 0)),
                          stalls=[(str(w), int(n)) for w, n in payload.get("stalls", [])])


def one_session(settings: Settings, index: int) -> SessionFigures | str:
    """The figures of one session, or why it did not finish (a wedged event loop, say)."""
    data = settings.work / f"timing-{index}"
    write_program(data)
    speed = QUICK_SPEED if settings.quick else 1.0
    args = ["--data-dir", str(data), "--program", PROGRAM_ID, "--speed", str(speed)]
    try:
        with busy_cpu():
            result = run_child(probe_args("session", "app", args, naive=True), settings.env,
                               timeout=60 if settings.quick else 130)
    except RuntimeError as exc:
        text = str(exc)
        if any(sign in text for sign in WEDGE_SIGNS):
            return ("wedged: Qt's audio thread destroyed a QSoundEffect voice and its socket notifier, "
                    "the GUI loop spins on the dead socket and the session stops")
        return "did not finish: " + text.splitlines()[-1][:200]
    return figures(result.payload)


def one_settle(settings: Settings, index: int) -> dict[str, Any]:
    """The heartbeat from the first paint over the start-up steps and the seconds after, on home."""
    data = returning_user(settings.work / f"settle-{index}")
    seconds = 1.5 if settings.quick else SETTLE_SECONDS
    with busy_cpu():
        result = run_child(probe_args(f"settle:{seconds}", "app", ["--data-dir", str(data)]), settings.env,
                           timeout=60)
    if "heartbeat" not in result.payload:
        raise RuntimeError(f"settle probe failed: {result.payload}")
    return result.payload


def settle_row(settings: Settings) -> Row:
    runs = [one_settle(settings, i) for i in range(settings.runs)]
    stall = median([float(r["heartbeat"]["max_gap"]) for r in runs if r["heartbeat"].get("max_gap")])
    over = median([float(r["steps_over"]) for r in runs if r.get("steps_over") is not None])
    pending = sorted({name for r in runs for name in r.get("steps_pending", [])})
    for i, r in enumerate(runs):
        for where, count in r.get("stalls", [])[:3]:
            settings.log.append(f"settle {i}: {count} x 5 ms stalled in {where}")
    seconds = 1.5 if settings.quick else SETTLE_SECONDS
    note = (f"no session: {len(runs[0].get('steps_done', []))} start-up steps done {fmt_ms(over)} after the paint, "
            f"then home for the rest of {seconds:g} s")
    if pending:
        note += f"; never done: {', '.join(pending)}"
    return Row("3. longest GUI event-loop stall, start-up after the first paint", stall, target="<= 50 ms",
               ok=stall is not None and stall <= TARGET_STALL and not pending, note=note)


def max_abs(values: list[float]) -> float:
    return max((abs(v) for v in values), default=0.0)


def run(settings: Settings) -> list[Row]:
    settle = settle_row(settings)
    outcomes = [one_session(settings, i) for i in range(settings.runs)]
    sessions = [s for s in outcomes if isinstance(s, SessionFigures)]
    failed = [s for s in outcomes if isinstance(s, str)]
    for reason in failed:
        settings.log.append(f"timing session: {reason}")
    if not sessions:
        why = f"no session of {len(outcomes)} finished: {failed[0]}"
        return [Row("2. countdown end error, worst of each session", None, target="<= 10 ms", ok=False, note=why),
                Row("3. longest GUI event-loop stall (10 ms heartbeat gap)", None, target="<= 50 ms", ok=False,
                    note=why), settle]
    worst = median([max_abs(s.errors) for s in sessions])
    last = median([s.errors[-1] for s in sessions if s.errors])
    mean = median([sum(s.errors) / len(s.errors) for s in sessions if s.errors])
    handled = median([max_abs(s.handled) for s in sessions])
    naive_worst = median([max_abs(s.naive_errors) for s in sessions])
    naive_last = median([s.naive_errors[-1] for s in sessions if s.naive_errors])
    chained_worst = median([max_abs(s.chained_errors) for s in sessions])
    chained_last = median([s.chained_errors[-1] for s in sessions if s.chained_errors])
    deviation = max(s.schedule_deviation for s in sessions)
    stall = median([float(s.heartbeat["max_gap"]) for s in sessions if s.heartbeat.get("max_gap")])
    p99 = median([float(s.heartbeat["p99_gap"]) for s in sessions if s.heartbeat.get("p99_gap")])
    ends = len(sessions[0].errors)
    seconds = sessions[0].seconds
    speakers = sorted({str(s.speaker) for s in sessions})
    cues = median([float(s.cues_started) for s in sessions])
    voiced = any(name != "CaptionOnlySpeaker" for name in speakers)
    speech = ("speech on, " if voiced else "no audio output, so captions only: ") + "/".join(speakers)
    speech += f", {cues:.0f} cues started per session"
    if failed:
        speech += f"; {len(failed)} of {len(outcomes)} sessions never finished ({failed[0]})"
    settings.log.append(f"timing sessions: {[json.dumps(s.heartbeat) for s in sessions]}")
    for i, s in enumerate(sessions):
        for where, count in s.stalls[:3]:
            settings.log.append(f"session {i}: {count} x 5 ms stalled in {where}")
    return [
        Row("2. countdown end error, worst of each session", worst, target="<= 10 ms",
            ok=worst is not None and worst <= TARGET_END_ERROR,
            note=f"{ends} ends over {seconds:.0f} s real time, busy process on the other core; mean {fmt_ms(mean)}"),
        Row("2. error at the last end (cumulative)", last, target="no drift",
            ok=last is not None and abs(last) <= TARGET_END_ERROR,
            note=f"engine's recorded step starts off the schedule by at most {deviation * 1e6:.1f} us"),
        Row("2. countdown end to its screen updated, worst", handled,
            note="the same ends, once every step-change handler of the app has run"),
        Row("2. naive: repeating 1 s QTimer, ticks counted, worst end", naive_worst,
            note=f"same durations, same session; last end {fmt_ms(naive_last)}"),
        Row("2. naive: 1 s single-shot restarted each tick, worst end", chained_worst,
            note=f"lateness adds up tick by tick; last end {fmt_ms(chained_last)}"),
        Row("3. longest GUI event-loop stall (10 ms heartbeat gap)", stall, target="<= 50 ms",
            ok=stall is not None and stall <= TARGET_STALL and not failed, note=f"{speech}; p99 gap {fmt_ms(p99)}"),
        settle,
    ]


def fmt_ms(value: float | None) -> str:
    return "n/a" if value is None else f"{value * 1000:.1f} ms"
