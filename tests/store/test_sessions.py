"""Session records are saved atomically as readable JSON and the latest one comes back."""

from __future__ import annotations

import json
import os
import stat
from pathlib import Path

import pytest

from psoas_coach.core.engine import SessionEngine
from psoas_coach.core.plan import SessionPlan
from psoas_coach.store.records import SCHEMA_VERSION, new_session_id, session_record
from psoas_coach.store.sessions import Record, SessionStore, StoreError, Unreadable
from tests.fakes import FakeClock


def _finished(plan: SessionPlan, clock: FakeClock) -> SessionEngine:
    engine = SessionEngine(plan, clock)
    engine.start()
    engine.next()
    engine.next()
    clock.advance(30)
    engine.update()
    engine.pain_stop()
    return engine


def test_record_round_trip(tmp_path: Path, foundation_plan: SessionPlan, clock: FakeClock) -> None:
    engine = _finished(foundation_plan, clock)
    assert engine.result is not None
    record = session_record(engine.result, session_id=new_session_id(), effort=6, pain=5, notes="twinge")
    store = SessionStore(tmp_path / "sessions")
    path = store.save(record)
    loaded = json.loads(path.read_text(encoding="utf-8"))
    assert loaded["schema_version"] == SCHEMA_VERSION
    assert loaded["status"] == "pain_stop"
    assert loaded["pain_stop"]["exercise_id"] == "supine-marching"
    assert loaded["effort"] == 6 and loaded["pain"] == 5 and loaded["notes"] == "twinge"
    marching = loaded["exercises"][0]
    assert marching["id"] == "supine-marching" and marching["sides"]["left"]["reps"] == 2
    assert store.latest() == loaded
    if os.name == "posix":
        assert stat.S_IMODE(path.stat().st_mode) == 0o600
        assert stat.S_IMODE((tmp_path / "sessions").stat().st_mode) == 0o700


def test_resave_replaces_same_file(tmp_path: Path, foundation_plan: SessionPlan, clock: FakeClock) -> None:
    engine = _finished(foundation_plan, clock)
    assert engine.result is not None
    store = SessionStore(tmp_path)
    record = session_record(engine.result, session_id=new_session_id())
    first = store.save(record)
    record["notes"] = "better"
    second = store.save(record)
    assert first == second
    assert len(list(tmp_path.glob("*.json"))) == 1
    assert not list(tmp_path.glob(".*tmp"))


def test_corrupt_file_is_reported_and_kept(tmp_path: Path) -> None:
    (tmp_path / "2026-01-01T00-00-00_x.json").write_text("{oops", encoding="utf-8")
    result = SessionStore(tmp_path).load_all()
    assert result.sessions == [] and len(result.problems) == 1
    assert (tmp_path / "corrupt" / "2026-01-01T00-00-00_x.json").read_text(encoding="utf-8") == "{oops"


@pytest.mark.skipif(os.name != "posix" or os.geteuid() == 0, reason="root ignores folder permissions")
def test_read_only_folder_gives_one_sentence(tmp_path: Path, foundation_plan: SessionPlan, clock: FakeClock) -> None:
    engine = _finished(foundation_plan, clock)
    assert engine.result is not None
    folder = tmp_path / "ro"
    folder.mkdir()
    folder.chmod(0o500)
    with pytest.raises(StoreError) as err:
        SessionStore(folder).save(session_record(engine.result, session_id="abc"))
    assert str(err.value) == f"Could not save the session in {folder} because the folder is not writable."


def test_latest_opens_only_the_newest_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from psoas_coach.store import sessions
    from tests.store.helpers import make_record

    store = SessionStore(tmp_path)
    assert store.latest() is None
    for n in (3, 1, 7, 5):
        store.save(make_record(n))
    (tmp_path / "2099-01-01T00-00-00_broken.json").write_text("{", encoding="utf-8")
    opened: list[str] = []
    real = sessions._read_record

    def spy(path: str) -> tuple[Record | None, Unreadable]:
        opened.append(Path(path).name)
        return real(path)

    monkeypatch.setattr(sessions, "_read_record", spy)
    latest = store.latest()
    assert latest is not None and latest["id"] == make_record(7)["id"]
    assert opened == ["2099-01-01T00-00-00_broken.json", store.path_for(make_record(7)).name]


def test_a_second_load_parses_only_changed_files(tmp_path: Path, foundation_plan: SessionPlan, clock: FakeClock,
                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    import psoas_coach.store.sessions as sessions_module

    engine = _finished(foundation_plan, clock)
    assert engine.result is not None
    store = SessionStore(tmp_path)
    records = [session_record(engine.result, session_id=f"id-{i}") for i in range(5)]
    for record in records:
        store.save(record)
    parsed: list[str] = []
    real = sessions_module._read_record

    def counting(path: str) -> tuple[Record | None, Unreadable]:
        parsed.append(os.path.basename(path))
        return real(path)

    monkeypatch.setattr(sessions_module, "_read_record", counting)
    assert len(store.load_all().sessions) == 5 and len(parsed) == 5
    parsed.clear()
    assert len(store.load_all().sessions) == 5 and parsed == []
    store.update(store.load_all().sessions[0], notes="changed")
    parsed.clear()
    loaded = store.load_all().sessions
    assert len(parsed) == 1 and any(r["notes"] == "changed" for r in loaded)
    # a file changed behind the store's back (a sync tool) is read again too
    other = SessionStore(tmp_path)
    other.update(loaded[1], notes="from the other laptop")
    parsed.clear()
    assert any(r["notes"] == "from the other laptop" for r in store.load_all().sessions) and len(parsed) == 1


def test_latest_moves_nothing_aside_when_no_file_is_named_by_its_start(tmp_path: Path) -> None:
    """Home asks for the last session before the history is read: a damaged file must still be there for the
    read that tells the user (it was moved aside by latest() and never mentioned)."""
    import json

    from tests.store.helpers import make_record

    store = SessionStore(tmp_path)
    (tmp_path / "broken.json").write_text("{", encoding="utf-8")
    for n in (2, 9, 4):
        (tmp_path / f"mine-{n}.json").write_text(json.dumps(make_record(n)), encoding="utf-8")
    latest = store.latest()
    assert latest is not None and latest["id"] == make_record(9)["id"]
    assert (tmp_path / "broken.json").exists() and not (tmp_path / "corrupt").exists()
    notice = store.load_all().notice()
    assert notice is not None and notice.startswith("The session file broken.json is not valid JSON; it was moved to")
