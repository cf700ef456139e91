"""The session screens' two arrangements: side by side in a wide view, stacked in a narrow (or tall) one.

One rule (is_narrow) says which a view is, and the session view applies it to every step screen at once;
each screen says where its widgets go in either arrangement with an AdaptiveGrid.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtWidgets import QFrame, QGridLayout, QWidget

NARROW_WIDTH = 900  # a view narrower than this (in pixels) stacks the drawing under the ring or the counter

Cell = tuple[int, int, int, int]  # row, column, rows spanned, columns spanned


def is_narrow(width: int, height: int) -> bool:
    """True for a view too narrow (or taller than wide) to stand the ring and the drawing side by side."""
    return width < NARROW_WIDTH or width < height


def least_height(widget: QWidget, width: int) -> int:
    """The least height *widget*'s layout needs at *width* (-1 when its height does not depend on width)."""
    layout = widget.layout()
    if layout is None or not layout.hasHeightForWidth():
        return -1
    return layout.totalMinimumHeightForWidth(width)


class LeastGrid(QGridLayout):
    """A grid that asks for no more height than its items need at least.

    A layout takes a nested layout's (or a child widget's) height for a width as the least it may have, and
    a plain layout answers with its preferred height: the ring's 360 px hint alone would make a short
    window's screen scroll. Holding a ring or a drawing, this grid answers with its least height instead,
    and the ring and the drawing grow into whatever room the window has."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setContentsMargins(0, 0, 0, 0)

    def heightForWidth(self, width: int) -> int:  # noqa: N802 (Qt override)
        return self.minimumHeightForWidth(width)


class Block(QFrame):
    """Widgets of a session screen in one column (words over a drawing, a caption over a ring), in a
    LeastGrid; the row of *grow* (an index into *widgets*) takes the room left over."""

    def __init__(self, *widgets: QWidget, grow: int | None = None) -> None:
        super().__init__()
        self.column = LeastGrid(self)
        for row, widget in enumerate(widgets):
            self.column.addWidget(widget, row, 0)
        if grow is not None:
            self.column.setRowStretch(grow, 1)


class AdaptiveGrid(LeastGrid):
    """A grid that puts each widget in one cell in a wide view and in another in a narrow one, with row and
    column stretches of each arrangement's own."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.places: list[tuple[QWidget, Cell, Cell]] = []
        self.stretches: dict[bool, tuple[Sequence[int], Sequence[int]]] = {False: ((), ()), True: ((), ())}
        self.narrow: bool | None = None  # None until first arranged

    def place(self, widget: QWidget, wide: Cell, narrow: Cell) -> None:
        """*widget* goes to the *wide* cell side by side and to the *narrow* one stacked."""
        self.places.append((widget, wide, narrow))

    def set_stretches(self, narrow: bool, rows: Sequence[int] = (), columns: Sequence[int] = ()) -> None:
        """The stretch of each row and each column (from the first) in one arrangement."""
        self.stretches[narrow] = (rows, columns)

    def arrange(self, narrow: bool) -> bool:
        """Move every widget to its cell for *narrow* (or wide); True if anything moved."""
        if narrow == self.narrow:
            return False
        self.narrow = narrow
        for widget, _wide, _narrow in self.places:
            self.removeWidget(widget)
        for widget, wide, stacked in self.places:
            self.addWidget(widget, *(stacked if narrow else wide))
        self.restretch()
        return True

    def restretch(self) -> None:
        """Give each row and column its stretch in the current arrangement again (after a screen changed
        one for what it shows)."""
        if self.narrow is None:
            return
        rows, columns = self.stretches[self.narrow]
        for index in range(self.rowCount()):
            self.setRowStretch(index, rows[index] if index < len(rows) else 0)
        for index in range(self.columnCount()):
            self.setColumnStretch(index, columns[index] if index < len(columns) else 0)
