"""Two instances saving at once lose neither's sessions; a lock held too long gives one sentence."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from filelock import FileLock

from psoas_coach.store.errors import StoreError
from psoas_coach.store.locking import BUSY
from psoas_coach.store.sessions import SessionStore
from tests.store.helpers import make_record

_WRITER = """
import sys
from pathlib import Path
from psoas_coach.store.sessions import SessionStore
from tests.store.helpers import make_record
store = SessionStore(Path(sys.argv[1]))
first, count = int(sys.argv[2]), int(sys.argv[3])
sys.stdin.readline()  # start together
shared = make_record(0)
for n in range(first, first + count):
    store.save(make_record(n))
    store.update(shared, notes=f"writer {first}")  # both rewrite one record too
    store.load_all()
"""


def test_two_processes_saving_at_once_lose_nothing(tmp_path: Path) -> None:
    root = Path(__file__).resolve().parents[2]
    procs = [
        subprocess.Popen([sys.executable, "-c", _WRITER, str(tmp_path), str(first), "40"],
                         stdin=subprocess.PIPE, cwd=root, text=True)
        for first in (1, 1001)
    ]
    for p in procs:
        assert p.stdin is not None
        p.stdin.write("go\n")
        p.stdin.flush()
    for p in procs:
        assert p.wait(timeout=60) == 0
    result = SessionStore(tmp_path).load_all()
    assert result.notice() is None
    ids = {r["id"] for r in result.sessions}
    expected = {make_record(n)["id"] for n in [0, *range(1, 41), *range(1001, 1041)]}
    assert ids == expected and len(result.sessions) == len(expected)


def test_lock_held_elsewhere_gives_one_sentence(tmp_path: Path) -> None:
    store = SessionStore(tmp_path, lock_timeout=0)
    store.save(make_record(1))
    other = FileLock(str(tmp_path / ".lock"))
    with other:
        with pytest.raises(StoreError) as err:
            store.save(make_record(2))
    assert str(err.value) == BUSY
    store.save(make_record(2))
    assert len(store.load_all().sessions) == 2
