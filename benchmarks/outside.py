"""1. Start-up seen from outside: from spawning a command to its window mapped and first drawn, as the
X server sees it, for the unmodified app and an unmodified bare QMainWindow script alike.

Nothing is loaded into the measured process: a separate X client (python-xlib) watches the root
window of a private Xvfb for new top-level windows (CreateNotify), puts a DAMAGE object on each
(report level NonEmpty: one event at the first drawing), and notes ``time.monotonic()`` when one is
mapped (MapNotify, when the watcher reads it) and when the first drawing lands in a mapped one
(DamageNotify, by the server's own timestamp, so a watcher scheduled late on a busy machine does
not move it): Qt draws a whole frame into its backing store and puts it on the window in one go,
so that is the first frame a user sees. The command is then killed with its process group. App and floor alternate,
after one warm-up run of each.

    .venv/bin/python benchmarks/outside.py --runs 11          # prints the figures
"""

from __future__ import annotations

import argparse
import compileall
import os
import select
import signal
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from contextlib import ExitStack
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from common import ROOT, Row, Settings, median, returning_user
from services import die_with_parent, display

BARE_WINDOW = Path(__file__).resolve().parent / "bare_window.py"
TARGET_RATIO = 1.5


@dataclass
class FirstFrame:
    mapped: float  # seconds from spawn to MapNotify of its first top-level window
    drawn: float  # seconds from spawn to the first DamageNotify on a mapped top-level window
    cpu: float  # the command's main thread's CPU seconds, read the moment the first drawing is seen


def main_thread_cpu(pid: int) -> float:
    """CPU seconds of a process's main thread so far (``/proc/<pid>/schedstat``: ns on a CPU)."""
    try:
        return int(Path(f"/proc/{pid}/schedstat").read_text().split()[0]) / 1e9
    except (OSError, ValueError, IndexError):
        return float("nan")


class WindowWatcher:
    """An X client on the test display that sees other clients' top-level windows appear and draw."""

    def __init__(self, display_name: str) -> None:
        from Xlib import X, display
        from Xlib.ext import damage

        self.X = X
        self.damage = damage
        self.display = display.Display(display_name)
        if not self.display.has_extension("DAMAGE"):
            raise RuntimeError(f"the X server at {display_name} has no DAMAGE extension")
        self.display.damage_query_version()
        # a window may be gone before its DAMAGE object is made (Qt's short-lived helper windows):
        # that X error is expected and says nothing about the command
        self.display.set_error_handler(lambda error, request: None)
        self.damage_event = self.display.extension_event.DamageNotify
        self.root = self.display.screen().root
        self.root.change_attributes(event_mask=X.SubstructureNotifyMask)
        self.display.sync()

    def close(self) -> None:
        self.display.close()

    def _drain(self) -> None:
        self.display.sync()
        while self.display.pending_events():
            self.display.next_event()

    def first_frame(self, argv: Sequence[str], env: dict[str, str], timeout: float = 60.0,
                    settled: Callable[[], bool] | None = None) -> FirstFrame:
        """Spawn ``argv``, wait for its first window to be mapped and drawn (and, given *settled*, for that to
        say the command has finished what it does after its first frame), kill it."""
        X = self.X  # noqa: N806 - Xlib's constants module, by its usual name
        self._drain()
        mapped: dict[int, float] = {}
        with tempfile.TemporaryFile("w+") as err:
            started = time.monotonic()
            proc = subprocess.Popen(list(argv), env=env, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=err,
                                    start_new_session=True, preexec_fn=die_with_parent)
            try:
                deadline = started + timeout
                while True:
                    while self.display.pending_events():
                        event = self.display.next_event()
                        now = time.monotonic()
                        if event.type == X.CreateNotify:
                            event.window.damage_create(self.damage.DamageReportNonEmpty)
                            self.display.flush()
                        elif event.type == X.MapNotify:
                            mapped.setdefault(event.window.id, now)
                        elif event.type == self.damage_event and event.drawable.id in mapped:
                            cpu = main_thread_cpu(proc.pid)
                            drawn = server_time(event.timestamp, now)
                            if settled is not None:
                                wait_until(settled, deadline)
                            return FirstFrame(mapped[event.drawable.id] - started, drawn - started, cpu)
                    if proc.poll() is not None or time.monotonic() > deadline:
                        err.seek(0)
                        raise RuntimeError(f"{' '.join(argv)}: no window drawn (exit {proc.returncode}):\n"
                                           f"{err.read()[-2000:]}")
                    select.select([self.display.fileno()], [], [], 0.05)
            finally:
                try:
                    os.killpg(proc.pid, signal.SIGKILL)
                except ProcessLookupError:
                    pass
                proc.wait()


def wait_until(condition: Callable[[], bool], deadline: float) -> None:
    """Poll *condition* until it holds or *deadline* (``time.monotonic()``) passes."""
    while not condition() and time.monotonic() < deadline:
        time.sleep(0.05)


def has_used_the_app(data: Path) -> Callable[[], bool]:
    """True once the app has kept what a start leaves for the next one (home's drawings, saved by a start-up
    step after the first frame): the warm-up run then stands for the user's earlier days."""
    drawings = data / "cache" / "drawings"
    return lambda: drawings.is_dir() and any(drawings.glob("*.png"))


def server_time(timestamp_ms: int, received: float) -> float:
    """The moment of an X event by the server's own clock, in ``time.monotonic()`` seconds.

    Xorg and Xvfb stamp events with CLOCK_MONOTONIC in milliseconds (32 bits, wrapping), the clock
    ``time.monotonic()`` reads, so a watcher that is scheduled late still gets the true moment. A
    server with another clock (off by more than a second) falls back to when the event was read.
    """
    late = ((int(received * 1000) - timestamp_ms) % 2**32) / 1000
    return received - late if late < 1.0 else received


def app_command(data: Path) -> list[str]:
    """The app as a user starts it: the installed gui-script, no probe, a returning user's data dir."""
    script = Path(sys.executable).with_name("psoas-coach")
    return [str(script), "--data-dir", str(data)]


def floor_command() -> list[str]:
    return [sys.executable, str(BARE_WINDOW)]


def paired(watcher: WindowWatcher, env: dict[str, str], data: Path, runs: int) -> dict[str, Any]:
    """Medians of the floor and the app, interleaved run by run after one warm-up each (the app's runs to the
    end of its start-up, as a returning user's earlier days did)."""
    watcher.first_frame(floor_command(), env)
    watcher.first_frame(app_command(data), env, settled=has_used_the_app(data))
    floors: list[FirstFrame] = []
    apps: list[FirstFrame] = []
    for _ in range(runs):
        floors.append(watcher.first_frame(floor_command(), env))
        apps.append(watcher.first_frame(app_command(data), env))
    return {
        "floor_drawn": median([f.drawn for f in floors]),
        "app_drawn": median([f.drawn for f in apps]),
        "floor_mapped": median([f.mapped for f in floors]),
        "app_mapped": median([f.mapped for f in apps]),
        "floor_cpu": median([f.cpu for f in floors]),
        "app_cpu": median([f.cpu for f in apps]),
        "pair_ratios": sorted(a.drawn / f.drawn for a, f in zip(apps, floors)),
    }


def measure(env: dict[str, str], work: Path, runs: int) -> dict[str, Any] | str:
    """The figures, or why there are none (no Xvfb, no python-xlib)."""
    try:
        import Xlib  # noqa: F401
    except ImportError:
        return "python-xlib is not installed (pip install -e '.[test]')"
    # a normal day: the package's bytecode was written by earlier runs (PYTHONDONTWRITEBYTECODE would
    # otherwise leave every edited module to be compiled again on each run)
    compileall.compile_dir(ROOT / "psoas_coach", quiet=1)
    with display("xvfb") as screen:
        if "DISPLAY" not in screen:
            return "no Xvfb on this machine"
        data = returning_user(work / "outside-data")
        child_env = {**env, **screen}
        watcher = WindowWatcher(screen["DISPLAY"])
        try:
            return paired(watcher, child_env, data, runs)
        finally:
            watcher.close()


def run(settings: Settings) -> list[Row]:
    figures = measure(settings.env, settings.work, settings.runs)
    name_floor = "1. seen from outside: bare QMainWindow script, spawn to first frame (floor)"
    name_app = "1. seen from outside: psoas-coach, spawn to first frame"
    name_floor_cpu = "1. seen from outside: bare script, main-thread CPU to first frame (floor)"
    name_app_cpu = "1. seen from outside: psoas-coach, main-thread CPU to first frame"
    if isinstance(figures, str):
        return [Row(name, None, note=figures) for name in (name_floor, name_app, name_floor_cpu, name_app_cpu)]
    floor, app = figures["floor_drawn"], figures["app_drawn"]
    ratios = figures["pair_ratios"]
    floor_cpu, app_cpu = figures["floor_cpu"], figures["app_cpu"]
    return [
        Row(name_floor, floor, note=f"mapped at {figures['floor_mapped'] * 1000:.0f} ms"),
        Row(name_floor_cpu, floor_cpu),
        Row(name_app_cpu, app_cpu, floor=floor_cpu,
            note="/proc/<pid>/schedstat read when the first drawing is seen; steadier than wall time on a busy machine"),
        Row(name_app, app, floor=floor, target=f"ratio <= {TARGET_RATIO}", ok=app / floor <= TARGET_RATIO,
            note=f"mapped at {figures['app_mapped'] * 1000:.0f} ms; run-by-run ratios "
                 f"{ratios[0]:.2f}-{ratios[-1]:.2f}; safety note accepted, no sessions"),
    ]


def main(argv: list[str] | None = None) -> int:
    from common import table

    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--runs", type=int, default=11)
    args = parser.parse_args(argv)
    env = {k: v for k, v in os.environ.items() if k not in ("QT_QPA_PLATFORM", "DISPLAY", "WAYLAND_DISPLAY",
                                                            "PSOAS_COACH_HOME")}
    with ExitStack() as stack:
        work = Path(stack.enter_context(tempfile.TemporaryDirectory(prefix="psoas-outside-")))
        print(table(run(Settings(runs=args.runs, quick=False, env=env, work=work))))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
