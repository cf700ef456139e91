"""Coaching in the real window: first-run safety, the quick rating after each exercise, today's line and proposals."""

from __future__ import annotations

import json
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog
from pytestqt.qtbot import QtBot

from psoas_coach.core.engine import Outcome, SessionState
from psoas_coach.core.plan import StepKind
from psoas_coach.core.program import ProgramLibrary
from psoas_coach.store.coaching_store import CoachingStore
from psoas_coach.ui.coaching import CoachingController
from psoas_coach.ui.main_window import MainWindow
from psoas_coach.ui.screens.range_notes import RangeNotesDialog
from tests.coaching_history import record
from tests.fakes import FakeClock
from tests.window_fixtures import AppFactory, step_to

TODAY = date(2026, 3, 11)  # a Wednesday
AT = "2026-03-11T09:00:00+00:00"


def _coached(make: AppFactory, accept_safety: bool = True, refresh: bool = True, **seams: Any) -> CoachingController:
    """Coaching as the app builds it, on TODAY; *seams* replace the start-up's dialogs, today and now."""
    seams.setdefault("today", lambda: TODAY)
    seams.setdefault("now", lambda: AT)
    coaching = make(accept_safety=accept_safety, **seams).coaching
    assert coaching is not None
    if refresh:
        coaching.refresh()
    return coaching


def _run(window: MainWindow, clock: FakeClock, seconds: float) -> None:
    for _ in range(int(seconds / 0.5)):
        clock.advance(0.5)
        window.driver.tick()


def test_first_run_safety_screen_is_accepted_once(qtbot: QtBot, app_factory: AppFactory,
                                                  library: ProgramLibrary) -> None:
    coaching = _coached(app_factory, accept_safety=False)
    window = coaching.window
    assert window.stack.currentWidget() is coaching.safety and coaching.needs_safety
    text = " ".join(w.text() for w in coaching.safety.findChildren(type(coaching.panel.today)))
    assert "physical therapist" in text and "sharp pain" in text
    qtbot.keyClick(coaching.safety, Qt.Key.Key_Return)
    assert window.stack.currentWidget() is window.home and not coaching.needs_safety
    assert CoachingStore(coaching.coaching_store.folder).load().safety_accepted == AT
    second = _coached(app_factory, accept_safety=False).window  # the same data folder, a new window
    assert second.stack.currentWidget() is second.home


def test_home_says_what_to_do_today(app_factory: AppFactory, library: ProgramLibrary,
                                    tmp_path: Path) -> None:
    coaching = _coached(app_factory)
    window = coaching.window
    assert coaching.panel.today.text() == ("Foundation today: your first session, about two to three a week from here. "
                                           "This week: 0 of 2-3 training days.")
    window.store.save(record(library.get("foundation"), TODAY - timedelta(days=1)))
    coaching.refresh()
    assert coaching.panel.today.text().startswith("Rest day: you trained yesterday")
    assert coaching.panel.today.text().endswith("This week: 1 of 2-3 training days.")


def test_quick_rating_after_each_exercise_is_saved(qtbot: QtBot, app_factory: AppFactory,
                                                   library: ProgramLibrary, clock: FakeClock, tmp_path: Path) -> None:
    coaching = _coached(app_factory, today=lambda: datetime.fromtimestamp(clock.wall()).date())
    window = coaching.window
    window.start_program("foundation")
    engine = window.engine
    assert engine is not None
    qtbot.keyClick(window, Qt.Key.Key_Return)  # past the briefing
    answers = iter([(Qt.Key.Key_1, Qt.Key.Key_2), (Qt.Key.Key_2, Qt.Key.Key_1)])
    while engine.state is not SessionState.FINISHED:
        _run(window, clock, 5.0)
        if engine.step.kind is StepKind.NEXT_UP and coaching.rating.asking:
            assert coaching.rating.isVisibleTo(window)
            assert coaching.rating.hasFocus()
            first, second = next(answers)
            qtbot.keyClick(coaching.rating, first)
            qtbot.keyClick(coaching.rating, second)
            assert not coaching.rating.isVisibleTo(window)
    assert engine.outcome is Outcome.COMPLETED
    assert coaching.rating.isVisibleTo(window) and "Standing Hip Flexion" in coaching.rating.title.text()
    qtbot.keyClick(coaching.rating, Qt.Key.Key_3)
    qtbot.keyClick(coaching.rating, Qt.Key.Key_1)
    assert window.session.summary.effort.hasFocus()
    window.session.summary.effort.setValue(6)
    window.session.summary.save_button.click()
    saved = json.loads(next((tmp_path / "sessions").glob("*.json")).read_text(encoding="utf-8"))
    ratings = {e["id"]: e.get("rating") for e in saved["exercises"]}
    assert ratings == {
        "supine-marching": {"control": "yes", "last_reps_hard": False},
        "straight-leg-raise": {"control": "mostly", "last_reps_hard": True},
        "standing-hip-flexion": {"control": "no", "last_reps_hard": True},
    }
    assert saved["effort"] == 6
    assert window.stack.currentWidget() is window.home
    assert coaching.panel.today.text().startswith("Done for today")


def test_on_the_summary_a_number_for_the_effort_is_not_swallowed_by_the_last_question(
        qtbot: QtBot, app_factory: AppFactory, clock: FakeClock) -> None:
    """At the end the last exercise's questions show above the session's ratings; a 7 (no answer of theirs)
    closes them and rates the effort 7, as a person who just finished means it."""
    coaching = _coached(app_factory)
    window = coaching.window
    window.start_program("foundation")
    step_to(window, StepKind.SUMMARY)
    assert coaching.rating.asking and coaching.rating.hasFocus()
    qtbot.keyClick(coaching.rating, Qt.Key.Key_7)
    summary = window.session.summary
    assert not coaching.rating.isVisibleTo(window) and summary.effort.hasFocus()
    assert summary.ratings() == (7, None)
    qtbot.keyClick(summary.effort, Qt.Key.Key_Tab)
    qtbot.keyClick(window.focusWidget(), Qt.Key.Key_2)
    assert summary.ratings() == (7, 2)


def test_rating_can_be_skipped_and_the_session_goes_on(qtbot: QtBot, app_factory: AppFactory,
                                                       library: ProgramLibrary) -> None:
    coaching = _coached(app_factory)
    window = coaching.window
    window.start_program("foundation")
    engine = window.engine
    assert engine is not None
    while engine.step.kind is not StepKind.NEXT_UP:
        qtbot.keyClick(window, Qt.Key.Key_Return)
    assert coaching.rating.asking
    qtbot.keyClick(window, Qt.Key.Key_Return)
    assert engine.step.kind is StepKind.INTRO and not coaching.rating.isVisibleTo(window)


def _two_easy_sessions(window: MainWindow, library: ProgramLibrary) -> None:
    foundation = library.get("foundation")
    for offset in (4, 2):
        window.store.save(record(foundation, TODAY - timedelta(days=offset)))


def test_proposals_are_accepted_or_declined_and_change_the_next_session(
        qtbot: QtBot, app_factory: AppFactory, library: ProgramLibrary) -> None:
    coaching = _coached(app_factory)
    window = coaching.window
    _two_easy_sessions(window, library)
    coaching.refresh()
    rows = coaching.panel.rows
    assert [r.proposal.exercise_id for r in rows] == ["supine-marching", "straight-leg-raise", "standing-hip-flexion"]
    assert "done twice with effort 7 or less and no pain: 2 more reps per side." in rows[0].text.text()
    assert coaching.panel.isVisibleTo(window) and rows[0].isVisibleTo(window)
    qtbot.keyClick(window.home.programs, Qt.Key.Key_A)  # accepts the first
    assert [r.proposal.exercise_id for r in coaching.panel.rows] == ["straight-leg-raise", "standing-hip-flexion"]
    coaching.panel.rows[0].decline_button.click()
    assert [r.proposal.exercise_id for r in coaching.panel.rows] == ["standing-hip-flexion"]
    state = CoachingStore(coaching.coaching_store.folder).load()
    assert state.levels_for("foundation")["supine-marching"].reps == 12
    assert "straight-leg-raise" not in state.levels_for("foundation")
    window.start_program("foundation")
    assert window.engine is not None
    assert window.engine.plan.program.exercise("supine-marching").dosage.reps == 12


def test_control_status_shows_the_move_to_advanced(app_factory: AppFactory,
                                                   library: ProgramLibrary) -> None:
    coaching = _coached(app_factory)
    window = coaching.window
    _two_easy_sessions(window, library)
    coaching.refresh()
    assert coaching.panel.control.text().startswith("Control in Foundation")
    assert "Supine Marching: 2 of 4 good sessions, 2 of 14 days" in coaching.panel.control.text()


def test_range_notes_are_kept_and_shown_in_the_session(app_factory: AppFactory,
                                                       library: ProgramLibrary) -> None:
    def fill(dialog: QDialog) -> bool:
        assert isinstance(dialog, RangeNotesDialog)
        dialog.edits["straight-leg-raise"].setText("Only a hand's width off the floor.")
        return True

    coaching = _coached(app_factory, run_dialog=fill)
    window = coaching.window
    coaching.panel.range_button.click()
    level = CoachingStore(coaching.coaching_store.folder).load().levels_for("foundation")["straight-leg-raise"]
    assert level.range_note == "Only a hand's width off the floor."
    window.start_program("foundation")
    assert window.engine is not None
    assert window.engine.plan.program.exercise("straight-leg-raise").setup.endswith("Only a hand's width off the floor.")


def test_report_button_writes_a_pdf(app_factory: AppFactory, library: ProgramLibrary,
                                    tmp_path: Path) -> None:
    target = tmp_path / "report"
    coaching = _coached(app_factory, choose_report=lambda parent, suggested: str(target))
    window = coaching.window
    coaching.panel.report_button.click()
    assert (tmp_path / "report.pdf").read_bytes().startswith(b"%PDF")
    assert "Wrote the report of the last 8 weeks" in window.home.notice.text()


def test_history_has_the_report_button_too(app_factory: AppFactory, library: ProgramLibrary,
                                           tmp_path: Path) -> None:
    target = tmp_path / "from-history.pdf"
    window = _coached(app_factory, choose_report=lambda parent, suggested: str(target)).window
    window.show_history()
    assert window.history is not None and window.stack.currentWidget() is window.history
    window.history.report_button.click()
    assert target.read_bytes().startswith(b"%PDF")
    assert "Wrote the report" in window.history.notice.text()


class _GatedStore:
    """A store whose load_all reads at once but returns only when the test says: a worker-thread read
    that is still under way while the history changes."""

    def __init__(self, store: Any) -> None:
        import threading

        self.store = store
        self.read = threading.Event()
        self.go = threading.Event()

    def load_all(self) -> Any:
        loaded = self.store.load_all()
        self.read.set()
        self.go.wait(5)
        return loaded


def test_a_background_refresh_shows_what_a_refresh_shows(qtbot: QtBot, app_factory: AppFactory,
                                                         library: ProgramLibrary, tmp_path: Path) -> None:
    from psoas_coach.store.sessions import SessionStore

    coaching = _coached(app_factory)
    window = coaching.window
    window.store.save(record(library.get("foundation"), TODAY - timedelta(days=1)))
    coaching.refresh_in_background(SessionStore(window.store.folder))  # a store object of its own
    qtbot.waitUntil(lambda: coaching.panel.today.text().startswith("Rest day: you trained yesterday"), timeout=5000)
    shown = coaching.panel.today.text()
    coaching.refresh()
    assert coaching.panel.today.text() == shown


def test_a_refresh_made_meanwhile_wins_over_an_older_background_read(
        qtbot: QtBot, app_factory: AppFactory, library: ProgramLibrary, tmp_path: Path) -> None:
    from psoas_coach.store.sessions import SessionStore

    coaching = _coached(app_factory)
    window = coaching.window
    gated = _GatedStore(SessionStore(window.store.folder))
    coaching.refresh_in_background(gated)  # type: ignore[arg-type]
    assert gated.read.wait(5)  # it has read the history as it was: no session
    window.store.save(record(library.get("foundation"), TODAY - timedelta(days=1)))
    coaching.refresh()  # on the GUI thread, with the new session
    assert coaching.panel.today.text().startswith("Rest day")
    with qtbot.waitSignal(coaching._read, timeout=5000):  # delivered after the controller's own slot
        gated.go.set()  # the old read comes back now, with no session in it
    assert coaching.panel.today.text().startswith("Rest day")


def test_a_failed_background_read_refreshes_here_instead(
        qtbot: QtBot, app_factory: AppFactory, library: ProgramLibrary) -> None:
    class Broken:
        def load_all(self) -> Any:
            raise OSError("disk went away")

    coaching = _coached(app_factory, refresh=False)
    coaching.panel.set_today("")  # whatever start-up's own read showed
    coaching.refresh_in_background(Broken())  # type: ignore[arg-type]
    qtbot.waitUntil(lambda: coaching.panel.today.text().startswith("Foundation today"), timeout=5000)
