"""The one safe JSON reader: regular files only (never blocking on a FIFO, never reading a device), links
refused or followed as the caller says, bounded size and depth, and no NaN or Infinity reaching the caller."""

from __future__ import annotations

import errno
import os
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from psoas_coach import safe_json
from psoas_coach.safe_json import UnsafeJsonError, depth_exceeds, loads, parse, read_bytes, read_json_file

posix_only = pytest.mark.skipif(os.name != "posix", reason="FIFOs, devices and links")


def _refused(path: Path, max_bytes: int = 1000, **options: object) -> UnsafeJsonError:
    with pytest.raises(UnsafeJsonError) as err:
        read_json_file(path, max_bytes, **options)  # type: ignore[arg-type]
    return err.value


def test_a_good_file_is_read(tmp_path: Path) -> None:
    path = tmp_path / "a.json"
    path.write_text('{"a": [1, 2.5, "x"]}', encoding="utf-8")
    assert read_json_file(path, 100) == {"a": [1, 2.5, "x"]}


def test_a_missing_file_is_file_not_found(tmp_path: Path) -> None:
    with pytest.raises(FileNotFoundError):
        read_json_file(tmp_path / "none.json", 100)


@posix_only
def test_special_files_are_refused_at_once_without_reading(tmp_path: Path) -> None:
    os.mkfifo(tmp_path / "fifo.json")  # nobody writes: a blocking open would hang here
    started = time.monotonic()
    error = _refused(tmp_path / "fifo.json")
    assert time.monotonic() - started < 2
    assert error.reason == "is a pipe (FIFO), not a file" and error.special and not error.damaged
    assert _refused(Path("/dev/zero")).reason == "is a device, not a file"
    (tmp_path / "dir.json").mkdir()
    assert _refused(tmp_path / "dir.json").special


@posix_only
def test_links_are_refused_unless_followed(tmp_path: Path) -> None:
    (tmp_path / "real.json").write_text('{"a": 1}')
    (tmp_path / "link.json").symlink_to(tmp_path / "real.json")
    assert _refused(tmp_path / "link.json").reason == "is a symbolic link, not a file"
    assert read_json_file(tmp_path / "link.json", 100, follow_links=True) == {"a": 1}
    (tmp_path / "zero.json").symlink_to("/dev/zero")
    assert _refused(tmp_path / "zero.json", follow_links=True).reason == "is a device, not a file"
    (tmp_path / "a.json").symlink_to(tmp_path / "b.json")
    (tmp_path / "b.json").symlink_to(tmp_path / "a.json")
    assert _refused(tmp_path / "a.json", follow_links=True).reason == "is a loop of symbolic links"
    (tmp_path / "dangling.json").symlink_to(tmp_path / "nowhere.json")
    assert _refused(tmp_path / "dangling.json", follow_links=True).reason == "is a link to nothing"


def test_a_file_over_the_limit_is_refused_unread(tmp_path: Path) -> None:
    path = tmp_path / "big.json"
    path.write_text('"' + "x" * 5000 + '"', encoding="utf-8")
    error = _refused(path, 1000)
    assert error.damaged and error.too_large and error.reason.startswith("is too large")
    assert read_json_file(path, 10_000) == "x" * 5000


def test_permission_is_its_own_reason(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    target = tmp_path / "secret.json"
    target.write_text("{}")
    real_open = os.open

    def refuse(path: object, *args: object) -> int:
        if str(path) == str(target):
            raise PermissionError(errno.EACCES, "Permission denied", str(path))
        return real_open(path, *args)  # type: ignore[arg-type]

    monkeypatch.setattr(safe_json.os, "open", refuse)
    error = _refused(target)
    assert error.permission and not error.damaged and error.reason == "cannot be read (permission)"


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ('{"rate": NaN}', "NaN"),
        ('{"sets": Infinity}', "Infinity"),
        ('{"sets": -Infinity}', "Infinity"),
        ('{"sets": 1e999}', "too big"),
        ('{"a": 1' + "0" * 5000 + "}", "too many digits"),
        ("[" * 100_000 + "]" * 100_000, "nested too deeply"),
        ('{"a": ' * 70 + "1" + "}" * 70, "nested too deeply"),
        ("{half", "not valid JSON"),
    ],
)
def test_bad_content_is_one_reason(text: str, words: str) -> None:
    with pytest.raises(UnsafeJsonError) as err:
        parse(text)
    assert words in err.value.reason and err.value.damaged
    assert "\n" not in err.value.reason and len(err.value.reason) < 120


@pytest.mark.parametrize(("text", "as_null"), [
    ("NaN", None), ("[Infinity]", [None]), ('{"a": -Infinity}', {"a": None}), ("1e400", None),
    ("[-1e999, 2.5]", [None, 2.5]),
])
def test_non_finite_numbers_are_refused_or_read_as_null(text: str, as_null: object) -> None:
    with pytest.raises(UnsafeJsonError):
        loads(text)
    assert loads(text, non_finite="null") == as_null


def test_deep_nesting_whole_file_and_one_field() -> None:
    field = '{"id": "x", "notes": ' + "[" * 700 + "]" * 700 + "}"
    with pytest.raises(UnsafeJsonError, match="more than 32 levels"):
        loads(field, max_depth=32)
    assert loads(field, max_depth=1000)["id"] == "x"
    assert not depth_exceeds({"a": [{"b": [1]}]}, 4) and depth_exceeds({"a": [{"b": [1]}]}, 3)


def test_brackets_in_strings_do_not_count_as_nesting() -> None:
    assert parse('{"a": "' + "[" * 1000 + '"}') == {"a": "[" * 1000}


@pytest.mark.parametrize("data", [b"{", b"", b"[1, x]"])
def test_not_json(data: bytes) -> None:
    with pytest.raises(UnsafeJsonError, match="not valid JSON"):
        loads(data)


def test_invalid_utf8_is_damaged(tmp_path: Path) -> None:
    path = tmp_path / "bytes.json"
    path.write_bytes(b'{"a": "\xff"}')
    error = _refused(path)
    assert error.damaged and "UTF-8" in error.reason


@pytest.fixture
def german() -> Iterator[None]:
    from psoas_coach import i18n

    i18n.set_language("de")
    yield
    i18n.set_language("en")


def test_reasons_are_in_the_users_language_and_flags_still_decide(tmp_path: Path, german: None) -> None:
    from psoas_coach.store.sessions import _read_bytes

    bad = tmp_path / "bad.json"
    bad.write_text("{", encoding="utf-8")
    with pytest.raises(UnsafeJsonError) as caught:
        read_json_file(bad, 1000)
    assert caught.value.reason == "ist kein gültiges JSON" and caught.value.damaged
    assert caught.value.where == "Zeile 1, Spalte 2"
    link = tmp_path / "dangling.json"
    link.symlink_to(tmp_path / "nowhere.json")
    with pytest.raises(UnsafeJsonError) as caught:
        read_bytes(link, 1000, follow_links=True)
    assert caught.value.dangling and caught.value.special and "Link" in caught.value.reason
    assert _read_bytes(link) is None  # a link to nothing is as good as no file, in any language
    big = tmp_path / "big.json"
    big.write_bytes(b"[" + b"0," * 1000 + b"0]")
    with pytest.raises(UnsafeJsonError) as caught:
        read_json_file(big, 1024)
    assert caught.value.too_large and caught.value.reason.startswith("ist zu groß")


def test_no_code_decides_by_the_words_of_a_reason() -> None:
    import re

    root = Path(__file__).resolve().parents[1] / "psoas_coach"
    compared = re.compile(r"\.reason\s*(==|!=|in\b)|\.startswith\(\s*\"(is |cannot |holds )|(==|!=)\s*\"(is |cannot be read)")
    found = [f"{path.relative_to(root)}:{n}" for path in root.rglob("*.py")
             for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1) if compared.search(line)]
    assert found == []
