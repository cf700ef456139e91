"""Child-side harness: runs the app (or the bare-window floor) and prints one ``PROBE {json}`` line.

Modes:
  paint    print the monotonic time at the end of the first paint pass of the main window, then exit.
  history  (app) once the window has painted, open the History screen and time it to its first paint.
  settle   (app) from the first paint, no session: a 10 ms heartbeat over the start-up steps that
           follow it and the seconds after (``settle:2`` for 2 s; default 5 s), on home.
  session  (app) follow a whole session started with ``--program``: step transitions against the
           monotonic schedule, a naive 1 s tick-counting countdown beside it, and a 10 ms heartbeat
           measuring event-loop stalls; (floor) show the bare window for a moment.
The parent spawns this script, so ``time.monotonic()`` (system-wide CLOCK_MONOTONIC on Linux) is
comparable between the two processes. Every mode leaves with ``os._exit`` right after printing, so
no shutdown work is timed or can hang the benchmark; the parent reads ru_maxrss with ``os.wait4``.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("mode", help="paint, history, session, or settle[:SECONDS]")
    parser.add_argument("target", choices=("floor", "app"))
    parser.add_argument("--naive", action="store_true", help="also run a naive tick-counting countdown")
    parser.add_argument("app_args", nargs=argparse.REMAINDER)
    args = parser.parse_args()
    if args.target == "floor":
        from probe_qt import install, run_floor

        keep = install(args.mode, args.target, args.naive)  # noqa: F841 (kept alive for the run)
        sys.exit(run_floor())
    # The app's own import order: psoas_coach.app (Qt-free) first, Qt only once run_gui starts.
    sys.path.insert(0, str(ROOT))
    from psoas_coach import app as app_module

    run_gui = app_module.run_gui

    def measured_run_gui(*a: Any) -> int:
        from probe_qt import install

        keep = install(args.mode, args.target, args.naive)  # noqa: F841 (kept alive for the run)
        return int(run_gui(*a))

    app_module.run_gui = measured_run_gui  # type: ignore[assignment]
    sys.exit(app_module.main([a for a in args.app_args if a != "--"]))


if __name__ == "__main__":
    main()
