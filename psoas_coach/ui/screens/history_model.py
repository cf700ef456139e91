"""The session list of the History screen: a table model over session records, newest first."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

from psoas_coach.core.history import program_name_of
from psoas_coach.core.history_view import had_pain, status_text
from psoas_coach.i18n import _, lazy
from psoas_coach.store.listing import duration, when

Record = dict[str, Any]
Index = QModelIndex | QPersistentModelIndex

COLUMNS = (lazy("Date"), lazy("Program"), lazy("Duration"), lazy("Status"), lazy("Pain"))


class SessionListModel(QAbstractTableModel):
    """Rows are sessions, newest first. Cells are computed on demand, so 5,000 rows cost nothing up front."""

    def __init__(self, records: list[Record] | None = None) -> None:
        super().__init__()
        self._rows: list[Record] = []
        if records:
            self.set_records(records)

    def set_records(self, oldest_first: list[Record]) -> None:
        self.beginResetModel()
        self._rows = list(reversed(oldest_first))
        self.endResetModel()

    def records(self) -> list[Record]:
        """Oldest first, as the store gives them."""
        return list(reversed(self._rows))

    def record(self, row: int) -> Record | None:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def row_of(self, session_id: str) -> int:
        for row, record in enumerate(self._rows):
            if record.get("id") == session_id:
                return row
        return -1

    def replace(self, record: Record) -> None:
        row = self.row_of(str(record.get("id")))
        if row >= 0:
            self._rows[row] = record
            self.dataChanged.emit(self.index(row, 0), self.index(row, len(COLUMNS) - 1))

    def remove(self, session_id: str) -> int:
        row = self.row_of(session_id)
        if row >= 0:
            self.beginRemoveRows(QModelIndex(), row, row)
            del self._rows[row]
            self.endRemoveRows()
        return row

    def insert(self, record: Record, row: int) -> None:
        row = max(0, min(row, len(self._rows)))
        self.beginInsertRows(QModelIndex(), row, row)
        self._rows.insert(row, record)
        self.endInsertRows()

    # ------------------------------------------------------------------ Qt model

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802 (Qt override)
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802 (Qt override)
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:  # noqa: N802
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return str(COLUMNS[section])
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        record = self._rows[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(record, column)
        if role == Qt.ItemDataRole.ToolTipRole and column == 4 and had_pain(record):
            return _("A pain stop, or pain rated 4 or more.")
        if role == Qt.ItemDataRole.UserRole:
            return record.get("id")
        return None

    @staticmethod
    def _text(record: Record, column: int) -> str:
        if column == 0:
            return when(record)
        if column == 1:
            return program_name_of(record)
        if column == 2:
            return duration(record)
        if column == 3:
            return status_text(record) + (" " + _("(recovered)") if record.get("recovered") else "")
        pain = record.get("pain")
        flag = "⚠ " + _("pain") if had_pain(record) else ""
        return f"{flag} {pain}/10".strip() if isinstance(pain, int) else flag
