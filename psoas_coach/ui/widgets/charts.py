"""The History screen's weekly chart (QtCharts): training days per week against the 2-3 target."""

from __future__ import annotations

import math
from collections.abc import Sequence

from PySide6.QtCharts import (
    QBarSet,
    QCategoryAxis,
    QChart,
    QChartView,
    QLineSeries,
    QStackedBarSeries,
    QValueAxis,
)
from PySide6.QtCore import QMargins, QRectF, Qt
from PySide6.QtGui import QColor, QFontMetricsF, QPainter, QPen
from PySide6.QtWidgets import QApplication, QWidget

from psoas_coach.core.axis_labels import label_step, shown_indices
from psoas_coach.core.weeks import TARGET, TARGET_HIGH, TARGET_LOW, Week
from psoas_coach.i18n import _, day_month_text
from psoas_coach.ui.text_scale import design_size
from psoas_coach.ui.theme import Type, current_theme, is_dark, scale_of, scaled_font

MARGIN = 4  # around the chart, in pixels


def _chart(title: str, widget: QWidget | None) -> QChart:
    chart = QChart()
    chart.setTitle(title)
    chart.setTheme(QChart.ChartTheme.ChartThemeDark if is_dark(widget) else QChart.ChartTheme.ChartThemeLight)
    chart.setAnimationOptions(QChart.AnimationOption.NoAnimation)
    chart.legend().setAlignment(Qt.AlignmentFlag.AlignBottom)
    chart.setMargins(QMargins(MARGIN, MARGIN, MARGIN, MARGIN))
    theme = current_theme(widget)
    chart.setBackgroundBrush(QColor(theme.card))  # a card like the others, not the chart theme's own grey
    chart.setTitleBrush(QColor(theme.text))
    chart.legend().setLabelColor(QColor(theme.text))
    return chart


class WeeksView(QChartView):
    """The weekly chart, whose week labels are chosen again whenever its plot changes size (axis_labels): each
    named whole and upright under its bar, as many as fit, the current week always. (QtCharts' bar category
    axis cuts a label wider than its bar, and hides it at the axis' ends: so the axis is a category axis of
    values, a label on the week it names.)"""

    def __init__(self, chart: QChart, axis: QCategoryAxis, labels: list[str], parent: QWidget | None) -> None:
        super().__init__(chart, parent)
        self.axis = axis
        self.labels = labels
        self.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.setObjectName("chart-weeks")
        self.setAccessibleName(chart.title())
        design_size(self, min_height=220)
        chart.plotAreaChanged.connect(self.fit_labels)

    def shown(self) -> list[str]:
        """The week labels the axis names now, oldest first."""
        return list(self.axis.categoriesLabels())

    def label_widths(self) -> list[float]:
        metrics = QFontMetricsF(self.axis.labelsFont())
        return [metrics.horizontalAdvance(text) for text in self.labels]

    def label_gap(self) -> float:
        return QFontMetricsF(self.axis.labelsFont()).height() / 2

    def fit_labels(self, plot: QRectF) -> None:
        """Name the weeks that fit the plot's width; widen the chart's right margin so the current week's label,
        which may be wider than its bar, is not cut by the chart's edge."""
        if not self.labels or plot.width() <= 0:
            return
        widths = self.label_widths()
        pitch = plot.width() / len(self.labels)
        shown = shown_indices(len(self.labels), label_step(widths, pitch, self.label_gap()))
        if [self.labels[i] for i in shown] != self.shown():
            for text in self.shown():
                self.axis.remove(text)
            for i in shown:
                self.axis.append(self.labels[i], i)  # on the week's own bar (AxisLabelsPositionOnValue)
        chart = self.chart()
        margins = chart.margins()
        padding = chart.size().width() - plot.right() - margins.right()  # QtCharts' own room beyond the margin
        wanted = max(MARGIN, math.ceil(widths[-1] / 2 - pitch / 2 - padding) + 1)
        if wanted > margins.right() or wanted < margins.right() - 2:  # a pixel either way would go on forever
            margins.setRight(wanted)
            chart.setMargins(margins)


def weekly_chart(weeks: Sequence[Week], parent: QWidget | None = None) -> WeeksView:
    """Bars of training days per week (core.weeks' count, as every screen says it) with the target lines."""
    theme = current_theme(parent)
    chart = _chart(_("Training days per week (target {target})").format(target=TARGET), parent)
    days = QBarSet(_("Training days"))
    days.setColor(QColor(theme.done))
    for week in weeks:
        days.append(week.days)
    bars = QStackedBarSeries()
    bars.append(days)
    chart.addSeries(bars)
    labels = [day_month_text(w.monday) for w in weeks]  # one label per week: never the same twice
    x = QCategoryAxis()
    x.setRange(-0.5, len(weeks) - 0.5)  # week i's bar stands at i
    x.setStartValue(-0.5)
    x.setLabelsPosition(QCategoryAxis.AxisLabelsPosition.AxisLabelsPositionOnValue)
    x.setTruncateLabels(False)  # a week is named whole or not at all: never "14 se…"
    x.setGridLineVisible(False)
    top = max([TARGET_HIGH + 1, *(w.days + 1 for w in weeks)])
    y = QValueAxis()
    y.setRange(0, top)
    y.setTickCount(top + 1)
    y.setLabelFormat("%d")
    # no axis title: the chart's title says what is counted, and a rotated title was cut to "training ..."
    chart.addAxis(x, Qt.AlignmentFlag.AlignBottom)
    chart.addAxis(y, Qt.AlignmentFlag.AlignLeft)
    bars.attachAxis(x)
    bars.attachAxis(y)
    for level in (TARGET_LOW, TARGET_HIGH):
        line = QLineSeries()
        line.setName(_("target {target}").format(target=TARGET) if level == TARGET_LOW else "")
        line.append(-0.5, level)
        line.append(len(weeks) - 0.5, level)
        pen = QPen(QColor(theme.accent))
        pen.setWidth(2)
        pen.setStyle(Qt.PenStyle.DashLine)
        line.setPen(pen)
        chart.addSeries(line)
        line.attachAxis(x)
        line.attachAxis(y)
    # QtCharts has fonts of its own: the type scale's, at the scale of the screen it is on
    scale = scale_of(parent) if parent is not None else 1.0
    small = scaled_font(QApplication.font(), Type.SMALL * scale)
    chart.setTitleFont(scaled_font(QApplication.font(), Type.BODY * scale, bold=True))
    chart.legend().setFont(small)
    for axis in (x, y):
        axis.setLabelsFont(small)
    markers = chart.legend().markers()
    for marker in markers:
        if not marker.label():
            marker.setVisible(False)
    return WeeksView(chart, x, labels, parent)
