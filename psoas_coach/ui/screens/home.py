"""Home: pick a program, see the last session, start."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QHBoxLayout, QListWidget, QListWidgetItem, QPushButton, QVBoxLayout, QWidget

from psoas_coach.core.describe import minutes_text
from psoas_coach.core.history import duration_minutes, effort_of, pain_of, program_name_of, status_words
from psoas_coach.core.plan import build_plan
from psoas_coach.core.program import Program, ProgramLibrary
from psoas_coach.i18n import _, content, datetime_text
from psoas_coach.ui.qt_values import USER_ROLE  # by number: home is built before the first paint
from psoas_coach.ui.text_scale import set_scaled_font
from psoas_coach.ui.widgets.text import label

MAX_NOTICES = 3


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

    def __init__(self, library: ProgramLibrary, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.library = library
        layout = QVBoxLayout(self)
        layout.setContentsMargins(48, 24, 48, 24)
        layout.addWidget(label("Psoas Coach", 3.0, bold=True, name="home-title"))
        layout.addWidget(label(_("Put the laptop on the floor where you can see it, pick a session and press Enter."), 1.3))
        self.programs = QListWidget()
        self.programs.setObjectName("home-programs")
        self.programs.setAccessibleName(_("Pick a session"))
        set_scaled_font(self.programs, 1.4)
        self.programs.setWordWrap(True)
        self.programs.setSpacing(6)
        for program in library.programs:
            self._add_program(program)
        if self.programs.count():
            self.programs.setCurrentRow(0)
        layout.addWidget(self.programs, 1)
        row = QHBoxLayout()
        self.start_button = QPushButton(_("Start (Enter)"))
        self.start_button.setObjectName("home-start")
        set_scaled_font(self.start_button, 1.6, bold=True)
        self.start_button.setMinimumHeight(56)
        row.addWidget(self.start_button)
        self.history_button = QPushButton(_("History (H)"))
        self.history_button.setObjectName("home-history")
        set_scaled_font(self.history_button, 1.3)
        self.history_button.setMinimumHeight(56)
        self.history_button.clicked.connect(self.history_requested)
        row.addWidget(self.history_button)
        self.button_row = row
        layout.addLayout(row)
        self.last = label("", 1.2, name="home-last")
        self.last.setMinimumHeight(self.last.fontMetrics().lineSpacing())  # its line is kept while it is read
        layout.addWidget(self.last)
        self.voice_progress = label("", 1.0, name="home-voice-progress")
        self.voice_progress.setVisible(False)
        layout.addWidget(self.voice_progress)
        self._notices: list[str] = []
        self.notice = label("", 1.0, name="home-notice")
        self.notice.setVisible(False)
        layout.addWidget(self.notice)
        self.start_button.clicked.connect(self._start)
        self.programs.itemActivated.connect(lambda _item: self._start())

    def _add_program(self, program: Program) -> None:
        plan = build_plan(program)
        names = ", ".join(content(ex.name) for ex in program.exercises)
        item = QListWidgetItem(f"{content(program.name)} — {minutes_text(plan.timed_seconds)}\n{names}")
        item.setData(USER_ROLE, program.id)
        item.setToolTip(content(program.description))
        self.programs.addItem(item)

    def selected_program_id(self) -> str | None:
        item = self.programs.currentItem()
        return None if item is None else str(item.data(USER_ROLE))

    def select_program(self, program_id: str) -> bool:
        for row in range(self.programs.count()):
            if self.programs.item(row).data(USER_ROLE) == program_id:
                self.programs.setCurrentRow(row)
                return True
        return False

    def set_last_session(self, record: dict[str, Any] | None) -> None:
        self.last.setText(last_session_text(record))

    def add_panel(self, panel: QWidget) -> None:
        """A part above the program list (coaching's today line and proposals), once."""
        layout = self.layout()
        assert isinstance(layout, QVBoxLayout)
        if layout.indexOf(panel) < 0:
            layout.insertWidget(layout.indexOf(self.programs), panel)

    def add_button(self, text: str, name: str) -> QPushButton:
        """A further button beside Start and History (for features wired in by the app)."""
        button = QPushButton(text)
        button.setObjectName(name)
        set_scaled_font(button, 1.3)
        button.setMinimumHeight(56)
        self.button_row.addWidget(button)
        return button

    def set_voice_progress(self, ready: int, total: int) -> None:
        """"Preparing the voice: 40 of 82 cues" while clips are rendered; gone once all are ready."""
        preparing = 0 <= ready < total
        self.voice_progress.setText(f"Preparing the voice: {ready} of {total} cues" if preparing else "")
        self.voice_progress.setVisible(preparing)

    def set_notice(self, text: str) -> None:
        """Show one plain line; the latest few stay, newest first, so one notice never hides another."""
        if not text:
            self._notices = []
        elif text not in self._notices:
            self._notices = [text, *self._notices][:MAX_NOTICES]
        self.notice.setText("\n".join(self._notices))
        self.notice.setVisible(bool(self._notices))

    def _start(self) -> None:
        program_id = self.selected_program_id()
        if program_id is not None:
            self.start_requested.emit(program_id)
