"""Home: pick a program, see the last session, start."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QHBoxLayout, QListWidget, QListWidgetItem, QPushButton, QVBoxLayout, QWidget

from psoas_coach.core.describe import minutes_text
from psoas_coach.core.plan import build_plan
from psoas_coach.core.program import Program, ProgramLibrary
from psoas_coach.ui.qt_values import USER_ROLE  # by value: see qt_values
from psoas_coach.ui.theme import scaled_font
from psoas_coach.ui.widgets.text import label

MAX_NOTICES = 3
STATUS_WORDS = {"completed": "completed", "ended_early": "ended early", "pain_stop": "stopped for pain"}


def last_session_text(record: dict[str, Any] | None) -> str:
    if record is None:
        return "No sessions yet. Your first one will appear here."
    started = str(record.get("started", ""))[:16].replace("T", " ")
    program = record.get("program", {}).get("name", "?")
    status = STATUS_WORDS.get(str(record.get("status")), str(record.get("status")))
    minutes = round(float(record.get("duration_seconds", 0)) / 60)
    text = f"Last session: {started} · {program} · {status} · {minutes} min"
    if record.get("effort") is not None:
        text += f" · effort {record['effort']}/10"
    if record.get("pain"):
        text += f" · pain {record['pain']}/10"
    return text


class HomeScreen(QWidget):
    start_requested = Signal(str)  # program id
    history_requested = Signal()

    def __init__(self, library: ProgramLibrary, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.library = library
        layout = QVBoxLayout(self)
        layout.setContentsMargins(48, 24, 48, 24)
        layout.addWidget(label("Psoas Coach", 3.0, bold=True, name="home-title"))
        layout.addWidget(label("Put the laptop on the floor where you can see it, pick a session and press Enter.", 1.3))
        self.programs = QListWidget()
        self.programs.setObjectName("home-programs")
        self.programs.setFont(scaled_font(self.font(), 1.4))
        self.programs.setWordWrap(True)
        self.programs.setSpacing(6)
        for program in library.programs:
            self._add_program(program)
        if self.programs.count():
            self.programs.setCurrentRow(0)
        layout.addWidget(self.programs, 1)
        row = QHBoxLayout()
        self.start_button = QPushButton("Start (Enter)")
        self.start_button.setObjectName("home-start")
        self.start_button.setFont(scaled_font(self.font(), 1.6, bold=True))
        self.start_button.setMinimumHeight(56)
        row.addWidget(self.start_button)
        self.history_button = QPushButton("History (H)")
        self.history_button.setObjectName("home-history")
        self.history_button.setFont(scaled_font(self.font(), 1.3))
        self.history_button.setMinimumHeight(56)
        self.history_button.clicked.connect(self.history_requested)
        row.addWidget(self.history_button)
        self.button_row = row
        layout.addLayout(row)
        self.last = label("", 1.2, name="home-last")
        self.last.setMinimumHeight(self.last.fontMetrics().lineSpacing())  # its line is kept while it is read
        layout.addWidget(self.last)
        self._notices: list[str] = []
        self.notice = label("", 1.0, name="home-notice")
        self.notice.setVisible(False)
        layout.addWidget(self.notice)
        self.start_button.clicked.connect(self._start)
        self.programs.itemActivated.connect(lambda _item: self._start())

    def _add_program(self, program: Program) -> None:
        plan = build_plan(program)
        names = ", ".join(ex.name for ex in program.exercises)
        item = QListWidgetItem(f"{program.name} — {minutes_text(plan.timed_seconds)}\n{names}")
        item.setData(USER_ROLE, program.id)
        item.setToolTip(program.description)
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
        button.setFont(scaled_font(self.font(), 1.3))
        button.setMinimumHeight(56)
        self.button_row.addWidget(button)
        return button

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
