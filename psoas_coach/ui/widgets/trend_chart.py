"""A small trend chart: one value over sessions, a line with a dot per session, its dates in words.

The date axis names the first and the last day only (one label when they are the same day, the last alone
when the two would touch), so no label ever repeats or is cut; the value axis names its low and high. With nothing to show it says so in words.
Painted from the theme's tokens, so it reads in light, dark and high contrast alike.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from PySide6.QtCore import QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QPainter, QPainterPath, QPaintEvent, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

from psoas_coach.core.axis_labels import ends_fit
from psoas_coach.i18n import day_month_text, labelled, number
from psoas_coach.ui.text_scale import set_scaled_font
from psoas_coach.ui.theme import Space, Type, current_theme, px, scale_of

Points = Sequence[tuple[datetime, float]]
LATEST_DOT = 5.0  # the latest point's radius at scale 1 (the others' is 3.5)


def axis_dates(points: Points) -> list[str]:
    """The date labels of the axis: the first day and the last, never the same label twice."""
    if not points:
        return []
    labels = [day_month_text(points[0][0].date()), day_month_text(points[-1][0].date())]
    return labels[:1] if labels[0] == labels[1] else labels


class TrendChart(QWidget):
    """*points* (oldest first) as a line over time; *empty* is said when there are none."""

    def __init__(self, points: Points, empty: str, *, unit: str = "", top: float | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.points = list(points)
        self.empty = empty
        self.unit = unit
        self.top = top
        set_scaled_font(self, Type.SMALL)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)  # Tab steps through the charts, each read out in words
        self.setAccessibleName(self.describe())

    def describe(self) -> str:
        """The chart in words: its empty sentence, or the dates and values of its first and last points."""
        if not self.points:
            return self.empty
        first, last = self.points[0], self.points[-1]
        dates = axis_dates(self.points)
        if len(dates) == 1:
            return labelled(dates[0], f"{number(last[1])}{self.unit}")
        return (f"{labelled(dates[0], number(first[1]) + self.unit)} → "
                f"{labelled(dates[-1], number(last[1]) + self.unit)}")

    def sizeHint(self) -> QSize:  # noqa: N802 (Qt override)
        line = self.fontMetrics().height()
        return QSize(px(self, 240), line * 6)

    def minimumSizeHint(self) -> QSize:  # noqa: N802 (Qt override)
        return QSize(px(self, 160), self.sizeHint().height())

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 (Qt override)
        theme = current_theme(self)
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setFont(self.font())
        metrics = self.fontMetrics()
        line = metrics.height()
        if not self.points:
            painter.setPen(QColor(theme.muted_text))
            painter.drawText(QRectF(self.rect()), Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap, self.empty)
            painter.end()
            return
        values = [v for _w, v in self.points]
        high = self.top if self.top is not None else max(values)
        low = 0.0
        high = high if high > low else low + 1
        labels = [number(high) + self.unit, number(low) + self.unit]
        scale, gap, tight = scale_of(self), px(self, Space.S), px(self, Space.XS)
        gutter = max(metrics.horizontalAdvance(t) for t in labels) + gap
        plot = QRectF(gutter, line / 2, self.width() - gutter - gap, self.height() - line * 2)
        painter.setPen(QPen(QColor(theme.card_border), 1))
        painter.drawLine(plot.bottomLeft(), plot.bottomRight())
        painter.drawLine(plot.topLeft(), plot.topRight())
        painter.setPen(QColor(theme.muted_text))
        painter.drawText(QRectF(0, plot.top() - line / 2, gutter - tight, line), Qt.AlignmentFlag.AlignRight, labels[0])
        painter.drawText(QRectF(0, plot.bottom() - line / 2, gutter - tight, line), Qt.AlignmentFlag.AlignRight,
                         labels[1])
        times = [w.timestamp() for w, _v in self.points]
        start, span = times[0], (times[-1] - times[0]) or 1.0

        dots = plot.adjusted(LATEST_DOT * scale + 1, 0, -LATEST_DOT * scale - 1, 0)  # no dot over a value's label

        def at(i: int) -> QPointF:
            x = dots.left() + (dots.width() * (times[i] - start) / span if len(times) > 1 else dots.width() / 2)
            return QPointF(x, plot.bottom() - plot.height() * (values[i] - low) / (high - low))

        path = QPainterPath(at(0))
        for i in range(1, len(values)):
            path.lineTo(at(i))
        painter.setPen(QPen(QColor(theme.accent), 2.5 * scale))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawPath(path)
        painter.setBrush(QColor(theme.accent))
        radius = 3.5 * scale if len(values) <= 60 else 0.0  # dots help a few sessions and clutter hundreds
        if radius:
            for i in range(len(values)):
                painter.drawEllipse(at(i), radius, radius)
        painter.drawEllipse(at(len(values) - 1), LATEST_DOT * scale, LATEST_DOT * scale)  # the latest, always marked
        painter.setPen(QColor(theme.muted_text))
        for box, text in self.date_boxes(QRectF(plot.left(), plot.bottom() + tight, plot.width(), line)):
            painter.drawText(box, Qt.AlignmentFlag.AlignLeft, text)
        painter.end()

    def date_boxes(self, bottom: QRectF) -> list[tuple[QRectF, str]]:
        """Where the date labels go under the plot (*bottom*: the row under it), each as wide as its text: the
        first day at the left and the last at the right, or, when the two would touch (a narrow chart, large
        text, a long month name), only the last; one day alone is centred."""
        dates = axis_dates(self.points)
        metrics = self.fontMetrics()
        widths = [float(metrics.horizontalAdvance(text) + 1) for text in dates]  # a pixel for rounding: never clipped
        gap = float(px(self, Space.S))
        if len(dates) == 2 and not ends_fit(widths[0], widths[1], bottom.width(), gap):
            dates, widths = dates[1:], widths[1:]
            lefts = [bottom.right() - widths[0]]
        elif len(dates) == 2:
            lefts = [bottom.left(), bottom.right() - widths[1]]
        else:
            lefts = [bottom.center().x() - w / 2 for w in widths]
        return [(QRectF(left, bottom.top(), width, bottom.height()), text)
                for left, width, text in zip(lefts, widths, dates)]
