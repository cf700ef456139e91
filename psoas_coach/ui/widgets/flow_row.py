"""A row of buttons that breaks into as many rows as it needs, so large text never cuts a button short."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QEvent, QSize
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QGridLayout, QLayout, QWidget

from psoas_coach.ui.text_scale import fit_to_parent, rescaled
from psoas_coach.ui.theme import px


def place_in_columns(grid: QGridLayout, widgets: Sequence[QWidget], columns: int) -> None:
    """Put *widgets* into *grid* row after row, *columns* to a row (taken out of their old cells first)."""
    for widget in widgets:
        grid.removeWidget(widget)
    for i, widget in enumerate(widgets):
        grid.addWidget(widget, i // columns, i % columns)


class FlowRow(QWidget):
    """Lays its widgets out left to right in as few rows as fit the width (each at its size hint)."""

    def __init__(self, parent: QWidget | None = None, *, fill: bool = True) -> None:
        super().__init__(parent)
        self.grid = QGridLayout(self)
        self.grid.setContentsMargins(0, 0, 0, 0)
        self.items: list[QWidget] = []
        self.columns = 0
        self.fill = fill  # buttons share the whole width; without, they keep their size, left-aligned

    def add(self, widget: QWidget) -> None:
        self.items.append(widget)
        if self.isVisible():
            self._arrange(force=True)
        else:  # one column until shown: widgets added one by one do not each measure every button again
            self._place(1)
            self.columns = 0  # arranged for its width when it is shown (see event)

    def columns_for(self, width: int) -> int:
        """The most widgets per row for which every grid column is as wide as its widest widget: a column
        is as wide as the widest widget in it, whichever row that is in (a long German label on row two
        widens the column for row one too)."""
        spacing = self.grid.horizontalSpacing()
        hints = [w.sizeHint().width() for w in self.items]
        for columns in range(len(hints), 0, -1):
            widest = [max(hints[c::columns]) for c in range(min(columns, len(hints)))]
            if sum(widest) + spacing * (len(widest) - 1) <= width:
                return columns
        return 1

    def _arrange(self, force: bool = False) -> None:
        if not self.items:
            return
        columns = self.columns_for(max(1, self.width()))
        if columns == self.columns and not force:
            return
        self._place(columns)

    def _place(self, columns: int) -> None:
        self.columns = columns
        place_in_columns(self.grid, self.items, columns)
        for c in range(len(self.items) + 1):
            self.grid.setColumnStretch(c, (1 if c < columns else 0) if self.fill else int(c == columns))

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 (Qt override)
        super().resizeEvent(event)
        self._arrange()

    def event(self, event: QEvent) -> bool:
        if event.type() in (QEvent.Type.FontChange, QEvent.Type.LayoutRequest, QEvent.Type.StyleChange,
                            QEvent.Type.Show):
            self._arrange()
        return super().event(event)


class ColumnGrid(QWidget):
    """Cards in as many equal columns as fit (each at least *min_width* wide at scale 1), row after row."""

    def __init__(self, min_width: int, parent: QWidget | None = None, *, spacing: int = 16) -> None:
        super().__init__(parent)
        self.min_width = min_width
        self.grid = QGridLayout(self)
        self.grid.setContentsMargins(0, 0, 0, 0)
        self.grid.setSpacing(spacing)
        # the columns follow the width: the current arrangement must not hold the widget at its own width
        self.grid.setSizeConstraint(QLayout.SizeConstraint.SetNoConstraint)
        self.items: list[QWidget] = []
        self.columns = 0

    def minimumSizeHint(self) -> QSize:  # noqa: N802 (Qt override)
        return QSize(min(px(self, self.min_width), max((w.minimumSizeHint().width() for w in self.items), default=0)),
                     self.grid.minimumSize().height())

    def set_widgets(self, widgets: Sequence[QWidget]) -> None:
        """Replace the cards (the old ones are deleted)."""
        for widget in self.items:
            self.grid.removeWidget(widget)
            widget.hide()  # gone from the screen now; deleted once the event loop runs
            widget.setParent(None)
            widget.deleteLater()
        self.items = list(widgets)
        self.columns = 0
        self._arrange()
        fit_to_parent(self.items)  # built at scale 1: to the screen's scale

    def _arrange(self) -> None:
        if not self.items:
            return
        spacing = self.grid.horizontalSpacing()
        columns = max(1, min(len(self.items), (max(1, self.width()) + spacing) // (px(self, self.min_width) + spacing)))
        if columns == self.columns:
            return
        self.columns = columns
        place_in_columns(self.grid, self.items, columns)
        for widget in self.items:
            widget.show()
        for c in range(len(self.items)):
            self.grid.setColumnStretch(c, 1 if c < columns else 0)

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 (Qt override)
        super().resizeEvent(event)
        self._arrange()

    def event(self, event: QEvent) -> bool:
        if rescaled(event):
            self.columns = 0  # a new scale: a new least width per column
            self._arrange()
        return super().event(event)
