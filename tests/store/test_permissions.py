"""Health data is private: on POSIX every folder the store makes is 0700 and every file 0600."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

from psoas_coach.store.sessions import SessionStore, encode
from tests.store.helpers import make_record

pytestmark = pytest.mark.skipif(os.name != "posix", reason="POSIX permissions")


def _mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def test_folders_0700_files_0600(tmp_path: Path) -> None:
    old = os.umask(0o022)
    try:
        folder = tmp_path / "data" / "sessions"
        store = SessionStore(folder)
        record = make_record(1)
        store.save(record)
        store.save_unfinished({"kind": "psoas-coach-unfinished", "record": record})
        (folder / "broken.json").write_text("{", encoding="utf-8")
        store.path_for(record).with_name("dup.json").write_bytes(encode(record))
        store.load_all()
    finally:
        os.umask(old)
    assert _mode(folder) == 0o700
    for sub in ("corrupt", "conflicts", "unfinished"):
        assert _mode(folder / sub) == 0o700, sub
    assert _mode(store.path_for(record)) == 0o600
    assert _mode(folder / ".lock") == 0o600
    assert _mode(folder / "unfinished" / "current.json") == 0o600
