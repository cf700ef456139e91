"""One session in detail: per exercise and side, its ratings, editable notes, and delete."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QPlainTextEdit,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from psoas_coach.core.history import (
    NOT_KNOWN,
    duration_text,
    effort_of,
    pain_of,
    pain_stop_of,
    program_name_of,
    started_at,
    stop_place,
)
from psoas_coach.core.history_view import detail_rows, status_text
from psoas_coach.i18n import _, date_text, lazy, number, time_text, weekday_name
from psoas_coach.store.session_check import problems_of
from psoas_coach.ui.text_scale import design_size, set_scaled_font
from psoas_coach.ui.theme import Space, Type
from psoas_coach.ui.widgets.buttons import secondary_button
from psoas_coach.ui.widgets.tables import RowsFollowFont
from psoas_coach.ui.widgets.text import label

Record = dict[str, Any]
HEADERS = (lazy("Exercise"), lazy("Side"), lazy("Sets"), lazy("Reps"), lazy("Hold / work s"), "")


def headline(record: Record) -> str:
    """'Tue 2026-01-13, 07:30 · Foundation · 27:00 · completed · effort 6/10', in the language's words."""
    moment = started_at(record)
    day = (f"{weekday_name(moment.date(), 'abbreviated')} {date_text(moment.date())}, {time_text(moment)}"
           if moment else str(record.get("started", "?")))
    status = status_text(record)
    unknown = status == str(NOT_KNOWN)
    parts = [day, program_name_of(record), duration_text(record), _("status not known") if unknown else status]
    effort, pain = effort_of(record), pain_of(record)
    if effort is not None:
        parts.append(_("effort {effort}/10").format(effort=effort))
    if pain is not None:
        parts.append(_("pain {pain}/10").format(pain=pain))
    return " · ".join(parts)


class SessionDetail(QWidget):
    """Shows one record; asks the screen to save notes or delete, it never touches the store itself."""

    notes_save_requested = Signal(str, str)  # session id, notes
    delete_requested = Signal(str)  # session id

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.record: Record | None = None
        layout = QVBoxLayout(self)
        layout.setContentsMargins(Space.M, 0, 0, 0)
        layout.setSpacing(Space.S)
        self.title = label("", Type.LEAD, bold=True, name="history-detail-title")
        self.pain_line = label("", Type.BODY, bold=True, name="history-detail-pain")
        self.table = QTableWidget(0, len(HEADERS))
        self.table.setObjectName("history-detail-table")
        self.table.setAccessibleName(_("What was done, per exercise and side"))
        self.table.setHorizontalHeaderLabels([str(h) for h in HEADERS])
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        self.table.setShowGrid(False)
        self.table.setTabKeyNavigation(False)  # arrows move in it; Tab moves on to the notes
        self.table.setAlternatingRowColors(True)
        set_scaled_font(self.table, Type.BODY)
        RowsFollowFont(self.table)
        header = self.table.horizontalHeader()
        # the exercise takes the room left; every other column keeps its contents' width whichever session shows
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for column in range(1, len(HEADERS)):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        self.notes = QPlainTextEdit()
        self.notes.setObjectName("history-notes")
        self.notes.setAccessibleName(_("Notes"))
        self.notes.setPlaceholderText(_("Notes for this session (how it felt, what to tell your therapist)"))
        set_scaled_font(self.notes, Type.BODY)
        self.notes.setTabChangesFocus(True)  # Tab moves on to Save, as everywhere else; it typed a tab before
        design_size(self.notes, max_height=self.notes.fontMetrics().lineSpacing() * 5)
        self.save_button = secondary_button(_("Save notes"), "history-save-notes", self)
        self.delete_button = secondary_button(_("Delete session (Del)"), "history-delete", self)
        for button in (self.save_button, self.delete_button):
            set_scaled_font(button, Type.BODY, bold=True)
        self.read_only_line = label("", Type.SMALL, name="history-read-only")
        buttons = QHBoxLayout()
        buttons.addWidget(self.save_button)
        buttons.addStretch(1)
        buttons.addWidget(self.delete_button)
        layout.addWidget(self.title)
        layout.addWidget(self.pain_line)
        layout.addWidget(self.table, 1)
        layout.addWidget(label(_("Notes"), Type.BODY, bold=True))
        layout.addWidget(self.notes)
        layout.addLayout(buttons)
        layout.addWidget(self.read_only_line)
        self.notes.textChanged.connect(self._notes_changed)
        self.save_button.clicked.connect(self._save)
        self.delete_button.clicked.connect(self._delete)
        self.show_record(None)

    def show_record(self, record: Record | None, *, read_only: bool = False) -> None:
        self.record = record
        self.table.setRowCount(0)
        if record is None:
            self.title.setText(_("No session yet: your sessions appear here after the first one."))
            self.pain_line.setVisible(False)
            self.notes.setPlainText("")
            for widget in (self.notes, self.save_button, self.delete_button):
                widget.setEnabled(False)
            self.read_only_line.setVisible(False)
            return
        self.title.setText(headline(record))
        stop = pain_stop_of(record)
        if stop is not None:
            where = stop_place(*stop) if stop[0] else ""
            self.pain_line.setText("✖ " + (_("Stopped for sharp pain at {where}.").format(where=where) if where
                                           else _("Stopped for sharp pain.")))
        self.pain_line.setVisible(stop is not None)
        rows = detail_rows(record)
        self.table.setRowCount(len(rows))
        for r, row in enumerate(rows):
            cells = (row.exercise, row.side, row.sets, str(row.reps) if row.reps else "–",
                     number(row.hold_seconds) if row.hold_seconds else "–",
                     _("pain stop") if row.pain_stop else "")
            for c, text in enumerate(cells):
                self.table.setItem(r, c, QTableWidgetItem(text))
        self.notes.blockSignals(True)
        self.notes.setPlainText(str(record.get("notes") or ""))
        self.notes.blockSignals(False)
        self.notes.setEnabled(not read_only)
        self.notes.setReadOnly(read_only)
        self.save_button.setEnabled(False)
        self.delete_button.setEnabled(not read_only)
        unread = problems_of(record)
        self.read_only_line.setText(
            _("Parts of this session's file could not be read ({problems}): shown, but not changed here.").format(
                problems="; ".join(unread[:3]))
            if unread else _("Saved by a newer version of Psoas Coach: shown, but not changed here."))
        self.read_only_line.setVisible(read_only)

    def _notes_changed(self) -> None:
        if self.record is not None:
            self.save_button.setEnabled(self.notes.toPlainText() != str(self.record.get("notes") or ""))

    def _save(self) -> None:
        if self.record is not None:
            self.notes_save_requested.emit(str(self.record["id"]), self.notes.toPlainText())

    def _delete(self) -> None:
        if self.record is not None:
            self.delete_requested.emit(str(self.record["id"]))
