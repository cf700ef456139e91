"""Run the benchmarks and print one table: start-up, timing, responsiveness, scale, memory, voice.

    python benchmarks/run.py              # every benchmark, 5 runs each (about 12 minutes)
    python benchmarks/run.py --quick      # a smoke run in seconds: 1 run, short sessions, small store
    python benchmarks/run.py --only startup scale --runs 3

Each figure is a median over the runs; where Qt sets a floor (a bare window), the floor is measured
in the same run and the ratio printed. See benchmarks/README.md for what each figure means.
"""

from __future__ import annotations

import argparse
import importlib
import os
import platform
import sys
import tempfile
import time
from contextlib import ExitStack
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from common import Row, Settings, table  # noqa: E402
from services import display, sound_server  # noqa: E402

BENCHMARKS = ("startup", "timing", "scale", "memory", "voice")
DROPPED_ENV = ("QT_QPA_PLATFORM", "DISPLAY", "WAYLAND_DISPLAY", "PSOAS_COACH_HOME", "PULSE_SERVER")


def machine() -> str:
    import PySide6

    load = ", ".join(f"{x:.2f}" for x in os.getloadavg())
    return (f"{platform.node()}: {os.cpu_count()} cores, Python {platform.python_version()}, "
            f"PySide6 {PySide6.__version__}, load average {load}")


def parse(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--quick", action="store_true", help="smoke run: seconds, not minutes (figures mean little)")
    parser.add_argument("--runs", type=int, help="runs per figure (default 5, or 1 with --quick)")
    parser.add_argument("--only", nargs="+", choices=BENCHMARKS, help="run only these benchmarks")
    parser.add_argument("--display", choices=("xvfb", "offscreen"),
                        help="where windows go (default: a private Xvfb if installed, offscreen with --quick)")
    parser.add_argument("--sound", choices=("auto", "none"),
                        help="auto: a private PulseAudio null sink when pulseaudio is installed, so speech plays "
                        "(default); none: no audio output, captions only (default with --quick)")
    parser.add_argument("--sessions", type=int, help="stored sessions for the scale benchmark (default 5000)")
    return parser.parse_args(argv)


def main(argv: list[str] | None = None) -> int:
    args = parse(argv)
    runs = args.runs or (1 if args.quick else 5)
    chosen = args.only or list(BENCHMARKS)
    base_env = {k: v for k, v in os.environ.items() if k not in DROPPED_ENV}
    rows: list[Row] = []
    started = time.monotonic()
    print(f"# {time.strftime('%Y-%m-%d %H:%M %Z')} - {machine()}", flush=True)
    with ExitStack() as stack:
        work = Path(stack.enter_context(tempfile.TemporaryDirectory(prefix="psoas-bench-")))
        screen = stack.enter_context(display(args.display or ("offscreen" if args.quick else "xvfb")))
        want_sound = (args.sound or ("none" if args.quick else "auto")) == "auto"
        sound = stack.enter_context(sound_server()) if want_sound else {}
        env = {**base_env, **screen, **sound}
        settings = Settings(runs=runs, quick=args.quick, env=env, work=work,
                            sessions=args.sessions or (50 if args.quick else 5000))
        print(f"# display {screen.get('QT_QPA_PLATFORM')}, sound {'null sink' if sound else 'none (captions only)'}, "
              f"{runs} run(s) per figure", flush=True)
        for name in chosen:
            module = importlib.import_module(name)
            t0 = time.monotonic()
            new = module.run(settings)
            rows += new
            print(f"# {name}: {time.monotonic() - t0:.0f} s", flush=True)
            print(table(new), flush=True)
    print()
    for line in settings.log:
        print(f"# {line}")
    print(table(rows))
    print(f"# total {time.monotonic() - started:.0f} s; load average now "
          + ", ".join(f"{x:.2f}" for x in os.getloadavg()))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
