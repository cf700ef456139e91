"""ui.startup.StartUp: one owner for start-up; a failing step is logged and the later steps still run."""

from __future__ import annotations

import gc
import sys
from pathlib import Path
from typing import Any

import pytest
from pytestqt.qtbot import QtBot

from psoas_coach.core.engine import SessionState
from psoas_coach.ui.startup import resume_collector
from tests.window_fixtures import AppFactory


def test_every_piece_is_an_attribute_of_the_owner(app_factory: AppFactory) -> None:
    startup = app_factory()
    assert startup.steps is not None and not startup.steps.pending
    assert startup.steps.done[:13] == ["collector", "import hook", "qt enums", "tab order", "window icon",
                                       "drawing cache", "last session", "session view", "coaching", "babel",
                                       "number formats", "speech modules", "voice"]
    assert startup.steps.done[-3:] == ["keep-awake", "resume or --program", "coaching refresh"]
    assert startup.coaching is not None and startup.cue_player is not None and startup.voice is not None
    assert startup.keep_awake is not None and startup.window is not None
    assert startup.window.finish_start_up == startup.finish  # handed in through the constructor


def test_a_failing_step_is_logged_and_the_later_steps_still_run(
        app_factory: AppFactory, monkeypatch: pytest.MonkeyPatch) -> None:
    logged: list[BaseException] = []
    monkeypatch.setattr(sys, "excepthook", lambda kind, value, tb: logged.append(value))

    def broken_voice(*_args: Any) -> Any:
        raise RuntimeError("no speech here")

    startup = app_factory(voice_backend=broken_voice)
    assert [str(e) for e in logged] == ["no speech here"]
    assert startup.keep_awake is not None  # the steps after the voice ran
    assert startup.steps is not None and startup.steps.done[-1] == "coaching refresh"
    window = startup.window
    assert window is not None
    window.start_program("foundation")  # and a session still starts
    assert window.engine is not None and window.engine.state is SessionState.RUNNING


def test_a_failing_coaching_step_leaves_resume_and_program_working(
        app_factory: AppFactory, monkeypatch: pytest.MonkeyPatch, tmp_path: Path, qtbot: QtBot) -> None:
    from psoas_coach.ui import coaching

    logged: list[BaseException] = []
    monkeypatch.setattr(sys, "excepthook", lambda kind, value, tb: logged.append(value))

    def broken(*_args: Any, **_kwargs: Any) -> None:
        raise RuntimeError("coaching broke")

    monkeypatch.setattr(coaching.CoachingController, "__init__", broken)
    startup = app_factory(program="advanced")
    assert [str(e) for e in logged] == ["coaching broke"] and startup.coaching is None
    assert startup.window is not None and startup.window.engine is not None  # --program still started
    assert startup.window.engine.plan.program.id == "advanced"


def test_the_window_icon_comes_with_the_steps_after_the_first_paint(app_factory: AppFactory) -> None:
    """Eight PNG sizes decoded and handed to the window system: a step, not work before the first frame."""
    startup = app_factory()
    assert startup.app is not None
    assert len(startup.app.windowIcon().availableSizes()) >= 8


def test_the_collector_resumes_after_the_first_paint() -> None:
    """app.run_gui turns the cyclic collector off for start-up; the first step turns it back on, with
    what start-up built set aside, so the first pass has nothing old to scan."""
    frozen = gc.get_freeze_count()
    gc.disable()
    try:
        resume_collector()
        assert gc.isenabled()
        assert gc.get_freeze_count() > frozen
    finally:
        gc.unfreeze()
        gc.enable()


def test_a_mute_that_cannot_be_kept_says_so_and_still_mutes(
        app_factory: AppFactory, monkeypatch: pytest.MonkeyPatch) -> None:
    startup = app_factory()
    assert startup.window is not None and startup.settings is not None

    def refuse(*_args: Any) -> bool:
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(startup.settings, "save_voice", refuse)
    startup.window.actions_by_name["mute"].trigger()
    assert startup.window.muted
    assert "could not be kept (Permission denied)" in startup.window.home.notice.text()


def test_a_coaching_file_damaged_past_its_safety_answer_still_brings_the_safety_note(
        app_factory: AppFactory, tmp_path: Path) -> None:
    """Before the first frame start-up reads only whether the note was accepted (store.coaching_file); the
    whole file is read by the coaching step, which sets a damaged one aside, says so and shows the note."""
    data = tmp_path / "data"
    data.mkdir()
    (data / "coaching.json").write_text('{"safety_accepted": "2026-11-30T09:00:00", "levels": 7}', encoding="utf-8")
    startup = app_factory(data, accept_safety=False)
    window, coaching = startup.window, startup.coaching
    assert window is not None and coaching is not None
    assert coaching.needs_safety and window.stack.currentWidget() is coaching.safety
    assert sorted(p.name for p in data.iterdir() if p.name.startswith("coaching.json.")) != []  # set aside, kept
    assert any("levels" in problem for problem in coaching.coaching_store.problems)  # said, naming what
