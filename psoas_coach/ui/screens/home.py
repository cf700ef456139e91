"""Home as "today": what to do today, this week against the target, each program as a card, and Start."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QHBoxLayout, QPushButton, QVBoxLayout, QWidget

from psoas_coach.core.describe import minutes_text
from psoas_coach.core.history import duration_minutes, effort_of, pain_of, program_name_of, status_words
from psoas_coach.core.plan import build_plan
from psoas_coach.core.program import Program, ProgramLibrary
from psoas_coach.i18n import _, content, datetime_text
from psoas_coach.ui.drawing_cache import DrawingCache
from psoas_coach.ui.text_scale import design_size, fit_to_parent, follow_window, set_scaled_font
from psoas_coach.ui.theme import Space, Type
from psoas_coach.ui.widgets.banner import NoticeBanner
from psoas_coach.ui.widgets.buttons import primary_button, secondary_button
from psoas_coach.ui.widgets.flow_row import FlowRow
from psoas_coach.ui.widgets.program_cards import ProgramCards, ProgramEntry
from psoas_coach.ui.widgets.scrolling import ScrollArea
from psoas_coach.ui.widgets.text import label
from psoas_coach.ui.widgets.week_strip import WeekStrip


def last_session_text(record: dict[str, Any] | None) -> str:
    """Home's line about the latest session, read with core.history's readers (odd values read "not known")."""
    if record is None:
        return _("No sessions yet. Your first one will appear here.")
    started = started_text(str(record.get("started", "")))
    program, status, minutes = program_name_of(record), status_words(record), duration_minutes(record)
    if minutes is None:
        text = _("Last session: {started} · {program} · {status} · duration not known").format(
            started=started, program=program, status=status)
    else:
        text = _("Last session: {started} · {program} · {status} · {minutes} min").format(
            started=started, program=program, status=status, minutes=minutes)
    effort, pain = effort_of(record), pain_of(record)
    if effort is not None:
        text += " · " + _("effort {effort}/10").format(effort=effort)
    if pain:
        text += " · " + _("pain {pain}/10").format(pain=pain)
    return text


def started_text(iso: str) -> str:
    """A record's start time as the language writes a date and time; the raw text if it is not a date."""
    from datetime import datetime

    try:
        return datetime_text(datetime.fromisoformat(iso), "short")
    except ValueError:
        return iso[:16].replace("T", " ")


class HomeScreen(QWidget):
    start_requested = Signal(str)  # program id
    history_requested = Signal()

    def __init__(self, library: ProgramLibrary, drawings: DrawingCache | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.library = library
        follow_window(self)  # its type and cards grow with the window, as the session's ring does
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        scroller = ScrollArea("home-scroll")  # a short window (or large text) scrolls home rather than squeeze it
        outer.addWidget(scroller)
        content = QWidget()
        scroller.setWidget(content)
        self.content_layout = layout = QVBoxLayout(content)
        layout.setContentsMargins(Space.XL, Space.L, Space.XL, 0)
        layout.setSpacing(Space.M)
        header = QHBoxLayout()
        header.setSpacing(Space.L)
        self.title = label("Psoas Coach", Type.TITLE, bold=True, wrap=False, name="home-title")
        header.addWidget(self.title)
        header.addStretch(1)
        self.week = WeekStrip()
        header.addWidget(self.week)
        layout.addLayout(header)
        self.intro = label(_("Put the laptop on the floor where you can see it, pick a session and press Enter."),
                           Type.BODY, name="home-intro")
        layout.addWidget(self.intro)
        self.banner = NoticeBanner("home-notice")
        self.notice = self.banner.notice
        layout.addWidget(self.banner)
        self.programs = ProgramCards(drawings)
        self.programs.setObjectName("home-programs")
        self.programs.setAccessibleName(_("Pick a session"))
        set_scaled_font(self.programs, Type.BODY)
        for program in library.programs:
            self._add_program(program)
        layout.addWidget(self.programs)
        layout.addStretch(1)
        self.button_row = FlowRow()
        self.button_row.setObjectName("home-buttons")
        self.start_button = primary_button(_("Start (Enter)"), "home-start", self)
        self.button_row.add(self.start_button)
        self.history_button = secondary_button(_("History (H)"), "home-history", self)
        self.history_button.clicked.connect(self.history_requested)
        self.button_row.add(self.history_button)
        bottom = QVBoxLayout()  # Start and the last session stay in view while the part above scrolls
        bottom.setContentsMargins(Space.XL, Space.S, Space.XL, Space.M)
        bottom.setSpacing(Space.S)
        bottom.addWidget(self.button_row)
        self.last = label("", Type.BODY, name="home-last")
        design_size(self.last, min_height=self.last.fontMetrics().lineSpacing())  # its line is kept while it is read
        bottom.addWidget(self.last)
        self.voice_progress = label("", Type.SMALL, name="home-voice-progress")
        self.voice_progress.setVisible(False)
        bottom.addWidget(self.voice_progress)
        outer.addLayout(bottom)
        self.start_button.clicked.connect(self._start)
        self.programs.activated.connect(self.start_requested)

    def _add_program(self, program: Program) -> None:
        plan = build_plan(program)
        name, length = content(program.name), minutes_text(plan.timed_seconds)
        exercises = tuple((ex.id, content(ex.name)) for ex in program.exercises)
        self.programs.add(ProgramEntry(program.id, name, length, exercises, content(program.description)))

    def selected_program_id(self) -> str | None:
        return self.programs.current_id()

    def select_program(self, program_id: str) -> bool:
        return self.programs.select(program_id)

    def set_last_session(self, record: dict[str, Any] | None) -> None:
        self.last.setText(last_session_text(record))

    def set_week(self, session_days: Iterable[date], today: date) -> None:
        """This week's strip: the days with a session, today ringed."""
        self.week.set_week(session_days, today)

    def add_panel(self, panel: QWidget) -> None:
        """A part above the program cards (coaching's today line and proposals), once."""
        layout = self.content_layout
        if layout.indexOf(panel) < 0:
            layout.insertWidget(layout.indexOf(self.intro), panel)
            fit_to_parent([panel])

    def add_button(self, text: str, name: str) -> QPushButton:
        """A further button beside Start and History (for features wired in by the app)."""
        button = secondary_button(text, name, self)
        self.button_row.add(button)
        fit_to_parent([button])
        return button

    def set_voice_progress(self, ready: int, total: int) -> None:
        """"Preparing the voice: 40 of 82 cues" while clips are rendered; gone once all are ready."""
        preparing = 0 <= ready < total
        self.voice_progress.setText(_("Preparing the voice: {ready} of {total} cues").format(ready=ready, total=total)
                                    if preparing else "")
        self.voice_progress.setVisible(preparing)

    def set_notice(self, text: str) -> None:
        """Show one plain line in the banner; the latest few stay, newest first, so one notice never hides another."""
        self.banner.set_notice(text)

    def _start(self) -> None:
        program_id = self.selected_program_id()
        if program_id is not None:
            self.start_requested.emit(program_id)
