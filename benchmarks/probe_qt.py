"""Qt-side measuring objects of the probe: first paint, heartbeat, naive countdown, session watch.

Imported by probe.py only when the QApplication is being made, so the app keeps its own import order.
"""

from __future__ import annotations

import json
import os
import sys
import time
from pathlib import Path
from typing import Any

from PySide6.QtCore import QEvent, QObject, Qt, QTimer
from PySide6.QtWidgets import QApplication, QLabel, QMainWindow, QWidget

HEARTBEAT_MS = 10
FLOOR_SESSION_SECONDS = 0.5
ATTACH_TRIES = 1000  # 10 ms apart
SETTLE_SECONDS = 5.0


def emit(payload: dict[str, Any]) -> None:
    """The one result line, then leave at once."""
    sys.stdout.write("PROBE " + json.dumps(payload) + "\n")
    sys.stdout.flush()
    os._exit(0)


class FirstPaint(QObject):
    """App-wide event filter: on the first Paint of a widget inside a QMainWindow, wait for the end of
    that paint pass (a zero timer runs once the event loop is idle again) and call back."""

    def __init__(self, callback: Any) -> None:
        super().__init__()
        self.callback = callback
        self.seen = False

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt override)
        if not self.seen and event.type() == QEvent.Type.Paint and isinstance(watched, QWidget):
            if isinstance(watched.window(), QMainWindow):
                self.seen = True
                QTimer.singleShot(0, self.callback)
        return False


class HistoryOpen(QObject):
    """After the first paint: open the History screen and time it until its own first paint is over."""

    def __init__(self) -> None:
        super().__init__()
        self.started = 0.0
        self.screen: QWidget | None = None

    def open(self) -> None:
        from psoas_coach.ui.main_window import MainWindow

        window = next(w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow))
        if not hasattr(window, "show_history"):
            emit({"history_open": None})
        QApplication.instance().installEventFilter(self)  # type: ignore[union-attr]
        self.started = time.monotonic()
        window.show_history()
        self.screen = window.history

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt override)
        if self.screen is not None and event.type() == QEvent.Type.Paint and isinstance(watched, QWidget):
            if watched is self.screen or self.screen.isAncestorOf(watched):
                self.screen = None
                QTimer.singleShot(0, lambda: emit({"history_open": time.monotonic() - self.started}))
        return False


class Heartbeat(QObject):
    """A 10 ms precise timer; the gaps between its ticks show how long the event loop was busy."""

    def __init__(self) -> None:
        super().__init__()
        self.gaps: list[float] = []
        self.last = time.monotonic()
        self.timer = QTimer(self)
        self.timer.setTimerType(Qt.TimerType.PreciseTimer)
        self.timer.setInterval(HEARTBEAT_MS)
        self.timer.timeout.connect(self.beat)
        self.timer.start()
        self.since = self.last

    def restart(self) -> None:
        """Forget what came before (start-up); measure from now on."""
        self.gaps = []
        self.last = self.since = time.monotonic()

    def beat(self) -> None:
        now = time.monotonic()
        self.gaps.append(now - self.last)
        self.last = now

    def summary(self) -> dict[str, Any]:
        gaps = sorted(self.gaps)
        worst = max(range(len(self.gaps)), key=self.gaps.__getitem__) if self.gaps else None
        return {"beats": len(gaps), "max_gap": gaps[-1] if gaps else None,
                "p99_gap": gaps[int(len(gaps) * 0.99)] if gaps else None,
                "max_gap_after": sum(self.gaps[:worst]) if worst is not None else None,
                "over_50ms": sum(1 for g in gaps if g > 0.050)}


class StallSampler:
    """A watchdog thread: when the heartbeat is late by more than 40 ms, note what the GUI thread is
    running (its innermost frames), so a stall can be traced to its code."""

    def __init__(self, heartbeat: Heartbeat) -> None:
        import threading

        self.heartbeat = heartbeat
        self.main = threading.main_thread().ident
        self.samples: dict[str, int] = {}
        self.thread = threading.Thread(target=self.run, name="stall-sampler", daemon=True)
        self.thread.start()

    def run(self) -> None:
        import traceback

        while True:
            time.sleep(0.005)  # the sampler's own thread; the GUI thread is what is measured
            late = time.monotonic() - self.heartbeat.last
            if late > 0.040 and self.main is not None:
                frame = sys._current_frames().get(self.main)
                if frame is not None:
                    where = " <- ".join(f"{Path(f.filename).name}:{f.lineno} {f.name}"
                                        for f in reversed(traceback.extract_stack(frame)[-6:]))
                    self.samples[where] = self.samples.get(where, 0) + 1

    def top(self, n: int = 8) -> list[tuple[str, int]]:
        return sorted(self.samples.items(), key=lambda kv: -kv[1])[:n]


class NaiveCountdown(QObject):
    """The drifting way: a 1 s QTimer (default coarse type) counting ticks down through each step.

    At ``--speed F`` a tick is 1/F s, so the naive countdown keeps pace with the engine's session time.
    """

    def __init__(self, seconds: list[int], speed: float, *, chained: bool = False) -> None:
        super().__init__()
        self.chained = chained
        self.ends: list[float] = []  # monotonic time at which each step's count reached zero
        self.schedule: list[float] = []
        self.seconds = seconds
        self.left = seconds[0] if seconds else 0
        self.start = time.monotonic()
        total = 0
        for s in seconds:
            total += s
            self.schedule.append(self.start + total / speed)
        self.timer = QTimer(self)
        self.timer.setInterval(round(1000 / speed))
        self.timer.setSingleShot(chained)
        self.timer.timeout.connect(self.tick)
        self.timer.start()

    def tick(self) -> None:
        if self.chained:
            self.timer.start()  # the next second counted from now: each tick's lateness adds up
        self.left -= 1
        while self.left <= 0 and len(self.ends) < len(self.seconds):
            self.ends.append(time.monotonic())
            if len(self.ends) < len(self.seconds):
                self.left += self.seconds[len(self.ends)]
        if len(self.ends) == len(self.seconds):
            self.timer.stop()

    def errors(self) -> list[float]:
        return [end - due for end, due in zip(self.ends, self.schedule)]


class SessionWatch(QObject):
    """Follows the window's session: presses Next on steps that wait for the user, records every
    step transition, and reports when the session finishes."""

    def __init__(self, heartbeat: Heartbeat, naive: bool) -> None:
        super().__init__()
        self.heartbeat = heartbeat
        self.want_naive = naive
        self.window: Any = None
        self.engine: Any = None
        self.transitions: list[dict[str, Any]] = []
        self.naive: list[NaiveCountdown] = []
        self.tries = 0
        self.fired = 0.0
        self.sampler: StallSampler | None = None
        self.poll = QTimer(self)
        self.poll.setInterval(50)
        self.poll.timeout.connect(self.advance_waiting)

    def attach(self) -> None:
        from psoas_coach.ui.main_window import MainWindow

        windows = [w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow)]
        if not windows or windows[0].engine is None:  # the app may start --program a moment after show
            self.tries += 1
            if self.tries > ATTACH_TRIES:
                emit({"error": "no session started (is --program given?)"})
            QTimer.singleShot(10, self.attach)
            return
        self.window = windows[0]
        self.engine = self.window.engine
        self.heartbeat.restart()
        self.sampler = StallSampler(self.heartbeat)
        # First in line: the moment the engine fires the transition, before the app's own handlers run.
        self.engine.signals.step_changed._slots.insert(0, self.on_fired)
        self.engine.signals.step_changed.connect(self.on_step)
        self.window.session_finished.connect(self.on_finished)
        self.poll.start()
        self.advance_waiting()

    def advance_waiting(self) -> None:
        engine = self.engine
        if engine.state.value == "running" and engine.step.duration is None:
            self.window.next_step()

    def on_fired(self, step: Any) -> None:
        self.fired = time.monotonic()

    def on_step(self, step: Any) -> None:
        now = time.monotonic()
        engine = self.engine
        self.transitions.append({"at": self.fired, "handled": now, "index": engine.index, "kind": step.kind.value,
                                 "duration": step.duration, "started_at": engine.step_started_at})
        if self.want_naive and not self.naive and step.duration is not None:
            later = [int(round(s.duration)) for s in engine.plan.steps[engine.index:] if s.duration is not None]
            self.naive = [NaiveCountdown(later, engine.clock.speed, chained=chained) for chained in (False, True)]

    def on_finished(self, result: Any) -> None:
        from psoas_coach.speech.cue_player import CuePlayer

        coaches = QApplication.instance().findChildren(CuePlayer)  # type: ignore[union-attr]
        coach = coaches[0] if coaches else None
        clock = self.engine.clock
        emit({
            "origin": getattr(clock, "_origin", None),
            "speed": clock.speed,
            "transitions": self.transitions,
            "naive_errors": self.naive[0].errors() if self.naive else [],
            "chained_errors": self.naive[1].errors() if self.naive else [],
            "heartbeat": self.heartbeat.summary(),
            "stalls": self.sampler.top() if self.sampler is not None else [],
            "speaker": type(coach.speaker).__name__ if coach is not None else None,
            "muted": coach.muted if coach is not None else None,
            "cues_started": len(coach.spoken) if coach is not None else 0,
        })


class Settle(QObject):
    """From the first paint, with no session: the heartbeat over the app's start-up steps (session
    view, coaching, voice, the speech backend, today's line) and the seconds after, on home."""

    def __init__(self, heartbeat: Heartbeat, seconds: float) -> None:
        super().__init__()
        self.heartbeat = heartbeat
        self.seconds = seconds
        self.sampler: StallSampler | None = None
        self.painted = 0.0
        self.steps_over: float | None = None
        self.poll = QTimer(self)
        self.poll.setInterval(HEARTBEAT_MS)
        self.poll.timeout.connect(self.check)

    def start(self) -> None:
        self.painted = time.monotonic()
        self.heartbeat.restart()
        self.sampler = StallSampler(self.heartbeat)
        self.poll.start()
        QTimer.singleShot(int(self.seconds * 1000), self.done)

    def steps(self) -> Any:
        from psoas_coach.ui.main_window import MainWindow

        windows = [w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow)]
        startup = getattr(windows[0].finish_start_up, "__self__", None) if windows else None
        return getattr(startup, "steps", None)  # ui.startup.StartUp's step runner

    def check(self) -> None:
        steps = self.steps()
        if self.steps_over is None and steps is not None and not steps.pending:
            self.steps_over = time.monotonic() - self.painted

    def done(self) -> None:
        steps = self.steps()
        emit({"heartbeat": self.heartbeat.summary(), "stalls": self.sampler.top() if self.sampler else [],
              "steps_done": list(steps.done) if steps is not None else [],
              "steps_pending": list(steps.pending) if steps is not None else [],
              "steps_over": self.steps_over})


def install(mode: str, target: str, naive: bool) -> list[QObject]:
    """Create the QApplication and hang the measuring objects on it; returns them to keep alive."""
    app = QApplication.instance() or QApplication(sys.argv[:1])
    if mode == "paint":
        paint = FirstPaint(lambda: emit({"first_paint": time.monotonic()}))
        app.installEventFilter(paint)
        return [paint]
    if mode == "history":
        history = HistoryOpen()
        paint = FirstPaint(history.open)
        app.installEventFilter(paint)
        return [paint, history]
    heartbeat = Heartbeat()
    if mode.startswith("settle"):
        settle = Settle(heartbeat, float(mode.partition(":")[2] or SETTLE_SECONDS))
        paint = FirstPaint(settle.start)
        app.installEventFilter(paint)
        return [heartbeat, settle, paint]
    if target == "floor":
        QTimer.singleShot(int(FLOOR_SESSION_SECONDS * 1000), lambda: emit({"heartbeat": heartbeat.summary()}))
        return [heartbeat]
    watch = SessionWatch(heartbeat, naive)
    QTimer.singleShot(0, watch.attach)
    return [heartbeat, watch]


def run_floor() -> int:
    """The floor: what Qt itself costs for a main window with one label."""
    app = QApplication.instance() or QApplication(sys.argv[:1])
    window = QMainWindow()
    window.setWindowTitle("Floor")
    window.setCentralWidget(QLabel("Psoas Coach"))
    window.resize(1366, 768)
    window.show()
    return int(app.exec())
