"""The generic safe JSON reader: regular files only (never blocking on a FIFO, never reading a device),
bounded size and depth, and no NaN or Infinity reaching the caller."""

from __future__ import annotations

import errno
import os
from pathlib import Path

import pytest

from psoas_coach.store import safe_json
from psoas_coach.store.safe_json import UnsafeJSONError, depth_exceeds, loads, read_json


def _reason(path: Path, **kw: object) -> UnsafeJSONError:
    with pytest.raises(UnsafeJSONError) as caught:
        read_json(path, **kw)  # type: ignore[arg-type]
    return caught.value


def test_special_files_are_refused_without_blocking_or_reading(tmp_path: Path) -> None:
    os.mkfifo(tmp_path / "fifo.json")  # nobody writes: a blocking open would hang here
    assert _reason(tmp_path / "fifo.json").reason == "is a pipe (FIFO), not a file"
    (tmp_path / "zero.json").symlink_to("/dev/zero")
    assert _reason(tmp_path / "zero.json").reason == "is a device, not a file"
    (tmp_path / "dir.json").mkdir()
    assert _reason(tmp_path / "dir.json").special
    (tmp_path / "a.json").symlink_to(tmp_path / "b.json")
    (tmp_path / "b.json").symlink_to(tmp_path / "a.json")
    assert _reason(tmp_path / "a.json").reason == "is a loop of symbolic links"
    (tmp_path / "dangling.json").symlink_to(tmp_path / "nowhere.json")
    assert _reason(tmp_path / "dangling.json").reason == "is a link to nothing"
    (tmp_path / "real.json").write_text('{"a": 1}')
    (tmp_path / "link.json").symlink_to(tmp_path / "real.json")
    assert read_json(tmp_path / "link.json") == {"a": 1}


def test_size_limit(tmp_path: Path) -> None:
    (tmp_path / "big.json").write_text('"' + "x" * 5000 + '"')
    assert _reason(tmp_path / "big.json", max_bytes=1000).reason.startswith("is too large")
    assert read_json(tmp_path / "big.json", max_bytes=10_000) == "x" * 5000


def test_permission_is_its_own_reason(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    target = tmp_path / "secret.json"
    target.write_text("{}")
    real_open = os.open

    def refuse(path: object, *args: object) -> int:
        if str(path) == str(target):
            raise PermissionError(errno.EACCES, "Permission denied", str(path))
        return real_open(path, *args)  # type: ignore[arg-type]

    monkeypatch.setattr(safe_json.os, "open", refuse)
    error = _reason(target)
    assert error.permission and error.reason == "cannot be read (permission)"


@pytest.mark.parametrize(("text", "as_null"), [
    ("NaN", None), ("[Infinity]", [None]), ('{"a": -Infinity}', {"a": None}), ("1e400", None), ("[-1e999, 2.5]", [None, 2.5]),
])
def test_non_finite_numbers(text: str, as_null: object) -> None:
    with pytest.raises(UnsafeJSONError, match="not finite"):
        loads(text)
    assert loads(text, non_finite="null") == as_null


def test_deep_nesting_whole_file_and_one_field() -> None:
    with pytest.raises(UnsafeJSONError, match="nested too deeply"):
        loads("[" * 100_000 + "]" * 100_000)
    field = '{"id": "x", "notes": ' + "[" * 700 + "]" * 700 + "}"
    with pytest.raises(UnsafeJSONError, match="more than 32 levels"):
        loads(field)
    assert loads(field, max_depth=1000)["id"] == "x"
    assert not depth_exceeds({"a": [{"b": [1]}]}, 4) and depth_exceeds({"a": [{"b": [1]}]}, 3)


@pytest.mark.parametrize("data", [b"\xff\xfe", b"{", b"", b"1" * 5000])
def test_not_json(data: bytes) -> None:
    with pytest.raises(UnsafeJSONError, match="not valid JSON"):
        loads(data)
