"""Table rows as tall as their text: Qt keeps its style's fixed row height when a table's font grows (a larger
text size, or History in a large window), which cut each row's text in half."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QTableView

from psoas_coach.ui.theme import Space, px


class RowsFollowFont(QObject):
    """Keeps *table*'s rows at the style's height times the table's scale, or taller when its text needs it."""

    def __init__(self, table: QTableView) -> None:
        super().__init__(table)
        self.table = table
        self.style_height = table.verticalHeader().defaultSectionSize()  # the style's, at scale 1
        table.installEventFilter(self)
        self.fit()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt override)
        if watched is self.table and event.type() == QEvent.Type.FontChange:
            self.fit()
        return False

    def fit(self) -> None:
        rows = self.table.verticalHeader()
        height = max(px(self.table, self.style_height), self.table.fontMetrics().height() + 2 * px(self.table, Space.XS))
        rows.setMinimumSectionSize(min(rows.minimumSectionSize(), height))
        rows.setDefaultSectionSize(height)
