"""The main window: home and the session view, every action on a key and a visible button."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Signal
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import QApplication, QMainWindow, QStackedWidget, QVBoxLayout, QWidget

from psoas_coach.core.names import program_name
from psoas_coach.core.program import Program, ProgramLibrary
from psoas_coach.i18n import _, content
from psoas_coach.store.session_services import SessionServices
from psoas_coach.ui.actions import key_action
from psoas_coach.ui.dialogs import AskFn, ChooseFileFn, ask_yes_no, choose_session_export
from psoas_coach.ui.screens.home import HomeScreen, started_text
from psoas_coach.ui.session_driver import SessionDriver
from psoas_coach.ui.theme import LIGHT, Space, Theme
from psoas_coach.ui.widgets.banner import BannerSlot, QuestionBanner
from psoas_coach.ui.widgets.focus_ring import FocusRing
from psoas_coach.ui.widgets.scrolling import reveal
from psoas_coach.ui.window_scale import WindowScaler
from psoas_coach.ui.window_state import WindowState

if TYPE_CHECKING:
    # The engine and the session store are imported when a session or the history first needs them,
    # after home's first paint (store.session_services).
    from psoas_coach.core.engine import SessionEngine, SessionResult, SessionState
    from psoas_coach.store.recording import SessionRecorder
    from psoas_coach.store.sessions import SessionStore
    from psoas_coach.ui.accessibility import Announcer
    from psoas_coach.ui.drawing_cache import DrawingCache  # made when first needed, after the first paint
    from psoas_coach.ui.screens.history import HistoryScreen  # imports QtCharts: only when History opens
    from psoas_coach.ui.screens.session import SessionView  # built after the first paint, or when needed
    from psoas_coach.ui.shortcuts import ShortcutsOverlay  # the '?' key list: built on first use

EngineFactory = Callable[[Program], "SessionEngine"]
ResumeFactory = Callable[[Program, dict[str, Any]], "SessionEngine"]

APP_TITLE = "Psoas Coach"


def order_tabs(root: QWidget) -> None:
    """ui.accessibility.order_tabs, imported when first used: home's first frame does not wait for it."""
    from psoas_coach.ui import accessibility

    accessibility.order_tabs(root)


def session_on(engine: SessionEngine | None) -> bool:
    """A session is on screen and not over (ready, running or paused)."""
    if engine is None:
        return False
    from psoas_coach.core.engine import SessionState  # imported by then: the engine exists

    return engine.state is not SessionState.FINISHED


def session_running(engine: SessionEngine, *, paused_too: bool = False) -> bool:
    from psoas_coach.core.engine import SessionState

    return engine.state is SessionState.RUNNING or (paused_too and engine.state is SessionState.PAUSED)


class MainWindow(QMainWindow):
    mute_toggled = Signal(bool)
    session_started = Signal(object)  # SessionEngine
    session_finished = Signal(object)  # SessionResult
    report_requested = Signal()  # the therapist report, from History

    def __init__(
        self,
        library: ProgramLibrary,
        services: SessionServices,
        make_engine: EngineFactory,
        *,
        ask: AskFn = ask_yes_no,
        muted: bool = False,
        window_state: WindowState | None = None,
        resume_engine: ResumeFactory | None = None,
        choose_file: ChooseFileFn = choose_session_export,
        finish_start_up: Callable[[], None] = lambda: None,
        today: Callable[[], date] = date.today,
        last_session_now: bool = True,
        theme: Theme = LIGHT,
        reduced_motion: bool = False,
        drawings: DrawingCache | None = None,
    ) -> None:
        super().__init__()
        self.library = library
        self.services = services  # the session store and recorder, made on first use
        self.make_engine = make_engine
        self.resume_engine = resume_engine
        self.choose_file = choose_file
        # what a program becomes before it is run (coaching applies the user's levels here)
        self.prepare_program: Callable[[Program], Program] = lambda program: program
        self.ask = ask
        # start-up work that waits for the first paint (ui.startup hands it in); a session runs it all first
        self.finish_start_up = finish_start_up
        self.today = today  # History's "this week" and calendar (ui.startup hands in its clock's day)
        self.engine: SessionEngine | None = None
        self.window_state = window_state
        self.theme = theme
        self.reduced_motion = reduced_motion
        # step announcements for screen readers; ui.startup tells it when the app's own voice is heard
        self._announcer: Announcer | None = None  # see the announcer property
        self.last_program: str | None = None
        self.setWindowTitle(APP_TITLE)
        self.setMinimumSize(800, 500)
        screen = self.screen().availableSize()  # a first start on a small screen opens within it
        self.resize(max(800, min(1366, screen.width())), max(500, min(768, screen.height())))
        self.actions_by_name = self._make_actions(muted)
        self.driver = SessionDriver(self)
        self.stack = QStackedWidget()
        self.home = HomeScreen(library, drawings)  # the cards' exercise drawings, kept between runs
        self._session: SessionView | None = None  # see the session property
        self.stack.addWidget(self.home)
        central = QWidget()
        column = QVBoxLayout(central)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(0)
        self.question = QuestionBanner(self)  # resume offers and other questions that can wait: no dialog
        column.addWidget(BannerSlot(self.question, Space.XL, Space.M, Space.XL, 0))  # no room while hidden
        column.addWidget(self.stack, 1)
        self.setCentralWidget(central)
        self.focus_ring = FocusRing(self)
        # home, briefing, summary, safety, History and the banners scale with the window (ui.theme.window_scale)
        self.scaler = WindowScaler(self)
        self.stack.widgetAdded.connect(lambda index: self.scaler.fit(self.stack.widget(index)))
        self._shortcuts: ShortcutsOverlay | None = None  # the '?' key list: built the first time it is asked for
        self.home.start_requested.connect(self.start_program)
        self.history: HistoryScreen | None = None  # built the first time it is opened
        self.home.history_requested.connect(self.show_history)
        self.history_action = key_action(self, "history", _("History (H)"), ["H"], self.show_history)
        self.driver.refreshed.connect(lambda: self.recorder.tick())
        self._set_session_actions(False)
        skipped = library.problems_notice()
        if skipped:
            self.home.set_notice(skipped)
        if last_session_now:  # app.py fills the line just after the first paint instead
            self.refresh_last_session()
        if window_state is not None:
            if window_state.problem:
                self.home.set_notice(window_state.problem)
            window_state.restore_geometry(self)
            self.last_program = window_state.last_program
            if self.last_program:
                self.home.select_program(self.last_program)

    @property
    def store(self) -> SessionStore:
        return self.services.store

    @property
    def recorder(self) -> SessionRecorder:
        return self.services.recorder

    @property
    def shortcuts(self) -> ShortcutsOverlay:
        """The '?' key list (a style-sheeted panel of every key, filtering the window's events): built on first
        use, since home's first frame never shows it."""
        if self._shortcuts is None:
            from psoas_coach.ui.shortcuts import ShortcutsOverlay

            self._shortcuts = ShortcutsOverlay(self.actions_by_name.values(), self)
        return self._shortcuts

    @property
    def session(self) -> SessionView:
        """The session view (its screens, the summary): built on first use, so home paints without it."""
        if self._session is None:
            from psoas_coach.ui.screens.session import SessionView

            view = SessionView([self.actions_by_name[n] for n in
                                ("back", "pause", "next", "pain", "end", "mute", "fullscreen", "shortcuts")],
                               theme=self.theme, announcer=self.announcer, reduced_motion=self.reduced_motion)
            self.stack.addWidget(view)
            view.summary.save_requested.connect(self.save_ratings)
            view.summary.home_requested.connect(self.go_home)
            view.summary.export_requested.connect(self.export_unsaved)
            self.driver.refreshed.connect(view.refresh)
            self._session = view
        return self._session

    def order_home_tabs(self) -> None:
        """Tab follows home's reading order, its buttons named plainly (a start-up step after the first frame)."""
        order_tabs(self.home)

    @property
    def announcer(self) -> Announcer:
        """Step announcements for screen readers (ui.startup tells it when the app's own voice is heard):
        made on first use, since home's first frame announces nothing."""
        if self._announcer is None:
            from psoas_coach.ui.accessibility import Announcer

            self._announcer = Announcer(self)
            self._announcer.voice_on = lambda: not self.muted
        return self._announcer

    def show_restored(self) -> None:
        """Show the window as it was left: full screen or at its saved size and place. Home's Tab order is set
        by a start-up step just after the first frame (order_home_tabs): it reads Qt enums (see qt_values)."""
        if self.window_state is not None and self.window_state.fullscreen:
            self.showFullScreen()
        else:
            self.show()
        self.scaler.apply()  # the first frame at the scale of the window's size, not a jump just after it
        self.home.programs.focus_chosen()  # Enter starts the chosen session, whatever comes first in Tab order

    # ------------------------------------------------------------------ actions

    def _make_actions(self, muted: bool) -> dict[str, QAction]:
        specs: list[tuple[str, str, list[str], Callable[[], None]]] = [
            ("back", _("◀ Back"), ["Left"], self.back),
            ("pause", _("Pause / resume (Space)"), ["Space"], self.toggle_pause),
            ("next", _("Next ▶ (Enter)"), ["Return", "Enter", "Right"], self.next_step),
            ("pain", _("Sharp pain — stop (P)"), ["P"], self.pain_stop),
            ("end", _("End (Esc)"), ["Escape"], self.end_session),
            ("fullscreen", _("Full screen (F11)"), ["F11"], self.toggle_fullscreen),
            ("shortcuts", _("Keys (?)"), ["?"], self.show_shortcuts),
        ]
        actions: dict[str, QAction] = {}
        for name, text, keys, slot in specs:
            actions[name] = key_action(self, name, text, keys, slot)
        mute = QAction(self)  # then its text, as ui.actions.key_action does (no QIcon overload check)
        mute.setText(_("Mute (M)"))
        mute.setObjectName("mute")
        mute.setCheckable(True)
        mute.setChecked(muted)
        mute.setShortcuts([QKeySequence("M")])
        mute.toggled.connect(self._on_mute)
        self.addAction(mute)
        actions["mute"] = mute
        order = ["back", "pause", "next", "pain", "end", "mute", "fullscreen", "shortcuts"]
        return {name: actions[name] for name in order}

    def _set_session_actions(self, enabled: bool) -> None:
        for name in ("back", "pause", "next", "pain", "end"):
            self.actions_by_name[name].setEnabled(enabled)

    def _on_mute(self, muted: bool) -> None:
        self.actions_by_name["mute"].setText(_("Unmute (M)") if muted else _("Mute (M)"))
        self.mute_toggled.emit(muted)

    @property
    def muted(self) -> bool:
        return self.actions_by_name["mute"].isChecked()

    # ------------------------------------------------------------------ session flow

    def start_program(self, program_id: str) -> None:
        self.finish_start_up()  # coaching (levels), voice and keep-awake are all in place first
        if session_on(self.engine):
            return  # finishing start-up resumed an interrupted session (or started --program): that one runs
        if self.question.pending:
            self.question.yes_button.setFocus()  # the interrupted session is asked about first (Y or N)
            return
        if not self.recorder.claim():
            from psoas_coach.store.session_lock import ELSEWHERE

            self.home.set_notice(str(ELSEWHERE))
            return
        program = self.prepare_program(self.library.get(program_id))
        self._run(self.make_engine(program))

    def _run(self, engine: SessionEngine, session_id: str | None = None) -> None:
        """Show and drive *engine* (new, or restored from an autosave and paused where it stopped)."""
        program = engine.plan.program
        self.last_program = program.id
        self.engine = engine
        self.recorder.begin(engine, session_id)
        self.session.bind(engine)
        engine.signals.finished.connect(self._on_finished)
        engine.signals.state_changed.connect(self._on_state)
        self.stack.setCurrentWidget(self.session)
        self.setWindowTitle(f"{content(program.name)} — {APP_TITLE}")
        self._set_session_actions(True)
        self.session_started.emit(engine)
        engine.start()
        self.driver.drive(engine)

    def offer_resume(self) -> None:
        """After a crash or power loss: resume the interrupted session, or keep it as a partial one. Only the
        window that owns the running session does either; another window's running session is left alone.

        The question is a banner inside the window (Y resumes, N keeps it as partial), never a dialog."""
        if not self.recorder.claim():
            self.home.set_notice(_("A session is running in another Psoas Coach window on this data folder; "
                                   "it goes on there."))
            return
        left = self.store.unfinished()  # checked into the autosave's shape (store.unfinished.check_unfinished)
        if left is None:
            self.recorder.release()
            if self.store.unfinished_problem:
                self.home.set_notice(self.store.unfinished_problem)
            return
        self.finish_start_up()
        from psoas_coach.store.unfinished import can_resume

        program_id = str(left["program_id"])
        name = program_name(program_id, str(left["record"]["program"]["name"]))
        started = started_text(str(left["record"]["started"]))
        if can_resume(left) and self.resume_engine is not None and program_id in self.library.ids():
            question = _("Your {program} session of {started} stopped before it ended. Resume where it stopped? "
                         "No keeps what you did as a partial session.").format(program=name, started=started)
            self.question.ask(question, _("Resume"), _("Keep as partial"),
                              lambda yes: self._answer_resume(left, name, yes))
            return
        self._keep_partial(left, name, "")

    def _answer_resume(self, left: dict[str, Any], name: str, resume: bool) -> None:
        why_not = ""
        if resume and self.resume_engine is not None:
            program_id = str(left["program_id"])
            try:
                engine = self.resume_engine(self.prepare_program(self.library.get(program_id)), left)
            except ValueError as exc:
                why_not = _("The interrupted session cannot resume ({reason}).").format(reason=exc) + " "
            else:
                self._run(engine, str(left["session_id"]))
                return
        self._keep_partial(left, name, why_not)

    def _keep_partial(self, left: dict[str, Any], name: str, why_not: str) -> None:
        from psoas_coach.store.sessions import StoreError
        from psoas_coach.store.unfinished import save_as_partial

        try:
            path = save_as_partial(self.store, left)
        except StoreError as exc:
            self.home.set_notice(why_not + _("Your interrupted {program} session could not be kept as a partial "
                                             "session: {reason} Its autosave stays in place and is offered again at "
                                             "the next start.").format(program=name, reason=exc))
            self.recorder.release()
            return
        self.recorder.release()
        if path is None:
            self.home.set_notice(why_not + _("Your interrupted {program} session stopped before any exercise, "
                                             "so there was nothing to keep.").format(program=name))
            return
        self.home.set_notice(why_not + _("Your interrupted {program} session was kept as a partial session ({file}).")
                             .format(program=name, file=path.name))
        self.refresh_last_session()
        self.home.programs.focus_chosen()

    def next_step(self) -> None:
        if self.engine is not None:
            self.engine.next()
            self.session.refresh()

    def back(self) -> None:
        if self.engine is not None:
            self.engine.back()
            self.session.refresh()

    def toggle_pause(self) -> None:
        if self.engine is not None:
            self.engine.toggle_pause()

    def pain_stop(self) -> None:
        if self.engine is not None:
            self.engine.pain_stop()

    def end_session(self) -> None:
        if self._shortcuts is not None and self._shortcuts.isVisible():  # Esc closes the key list first
            self.shortcuts.hide()
            return
        engine = self.engine
        if engine is None or not session_on(engine):
            return
        was_running = session_running(engine)
        engine.pause()
        if self.ask(self, _("End session?"), _("End this session now? What you have done so far is saved.")):
            engine.end_early()
        elif was_running:
            engine.resume()

    def _on_state(self, state: SessionState) -> None:
        from psoas_coach.core.engine import SessionState

        self._set_session_actions(state in (SessionState.RUNNING, SessionState.PAUSED))

    def _on_finished(self, result: SessionResult) -> None:
        self.driver.drive(None)
        self._set_session_actions(False)
        outcome = self.recorder.finished(result)
        self.session.summary.set_status(f"{outcome.message} {self.session.summary.prompt}")
        self.session.summary.offer_export(not outcome.saved)
        self.refresh_last_session()
        self.session_finished.emit(result)

    def save_ratings(self, effort: int | None, pain: int | None, notes: str) -> None:
        outcome = self.recorder.rate(effort, pain, notes)
        if outcome.saved:
            self.go_home()
            self.home.set_notice(_("Session saved. {message}").format(message=outcome.message))
        else:
            self.session.summary.set_status(outcome.message)
            self.session.summary.offer_export(bool(self.recorder.unsaved))

    def export_unsaved(self) -> None:
        """The disk refused the session: write it wherever the user can (a USB stick, another folder)."""
        from pathlib import Path

        from psoas_coach.store.exporting import write_export
        from psoas_coach.store.sessions import StoreError

        records = self.recorder.unsaved
        if not records:
            return
        chosen = self.choose_file(self, str(Path.home() / "psoas-coach-unsaved-session.json"))
        if not chosen:
            return
        try:
            write_export(records, Path(chosen), "json")
        except StoreError as exc:
            self.session.summary.set_status(str(exc))
            return
        self.session.summary.set_status(_("Exported to {file}. Import it later with: psoas-coach import {file}")
                                        .format(file=chosen))

    def go_home(self) -> None:
        if session_on(self.engine):
            return
        self.driver.drive(None)
        self.stack.setCurrentWidget(self.home)
        self.setWindowTitle(APP_TITLE)
        self.refresh_last_session()
        order_tabs(self.home)
        self.home.programs.focus_chosen()

    def show_history(self) -> None:
        """Open the History screen from home (never in the middle of a session)."""
        if self.stack.currentWidget() is not self.home:
            return
        if self.history is None:
            from psoas_coach.ui.screens.history import HistoryScreen

            self.history = HistoryScreen(self.store, today=self.today)
            self.history.home_requested.connect(self.go_home)
            self.history.report_requested.connect(self.report_requested.emit)
            self.stack.addWidget(self.history)
        self.history.reload()
        self.stack.setCurrentWidget(self.history)
        self.setWindowTitle(_("History — {app}").format(app=APP_TITLE))
        order_tabs(self.history)
        self.history.list.setFocus()

    def refresh_last_session(self) -> None:
        self.home.set_last_session(self.store.latest())

    def notify(self, text: str) -> None:
        """One plain line on whichever of home or History is showing."""
        if self.history is not None and self.stack.currentWidget() is self.history:
            self.history.set_notice(text)
        else:
            self.home.set_notice(text)

    # ------------------------------------------------------------------ window

    def show_caption(self, text: str) -> None:
        self.session.show_caption(text)

    def toggle_fullscreen(self) -> None:
        if self.isFullScreen():
            self.showNormal()
        else:
            self.showFullScreen()

    def focusNextPrevChild(self, next: bool) -> bool:  # noqa: N802, A002 (Qt override)
        """Tab and Shift+Tab: the control that gets the keyboard is scrolled into view in every scroll area
        around it (widgets.scrolling), from inside the area or from outside it."""
        moved = super().focusNextPrevChild(next)
        focused = QApplication.focusWidget()
        if moved and focused is not None and focused.window() is self:
            reveal(focused)
        return moved

    def show_shortcuts(self) -> None:
        self.shortcuts.toggle()

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 (Qt override)
        if self.engine is not None and session_running(self.engine, paused_too=True):
            self.engine.end_early()  # keeps what was done: an unfinished session is saved, never lost
        self.driver.drive(None)
        if self.window_state is not None:
            self.window_state.save(self, self.last_program)
        super().closeEvent(event)
