"""Coaching in the window: first-run safety, levels applied to each session, the quick rating after each
exercise, and the home screen's today line and proposals. The rules are core.coaching's; this module only
shows them and passes the user's answers on. ``ui.startup`` builds it and calls ``install()`` once.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QBoxLayout

from psoas_coach.core import coaching
from psoas_coach.core.coaching import CoachingState, Outlook
from psoas_coach.core.engine import Outcome, SessionEngine, SessionResult
from psoas_coach.core.history import Control, set_rating
from psoas_coach.core.plan import Step, StepKind
from psoas_coach.core.program import Program
from psoas_coach.core.progression import Proposal, ProposalKind
from psoas_coach.core.schedule import TodayKind
from psoas_coach.core.weeks import training_days
from psoas_coach.i18n import _, ngettext
from psoas_coach.paths import AppPaths
from psoas_coach.store.coaching_store import CoachingStore, CoachingStoreError
from psoas_coach.store.records import iso_local
from psoas_coach.store.sessions import LoadResult, SessionStore
from psoas_coach.ui.dialogs import ChooseFileFn, RunDialogFn, choose_report_file, run_dialog
from psoas_coach.ui.main_window import MainWindow
from psoas_coach.ui.screens.coaching_panel import CoachingPanel
from psoas_coach.ui.screens.range_notes import RangeNotesDialog
from psoas_coach.ui.screens.safety import SafetyScreen
from psoas_coach.ui.widgets.quick_rating import QuickRating

log = logging.getLogger(__name__)

REPORT_WEEKS = 8

@dataclass(frozen=True)
class Reading:
    """One read of the stores for home: the coaching state, the outlook from it, and any problem with the
    history (files moved aside). Made on any thread; shown on the GUI thread."""

    state: CoachingState
    outlook: Outlook
    notice: str | None
    days: tuple[date, ...] = ()  # the training days (home's week strip)


class CoachingController(QObject):
    """Owns the coaching widgets it adds to the window and keeps them in step with the stores."""

    _read = Signal(int, object)  # generation, Reading or None: from the worker thread, queued

    def __init__(self, window: MainWindow, coaching_store: CoachingStore, paths: AppPaths | None = None, *,
                 today: Callable[[], date] = date.today, now: Callable[[], str] | None = None,
                 choose_file: ChooseFileFn = choose_report_file, dialog: RunDialogFn = run_dialog,
                 panel: CoachingPanel | None = None) -> None:
        super().__init__(window)
        self.window = window
        self.coaching_store = coaching_store
        self.paths = paths
        self.today = today
        self.now = now or (lambda: iso_local(time.time()))
        self.choose_file = choose_file
        self.dialog = dialog
        self.state: CoachingState = coaching_store.load()
        self.engine: SessionEngine | None = None
        self.ratings: dict[str, tuple[Control | None, bool | None]] = {}
        self.panel = panel or CoachingPanel()  # app.py puts the panel on home before the first paint
        self.rating = QuickRating()
        self.safety = SafetyScreen()
        self.proposals: list[Proposal] = []
        self._generation = 0
        self._read.connect(self._on_read)

    # ------------------------------------------------------------------ hooks

    def install(self, *, refresh: bool = True) -> None:
        """Hook coaching onto the window. With *refresh* the history is read (and today's line and the
        proposals filled in) now; app.py passes False and calls ``refresh_if_home`` once the window shows."""
        w = self.window
        session_layout = w.session.layout()
        assert isinstance(session_layout, QBoxLayout)
        w.home.add_panel(self.panel)
        self.panel.setVisible(True)  # also when installed on a window that is already shown
        session_layout.insertWidget(session_layout.indexOf(w.session.caption), self.rating)
        w.stack.addWidget(self.safety)
        w.prepare_program = self.levelled
        w.session_started.connect(self._attach)
        w.session_finished.connect(self._on_finished)
        w.stack.currentChanged.connect(self._on_page)
        self.panel.decided.connect(self.decide)
        self.panel.range_notes_requested.connect(self.edit_range_notes)
        self.panel.report_requested.connect(self.write_report)
        w.report_requested.connect(self.write_report)
        self.rating.rated.connect(self._rated)
        self.safety.accepted.connect(self.accept_safety)
        for problem in self.coaching_store.problems:
            w.home.set_notice(problem)
        if self.state.safety_accepted is None:
            w.stack.setCurrentWidget(self.safety)
            self.safety.setFocus()
        if refresh:
            self.refresh()

    @property
    def needs_safety(self) -> bool:
        """True until the first-run caution is accepted: app.py should not start ``--program`` before it."""
        return self.state.safety_accepted is None

    def levelled(self, program: Program) -> Program:
        return coaching.levelled(program, self.state)

    # ------------------------------------------------------------------ home

    def current_program(self) -> Program:
        return coaching.current_program(self.window.library, self.state)

    def refresh_if_home(self, store: SessionStore | None = None) -> None:
        """Refresh if home is showing; otherwise the return to home does it (no wasted history read
        behind History or a session). With *store* (a store object of its own) the history is read on
        a worker thread, so a long one does not hold up the window."""
        if self.window.stack.currentWidget() is not self.window.home:
            return
        if store is None:
            self.refresh()
        else:
            self.refresh_in_background(store)

    def refresh(self) -> None:
        """Re-read the history and the coaching file; update today's line, proposals and control status."""
        self._generation += 1  # a background read still under way is out of date now
        self.show(self.reading(self.coaching_store.load(), self.window.store.load_all()))

    def refresh_in_background(self, store: SessionStore) -> None:
        """``refresh()`` with the reading and the rules on a worker thread, then shown on this one.

        *store* must be a SessionStore of its own (the window's store is not shared between threads);
        a refresh made meanwhile on this thread wins over the one coming back."""
        self._generation += 1
        generation = self._generation
        own_store = CoachingStore(self.coaching_store.folder)

        def work() -> None:
            try:
                reading: Reading | None = self.reading(own_store.load(), store.load_all())
            except Exception:  # noqa: BLE001 - shown by refreshing here instead, where it is reported
                log.exception("reading the history for coaching failed")
                reading = None
            try:
                self._read.emit(generation, reading)  # queued to this object's (the GUI) thread
            except RuntimeError:  # the window (and this controller) closed meanwhile: nothing to show
                pass

        threading.Thread(target=work, name="psoas-coaching-read", daemon=True).start()

    def _on_read(self, generation: int, reading: object) -> None:
        if generation != self._generation:
            return  # a newer refresh was shown already
        if not isinstance(reading, Reading):
            self.refresh()
            return
        self.show(reading)

    def reading(self, state: CoachingState, loaded: LoadResult) -> Reading:
        """What the home screen shows, from the coaching state and the history: no widgets touched."""
        return Reading(state, coaching.outlook(self.window.library, state, loaded.sessions, self.today()),
                       loaded.notice(), tuple(training_days(loaded.sessions)))

    def show(self, reading: Reading) -> None:
        self.state = reading.state
        outlook = reading.outlook
        if reading.notice:
            self.window.home.set_notice(reading.notice)
        self.panel.set_today(outlook.advice.line)
        self.window.home.set_week(reading.days, self.today())
        if outlook.advice.kind is TodayKind.TRAIN and self.window.stack.currentWidget() is self.window.home:
            self.window.home.select_program(outlook.program.id)
        self.proposals = outlook.proposals
        self.panel.set_proposals(self.proposals)
        self.panel.set_control(outlook.control, outlook.program.name)

    def decide(self, proposal: Proposal, accepted: bool) -> None:
        try:
            self.coaching_store.update(coaching.decide, proposal, accepted, self.now())
        except CoachingStoreError as exc:
            self.window.home.set_notice(str(exc))
            return
        if accepted and proposal.kind is ProposalKind.PROGRAM and proposal.next_program:
            self.window.home.select_program(proposal.next_program)
        self.refresh()

    def accept_safety(self) -> None:
        try:
            self.state = self.coaching_store.update(coaching.accept_safety, self.now())
        except CoachingStoreError as exc:
            self.window.home.set_notice(_("{problem} The safety note will be shown again next time.").format(problem=exc))
        self.window.stack.setCurrentWidget(self.window.home)
        self.window.home.programs.focus_chosen()

    def edit_range_notes(self) -> None:
        program_id = self.window.home.selected_program_id() or self.current_program().id
        program = self.window.library.get(program_id)
        dialog = RangeNotesDialog(program, self.state.levels_for(program.id), self.window)
        if not self.dialog(dialog):
            return
        try:
            for ex in program.exercises:
                note = dialog.notes()[ex.id]
                current = self.state.levels_for(program.id).get(ex.id)
                if note != (current.range_note if current else ""):
                    self.state = self.coaching_store.update(coaching.set_range_note, program.id, ex, note)
        except CoachingStoreError as exc:
            self.window.home.set_notice(str(exc))
        self.refresh()

    def write_report(self) -> None:
        if self.paths is None:
            return
        end = self.today()
        start = end - timedelta(weeks=REPORT_WEEKS) + timedelta(days=1)
        chosen = self.choose_file(self.window, str(Path.home() / f"psoas-coach-report-{start}-{end}.pdf"))
        if not chosen:
            return
        from psoas_coach.report.write import write_report

        output = Path(chosen) if chosen.lower().endswith(".pdf") else Path(chosen + ".pdf")
        try:
            count, problems = write_report(self.paths, start, end, output)
        except OSError as exc:
            self.window.notify(str(exc) if str(exc).endswith(".") else
                               _("Could not write {file}: {reason}.").format(file=output, reason=exc))
            return
        for problem in problems:  # a session file that could not be read is not in the report
            self.window.notify(problem)
        self.window.notify(ngettext("Wrote the report of the last {weeks} weeks ({count} session) to {file}.",
                                    "Wrote the report of the last {weeks} weeks ({count} sessions) to {file}.",
                                    count).format(weeks=REPORT_WEEKS, count=count, file=output))

    def _on_page(self, _index: int) -> None:
        if self.window.stack.currentWidget() is self.window.home:
            self.refresh()

    # ------------------------------------------------------------------ in a session

    def _attach(self, engine: SessionEngine) -> None:
        self.engine = engine
        self.ratings = {}
        self.rating.hide()
        engine.signals.step_changed.connect(self._on_step)

    def _on_step(self, step: Step) -> None:
        engine = self.engine
        if engine is None:
            return
        if step.kind is StepKind.NEXT_UP and step.exercise is not None:
            self.rating.ask(step.exercise.id, step.exercise.name)
        elif step.kind is StepKind.SUMMARY and engine.outcome is Outcome.COMPLETED:
            last = engine.plan.program.exercises[-1]
            if last.id not in self.ratings:
                self.rating.ask(last.id, last.name, hand_on=True)
        elif step.kind is not StepKind.NEXT_UP:
            self.rating.hide()

    def _rated(self, exercise_id: str, control: object, hard: object) -> None:
        assert control is None or isinstance(control, Control)
        assert hard is None or isinstance(hard, bool)
        self.ratings[exercise_id] = (control, hard)
        if self.engine is not None and self.engine.result is not None:
            self._store_ratings()

    def _on_finished(self, _result: SessionResult) -> None:
        self._store_ratings()

    def _store_ratings(self) -> None:
        """Write the answers into the session's record and save it (the summary's save keeps them too)."""
        record: dict[str, Any] | None = self.window.recorder.record
        if record is None or not self.ratings:
            return
        for exercise_id, (control, hard) in self.ratings.items():
            try:
                set_rating(record, exercise_id, control, hard)
            except KeyError:
                continue
        self.window.recorder.save()  # a refused save stays in memory; the summary offers its export
