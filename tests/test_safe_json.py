"""The safe JSON reader: only small regular files, no NaN, bounded nesting; never hangs, never grows."""

from __future__ import annotations

import os
import time
from pathlib import Path

import pytest

from psoas_coach.safe_json import UnsafeJsonError, depth_of, parse, read_json_file

posix_only = pytest.mark.skipif(os.name != "posix", reason="FIFOs, devices and links")


def _refused(path: Path, max_bytes: int = 1000) -> UnsafeJsonError:
    with pytest.raises(UnsafeJsonError) as err:
        read_json_file(path, max_bytes)
    return err.value


def test_a_good_file_is_read(tmp_path: Path) -> None:
    path = tmp_path / "a.json"
    path.write_text('{"a": [1, 2.5, "x"]}', encoding="utf-8")
    assert read_json_file(path, 100) == {"a": [1, 2.5, "x"]}


def test_a_missing_file_is_file_not_found(tmp_path: Path) -> None:
    with pytest.raises(FileNotFoundError):
        read_json_file(tmp_path / "none.json", 100)


@posix_only
def test_a_fifo_is_refused_at_once(tmp_path: Path) -> None:
    fifo = tmp_path / "p.json"
    os.mkfifo(fifo)
    started = time.monotonic()
    error = _refused(fifo)
    assert time.monotonic() - started < 2
    assert error.reason == "is not a regular file (a FIFO)" and not error.damaged


@posix_only
def test_links_and_devices_are_refused(tmp_path: Path) -> None:
    zero = tmp_path / "zero.json"
    zero.symlink_to("/dev/zero")
    assert "symbolic link" in _refused(zero).reason
    assert "a device" in _refused(Path("/dev/zero")).reason
    loop_a, loop_b = tmp_path / "a.json", tmp_path / "b.json"
    loop_a.symlink_to(loop_b)
    loop_b.symlink_to(loop_a)
    assert "symbolic link" in _refused(loop_a).reason
    folder = tmp_path / "dir.json"
    folder.mkdir()
    assert "not a regular file" in _refused(folder).reason


def test_a_file_over_the_limit_is_refused_unread(tmp_path: Path) -> None:
    path = tmp_path / "big.json"
    path.write_text("[" + "1," * 2000 + "1]", encoding="utf-8")
    error = _refused(path, 1000)
    assert error.damaged and error.reason.startswith("is too big")


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ('{"rate": NaN}', "NaN"),
        ('{"sets": Infinity}', "Infinity"),
        ('{"sets": -Infinity}', "Infinity"),
        ('{"sets": 1e999}', "too big"),
        ('{"a": 1' + "0" * 5000 + "}", "too many digits"),
        ("[" * 100_000 + "]" * 100_000, "nested more than"),
        ('{"a": ' * 70 + "1" + "}" * 70, "nested more than"),
        ("{half", "not valid JSON"),
    ],
)
def test_bad_content_is_one_reason(text: str, words: str) -> None:
    with pytest.raises(UnsafeJsonError) as err:
        parse(text)
    assert words in err.value.reason and err.value.damaged
    assert "\n" not in err.value.reason and len(err.value.reason) < 120


def test_brackets_in_strings_do_not_count_as_nesting() -> None:
    assert depth_of('{"a": "[[[[{{{{", "b": ["\\"]]"]}') == 2
    assert parse('{"a": "' + "[" * 1000 + '"}') == {"a": "[" * 1000}


def test_the_depth_scan_stays_linear_on_hostile_quotes() -> None:
    # an unterminated string followed by escaped quotes: a naive pattern goes quadratic on this
    text = '"' + '\\"' * 300_000
    started = time.monotonic()
    with pytest.raises(UnsafeJsonError):
        parse(text)
    assert time.monotonic() - started < 5


def test_invalid_utf8_is_damaged(tmp_path: Path) -> None:
    path = tmp_path / "bytes.json"
    path.write_bytes(b'{"a": "\xff"}')
    error = _refused(path)
    assert error.damaged and "UTF-8" in error.reason
