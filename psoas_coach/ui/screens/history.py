"""History: every session in a list with its detail, a calendar of months with the weeks against 2-3 training
days, and per-exercise trends per side.

The screen takes the store in its constructor and calls ``reload()`` when it is shown. Notes are
edited and sessions deleted (with undo) here; a refused write is shown as one sentence.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

from PySide6.QtCore import QItemSelectionModel, Qt, Signal
from PySide6.QtGui import QKeySequence, QResizeEvent, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QSplitter,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from psoas_coach.core.history import started_at
from psoas_coach.core.weeks import week_advice, weeks
from psoas_coach.i18n import _, date_text, ngettext
from psoas_coach.store.errors import StoreError
from psoas_coach.store.exporting import write_export
from psoas_coach.store.sessions import SessionStore
from psoas_coach.ui.screens.history_detail import SessionDetail
from psoas_coach.ui.screens.history_model import SessionListModel
from psoas_coach.ui.screens.history_pages import CalendarPage, TrendsPage
from psoas_coach.ui.text_scale import follow_window, set_scaled_font
from psoas_coach.ui.theme import Space, Type
from psoas_coach.ui.widgets.banner import NoticeBanner
from psoas_coach.ui.widgets.buttons import secondary_button
from psoas_coach.ui.widgets.card import Card
from psoas_coach.ui.widgets.flow_row import FlowRow
from psoas_coach.ui.widgets.tables import RowsFollowFont
from psoas_coach.ui.widgets.text import label

Record = dict[str, Any]
SPLIT = (2, 3)  # the list and the detail share the width 2:3 at every size, until the handle is dragged
ChooseFile = Callable[[QWidget, str], str | None]


def choose_export_file(parent: QWidget, suggested: str) -> str | None:
    """The real save dialog; tests hand the screen their own function instead."""
    path, _filter = QFileDialog.getSaveFileName(
        parent, _("Export sessions"), suggested,
        _("Spreadsheet (CSV) (*.csv);;Full record (JSON) (*.json)"))
    return path or None


class SharedSplitter(QSplitter):
    """Panes that share the width in fixed proportions at every size (Qt's splitter keeps the first widths it
    gave, which in a large window left the list a sliver), until the user drags the handle."""

    def __init__(self, shares: tuple[int, ...]) -> None:
        super().__init__()
        self.shares = shares
        self.dragged = False
        self.splitterMoved.connect(self._dragged)

    def _dragged(self, _pos: int, _index: int) -> None:
        self.dragged = True

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 (Qt override)
        super().resizeEvent(event)
        if not self.dragged:
            room = max(0, self.width() - self.handleWidth() * (self.count() - 1))
            sizes = [room * share // sum(self.shares) for share in self.shares]
            sizes[-1] += room - sum(sizes)
            self.setSizes(sizes)


class HistoryScreen(QWidget):
    home_requested = Signal()
    report_requested = Signal()

    def __init__(self, store: SessionStore, *, today: Callable[[], date] = date.today,
                 choose_file: ChooseFile = choose_export_file, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        follow_window(self)  # its type, tables and cards grow with the window, as the session's ring does
        self.store = store
        self.today = today
        self.choose_file = choose_file
        self.read_only: set[str] = set()
        self._undo: tuple[Record, int] | None = None
        self._pages_stale = True
        layout = QVBoxLayout(self)
        layout.setContentsMargins(Space.XL, Space.M, Space.XL, Space.M)
        layout.setSpacing(Space.M)
        top = QHBoxLayout()
        top.setSpacing(Space.M)
        self.home_button = secondary_button(_("◀ Home (Esc)"), "history-home", self)
        self.home_button.setAccessibleName(_("Home (Esc)"))
        top.addWidget(self.home_button)
        top.addWidget(label(_("History"), Type.TITLE, bold=True, wrap=False, name="history-title"))
        self.week_line = label("", Type.LEAD, name="history-week")
        top.addWidget(self.week_line, 1)
        layout.addLayout(top)
        tools = FlowRow(fill=False)
        self.export_button = secondary_button(_("Export… (E)"), "history-export", self)
        self.export_button.setToolTip(_("Save every session as a CSV spreadsheet or a JSON file"))
        self.report_button = secondary_button(_("Report for a therapist…"), "history-report", self)
        self.report_button.setToolTip(_("A PDF of the last weeks: adherence, progression, pain events and notes"))
        self.report_button.clicked.connect(self.report_requested.emit)
        for button in (self.export_button, self.report_button):
            set_scaled_font(button, Type.BODY, bold=True)
            tools.add(button)
        self.banner = NoticeBanner("history-notice")
        self.notice = self.banner.notice
        layout.addWidget(self.banner)
        self.undo_bar = Card(row=True, name="history-undo-bar", padding=Space.S)
        self.undo_text = label("", Type.BODY, name="history-undo-text")
        self.undo_button = secondary_button(_("Undo (Ctrl+Z)"), "history-undo", self)
        self.undo_bar.add(self.undo_text, 1)
        self.undo_bar.add(self.undo_button)
        self.undo_bar.setVisible(False)
        layout.addWidget(self.undo_bar)

        self.tabs = QTabWidget()
        self.tabs.setObjectName("history-tabs")
        set_scaled_font(self.tabs, Type.BODY, bold=True)
        layout.addWidget(self.tabs, 1)
        self.model = SessionListModel()
        self.list = QTableView()
        self.list.setObjectName("history-list")
        self.list.setAccessibleName(_("Sessions, newest first"))
        set_scaled_font(self.list, Type.BODY)
        self.list.setModel(self.model)
        self.list.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.list.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.list.verticalHeader().setVisible(False)
        self.list.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.list.horizontalHeader().setResizeContentsPrecision(50)  # size columns from 50 rows, not 5,000
        self.list.horizontalHeader().setStretchLastSection(True)
        self.list.setAlternatingRowColors(True)
        self.list.setShowGrid(False)
        self.list.setTabKeyNavigation(False)  # arrows choose a session; Tab moves on (it went cell by cell)
        RowsFollowFont(self.list)
        self.detail = SessionDetail()
        split = SharedSplitter(SPLIT)
        split.addWidget(self.list)
        split.addWidget(self.detail)
        split.setChildrenCollapsible(False)
        self.tabs.addTab(split, _("Sessions (S)"))
        self.calendar_page = CalendarPage()
        self.weeks_list = self.calendar_page.weeks_list
        self.tabs.addTab(self.calendar_page, _("Calendar (W)"))
        self.trends_page = TrendsPage()
        self.tabs.addTab(self.trends_page, _("Trends (C)"))
        layout.addWidget(tools)

        self.home_button.clicked.connect(self.home_requested)
        self.undo_button.clicked.connect(self.undo_delete)
        self.export_button.clicked.connect(self.export)
        self.list.selectionModel().currentRowChanged.connect(lambda cur, _prev: self._show_row(cur.row()))
        self.detail.notes_save_requested.connect(self.save_notes)
        self.detail.delete_requested.connect(self.delete_session)
        self.calendar_page.day_activated.connect(self.show_day)
        self.tabs.currentChanged.connect(lambda _i: self._build_pages_if_shown())
        keys_and_slots: list[tuple[str, Callable[[], None]]] = [
            ("Esc", self.home_requested.emit), ("Ctrl+Z", self.undo_delete), ("Del", self._delete_current),
            ("S", lambda: self.show_tab(0)), ("W", lambda: self.show_tab(1)),
            ("C", lambda: self.show_tab(2)), ("E", self.export),
        ]
        for keys, slot in keys_and_slots:
            shortcut = QShortcut(QKeySequence(keys), self)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.activated.connect(slot)

    def show_tab(self, index: int) -> None:
        """A tab by its key, with the keyboard on what it shows (the list, the calendar, the trends)."""
        self.tabs.setCurrentIndex(index)
        charts = self.trends_page.charts()
        target = (self.list, self.calendar_page.calendar, charts[0] if charts else self.trends_page)[index]
        target.setFocus(Qt.FocusReason.ShortcutFocusReason)

    def show_day(self, day: date) -> None:
        """The calendar's chosen day: its latest session in the Sessions tab (or a word when there is none)."""
        for row in range(self.model.rowCount()):
            record = self.model.record(row)
            moment = started_at(record) if record is not None else None
            if moment is not None and moment.date() == day:
                self.show_tab(0)
                self.select_row(row)
                return
        self.set_notice(_("No session on {day}.").format(day=date_text(day)))

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
        """One line in the banner, in place of the last (empty: no banner)."""
        self.banner.set_notice("")
        self.banner.set_notice(text)

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
        shown = weeks(records, self.today(), 1)
        self.week_line.setText(week_advice(shown[-1].days))
        self.calendar_page.show_records(records, self.today())
        self._pages_stale = True
        self._build_pages_if_shown()

    # ------------------------------------------------------------------ trends (built when their tab shows)

    def _build_pages_if_shown(self) -> None:
        if self.tabs.currentIndex() == 1:
            self.calendar_page.build_chart()
        if self._pages_stale and self.tabs.currentIndex() == 2:
            self._pages_stale = False
            self.trends_page.show_records(self.model.records())

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
        self.set_notice(ngettext("Exported {count} session to {file}.", "Exported {count} sessions to {file}.",
                                 len(records)).format(count=len(records), file=path))

    # ------------------------------------------------------------------ editing

    def save_notes(self, session_id: str, notes: str) -> None:
        row = self.model.row_of(session_id)
        record = self.model.record(row)
        if record is None:
            return
        try:
            changed = self.store.update(record, notes=notes)
        except StoreError as exc:
            self.set_notice(_("{problem} Your notes are still in the box.").format(problem=exc))
            return
        self.model.replace(changed)
        self.detail.show_record(changed)
        self.set_notice(_("Notes saved."))

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
        moment = started_at(record)
        day = date_text(moment.date()) if moment is not None else str(record.get("started", "?"))[:10]
        self.undo_text.setText(_("Deleted the session of {day}.").format(day=day))
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
            self.set_notice(_("{problem} The session stays in this window until you leave it.").format(problem=exc))
            return
        self._undo = None
        self.undo_bar.setVisible(False)
        self.model.insert(record, row)
        self._records_changed()
        self.select_row(row)

