"""History: every session in a list with its detail, the weeks against 2-3 sessions a week, and charts.

The screen takes the store in its constructor and calls ``reload()`` when it is shown. Notes are
edited and sessions deleted (with undo) here; a refused write is shown as one sentence.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any, Callable

from PySide6.QtCore import QItemSelectionModel, Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QListWidget,
    QPushButton,
    QScrollArea,
    QSplitter,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from psoas_coach.store.errors import StoreError
from psoas_coach.store.exporting import write_export
from psoas_coach.core.history_view import exercise_series, ratings_series
from psoas_coach.core.weeks import week_advice, week_text, weeks
from psoas_coach.store.sessions import SessionStore
from psoas_coach.ui.screens.history_detail import SessionDetail
from psoas_coach.ui.screens.history_model import SessionListModel
from psoas_coach.ui.text_scale import set_scaled_font
from psoas_coach.ui.widgets.charts import time_chart, weekly_chart
from psoas_coach.ui.widgets.text import label

Record = dict[str, Any]
WEEKS_SHOWN = 12
ChooseFile = Callable[[QWidget, str], str | None]


def choose_export_file(parent: QWidget, suggested: str) -> str | None:
    """The real save dialog; tests hand the screen their own function instead."""
    path, _filter = QFileDialog.getSaveFileName(
        parent, "Export sessions", suggested, "Spreadsheet (CSV) (*.csv);;Full record (JSON) (*.json)"
    )
    return path or None


class HistoryScreen(QWidget):
    home_requested = Signal()
    report_requested = Signal()

    def __init__(self, store: SessionStore, *, today: Callable[[], date] = date.today,
                 choose_file: ChooseFile = choose_export_file, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.store = store
        self.today = today
        self.choose_file = choose_file
        self.read_only: set[str] = set()
        self._undo: tuple[Record, int] | None = None
        self._charts_stale = True
        layout = QVBoxLayout(self)
        layout.setContentsMargins(32, 16, 32, 16)
        top = QHBoxLayout()
        self.home_button = QPushButton("◀ Home (Esc)")
        self.home_button.setObjectName("history-home")
        top.addWidget(self.home_button)
        top.addWidget(label("History", 2.0, bold=True, name="history-title"), 1)
        self.week_line = label("", 1.2, name="history-week")
        top.addWidget(self.week_line, 2)
        self.export_button = QPushButton("Export… (E)")
        self.export_button.setObjectName("history-export")
        self.export_button.setToolTip("Save every session as a CSV spreadsheet or a JSON file")
        top.addWidget(self.export_button)
        self.report_button = QPushButton("Report for a therapist…")
        self.report_button.setObjectName("history-report")
        self.report_button.setToolTip("A PDF of the last weeks: adherence, progression, pain events and notes")
        self.report_button.clicked.connect(self.report_requested.emit)
        top.addWidget(self.report_button)
        layout.addLayout(top)
        self.notice = label("", 1.0, name="history-notice")
        self.notice.setVisible(False)
        layout.addWidget(self.notice)
        self.undo_bar = QWidget()
        undo_row = QHBoxLayout(self.undo_bar)
        undo_row.setContentsMargins(0, 0, 0, 0)
        self.undo_text = label("", 1.1, name="history-undo-text")
        self.undo_button = QPushButton("Undo (Ctrl+Z)")
        self.undo_button.setObjectName("history-undo")
        undo_row.addWidget(self.undo_text, 1)
        undo_row.addWidget(self.undo_button)
        self.undo_bar.setVisible(False)
        layout.addWidget(self.undo_bar)

        self.tabs = QTabWidget()
        self.tabs.setObjectName("history-tabs")
        set_scaled_font(self.tabs, 1.1)
        layout.addWidget(self.tabs, 1)
        self.model = SessionListModel()
        self.list = QTableView()
        self.list.setObjectName("history-list")
        self.list.setAccessibleName("Sessions, newest first")
        self.list.setModel(self.model)
        self.list.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.list.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.list.verticalHeader().setVisible(False)
        self.list.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.list.horizontalHeader().setResizeContentsPrecision(50)  # size columns from 50 rows, not 5,000
        self.list.horizontalHeader().setStretchLastSection(True)
        self.list.setAlternatingRowColors(True)
        self.detail = SessionDetail()
        split = QSplitter()
        split.addWidget(self.list)
        split.addWidget(self.detail)
        split.setStretchFactor(0, 1)
        split.setStretchFactor(1, 1)
        self.tabs.addTab(split, "Sessions (S)")
        self.weeks_page = QWidget()
        weeks_layout = QVBoxLayout(self.weeks_page)
        self.weeks_list = QListWidget()
        self.weeks_list.setObjectName("history-weeks")
        set_scaled_font(self.weeks_list, 1.1)
        weeks_layout.addWidget(self.weeks_list, 1)
        self.weeks_chart_box = QVBoxLayout()
        weeks_layout.addLayout(self.weeks_chart_box, 2)
        self.tabs.addTab(self.weeks_page, "Weeks (W)")
        self.charts_page = QWidget()
        self.charts_layout = QVBoxLayout(self.charts_page)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(self.charts_page)
        self.tabs.addTab(scroll, "Charts (C)")

        self.home_button.clicked.connect(self.home_requested)
        self.undo_button.clicked.connect(self.undo_delete)
        self.export_button.clicked.connect(self.export)
        self.list.selectionModel().currentRowChanged.connect(lambda cur, _prev: self._show_row(cur.row()))
        self.detail.notes_save_requested.connect(self.save_notes)
        self.detail.delete_requested.connect(self.delete_session)
        self.tabs.currentChanged.connect(lambda _i: self._build_charts_if_shown())
        keys_and_slots: list[tuple[str, Callable[[], None]]] = [
            ("Esc", self.home_requested.emit), ("Ctrl+Z", self.undo_delete), ("Del", self._delete_current),
            ("S", lambda: self.tabs.setCurrentIndex(0)), ("W", lambda: self.tabs.setCurrentIndex(1)),
            ("C", lambda: self.tabs.setCurrentIndex(2)), ("E", self.export),
        ]
        for keys, slot in keys_and_slots:
            shortcut = QShortcut(QKeySequence(keys), self)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.activated.connect(slot)

    # ------------------------------------------------------------------ loading

    def reload(self) -> None:
        """Read the store again (cheap enough for 5,000 sessions) and show the newest session."""
        result = self.store.load_all()
        self.read_only = set(result.read_only)  # from a newer version, or partly unreadable: never written
        self.set_notice(result.notice() or "")
        self.model.set_records(result.sessions)
        self._records_changed()
        self.select_row(0)

    def set_notice(self, text: str) -> None:
        self.notice.setText(text)
        self.notice.setVisible(bool(text))

    def select_row(self, row: int) -> None:
        if self.model.rowCount() == 0:
            self.detail.show_record(None)
            return
        row = max(0, min(row, self.model.rowCount() - 1))
        index = self.model.index(row, 0)
        flags = QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows
        self.list.selectionModel().setCurrentIndex(index, flags)
        self._show_row(row)

    def current_record(self) -> Record | None:
        return self.model.record(self.list.currentIndex().row())

    def _show_row(self, row: int) -> None:
        record = self.model.record(row)
        self.detail.show_record(record, read_only=record is not None and record.get("id") in self.read_only)

    def _records_changed(self) -> None:
        records = self.model.records()
        shown = weeks(records, self.today(), WEEKS_SHOWN)
        self.week_line.setText(week_advice(shown[-1].days))
        self.weeks_list.clear()
        for week in reversed(shown):
            n = week.sessions
            extra = f"{n} session{'s' if n != 1 else ''}" + (f", {week.partial} partial" if week.partial else "")
            self.weeks_list.addItem(f"{week_text(week.days, f'Week of {week.monday:%d %b %Y}')} ({extra}) · {week.verdict}"
                                    if n else f"{week_text(0, f'Week of {week.monday:%d %b %Y}')} · {week.verdict}")
        self._charts_stale = True
        self._build_charts_if_shown()

    # ------------------------------------------------------------------ charts (built when their tab shows)

    def _build_charts_if_shown(self) -> None:
        if not self._charts_stale or self.tabs.currentIndex() == 0:
            return
        self._charts_stale = False
        records = self.model.records()
        _clear(self.weeks_chart_box)
        self.weeks_chart_box.addWidget(weekly_chart(weeks(records, self.today(), WEEKS_SHOWN), self))
        _clear(self.charts_layout)
        per_exercise = exercise_series(records)
        holds = {name: [(p.when, p.hold_seconds) for p in points]
                 for name, points in per_exercise.values() if any(p.hold_seconds for p in points)}
        reps = {name: [(p.when, float(p.reps)) for p in points]
                for name, points in per_exercise.values() if any(p.reps for p in points)}
        ratings = ratings_series(records)
        feel = {
            "Effort": [(w, float(e)) for w, e, _p in ratings if e is not None],
            "Pain": [(w, float(p)) for w, _e, p in ratings if p is not None],
        }
        if not records:
            self.charts_layout.addWidget(label("No sessions yet: the charts appear after your first one.", 1.2))
            return
        self.charts_layout.addWidget(time_chart("Total hold and work seconds per exercise", "seconds", holds, "chart-holds", self))
        self.charts_layout.addWidget(time_chart("Reps per exercise (both sides)", "reps", reps, "chart-reps", self))
        self.charts_layout.addWidget(time_chart("Effort and pain (0-10)", "rating", feel, "chart-feel", self, y_max=10))

    # ------------------------------------------------------------------ export

    def export(self) -> None:
        """Ask where, then write every session shown: CSV unless the name ends in .json."""
        records = self.model.records()
        suggested = str(Path.home() / f"psoas-coach-sessions-{self.today():%Y-%m-%d}.csv")
        chosen = self.choose_file(self, suggested)
        if not chosen:
            return
        path = Path(chosen)
        fmt = "json" if path.suffix.lower() == ".json" else "csv"
        if path.suffix.lower() not in (".json", ".csv"):
            path = path.with_name(path.name + ".csv")
        try:
            write_export(records, path, fmt)
        except StoreError as exc:
            self.set_notice(str(exc))
            return
        self.set_notice(f"Exported {len(records)} session{'s' if len(records) != 1 else ''} to {path}.")

    # ------------------------------------------------------------------ editing

    def save_notes(self, session_id: str, notes: str) -> None:
        row = self.model.row_of(session_id)
        record = self.model.record(row)
        if record is None:
            return
        try:
            changed = self.store.update(record, notes=notes)
        except StoreError as exc:
            self.set_notice(f"{exc} Your notes are still in the box.")
            return
        self.model.replace(changed)
        self.detail.show_record(changed)
        self.set_notice("Notes saved.")

    def _delete_current(self) -> None:
        record = self.current_record()
        if record is not None and record.get("id") not in self.read_only:
            self.delete_session(str(record["id"]))

    def delete_session(self, session_id: str) -> None:
        row = self.model.row_of(session_id)
        record = self.model.record(row)
        if record is None:
            return
        try:
            self.store.delete(record)
        except StoreError as exc:
            self.set_notice(str(exc))
            return
        self.model.remove(session_id)
        self._undo = (record, row)
        self.undo_text.setText(f"Deleted the session of {record.get('started', '?')[:10]}.")
        self.undo_bar.setVisible(True)
        self._records_changed()
        self.select_row(row)

    def undo_delete(self) -> None:
        if self._undo is None:
            return
        record, row = self._undo
        try:
            self.store.save(record)
        except StoreError as exc:
            self.set_notice(f"{exc} The session stays in this window until you leave it.")
            return
        self._undo = None
        self.undo_bar.setVisible(False)
        self.model.insert(record, row)
        self._records_changed()
        self.select_row(row)


def _clear(box: QVBoxLayout) -> None:
    while box.count():
        item = box.takeAt(0)
        widget = item.widget() if item is not None else None
        if widget is not None:
            widget.deleteLater()
