"""A large countdown ring: an arc for the time left and the whole seconds left in digits sized to fit.

It is a progress bar to assistive technology (role, value = whole seconds left, maximum = the step's
seconds) named for its phase and the seconds left, e.g. "Hold: 12 seconds left". Name and value change
once a second at most, and the ring never announces itself: the session view announces a new step.
"""

from __future__ import annotations

import math

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QColor, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import QProgressBar, QSizePolicy, QWidget

from psoas_coach.ui.accessibility import seconds_left_text, set_name
from psoas_coach.ui.theme import pixel_font


def display_seconds(remaining: float | None) -> str:
    """What the ring shows: ceil(remaining), so 0.2 s left still reads 1 and 0 appears only at the end."""
    if remaining is None:
        return ""
    whole = math.ceil(remaining - 1e-9)
    if whole >= 60:
        return f"{whole // 60}:{whole % 60:02d}"
    return str(max(0, whole))


def whole_seconds(remaining: float | None) -> int:
    return 0 if remaining is None else max(0, math.ceil(remaining - 1e-9))


class CountdownRing(QProgressBar):
    """Shows remaining / total as an arc and ceil(remaining) as digits; it holds no timer of its own."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._remaining: float | None = None
        self._total: float = 1.0
        self._caption = ""
        self._phase_name = ""
        self.reduced_motion = False  # the arc moves in whole seconds instead of gliding
        self.setTextVisible(False)
        self.setRange(0, 1)
        self.setValue(0)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setMinimumSize(120, 120)

    def sizeHint(self) -> QSize:  # noqa: N802 (Qt override)
        return QSize(360, 360)

    def set_time(self, remaining: float | None, total: float | None) -> None:
        digits_before = self.digits
        fraction_before = self.fraction
        self._remaining = remaining
        self._total = total if total and total > 0 else 1.0
        if self.digits != digits_before or abs(self.fraction - fraction_before) > 0.002:
            self.update()
        self._update_accessible()

    def set_caption(self, caption: str, phase_name: str | None = None) -> None:
        """*caption* is drawn under the digits; *phase_name* (default: the caption) names the ring."""
        self._phase_name = phase_name if phase_name is not None else caption.capitalize()
        if caption != self._caption:
            self._caption = caption
            self.update()
        self._update_accessible()

    def _update_accessible(self) -> None:
        seconds = whole_seconds(self._remaining)
        top = max(1, math.ceil(self._total - 1e-9))
        if self.maximum() != top:
            self.setRange(0, top)
        if self.value() != min(seconds, top):
            self.setValue(min(seconds, top))
        left = seconds_left_text(seconds) if self._remaining is not None else ""
        set_name(self, ": ".join(part for part in (self._phase_name, left) if part))

    @property
    def digits(self) -> str:
        return display_seconds(self._remaining)

    @property
    def fraction(self) -> float:
        if self._remaining is None:
            return 0.0
        remaining = float(whole_seconds(self._remaining)) if self.reduced_motion else self._remaining
        return max(0.0, min(1.0, remaining / self._total))

    def diameter(self) -> float:
        return max(0.0, min(self.width(), self.height()) - 16.0)

    def digit_pixel_size(self) -> int:
        """Digit height in pixels: about half the ring, so from 2 m the number is the first thing seen."""
        return int(self.diameter() * (0.42 if len(self.digits) <= 2 else 0.30))

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
        painter.drawText(rect, Qt.AlignmentFlag.AlignCenter, self.digits)
        if self._caption:
            small = pixel_font(self.font(), int(d * 0.07), bold=False)
            painter.setFont(small)
            below = QRectF(rect.left(), rect.center().y() + d * 0.22, rect.width(), d * 0.12)
            painter.drawText(below, Qt.AlignmentFlag.AlignCenter, self._caption)
        painter.end()
