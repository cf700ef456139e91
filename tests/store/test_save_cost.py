"""Saving costs the same with 5,000 sessions stored as with none: counted in filesystem calls, not timed."""

from __future__ import annotations

import os
import sys
from collections import Counter
from pathlib import Path
from typing import Any

from psoas_coach.store.sessions import SessionStore, encode
from tests.store.helpers import make_record

_active: list[Counter[str]] = []


def _hook(event: str, _args: tuple[Any, ...]) -> None:
    if _active and (event == "open" or event.startswith(("os.", "glob.", "shutil."))):
        _active[-1][event] += 1


_installed = False


def _count_calls(store: SessionStore, record: dict[str, Any]) -> Counter[str]:
    global _installed
    if not _installed:
        sys.addaudithook(_hook)  # audit hooks cannot be removed; this one only counts while _active is set
        _installed = True
    calls: Counter[str] = Counter()
    _active.append(calls)
    try:
        store.save(record)
    finally:
        _active.pop()
    return calls


def test_save_touches_the_same_files_with_5000_sessions_as_with_none(tmp_path: Path) -> None:
    empty = SessionStore(tmp_path / "empty")
    full = SessionStore(tmp_path / "full")
    full.folder.mkdir()
    first = full.folder / "2026-01-01T07-30-00_00000000.json"
    first.write_bytes(encode(make_record(0)))
    for n in range(1, 5000):  # hard links: 5,000 stored files without writing 5,000 files' data
        os.link(first, full.folder / f"2026-01-01T07-30-00_{n:08d}.json")
    assert len(os.listdir(full.folder)) == 5000
    new = make_record(99_999)
    assert _count_calls(full, new) == _count_calls(empty, new)
    calls = _count_calls(empty, make_record(88_888))
    assert "os.scandir" not in calls and "os.listdir" not in calls and "glob.glob" not in calls
    assert sum(calls.values()) < 20, calls
