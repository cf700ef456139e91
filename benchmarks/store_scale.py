"""Store at scale: save cost, load_all and `psoas-coach history` with N sessions stored (default 5,000).

Run: .venv/bin/python benchmarks/store_scale.py [N]. Prints milliseconds; not part of the test suite.
"""

from __future__ import annotations

import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from psoas_coach.store.sessions import SessionStore, encode  # noqa: E402
from tests.store.helpers import make_record  # noqa: E402


def _ms(seconds: float) -> str:
    return f"{seconds * 1000:.1f} ms"


def main(n: int = 5000) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        home = Path(tmp)
        store = SessionStore(home / "sessions")
        empty = SessionStore(home / "empty")
        store.folder.mkdir(parents=True)
        for i in range(n):
            record = make_record(i)
            store.path_for(record).write_bytes(encode(record))
        for label, target in (("save, 0 stored", empty), (f"save, {n} stored", store)):
            times = []
            for k in range(20):
                t0 = time.perf_counter()
                target.save(make_record(1_000_000 + k))
                times.append(time.perf_counter() - t0)
            print(f"{label}: median {_ms(statistics.median(times))}, max {_ms(max(times))}")
        times = []
        for _ in range(5):
            t0 = time.perf_counter()
            sessions = store.load_all().sessions
            times.append(time.perf_counter() - t0)
        print(f"load_all of {len(sessions)}: median {_ms(statistics.median(times))}")
        cmd = [sys.executable, "-m", "psoas_coach", "--data-dir", str(home), "history"]
        times = []
        for _ in range(5):
            t0 = time.perf_counter()
            subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL)
            times.append(time.perf_counter() - t0)
        print(f"`psoas-coach history` with {n} sessions (whole process): median {_ms(statistics.median(times))}")
        t0 = time.perf_counter()
        subprocess.run([*cmd[:-1], "--version"], check=True, stdout=subprocess.DEVNULL)
        print(f"  of which start-up (`--version`): {_ms(time.perf_counter() - t0)}")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 5000)
