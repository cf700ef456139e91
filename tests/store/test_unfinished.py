"""Autosave after every step; on the next start, resume where it stopped or save it as a partial session."""

from __future__ import annotations

import errno
from pathlib import Path

import pytest

from psoas_coach import atomic
from psoas_coach.core.engine import Outcome, SessionEngine, SessionState
from psoas_coach.core.plan import SessionPlan
from psoas_coach.store.errors import StoreError
from psoas_coach.store.sessions import SessionStore
from psoas_coach.store.unfinished import Autosaver, can_resume, resume_engine, save_as_partial
from tests.fakes import FakeClock


def _running(store: SessionStore, plan: SessionPlan, clock: FakeClock, seconds: float) -> tuple[SessionEngine, Autosaver]:
    engine = SessionEngine(plan, clock)
    saver = Autosaver(store, engine, "sess-1", speed=2.0)
    saver.attach()
    engine.start()
    engine.next()
    for _ in range(int(seconds * 4)):
        clock.advance(0.25)
        engine.update()
    return engine, saver


def test_autosave_after_every_step_and_resume(tmp_path: Path, foundation_plan: SessionPlan, clock: FakeClock) -> None:
    store = SessionStore(tmp_path)
    assert store.unfinished() is None
    engine, saver = _running(store, foundation_plan, clock, 100)
    assert saver.saves == engine.index + 1  # one per step entered
    index = engine.index
    engine.pause()
    assert saver.saves == index + 2  # and one on pause
    # -- crash: the process dies here; the next start finds the autosave --
    left = SessionStore(tmp_path).unfinished()
    assert left is not None and can_resume(left)
    assert left["session_id"] == "sess-1" and left["program_id"] == "foundation"
    assert left["record"]["recovered"] is True and left["record"]["speed"] == 2.0
    resumed = resume_engine(left, foundation_plan, FakeClock(start=1.0))
    assert resumed.index == index and resumed.state is SessionState.PAUSED
    assert resumed.remaining() == pytest.approx(engine.remaining())


def test_save_as_partial_keeps_what_was_done(tmp_path: Path, foundation_plan: SessionPlan, clock: FakeClock) -> None:
    store = SessionStore(tmp_path)
    _running(store, foundation_plan, clock, 170)  # past the first 140 s set of marching
    left = store.unfinished()
    assert left is not None
    save_as_partial(store, left)
    assert store.unfinished() is None
    [record] = store.load_all().sessions
    assert record["id"] == "sess-1" and record["status"] == "ended_early" and record["recovered"] is True
    assert record["exercises"][0]["sides"]["left"]["reps"] > 0


def test_tick_saves_part_way_through_a_long_step(tmp_path: Path, foundation_plan: SessionPlan, clock: FakeClock) -> None:
    store = SessionStore(tmp_path)
    engine, saver = _running(store, foundation_plan, clock, 40)  # inside the first 140 s set
    saves = saver.saves
    saver.tick()
    assert saver.saves == saves + 1
    saver.tick()
    assert saver.saves == saves + 1  # not again until the interval has passed
    clock.advance(saver.interval)
    engine.update()
    saver.tick()
    assert saver.saves == saves + 2
    left = store.unfinished()
    assert left is not None and left["record"]["exercises"][0]["sides"]["left"]["reps"] > 0


def test_finished_session_is_autosaved_until_saved_for_good(tmp_path: Path, foundation_plan: SessionPlan, clock: FakeClock) -> None:
    store = SessionStore(tmp_path)
    engine, _saver = _running(store, foundation_plan, clock, 10)
    engine.pain_stop()
    left = store.unfinished()
    assert left is not None and left["finished"] and not can_resume(left)
    assert left["record"]["status"] == Outcome.PAIN_STOP.value
    with pytest.raises(ValueError):
        resume_engine(left, foundation_plan, clock)
    store.save(left["record"])
    store.clear_unfinished()
    assert store.unfinished() is None
    store.clear_unfinished()  # twice is harmless


def test_autosave_failure_is_reported_once_and_the_session_goes_on(
    tmp_path: Path, foundation_plan: SessionPlan, clock: FakeClock, monkeypatch: pytest.MonkeyPatch
) -> None:
    def full(*_args: object) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(atomic.os, "replace", full)
    errors: list[StoreError] = []
    store = SessionStore(tmp_path)
    engine = SessionEngine(foundation_plan, clock)
    saver = Autosaver(store, engine, "s", on_error=errors.append)
    saver.attach()
    engine.start()
    engine.next()
    engine.next()
    assert [str(e) for e in errors] == ["Could not autosave the session in progress because the disk is full."]
    assert engine.index == 2 and saver.saves == 0
    monkeypatch.undo()
    engine.next()
    assert saver.saves == 1
    saver.detach()
    engine.next()
    assert saver.saves == 1


def test_unreadable_autosave_is_moved_aside(tmp_path: Path) -> None:
    store = SessionStore(tmp_path)
    path = tmp_path / "unfinished" / "current.json"
    path.parent.mkdir()
    path.write_text("{half", encoding="utf-8")
    assert store.unfinished() is None
    assert not path.exists()
    [kept] = (tmp_path / "corrupt").iterdir()
    assert kept.read_text(encoding="utf-8") == "{half"
