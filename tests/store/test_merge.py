"""A folder shared by a sync tool: the same id in two files merges to one session, the other copy kept aside."""

from __future__ import annotations

from pathlib import Path

from psoas_coach.store.sessions import SessionStore, encode
from tests.store.helpers import make_record


def _conflict_copy(store: SessionStore, record: dict[str, object], tag: str) -> Path:
    canonical = store.path_for(record)
    path = canonical.with_name(f"{canonical.stem}.sync-conflict-20260301-101010-{tag}.json")
    path.write_bytes(encode(record))
    return path


def test_newest_updated_wins_and_the_other_is_kept(tmp_path: Path) -> None:
    store = SessionStore(tmp_path)
    mine = make_record(1, notes="laptop A", updated="2026-03-01T10:00:00.000+01:00")
    store.save(mine)
    theirs = dict(mine, notes="laptop B", updated="2026-03-01T09:30:00.000+00:00")  # 10:30 in +01:00
    copy = _conflict_copy(store, theirs, "ABCDEFG")
    result = store.load_all()
    assert [r["notes"] for r in result.sessions] == ["laptop B"]
    assert not copy.exists()
    assert store.load_all().sessions[0]["notes"] == "laptop B"  # now at its canonical name
    assert list(tmp_path.glob("*.json")) == [store.path_for(mine)]
    aside = list((tmp_path / "conflicts").iterdir())
    assert len(aside) == 1 and "laptop A" in aside[0].read_text(encoding="utf-8")


def test_older_conflict_copy_goes_aside(tmp_path: Path) -> None:
    store = SessionStore(tmp_path)
    mine = make_record(2, notes="new", updated="2026-03-02T10:00:00.000+01:00")
    store.save(mine)
    copy = _conflict_copy(store, dict(mine, notes="old", updated="2026-03-02T09:00:00.000+01:00"), "X")
    result = store.load_all()
    assert [r["notes"] for r in result.sessions] == ["new"] and result.merged == [copy]
    assert (tmp_path / "conflicts" / copy.name).exists()


def test_identical_copies_and_two_machines_sessions_merge_without_duplicates(tmp_path: Path) -> None:
    store = SessionStore(tmp_path)
    ours = [make_record(n) for n in range(5)]
    theirs = [make_record(n) for n in range(3, 9)]  # 3 and 4 exist on both machines
    for r in ours:
        store.save(r)
    for r in theirs[:2]:
        _conflict_copy(store, r, "SAME")
    for r in theirs[2:]:
        store.save(r)
    ids = [r["id"] for r in store.load_all().sessions]
    assert ids == [make_record(n)["id"] for n in range(9)]
    assert len(list((tmp_path / "conflicts").iterdir())) == 2
    assert [r["id"] for r in store.load_all().sessions] == ids


def test_update_stamps_the_record_so_it_wins_later(tmp_path: Path) -> None:
    store = SessionStore(tmp_path)
    record = make_record(3)
    store.save(record)
    edited = store.update(record, notes="felt strong")
    assert edited["updated"] > record["updated"] and record["notes"] == ""
    _conflict_copy(store, record, "STALE")
    assert store.load_all().sessions[0]["notes"] == "felt strong"
