"""Fault test: a process saving in a loop is killed (SIGKILL) at random moments, again and again.

Nothing it reported as saved may be lost, no edit may go backwards, and the store stays readable.
"""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from psoas_coach.store.sessions import SessionStore

pytestmark = pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="needs SIGKILL")

_SAVER = """
import sys
from pathlib import Path
from psoas_coach.store.records import touch
from psoas_coach.store.sessions import SessionStore

def record(n):
    day = f"2026-{1 + n // 28 % 12:02d}-{1 + n % 28:02d}"
    return {"schema_version": 2, "id": f"00000000-0000-4000-8000-{n:012d}", "started": day + "T07:30:00+01:00",
            "ended": day + "T07:50:00+01:00", "updated": day + "T07:50:00.000+01:00", "status": "completed",
            "program": {"id": "foundation", "name": "Foundation"}, "duration_seconds": 1200.0, "exercises": [],
            "notes": ""}

store = SessionStore(Path(sys.argv[1]))
n = int(sys.argv[2])
out = sys.stdout
while True:
    store.save(record(n))
    out.write(f"new {n}\\n"); out.flush()
    if n % 3 == 0:
        store.save(touch(dict(record(n // 2), notes=f"{n}")))
        out.write(f"edit {n // 2} {n}\\n"); out.flush()
    store.save_unfinished({"kind": "psoas-coach-unfinished", "session_id": record(n)["id"], "program_id": "foundation",
                           "finished": True, "engine": None, "record": record(n), "n": n})
    if n % 5 == 0:
        store.load_all()
    n += 1
"""

ROUNDS = 12


def test_kill_9_while_saving_never_loses_a_saved_session(tmp_path: Path) -> None:
    seed = int.from_bytes(os.urandom(4), "little")
    rng = random.Random(seed)
    root = Path(__file__).resolve().parents[2]
    saved: set[int] = set()
    edits: dict[int, int] = {}
    n = 1
    for _ in range(ROUNDS):
        child = subprocess.Popen(
            [sys.executable, "-c", _SAVER, str(tmp_path), str(n)], stdout=subprocess.PIPE, cwd=root, text=True
        )
        assert child.stdout is not None
        wanted = rng.randint(1, 25)
        for _ack in range(wanted):
            line = child.stdout.readline().split()
            assert line, f"the saver stopped early (seed {seed})"
            if line[0] == "new":
                saved.add(int(line[1]))
                n = int(line[1]) + 1
            else:
                edits[int(line[1])] = max(edits.get(int(line[1]), 0), int(line[2]))
        spin_until = time.perf_counter() + rng.random() * 0.004  # a random moment inside the next save
        while time.perf_counter() < spin_until:
            pass
        child.send_signal(signal.SIGKILL)
        child.wait()
        child.stdout.close()
        n += 1  # the killed save may or may not have landed; never reuse its number

    store = SessionStore(tmp_path)
    result = store.load_all()
    assert result.notice() is None, f"{result.problems} (seed {seed})"
    by_number = {int(r["id"].rsplit("-", 1)[1]): r for r in result.sessions}
    assert saved <= set(by_number), f"lost {sorted(saved - set(by_number))} (seed {seed})"
    for number, version in edits.items():
        assert int(by_number[number]["notes"] or 0) >= version, f"edit of {number} went back (seed {seed})"
    assert len(saved) >= ROUNDS
    assert not (tmp_path / "corrupt").exists()
    left = store.unfinished()  # always a whole autosave, never half of one
    assert left is not None and left["n"] in by_number  # written only after its session was saved
    assert not [p for p in tmp_path.iterdir() if p.name.endswith(".tmp")]
