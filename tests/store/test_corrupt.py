"""An unreadable record is moved into corrupt/ (kept, never deleted), the rest loads, and one sentence says so."""

from __future__ import annotations

from pathlib import Path

from psoas_coach.store.sessions import SessionStore, encode
from tests.store.helpers import make_record


def test_corrupt_files_move_aside_and_the_rest_loads(tmp_path: Path) -> None:
    store = SessionStore(tmp_path)
    for n in range(3):
        store.save(make_record(n))
    (tmp_path / "2026-02-01T07-30-00_broken.json").write_bytes(b'{"id": "half a rec')
    (tmp_path / "2026-02-02T07-30-00_list.json").write_text("[1, 2]", encoding="utf-8")
    (tmp_path / "2026-02-03T07-30-00_bin.json").write_bytes(b"\xff\xfe\x00")
    result = store.load_all()
    assert len(result.sessions) == 3
    assert len(result.problems) == 3 and len(result.moved_aside) == 3
    notice = result.notice()
    assert notice == (
        f"3 session files could not be read and were moved to {tmp_path / 'corrupt'}; the rest of the history loaded."
    )
    assert notice.count(".") >= 1 and "\n" not in notice
    kept = sorted(p.name for p in (tmp_path / "corrupt").iterdir())
    assert kept == ["2026-02-01T07-30-00_broken.json", "2026-02-02T07-30-00_list.json", "2026-02-03T07-30-00_bin.json"]
    assert (tmp_path / "corrupt" / "2026-02-01T07-30-00_broken.json").read_bytes() == b'{"id": "half a rec'
    again = store.load_all()
    assert again.notice() is None and len(again.sessions) == 3


def test_same_name_twice_in_corrupt_keeps_both(tmp_path: Path) -> None:
    store = SessionStore(tmp_path)
    for text in ("{one", "{two"):
        (tmp_path / "x.json").write_text(text, encoding="utf-8")
        assert store.load_all().notice() is not None
    assert sorted(p.read_text() for p in (tmp_path / "corrupt").iterdir()) == ["{one", "{two"]


def test_single_file_gives_a_singular_sentence(tmp_path: Path) -> None:
    (tmp_path / "y.json").write_text("nope", encoding="utf-8")
    notice = SessionStore(tmp_path).load_all().notice()
    assert notice == f"The session file y.json is not valid JSON; it was moved to {tmp_path / 'corrupt'} and the rest of the history loaded."


def test_saving_over_a_corrupt_file_keeps_it_aside(tmp_path: Path) -> None:
    store = SessionStore(tmp_path)
    record = make_record(4)
    store.path_for(record).write_text("{garbled", encoding="utf-8")
    store.save(record)
    assert (tmp_path / "corrupt" / store.path_for(record).name).read_text() == "{garbled"
    assert store.load_all().sessions == [record]


def test_temp_files_of_interrupted_writes_are_ignored_and_tidied(tmp_path: Path) -> None:
    store = SessionStore(tmp_path)
    store.save(make_record(5))
    leftover = tmp_path / ".2026-01-06T07-30-00_abc.json.k2j3.tmp"
    leftover.write_bytes(encode(make_record(6))[:40])
    result = store.load_all()
    assert len(result.sessions) == 1 and result.notice() is None
    assert not leftover.exists()
