"""A 0-10 (or 1-10) rating as a row of large chips with a "not rated" chip first, which is where it starts.

A number key picks its chip ("1" then "0" makes 10; "0" alone is 10 on a 1-10 scale), the arrow keys
step, Delete or Backspace goes back to "not rated", and a click picks a chip. It is a QSlider underneath,
so a screen reader reads and sets its value; nothing is recorded that the user did not choose.
"""

from __future__ import annotations

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QFontMetrics, QKeyEvent, QMouseEvent, QPainter, QPaintEvent
from PySide6.QtWidgets import QSizePolicy, QSlider, QWidget

from psoas_coach.i18n import lazy
from psoas_coach.ui.theme import TOUCH, Radius, Space, current_theme, phase_of, px, scale_of, surface
from psoas_coach.ui.widgets.card import paint_surface

NOT_RATED = lazy("not rated")


class RatingChips(QSlider):
    """Values *low*..*high*; the value just below *low* means "not rated" (the minimum)."""

    def __init__(self, low: int, high: int, parent: QWidget | None = None) -> None:
        super().__init__(Qt.Orientation.Horizontal, parent)  # a slider to assistive technology: a value to read and set
        self.low = low
        self.setRange(low - 1, high)
        self.setValue(low - 1)
        self.setSingleStep(1)
        self.setPageStep(1)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        policy = QSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        policy.setHeightForWidth(True)
        self.setSizePolicy(policy)
        self.valueChanged.connect(lambda _v: self.update())

    # ------------------------------------------------------------------ value

    def rating(self) -> int | None:
        return None if self.value() == self.minimum() else self.value()

    def clear_rating(self) -> None:
        self.setValue(self.minimum())

    def text(self) -> str:
        """What is chosen, as words: the number, or "not rated"."""
        rating = self.rating()
        return str(NOT_RATED) if rating is None else str(rating)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 (Qt override)
        key = event.key()
        if event.text().isdigit():
            digit = int(event.text())
            if digit == 0 and (self.value() == 1 or self.low > 0):
                digit = 10  # "1" then "0", or "0" on a 1-10 scale
            if self.low <= digit <= self.maximum():
                self.setValue(digit)
            return
        if key in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace):
            self.clear_rating()
            return
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Tab, Qt.Key.Key_Backtab):
            event.ignore()  # Enter saves (the screen's), Tab moves on
            return
        super().keyPressEvent(event)  # arrows, Page Up/Down, Home, End

    # ------------------------------------------------------------------ layout

    def _chip_labels(self) -> list[str]:
        return [str(NOT_RATED), *(str(v) for v in range(self.low, self.maximum() + 1))]

    def _chip_widths(self, metrics: QFontMetrics) -> list[int]:
        digits = metrics.horizontalAdvance("10") + 2 * px(self, Space.M)
        square = max(px(self, TOUCH), digits, metrics.height() + px(self, Space.M))
        first = metrics.horizontalAdvance(str(NOT_RATED)) + 2 * px(self, Space.M)
        return [first] + [square] * (self.maximum() - self.low + 1)

    def _chip_height(self) -> int:
        return max(px(self, TOUCH), self.fontMetrics().height() + px(self, Space.M))

    def _rows(self, width: int) -> list[list[int]]:
        """Chip indices per row: as many as fit in *width*, the "not rated" chip always first."""
        widths = self._chip_widths(self.fontMetrics())
        rows: list[list[int]] = [[]]
        used = 0
        for i, w in enumerate(widths):
            if rows[-1] and used + px(self, Space.S) + w > width:
                rows.append([])
                used = 0
            used += (px(self, Space.S) if rows[-1] else 0) + w
            rows[-1].append(i)
        return rows

    def chip_rects(self) -> list[QRectF]:
        widths = self._chip_widths(self.fontMetrics())
        height = self._chip_height()
        rects = [QRectF()] * len(widths)
        for r, row in enumerate(self._rows(self.width())):
            x = 0
            for i in row:
                rects[i] = QRectF(x, r * (height + px(self, Space.S)), widths[i], height)
                x += widths[i] + px(self, Space.S)
        return rects

    def hasHeightForWidth(self) -> bool:  # noqa: N802 (Qt override)
        return True

    def heightForWidth(self, width: int) -> int:  # noqa: N802 (Qt override)
        rows = len(self._rows(width))
        return rows * self._chip_height() + (rows - 1) * px(self, Space.S)

    def sizeHint(self) -> QSize:  # noqa: N802 (Qt override)
        widths = self._chip_widths(self.fontMetrics())
        width = sum(widths) + px(self, Space.S) * (len(widths) - 1)
        return QSize(width, self._chip_height())

    def minimumSizeHint(self) -> QSize:  # noqa: N802 (Qt override)
        """Room for six chips a row (two rows): layouts that ignore height-for-width still leave no gap."""
        width = sum(self._chip_widths(self.fontMetrics())[:6]) + px(self, Space.S) * 5  # "not rated" and five numbers
        return QSize(width, self.heightForWidth(width))

    # ------------------------------------------------------------------ painting and the mouse

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 (Qt override)
        theme, phase = current_theme(self), phase_of(self)
        painter = QPainter(self)
        painter.setFont(self.font())
        for i, (rect, text) in enumerate(zip(self.chip_rects(), self._chip_labels())):
            value = self.minimum() + i
            colours = surface(theme, phase, chosen=value == self.value())
            paint_surface(painter, rect, colours, px(self, Radius.CHIP), 2.0 * scale_of(self))
            painter.setPen(colours.text)
            painter.drawText(rect, Qt.AlignmentFlag.AlignCenter, text)
        painter.end()

    def mousePressEvent(self, event: QMouseEvent) -> None:  # noqa: N802 (Qt override)
        for i, rect in enumerate(self.chip_rects()):
            if rect.contains(event.position()):
                self.setValue(self.minimum() + i)
                self.setFocus(Qt.FocusReason.MouseFocusReason)
                return
        super().mousePressEvent(event)
