"""A large countdown ring: an arc for the time left and the whole seconds left in digits sized to fit."""

from __future__ import annotations

import math

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QColor, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

from psoas_coach.ui.theme import pixel_font


def display_seconds(remaining: float | None) -> str:
    """What the ring shows: ceil(remaining), so 0.2 s left still reads 1 and 0 appears only at the end."""
    if remaining is None:
        return ""
    whole = math.ceil(remaining - 1e-9)
    if whole >= 60:
        return f"{whole // 60}:{whole % 60:02d}"
    return str(max(0, whole))


class CountdownRing(QWidget):
    """Shows remaining / total as an arc and ceil(remaining) as digits; it holds no timer of its own."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._remaining: float | None = None
        self._total: float = 1.0
        self._caption = ""
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setMinimumSize(120, 120)

    def sizeHint(self) -> QSize:
        return QSize(360, 360)

    def set_time(self, remaining: float | None, total: float | None) -> None:
        text_before = self.text
        fraction_before = self.fraction
        self._remaining = remaining
        self._total = total if total and total > 0 else 1.0
        if self.text != text_before or abs(self.fraction - fraction_before) > 0.002:
            self.update()

    def set_caption(self, caption: str) -> None:
        if caption != self._caption:
            self._caption = caption
            self.update()

    @property
    def text(self) -> str:
        return display_seconds(self._remaining)

    @property
    def fraction(self) -> float:
        if self._remaining is None:
            return 0.0
        return max(0.0, min(1.0, self._remaining / self._total))

    def diameter(self) -> float:
        return max(0.0, min(self.width(), self.height()) - 16.0)

    def digit_pixel_size(self) -> int:
        """Digit height in pixels: about half the ring, so from 2 m the number is the first thing seen."""
        return int(self.diameter() * (0.42 if len(self.text) <= 2 else 0.30))

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 (Qt override)
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        d = self.diameter()
        if d < 24:
            painter.end()
            return
        thickness = max(6.0, d * 0.06)
        rect = QRectF((self.width() - d) / 2 + thickness / 2, (self.height() - d) / 2 + thickness / 2,
                      d - thickness, d - thickness)
        palette = self.palette()  # keep it alive: color() refers into it
        fg = QColor(palette.color(self.foregroundRole()))
        track = QColor(fg)
        track.setAlphaF(0.22)
        pen = QPen(track, thickness, Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap)
        painter.setPen(pen)
        painter.drawEllipse(rect)
        pen.setColor(fg)
        painter.setPen(pen)
        span = int(-self.fraction * 360 * 16)
        if span:
            painter.drawArc(rect, 90 * 16, span)
        painter.setFont(pixel_font(self.font(), self.digit_pixel_size()))
        painter.drawText(rect, Qt.AlignmentFlag.AlignCenter, self.text)
        if self._caption:
            small = pixel_font(self.font(), int(d * 0.07), bold=False)
            painter.setFont(small)
            below = QRectF(rect.left(), rect.center().y() + d * 0.22, rect.width(), d * 0.12)
            painter.drawText(below, Qt.AlignmentFlag.AlignCenter, self._caption)
        painter.end()
