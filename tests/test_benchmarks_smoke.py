"""The benchmark script still runs end to end: a quick pass (seconds), no timing asserted.

One check is not about time: no heavy module (multimedia, speech, charts) is imported before the first paint.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
EXPECTED_ROWS = ("1. start-up to first paint", "1. heavy imports before first paint",
                 "1. seen from outside: bare QMainWindow script", "1. seen from outside: psoas-coach",
                 "2. countdown end error",
                 "2. naive", "3. longest GUI event-loop stall (10 ms", "3. longest GUI event-loop stall, start-up",
                 "4. open the History screen", "4. one save",
                 "4. `psoas-coach history`", "5. peak memory", "6. voice, Piper", "6. voice, espeak-ng")


def test_quick_benchmark_run_prints_every_row() -> None:
    done = subprocess.run([sys.executable, str(ROOT / "benchmarks" / "run.py"), "--quick"], cwd=ROOT,
                          capture_output=True, text=True, timeout=180)
    assert done.returncode == 0, done.stderr[-3000:]
    summary = done.stdout.split("\n\n")[-1]
    for row in EXPECTED_ROWS:
        assert row in summary, f"missing {row!r} in:\n{done.stdout}"
    heavy = next(line for line in summary.splitlines() if "heavy imports before first paint" in line)
    assert "| yes |" in heavy, f"multimedia, speech or charts imported before the first paint:\n{heavy}"
