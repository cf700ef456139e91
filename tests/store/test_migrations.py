"""Old records are migrated in memory, in order; a record from a newer app is read-only, never overwritten."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from psoas_coach.store import migrations
from psoas_coach.store.migrations import CURRENT_VERSION, MIGRATIONS, migrate
from psoas_coach.store.sessions import SessionStore, StoreError, encode
from tests.store.helpers import make_record


def _v1(n: int) -> dict[str, object]:
    record = make_record(n)
    del record["updated"]
    record["schema_version"] = 1
    return record


def test_one_migration_per_version_and_they_run_in_order(monkeypatch: pytest.MonkeyPatch) -> None:
    assert len(MIGRATIONS) == CURRENT_VERSION - 1
    seen: list[int] = []

    def step(n: int) -> object:
        def run(record: dict[str, object]) -> dict[str, object]:
            seen.append(n)
            return record
        return run

    monkeypatch.setattr(migrations, "MIGRATIONS", (step(1), step(2), step(3)))
    monkeypatch.setattr(migrations, "CURRENT_VERSION", 4)
    assert migrate({"schema_version": 1})["schema_version"] == 4
    assert seen == [1, 2, 3]
    seen.clear()
    assert migrate({"schema_version": 3})["schema_version"] == 4
    assert seen == [3]


def test_v1_file_loads_migrated_and_stays_untouched_on_disk(tmp_path: Path) -> None:
    store = SessionStore(tmp_path)
    old = _v1(1)
    path = store.path_for(old)
    path.write_bytes(encode(old))
    before = path.read_bytes()
    [loaded] = store.load_all().sessions
    assert loaded["schema_version"] == CURRENT_VERSION
    assert loaded["updated"] == old["ended"]
    assert path.read_bytes() == before  # opening the history rewrites nothing
    store.save(loaded)  # saving it again writes the current version
    assert json.loads(path.read_bytes())["schema_version"] == CURRENT_VERSION


def test_newer_file_is_read_only(tmp_path: Path) -> None:
    store = SessionStore(tmp_path)
    future = make_record(2, schema_version=CURRENT_VERSION + 5, shiny={"new": True})
    path = store.path_for(future)
    path.write_bytes(encode(future))
    before = path.read_bytes()
    result = store.load_all()
    assert result.sessions == [future] and result.read_only == {future["id"]}
    with pytest.raises(StoreError, match="newer version"):
        store.update(future, notes="mine")
    with pytest.raises(StoreError, match="newer version"):
        store.delete(future)
    # A record claiming to be current cannot overwrite the newer file either.
    with pytest.raises(StoreError, match="newer version"):
        store.save(make_record(2, notes="older app"))
    assert path.read_bytes() == before


def test_nonsense_version_is_treated_as_corrupt(tmp_path: Path) -> None:
    store = SessionStore(tmp_path)
    bad = make_record(3, schema_version="two")
    store.path_for(bad).write_bytes(encode(bad))
    result = store.load_all()
    assert result.sessions == [] and "schema_version" in result.problems[0]
    assert (tmp_path / "corrupt" / store.path_for(bad).name).exists()
