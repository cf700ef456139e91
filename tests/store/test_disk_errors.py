"""A read-only or full disk gives one clear sentence (StoreError) and leaves the store as it was."""

from __future__ import annotations

import errno
import os
from pathlib import Path

import pytest

from psoas_coach import atomic
from psoas_coach.store.errors import StoreError
from psoas_coach.store.sessions import SessionStore
from tests.store.helpers import make_record


@pytest.mark.parametrize(
    ("code", "reason"),
    [
        (errno.ENOSPC, "the disk is full"),
        (errno.EROFS, "the disk is read-only"),
        (errno.EACCES, "the folder is not writable"),
    ],
)
def test_refused_write_is_one_sentence(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, code: int, reason: str) -> None:
    store = SessionStore(tmp_path)
    first = make_record(1)
    store.save(first)
    before = store.path_for(first).read_bytes()

    def refuse(*_args: object) -> None:
        raise OSError(code, os.strerror(code))

    monkeypatch.setattr(atomic.os, "replace", refuse)
    with pytest.raises(StoreError) as err:
        store.save(make_record(2))
    with pytest.raises(StoreError):
        store.update(first, notes="edited")
    message = str(err.value)
    assert message == f"Could not save the session in {tmp_path} because {reason}."
    assert "\n" not in message and "Errno" not in message
    monkeypatch.undo()
    assert store.path_for(first).read_bytes() == before
    assert not [p for p in tmp_path.iterdir() if p.name.endswith(".tmp")]
    assert [r["id"] for r in store.load_all().sessions] == [first["id"]]


def test_full_disk_while_writing_the_data(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    store = SessionStore(tmp_path)

    def no_room(_fd: int) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(atomic.os, "fsync", no_room)
    with pytest.raises(StoreError, match="because the disk is full[.]$"):
        store.save(make_record(3))
    monkeypatch.undo()
    assert store.load_all().sessions == []


def test_read_only_folder_is_still_readable(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    store = SessionStore(tmp_path)
    store.save(make_record(4))
    (tmp_path / "bad.json").write_text("{", encoding="utf-8")

    def refuse(*_args: object, **_kw: object) -> None:
        raise OSError(errno.EROFS, "Read-only file system")

    monkeypatch.setattr(store._lock, "held", refuse)
    result = SessionStore.load_all(store)
    assert len(result.sessions) == 1
    assert result.notice() == "The session file bad.json is not valid JSON; it was left in place and the rest of the history loaded."
    assert (tmp_path / "bad.json").exists()
